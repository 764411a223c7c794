/**
 * Writing the scored workbook with exceljs (until src/cli/write replaces it): SheetModels are rendered
 * here. Reading is src/cli/read.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { InputFileError, type InputBook } from "./read";
import { HIGHLIGHT, markerName, markerRef, sameSheetName, sheetOfRef, WorkbookError, type SheetRole } from "../workbook";
import type { CellOut, SheetModel } from "../workbook";

/**
 * TEMPORARY BRIDGE, removed by the package writer (src/cli/write): the exceljs workbook that today's
 * writer (renderSheet, writeWorkbook) adds the scored sheets to. Reading is done by src/cli/read; this
 * loads the same bytes into exceljs only to write, or, for CSV/.xls/.ods, makes a new workbook of the
 * sheets' values. Files exceljs cannot load (tables saved by LibreOffice, absolute relationship
 * targets) are read and scored, but fail here until the new writer lands.
 */
export async function workbookForWriting(book: InputBook): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (book.package) {
    try {
      await workbook.xlsx.load(book.package as unknown as ArrayBuffer);
    } catch (e) {
      throw new InputFileError(`Đã đọc và chấm tệp "${book.file}", nhưng chưa ghi được bản kết quả của nó (${(e as Error).message}).`);
    }
    return workbook;
  }
  for (const s of book.sheets) {
    const ws = workbook.addWorksheet(s.name);
    s.grid.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }));
  }
  return workbook;
}

function excelValue(v: CellOut): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object") {
    const result = v.result === null || v.result === undefined ? undefined : v.result;
    return { formula: v.formula, result } as ExcelJS.CellFormulaValue;
  }
  return v;
}

function style(kind: "red" | "amber"): Partial<ExcelJS.Style> {
  const c = HIGHLIGHT[kind];
  return {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF" + c.fill }, fgColor: { argb: "FF" + c.fill } },
    font: { color: { argb: "FF" + c.font } },
  };
}

/**
 * Cell styles shared by every cell with the same number format and weight. exceljs gives each new
 * cell its own style object and, on writing, turns every distinct style object into XML to find its
 * style id: a 10,000-row results sheet spent most of its writing time there. Shared objects are
 * looked up once (exceljs caches the id per object); the file is the same. Safe because these cells
 * hold no dates (exceljs would pick a date format for an unformatted date cell).
 */
class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();
  private readonly bold: Partial<ExcelJS.Font> = { bold: true };
  get(numFmt: string | undefined, bold: boolean): Partial<ExcelJS.Style> {
    const key = `${bold ? 1 : 0}${numFmt ?? ""}`;
    let s = this.byKey.get(key);
    if (!s) {
      s = {};
      if (bold) s.font = this.bold;
      if (numFmt !== undefined) s.numFmt = numFmt;
      this.byKey.set(key, s);
    }
    return s;
  }
}

/** The sheet the workbook's marker for `role` points at (src/workbook/ownership.ts), or null. */
function markedSheet(workbook: ExcelJS.Workbook, role: SheetRole): string | null {
  const name = markerName(role);
  const entry = (workbook.definedNames.model as { name: string; ranges: string[] }[]).find((n) => n.name === name);
  return entry?.ranges.length ? sheetOfRef(entry.ranges[0]) : null;
}

/**
 * Renders a SheetModel into the workbook as the add-in's sheet for `role`, marked as such. A sheet of the
 * same name is replaced only when the marker says it is the add-in's own output (a workbook scored
 * before, by the command line or the task pane); a user's sheet of that name stops the run instead.
 */
