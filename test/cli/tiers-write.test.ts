/**
 * The fills by tier as both writers put them in the workbook, from the one SheetModel: the command
 * line's conditionalFormatting with its dxf colours in the package, the pane's conditional formats
 * through Office.js (the fake Excel). Either writer dropping a tier's colour fails here.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeNewBook } from "../../src/cli/write";
import { queueWrite, type OwnedSheet } from "../../src/excel-io/write";
import { HIGHLIGHT, layoutResults, layoutRules, RESULTS_SHEET } from "../../src/workbook";
import { createFakeExcel, FakeWorkbook } from "../fake-excel/fake-excel";
import { importedPlan, scoredSheet } from "../workbook/tiered-fixture";
import { parts, text } from "./write/packages";

const now = new Date(2026, 10, 30, 9, 0);
const plan = importedPlan();
const scored = scoredSheet();
const rules = layoutRules(plan, { now, scored, formulas: true });
const results = layoutResults(scored, plan, { formulas: true, rules, now });
const tierLetter = String.fromCharCode(65 + (results.cells[3] as string[]).indexOf("Xếp loại"));
const tierRules = results.conditionalFormats.filter((r) => r.range.startsWith(`${tierLetter}5:`));

test("the model has one rule per tier", () => {
  expect(tierRules.map((r) => r.style)).toEqual(["green", "blue", "red"]);
});

test("the command line writes each tier's rule with its own colours", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-tiers-"));
  const out = path.join(dir, "tiers.xlsx");
  await writeNewBook([results, rules.sheet], out);
  const p = parts(fs.readFileSync(out));
  const sheet = text(p, "xl/worksheets/sheet1.xml");
  const styles = text(p, "xl/styles.xml");
  const dxfs = [...styles.matchAll(/<dxf>.*?<\/dxf>/g)].map((m) => m[0]);
  const written = [...sheet.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule type="expression" dxfId="(\d+)" priority="(\d+)"><formula>([^<]*)<\/formula>/g)]
    .map((m) => ({ range: m[1], dxf: dxfs[Number(m[2])], priority: Number(m[3]), formula: m[4].replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&") }));
  for (const r of tierRules) {
    const w = written.find((x) => x.priority === r.priority)!;
    expect(w).toMatchObject({ range: r.range, formula: r.formula });
    expect(w.dxf).toContain(`rgb="FF${HIGHLIGHT[r.style].fill}"`);
    expect(w.dxf).toContain(`rgb="FF${HIGHLIGHT[r.style].font}"`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the pane writes each tier's rule with the same colours", async () => {
  const wb = new FakeWorkbook();
  wb.addSheet("Chỉ số tuần 48");
  const excel = createFakeExcel(wb);
  const sheets: OwnedSheet[] = [{ role: "results", model: results }, { role: "rules", model: rules.sheet }];
  await excel.run(async (ctx) => {
    queueWrite(ctx as never, { sheets }, { replace: [], dropNames: [] });
    await ctx.sync();
  });
  const id = wb.sheetByName(RESULTS_SHEET)!.id;
  const written = wb.conditionalFormats.filter((c) => c.sheet === id);
  for (const r of tierRules) {
    const cf = written.find((c) => c.priority === r.priority)!;
    expect(cf).toMatchObject({ formula: "=" + r.formula, fill: "#" + HIGHLIGHT[r.style].fill, font: "#" + HIGHLIGHT[r.style].font });
    expect(cf.address.replace(/\$/g, "")).toContain(r.range.split(":")[0]);
  }
});
