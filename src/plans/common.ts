/** Inputs and readings shared by every plan (PLANS.md, "Readings that apply to every plan"). */
import type { InputDef, Reading } from "../engine/types";

/** Name, parent group (district) and level columns; text, not scored. */
export const UNIT_INPUTS: InputDef[] = [
  {
    id: "unit",
    label: "Tên đơn vị",
    kind: "text",
    required: true,
    headers: [
      "Đơn vị", "Tên đơn vị", "Tên cơ quan, đơn vị", "Cơ quan, đơn vị", "Địa phương", "Huyện/Xã", "Xã, phường, thị trấn",
      "Ten don vi", "Don vi", "Unit",
    ],
  },
  {
    id: "group",
    label: "Thuộc huyện (cấp huyện quản lý)",
    kind: "text",
    required: false,
    headers: [
      "Huyện", "Thuộc huyện", "Huyện, thị xã, thành phố", "Đơn vị cấp huyện", "Huyện/TX/TP", "Cấp huyện",
      "Thuoc huyen", "Huyen", "District",
    ],
  },
  {
    id: "level",
    label: "Cấp (tỉnh / huyện / xã)",
    kind: "text",
    required: false,
    headers: ["Cấp", "Cấp hành chính", "Cấp đơn vị", "Cap", "Level"],
  },
];

/** The readings of PLANS.md that hold for every plan; `source` is the plan's scoring section. */
export function commonReadings(source: string): Reading[] {
  return [
    {
      id: "threshold_inclusive",
      text: {
        vi: "Tỷ lệ đúng bằng ngưỡng là đạt ngưỡng (90% là \"≥ 90%\"), dù được tính hay nhập theo cách nào (0,9; 90%; \"90,0%\"; 27/30); sai số dấu phẩy động dưới 1e-9 được bỏ qua.",
        en: "A ratio exactly at a threshold meets it (90% is \"≥ 90%\"), however it was computed or typed (0.9, 90%, \"90,0%\", 27/30); floating-point noise below 1e-9 is ignored.",
      },
      source,
    },
    {
      id: "zero_denominator",
      text: {
        vi: "Mẫu số b = 0 hoặc để trống → không có dữ liệu: đơn vị được đánh dấu, không bao giờ chấm 0 điểm.",
        en: "b = 0 or blank → no data: the unit is flagged, never silently scored 0.",
      },
      source,
    },
    {
      id: "merged_down",
      text: {
        vi: "Ô gộp theo chiều dọc ở cột tên đơn vị, \"Thuộc huyện\" hoặc \"Cấp\" được đọc là giá trị Excel hiển thị cho mọi dòng của vùng gộp (không phải ô trống). Ô gộp trên các cột số liệu không được chép xuống: một số liệu ghi một lần cho nhiều dòng chỉ được tính một lần, các dòng còn lại là ô trống (thiếu số liệu).",
        en: "A cell merged down a unit-name, district or level column is read as the value Excel shows, for every row of the merge (not as blank). A merge over figures is not spread: a figure written once for several rows counts once, and the other rows are blank (missing figures).",
      },
      source,
    },
    {
      id: "numerator_exceeds",
      text: {
        vi: "a > b là lỗi số liệu: được đánh dấu và tỷ lệ lấy tối đa 100% khi tính điểm.",
        en: "a > b is a data error: flagged, and the ratio capped at 100% for points.",
      },
      source,
    },
    {
      id: "unit_prefixes",
      text: {
        vi: "Tên đơn vị và tên huyện được so sánh sau khi viết đủ tiền tố viết tắt: TP. = Thành phố, TX. = Thị xã, H. = Huyện, Q. = Quận, P. = Phường, TT. = Thị trấn, X. = Xã (\"TP. Ngã Bảy\" là Thành phố Ngã Bảy; thị xã Long Mỹ và huyện Long Mỹ vẫn là hai đơn vị); tên không có trong danh sách đơn vị của kế hoạch được nêu ra.",
        en: "Unit and district names are compared with their abbreviated prefix written out: TP. = Thành phố, TX. = Thị xã, H. = Huyện, Q. = Quận, P. = Phường, TT. = Thị trấn, X. = Xã (\"TP. Ngã Bảy\" is Ngã Bảy city; thị xã Long Mỹ and huyện Long Mỹ stay two units); a name the plan's list of units does not hold is reported.",
      },
      source,
    },
    {
      id: "percent_ambiguous_one",
      text: {
        vi: "Trong một cột tỷ lệ mà ô khác ghi phần trăm dạng số nguyên (85, 92, 77: chính các ô đó là ngoài 0–100%), ô ghi 1 có thể là 1% hoặc 100%: được đánh dấu và không dùng, không đoán.",
        en: "In a ratio column whose other cells hold whole percents (85, 92, 77: themselves out of 0–100%), a cell holding 1 may be 1% or 100%: it is flagged and not used, never guessed.",
      },
      source,
    },
    {
      // PLANS.md ranks and awards each unit once; which of two rows is right is not for the tool to choose
      id: "duplicate_units",
      text: {
        vi: "Một đơn vị (cùng tên, cùng huyện) có hai dòng là lỗi số liệu: cả hai dòng được nêu, và không đơn vị nào được khen thưởng khi còn dòng trùng (một đơn vị không được xếp hạng, khen thưởng hai lần).",
        en: "A unit (same name, same district) on two rows is a data error: both rows are named, and no unit is awarded while a duplicate remains (a unit is never ranked or awarded twice).",
      },
      source,
    },
  ];
}
