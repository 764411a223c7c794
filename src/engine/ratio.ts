/** Ratio criteria: a / b with a full-points threshold, an optional eligibility floor, and a cap at 100%. */
import { parseCount } from "./coerce";
import { formatNumberVi, formatPercentVi, formatThresholdVi, fractionTextVi, meetsThreshold, THRESHOLD_TOLERANCE } from "./numbers";
import type { CellInput, Finding, RatioCriterion, ReasonCode, Status } from "./types";

export interface RatioRead {
  status: Status;
  reason: ReasonCode;
  /** a / b, capped at 1 when a > b; null when it cannot be computed */
  ratio: number | null;
  capped: boolean;
  a: number | null;
  b: number | null;
  findings: Finding[];
}

/**
 * Reads a ratio from two count cells. b = 0 or blank → no_data (never 0 points); a blank a, text,
 * an error value, a negative or fractional count → invalid_input / missing_input; a > b → flagged
 * and capped at 100% (PLANS.md readings for every plan).
 */
export function readRatio(aCell: CellInput, bCell: CellInput, aId: string, bId: string): RatioRead {
  const a = parseCount(aCell, aId);
  const b = parseCount(bCell, bId);
  const findings: Finding[] = [];
  let status: Status = "scored";
  let reason: ReasonCode = "ok";
  const worse = (s: Status, r: ReasonCode) => {
    // invalid input outranks no data: bad figures must be fixed before "no data" means anything
    if (status === "scored" || (status === "no_data" && s === "invalid_input")) {
      status = s;
      reason = r;
    }
  };
  if (!a.ok) {
    findings.push(a.finding);
    worse(a.finding.code === "missing_input" ? "invalid_input" : "invalid_input", a.finding.code);
  }
  if (!b.ok) {
    if (b.finding.code === "missing_input") {
      findings.push({ code: "zero_denominator", input: bId, detail: { input: bId } });
      worse("no_data", "zero_denominator");
    } else {
      findings.push(b.finding);
      worse("invalid_input", b.finding.code);
    }
  } else if (b.value === 0) {
    findings.push({ code: "zero_denominator", input: bId, detail: { input: bId } });
    worse("no_data", "zero_denominator");
  }
  if (!a.ok || !b.ok || b.value === 0) {
    return { status, reason, ratio: null, capped: false, a: a.ok ? a.value : null, b: b.ok ? b.value : null, findings };
  }
  let ratio = a.value / b.value;
  let capped = false;
  if (a.value > b.value) {
    findings.push({ code: "numerator_exceeds_denominator", input: aId, detail: { a: a.value, b: b.value } });
    ratio = 1;
    capped = true;
    reason = "numerator_exceeds_denominator";
  }
  return { status: "scored", reason, ratio, capped, a: a.value, b: b.value, findings };
}

export interface Points {
  points: number;
  full: boolean;
  explanation: string;
}

/** What turns a ratio into points: a criterion's threshold, maximum and rule below the threshold. */
export type PointsRule = Pick<RatioCriterion, "threshold" | "maxPoints" | "below" | "bands">;

type Band = { min: number; points: number };

/** The rule's bands, highest bound first (the plan may list them in any order). */
export function bandsDesc(rule: PointsRule): Band[] {
  return (rule.bands ?? []).slice().sort((x, y) => y.min - x.min);
}

/**
 * Points below the threshold, by `below`: "proportional" (the default, hg-165 §III.2) r × maxPoints;
 * "to_threshold" r ÷ threshold × maxPoints; "bands" the points of the highest band whose bound r
 * meets (a bound is met as a threshold is, reading threshold_inclusive), 0 below every band.
 * `band` is the index in `bands` (highest first) of the band reached, -1 for none or another rule.
 */
