/**
 * Texts of our sheets made writable: every cell we write is an XML text in the .xlsx (and goes through
 * Office.js to the same file in the pane), so a character XML 1.0 forbids (§2.2 Char: C0 controls other
 * than tab, LF and CR; U+FFFE, U+FFFF; a lone surrogate) or a text longer than Excel's 32,767 characters
 * per cell ("Excel specifications and limits") would give a workbook Excel refuses to open or repairs.
 * The user's own cells are never changed: this is applied to our sheet models only.
 */
import { formatNumberVi } from "../engine";
import { CELL_TEXT, fillCellText } from "../messages/cell-text";
import { cellRef } from "./a1";
import type { CellOut, SheetModel } from "./types";

/** Excel's limit on the characters of one cell (UTF-16 code units, as Excel counts them). */
export const EXCEL_CELL_MAX = 32_767;

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAYBE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ELLIPSIS = "…";

export interface CellTextFix {
  text: string;
  /** forbidden characters were replaced by U+FFFD */
  replaced: boolean;
  /** the text's length before it was cut, when it was */
  cutFrom: number | null;
}

/** True when `s` can be written as it is: no character XML forbids, within Excel's cell limit. */
export function isWritableText(s: string): boolean {
  return s.length <= EXCEL_CELL_MAX && !new RegExp(FORBIDDEN.source).test(s);
}

export function fitCellText(s: string): CellTextFix {
  let text = s;
  let replaced = false;
  if (MAYBE.test(text)) {
    const next = text.replace(FORBIDDEN, "\uFFFD");
    replaced = next !== text;
    text = next;
  }
  let cutFrom: number | null = null;
  if (text.length > EXCEL_CELL_MAX) {
    cutFrom = text.length;
    let end = EXCEL_CELL_MAX - ELLIPSIS.length;
    // never cut between the halves of a surrogate pair, which would leave a lone surrogate
    if (/[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    text = text.slice(0, end) + ELLIPSIS;
  }
  return { text, replaced, cutFrom };
}

/**
 * Makes every text of `model` writable, in place (texts, and formula results given as text), and
 * returns one line per changed cell naming it, for the problems list.
 */
export function fitSheetTexts(model: SheetModel): string[] {
  const notes: string[] = [];
  const fit = (s: string, r: number, c: number): string => {
    if (s.length <= EXCEL_CELL_MAX && !MAYBE.test(s)) return s;
    const f = fitCellText(s);
    const cell = cellRef(r, c);
    if (f.replaced) notes.push(fillCellText(CELL_TEXT.xml, { sheet: model.name, cell }));
    if (f.cutFrom !== null) notes.push(fillCellText(CELL_TEXT.long, { sheet: model.name, cell, length: formatNumberVi(f.cutFrom, 0), max: formatNumberVi(EXCEL_CELL_MAX, 0) }));
    return f.text;
  };
  model.cells.forEach((row, r) => {
    row.forEach((v: CellOut, c) => {
      if (typeof v === "string") row[c] = fit(v, r, c);
      else if (v && typeof v === "object" && typeof v.result === "string") row[c] = { ...v, result: fit(v.result, r, c) };
    });
  });
  return notes;
}
