/**
 * With formulas, which input cells of the results sheet refer to their source cell and which hold a
 * value. The results' ratio formulas read an input cell with ISNUMBER and a / b: that agrees with the
 * engine only where a formula gets the number the engine read, or no number where the engine read
 * none. Excel and LibreOffice read text as text ("1.234" and "95" are no numbers to a formula, while
 * the engine reads 1234 and 95), a date as its serial number and, in LibreOffice, TRUE as 1, where the
 * engine refuses them. Those cells are written as the engine's reading, or as text when it read no
 * number, so that no formula can read them otherwise.
 */
import { dateText, formatNumberVi, formatThresholdVi, parseCount, parseNumber, parsePercent } from "../engine";
import type { CellInput, InputDef, Plan } from "../engine";
import { FORMULA_VALUE_TEXT, fillFormulaText, type FormulaValueWhy } from "../messages/formula-values";
import { quoteSheet } from "./a1";
import { isSpecialInput } from "./mapping";
import type { ScoredSheet } from "./types";

export type FormulaInput =
  | { ref: true }
  | {
      ref: false;
      /** what the results cell holds: the engine's number, or the cell's content as text (a yes/no column: as it is) */
      value: number | string | boolean | null;
      /** null: the whole column is written as values (dates, yes/no), said once in the rules sheet */
      why: FormulaValueWhy | null;
    };

const REF: FormulaInput = { ref: true };

// Excel's own error values, which a formula reading them also finds to be no number. The command line
// gives some cells that are not errors in the file an error text of its own (a formula never
// calculated, which a spreadsheet will calculate; a date cell beyond any date, which is a number):
// those do not match.
const EXCEL_ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/i;

function isErrorValue(x: CellInput): x is { error: string } {
  return typeof x === "object" && x !== null && !(x instanceof Date);
}

/** A cell's content as text, as the results sheet shows it when it holds no number. */
export function contentText(x: CellInput): string {
  if (x === null || x === undefined) return "";
  if (x instanceof Date) return dateText(x);
  if (isErrorValue(x)) return x.error;
  if (typeof x === "boolean") return x ? "TRUE" : "FALSE";
  return String(x);
}

/**
 * How the results sheet shows input `def` of one unit whose source cell holds `raw`, with formulas.
 * Counts, ratios and plain numbers (bonus points) feed (or could feed) the formulas: a reference where
 * a formula reads the cell as the engine does, else a value. Other kinds (a date, a yes/no) feed none, and a reference to a date
 * cell would show its serial number: their columns are values.
 */
export function formulaInput(kind: InputDef["kind"], raw: CellInput): FormulaInput {
  if (kind !== "count" && kind !== "ratio" && kind !== "number") return { ref: false, value: raw === null || raw === undefined ? null : cellShown(raw), why: null };
  if (raw === null || raw === undefined) return REF;
  const read = kind === "count" ? parseCount(raw) : kind === "number" ? parseNumber(raw) : parsePercent(raw);
  if (typeof raw === "string") {
    // a formula gets text as text: it agrees with the engine exactly when the engine reads no number either
    return read.ok ? { ref: false, value: read.value, why: "text_number" } : REF;
  }
  if (isErrorValue(raw) && EXCEL_ERROR.test(raw.error.trim())) return REF;
  if (typeof raw === "number") {
    // the formulas' guards (a ≥ 0, b > 0) already give no ratio for a negative whole count, as the engine does
    // (a number's range, 0 to the bonus's maximum, is checked by its formula as by the engine)
    const same = kind === "count" ? Number.isInteger(raw) && Math.abs(raw) <= Number.MAX_SAFE_INTEGER : kind === "number" ? Number.isFinite(raw) : raw >= 0 && raw <= 1;
    if (same) return REF;
    if (read.ok) return { ref: false, value: read.value, why: "number_noise" };
  }
  return { ref: false, value: contentText(raw), why: "not_a_number" };
}

/** A value as the values mode writes an input cell (the results sheet holds no Date). */
function cellShown(v: CellInput): string | number | boolean {
  if (v instanceof Date) return dateText(v);
  if (isErrorValue(v)) return v.error;
  return v as string | number | boolean;
}

/** The engine's reading as a note shows it: "9.000", "25,5%". */
export function readingText(kind: InputDef["kind"], value: number | string | boolean | null): string {
  if (typeof value !== "number") return `"${value ?? ""}"`;
  return kind === "ratio" ? formatThresholdVi(value) : formatNumberVi(value, Number.isInteger(value) ? 0 : 2);
}

/** The source cell's content as the notes show it: text in quotes, anything else as it is. */
export function quotedContent(raw: CellInput): string {
  return typeof raw === "string" ? `"${raw}"` : contentText(raw);
}

/** One input cell written as a value, for the notes. */
export interface FormulaValueCell {
  unit: string;
  input: InputDef;
  /** the source cell, "'Số liệu'!G5" */
  source: string;
  raw: CellInput;
  value: number | string | boolean | null;
  why: FormulaValueWhy;
}

/** The reason of a value cell in words (the rules sheet's "Lý do", the end of the row's note). */
export function whyText(c: FormulaValueCell): string {
  return fillFormulaText(FORMULA_VALUE_TEXT.why[c.why], { value: readingText(c.input.kind, c.value) });
}

/** The note on the unit's row for the value written in results cell `cell` ("G7"). */
export function rowNoteText(c: FormulaValueCell, cell: string): string {
  return fillFormulaText(FORMULA_VALUE_TEXT.rowNote, { cell, source: c.source, content: quotedContent(c.raw), why: whyText(c) });
}

/** The plan's inputs the results sheet shows: mapped to a column, other than the unit's name, level and district. */
export function shownInputs(plan: Plan, scored: ScoredSheet): InputDef[] {
  return plan.inputs.filter((d) => !isSpecialInput(d.id) && scored.mapping.mapping[d.id] !== undefined);
}

/** Every input cell written as a value with formulas, in the order of the source rows. */
export function formulaValueCells(plan: Plan, scored: ScoredSheet): FormulaValueCell[] {
  const inputs = shownInputs(plan, scored);
  const out: FormulaValueCell[] = [];
  for (const src of scored.read.sources) {
    for (const d of inputs) {
      const cell = src.cells[d.id];
      if (!cell) continue;
      const raw = src.values[d.id];
      const f = formulaInput(d.kind, raw);
      if (f.ref || f.why === null) continue;
      out.push({ unit: src.key, input: d, source: `${quoteSheet(scored.sheet)}!${cell}`, raw, value: f.value, why: f.why });
    }
  }
  return out;
}