export function pointsBelow(rule: PointsRule, r: number, bands: Band[] = bandsDesc(rule)): { points: number; band: number } {
  if (rule.below === "to_threshold") return { points: (r / rule.threshold) * rule.maxPoints, band: -1 };
  if (rule.below === "bands") {
    for (let j = 0; j < bands.length; j++) if (meetsThreshold(r, bands[j].min)) return { points: bands[j].points, band: j };
    return { points: 0, band: -1 };
  }
  return { points: r * rule.maxPoints, band: -1 };
}

/**
 * The words after "r = 72,00%" for points below the threshold: " < 80% → 72,00% ÷ 80% × 30 = 27,00"
 * (to_threshold), " ≥ 40% → 15 điểm (bậc ≥ 40%)" or " < 20% → 0 điểm (dưới bậc thấp nhất)" (bands),
 * " < 90% → 0,89 × 60 = 53,40" (proportional).
 */
export function belowText(rule: PointsRule, r: number, points: number, band: number, bands: Band[] = bandsDesc(rule)): string {
  const thr = formatThresholdVi(rule.threshold);
  if (rule.below === "to_threshold") return ` < ${thr} → ${formatPercentVi(r)} ÷ ${thr} × ${rule.maxPoints} = ${formatNumberVi(points)}`;
  if (rule.below === "bands") {
    if (band < 0) {
      const lowest = bands.length ? formatThresholdVi(bands[bands.length - 1].min) : thr;
      return ` < ${lowest} → 0 điểm (dưới bậc thấp nhất)`;
    }
    const min = formatThresholdVi(bands[band].min);
    return ` ≥ ${min} → ${formatNumberVi(points, Number.isInteger(points) ? 0 : 2)} điểm (bậc ≥ ${min})`;
  }
  return ` < ${thr} → ${fractionTextVi(r)} × ${rule.maxPoints} = ${formatNumberVi(points)}`;
}

/** r ≥ threshold → maxPoints; below it, the rule's `below` (pointsBelow). `rText` names r. */
export function ratioPoints(r: number, rule: PointsRule, rText = `r = ${formatPercentVi(r)}`): Points {
  const full = meetsThreshold(r, rule.threshold);
  if (full) {
    return { points: rule.maxPoints, full, explanation: `${rText} ≥ ${formatThresholdVi(rule.threshold)} → ${rule.maxPoints} điểm tối đa` };
  }
  const bands = bandsDesc(rule);
  const { points, band } = pointsBelow(rule, r, bands);
  return { points, full, explanation: rText + belowText(rule, r, points, band, bands) };
}

/**
 * The district's ratio of hg-165 §III.2.a: (own + mean of its communes) / 2.
 * Reading hg165_commune_mean: the plain mean of the communes' ratios, not pooled dossiers.
 */
export function combinedDistrictRatio(ownRatio: number, communeRatios: number[]): number {
  if (communeRatios.length === 0) throw new Error("Thiếu tỷ lệ của các xã để tính tỷ lệ kết hợp của huyện.");
  let sum = 0;
  for (const r of communeRatios) sum += r;
  return (ownRatio + sum / communeRatios.length) / 2;
}

/**
 * The smallest whole x ≥ 0 such that (a + x) / b meets the threshold, with b fixed
 * (reading hg165_gap: a direct dossier moved online; a new online dossier would also raise b).
 */
export function gapToFull(a: number, b: number, threshold: number): number {
  if (!(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) throw new Error("Mẫu số b phải lớn hơn 0.");
  if (meetsThreshold(a / b, threshold)) return 0;
  // threshold × b in floating point can land just above a whole number (0.9 × 30 = 27.000000000000004),
  // so start from a guess and settle it with the same comparison the scorer uses.
  let x = Math.max(0, Math.ceil(threshold * b - a - THRESHOLD_TOLERANCE * b));
  while (x > 0 && meetsThreshold((a + x - 1) / b, threshold)) x--;
  while (!meetsThreshold((a + x) / b, threshold)) x++;
  return x;
}
