/**
 * Merged cells down a table's name columns. Excel, exceljs and Office.js keep a merged area's value in
 * its top-left cell only, yet Excel shows it over the whole area: "Cấp" or "Thuộc huyện" merged down
 * over a district's communes reads as blank in every row but the first.
 *
 * Reading (commonReadings "merged_down"): a merge down a unit, group or level column gives its value to
 * every row of the merge, as Excel shows it. A merge over figures is not spread: a figure written once
 * for several rows was counted once, and copying it would count it again for each row.
 */
import type { CellInput } from "../engine";
import { UNIT_INPUTS } from "../plans/common";
import type { TableRegion } from "./types";

/** A merged area in grid coordinates: 0-based, first and last row and column, inclusive. */
export interface MergedArea {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const NAME_INPUTS = new Set(UNIT_INPUTS.map((d) => d.id));

/**
 * The grid with the value of each merge down a mapped name column copied into the rows under its
 * top-left cell, within the table's data rows. The input grid is not changed (rows that change are copied).
 */
export function spreadMergedNames(
  grid: CellInput[][],
  table: TableRegion,
  mapping: Record<string, number>,
  merges: readonly MergedArea[],
): CellInput[][] {
  const columns = new Set(Object.entries(mapping).filter(([id]) => NAME_INPUTS.has(id)).map(([, c]) => c));
  let out: CellInput[][] | null = null;
  for (const m of merges) {
    // the header's own merges (a header cell merged down) stay as they are: findTable reads them so
    if (m.r1 <= m.r0 || m.r0 <= table.headerRow || !columns.has(m.c0)) continue;
    const value = grid[m.r0]?.[m.c0];
    if (value === null || value === undefined) continue;
    const last = Math.min(m.r1, table.lastRow);
    for (let r = m.r0 + 1; r <= last; r++) {
      out ??= grid.slice();
      const row = out[r] === grid[r] ? [...(grid[r] ?? [])] : out[r];
      row[m.c0] = value;
      out[r] = row;
    }
  }
  return out ?? grid;
}
