/** Ratio criteria: a / b with a full-points threshold, an optional eligibility floor, and a cap at 100%. */
import { parseCount } from "./coerce";
import { formatNumberVi, formatPercentVi, formatThresholdVi, fractionTextVi, meetsThreshold, THRESHOLD_TOLERANCE } from "./numbers";
import type { CellInput, Finding, ReasonCode, Status } from "./types";

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

/** r ≥ threshold → maxPoints; r < threshold → r × maxPoints (hg-165 §III.2). `rText` names r. */
export function ratioPoints(r: number, threshold: number, maxPoints: number, rText = `r = ${formatPercentVi(r)}`): Points {
  const full = meetsThreshold(r, threshold);
  if (full) {
    return { points: maxPoints, full, explanation: `${rText} ≥ ${formatThresholdVi(threshold)} → ${maxPoints} điểm tối đa` };
  }
  const points = r * maxPoints;
  return {
    points,
    full,
    explanation: `${rText} < ${formatThresholdVi(threshold)} → ${fractionTextVi(r)} × ${maxPoints} = ${formatNumberVi(points)}`,
  };
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
