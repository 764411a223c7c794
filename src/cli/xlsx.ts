/**
 * Reading .xlsx / .csv files: grids go to src/workbook as plain cell values. The scored copy is
 * written by src/cli/write from the input's own bytes.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import * as iconv from "iconv-lite";
import type { CellInput } from "../engine";

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
  kind: "xlsx" | "xlsm" | "csv";
  file: string;
  sheets: InputSheet[];
  /** xlsx/xlsm: the input's own bytes, the package the writer adds to */
  package?: Buffer;
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
  return readXlsx(bytes, file, ext === ".xlsm" ? "xlsm" : "xlsx");
}

async function readXlsx(bytes: Buffer, file: string, kind: "xlsx" | "xlsm"): Promise<InputBook> {
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
  return { kind, file, package: bytes, sheets: workbook.worksheets.map((ws) => ({
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
  return { kind: "csv", file, sheets: [{ name: CSV_SHEET, grid, hiddenRows: [], hiddenColumns: [] }] };
}
