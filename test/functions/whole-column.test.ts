/**
 * Whole-column arguments (=DVC.HG_SCORE(E:E, F:F, G:G, H:H, C:C)): Excel hands each over as 1,048,576 rows,
 * one array per row, almost all [null] (or [""] on some hosts). The result must end at the last row in use,
 * so it spills wherever the formula is typed; a result as tall as the sheet shows #SPILL! anywhere but row 1.
 * Expected totals are the single-row calls' (hg165.test.ts pins those by hand from the plan).
 */
import { hg126Target, hgPrize, hgScore, iatorDay, lsMet, rank } from "../../src/functions/functions";
import { isXlError } from "../../src/functions/errors";
import { expectError, run } from "./helpers";

const SHEET_ROWS = 1_048_576;
const SHEET_COLS = 16_384;

/**
 * A whole column as Excel hands it: the given cells from row 1 down, then blanks to the sheet's last row,
 * alternately null and "" (both ways hosts hand a blank). The blank rows share two arrays: a million
 * distinct one-cell arrays per argument would only cost the test memory, and the functions never write.
 */
function column(cells: unknown[]): unknown[][] {
  const nullRow = [null];
  const emptyRow = [""];
  const out: unknown[][] = new Array(SHEET_ROWS);
  for (let i = 0; i < SHEET_ROWS; i++) {
    const v = i < cells.length ? cells[i] : undefined;
    out[i] = v === undefined ? (i % 2 ? emptyRow : nullRow) : [v];
  }
  return out;
}

// A table as officials lay it out: a title in another column (blank here), a header, communes, and one
// unit row left blank in the middle (rows are 1-based sheet rows).
const TITLE = [null, null, null, null, null];
const HEADER = ["Hồ sơ trực tuyến", "Tổng hồ sơ", "Định danh mức 2", "CCCD", "Cấp"];
const UNITS: unknown[][] = [
  [270, 300, 900, 1000, "xa"], // row 3: 94
  [300, 300, 890, 1000, "xã"], // row 4: 95.6
  [210, 300, 900, 1000, "xa"], // row 5: 82
  [null, null, null, null, null], // row 6: a blank unit between units
  [209, 300, 900, 1000, "xa"], // row 7: below the 70% floor, not considered
  [250, 300, 950, 1000, "xa"], // row 8
];
const ROWS = [TITLE, HEADER, ...UNITS];
const LAST_USED = ROWS.length; // sheet row 8

const columnArgs = () => [0, 1, 2, 3, 4].map((k) => column(ROWS.map((r) => r[k])));

describe("HG_SCORE over whole columns", () => {
  const out = hgScore(...(columnArgs() as [any, any, any, any, any]));

  test("the result has exactly the rows in use: down to the last unit, not the sheet's 1,048,576", () => {
    expect(out).toHaveLength(LAST_USED);
    expect(out.every((r) => r.length === 1)).toBe(true);
  });

  test("row i of the result is beside row i of the ranges: the unused top row is an empty cell, the header an error", () => {
    expect(out[0][0]).toBe("");
    expectError(out[1][0], "#VALUE!", /cấp/i);
  });

  test("each unit row gives what a single-row call gives, the blank unit in the middle its own error", () => {
    UNITS.forEach((args, k) => {
      const single = run(hgScore, ...args);
      const got = out[2 + k][0];
      if (isXlError(single)) {
        expect(isXlError(got)).toBe(true);
        expect({ row: 3 + k, code: (got as { code: string }).code }).toEqual({ row: 3 + k, code: (single as { code: string }).code });
      } else {
        expect({ row: 3 + k, total: got }).toEqual({ row: 3 + k, total: single });
      }
    });
    expectError(out[5][0], "#N/A");
    expect(out[2][0]).toBeCloseTo(94, 10);
    expect(out[3][0]).toBeCloseTo(95.6, 10);
  });

  test("a ranged call over the table's rows is unchanged: one row per row of the range, the same cells", () => {
    const ranged = hgScore(...([0, 1, 2, 3, 4].map((k) => UNITS.map((r) => [r[k]])) as [any, any, any, any, any]));
    expect(ranged).toHaveLength(UNITS.length);
    expect(ranged).toEqual(out.slice(2));
  });

  test("a single-row call with whole-column neighbours' shape is unchanged: one value", () => {
    expect(run(hgScore, 270, 300, 900, 1000, "xa")).toBeCloseTo(94, 10);
    expect(hgScore([[270]], [[300]], [[900]], [[1000]], [["xa"]])).toEqual([[run(hgScore, 270, 300, 900, 1000, "xa")]]);
  });

  test("whole columns with nothing in them give the missing figure once, not a million errors", () => {
    const blank = column([]);
    expectError(run(hgScore, blank, blank, blank, blank, blank), "#N/A");
  });

  test("a unit on the sheet's last row keeps every row: nothing after it is unused", () => {
    const args = columnArgs();
    for (let k = 0; k < 5; k++) args[k][SHEET_ROWS - 1] = [UNITS[0][k]];
    const full = hgScore(...(args as [any, any, any, any, any]));
    expect(full).toHaveLength(SHEET_ROWS);
    expect(full[SHEET_ROWS - 1][0]).toBeCloseTo(94, 10);
    expectError(full[LAST_USED][0], "#N/A"); // row 9, blank between units, is a unit with missing figures
  });
});

describe("the other functions over a whole column", () => {
  test("HG_PRIZE(E:E): the ranks in use only", () => {
    const out = hgPrize(column([null, "Hạng", 1, 2, 3]));
    expect(out).toHaveLength(5);
    expect(out.slice(2).map((r) => r[0])).toEqual([1, 2, 3].map((k) => run(hgPrize, k)));
  });

  test("LS_MET(C:C, \"so_hoa\", E:E): a scalar argument does not make a row used", () => {
    const out = lsMet(column(["xa", "huyen", "xa"]), [["so_hoa"]], column([0.6, 0.6, 0.5]));
    expect(out.map((r) => r[0])).toEqual([true, true, false]);
  });

  test("IATOR_DAY(A:A): trailing blank rows left out", () => {
    const out = iatorDay(column(["22/3/2024", "10/5/2024"]));
    expect(out.map((r) => r[0])).toEqual([1, 50]);
  });

  test("HG126_TARGET(1:1): a whole row gives the columns in use only", () => {
    const row: unknown[] = new Array(SHEET_COLS).fill(null);
    row[0] = "II.2";
    row[1] = "II.2";
    const out = hg126Target([row]);
    expect(out).toEqual([[run(hg126Target, "II.2"), run(hg126Target, "II.2")]]);
    expect(out[0][0]).toBeCloseTo(0.9, 10);
  });

  test("RANK(E:E): one rank per score in use; a blank score between them keeps its error", () => {
    const out = rank(column([null, "Điểm", 90, 95, null, 90]));
    expect(out).toHaveLength(6);
    expect(out.slice(2).map((r) => (isXlError(r[0]) ? "error" : r[0]))).toEqual([2, 1, "error", 2]);
    expectError(out[4][0], "#N/A", /trống/);
  });

  test("RANK(E:E, F:F): a tie-break in a row with no score keeps that row", () => {
    const out = rank(column([90, 90]), column([1, 2, 5]));
    expect(out).toHaveLength(3);
    expect(out.slice(0, 2).map((r) => r[0])).toEqual([2, 1]);
  });

  test("RANK over a ranged call is unchanged", () => {
    expect(rank([[90], [95], [90]])).toEqual([[2], [1], [2]]);
    expect(rank([[90, 95, 80]])).toEqual([[2, 1, 3]]);
  });
});
