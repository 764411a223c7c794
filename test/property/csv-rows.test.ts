/**
 * No row of a CSV is lost or glued to another, however its lines end (CRLF, LF or CR, mixed), with
 * quoted cells holding the delimiter or a line break: every record comes back as written.
 */
import fc from "fast-check";
import { readInput } from "../../src/cli/read";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runs } from "./gen";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-csv-prop-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// letters as the reader keeps them (it composes text to NFC)
const word = fc.array(fc.constantFrom(..."aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộứừửữựĐÂƯ"), { minLength: 1, maxLength: 8 }).map((a) => a.join(""));
const cell = fc.oneof(word, fc.integer({ min: 0, max: 99999 }).map(String), word.map((w) => `"${w}, ${w}"`), word.map((w) => `"${w}\n${w}"`));
const EOL = fc.constantFrom("\r\n", "\n", "\r");

describe("CSV records over random line endings", () => {
  test("every record is read as its own row, with its cells", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 30 }), fc.array(EOL, { minLength: 30, maxLength: 30 }), async (rows, ends) => {
        const table = [["Đơn vị", "Cấp", "Huyện"], ...rows];
        const text = table.map((r, i) => r.join(",") + ends[i % ends.length]).join("");
        const f = path.join(dir, `${++n}.csv`);
        fs.writeFileSync(f, text, "utf8");
        const grid = (await readInput(f)).sheets[0].grid;
        const unquote = (s: string) => (s.startsWith('"') ? s.slice(1, -1) : s);
        const want = table.map((r) => r.map((v) => (/^\d+$/.test(v) ? Number(v) : unquote(v))));
        expect(grid).toEqual(want);
      }),
      runs(150),
    );
  });
});
