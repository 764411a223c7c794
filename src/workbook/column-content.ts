/**
 * What a column holds, as evidence for the mapping: names, level words, whole counts, ratios,
 * dates, yes/no. A header can say "Cấp" and hold commune names ("Đơn vị cấp xã"); a column headed
 * like dossiers can hold percents. The profile is read from the cells as the engine will read
 * them (the same number parsing), over at most SAMPLE_ROWS rows spread through the table.
 */
import { normalizeKey, parseLevel, parseNumberText, parseYesNo } from "../engine";
import type { CellInput } from "../engine";

/** Enough rows to know what a column holds; a 100,000-row table is sampled evenly. */
export const SAMPLE_ROWS = 2000;

export interface ColumnProfile {
  /** non-blank cells */
  filled: number;
  /** share of the filled cells that are numbers (typed, or text that parses as one) */
  numeric: number;
  /** share of the numbers that are whole */
  whole: number;
  /** share of the numbers within 0–1 */
  unit: number;
  /** share of the numbers within 0–100 */
  upTo100: number;
  /** share of the numbers that are whole and above 100 (counts, not ratios) */
  bigWhole: number;
  /** share of the filled cells written as percents ("85,5%") */
  percentText: number;
  /** share of the filled cells that are words (not numbers, dates, yes/no or error values) */
  text: number;
  /** distinct texts ÷ texts */
  distinct: number;
  /** share of the filled cells that are level words (xã, huyện, tỉnh…) */
  levelWords: number;
  /** share of the filled cells that are dates */
  dates: number;
  /** share of the filled cells that are yes/no (có/không, x, TRUE) */
  yesNo: number;
  /** share of the texts that begin with a district-level prefix (huyện, thị xã, thành phố) */
  districtNames: number;
  /** the cells read as numbers, aligned with the sampled rows (NaN where not a number) */
  numbers: Float64Array;
}

const DATE_TEXT = /^\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})\s*$/;
const ERROR_TEXT = /^\s*#(N\/A|VALUE!|DIV\/0!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)\s*$/i;
const DISTRICT_PREFIX = /^(huyen|thi xa|thanh pho|quan|tp|tx)\b/;

function numberOf(v: CellInput): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v === "string") {
    const s = v.trim().replace(/%$/, "").trim();
    if (!s) return NaN;
    const n = parseNumberText(s);
    if (n === null) return NaN;
    return /%\s*$/.test(v) ? n / 100 : n;
  }
  return NaN;
}

/** The row indexes to read: all of them up to SAMPLE_ROWS, else evenly spread. */
export function sampleRows(n: number): number[] {
  if (n <= SAMPLE_ROWS) return Array.from({ length: n }, (_, i) => i);
  const step = n / SAMPLE_ROWS;
  return Array.from({ length: SAMPLE_ROWS }, (_, i) => Math.floor(i * step));
}

export function profileColumn(cells: CellInput[], rows: number[]): ColumnProfile {
  let filled = 0, numeric = 0, whole = 0, unit = 0, upTo100 = 0, bigWhole = 0, percentText = 0, text = 0, levelWords = 0, dates = 0, yesNo = 0, district = 0;
  const texts = new Set<string>();
  const numbers = new Float64Array(rows.length).fill(NaN);
  rows.forEach((r, i) => {
    const v = cells[r];
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return;
    // an error value says nothing of what the column holds
    if (typeof v === "object" && !(v instanceof Date && Number.isFinite(v.getTime()))) return;
    filled++;
    if (v instanceof Date) {
      dates++;
      return;
    }
    if (typeof v === "boolean") {
      yesNo++;
      return;
    }
    const n = numberOf(v);
    if (!Number.isNaN(n)) {
      numeric++;
      numbers[i] = n;
      if (Number.isInteger(n)) whole++;
      if (n >= 0 && n <= 1) unit++;
      if (n >= 0 && n <= 100) upTo100++;
      if (Number.isInteger(n) && n > 100) bigWhole++;
      if (typeof v === "string" && /%\s*$/.test(v)) percentText++;
      return;
    }
    const s = String(v);
    if (DATE_TEXT.test(s)) {
      dates++;
      return;
    }
    // an error value typed or exported as text (a CSV's "#N/A") is no evidence either
    if (ERROR_TEXT.test(s)) {
      filled--;
      return;
    }
    // yes/no words are their own kind, not names
    const yn = parseYesNo(s);
    if (yn === true || yn === false) {
      yesNo++;
      return;
    }
    text++;
    const k = normalizeKey(s);
    // Ia Bang and Ia Băng are two communes: names are told apart with their diacritics
    texts.add(s.trim().toLowerCase());
    if (parseLevel(s).ok) levelWords++;
    if (DISTRICT_PREFIX.test(k)) district++;
  });
  const share = (x: number, of: number) => (of ? x / of : 0);
  return {
    filled,
    numeric: share(numeric, filled),
    whole: share(whole, numeric),
    unit: share(unit, numeric),
    upTo100: share(upTo100, numeric),
    bigWhole: share(bigWhole, numeric),
    percentText: share(percentText, filled),
    text: share(text, filled),
    distinct: share(texts.size, text),
    levelWords: share(levelWords, filled),
    dates: share(dates, filled),
    yesNo: share(yesNo, filled),
    districtNames: share(district, text),
    numbers,
  };
}

