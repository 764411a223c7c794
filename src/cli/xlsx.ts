/**
 * Reading and writing .xlsx / .csv files: the only place exceljs is used. Grids go to src/workbook
 * as plain cell values; SheetModels come back and are rendered here.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import * as iconv from "iconv-lite";
import type { CellInput } from "../engine";
import { HIGHLIGHT, markerName, markerRef, sameSheetName, sheetOfRef, WorkbookError, type SheetRole } from "../workbook";
import type { CellOut, SheetModel } from "../workbook";

/** The file cannot be read at all: the command exits non-zero with this message. */
export class InputFileError extends Error {
  constructor(msg: string) {
    super(msg);
    this.name = "InputFileError";
  }
}

export interface InputSheet {
  name: string;
  grid: CellInput[][];
  /** 1-based rows hidden by hand or by a filter: still read and scored, and said so */
  hiddenRows: number[];
  /** 0-based columns hidden in the sheet (a hidden copy of a column weighs less in the mapping) */
  hiddenColumns: number[];
}

export interface InputBook {
  kind: "xlsx" | "csv";
  /** the workbook the scored sheets are added to: the input itself, or a new one for CSV */
  workbook: ExcelJS.Workbook;
  sheets: InputSheet[];
}

/** Name of the data sheet created from a CSV file. */
export const CSV_SHEET = "Số liệu";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An OLE2 compound file: an encrypted (password-protected) .xlsx, or an old binary .xls. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function readBytes(file: string): Buffer {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new InputFileError(`"${file}" là một thư mục, không phải tệp.`);
    return fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputFileError(`Không tìm thấy tệp "${file}".`);
    if (code === "EACCES") throw new InputFileError(`Không có quyền đọc tệp "${file}".`);
    throw new InputFileError(`Không đọc được tệp "${file}": ${(e as Error).message}`);
  }
}

export async function readInput(file: string, opts: { encoding?: string } = {}): Promise<InputBook> {
  const bytes = readBytes(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt") return readCsv(bytes, file, opts.encoding);
  return readXlsx(bytes, file);
}

async function readXlsx(bytes: Buffer, file: string): Promise<InputBook> {
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new InputFileError(
      `Tệp "${file}" được bảo vệ bằng mật khẩu (mã hóa) hoặc là tệp Excel 97–2003 (.xls): hãy mở bằng Excel, ` +
        `gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) hoặc lưu lại dưới dạng .xlsx rồi chấm lại.`,
    );
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new InputFileError(`Tệp "${file}" không phải là tệp .xlsx hợp lệ (hỏng hoặc sai định dạng).`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputFileError(`Tệp "${file}" bị hỏng, không mở được như một sổ làm việc .xlsx (${(e as Error).message}).`);
  }
  if (!workbook.worksheets.length) throw new InputFileError(`Tệp "${file}" không có trang tính nào.`);
  return { kind: "xlsx", workbook, sheets: workbook.worksheets.map((ws) => ({
    name: ws.name, grid: sheetGrid(ws), hiddenRows: hiddenRows(ws), hiddenColumns: hiddenColumns(ws),
  })) };
}

/** One cell as the engine sees it: formulas give their cached result, rich text its text. */
export const OUT_OF_RANGE_DATE = "#### (ô định dạng ngày chứa một số ngoài khoảng ngày của Excel)";

export function cellInput(v: ExcelJS.CellValue): CellInput {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // a date-formatted cell holding a number beyond any date (1e20) reads as an invalid Date: Excel
  // shows it as ####, and it is no figure and no date, so it is a bad cell that names itself
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v : { error: OUT_OF_RANGE_DATE };
  const o = v as unknown as Record<string, unknown>;
  if ("error" in o) return { error: String(o.error) };
  if ("richText" in o) return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if ("formula" in o || "sharedFormula" in o) {
    const r = o.result as ExcelJS.CellValue | undefined;
    // a formula never calculated (a file written by a program, never opened in Excel) has no value to
    // read: it is neither a figure nor a blank, and the message names the formula so it can be found
    if (r === undefined) return { error: `=${String(o.formula ?? o.sharedFormula)} (công thức chưa được tính, chưa có giá trị)` };
    return cellInput(r);
  }
  if ("text" in o) return String(o.text);
  return String(v);
}

export function sheetGrid(ws: ExcelJS.Worksheet): CellInput[][] {
  const grid: CellInput[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: CellInput[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // exceljs repeats a merged cell's value in every cell of the merge: keep it once
      if (cell.isMerged && cell.master !== cell) return;
      out[c - 1] = cellInput(cell.value);
    });
    grid[r - 1] = out;
  });
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  return grid;
}

