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
 */
export function broadcast(args: unknown[], fn: (cells: CellInput[], row: number) => Cell): Cell[][] {
  const grids = args.map(asGrid);
  const rows = Math.max(1, ...grids.map((g) => g.length));
  const cols = Math.max(1, ...grids.map((g) => Math.max(...g.map((r) => r.length))));
  const fits = grids.every((g) => (g.length === 1 || g.length === rows) && g.every((r) => r.length === 1 || r.length === cols));
  if (!fits) return [[xlError("#VALUE!", SHAPE_MESSAGE)]];
  const out: Cell[][] = [];
  for (let i = 0; i < rows; i++) {
    const line: Cell[] = [];
    for (let j = 0; j < cols; j++) {
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
