/**
 * Bugs the property tests found, shrunk to small counterexamples. Skipped until src/ is fixed: each
 * states the behaviour PLANS.md and DESIGN.md ask for, so un-skipping it checks the fix. The
 * properties themselves leave these inputs out (see gen.ts), so that they keep guarding the rest.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { scoreTable } from "../../src/engine";
import { getPlan } from "../../src/plans";
import { scoreSheet } from "../../src/workbook";
import { scoreCommand } from "../../src/cli/score";

const HEADER = ["Đơn vị", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD"];
const GOOD = ["Xã B", "Huyện X", 90, 100, 90, 100];

describe("an Invalid Date cell (exceljs reads one for a date-formatted cell holding a huge number)", () => {
  it.skip("KNOWN BUG: scoreTable throws RangeError for { online_dossiers: new Date(NaN) } (src/engine/coerce.ts shown())", () => {
    const out = scoreTable("hg-165-2023", [
      { key: "Xã A", group: "Huyện X", level: "xa", values: { online_dossiers: new Date(NaN), all_dossiers: 100, eid_activated: 90, citizens_with_cccd: 100 } },
      { key: "Xã B", group: "Huyện X", level: "xa", values: { online_dossiers: 90, all_dossiers: 100, eid_activated: 90, citizens_with_cccd: 100 } },
    ]);
    // bad input → a finding on that input, never an exception; the other rows still scored
    expect(out.units[0]).toMatchObject({ status: "invalid_input", reason: "invalid_input", total: null });
    expect(out.units[0].findings).toContainEqual(expect.objectContaining({ code: "invalid_input", input: "online_dossiers" }));
    expect(out.units[1].status).toBe("scored");
  });

  it.skip("KNOWN BUG: scoreSheet throws RangeError for an Invalid Date as a unit's name or a header (src/workbook/read.ts textOf(), src/workbook/score.ts headerTexts())", () => {
    const plan = getPlan("hg-165-2023");
    const asName = [HEADER, [new Date(NaN), "Huyện X", 90, 100, 90, 100], GOOD];
    const asHeader = [[...HEADER, new Date(NaN)], ["Xã A", "Huyện X", 90, 100, 90, 100], GOOD];
    for (const grid of [asName, asHeader]) {
      const s = scoreSheet(plan, grid, { sheet: "Số liệu" });
      expect(s.outcome.units.find((u) => u.key === "Xã B")?.status).toBe("scored");
    }
  });

  it.skip("KNOWN BUG: `score` crashes (RangeError escapes scoreCommand) on an .xlsx whose count in C2 holds 1e20 formatted dd/mm/yyyy", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-known-"));
    const file = path.join(dir, "bad-date.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Số liệu");
    [HEADER, ["Xã A", "Huyện X", 1e20, 100, 90, 100], GOOD].forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
    ws.getCell("C2").numFmt = "dd/mm/yyyy";
    await wb.xlsx.writeFile(file);
    let out = "";
    let err = "";
    try {
      const code = await scoreCommand([file, "--plan", "hg-165", "--json"], { out: (s) => (out += s), err: (s) => (err += s) });
      // a clear message naming sheet, row and column; the other row scored
      expect(code).toBe(0);
      expect(err).toContain("Số liệu!C2 (Xã A)");
      expect(JSON.parse(out).find((u: { unit: string }) => u.unit === "Xã B").status).toBe("scored");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
