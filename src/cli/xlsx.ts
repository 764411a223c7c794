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
  get(numFmt: string | undefined, bold: boolean, look: TextLook = {}): Partial<ExcelJS.Style> {
    const key = `${bold ? 1 : 0}${look.italic ? 1 : 0}${look.wrap ? 1 : 0}${look.center ? 1 : 0}${look.middle ? 1 : 0}${numFmt ?? ""}`;
    let s = this.byKey.get(key);
    if (!s) {
      s = {};
      // named in full: a font that only says "bold" is shown in the reader's default font (LibreOffice: a serif)
      if (bold || look.italic) s.font = { ...BODY_FONT, ...(bold ? { bold: true } : {}), ...(look.italic ? { italic: true } : {}) };
      if (numFmt !== undefined) s.numFmt = numFmt;
      if (look.wrap || look.center || look.middle) {
        s.alignment = {
          ...(look.wrap ? { wrapText: true } : {}),
          ...(look.center ? { horizontal: "center" } : {}),
          ...(look.middle ? { vertical: "middle" } : {}),
        };
      }
      this.byKey.set(key, s);
    }
    return s;
  }
}

/** The workbook's body font, as exceljs writes it for unstyled cells. */
const BODY_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2 };

interface TextLook {
  wrap?: boolean;
  center?: boolean;
  middle?: boolean;
  italic?: boolean;
}

/** A4 in the file format's paper codes (ECMA-376 §18.3.1.64: 9 = A4 210 × 297 mm). */
const PAPER_SIZE: Record<NonNullable<SheetModel["print"]>["paper"], ExcelJS.PaperSize> = { A4: 9 as ExcelJS.PaperSize };

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
  for (const r of boldRows) ws.getRow(r + 1).font = { ...BODY_FONT, bold: true };
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
  for (const st of model.styles ?? []) {
    const [a, b] = st.range.split(":");
    const s = ws.getCell(a);
    const e = ws.getCell(b ?? a);
    for (let r = Number(s.row); r <= Number(e.row); r++) {
      for (let c = Number(s.col); c <= Number(e.col); c++) {
        const cell = ws.getCell(r, c);
        // the look already given (a number format, another style over the same cell) is kept
        const cur = cell.style ?? {};
        cell.style = styles.get(cur.numFmt, boldRows.has(r - 1), {
          wrap: st.wrap || cur.alignment?.wrapText,
          center: st.center || cur.alignment?.horizontal === "center",
          middle: st.middle || cur.alignment?.vertical === "middle",
          italic: st.italic || cur.font?.italic,
        });
      }
    }
  }
  for (const [r, h] of Object.entries(model.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  for (const m of model.merges ?? []) ws.mergeCells(m);
  if (model.print) {
    const p = model.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: PAPER_SIZE[p.paper],
      orientation: p.landscape ? "landscape" : "portrait",
      // one page wide; fitToHeight 0 is "as many pages tall as the rows need"
      ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(p.margins ? { margins: p.margins } : {}),
      // exceljs writes the name as "$" + each corner ("$A1:$W95", rows relative); Excel's own is absolute
      ...(p.printArea ? { printArea: p.printArea.replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
      ...(p.printTitleRows ? { printTitlesRow: `${p.printTitleRows[0] + 1}:${p.printTitleRows[1] + 1}` } : {}),
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