export type ContentKind = "unit" | "group" | "level" | "count" | "ratio" | "date" | "boolean" | "text" | "number";

/**
 * How well what a column holds fits a kind of input, 0–1. Only a clear contradiction lowers the
 * fit (a column of names is never a count, a column of percents is not the dossiers): bad cells
 * among good ones are the engine's to report, so the column must still be found. An empty column
 * fits nothing in particular (its header alone decides, at a discount).
 */
export function contentFit(p: ColumnProfile, kind: ContentKind): number {
  if (p.filled === 0) return 0.7;
  // a few cells say little: one "abc" in a one-row table is a bad figure, not a column of names
  const certainty = p.filled / (p.filled + 2);
  return 1 - (1 - rawFit(p, kind)) * certainty;
}

function rawFit(p: ColumnProfile, kind: ContentKind): number {
  switch (kind) {
    case "count":
      // a column of words is not a count; booleans and error values among counts are bad figures
      if (p.text > 0.5) return 0.1;
      // fractions within 0–1, or percents: a ratio column beside its counts
      if (p.percentText > 0.5 || (p.unit > 0.8 && p.whole < 0.5)) return 0.15;
      return 1;
    case "ratio":
      if (p.text > 0.5) return 0.1;
      // whole numbers in the hundreds and thousands are counts (whole percents typed as 85 are the
      // ratio's column still: the engine flags them)
      if (p.bigWhole > 0.6) return 0.2;
      return 1;
    case "unit":
      if (p.text < 0.5) return 0;
      if (p.levelWords > 0.6 || p.yesNo > 0.6) return 0.1;
      // a unit may have a row per date (iator-32): repeated names are fewer, not wrong
      return p.distinct >= 0.7 ? 1 : 0.7;
    case "group":
      if (p.text < 0.5) return 0;
      if (p.levelWords > 0.6 || p.yesNo > 0.6) return 0.1;
      // a district column names few districts again and again, or names them as districts
      return p.distinct < 0.8 || p.districtNames > 0.6 ? 1 : 0.6;
    case "level":
      if (p.levelWords >= 0.6) return 1;
      return 0.1;
    case "date":
      if (p.dates >= 0.6) return 1;
      // Excel serial dates of 2000–2060 in a date-headed column
      return p.numeric > 0.6 && p.whole > 0.9 && p.upTo100 === 0 ? 0.6 : 0.1;
    case "boolean":
      if (p.yesNo >= 0.6) return 1;
      return p.numeric > 0.6 && p.upTo100 > 0.9 && p.whole > 0.9 ? 0.5 : 0.1;
    case "number":
      // points granted (a bonus of 0–5, halves allowed): a column of words is not it
      if (p.text > 0.5) return 0.1;
      return p.bigWhole > 0.6 ? 0.3 : 1;
    case "text":
      return p.text >= 0.5 ? 1 : 0.3;
  }
}

/**
 * How often a numerator column exceeds its denominator column across the rows both hold numbers:
 * a ≤ b holds for every unit of a real table, so of two count columns the larger is b.
 * Returns the share of rows with a > b, and how many rows were compared.
 */
export function exceedShare(a: ColumnProfile, b: ColumnProfile): { share: number; rows: number } {
  let n = 0;
  let over = 0;
  const len = Math.min(a.numbers.length, b.numbers.length);
  for (let i = 0; i < len; i++) {
    const x = a.numbers[i];
    const y = b.numbers[i];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    n++;
    if (x > y) over++;
  }
  return { share: n ? over / n : 0, rows: n };
}