/** The sheet's hidden rows (hidden by hand, or by an AutoFilter), 1-based. */
function hiddenRows(ws: ExcelJS.Worksheet): number[] {
  const out: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) out.push(r);
  });
  return out;
}

function hiddenColumns(ws: ExcelJS.Worksheet): number[] {
  const out: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) out.push(c - 1);
  return out;
}

/** UTF-16 without a byte-order mark: ASCII letters leave a zero byte beside each of them. */
function looksUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 4096);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros > n / 8;
}

function decodeCsv(bytes: Buffer, file: string, encoding?: string): string {
  if (encoding) {
    if (!iconv.encodingExists(encoding)) throw new InputFileError(`Không biết bảng mã "${encoding}" (ví dụ: utf8, utf16le, windows-1258).`);
    return iconv.decode(bytes, encoding);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), "utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), "utf16be");
  if (looksUtf16(bytes)) {
    throw new InputFileError(`Tệp "${file}" có vẻ là UTF-16 không có BOM; hãy dùng --encoding utf16le (hoặc lưu lại dạng "CSV UTF-8").`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputFileError(
      `Tệp "${file}" không phải văn bản UTF-8 (có thể là Windows-1258, TCVN3 hoặc bảng mã khác). ` +
        `Hãy lưu lại tệp CSV dạng "CSV UTF-8", hoặc chỉ rõ bảng mã: --encoding windows-1258.`,
    );
  }
}

/** A CSV cell: plain whole numbers and decimals become numbers; everything else stays text for the engine. */
function csvCell(s: string): CellInput {
  const t = s.trim();
  if (t === "") return null;
  if (/^-?\d+$/.test(t) && t.length < 16) return Number(t);
  if (/^-?\d+\.\d+$/.test(t) && !/^-?\d{1,3}\.\d{3}$/.test(t)) return Number(t); // "1.234" is a thousands group: leave it
  return s;
}

function readCsv(bytes: Buffer, file: string, encoding?: string): InputBook {
  // Windows-1258 writes Vietnamese with combining tone marks: compose them (NFC) so names and headers match
  const text = decodeCsv(bytes, file, encoding).normalize("NFC");
  if (text.includes("\u0000")) {
    throw new InputFileError(`Tệp "${file}" có ký tự rỗng: có lẽ là UTF-16 không có BOM; hãy dùng --encoding utf16le.`);
  }
  const firstLines = text.split(/\r?\n/).slice(0, 10).join("\n");
  const count = (ch: string) => firstLines.split(ch).length;
  const delimiter = [";", "\t", ","].sort((a, b) => count(b) - count(a))[0];
  let records: string[][];
  // csv-parse builds an error object (and its stack) for every record whose length differs from the
  // first record's, even when relax_column_count lets it pass: under a one-cell title line that is
  // every row of the table. Without stacks those objects are cheap (100,000 rows: ~1.7 s less).
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    throw new InputFileError(`Tệp CSV "${file}" không đọc được: ${(e as Error).message}`);
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
  const grid = records.map((r) => r.map(csvCell));
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(CSV_SHEET);
  grid.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
  }));
  return { kind: "csv", workbook, sheets: [{ name: CSV_SHEET, grid, hiddenRows: [], hiddenColumns: [] }] };
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
