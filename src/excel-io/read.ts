/**
 * Reading: everything a Rank needs from the workbook is queued here and arrives in ONE round trip
 * (the table's values and value types, the sheet names, the workbook names that mark the add-in's
 * own sheets).
 */
import type { CellInput } from "../engine";
import { parseAddress } from "./a1";
import type { NameInfo, SourceSnapshot, SourceSpec, WorkbookSnapshot } from "./types";

/** Cell values from Office.js into the engine's CellInput: blanks are null, error cells are {error}. */
export function toCellInputs(values: unknown[][], types: string[][]): CellInput[][] {
  return values.map((row, i) =>
    row.map((v, j) => {
      const t = types[i]?.[j];
      if (t === "Empty") return null;
      if (t === "Error") return { error: String(v) };
      if (v === "" || v === undefined) return null;
      return v as CellInput;
    }),
  );
}

/** Places a block read at (r0, c0) into a sheet-aligned grid, so indexes are sheet rows/columns. */
export function sheetAligned(block: CellInput[][], r0: number, c0: number): CellInput[][] {
  const grid: CellInput[][] = new Array(r0);
  for (let r = 0; r < r0; r++) grid[r] = [];
  const pad: CellInput[] = new Array(c0).fill(null);
  for (const row of block) grid.push(c0 ? pad.concat(row) : row);
  return grid;
}

/**
 * Queues the reads and returns a function to call after the sync. Nothing is read from a proxy
 * before the sync (Office.js would throw PropertyNotLoaded).
 */
export function queueSnapshot(context: Excel.RequestContext, spec: SourceSpec): () => WorkbookSnapshot {
  const wb = context.workbook;
  const range =
    spec.kind === "table"
      ? wb.tables.getItem(spec.name).getRange()
      : spec.kind === "region"
        ? wb.worksheets.getItem(spec.sheet).getRange(spec.cell).getSurroundingRegion()
        : wb.getSelectedRange().getSurroundingRegion();
  range.load("values,valueTypes,address,rowIndex,columnIndex");
  const sheets = wb.worksheets.load("items/name");
  const names = wb.names.load("items/name,items/formula");
  return () => {
    const { sheet } = parseAddress(range.address);
    const block = toCellInputs(range.values, range.valueTypes as unknown as string[][]);
    const source: SourceSnapshot = {
      sheet: sheet ?? "",
      address: range.address,
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      block,
      grid: sheetAligned(block, range.rowIndex, range.columnIndex),
    };
    return {
      source,
      sheetNames: sheets.items.map((s) => s.name),
      names: names.items.map((n): NameInfo => ({ name: n.name, formula: String(n.formula) })),
    };
  };
}

/** The tables of the workbook, for the source picker (one round trip). */
export async function listTables(run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T>): Promise<string[]> {
  return run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    return tables.items.map((t) => t.name);
  });
}

/** Selects a cell of the user's sheet (a problem row clicked in the pane). One round trip. */
export async function selectCell(
  run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T>,
  sheet: string,
  address: string,
): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