export function renderSheet(workbook: ExcelJS.Workbook, model: SheetModel, role: SheetRole): ExcelJS.Worksheet {
  const old = workbook.worksheets.find((w) => sameSheetName(w.name, model.name));
  const marked = markedSheet(workbook, role);
  if (old) {
    if (marked === null || !sameSheetName(marked, old.name)) {
      throw new WorkbookError(
        `Sổ đã có trang "${old.name}" không do DVC Thi đua tạo ra, nên không ghi đè. Đổi tên trang đó rồi chạy lại. / ` +
          `The workbook has a sheet "${old.name}" that dvc-thidua did not write; rename it and run again.`,
      );
    }
    workbook.removeWorksheet(old.id);
  }
  if (marked !== null) workbook.definedNames.remove(markerRef(marked), markerName(role));
  workbook.definedNames.add(markerRef(model.name), markerName(role));
  const ws = workbook.addWorksheet(model.name, model.freezeRows ? { views: [{ state: "frozen", ySplit: model.freezeRows }] } : {});
  const styles = new SharedStyles();
  const boldRows = new Set(model.boldRows ?? []);
  // bold rows carry the font on the row itself too (a row style), as Excel does for a whole-row format
  for (const r of boldRows) ws.getRow(r + 1).font = { bold: true };
  model.cells.forEach((row, r) => {
    if (!row.length) return;
    const xr = ws.getRow(r + 1);
    const plain = styles.get(undefined, boldRows.has(r));
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = xr.getCell(c + 1);
      cell.value = excelValue(v);
      cell.style = plain;
    });
  });
  (model.columnWidths ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const nf of model.numberFormats ?? []) {
    const [a, b] = nf.range.split(":");
    const s = ws.getCell(a);
    const e = ws.getCell(b ?? a);
    for (let r = Number(s.row); r <= Number(e.row); r++) {
      const style = styles.get(nf.format, boldRows.has(r - 1));
      for (let c = Number(s.col); c <= Number(e.col); c++) ws.getCell(r, c).style = style;
    }
  }
  for (const m of model.merges ?? []) ws.mergeCells(m);
  if (model.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: model.print.landscape ? "landscape" : "portrait",
      ...(model.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    };
  }
  for (const cf of model.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: "expression", formulae: [cf.formula], style: style(cf.style), priority: cf.priority }],
    });
  }
  for (const n of model.names ?? []) workbook.definedNames.add(n.ref, n.name);
  return ws;
}

/** Any cell value that exceljs writes as a date (a date, or a formula whose cached result is one). */
function isDateCell(cell: ExcelJS.Cell): boolean {
  const v = cell.value as unknown;
  if (v instanceof Date) return true;
  return typeof v === "object" && v !== null && (v as { result?: unknown }).result instanceof Date;
}

function isEmptyStyle(st: object | undefined): boolean {
  if (!st) return false;
  for (const _ in st) return false;
  return true;
}

/**
 * exceljs gives every unformatted cell and row it reads its own empty style object, and writing
 * looks up each distinct object (see SharedStyles): the cells of a 10,000-row input sheet cost as
 * much as the rest of the file. For the write, one shared empty object stands in for them all (the
 * same style id, 0); dates keep their own, since exceljs writes an unformatted date with a date
 * format. Returns how to put the original objects back, so the workbook in memory is as it was.
 */
function shareEmptyStyles(workbook: ExcelJS.Workbook): () => void {
  const empty: Partial<ExcelJS.Style> = {};
  const cells: ExcelJS.Cell[] = [];
  const cellStyles: Partial<ExcelJS.Style>[] = [];
  // a row's own style (exceljs has it, its typings do not)
  type StyledRow = ExcelJS.Row & { style: Partial<ExcelJS.Style> };
  const rows: StyledRow[] = [];
  const rowStyles: Partial<ExcelJS.Style>[] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (r) => {
      const row = r as StyledRow;
      if (row.style !== empty && isEmptyStyle(row.style)) {
        rows.push(row);
        rowStyles.push(row.style);
        row.style = empty;
      }
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.style === empty || !isEmptyStyle(cell.style) || isDateCell(cell)) return;
        cells.push(cell);
        cellStyles.push(cell.style);
        cell.style = empty;
      });
    });
  }
  return () => {
    for (let i = 0; i < cells.length; i++) cells[i].style = cellStyles[i];
    for (let i = 0; i < rows.length; i++) rows[i].style = rowStyles[i];
  };
}

export async function writeWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const restore = shareEmptyStyles(workbook);
  workbook.calcProperties = { ...(workbook.calcProperties ?? {}), fullCalcOnLoad: true };
  // exceljs compresses with a pure-JS deflate: its default level 6 took ~40% of writing a
  // 10,000-row workbook; level 1 is ~3 times faster for a file ~25% larger, with the same contents
  try {
    await workbook.xlsx.writeFile(file, { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as Partial<ExcelJS.XlsxWriteOptions>);
  } finally {
    restore();
  }
}
