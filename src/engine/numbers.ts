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

/** "20.000.000", "53,40": Vietnamese grouping with '.' and decimal comma. Display only. */
export function formatNumberVi(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return String(x);
  const fixed = Math.abs(x).toFixed(decimals);
  const dot = fixed.indexOf(".");
  const intPart = dot < 0 ? fixed : fixed.slice(0, dot);
  const frac = dot < 0 ? undefined : fixed.slice(dot + 1);
  const grouped = intPart.length <= 3 ? intPart : intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const negative = x < 0 && Number(fixed) !== 0;
  return (negative ? "-" : "") + grouped + (frac !== undefined ? "," + frac : "");
}

/** A ratio as a Vietnamese percent: 0.89 → "89,00%". */
export function formatPercentVi(r: number, decimals = 2): string {
  return formatNumberVi(r * 100, decimals) + "%";
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
