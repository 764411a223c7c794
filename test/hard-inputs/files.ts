/**
 * A hard-input case as the files a user hands the command line: its sheets written as a real .xlsx
 * with exceljs, the case's CSV bytes in their encoding, or its broken file. Shared by the command
 * line's runner and the --formulas agreement test in LibreOffice.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { strToU8, zipSync } from "fflate";
import * as iconv from "iconv-lite";
import { isoDate, parseRange, plainOf, windows1258, type BuiltSheet, type HardCase, type Tagged } from "./cases";

/** The sheet a CSV becomes (src/cli/read CSV_SHEET). */
export const CSV_SHEET = "Số liệu";

function xlsxValue(v: Tagged): ExcelJS.CellValue {
  if (v === null || typeof v !== "object") return v;
  if ("nfd" in v) return v.nfd.normalize("NFD");
  if ("number" in v) return Number(v.number);
  if ("error" in v) return { error: v.error } as ExcelJS.CellErrorValue;
  if ("date" in v) return isoDate(v.date);
  const result = v.result === undefined ? undefined : xlsxValue(v.result);
  return { formula: v.formula, result } as ExcelJS.CellFormulaValue;
}

async function writeXlsx(sheets: BuiltSheet[], file: string, names: HardCase["names"] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = xlsxValue(v);
        if (typeof v === "object" && "date" in v) cell.numFmt = "dd/mm/yyyy";
      }),
    );
    for (const m of s.merges) ws.mergeCells(m);
    for (const r of [...s.hiddenRows, ...s.filteredRows]) ws.getRow(r).hidden = true;
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
  }
  for (const n of names) wb.definedNames.add(n.ref, n.name);
  await wb.xlsx.writeFile(file);
}

/** A plain value of a cell the .ods and .xls writers take (numbers, text, true/false; other tags are the .xlsx's). */
function plainCell(v: Tagged, sheet: string): string | number | boolean | null {
  if (v === null || typeof v !== "object") return v;
  throw new Error(`sheet ${sheet}: a ${Object.keys(v)[0]} cell is written to .xlsx only`);
}

const escapeXml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The sheets as an OpenDocument spreadsheet, written as LibreOffice writes one: a merged area is its
 * first cell spanning rows and columns (table:number-rows-spanned, -columns-spanned) and covered cells.
 */
function odsBytes(sheets: BuiltSheet[]): Buffer {
  const tables = sheets.map((s) => {
    const spans = new Map<string, { rows: number; cols: number }>();
    const covered = new Set<string>();
    for (const m of s.merges) {
      const { r0, c0, r1, c1 } = parseRange(m);
      spans.set(`${r0},${c0}`, { rows: r1 - r0 + 1, cols: c1 - c0 + 1 });
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) covered.add(`${r},${c}`);
    }
    const rows: string[] = [];
    for (let r = 0; r < s.rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < s.cols; c++) {
        if (covered.has(`${r},${c}`)) {
          cells.push("<table:covered-table-cell/>");
          continue;
        }
        const span = spans.get(`${r},${c}`);
        const attrs = span ? ` table:number-rows-spanned="${span.rows}" table:number-columns-spanned="${span.cols}"` : "";
        const v = plainCell(s.grid[r]?.[c] ?? null, s.name);
        if (v === null) cells.push(`<table:table-cell${attrs}/>`);
        else if (typeof v === "number") cells.push(`<table:table-cell${attrs} office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`);
        else if (typeof v === "boolean") cells.push(`<table:table-cell${attrs} office:value-type="boolean" office:boolean-value="${v}"><text:p>${v}</text:p></table:table-cell>`);
        else cells.push(`<table:table-cell${attrs} office:value-type="string"><text:p>${escapeXml(v)}</text:p></table:table-cell>`);
      }
      rows.push(`<table:table-row>${cells.join("")}</table:table-row>`);
    }
    return `<table:table table:name="${escapeXml(s.name)}">${rows.join("")}</table:table>`;
  });
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
    `xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">` +
    `<office:body><office:spreadsheet>${tables.join("")}</office:spreadsheet></office:body></office:document-content>`;
  return Buffer.from(zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8(content) }));
}

/** The sheets as an Excel 97–2003 workbook (BIFF8), merged areas included, written by SheetJS. */
function xlsBytes(sheets: BuiltSheet[]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const rows = Array.from({ length: s.rows }, (_, r) => Array.from({ length: s.cols }, (_, c) => plainCell(s.grid[r]?.[c] ?? null, s.name)));
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws["!merges"] = s.merges.map((m) => {
      const { r0, c0, r1, c1 } = parseRange(m);
      return { s: { r: r0, c: c0 }, e: { r: r1, c: c1 } };
    });
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer;
}

/** A sheet as CSV (UTF-8, commas): the large case, where reading and scoring are the point. */
function csvOf(s: BuiltSheet): string {
  const field = (v: Tagged) => {
    const p = plainOf(v);
    if (p === null) return "";
    const t = typeof p === "object" ? ("error" in p ? p.error : p.date) : String(p);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return s.grid.map((row) => (row ?? []).map((v) => field(v ?? null)).join(",")).join("\n") + "\n";
}

function csvBytes(text: string, encoding: string): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le":
      return iconv.encode(text, "utf16le");
    case "utf16le-bom":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]);
    case "windows-1258":
      return windows1258(text, (s) => iconv.encode(s, "windows-1258"));
    default:
      throw new Error(`no encoding ${encoding}`);
  }
}

/** Writes the case's input file under `dir`/<case id>; returns its path and the sheet the problems are on. */
export async function inputFile(c: HardCase, sheets: BuiltSheet[], dir: string): Promise<{ file: string; sheet: string }> {
  const at = path.join(dir, c.id);
  fs.mkdirSync(at, { recursive: true });
  if (c.csv) {
    const file = path.join(at, "so-lieu.csv");
    fs.writeFileSync(file, csvBytes(c.csv.text, c.csv.encoding));
    return { file, sheet: CSV_SHEET };
  }
  if (c.cliCsvNoWrite) {
    const file = path.join(at, "so-lieu.csv");
    fs.writeFileSync(file, csvOf(sheets[0]));
    return { file, sheet: CSV_SHEET };
  }
  if (c.file) {
    const file = path.join(at, c.file.name);
    if (c.file.kind === "ole") {
      // the signature of an OLE2 compound file, which is what Excel writes for an encrypted workbook
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    } else if (c.file.kind === "xlsx-named-csv") {
      // a whole workbook under the name the case gives it (a portal's export saved as .csv)
      await writeXlsx(sheets, file);
    } else if (c.file.kind === "zip-garbage") {
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 0x5a)]));
    } else {
      const whole = path.join(at, "whole.xlsx");
      await writeXlsx(sheets, whole);
      const bytes = fs.readFileSync(whole);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      fs.rmSync(whole);
    }
    return { file, sheet: sheets[0].name };
  }
  if (c.cliFormat) {
    const file = path.join(at, `so-lieu.${c.cliFormat}`);
    fs.writeFileSync(file, c.cliFormat === "ods" ? odsBytes(sheets) : xlsBytes(sheets));
    return { file, sheet: sheets[0].name };
  }
  const file = path.join(at, "so-lieu.xlsx");
  await writeXlsx(sheets, file, c.names);
  return { file, sheet: sheets[0].name };
}
