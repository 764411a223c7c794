/**
 * Words of imported index points, adjustments and tiers (Plan.imported, Plan.adjustment, Plan.tiers):
 * a tier's bounds as the plan writes them ("trên 94", "từ 90 đến 94", "dưới 90"), and the pieces of
 * a unit's explanation. Vietnamese, as officials read them in the results and the bulletin.
 */
import type { TierBound, TierDef } from "../engine/types";

/**
 * A bound's number as a plan writes it: 94, 90,5, 79,99 (Vietnamese decimal comma, no trailing
 * zeros, up to 4 decimals). Not formatNumberVi, which always shows 2 decimals: a plan says "trên 94",
 * never "trên 94,00".
 */
export function boundNumberVi(x: number): string {
  const fixed = Math.abs(x).toFixed(4).replace(/\.?0+$/, "");
  const sign = x < 0 && Number(fixed) !== 0 ? "−" : "";
  return sign + fixed.replace(".", ",");
}

function lowerVi(b: TierBound): string {
  return `${b.inclusive ? "từ" : "trên"} ${boundNumberVi(b.value)}`;
}

/** the upper bound after a lower one: "đến 94", "đến dưới 90" */
function upperVi(b: TierBound): string {
  return b.inclusive ? `đến ${boundNumberVi(b.value)}` : `đến dưới ${boundNumberVi(b.value)}`;
}

/**
 * A tier's range in the words of the plans: "trên 94", "từ 90 đến 94", "dưới 90", "từ 80 đến dưới 90",
 * "trên 90 đến dưới 94", "từ 95 trở lên", "từ 60 trở xuống"; a tier open on both sides is "mọi mức điểm".
 */
export function tierRangeVi(tier: Pick<TierDef, "min" | "max">): string {
  const { min, max } = tier;
  if (min && max) return `${lowerVi(min)} ${upperVi(max)}`;
  if (min) return min.inclusive ? `từ ${boundNumberVi(min.value)} trở lên` : `trên ${boundNumberVi(min.value)}`;
  if (max) return max.inclusive ? `từ ${boundNumberVi(max.value)} trở xuống` : `dưới ${boundNumberVi(max.value)}`;
  return "mọi mức điểm";
}

/** "; xếp loại tốt (từ 90 đến 94)": the tail of a unit's explanation, the tier's label as the plan writes it */
export function tierExplanationVi(tier: Pick<TierDef, "label" | "min" | "max">): string {
  return `xếp loại ${tier.label} (${tierRangeVi(tier)})`;
}

/** "Xếp loại tốt." after a unit's message */
export function tierMessageVi(label: string): string {
  return `Xếp loại ${label}.`;
}

/** Words of one imported unit's explanation and message. */
export const IMPORTED_WORDS = {
  /** "điều chỉnh −2,00 (lỗi hệ thống)" */
  adjustment: (points: string, reason: string) => `điều chỉnh ${points} (${reason})`,
  /** "tổng công bố 93,50" */
  published: (total: string) => `tổng công bố ${total}`,
  /** "Tổng điểm 91,75/100." */
  total: (total: string, max: string) => `Tổng điểm ${total}/${max}.`,
  /** "(gồm điều chỉnh −2,00: lỗi hệ thống)" */
  totalWithAdjustment: (total: string, max: string, points: string, reason: string) => `Tổng điểm ${total}/${max} (gồm điều chỉnh ${points}: ${reason}).`,
  /** limits of adjustment_out_of_range */
  adjustmentLimit: (max: string) => `tối đa ±${max} điểm`,
  totalLimit: (max: string) => `tổng sau điều chỉnh phải từ 0 đến ${max}`,
};
