/**
 * Notes a user added to our results sheet after a first scoring: a value typed in a column without our
 * header, or a comment. Re-scoring would replace the sheet and lose them, so it stops (nothing written)
 * and names the cells; the same workbook without notes is scored again as before.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { scoreCommand } from "../../../src/cli/score";
import { notesList, notesOnResults, RESULTS_SHEET } from "../../../src/workbook";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const SAMPLE = path.join(ROOT, "assets", "samples", "hau-giang-2023.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-notes-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await scoreCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** The first scored copy, opened and saved again by exceljs after `edit` (as a user's Excel would save it). */
async function resaved(name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const first = file(`${name}-first.xlsx`);
  expect((await run([SAMPLE, "--plan", "hg-165", "--quiet", "-o", first])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(first);
  edit(wb.getWorksheet(RESULTS_SHEET)!);
  const input = file(`${name}.xlsx`);
  await wb.xlsx.writeFile(input);
  return input;
}

describe("notes on our old results sheet", () => {
  it("a re-run of a workbook saved again without notes replaces our sheets as before", async () => {
    const input = await resaved("plain", () => undefined);
    const out = file("plain-out.xlsx");
    const r = await run([input, "--plan", "hg-165", "--quiet", "-o", out]);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    expect(fs.existsSync(out)).toBe(true);
  });

  it("a value typed beside the table and a comment stop the run, naming both cells; nothing is written", async () => {
    let typed = "";
    const input = await resaved("noted", (ws) => {
      const lastCol = ws.getRow(4).cellCount;
      const cell = ws.getRow(6).getCell(lastCol + 2);
      cell.value = "Đã gọi điện nhắc xã bổ sung số liệu";
      typed = cell.address;
      ws.getCell("B5").note = "Kiểm tra lại số hồ sơ";
    });
    const out = file("noted-out.xlsx");
    const r = await run([input, "--plan", "hg-165", "--quiet", "-o", out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`"${RESULTS_SHEET}"`);
    expect(r.err).toContain(`B5, ${typed}`);
    expect(r.err).toMatch(/làm mất các ghi chú/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("notesOnResults", () => {
  const H = 3; // the header row, 0-based
  it("a filled cell in a column with our header is ours; one in a column without is a note; a comment always is", () => {
    const filled = [
      { row: 0, col: 0 },
      { row: H, col: 0 },
      { row: H, col: 1 },
      { row: H + 1, col: 1 },
      { row: H + 2, col: 3 },
      { row: 0, col: 5 },
    ];
    expect(notesOnResults(filled, [{ row: H + 1, col: 0 }])).toEqual(["F1", "A5", "D6"]);
    expect(notesOnResults(filled.slice(0, 4), [])).toEqual([]);
  });

  it("names ten cells and counts the rest", () => {
    const refs = Array.from({ length: 13 }, (_, i) => `Z${i + 1}`);
    expect(notesList(refs)).toBe("Z1, Z2, Z3, Z4, Z5, Z6, Z7, Z8, Z9, Z10 và 3 ô khác");
  });
});
