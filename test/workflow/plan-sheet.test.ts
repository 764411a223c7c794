/**
 * Plan sheets in the pane's jobs, against the fake Excel: a new plan sheet is written under a free
 * name with its lists and notes; the picker finds plan sheets (not the data, nor the rules sheet that
 * records a plan); a Rank with a plan sheet reads it in the job's first round trip, scores as the
 * same plan built in, and records it on the rules sheet; a plan sheet with problems scores nothing
 * and writes nothing.
 */
import { createFakeExcel, FakeWorkbook } from "../fake-excel/fake-excel";
import { hg165Sheet } from "../fake-excel/sample-hg165";
import { PlanSheetWorkflowError, runJob, type JobRequest } from "../../src/workflow/job";
import { readPlanSheets, writePlanSheet } from "../../src/excel-io/plan-sheets";
import type { ExcelRunner } from "../../src/excel-io/types";
import { getPlan } from "../../src/plans";
import { planSheetModel, RESULTS_SHEET, RULES_SHEET, templatePlan } from "../../src/workbook";
import { BLOCK_TEXT } from "../../src/messages/plan-sheet";

const NOW = new Date(2023, 11, 20, 9, 30);
const DATA = "Số liệu 2023";

function book() {
  const wb = new FakeWorkbook();
  wb.setValues(DATA, "B2", hg165Sheet());
  wb.select(DATA, "B6");
  const excel = createFakeExcel(wb);
  return { wb, run: excel.run.bind(excel) as unknown as ExcelRunner };
}

const hg165Model = (name: string) => planSheetModel(getPlan("hg-165-2023"), name);
const RANK: JobRequest = { planId: "hg-165-2023", source: { kind: "region", sheet: DATA, cell: "B6" }, now: NOW };

describe("plan sheets in Excel", () => {
  test("a new plan sheet takes a free name, with its drop-down lists and its notes; the sheet it would replace stays", async () => {
    const { wb, run } = book();
    const first = await writePlanSheet(run, hg165Model);
    expect(first).toEqual({ name: "Kế hoạch DVC", notesSkipped: false });
    const before = wb.getValues("Kế hoạch DVC");
    const second = await writePlanSheet(run, (n) => planSheetModel(templatePlan(), n));
    expect(second.name).toBe("Kế hoạch DVC (2)");
    expect(wb.getValues("Kế hoạch DVC")).toEqual(before);
    const s = wb.sheetByName("Kế hoạch DVC")!;
    const model = hg165Model("Kế hoạch DVC");
    expect(s.validations.filter(([, p]) => p === "rule")).toHaveLength(model.dataValidations!.length);
    expect(s.validations.find(([, p]) => p === "rule")![2]).toEqual({ list: { inCellDropDown: true, source: model.dataValidations![0].values.join(",") } });
    expect(s.notes.size).toBe(model.comments!.length);
    // a plan sheet is the user's: no marker of ours points at it
    expect(wb.names.some((n) => n.sheetId === s.id)).toBe(false);
  });

  test("a host without worksheet notes: the sheet is written and the pane is told the notes were left out", async () => {
    const { wb, run } = book();
    wb.noNotes = true;
    expect(await writePlanSheet(run, hg165Model)).toEqual({ name: "Kế hoạch DVC", notesSkipped: true });
    expect(wb.sheetByName("Kế hoạch DVC")!.notes.size).toBe(0);
  });

  test("Rank with a plan sheet: the built-in plan's results in 2 round trips, and the plan as loaded on the rules sheet", async () => {
    const a = book();
    const builtIn = await runJob(a.run, RANK);
    const b = book();
    await writePlanSheet(b.run, hg165Model);
    const syncs = b.wb.syncCount;
    const fromSheet = await runJob(b.run, { ...RANK, planSheet: "Kế hoạch DVC" });
    expect(b.wb.syncCount - syncs).toBe(2);
    const totals = (r: typeof builtIn) => r.scored.outcome.units.map((u) => [u.key, u.total, u.rank, u.award]);
    expect(totals(fromSheet)).toEqual(totals(builtIn));
    expect(b.wb.getValues(RESULTS_SHEET).length).toBe(a.wb.getValues(RESULTS_SHEET).length);
    const rules = b.wb.getValues(RULES_SHEET);
    expect(rules.some((r) => r[0] === 'Kế hoạch như đã nạp (trang "Kế hoạch DVC")')).toBe(true);
    expect(rules[1].slice(8, 10)).toEqual(["Nguồn kế hoạch", 'trang "Kế hoạch DVC"']);

    // the picker: the plan sheet, not the data sheet nor the rules sheet that now holds the plan too
    expect((await readPlanSheets(b.run)).map((s) => s.name)).toEqual(["Kế hoạch DVC"]);
  });

  test("a plan sheet with a problem: nothing scored, nothing written, the cell to fix named", async () => {
    const { wb, run } = book();
    await writePlanSheet(run, hg165Model);
    const grid = wb.getValues("Kế hoạch DVC");
    const t = grid.findIndex((r) => r[0] === BLOCK_TEXT.criteria.title);
    const c = grid[t + 1].indexOf(BLOCK_TEXT.criteria.columns.threshold.header);
    const cell = String.fromCharCode(65 + c) + (t + 3);
    wb.setValues("Kế hoạch DVC", cell, [["nhiều"]]);
    const sheets = wb.sheets.map((s) => s.name);
    const err = await runJob(run, { ...RANK, planSheet: "Kế hoạch DVC" }).catch((e) => e);
    expect(err).toBeInstanceOf(PlanSheetWorkflowError);
    expect(err.problems.map((p: { cell: string }) => p.cell)).toContain(cell);
    expect(err.where).toEqual({ sheet: "Kế hoạch DVC", row: t + 3, column: String.fromCharCode(65 + c) });
    expect(wb.sheets.map((s) => s.name)).toEqual(sheets);
  });
});
