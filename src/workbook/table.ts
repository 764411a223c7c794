/**
 * Finding the table on a sheet: officials put a title (often a merged cell) and a date line above
 * the header row, sometimes a row of column numbers "(1) (2) (3)" under it, and a totals row or
 * signatures below it. The header row is the row that looks most like headers (most cells that
 * match a known wording when a hint is given, else most text cells); the table ends at the first
 * blank row after its data starts (empty rows right under the header are a header merged downwards).
 *
 * The official layout often has a header of two rows: group titles merged across their sub-headers
 * ("Hồ sơ thủ tục hành chính" over "Số hồ sơ trực tuyến" and "Tổng số hồ sơ phát sinh"), the unit's
 * columns merged down over both rows. Each column's header is then read from both rows.
 */
import { dateText } from "../engine";
import type { CellInput } from "../engine";
import type { TableRegion } from "./types";
import type { TableView } from "./mapping";

/** How far down to look for the header row first: titles and notes above a table are a few lines. */
const HEADER_SEARCH_ROWS = 30;

/**
 * How far down the header is looked for when none is in the first HEADER_SEARCH_ROWS rows (a long
 * preamble of decisions and notes): only then, so that a second table lower on the sheet never
 * takes the place of the one at the top. Messages say how far the search went.
 */
export const HEADER_SEARCH_ROWS_MAX = 100;

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
  let best = bestHeaderRow(grid, 0, HEADER_SEARCH_ROWS, headerScore);
  if (best < 0) best = bestHeaderRow(grid, HEADER_SEARCH_ROWS, HEADER_SEARCH_ROWS_MAX, headerScore);
  if (best < 0) return null;
  // the best row may be either row of a two-row header: the group titles or the sub-headers
  let first = best;
  let headerRow = best;
  if (isTwoRowHeader(grid[best], grid[best + 1])) headerRow = best + 1;
  else if (best > 0 && isTwoRowHeader(grid[best - 1], grid[best])) first = best - 1;
  let firstCol = -1;
  let lastCol = -1;
  for (let r = first; r <= headerRow; r++) {
    (grid[r] ?? []).forEach((v, c) => {
      if (!isBlank(v)) {
        if (firstCol < 0 || c < firstCol) firstCol = c;
        lastCol = Math.max(lastCol, c);
      }
    });
  }
  const region: TableRegion = { headerRow, firstCol, lastCol, lastRow: headerRow };
  if (first < headerRow) region.headerFirstRow = first;
  for (let r = firstFilledBelow(grid, headerRow); r >= 0 && r < grid.length; r++) {
    const row = grid[r] ?? [];
    let any = false;
    for (let c = firstCol; c <= lastCol; c++) if (!isBlank(row[c])) any = true;
    if (!any) break;
    region.lastRow = r;
  }
  return region;
}

/** The row of [from, to) that looks most like the header (the first of equals), -1 when none does. */
function bestHeaderRow(grid: CellInput[][], from: number, to: number, headerScore?: (text: string) => number): number {
  let best = -1;
  let bestScore = 0;
  for (let r = from; r < Math.min(grid.length, to); r++) {
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
  return best;
}

/**
 * Reading: two rows are one header when the top row holds text over a blank of the row below (a
 * column merged down over both) and the row below holds text under a blank of the top row (a group
 * title's span), and the top row holds nothing but text. A title line over a full header row, or a
 * row of column numbers under one, has no such pair of blanks. (A header made of groups only, with
 * no column merged down, cannot be told from a title line above the header: it is read from its
 * lower row.)
 */
function isTwoRowHeader(top: CellInput[] | undefined, bottom: CellInput[] | undefined): boolean {
  if (!top || !bottom) return false;
  let mergedDown = false;
  let spanned = false;
  const n = Math.max(top.length, bottom.length);
  for (let c = 0; c < n; c++) {
    const t = top[c];
    const b = bottom[c];
    if (!isBlank(t) && !isText(t)) return false;
    if (isText(t) && isBlank(b)) mergedDown = true;
    if (isBlank(t) && isText(b)) spanned = true;
  }
  return mergedDown && spanned;
}

function cellText(v: CellInput): string {
  if (v === null || v === undefined) return "";
  return String(v instanceof Date ? dateText(v) : typeof v === "object" ? v.error : v).trim();
}

/**
 * The header text of each column of the table, left to right. Under a two-row header a sub-header is
 * read with its group's title ("Hồ sơ thủ tục hành chính — Số hồ sơ trực tuyến"), so two "Số lượng"
 * under two groups stay apart and the mapping sees every word; a column merged down keeps its one text.
 */
export function headerTexts(grid: CellInput[][], table: TableRegion): string[] {
  const bottom = grid[table.headerRow] ?? [];
  const two = table.headerFirstRow !== undefined && table.headerFirstRow < table.headerRow;
  const top = two ? grid[table.headerFirstRow as number] ?? [] : [];
  const out: string[] = [];
  // a group's title sits in its first column (a merged cell keeps its value there) and spans the
  // sub-headers to its right, up to the next title or a column merged down
  let group = "";
  for (let c = table.firstCol; c <= table.lastCol; c++) {
    const sub = cellText(bottom[c]);
    if (!two) {
      out.push(sub);
      continue;
    }
    const title = cellText(top[c]);
    if (!sub) {
      group = "";
      out.push(title);
      continue;
    }
    if (title) group = title;
    out.push(group ? `${group} — ${sub}` : sub);
  }
  return out;
}

const rowFilled = (row: CellInput[] | undefined) => (row ?? []).some((v) => !isBlank(v));

/** The first filled row under a header row, at most HEADER_CONTINUATION_ROWS empty rows down; -1 if none. */
function firstFilledBelow(grid: CellInput[][], header: number): number {
  for (let r = header + 1; r <= header + 1 + HEADER_CONTINUATION_ROWS && r < grid.length; r++) if (rowFilled(grid[r])) return r;
  return -1;
}

/**
 * The table as the column mapper sees it: each column's header (headerTexts) and its data cells,
 * rows aligned across columns. `hiddenColumns` are 0-based grid columns hidden in the sheet.
 */
export function tableView(grid: CellInput[][], table: TableRegion, hiddenColumns: Iterable<number> = []): TableView {
  const headers = headerTexts(grid, table);
  const hiddenSet = new Set(hiddenColumns);
  const columns: CellInput[][] = headers.map(() => []);
  for (let r = table.headerRow + 1; r <= table.lastRow; r++) {
    const row = grid[r] ?? [];
    for (let c = table.firstCol; c <= table.lastCol; c++) columns[c - table.firstCol].push(row[c] ?? null);
  }
  const view: TableView = { headers, columns, firstCol: table.firstCol };
  if (hiddenSet.size) view.hidden = headers.map((_, i) => hiddenSet.has(i + table.firstCol));
  return view;
}
