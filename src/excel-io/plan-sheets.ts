/**
 * The workbook's plan sheets in Excel: finding them (for the pane's plan picker), reading the one a
 * Rank uses in the job's own first round trip, and writing a new one with its drop-down lists and
 * notes. A plan sheet is the user's: it is never marked as one of the add-in's sheets, never replaced
 * and never written over (a new one takes a free name).
 */
import type { CellInput } from "../engine";
import { isPlanSheet, PLAN_SHEET, RESULTS_SHEET, RULES_SHEET, sameSheetName, type SheetModel } from "../workbook";
import { toCellInputs, sheetAligned } from "./read";
import { queueAfterCells, queueCells, queueLook, renderSheet } from "./write";
import type { ExcelRunner } from "./types";

/** A sheet's used range, queued for loading; `grid()` after the sync gives it sheet-aligned. */
export interface QueuedPlanSheet {
  grid(): CellInput[][];
}

/** Queues the used range of one sheet (values only: a plan's cells are what was typed). No sync. */
export function queuePlanSheetRead(context: Excel.RequestContext, sheet: string): QueuedPlanSheet {
  const used = context.workbook.worksheets.getItem(sheet).getUsedRange(true).load("values,valueTypes,rowIndex,columnIndex");
  return { grid: () => sheetAligned(toCellInputs(used.values, used.valueTypes as unknown as string[][]), used.rowIndex, used.columnIndex) };
}

/**
 * The sheets laid out as plan sheets, by name, with their cells as read. Two round trips: the sheet
 * names, then every sheet's used range at once. The add-in's own results and rules sheets are left
 * out unread (a rules sheet holds the plan it was scored with, laid out as a plan sheet: it is a
 * record, not a plan to pick).
 */
export async function readPlanSheets(run: ExcelRunner): Promise<{ name: string; grid: CellInput[][] }[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const names = sheets.items.map((s) => s.name).filter((n) => !sameSheetName(n, RESULTS_SHEET) && !sameSheetName(n, RULES_SHEET));
    const queued = names.map((n) => queuePlanSheetRead(context, n));
    await context.sync();
    return names.map((name, i) => ({ name, grid: queued[i].grid() })).filter((s) => isPlanSheet(s.grid));
  });
}

/** "Kế hoạch DVC", or "Kế hoạch DVC (2)", (3)… when the name is taken: a new plan sheet never replaces one. */
export function freePlanSheetName(taken: string[]): string {
  const free = (n: string) => !taken.some((t) => sameSheetName(t, n));
  if (free(PLAN_SHEET)) return PLAN_SHEET;
  for (let k = 2; ; k++) if (free(`${PLAN_SHEET} (${k})`)) return `${PLAN_SHEET} (${k})`;
}

export interface WrittenPlanSheet {
  name: string;
  /** the notes on the headers could not be written (the host lacks ExcelApi 1.18's notes) */
  notesSkipped: boolean;
}

/**
 * Writes a plan sheet under a free name and shows it: its cells, formats and looks as every sheet
 * the add-in writes, a drop-down list (data validation of type list, ExcelApi 1.8) on every kind
 * column and a note on every header (worksheet.notes, ExcelApi 1.18; where the host lacks it the
 * notes are left out and said so: a threaded comment would carry an author and a reply box, which a
 * column's help is not). Two round trips: the sheet names, then the whole sheet.
 */
export async function writePlanSheet(run: ExcelRunner, model: (name: string) => SheetModel): Promise<WrittenPlanSheet> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const name = freePlanSheetName(sheets.items.map((s) => s.name));
    const m = model(name);
    const r = renderSheet({ role: "rules", model: m });
    const ws = context.workbook.worksheets.add(name);
    queueCells(ws, r, 0, r.rows);
    queueLook(ws, r);
    queueAfterCells(ws, r);
    for (const v of m.dataValidations ?? []) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
      dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle ?? "", message: v.error ?? "" };
    }
    const notes = (ws as unknown as { notes?: { add(cell: string, text: string): unknown } }).notes;
    const notesSkipped = !notes && (m.comments?.length ?? 0) > 0;
    if (notes) for (const c of m.comments ?? []) notes.add(c.cell, c.text);
    ws.activate();
    await context.sync();
    return { name, notesSkipped };
  });
}
