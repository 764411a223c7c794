/**
 * Finding the table on a sheet: officials put a title (often a merged cell) and a date line above
 * the header row, sometimes a row of column numbers "(1) (2) (3)" under it, and a totals row or
 * signatures below it. The header row is the row that looks most like headers (most cells that
 * match a known wording when a hint is given, else most text cells); the table ends at the first
 * blank row after its data starts (empty rows right under the header are a header merged downwards).
 */
import type { CellInput } from "../engine";
import type { TableRegion } from "./types";

/** How far down to look for the header row: titles and notes above a table are a few lines. */
const HEADER_SEARCH_ROWS = 30;

/**
 * Rows under the header that may be empty: a header cell merged over two or three rows leaves the
 * rows below its first empty in the grid (Excel, exceljs and Office.js give a merged cell's value
 * to its top-left cell only), and the data starts after them.
 */
const HEADER_CONTINUATION_ROWS = 2;

export function isBlank(v: CellInput): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function isText(v: CellInput): v is string {
  return typeof v === "string" && v.trim() !== "" && !/^[-+]?[\d.,\s%]+$/.test(v.trim());
}

/**
 * @param grid rows of cells from A1 (ragged rows allowed)
 * @param headerScore optional: how well a header text matches the expected columns (0 = not at all);
 *   with it, the row with the best total wins, so a title line with words in it is never taken for
 *   the header.
 */
export function findTable(grid: CellInput[][], headerScore?: (text: string) => number): TableRegion | null {
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = grid[r] ?? [];
    const texts = row.filter(isText) as string[];
    if (texts.length < 2) continue;
    // a header row needs something under it (past the empty rows of a header merged downwards)
    if (firstFilledBelow(grid, r) < 0) continue;
    let score = texts.length;
    if (headerScore) {
      const matched = texts.filter((t) => headerScore(t) > 0).length;
      if (matched === 0) continue;
      score = matched * 1000 + texts.length;
    }
    if (score > bestScore) {
      bestScore = score;
      best = r;
    }
  }
  if (best < 0) return null;
  const header = grid[best] ?? [];
  let firstCol = -1;
  let lastCol = -1;
  header.forEach((v, c) => {
    if (!isBlank(v)) {
      if (firstCol < 0) firstCol = c;
      lastCol = c;
    }
  });
  let lastRow = best;
  for (let r = firstFilledBelow(grid, best); r >= 0 && r < grid.length; r++) {
    const row = grid[r] ?? [];
    let any = false;
    for (let c = firstCol; c <= lastCol; c++) if (!isBlank(row[c])) any = true;
    if (!any) break;
    lastRow = r;
  }
  return { headerRow: best, firstCol, lastCol, lastRow };
}

const rowFilled = (row: CellInput[] | undefined) => (row ?? []).some((v) => !isBlank(v));

/** The first filled row under a header row, at most HEADER_CONTINUATION_ROWS empty rows down; -1 if none. */
function firstFilledBelow(grid: CellInput[][], header: number): number {
  for (let r = header + 1; r <= header + 1 + HEADER_CONTINUATION_ROWS && r < grid.length; r++) if (rowFilled(grid[r])) return r;
  return -1;
}
