/**
 * Excel 97–2003 workbooks (.xls, BIFF8), and the HTML or XML tables that reporting systems save under
 * that name, read with SheetJS (@e965/xlsx: the SheetJS Community Edition 0.20.3 build, which has the
 * fixes for CVE-2023-30533 and CVE-2024-22363 that the registry's own "xlsx" 0.18.5 lacks). Such files
 * hold at most 65,536 rows, so the workbook is read whole.
 */
import * as XLSX from "@e965/xlsx";
import type { CellInput } from "../../engine";
import { markerName, sheetOfRef, type SheetRole } from "../../workbook";
import { READ_MESSAGES as M, OUT_OF_RANGE_DATE } from "./messages";
import { findSheet } from "./sheets";
import { isDateFormat, MAX_CELLS } from "./xlsx";
import { InputFileError, type InputBook, type InputSheet, type ReadOptions, type SheetState } from "./types";

/** Which OLE2 compound file this is: an old binary workbook, or an encrypted (password-protected) one. */
export function oleKind(bytes: Buffer): "xls" | "encrypted" {
  try {
    const cfb = XLSX.CFB.read(bytes, { type: "buffer" });
    if (XLSX.CFB.find(cfb, "EncryptedPackage") || XLSX.CFB.find(cfb, "EncryptionInfo")) return "encrypted";
    return XLSX.CFB.find(cfb, "Workbook") || XLSX.CFB.find(cfb, "Book") ? "xls" : "encrypted";
  } catch {
    return "encrypted";
  }
}

function serialToDate(v: number, date1904: boolean): CellInput {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isFinite(d.getTime()) ? d : { error: OUT_OF_RANGE_DATE };
}

function cellValue(c: XLSX.CellObject | undefined | null, date1904: boolean): CellInput {
  if (!c) return null;
  switch (c.t) {
    case "n":
      return typeof c.z === "string" && isDateFormat(c.z) ? serialToDate(c.v as number, date1904) : (c.v as number);
    case "s":
      return c.v === undefined || c.v === "" ? (c.v === "" ? "" : null) : String(c.v);
    case "b":
      return !!c.v;
    case "e":
      return { error: c.w ?? "#VALUE!" };
    case "d":
      return c.v instanceof Date ? c.v : null;
    default:
      return null;
  }
}

export function readXls(bytes: Buffer, file: string, opts: ReadOptions): InputBook {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: "buffer", dense: true, cellNF: true, cellStyles: true, cellDates: false, cellHTML: false, WTF: false });
  } catch (e) {
    const why = (e as Error).message;
    if (/password|encrypt/i.test(why)) throw new InputFileError(M.encrypted(file));
    throw new InputFileError(M.corruptLegacy(file, ".xls", why));
  }
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const meta = wb.Workbook?.Sheets ?? [];
  const names = wb.SheetNames.map((name, i) => ({ name, i })).filter(({ name }) => wb.Sheets[name] && wb.Sheets[name]["!type"] !== "chart");
  if (!names.length) throw new InputFileError(M.noSheets(file));
  const wanted = opts.sheet !== undefined ? findSheet(names.map((n) => n.name), opts.sheet) : null;
  const sheets: InputSheet[] = names.map(({ name, i }) => {
    const hidden = meta[i]?.Hidden;
    const state: SheetState = hidden === 1 ? "hidden" : hidden === 2 ? "veryHidden" : "visible";
    if (opts.sheet !== undefined && name !== wanted) return { name, grid: [], hiddenRows: [], hiddenColumns: [], state, unread: true };
    const ws = wb.Sheets[name] as XLSX.WorkSheet & { "!data"?: (XLSX.CellObject | null | undefined)[][] };
    const data = ws["!data"] ?? [];
    const grid: CellInput[][] = [];
    let cells = 0;
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      const row: CellInput[] = [];
      if (src) {
        for (let c = 0; c < src.length; c++) {
          const v = cellValue(src[c], date1904);
          if (v === null || v === undefined) continue;
          row[c] = v;
          if (++cells > MAX_CELLS) throw new InputFileError(M.tooManyCells(file, name, MAX_CELLS.toLocaleString("vi-VN")));
        }
      }
      grid[r] = row;
    }
    const merges = (ws["!merges"] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
    for (const m of ws["!merges"] ?? []) {
      for (let r = m.s.r; r <= Math.min(m.e.r, grid.length - 1); r++) {
        for (let c = m.s.c; c <= Math.min(m.e.c, grid[r].length - 1); c++) if (r !== m.s.r || c !== m.s.c) delete grid[r][c];
      }
    }
    while (grid.length && !grid[grid.length - 1].some((x) => x !== undefined)) grid.pop();
    const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
    const hiddenRows = (ws["!rows"] ?? []).flatMap((ri, r) => (ri?.hidden ? [r + 1] : []));
    const hiddenColumns = (ws["!cols"] ?? []).flatMap((ci, c) => (ci?.hidden && c < width ? [c] : []));
    return { name, grid, hiddenRows, hiddenColumns, state, ...(merges.length ? { merges } : {}) };
  });
  const ownSheets: InputBook["ownSheets"] = [];
  for (const role of ["results", "rules", "chart", "targets"] as SheetRole[]) {
    const n = (wb.Workbook?.Names ?? []).find((x) => x.Sheet === undefined && x.Name.toUpperCase() === markerName(role));
    const sheet = n ? sheetOfRef(n.Ref) : null;
    if (sheet !== null) ownSheets.push({ role, name: sheet });
  }
  const tab = (wb.Workbook?.Views?.[0] as { activeTab?: number } | undefined)?.activeTab;
  const active = tab !== undefined ? wb.SheetNames[tab] : undefined;
  return { kind: "xls", file, sheets, activeSheet: active !== undefined && sheets.some((s) => s.name === active) ? active : null, ownSheets };
}
