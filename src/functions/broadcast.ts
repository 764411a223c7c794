/**
 * Excel-style broadcasting for the custom functions: each argument is a single value or a range,
 * and one formula computes every row (and column) of the ranges, so `=DVC.HG_SCORE(A2:A80, ...)`
 * scores a whole column. A bad row gives an error value in its own cell; the others still compute.
 */
import type { CellInput } from "../engine/types";
import { isXlError, xlError, type XlError } from "./errors";

export type Grid = unknown[][];
export type Cell = number | string | boolean | XlError;

/** A scalar, a 1-D list or a 2-D range as a 2-D grid. */
export function asGrid(x: unknown): Grid {
  if (!Array.isArray(x)) return [[x]];
  if (x.length === 0) return [[null]];
  if (x.every((r) => Array.isArray(r))) return x as Grid;
  return [x];
}

/** What Excel (or `calc`) handed over, as the engine's CellInput: error values become `{ error }`. */
export function toCellInput(x: unknown): CellInput {
  if (x === null || x === undefined) return null;
  if (typeof x === "number" || typeof x === "string" || typeof x === "boolean" || x instanceof Date) return x;
  if (isXlError(x)) return { error: x.code };
  if (typeof x === "object" && typeof (x as { error?: unknown }).error === "string") return { error: (x as { error: string }).error };
  // An entity or any other object is not a figure; the engine reports it as invalid input.
  return { error: "#VALUE!" };
}

/** Every cell of a range that is not blank, row by row (blanks are the unused rest of a selection). */
export function nonBlankCells(x: unknown): CellInput[] {
  const out: CellInput[] = [];
  for (const row of asGrid(x)) {
    for (const c of row) {
      const v = toCellInput(c);
      if (v === null || (typeof v === "string" && v.trim() === "")) continue;
      out.push(v);
    }
  }
  return out;
}

const SHAPE_MESSAGE = "Các vùng dữ liệu không cùng kích thước (số dòng / số cột phải bằng nhau hoặc bằng 1)";

/**
 * Calls `fn` once per cell of the broadcast shape of `args` (each argument's rows and columns must
 * equal the largest or be 1). An exception inside `fn` becomes #VALUE! in that cell only.
 *
 * Reading (the rows in use): a whole-column reference such as E:E hands over all 1,048,576 rows of the
 * sheet, almost all blank. Rows (and columns) before the first and after the last that hold anything in
 * the arguments that vary along the ranges are not units but the unused ends of a range:
 * - the trailing ones are left out of the result, so it ends at the last row in use and spills wherever
 *   the formula is typed (a result as tall as the sheet fits only in row 1, and shows #SPILL! elsewhere);
 * - the leading ones give an empty cell, so that result row i stays beside row i of the ranges.
 * A blank row between units is still a unit with missing figures and gives its own error, and so does a
 * single blank cell. Ranges with nothing in use at all give that error once, for their first row.
 */
export function broadcast(args: unknown[], fn: (cells: CellInput[], row: number) => Cell): Cell[][] {
  const grids = args.map(asGrid);
  // loops, not Math.max(...rows): a whole column is 1,048,576 rows, beyond a spread's argument limit
  let rows = 1;
  let cols = 1;
  for (const g of grids) {
    if (g.length > rows) rows = g.length;
    for (const r of g) if (r.length > cols) cols = r.length;
  }
  const fits = grids.every((g) => (g.length === 1 || g.length === rows) && g.every((r) => r.length === 1 || r.length === cols));
  if (!fits) return [[xlError("#VALUE!", SHAPE_MESSAGE)]];
  const used = usedBounds(grids, rows, cols);
  const out: Cell[][] = [];
  for (let i = 0; i <= used.r1; i++) {
    const line: Cell[] = [];
    const rowUnused = i < used.r0;
    for (let j = 0; j <= used.c1; j++) {
      if (rowUnused || j < used.c0) {
        line.push("");
        continue;
      }
      const cells = grids.map((g) => {
        const r = g.length === 1 ? g[0] : g[i];
        return toCellInput(r.length === 1 ? r[0] : r[j]);
      });
      line.push(safely(() => fn(cells, i)));
    }
    out.push(line);
  }
  return out;
}

const isBlankInput = (x: unknown) => x === null || x === undefined || (typeof x === "string" && x.trim() === "");

/**
 * The rows of the arguments in use, as broadcast() finds them (the first and last row where an argument
 * that varies along the rows holds something): for a function that walks the rows itself.
 */
export function rowsInUse(args: unknown[]): { first: number; last: number } {
  const grids = args.map(asGrid);
  let rows = 1;
  for (const g of grids) if (g.length > rows) rows = g.length;
  const used = usedBounds(grids, rows, 1);
  return { first: used.r0, last: used.r1 };
}

/**
 * The first and last row and column where an argument that varies along that direction holds
 * something; the whole shape along a direction where nothing varies, and only the first row (column)
 * along one where everything is blank (a single blank cell, or a range with no figures at all, is a
 * missing figure, not an unused end: it is reported once).
 */
function usedBounds(grids: Grid[], rows: number, cols: number): { r0: number; r1: number; c0: number; c1: number } {
  const whole = { r0: 0, r1: rows - 1, c0: 0, c1: cols - 1 };
  const byRow = rows > 1 ? grids.filter((g) => g.length === rows) : [];
  const byCol = cols > 1 ? grids.filter((g) => g.some((r) => r.length === cols)) : [];
  if (!byRow.length && !byCol.length) return whole;
  let r0 = rows;
  let r1 = -1;
  let c0 = cols;
  let c1 = -1;
  for (const g of byRow) {
    for (let i = 0; i < rows; i++) {
      if (g[i].every(isBlankInput)) continue;
      if (i < r0) r0 = i;
      if (i > r1) r1 = i;
    }
  }
  for (const g of byCol) {
    for (const r of g) {
      for (let j = 0; j < r.length; j++) {
        if (isBlankInput(r[j])) continue;
        if (j < c0) c0 = j;
        if (j > c1) c1 = j;
      }
    }
  }
  if (r1 < 0) [r0, r1] = [0, 0];
  if (c1 < 0) [c0, c1] = [0, 0];
  return { r0: byRow.length ? r0 : 0, r1: byRow.length ? r1 : whole.r1, c0: byCol.length ? c0 : 0, c1: byCol.length ? c1 : whole.c1 };
}

export function safely(fn: () => Cell): Cell {
  try {
    return fn();
  } catch (e) {
    if (isXlError(e)) return e;
    return xlError("#VALUE!", e instanceof Error ? e.message : String(e));
  }
}

/**
 * What a function hands back to Excel: a 1×1 error is thrown (the usual way a custom function
 * shows an error with its message); anything else is returned as a 2-D array, which spills.
 */
export function spill(result: Cell[][]): Cell[][] {
  if (result.length === 1 && result[0].length === 1 && isXlError(result[0][0])) throw result[0][0];
  return result;
}
