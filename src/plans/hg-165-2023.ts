/**
 * Hậu Giang, KH 165/KH-UBND (08/2023): "Người dân Hậu Giang nộp dịch vụ công trực tuyến" năm 2023.
 * Seed: 000_e8cf8ffdb6dfbfb5.txt. Rules as read in PLANS.md, section hg-165-2023.
 */
import type { Plan } from "../engine/types";
import { commonReadings, UNIT_INPUTS } from "./common";

const SEED = "000_e8cf8ffdb6dfbfb5.txt";
const S = (section: string) => `${SEED} §${section}`;

/** The 8 district-level units of Hậu Giang in 2023 and their individuals quota (§IV.2.c). */
export const HG165_DISTRICTS: { name: string; kind: string; individuals: number }[] = [
  { name: "Vị Thanh", kind: "thành phố", individuals: 2 },
  { name: "Ngã Bảy", kind: "thành phố", individuals: 1 },
  { name: "Long Mỹ", kind: "thị xã", individuals: 2 },
  { name: "Châu Thành", kind: "huyện", individuals: 2 },
  { name: "Châu Thành A", kind: "huyện", individuals: 2 },
  { name: "Phụng Hiệp", kind: "huyện", individuals: 3 },
  { name: "Vị Thủy", kind: "huyện", individuals: 2 },
  // huyện Long Mỹ and thị xã Long Mỹ share a name, and both have the default 2
];

