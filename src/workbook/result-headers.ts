/**
 * Headers of the results sheet that a later period reads back (`score --previous`, the pane's
 * "Kỳ trước"): the results sheet writes them and the previous-period reader finds its columns by
 * them, so the two cannot drift apart.
 */
export const RESULT_HEADERS = {
  unit: "Đơn vị",
  level: "Cấp",
  total: "Tổng điểm",
  rank: "Hạng",
  /** Plan.tiers: the unit's tier ("xuất sắc", "tốt", "cần cải thiện") */
  tier: "Xếp loại",
  /** Plan.imported.total: the published total beside our sum */
  publishedTotal: "Tổng điểm công bố",
  adjustment: "Điều chỉnh",
  adjustmentReason: "Lý do điều chỉnh",
  previousRank: "Hạng kỳ trước",
  previousTotal: "Điểm kỳ trước",
  move: "Thay đổi hạng",
  previousTier: "Xếp loại kỳ trước",
  gapAbove: "Kém đơn vị xếp trên (điểm)",
  nextTier: "Cần thêm để lên loại trên (điểm)",
} as const;

/** Plan.cohort: the rank within the unit's cohort, headed by the cohort's own noun ("Hạng trong khối"). */
export function cohortRankHeader(cohortLabel: string): string {
  return `Hạng trong ${cohortLabel.charAt(0).toLowerCase()}${cohortLabel.slice(1)}`;
}

/** The leaders' one-page bulletin, written beside the results sheet when the plan has tiers. */
export const BULLETIN_SHEET = "Bản tin DVC";
