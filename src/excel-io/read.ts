/**
 * Reading: everything a Rank needs from the workbook (the table's values, value types and number
 * formats, a few rows under it, the sheet names, the workbook names that mark the add-in's own sheets)
 * arrives in ONE round trip, unless the table is too large for one response of Excel on the web (see
 * payload.ts).
 */
import type { CellInput } from "../engine";
import { parseAddress } from "./a1";
import { isPayloadLimitError, jsonBytes, PAYLOAD_LIMIT_BYTES } from "./payload";
import type { NameInfo, SourceSnapshot, SourceSpec, WorkbookSnapshot } from "./types";
import type { MergedArea } from "../workbook/merges";

/**
 * Cell values from Office.js into the engine's CellInput: blanks are null, error cells are {error}, and
 * a number shown as a date or a time is a Date (Office.js hands it over as its serial number; exceljs
 * gives the command line a Date for the same cell, so both report a date in a count column alike).
 */
export function toCellInputs(values: unknown[][], types: string[][], formats?: unknown[][]): CellInput[][] {
  return values.map((row, i) =>
    row.map((v, j) => {
      const t = types[i]?.[j];
      if (t === "Empty") return null;
      if (t === "Error") return { error: String(v) };
      if (v === "" || v === undefined) return null;
      if (typeof v === "number" && formats && isDateFormat(formats[i]?.[j])) return serialToDate(v);
      return v as CellInput;
    }),
  );
}

const dateFormats = new Map<string, boolean>();

/**
 * A number format that shows a date or a time: a d, m, y, h or s outside quoted text, escaped
 * characters, [colours / locales] and the padding (_x) and fill (*x) characters ("dd/mm/yyyy",
 * "[$-42A]d mmmm yyyy", "h:mm AM/PM", "[h]:mm"; not "General", "#,##0", "0.00%", "0.0E+00", "@").
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || format === "General") return false;
  let hit = dateFormats.get(format);
  if (hit === undefined) {
    const bare = format
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, "")
      .replace(/[_*]./g, "")
      .replace(/\[(h+|m+|s+)\]/gi, "h")
      .replace(/\[[^\]]*\]/g, "");
    hit = /[dmyhs]/i.test(bare);
    dateFormats.set(format, hit);
  }
  return hit;
}

const DAY_MS = 86_400_000;

/**
 * An Excel serial as the UTC instant exceljs gives for it. Excel counts a 29/02/1900 that never was
 * (serial 60), so serials from 61 on count from 1899-12-30 and the ones before from 1899-12-31.
 */
