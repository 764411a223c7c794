/**
 * .xlsx / .xlsm: the workbook part found through the package's relationships, its sheets through the
 * workbook's, the shared strings and the number formats (which tell a date from a number), then each
 * worksheet streamed into a grid of plain values. Nothing else of the workbook is modelled: the writer
 * adds to the input's own bytes.
 */
import type { CellInput } from "../../engine";
import { HEADER_SEARCH_ROWS_MAX, markerName, sheetOfRef, type MergedArea, type SheetRole } from "../../workbook";
import { READ_MESSAGES as M, OUT_OF_RANGE_DATE, uncalculated } from "./messages";
import { isRelType, OpcPackage, StopParsing, type Relationship, type XmlTag } from "./package";
import { findSheet, sheetsInSearchOrder } from "./sheets";
import { InputFileError, type InputBook, type InputSheet, type ReadOptions, type SheetState } from "./types";

/**
 * Cells kept for one sheet at most. A full sheet of Excel's 1,048,576 rows of a ten-column table is
 * about 10.5 million; past this the sheet is refused before memory runs out (measured: see
 * test/e2e/big-sheet.e2e.test.ts).
 */
export const MAX_CELLS = 24_000_000;

const MAIN_TYPES: Record<string, "xlsx" | "xlsm"> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": "xlsm",
};
const XLSB_TYPE = "application/vnd.ms-excel.sheet.binary.macroEnabled.main";

interface WorkbookSheet {
  name: string;
  state: SheetState;
  rid: string;
}

