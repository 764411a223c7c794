/**
 * Numeric policy of the engine: how a ratio is compared with a threshold and how numbers are shown.
 */

/**
 * Tolerance for "a ratio exactly at a threshold meets it" (PLANS.md, readings for every plan).
 *
 * Why 1e-9: the same 90% reaches the engine by different floating routes (0.9 typed, "90%" / 100,
 * 27 / 30, 0.7 + 0.2 = 0.8999999999999999, the mean of commune ratios), and those routes differ
 * from the threshold by a few ulps (~1e-16). A genuine ratio of whole counts a / b below a
 * threshold p / 100 is below it by at least 1 / (100·b), which is more than 1e-9 for any unit with
 * fewer than 10,000,000 dossiers. So 1e-9 absorbs rounding and never turns a real "below" into "met".
 */
export const THRESHOLD_TOLERANCE = 1e-9;

/** THE threshold comparison: value ≥ threshold, with the documented tolerance. */
export function meetsThreshold(value: number, threshold: number): boolean {
  return value >= threshold - THRESHOLD_TOLERANCE;
}

/**
 * Why tables: a table of 100,000 units formats some 700,000 numbers for its explanations, and every
 * ratio, point and total the engine shows lies in 0…100 with 2 decimals (or 0…1 with 4): at most
 * 10,001 texts each, made once and shared by every unit that shows them.
 */
const SMALL_MAX = 100;
/** how many texts each table holds: 0,00…100,00 and 0,0000…1,0000 */
export const TABLE_SIZE = 10001;
const FIXED2: (string | undefined)[] = new Array(TABLE_SIZE);
const PERCENT2: (string | undefined)[] = new Array(TABLE_SIZE);
const FRACTION4: (string | undefined)[] = new Array(TABLE_SIZE);

/** "20.000.000", "53,40": Vietnamese grouping with '.' and decimal comma. Display only. */
export function formatNumberVi(x: number, decimals = 2): string {
  const n = decimals === 2 ? numberKey(x) : -1;
  if (n >= 0) return FIXED2[n] ?? (FIXED2[n] = fixedDigits(n, 100, 2));
  return formatNumberViSlow(x, decimals);
}

/** A ratio as a Vietnamese percent: 0.89 → "89,00%". */
export function formatPercentVi(r: number, decimals = 2): string {
  const n = decimals === 2 ? percentKey(r) : -1;
  if (n >= 0) return PERCENT2[n] ?? (PERCENT2[n] = fixedDigits(n, 100, 2) + "%");
  return formatNumberViSlow(r * 100, decimals) + "%";
}

/**
 * r shown as a fraction of one: 4 decimals as toFixed rounds them, trailing zeros dropped down to 2
 * ("0,89", "0,8937", "1,00"), from a table for 0 ≤ r ≤ 1.
 */
export function fractionTextVi(r: number): string {
  const n = fractionKey(r);
  if (n >= 0) return FRACTION4[n] ?? (FRACTION4[n] = trimFraction(fixedDigits(n, 10000, 4)));
  return trimFraction(formatNumberViSlow(r, 4));
}

/**
 * Which text of the tables formatNumberVi(x) (2 decimals), formatPercentVi(r) and fractionTextVi(r)
 * give: a whole number below TABLE_SIZE, equal keys meaning equal texts; -1 for a number outside the
 * tables. Callers key their own texts built on these by them.
 */
export function numberKey(x: number): number {
  return x >= 0 && x <= SMALL_MAX ? scaledRound(x, 100) : -1;
}
export function percentKey(r: number): number {
  return numberKey(r * 100);
}
export function fractionKey(r: number): number {
  return r >= 0 && r <= 1 ? scaledRound(r, 10000) : -1;
}

function trimFraction(s: string): string {
  let end = s.length;
  const comma = s.indexOf(",");
  while (end > 0 && s.charCodeAt(end - 1) === 48 && end - comma > 3) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * x × scale rounded as toFixed rounds x (the nearest whole number to the exact product, halves up),
 * or -1 when that cannot be told from the floating product: y = x × scale is within half an ulp of the
 * exact product (below 2^-31 for y ≤ 10,000), so unless y lies within 1e-9 of a half, the exact
 * product rounds to the same whole number as y. Those few go to toFixed itself.
 */
function scaledRound(x: number, scale: number): number {
  const y = x * scale;
  const whole = Math.floor(y);
  const frac = y - whole;
  if (frac > 0.5 - 1e-9 && frac < 0.5 + 1e-9) return -1;
  return frac > 0.5 ? whole + 1 : whole;
}

/** n / scale with `decimals` digits after the comma (n ≤ 100 × scale: no thousands to group). */
function fixedDigits(n: number, scale: number, decimals: number): string {
  const whole = Math.floor(n / scale);
  const frac = String(n - whole * scale);
  return whole + "," + "0000".slice(0, decimals - frac.length) + frac;
}

/** formatNumberVi for any number and any count of decimals, through toFixed. */
function formatNumberViSlow(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return String(x);
  const fixed = Math.abs(x).toFixed(decimals);
  const dot = fixed.indexOf(".");
  const intPart = dot < 0 ? fixed : fixed.slice(0, dot);
  const frac = dot < 0 ? undefined : fixed.slice(dot + 1);
  const grouped = intPart.length <= 3 ? intPart : intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const negative = x < 0 && Number(fixed) !== 0;
  return (negative ? "-" : "") + grouped + (frac !== undefined ? "," + frac : "");
}

/** A threshold as written in the plans: 0.9 → "90%", 0.905 → "90,5%" (no trailing zeros). */
const thresholdText = new Map<number, string>();
export function formatThresholdVi(t: number): string {
  // thresholds are a handful of constants: format each once
  let s = thresholdText.get(t);
  if (s === undefined) {
    s = formatNumberVi(t * 100, 4).replace(/,?0+$/, "") + "%";
    if (thresholdText.size < 1000) thresholdText.set(t, s);
  }
  return s;
}

/** A plain (English-style) number for machine-readable output, trimmed: 53.4 → "53.4". */
export function roundTo(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round((x + Number.EPSILON * Math.sign(x)) * f) / f;
}

/**
 * Points as the decimal they stand for: x rounded to 9 decimals, the nearest double to that decimal.
 *
 * Why: published index points have at most 2 decimals, and a float sum of them misses the decimal
 * sum by a few ulps (17.75 + 19.5 + 11.25 + 9.5 + 21 + 15 may land on 93.99999999999999 rather than
 * 94). Rounding the sum to 9 decimals — far below the 0,01 that separates two published totals, far
 * above float noise for totals in the hundreds — gives exactly the double that "94" or "90,01"
 * parses to, so a total is compared with a tier's bound (94, 90, 80) with plain <, <=, as the plan
 * writes them, and equal totals are equal. Chosen over summing scaled integers because the same
 * rounding then serves totals that are not sums of 2-decimal figures (ratio points r × 60).
 */
export function exactPoints(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
