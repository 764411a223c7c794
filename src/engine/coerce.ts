/**
 * The single place where cell input becomes numbers, levels and dates.
 * Rule (DESIGN.md, rules for numbers): blank, text, an error value or a negative count is never read as 0.
 */
import type { CellInput, Finding, Level } from "./types";

export type Parsed<T> = { ok: true; value: T; findings?: Finding[] } | { ok: false; finding: Finding };

function fail<T>(code: Finding["code"], input: string | undefined, detail?: Finding["detail"]): Parsed<T> {
  const finding: Finding = { code };
  if (input !== undefined) finding.input = input;
  if (detail !== undefined) finding.detail = detail;
  return { ok: false, finding };
}

/** Lower case, diacritics removed (đ→d), punctuation and runs of spaces folded to one space. */
export function normalizeKey(s: string): string {
  return String(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function isBlank(x: CellInput): boolean {
  return x === null || x === undefined || (typeof x === "string" && x.trim() === "");
}

function isErrorValue(x: CellInput): x is { error: string } {
  return typeof x === "object" && x !== null && !(x instanceof Date) && typeof (x as { error?: unknown }).error === "string";
}

/**
 * A date cell as messages and headers show it: its day, yyyy-mm-dd. A Date can be invalid (exceljs
 * gives one for a date-formatted cell holding a number beyond any date, such as 1e20), and then
 * toISOString throws RangeError: such a cell is shown as what it is, never allowed to stop a table.
 */
export function dateText(d: Date): string {
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : INVALID_DATE_TEXT;
}

export const INVALID_DATE_TEXT = "ngày không hợp lệ";

function shown(x: CellInput): string {
  if (isErrorValue(x)) return x.error;
  if (x instanceof Date) return dateText(x);
  return String(x);
}

// Whole numbers with Vietnamese (1.234.567) or English (1,234,567) grouping, or a space / NBSP.
// Only groups of exactly three digits count as thousands, so "1,5" stays a decimal.
const GROUPED = /^[+-]?[1-9]\d{0,2}(?:([.,\u00a0 ])\d{3})(?:\1\d{3})*$/;
const PLAIN_INT = /^[+-]?\d+$/;
// A decimal with one separator, "." or "," (the Vietnamese decimal comma).
const DECIMAL = /^[+-]?(?:\d+[.,]\d*|[.,]\d+)$/;
// Full Vietnamese form with both: 1.234,5 (or English 1,234.5).
const GROUPED_DECIMAL_VI = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const GROUPED_DECIMAL_EN = /^[+-]?\d{1,3}(?:,\d{3})+\.\d+$/;

/** Reads a numeric string (no percent sign); null when it is not a number. */
export function parseNumberText(raw: string): number | null {
  const s = raw.trim();
  if (PLAIN_INT.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/[.,\u00a0 ]/g, ""));
  if (DECIMAL.test(s)) return Number(s.replace(",", "."));
  if (GROUPED_DECIMAL_VI.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  if (GROUPED_DECIMAL_EN.test(s)) return Number(s.replace(/,/g, ""));
  if (/^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i.test(s)) return Number(s);
  return null;
}

/**
 * A ratio or percent figure as text. "31,125" has two readings, thirty-one thousand one hundred and
 * twenty-five (a thousands group) or 31.125 (the Vietnamese decimal comma); a ratio or a percent
 * can only be the second (a thousands group is at least 1000, far beyond 100%), so one separator is
 * always a decimal point here. Anything else reads as parseNumberText does.
 */
function parseRatioText(raw: string): number | null {
  const s = raw.trim();
  if (DECIMAL.test(s)) return Number(s.replace(",", "."));
  return parseNumberText(s);
}

/** Numbers only: blanks, booleans, dates, error values and text are findings. */
function toNumber(x: CellInput, input?: string): Parsed<number> {
  if (isBlank(x)) return fail("missing_input", input);
  if (typeof x === "number") {
    return Number.isFinite(x) ? { ok: true, value: x } : fail("invalid_input", input, { value: String(x) });
  }
  if (typeof x === "string") {
    const n = parseNumberText(x);
    return n === null || !Number.isFinite(n) ? fail("invalid_input", input, { value: x.trim() }) : { ok: true, value: n };
  }
  return fail("invalid_input", input, { value: shown(x) });
}

/** A plain number (points a council granted: 0, 2, "4,5"): blanks, booleans, dates, error values and text are findings. */
export function parseNumber(x: CellInput, input?: string): Parsed<number> {
  return toNumber(x, input);
}

// A count a formula left with floating-point noise (=0.1*3*100 gives 30.000000000000004, shown as 30)
// is that whole number. Such noise is a few units in the last place (~1e-16 of the value); 1e-12 of
// the value leaves room for a long chain of sums while a fraction anyone typed (95,5; 1000000,001)
// stays not_integer.
const COUNT_NOISE = 1e-12;

/**
 * A non-negative whole count (dossiers, accounts, citizens). Above 2^53 a number is no longer held
 * exactly ("123456789012345678901" would become 123456789012345680000): such a count is refused
 * rather than changed.
 */
export function parseCount(x: CellInput, input?: string): Parsed<number> {
  const n = toNumber(x, input);
  if (!n.ok) return n;
  if (n.value < 0) return fail("negative_count", input, { value: shown(x) });
  if (n.value > Number.MAX_SAFE_INTEGER) return fail("invalid_input", input, { value: shown(x) });
  if (Number.isInteger(n.value)) return n;
  const whole = Math.round(n.value);
  if (Math.abs(n.value - whole) <= COUNT_NOISE * Math.max(1, whole)) return { ok: true, value: whole };
  return fail("not_integer", input, { value: shown(x) });
}

// Float noise above 100% (e.g. 100.00000000000001%) is still 100%, same tolerance idea as numbers.ts.
const PERCENT_NOISE = 1e-9;

/**
 * A ratio in [0, 1]: 0.9, 0,9, "90%", "90,5%", "0,905". A bare number above 1 (85) is flagged,
 * never guessed to mean 85%: 1.5 could be a typo for 15% as well as 150%.
 */
export function parsePercent(x: CellInput, input?: string): Parsed<number> {
  let value: number;
  if (typeof x === "string" && /%\s*$/.test(x)) {
    const n = parseRatioText(x.replace(/%\s*$/, ""));
    if (n === null || !Number.isFinite(n)) return fail("invalid_input", input, { value: x.trim() });
    value = n / 100;
  } else if (typeof x === "string" && !isBlank(x)) {
    const n = parseRatioText(x);
    if (n === null || !Number.isFinite(n)) return fail("invalid_input", input, { value: x.trim() });
    value = n;
  } else {
    const n = toNumber(x, input);
    if (!n.ok) return n;
    value = n.value;
  }
  if (value < 0 || value > 1 + PERCENT_NOISE) return fail("percent_out_of_range", input, { value: shown(x) });
  return { ok: true, value: Math.min(value, 1) };
}

/**
 * Words of a level. Reading: a phường or thị trấn is commune level and a thị xã, thành phố (thuộc
 * tỉnh) or quận is district level (the Law on Local Government's tiers); a sở / ban / ngành is a
 * province-level agency. The same words in a table's "Cấp" column and in a function's argument.
 */
const LEVEL_WORDS: Record<string, Level> = {
  tinh: "tinh", "cap tinh": "tinh", province: "tinh", provincial: "tinh",
  so: "tinh", "so nganh": "tinh", "ban nganh": "tinh", "co quan cap tinh": "tinh",
  huyen: "huyen", "cap huyen": "huyen", district: "huyen",
  "thi xa": "huyen", "thanh pho": "huyen", quan: "huyen",
  xa: "xa", "cap xa": "xa", commune: "xa", phuong: "xa", "thi tran": "xa",
};

/** tinh / huyen / xa, also tỉnh, HUYỆN, "cấp xã", province, district, commune, phường, thị xã, sở. */
export function parseLevel(x: CellInput): Parsed<Level> {
  if (isBlank(x)) return fail("missing_input", "level");
  if (typeof x !== "string") return fail("unknown_level", "level", { value: shown(x) });
  const level = LEVEL_WORDS[normalizeKey(x)];
  return level ? { ok: true, value: level } : fail("unknown_level", "level", { value: x.trim() });
}

const DAY_MS = 86_400_000;

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return back.toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of an ISO date (for day arithmetic on calendar dates). */
export function isoToEpochDay(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function epochDayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// Excel's serial 1 is 1900-01-01 and it counts a 29/02/1900 that never was (serial 60), so from
// serial 61 on the epoch is 1899-12-30.
const EXCEL_EPOCH_DAY = Math.round(Date.UTC(1899, 11, 30) / DAY_MS);

/**
 * A calendar date as ISO yyyy-mm-dd from a JS Date, an Excel serial, "dd/mm/yyyy" or "yyyy-mm-dd".
 * A JS Date is rounded to the nearest UTC day: readers give UTC midnight, while a Date built from
 * local midnight anywhere within ±12 h of UTC rounds to the same calendar day.
 */
export function parseDate(x: CellInput): Parsed<string> {
  if (isBlank(x)) return fail("missing_input", "date");
  if (x instanceof Date) {
    const t = x.getTime();
    return Number.isFinite(t) ? { ok: true, value: epochDayToIso(Math.round(t / DAY_MS)) } : fail("invalid_date", "date", { value: INVALID_DATE_TEXT });
  }
  let serial: number | null = null;
  if (typeof x === "number") serial = x;
  else if (typeof x === "string") {
    const s = x.trim();
    let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (m) {
      const v = iso(Number(m[3]), Number(m[2]), Number(m[1]));
      return v ? { ok: true, value: v } : fail("invalid_date", "date", { value: s });
    }
    m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (m) {
      const v = iso(Number(m[1]), Number(m[2]), Number(m[3]));
      return v ? { ok: true, value: v } : fail("invalid_date", "date", { value: s });
    }
    if (/^\d+(?:[.,]\d+)?$/.test(s)) serial = Number(s.replace(",", "."));
  }
  if (serial === null || !Number.isFinite(serial) || serial < 1 || serial >= 2958466) {
    return fail("invalid_date", "date", { value: shown(x) });
  }
  const whole = Math.floor(serial);
  if (whole === 60) return fail("invalid_date", "date", { value: "29/02/1900" });
  const day = whole < 60 ? EXCEL_EPOCH_DAY + whole + 1 : EXCEL_EPOCH_DAY + whole;
  return { ok: true, value: epochDayToIso(day) };
}