export function serialToDate(serial: number): Date {
  const epoch = serial >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(epoch + Math.round(serial * DAY_MS));
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
 * Rows read in the first round trip, with the sheet names and the workbook names. A table of up to this
 * many rows is read in that one round trip: 12,000 rows of hg-165's 7 columns come back with their
 * value types and number formats in about 1.9 MB (1.2 MB without the formats). A table of 20 numeric
 * columns is about 6 MB at 12,000 rows (each cell's "General" adds ~10 bytes), over Excel on the web's
 * response limit: the host refuses that round trip and the table is read again in smaller blocks, one
 * refused round trip more for such wide, long tables only.
 */
export const FIRST_READ_ROWS = 12_000;

/** Bytes a block read back costs in the response: its values, value types and number formats. */
function blockBytes(values: unknown[][], types: unknown[][], formats: unknown[][]): number {
  return jsonBytes(values) + jsonBytes(types) + jsonBytes(formats);
}

/**
 * Rows read under a block of cells (the current region ends at its first blank row): units an official
 * left under a blank line are then named in the summary, as the command line names them. A table that
 * goes on for more than this under its gap is reported by its first BELOW_ROWS rows.
 */
export const BELOW_ROWS = 200;

function sourceRange(context: Excel.RequestContext, spec: SourceSpec): Excel.Range {
  const wb = context.workbook;
  return spec.kind === "table"
    ? wb.tables.getItem(spec.name).getRange()
    : spec.kind === "region"
      ? wb.worksheets.getItem(spec.sheet).getRange(spec.cell).getSurroundingRegion()
      : wb.getSelectedRange().getSurroundingRegion();
}

/**
 * Reads the table to score, the sheet names and the workbook names that mark the add-in's own sheets.
 * One round trip for a table of up to FIRST_READ_ROWS rows; a longer one is read on in blocks of rows
 * sized from the bytes per row seen so far, each response under PAYLOAD_LIMIT_BYTES. Should the host
 * still refuse a response for its size (very wide or wordy rows), the block is made smaller and read
 * again. `sync` is the job's counted `context.sync()`.
 *
 * The first block is the table's top FIRST_READ_ROWS rows (getRow(0) grown downwards, cut to the table),
 * so a table starting in the last FIRST_READ_ROWS rows of the sheet cannot be read.
 */
export async function readSnapshot(
  context: Excel.RequestContext,
  spec: SourceSpec,
  sync: () => Promise<void>,
): Promise<WorkbookSnapshot> {
  const wb = context.workbook;
  let firstRows = FIRST_READ_ROWS;
  let region: Excel.Range;
  let head: Excel.Range;
  let below: Excel.Range | null;
  let sheets: Excel.WorksheetCollection;
  let names: Excel.NamedItemCollection;
  let merged: Excel.RangeAreas | null;
  for (;;) {
    region = sourceRange(context, spec);
    region.load("address,rowIndex,columnIndex,rowCount,columnCount");
    head = region.getRow(0).getResizedRange(firstRows - 1, 0).getIntersection(region);
    head.load("values,valueTypes,numberFormat");
    // an Excel table has its own end; a block of cells ends at a blank row that may not be the table's
    below = spec.kind === "table" ? null : region.getRowsBelow(BELOW_ROWS).load("values,valueTypes,numberFormat");
    sheets = wb.worksheets.load("items/name");
    names = wb.names.load("items/name,items/formula");
    // ExcelApi 1.13: a host without it reads the table as before, each merged value in its first cell only
    merged = typeof region.getMergedAreasOrNullObject === "function" ? region.getMergedAreasOrNullObject().load("address") : null;
    try {
      await sync();
      break;
    } catch (e) {
      if (!isPayloadLimitError(e) || firstRows === 1) throw e;
      firstRows = Math.max(1, Math.floor(firstRows / 8));
    }
  }
  const { sheet } = parseAddress(region.address);
  const { rowIndex, columnIndex, rowCount, columnCount } = region;
  const block = toCellInputs(head.values, head.valueTypes as unknown as string[][], head.numberFormat);
  let bytesPerRow = blockBytes(head.values, head.valueTypes, head.numberFormat) / Math.max(1, block.length);
  while (block.length < rowCount) {
    // room for later rows a quarter wordier than those seen so far
    const n = Math.min(rowCount - block.length, Math.max(1, Math.floor(PAYLOAD_LIMIT_BYTES / (bytesPerRow * 1.25))));
    const part = wb.worksheets.getItem(sheet ?? "").getRangeByIndexes(rowIndex + block.length, columnIndex, n, columnCount);
    part.load("values,valueTypes,numberFormat");
    try {
      await sync();
    } catch (e) {
      if (!isPayloadLimitError(e) || n === 1) throw e;
      // the next block is at most half this one
      bytesPerRow = 2 * Math.max(bytesPerRow, PAYLOAD_LIMIT_BYTES / (1.25 * n));
      continue;
    }
    const rows = toCellInputs(part.values, part.valueTypes as unknown as string[][], part.numberFormat);
    bytesPerRow = Math.max(bytesPerRow, blockBytes(part.values, part.valueTypes, part.numberFormat) / rows.length);
    for (const r of rows) block.push(r);
  }
  const source: SourceSnapshot = {
    sheet: sheet ?? "",
    address: region.address,
    rowIndex,
    columnIndex,
    block,
    grid: sheetAligned(block, rowIndex, columnIndex),
  };
  if (merged && !merged.isNullObject) source.merges = mergedAreas(merged.address);
  if (below) {
    // only into the grid: the table is looked for in the block, the rows under it are for the summary
    const pad: CellInput[] = new Array(columnIndex).fill(null);
    for (const r of toCellInputs(below.values, below.valueTypes as unknown as string[][], below.numberFormat))
      source.grid.push(columnIndex ? pad.concat(r) : r);
  }
  return {
    source,
    sheetNames: sheets.items.map((s) => s.name),
    names: names.items.map((n): NameInfo => ({ name: n.name, formula: String(n.formula) })),
  };
}

/**
 * The areas of a RangeAreas address ("Sheet1!A5:A7, 'Số liệu, 2023'!C5:C9"): split at the commas
 * outside quoted sheet names, each area in sheet coordinates.
 */
export function mergedAreas(address: string): MergedArea[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const { box } = parseAddress(p);
      return { r0: box.r0, c0: box.c0, r1: box.r0 + box.rows - 1, c1: box.c0 + box.cols - 1 };
    });
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
