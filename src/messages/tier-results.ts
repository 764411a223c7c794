/** The results and rules sheets' words of tiers, adjustments, imported points and units with no dossiers. */
import type { TierDef } from "../engine/types";
import type { NextTier } from "../engine/outcomes";
import { boundNumberVi as pointsVi, tierRangeVi } from "./tiers";

/**
 * What a unit needs for the next tier up: "3,25 để lên Xuất sắc (trên 94)"; when the bound itself is
 * outside that tier (an exclusive "trên 94") reaching the gap is not enough, so "hơn 3,25".
 */
export function nextTierVi(n: NextTier, def?: TierDef): string {
  const range = def ? ` (${tierRangeVi(def)})` : "";
  return `${n.bound.inclusive ? "" : "hơn "}${pointsVi(n.gap)} để lên ${n.label}${range}`;
}

/** The results' status of a unit with no dossiers in the period (Plan.activity): shown apart, not ranked. */
export const NO_ACTIVITY_STATUS = "Không phát sinh hồ sơ";

/** The rules sheet's tier, cohort, adjustment, imported-group and activity blocks. */
export const TIER_RULES_TEXT = {
  tiersTitle: "Xếp loại theo tổng điểm",
  tiersHeader: ["Loại", "Cấp áp dụng", "Khoảng điểm", "Từ (ngưỡng dưới)", "Đến (ngưỡng trên)", "Cần chú ý", "Nguồn"],
  tiersNote:
    "Các ô ngưỡng có thể sửa: cột \"Xếp loại\" (khi chấm với --formulas) và màu xếp loại của trang kết quả đọc trực tiếp các ô này. " +
    "Ngưỡng trên của một loại là ô ngưỡng dưới của loại xếp trên nó, nên sửa một ô là đổi ranh giới của cả hai loại. " +
    "Ngưỡng có thuộc loại hay không (\"trên\" hay \"từ\") theo đúng lời văn của kế hoạch, ghi ở cột Khoảng điểm.",
  attentionYes: "có",
  allLevels: "mọi cấp",
  cohortTitle: "Xếp hạng trong khối",
  cohortText: (label: string, input: string) =>
    `Ngoài hạng chung của cấp, đơn vị còn được xếp hạng trong ${label.toLowerCase()} của mình (cột "${input}"): các đơn vị cùng cấp, cùng giá trị ô này (không phân biệt hoa thường, dấu cách) xếp với nhau theo hạng chung.`,
  adjustmentTitle: "Điều chỉnh điểm",
  adjustmentText: (input: string, reason: string, max?: number) =>
    `Điểm điều chỉnh (cột "${input}", âm là trừ điểm) được cộng vào tổng điểm; bắt buộc ghi lý do (cột "${reason}"): điều chỉnh không có lý do là lỗi, đơn vị không được chấm.` +
    (max !== undefined ? ` Mỗi lần điều chỉnh không quá ${pointsVi(max)} điểm (cộng hoặc trừ).` : "") +
    " Tổng điểm sau điều chỉnh không được âm hay vượt tổng điểm tối đa.",
  adjustmentsMade: (n: number) => (n ? `Các điều chỉnh trong lần chấm này (${n})` : "Lần chấm này không có điều chỉnh nào."),
  adjustmentsHeader: ["Đơn vị", "Cấp", "Điểm điều chỉnh", "Lý do"],
  importedTitle: "Điểm thành phần công bố",
  importedHeader: ["Mã nhóm", "Cột số liệu", "Nội dung", "Điểm tối đa", "", "", "Nguồn"],
  importedNote:
    "Điểm của từng nhóm lấy đúng như cổng quốc gia công bố (không tính lại từ tỷ lệ); điểm vượt điểm tối đa của nhóm là lỗi của ô đó, không bị cắt bớt. Tổng điểm là tổng các nhóm (cộng điều chỉnh, nếu có).",
  importedTotal: (input: string) => `Tổng điểm công bố (cột "${input}") được ghi bên cạnh để đối chiếu; xếp hạng theo tổng các nhóm.`,
  maxTotal: "Tổng điểm tối đa",
  activityTitle: "Đơn vị không phát sinh hồ sơ",
  activityText: (input: string) =>
    `Đơn vị có số hồ sơ trong kỳ (cột "${input}") bằng 0 không có gì để chấm: ghi "${NO_ACTIVITY_STATUS}", xếp riêng sau các đơn vị cùng cấp, không xếp hạng (không bị xếp cuối). Ô số hồ sơ để trống là thiếu số liệu.`,
} as const;
