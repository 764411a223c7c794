/**
 * DVC.PLAN_SCORE: a unit scored under the plan laid out in a range, its figures matched to the
 * plan's inputs by the table's header row, with the totals the workbook route (pane and command
 * line) gives for the same table; a plan with problems is an error naming the first cell to fix, and
 * the total follows the plan's cells.
 */
import type { CellInput, Plan } from "../../src/engine";
import { planScore } from "../../src/functions/functions";
import { getPlan } from "../../src/plans";
import { planSheetModel, scoreSheet, type SheetModel } from "../../src/workbook";
import { BLOCK_TEXT } from "../../src/messages/plan-sheet";
import { expectError, run } from "./helpers";

/** The sheet as Excel hands a range to a function: a blank cell is "". */
function rangeOf(model: SheetModel): unknown[][] {
  const width = Math.max(...model.cells.map((r) => r.length));
  return model.cells.map((row) => Array.from({ length: width }, (_, c) => {
    const v = row[c];
    return v === null || v === undefined || typeof v === "object" ? "" : v;
  }));
}

const HEADERS = ["Đơn vị", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh điện tử mức 2 đã kích hoạt", "Số công dân có CCCD"];
const ROWS: CellInput[][] = [
  ["Xã A", 950, 1000, 850, 1000],
  ["Xã B", 1000, 1000, 950, 1000],
  ["Xã C", 820, 1000, 700, 1000],
  ["Xã D", 500, 1000, 900, 1000],
];
const hg165 = (): Plan => getPlan("hg-165-2023");

/** Row and column of the value cell of a criterion's column in the criteria table, for a commune criterion. */
function criterionCell(grid: unknown[][], id: string, header: string): { r: number; c: number } {
  const t = grid.findIndex((row) => row[0] === BLOCK_TEXT.criteria.title);
  const h = t + 1;
  const col = (name: string) => grid[h].indexOf(name);
  const r = grid.findIndex((row, i) => i > h && row[col(BLOCK_TEXT.criteria.columns.id.header)] === id && row[col(BLOCK_TEXT.criteria.columns.level.header)] === "xã");
  expect(r).toBeGreaterThan(h);
  return { r, c: col(header) };
}

describe("DVC.PLAN_SCORE", () => {
  it("one formula over the table: the workbook route's totals, row for row", () => {
    const plan = hg165();
    const grid: CellInput[][] = [HEADERS, ...ROWS];
    const scored = scoreSheet(plan, grid, { sheet: "Số liệu", level: "xa" });
    const want = ROWS.map((r) => {
      const u = scored.outcome.units.find((x) => x.key === r[0])!;
      return u.total ?? null;
    });
    expect(want.every((t) => typeof t === "number" || t === null)).toBe(true);
    const got = run(planScore, rangeOf(planSheetModel(plan)), [["xa"]], ROWS, [HEADERS]) as unknown[][];
    expect(got.length).toBe(ROWS.length);
    got.forEach((row, i) => {
      if (want[i] === null) expect(typeof row[0]).toBe("object"); // not considered: an error value, not 0
      else expect(row[0]).toBeCloseTo(want[i] as number, 10);
    });
    // Xã D is below the commune floor of 70%: not considered, with the plan's words
    expectError(got[3][0], "#N/A", /không xét/i);
  });

  it("the total follows the plan's cells: a lower threshold in the range gives the full points", () => {
    const model = planSheetModel(hg165());
    const grid = rangeOf(model);
    const before = run(planScore, grid, "xa", [ROWS[0]], [HEADERS]) as number;
    const { r, c } = criterionCell(grid, "online_ratio", BLOCK_TEXT.criteria.columns.threshold.header);
    grid[r][c] = 0.9;
    const after = run(planScore, grid, "xa", [ROWS[0]], [HEADERS]) as number;
    expect(after).toBeGreaterThan(before);
    expect(after - before).toBeCloseTo(60 - 0.95 * 60, 10);
  });

  it("a plan with a problem scores nothing and names the first cell to fix", () => {
    const grid = rangeOf(planSheetModel(hg165()));
    const { r, c } = criterionCell(grid, "online_ratio", BLOCK_TEXT.criteria.columns.threshold.header);
    grid[r][c] = "nhiều";
    const cell = String.fromCharCode(65 + c) + (r + 1);
    expectError(run(planScore, grid, "xa", [ROWS[0]], [HEADERS]), "#VALUE!", new RegExp(`ô ${cell}\\b.*nhiều`));
  });

  it("a header row without a figure's column names the figure; widths that differ are refused", () => {
    const grid = rangeOf(planSheetModel(hg165()));
    const headers = [...HEADERS.slice(0, 3), "Ghi chú", "Khác"];
    expectError(run(planScore, grid, "xa", [ROWS[0]], [headers]), "#VALUE!", /định danh|CCCD/i);
    expectError(run(planScore, grid, "xa", [ROWS[0]], [HEADERS.slice(0, 4)]), "#VALUE!", /cột/);
  });

  it("blank rows at the end of a whole-column range are left out; a blank level is an error on its row", () => {
    const grid = rangeOf(planSheetModel(hg165()));
    const rows = [...ROWS.slice(0, 2), ["", "", "", "", ""], ["", "", "", "", ""]];
    const got = run(planScore, grid, [["xa"], [""], [""], [""]], rows, [HEADERS]) as unknown[][];
    expect(got.length).toBe(2);
    expect(typeof got[0][0]).toBe("number");
    expectError(got[1][0], "#N/A", /cấp/i);
  });
});