interface WorkbookInfo {
  date1904: boolean;
  activeTab: number;
  sheets: WorkbookSheet[];
  names: { name: string; local: boolean; text: string }[];
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

/** ST_Xstring escapes a character XML cannot hold as _xHHHH_ (ECMA-376 Part 1 §22.9.2.19); "_x005F_" is a literal "_". */
function unescapeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

async function readWorkbookPart(pkg: OpcPackage, part: string): Promise<WorkbookInfo> {
  const info: WorkbookInfo = { date1904: false, activeTab: 0, sheets: [], names: [] };
  let views = 0;
  let name: { name: string; local: boolean; text: string } | null = null;
  await pkg.parse(part, {
    open: (t: XmlTag) => {
      switch (t.local) {
        case "workbookPr":
          info.date1904 = truthy(t.attrs.date1904);
          break;
        case "workbookView":
          // the first view is the one Excel opens with
          if (views++ === 0 && t.attrs.activeTab !== undefined) info.activeTab = Number(t.attrs.activeTab) || 0;
          break;
        case "sheet": {
          const state = t.attrs.state === "hidden" || t.attrs.state === "veryHidden" ? t.attrs.state : "visible";
          info.sheets.push({ name: t.attrs.name ?? "", state, rid: t.attrs["rel:id"] ?? "" });
          break;
        }
        case "definedName":
          name = { name: t.attrs.name ?? "", local: t.attrs.localSheetId !== undefined, text: "" };
          break;
      }
    },
    text: (s) => {
      if (name) name.text += s;
    },
    close: (local) => {
      if (local === "definedName" && name) {
        info.names.push(name);
        name = null;
      }
    },
  });
  return info;
}

/** Built-in number formats that are dates or times (ECMA-376 Part 1 §18.8.30), as exceljs reads them. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Whether a format code shows a date or time. The rule exceljs applied when this reader replaced it
 * (the tests pin its results): any of y m d h s b outside quotes and brackets.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

/** For each cell style (cellXfs index): does it show its number as a date? */
async function readDateStyles(pkg: OpcPackage, part: string | null): Promise<boolean[]> {
  if (!part || !pkg.has(part)) return [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await pkg.parse(part, {
    open: (t) => {
      if (t.local === "numFmt" && t.attrs.numFmtId !== undefined) formats.set(Number(t.attrs.numFmtId), t.attrs.formatCode ?? "");
      else if (t.local === "cellXfs") inCellXfs = true;
      else if (t.local === "xf" && inCellXfs) xfFormats.push(Number(t.attrs.numFmtId ?? 0) || 0);
    },
    close: (local) => {
      if (local === "cellXfs") inCellXfs = false;
    },
  });
  return xfFormats.map((id) => {
    const code = formats.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** The shared-string table; rich text as its runs' text, phonetic guides (rPh) left out as Excel shows them. */
async function readSharedStrings(pkg: OpcPackage, part: string | null): Promise<string[]> {
  if (!part || !pkg.has(part)) return [];
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let text = "";
  await pkg.parse(
    part,
    {
      open: (t) => {
        if (t.local === "si") {
          inSi = true;
          text = "";
        } else if (t.local === "rPh") phonetic++;
        else if (t.local === "t" && inSi && !phonetic) inT = true;
      },
      text: (s) => {
        if (inT) text += s;
      },
      close: (local) => {
        if (local === "t") inT = false;
        else if (local === "rPh") phonetic--;
        else if (local === "si") {
          out.push(unescapeXstring(text));
          inSi = false;
        }
      },
    },
    { xmlns: false },
  );
  return out;
}

/** "AB12" → [row 11, column 27 - 1] (0-based); null when it is no cell reference. */
function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36) continue; // $
    else break;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) return null;
  }
  if (col === 0 || row === 0) return null;
  return [row - 1, col - 1];
}

/** A serial date as exceljs gave it: UTC midnight of the day, the time of day as the fraction. */
function serialToDate(v: number, date1904: boolean): CellInput {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  // a date-formatted cell holding a number beyond any date (1e20) is no figure and no date
  return Number.isFinite(d.getTime()) ? d : { error: OUT_OF_RANGE_DATE };
}

/** A t="d" cell: ISO 8601, read as UTC when it names no zone (the same instant as its serial date would be). */
function isoToDate(s: string): CellInput {
  const t = s.trim();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(t) || !t.includes("T");
  const d = new Date(zoned ? t : t + "Z");
  return Number.isFinite(d.getTime()) ? d : { error: OUT_OF_RANGE_DATE };
}

interface SheetContext {
  file: string;
  name: string;
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** One worksheet part, streamed: its values, hidden rows and columns, merges applied. */
async function readWorksheet(pkg: OpcPackage, part: string, ctx: SheetContext, state: SheetState, rowLimit?: number): Promise<InputSheet> {
  const grid: CellInput[][] = [];
  const hiddenRows: number[] = [];
  const hiddenCols: [number, number][] = [];
  const merges: string[] = [];
  let cells = 0;

  let inSheetData = false;
  let inCols = false;
  let rowIdx = -1;
  let row: CellInput[] | null = null;
  let colIdx = -1;
  // the cell being read
  let type = "n";
  let style = 0;
  let hasFormula = false;
  let formula = "";
  let sharedIndex: string | undefined;
  let hasV = false;
  let v = "";
  let inV = false;
  let inF = false;
  let hasIs = false;
  let inIsT = false;
  let phonetic = 0;
  let isText = "";
  /** shared formulas' master cells by si, for the message about a copy that has no value */
  const sharedMasters = new Map<string, string>();
  let address = "";

  const finishCell = () => {
    let value: CellInput;
    if (hasFormula) {
      if (!hasV || (v === "" && type !== "str")) {
        // a formula never calculated has no value to read: neither a figure nor a blank, and the
        // message names the formula so it can be found
        const text = formula || (sharedIndex !== undefined ? sharedMasters.get(sharedIndex) ?? "" : "");
        value = { error: uncalculated(text) };
      } else value = typed(type, v, style);
    } else if (type === "inlineStr") {
      value = hasIs ? unescapeXstring(isText) : hasV ? unescapeXstring(v) : null;
    } else if (!hasV) {
      value = null;
    } else value = typed(type, v, style);
    if (value === null || value === undefined) return;
    if (!row) {
      row = [];
      grid[rowIdx] = row;
    }
    row[colIdx] = value;
    if (++cells > MAX_CELLS) throw new InputFileError(M.tooManyCells(ctx.file, ctx.name, MAX_CELLS.toLocaleString("vi-VN")));
  };

  const typed = (t: string, raw: string, s: number): CellInput => {
    switch (t) {
      case "s": {
        const i = Number(raw);
        const str = ctx.strings[i];
        if (str === undefined) throw new InputFileError(M.corrupt(ctx.file, `ô ${address || "?"} của trang "${ctx.name}" trỏ tới chuỗi số ${raw}, không có trong bảng chuỗi`));
        return str;
      }
      case "str":
        return unescapeXstring(raw);
      case "b":
        return parseInt(raw, 10) !== 0;
      case "e":
        return { error: raw };
      case "d":
        return isoToDate(raw);
      default: {
        if (raw.trim() === "") return null;
        const n = parseFloat(raw);
        if (Number.isNaN(n)) return raw;
        return ctx.dateStyles[s] ? serialToDate(n, ctx.date1904) : n;
      }
    }
  };

  await pkg.parse(
    part,
    {
      open: (t) => {
        if (inSheetData) {
          switch (t.local) {
            case "row": {
              const r = t.attrs.r !== undefined ? Number(t.attrs.r) - 1 : rowIdx + 1;
              rowIdx = Number.isInteger(r) && r >= 0 ? r : rowIdx + 1;
              if (rowLimit !== undefined && rowIdx >= rowLimit) throw new StopParsing();
              row = grid[rowIdx] ?? null;
              colIdx = -1;
              if (truthy(t.attrs.hidden)) hiddenRows.push(rowIdx + 1);
              return;
            }
            case "c": {
              address = t.attrs.r ?? "";
              const at = address ? parseRef(address) : null;
              if (at) {
                if (at[0] !== rowIdx) {
                  // a cell outside its row element (allowed to be absent): follow the cell's own reference
                  rowIdx = at[0];
                  row = grid[rowIdx] ?? null;
                }
                colIdx = at[1];
              } else colIdx++;
              type = t.attrs.t ?? "n";
              style = t.attrs.s !== undefined ? Number(t.attrs.s) || 0 : 0;
              hasFormula = false;
              formula = "";
              sharedIndex = undefined;
              hasV = false;
              v = "";
              hasIs = false;
              isText = "";
              return;
            }
            case "v":
              hasV = true;
              inV = true;
              return;
            case "f":
              hasFormula = true;
              inF = true;
              if (t.attrs.t === "shared") {
                sharedIndex = t.attrs.si;
                if (t.attrs.ref !== undefined && sharedIndex !== undefined) sharedMasters.set(sharedIndex, address);
              }
              return;
            case "is":
              hasIs = true;
              return;
            case "rPh":
              phonetic++;
              return;
            case "t":
              if (hasIs && !phonetic) inIsT = true;
              return;
          }
          return;
        }
        switch (t.local) {
          case "sheetData":
            inSheetData = true;
            return;
          case "cols":
            inCols = true;
            return;
          case "col":
            if (inCols && truthy(t.attrs.hidden)) hiddenCols.push([Number(t.attrs.min) - 1, Number(t.attrs.max ?? t.attrs.min) - 1]);
            return;
          case "mergeCell":
            if (t.attrs.ref) merges.push(t.attrs.ref);
            return;
        }
      },
      text: (s) => {
        if (inV) v += s;
        else if (inF) formula += s;
        else if (inIsT) isText += s;
      },
      close: (local) => {
        if (inSheetData) {
          switch (local) {
            case "v":
              inV = false;
              return;
            case "f":
              inF = false;
              return;
            case "t":
              inIsT = false;
              return;
            case "rPh":
              phonetic--;
              return;
            case "c":
              finishCell();
              return;
            case "sheetData":
              inSheetData = false;
              return;
          }
          return;
        }
        if (local === "cols") inCols = false;
      },
    },
    { xmlns: false },
  );

  // exceljs repeated a merged cell's value in every cell of the merge, and the grid kept it once: the
  // top-left cell holds the value, a value saved in another cell of the merge is not shown by Excel
  const areas: MergedArea[] = [];
  for (const m of merges) {
    const [a, b] = m.split(":");
    const s = parseRef(a);
    const e = parseRef(b ?? a);
    if (!s || !e) continue;
    areas.push({ r0: s[0], c0: s[1], r1: e[0], c1: e[1] });
    for (let r = s[0]; r <= Math.min(e[0], grid.length - 1); r++) {
      const cellsOfRow = grid[r];
      if (!cellsOfRow) continue;
      for (let c = s[1]; c <= Math.min(e[1], cellsOfRow.length - 1); c++) if (r !== s[0] || c !== s[1]) delete cellsOfRow[c];
    }
  }
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  while (grid.length && !grid[grid.length - 1].some((x) => x !== undefined)) grid.pop();

  // a column hidden past the last one holding a value says nothing about the table
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const hiddenColumns: number[] = [];
  for (const [a, b] of hiddenCols) for (let c = Math.max(0, a); c <= Math.min(b, width - 1); c++) hiddenColumns.push(c);
  return { name: ctx.name, grid, hiddenRows, hiddenColumns: [...new Set(hiddenColumns)].sort((x, y) => x - y), state, ...(areas.length ? { merges: areas } : {}) };
}

/** The workbook's own sheets, found by their markers (src/workbook/ownership.ts). */
function ownSheetsOf(names: WorkbookInfo["names"]): InputBook["ownSheets"] {
  const out: InputBook["ownSheets"] = [];
  const roles: SheetRole[] = ["results", "rules", "chart", "targets"];
  for (const role of roles) {
    const n = names.find((x) => !x.local && x.name.toUpperCase() === markerName(role));
    const sheet = n ? sheetOfRef(n.text) : null;
    if (sheet !== null) out.push({ role, name: sheet });
  }
  return out;
}

export async function readXlsx(bytes: Buffer, file: string, opts: ReadOptions): Promise<InputBook> {
  let pkg: OpcPackage;
  try {
    pkg = await OpcPackage.open(bytes);
  } catch (e) {
    throw new InputFileError(M.corrupt(file, (e as Error).message));
  }
  try {
    return await readPackage(pkg, bytes, file, opts);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(M.corrupt(file, (e as Error).message));
  } finally {
    pkg.close();
  }
}

async function readPackage(pkg: OpcPackage, bytes: Buffer, file: string, opts: ReadOptions): Promise<InputBook> {
  const root = await pkg.relationships("/");
  const main = root.find((r) => !r.external && isRelType(r.type, "officeDocument"));
  if (!main || !pkg.has(main.target)) throw new InputFileError(M.corrupt(file, "không tìm thấy phần sổ làm việc trong gói"));
  const type = pkg.contentType(main.target);
  if (type !== null && type.startsWith(XLSB_TYPE)) throw new InputFileError(M.binaryWorkbook(file));
  if (type !== null && !(type in MAIN_TYPES)) throw new InputFileError(M.notSpreadsheet(file, type));
  const kind = type !== null ? MAIN_TYPES[type] : /\.xl[st]m$/i.test(file) ? "xlsm" : "xlsx";

  const info = await readWorkbookPart(pkg, main.target);
  const rels = await pkg.relationships(main.target);
  const byId = new Map<string, Relationship>(rels.map((r) => [r.id, r]));
  const partOf = (name: string) => rels.find((r) => !r.external && isRelType(r.type, name))?.target ?? null;
  const strings = await readSharedStrings(pkg, partOf("sharedStrings"));
  const dateStyles = await readDateStyles(pkg, partOf("styles"));

  const worksheets = info.sheets
    .map((s, tab) => ({ ...s, tab, rel: byId.get(s.rid) }))
    .filter((s) => s.rel && !s.rel.external && isRelType(s.rel.type, "worksheet") && pkg.has(s.rel.target));
  if (!worksheets.length) throw new InputFileError(M.noSheets(file));
  const wanted = opts.sheet !== undefined ? findSheet(worksheets.map((s) => s.name), opts.sheet) : null;

  const ctxOf = (name: string): SheetContext => ({ file, name, strings, dateStyles, date1904: info.date1904 });
  const own = ownSheetsOf(info.names);
  const active = worksheets.find((s) => s.tab === info.activeTab);
  const chosen = opts.sheet === undefined && opts.holdsTable ? await firstWithTable(worksheets, active?.name ?? null, own, opts.holdsTable) : null;
  const sheets: InputSheet[] = [];
  for (const s of worksheets) {
    if (chosen && s.name !== chosen) {
      sheets.push({ name: s.name, grid: [], hiddenRows: [], hiddenColumns: [], state: s.state, unread: true });
      continue;
    }
    if (opts.sheet !== undefined && s.name !== wanted) {
      sheets.push({ name: s.name, grid: [], hiddenRows: [], hiddenColumns: [], state: s.state, unread: true });
      continue;
    }
    sheets.push(await readWorksheet(pkg, s.rel!.target, ctxOf(s.name), s.state));
  }
  return { kind, file, sheets, activeSheet: active?.name ?? null, package: bytes, ownSheets: own };

  /**
   * The sheet the table is on, found from each sheet's first rows in the order the table is looked for
   * (a workbook of hundreds of sheets, the table on the last, is not read in full to find it); null
   * when no sheet's first rows hold it, and every sheet is then read in full as before.
   */
  async function firstWithTable(
    list: typeof worksheets,
    activeName: string | null,
    ownList: InputBook["ownSheets"],
    holds: (grid: CellInput[][], name: string) => boolean,
  ): Promise<string | null> {
    const ours = new Set(ownList.map((o) => o.name));
    const stubs = list.map((s) => ({ name: s.name, state: s.state, grid: [], hiddenRows: [], hiddenColumns: [] }) as InputSheet);
    for (const stub of sheetsInSearchOrder({ sheets: stubs, activeSheet: activeName }, stubs.filter((x) => !ours.has(x.name)))) {
      const s = list.find((x) => x.name === stub.name)!;
      const head = await readWorksheet(pkg, s.rel!.target, ctxOf(s.name), s.state, HEAD_ROWS);
      if (holds(head.grid, s.name)) return s.name;
    }
    return null;
  }
}

/**
 * Rows of a sheet read to tell whether it holds the table: the header is looked for in the first
 * HEADER_SEARCH_ROWS_MAX rows, and a few rows under it must hold data.
 */
const HEAD_ROWS = HEADER_SEARCH_ROWS_MAX + 10;
