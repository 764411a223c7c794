/**
 * DVC.PLAN_SCORE on the sample of 2026: the sample plan (assets/samples/minh-son-2026.plan.json) laid
 * out as a plan sheet, the sample workbook's header row and each of its rows, give the totals worked out
 * by hand (test/workbook/sample-2026-expected.ts), the figures the command line and the pane give. A unit
 * without a total (below the floor, a bonus out of range) is an error value, never 0.
 */
import * as path from "path";
import { resolvePlanArg } from "../../src/cli/plan-source";
import { readInput } from "../../src/cli/read";
import type { CellInput, Plan } from "../../src/engine";
import { planScore } from "../../src/functions/functions";
import { planSheetModel } from "../../src/workbook";
import { EXPECTED } from "../workbook/sample-2026-expected";
import { expectError, run } from "./helpers";

const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");
const DATA_SHEET = "Số liệu 2026";

/** As Excel hands a range to a function: a blank cell is "", every row as wide as the range. */
function asRange(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  return rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const v = row[c];
      return v === null || v === undefined || typeof v === "object" ? "" : v;
    }),
  );
}

/** The hand-worked units without a total, and the error each is. */
const WITHOUT_TOTAL: Record<string, [string, RegExp]> = {
  "Xã Đá Bạc": ["#N/A", /Không xét thi đua: tỷ lệ hồ sơ trực tuyến 49,90% dưới 50%/],
  "Xã Ngọc Lâm": ["#N/A", /Không xét thi đua: tỷ lệ hồ sơ trực tuyến 45,00% dưới 50%/],
  // the message names the input by its label, never by the plan's id
  "Xã Sơn Thủy": ["#VALUE!", /^Điểm thưởng phải từ 0 đến 5: Điểm thưởng sáng kiến \(ô ghi "6"\)/],
};

let planRange: unknown[][];
let headers: unknown[][];
let rows: unknown[][];

beforeAll(async () => {
  const plan: Plan = await resolvePlanArg(path.join(SAMPLES, "minh-son-2026.plan.json"));
  const model = planSheetModel(plan);
  planRange = asRange(model.cells, Math.max(...model.cells.map((r) => r.length)));
  const book = await readInput(path.join(SAMPLES, "minh-son-2026.xlsx"));
  const grid: CellInput[][] = book.sheets.find((s) => s.name === DATA_SHEET)!.grid;
  const h = grid.findIndex((r) => r.includes("Xã, phường"));
  const width = grid[h].length;
  headers = asRange([grid[h]], width);
  rows = asRange(grid.slice(h + 1).filter((r) => r.some((c) => c !== null && c !== "")), width);
});

test("the sample's rows are the hand-worked units, in order", () => {
  expect(rows.map((r) => r[1])).toEqual(EXPECTED.map((e) => e[0]));
});

test("the units without a total are the hand-worked ones", () => {
  expect(EXPECTED.filter((e) => e[7] === null).map((e) => e[0]).sort()).toEqual(Object.keys(WITHOUT_TOTAL).sort());
});

test.each(EXPECTED.map((e, i) => [e[0], e[7], i] as const))("%s: one row scored gives the hand-worked total %p", (name, total, i) => {
  const got = run(planScore, planRange, "xa", [rows[i]], headers);
  // below the online floor: not considered, with the plan's words; the bonus of 6: an error of the data
  if (total === null) expectError(got, ...(WITHOUT_TOTAL[name] ?? ["?"]));
  else {
    expect(typeof got).toBe("number");
    expect(got as number).toBeCloseTo(total, 9);
  }
});

test("one formula over the whole table: every row's hand-worked total", () => {
  const got = run(planScore, planRange, [["xa"]], rows, headers) as unknown[][];
  expect(got).toHaveLength(EXPECTED.length);
  const differ = EXPECTED.flatMap(([name, , , , , , , total], i) => {
    const v = got[i][0];
    const same = total === null ? typeof v === "object" : typeof v === "number" && Math.abs(v - total) <= 1e-9;
    return same ? [] : [`${name}: ${JSON.stringify(v)}, expected ${total}`];
  });
  expect(differ).toEqual([]);
});