export const hg165: Plan = {
  id: "hg-165-2023",
  document: "KH 165/KH-UBND",
  version: "2023.1",
  title: "Hậu Giang — KH 165/KH-UBND: Người dân Hậu Giang nộp dịch vụ công trực tuyến năm 2023",
  titleEn: "Hau Giang — plan 165/KH-UBND: citizens of Hau Giang file online public services, 2023",
  seed: SEED,
  source: S("III"),
  kind: "ratio_points",
  period: { from: "2023-08-01", to: "2023-12-31", source: S("II.2") },
  levels: ["huyen", "xa"],
  inputs: [
    ...UNIT_INPUTS,
    {
      id: "online_dossiers",
      label: "Số hồ sơ TTHC nộp trực tuyến (a)",
      kind: "count",
      required: true,
      headers: [
        "Số hồ sơ trực tuyến", "Số hồ sơ nộp trực tuyến", "Tổng số hồ sơ TTHC nộp trực tuyến", "Hồ sơ trực tuyến",
        "Hồ sơ nộp trực tuyến", "HS trực tuyến", "Số HS trực tuyến", "HS nộp trực tuyến", "HSTT",
        "Số hồ sơ TT", "So ho so truc tuyen", "HS truc tuyen", "Online dossiers",
      ],
    },
    {
      id: "all_dossiers",
      label: "Tổng số hồ sơ phát sinh (trực tiếp, trực tuyến) (b)",
      kind: "count",
      required: true,
      headers: [
        "Tổng số hồ sơ phát sinh", "Tổng số hồ sơ phát sinh (trực tiếp, trực tuyến)", "Tổng hồ sơ phát sinh",
        "Hồ sơ phát sinh", "Số hồ sơ phát sinh", "HS phát sinh", "Tổng HS phát sinh", "Tổng số hồ sơ", "Tổng số HS",
        "Tổng số hồ sơ tiếp nhận", "Số hồ sơ tiếp nhận", "Tong so ho so phat sinh", "Tong HS phat sinh", "All dossiers",
      ],
    },
    {
      id: "eid_activated",
      label: "Số tài khoản định danh điện tử mức độ 2 đã kích hoạt (a)",
      kind: "count",
      required: true,
      headers: [
        "Số tài khoản định danh mức 2 đã kích hoạt", "Số tài khoản định danh điện tử mức độ 2 đã kích hoạt",
        "Tài khoản định danh điện tử mức 2", "Tài khoản ĐDĐT mức 2", "TK định danh mức 2", "Số TK định danh mức 2",
        "Định danh mức 2 đã kích hoạt", "VNeID mức 2", "Số tài khoản VNeID mức 2 đã kích hoạt",
        "So tai khoan dinh danh muc 2 da kich hoat", "TK dinh danh muc 2", "Level-2 e-ID activated",
      ],
    },
    {
      id: "citizens_with_cccd",
      label: "Tổng số người dân có căn cước công dân (b)",
      kind: "count",
      required: true,
      headers: [
        "Số người có CCCD", "Số người dân có CCCD", "Tổng số người dân có căn cước công dân", "Người có CCCD",
        "Số công dân có CCCD", "Số người đã được cấp CCCD", "Dân số có CCCD", "Số CCCD", "So nguoi co CCCD",
        "Tong so nguoi dan co can cuoc cong dan", "Citizens with CCCD",
      ],
    },
    {
      id: "filing_accounts",
      label: "Số tài khoản nộp hồ sơ trực tuyến (không trùng)",
      kind: "count",
      required: false,
      headers: [
        "Số tài khoản nộp hồ sơ", "Số tài khoản phát sinh hồ sơ", "Số tài khoản nộp hồ sơ trực tuyến",
        "Tài khoản nộp hồ sơ", "TK nộp hồ sơ", "Số TK nộp HS", "Số tài khoản nộp", "Tài khoản phát sinh hồ sơ",
        "So tai khoan nop ho so", "Filing accounts",
      ],
    },
  ],
  readings: [
    ...commonReadings(S("III.2")),
    {
      id: "hg165_commune_mean",
      text: {
        vi: "Tỷ lệ của huyện = (tỷ lệ của chính huyện + bình quân tỷ lệ các xã) / 2; bình quân là trung bình cộng đơn giản các tỷ lệ của xã (không cộng gộp hồ sơ).",
        en: "The district's ratio = (its own ratio + the average of its communes' ratios) / 2; the average is the plain mean of the communes' ratios (not pooled dossiers).",
      },
      source: S("III.2.a"),
    },
    {
      id: "hg165_mean_members",
      text: {
        vi: "Bình quân gồm mọi xã của huyện có tỷ lệ tính được, kể cả xã dưới 70% (không xét thi đua nhưng vẫn là số liệu của huyện); tỷ lệ a > b lấy 100%; xã không có dữ liệu hoặc số liệu lỗi bị loại khỏi bình quân và được đánh dấu.",
        en: "The mean takes every commune of the district whose ratio can be computed, including communes below 70% (not considered, but still the district's data); a > b counts as 100%; communes with no data or bad figures are left out of the mean and flagged.",
      },
      source: S("III.2.a"),
    },
    {
      id: "hg165_below_floor",
      text: {
        vi: "Xã có tỷ lệ hồ sơ trực tuyến dưới 70% là \"không xét điểm thi đua\": ra khỏi xếp hạng và khen thưởng, không chấm 0 điểm.",
        en: "A commune whose online ratio is below 70% is \"not considered\": out of the ranking and the awards; it is not scored 0.",
      },
      source: S("III.2.b"),
    },
    {
      id: "hg165_tiebreak",
      text: {
        vi: "Phân định bằng điểm giữa các xã: số tài khoản nộp hồ sơ (không trùng) ÷ số hồ sơ trực tuyến, cao hơn xếp trước; nếu bảng không có cột này, các xã bằng điểm cùng hạng và được đánh dấu cần số liệu tài khoản.",
        en: "Commune ties: distinct filing accounts ÷ online dossiers, higher ranks first; where the workbook has no such column, tied communes share the rank and are flagged as needing account data.",
      },
      source: S("III.2.b"),
    },
    {
      id: "hg165_tiebreak_checked",
      text: {
        vi: "Số tài khoản nộp hồ sơ không trùng không thể lớn hơn số hồ sơ trực tuyến: ô như vậy (ví dụ 500 tài khoản cho 95 hồ sơ) là lỗi số liệu, được đánh dấu và không dùng để phân định; ô trống hoặc không dùng được của một xã bằng điểm được nêu tên, và chỉ các xã bằng điểm với xã đó mới cùng hạng.",
        en: "Distinct filing accounts cannot exceed online dossiers: such a cell (e.g. 500 accounts for 95 dossiers) is a data error, flagged and not used to break a tie; a blank or unusable cell of a tied commune is named, and only the communes tied with it share the rank.",
      },
      source: S("III.2.b"),
    },
    {
      id: "hg165_tie_at_award",
      text: {
        vi: "Các đơn vị cùng hạng vượt quá số giải/suất còn lại (ví dụ hai huyện cùng hạng Nhất, hoặc cùng hạng ở suất thứ 7) không được tự động trao giải: được đánh dấu để Hội đồng thi đua quyết định; các suất đó được giữ lại, đơn vị xếp sau chỉ nhận suất còn trống.",
        en: "Units sharing a rank across the prizes or places left (e.g. two districts both first, or a tie at the 7th place) are not awarded automatically: they are flagged for the emulation council to decide; those places are held back and later units only get places still free.",
      },
      source: S("IV.1"),
    },
    {
      id: "hg165_no_district",
      text: {
        vi: "Xã không ghi huyện, hoặc ghi một huyện không có dòng nào trong bảng (thường là gõ sai tên huyện), thì không kiểm tra được giới hạn 2 xã mỗi huyện, nên được chấm điểm và xếp hạng nhưng không được đề xuất khen thưởng cho tới khi sửa lại huyện. Bảng chỉ có xã (không có dòng huyện) thì tính giới hạn theo tên huyện ghi ở từng xã.",
        en: "A commune with no district, or with a district that has no row in the table (usually a misspelt district name), cannot be checked against the 2-per-district limit, so it is scored and ranked but not proposed for an award until its district is corrected. In a table of communes only (no district rows) the limit counts the district names written on the communes.",
      },
      source: S("III.2.b"),
    },
    {
      id: "hg165_gap",
      text: {
        vi: "Số hồ sơ trực tuyến còn thiếu để đạt điểm tối đa tính với tổng số hồ sơ phát sinh b giữ nguyên (chuyển hồ sơ trực tiếp sang trực tuyến).",
        en: "The online dossiers still needed for full points are counted with the total b unchanged (direct dossiers moved online).",
      },
      source: S("III.2"),
    },
  ],
  criteria: [
    {
      id: "online_ratio",
      label: "Tỷ lệ hồ sơ phát sinh trực tuyến (toàn trình và một phần) trên tổng số hồ sơ phát sinh",
      source: S("III.2.a"),
      level: "huyen",
      numerator: "online_dossiers",
      denominator: "all_dossiers",
      maxPoints: 60,
      threshold: 0.9,
      combineWithCommunes: true,
      combineSource: S("III.2.a"),
    },
    {
      id: "eid_ratio",
      label: "Cấp tài khoản định danh điện tử mức độ 2 của người dân",
      source: S("III.2.a"),
      level: "huyen",
      numerator: "eid_activated",
      denominator: "citizens_with_cccd",
      maxPoints: 40,
      threshold: 0.8,
    },
    {
      id: "online_ratio",
      label: "Tỷ lệ hồ sơ phát sinh trực tuyến (toàn trình và một phần) trên tổng số hồ sơ phát sinh",
      source: S("III.2.b"),
      level: "xa",
      numerator: "online_dossiers",
      denominator: "all_dossiers",
      maxPoints: 60,
      threshold: 1,
      floor: 0.7,
      floorSource: S("III.2.b"),
    },
    {
      id: "eid_ratio",
      label: "Cấp tài khoản định danh điện tử mức độ 2 của người dân",
      source: S("III.2.b"),
      level: "xa",
      numerator: "eid_activated",
      denominator: "citizens_with_cccd",
      maxPoints: 40,
      threshold: 0.9,
    },
  ],
  targets: [],
  quotas: [
    {
      id: "communes_per_district",
      label: "Tối đa 02 xã, phường, thị trấn mỗi huyện, thị xã, thành phố được xét khen thưởng",
      source: S("III.2.b"),
      subject: "collective",
      level: "xa",
      scope: "per_group",
      limit: 2,
      awardCodes: ["commune_merit"],
    },
    {
      id: "communes_total",
      label: "07 tập thể cấp xã tiêu biểu được tặng Bằng khen",
      source: S("IV.2.b"),
      subject: "collective",
      level: "xa",
      scope: "total",
      limit: 7,
      awardCodes: ["commune_merit"],
    },
    {
      id: "individuals_per_district",
      label: "16 cá nhân: mỗi huyện, thị xã, thành phố 02; riêng Phụng Hiệp 03, Ngã Bảy 01",
      source: S("IV.2.c"),
      subject: "individual",
      level: "huyen",
      scope: "per_group",
      limit: 2,
      byGroup: Object.fromEntries(HG165_DISTRICTS.map((d) => [d.name, d.individuals])),
    },
    {
      id: "individuals_total",
      label: "Xét chọn 16 cá nhân có thành tích xuất sắc",
      source: S("IV.2.c"),
      subject: "individual",
      level: null,
      scope: "total",
      limit: 16,
    },
  ],
  awards: [
    {
      code: "district_first", label: "Hạng Nhất — Bằng khen của Chủ tịch UBND tỉnh", source: S("IV.2.a"), level: "huyen",
      rank: 1, prize: 20_000_000, prizeSource: S("IV.2.a"), bonusPoints: 3, bonusSource: S("IV.4.a"),
    },
    {
      code: "district_second", label: "Hạng Nhì — Bằng khen của Chủ tịch UBND tỉnh", source: S("IV.2.a"), level: "huyen",
      rank: 2, prize: 15_000_000, prizeSource: S("IV.2.a"), bonusPoints: 2, bonusSource: S("IV.4.b"),
    },
    {
      code: "district_third", label: "Hạng Ba — Bằng khen của Chủ tịch UBND tỉnh", source: S("IV.2.a"), level: "huyen",
      rank: 3, prize: 10_000_000, prizeSource: S("IV.2.a"), bonusPoints: 1, bonusSource: S("IV.4.c"),
    },
    {
      code: "commune_merit", label: "Bằng khen của Chủ tịch UBND tỉnh (tập thể cấp xã tiêu biểu)", source: S("IV.2.b"),
      level: "xa", maxCollectives: 7,
    },
  ],
  tieBreak: { input: "filing_accounts", per: "online_dossiers", order: "desc", source: S("III.2.b"), levels: ["xa"] },
};
