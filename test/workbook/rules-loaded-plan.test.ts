/**
 * The rules sheet of a user's plan records the plan as it was read: a block of the plan sheet's
 * layout that reads back as the same plan, with the origin on the header row; a built-in plan's
 * rules sheet is as before, and a user's plan keeps every cell the built-in layout has.
 */
import type { CellInput, Plan } from "../../src/engine";
import { getPlan } from "../../src/plans";
import { layoutRules, readPlanSheet, RULES_SHEET } from "../../src/workbook";
import { PLAN_ORIGIN_TEXT } from "../../src/messages/plan-origin";

const NOW = new Date(2026, 1, 5, 9, 30);

function gridOf(cells: unknown[][]): CellInput[][] {
  return cells.map((row) => row.map((c) => (c !== null && typeof c === "object" ? null : (c as CellInput))));
}

const userPlan = (): Plan => ({ ...getPlan("hg-165-2023"), origin: { kind: "sheet", name: "KH của xã" } });

describe("rules sheet: the plan as loaded", () => {
  it("a user's plan: a block from which the very plan reads back", () => {
    const plan = userPlan();
    const rules = layoutRules(plan, { now: NOW });
    const grid = gridOf(rules.sheet.cells);
    const title = grid.findIndex((row) => row[0] === `Kế hoạch như đã nạp (trang "KH của xã")`);
    expect(title).toBeGreaterThan(0);
    expect(rules.sheet.boldRows).toContain(title);
    // the block's cells, from the plan sheet's own title down, copied onto a sheet of their own
    const read = readPlanSheet(grid.slice(title + 1), "Bản chép");
    expect(read.problems).toEqual([]);
    const { origin, ...rest } = read.plan!;
    expect(origin).toEqual({ kind: "sheet", name: "Bản chép" });
    const { origin: _o, ...want } = plan;
    expect(rest).toEqual(want);
  });

  it("the origin is on the header row, after the cells a built-in plan has there", () => {
    const grid = gridOf(layoutRules({ ...getPlan("hg-165-2023"), origin: { kind: "file", name: "kh-2026.plan.json" } }, { now: NOW }).sheet.cells);
    expect(grid[1].slice(8)).toEqual([PLAN_ORIGIN_TEXT.originLabel, 'tệp "kh-2026.plan.json"']);
  });

  it("keeps every ref and every cell of the built-in layout; the block's number formats move with it", () => {
    const builtIn = layoutRules(getPlan("hg-165-2023"), { now: NOW });
    const user = layoutRules(userPlan(), { now: NOW });
    expect(user.refs).toEqual(builtIn.refs);
    builtIn.sheet.cells.forEach((row, r) => {
      expect(user.sheet.cells[r].slice(0, row.length)).toEqual(row);
    });
    expect(user.sheet.cells.length).toBeGreaterThan(builtIn.sheet.cells.length);
    expect(user.sheet.numberFormats!.slice(0, builtIn.sheet.numberFormats!.length)).toEqual(builtIn.sheet.numberFormats);
    // a threshold of the block shows as a percent: its cell holds 0.9 and its format is a percent one
    const grid = gridOf(user.sheet.cells);
    const extra = user.sheet.numberFormats!.slice(builtIn.sheet.numberFormats!.length);
    expect(extra.some((f) => f.format === "0.00%")).toBe(true);
    for (const f of extra) expect(Number(/\d+/.exec(f.range)![0])).toBeGreaterThan(builtIn.sheet.cells.length);
    expect(user.sheet.name).toBe(RULES_SHEET);
    expect(grid.length).toBe(user.sheet.cells.length);
  });

  it("a built-in plan has no such block", () => {
    const grid = gridOf(layoutRules(getPlan("hg-165-2023"), { now: NOW }).sheet.cells);
    expect(grid.some((row) => typeof row[0] === "string" && row[0].startsWith("Kế hoạch như đã nạp"))).toBe(false);
    expect(grid[1].length).toBe(8);
  });
});
