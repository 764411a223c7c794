/**
 * What the command line does with workbook content that reaches outside the workbook.
 *
 * It never runs any of it: a formula is never evaluated (src/cli/read reads the value Excel saved
 * with it), no linked workbook is opened and no macro is run. exceljs also leaves the macro project
 * (xl/vbaProject.bin) and the external-link parts (xl/externalLinks/*) out of every workbook it writes.
 * It keeps, though, the formulas and defined names that point into those links ("[1]Other!B2") and DDE
 * formulas (cmd|' /C calc'!A0), which in the scored copy then point at nothing: on opening, Excel and
 * LibreOffice recalculate them into errors in the user's own sheet.
 *
 * detachExternalFormulas turns each of those formulas, in the workbook about to be written, into the value
 * saved with it (the very value that was scored), drops the names that point into another workbook, and
 * lists both so the command can say so. Formulas that stay inside the workbook are never touched, nor are
 * the user's other formulas (WEBSERVICE, HYPERLINK, ...): those are the user's, and only Excel runs them.
 */
import type ExcelJS from "exceljs";

export interface DetachedFormula {
  sheet: string;
  /** "B2" */
  address: string;
  formula: string;
  /** the value saved with the formula, now the cell's value; null when the file held none */
  value: ExcelJS.CellValue;
  why: "external" | "dde";
}

export interface DetachedName {
  name: string;
  ranges: string[];
}

export interface Detached {
  formulas: DetachedFormula[];
  names: DetachedName[];
}

const IDENT = /[\p{L}\p{N}_.\]]/u;
const WORKBOOK_FILE = /\.(xl[a-z]{1,2}|ods|csv)$/i;

/** Index of the quote closing the literal opened at `open` (a doubled quote stands for itself). */
function closing(formula: string, open: number): number {
  const q = formula[open];
  let i = open + 1;
  while (i < formula.length) {
    if (formula[i] === q) {
      if (formula[i + 1] !== q) return i;
      i += 2;
    } else i++;
  }
  return formula.length;
}

/**
 * Why a formula reaches outside the workbook, or null. Only formula code counts, never the inside of a
 * string literal ("a|b", "[1]"):
 * - external: a workbook in square brackets — the file form "[1]Sheet!A1" / "'[1]My sheet'!A1" /
 *   "[1]!Name", or a file name "[Book.xlsx]Sheet!A1". A sheet name cannot hold "[", so any bracket inside
 *   a quoted sheet name is a workbook; outside quotes, table references ("Table1[Col]",
 *   "Table1[[#This Row],[1]]") follow a name or sit inside brackets, and are left alone.
 * - dde: "app|topic!item"; "|" is no operator, and inside a quoted sheet name it is part of the name.
 */
export function externalReference(formula: string): DetachedFormula["why"] | null {
  let depth = 0;
  let prev = "";
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closing(formula, i);
      if (ch === "'" && formula.slice(i + 1, end).includes("[")) return "external";
      i = end;
      prev = ch;
      continue;
    }
    if (ch === "[") {
      if (depth === 0 && !IDENT.test(prev)) {
        const close = formula.indexOf("]", i);
        const inside = close < 0 ? "" : formula.slice(i + 1, close);
        if (/^\d+$/.test(inside) || WORKBOOK_FILE.test(inside)) return "external";
      }
      depth++;
    } else if (ch === "]") {
      depth = Math.max(0, depth - 1);
    } else if (ch === "|" && depth === 0) {
      return "dde";
    }
    if (ch !== " ") prev = ch;
  }
  return null;
}

/** The formula text of a formula cell (a shared formula's copy translated by exceljs), or null. */
function formulaOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value as unknown;
  if (v === null || typeof v !== "object") return null;
  if (!("formula" in v) && !("sharedFormula" in v)) return null;
  const f = cell.formula;
  return typeof f === "string" && f ? f : null;
}

/** See the file comment. Changes `workbook` in place; returns what it changed. */
export function detachExternalFormulas(workbook: ExcelJS.Workbook): Detached {
  const formulas: DetachedFormula[] = [];
  for (const ws of workbook.worksheets) {
    // collect first: replacing a shared formula's master before its copies would orphan them
    const hits: { cell: ExcelJS.Cell; formula: string; why: DetachedFormula["why"] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const f = formulaOf(cell);
        const why = f === null ? null : externalReference(f);
        if (f !== null && why) hits.push({ cell, formula: f, why });
      }),
    );
    for (const { cell, formula, why } of hits) {
      const result = (cell.value as { result?: ExcelJS.CellValue }).result;
      const value = result === undefined ? null : result;
      cell.value = value;
      formulas.push({ sheet: ws.name, address: cell.address, formula, value, why });
    }
  }
  const names: DetachedName[] = [];
  const model = workbook.definedNames.model as { name: string; ranges: string[] }[];
  for (const n of model) {
    if (n.ranges.some((r) => externalReference(r) !== null)) names.push({ name: n.name, ranges: [...n.ranges] });
  }
  if (names.length) {
    const gone = new Set(names.map((n) => n.name));
    workbook.definedNames.model = model.filter((n) => !gone.has(n.name)) as typeof workbook.definedNames.model;
  }
  return { formulas, names };
}

/** One line per change, for stderr. */
export function detachedNotes(d: Detached): string[] {
  const shown = (v: ExcelJS.CellValue) => (v === null ? "ô trống" : typeof v === "object" ? JSON.stringify(v) : String(v));
  return [
    ...d.formulas.map(
      (f) =>
        `${f.sheet}!${f.address}: công thức =${f.formula} ${f.why === "dde" ? "gọi chương trình khác (DDE)" : "lấy số liệu từ sổ khác"}; ` +
        `đã dùng giá trị lưu trong tệp (${shown(f.value)}) và bản kết quả giữ giá trị đó thay cho công thức.`,
    ),
    ...d.names.map((n) => `Tên "${n.name}" trỏ sang sổ khác (${n.ranges.join(", ")}): bản kết quả không giữ tên này.`),
  ];
}
