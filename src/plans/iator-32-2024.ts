/** Ia Tơr (Chư Prông, Gia Lai), KH 32/KH-UBND (29/03/2024): 100-day campaign. Seed 004_709d04186a438329.txt. */
import type { Plan, TargetDef } from "../engine/types";
import { commonReadings, UNIT_INPUTS } from "./common";

const SEED = "004_709d04186a438329.txt";
const S = (section: string) => `${SEED} §${section}`;
const m = (d50: number, d100: number): TargetDef["rule"] => ({ kind: "milestones", steps: [{ day: 50, value: d50 }, { day: 100, value: d100 }] });

const TARGETS: (TargetDef & { headers: string[] })[] = [
  { id: "cong_khai", label: "Công khai, minh bạch trong thực hiện TTHC, cung cấp DVC", aliases: ["Công khai minh bạch"], source: S("III.1"), levels: ["xa"], rule: m(1, 1), headers: ["Công khai, minh bạch", "Cong khai minh bach"] },
  { id: "tien_do", label: "Tiến độ giải quyết hồ sơ TTHC", aliases: ["Tiến độ"], source: S("III.1"), levels: ["xa"], rule: m(1, 1), headers: ["Tiến độ giải quyết", "Tien do giai quyet"] },
  { id: "dvc_truc_tuyen", label: "Tỷ lệ DVC trực tuyến", aliases: ["DVC trực tuyến", "Dịch vụ công trực tuyến"], source: S("III.1"), levels: ["xa"], rule: m(0.3, 0.6), headers: ["Tỷ lệ DVC trực tuyến", "DVC trực tuyến", "Ty le DVC truc tuyen"] },
  { id: "thanh_toan", label: "Tỷ lệ thanh toán trực tuyến", aliases: ["Thanh toán trực tuyến"], source: S("III.1"), levels: ["xa"], rule: m(0.2, 0.55), headers: ["Tỷ lệ thanh toán trực tuyến", "Thanh toán trực tuyến", "Ty le thanh toan truc tuyen"] },
  { id: "hai_long", label: "Mức độ hài lòng", aliases: ["Hài lòng"], source: S("III.1"), levels: ["xa"], rule: m(1, 1), headers: ["Mức độ hài lòng", "Muc do hai long"] },
  { id: "so_hoa", label: "Số hóa hồ sơ, kết quả giải quyết TTHC", aliases: ["Số hóa", "Số hoá"], source: S("III.1"), levels: ["xa"], rule: m(0.5, 1), headers: ["Tỷ lệ số hóa", "Số hóa hồ sơ, kết quả", "Ty le so hoa"] },
];

export const iator32: Plan = {
  id: "iator-32-2024",
  document: "KH 32/KH-UBND",
  version: "2024.1",
  title: "Xã Ia Tơr — KH 32/KH-UBND: Chiến dịch cao điểm 100 ngày đêm \"Nâng cao hiệu quả sử dụng dịch vụ công\"",
  titleEn: "Ia Tor commune — plan 32/KH-UBND: 100-day campaign on the use of public services",
  seed: SEED,
  source: S("III"),
  kind: "targets",
  period: { from: "2024-03-22", to: "2024-06-29", source: S("III.2") },
  levels: ["xa"],
  inputs: [
    ...UNIT_INPUTS,
    { id: "date", label: "Ngày đánh giá", kind: "date", required: true, headers: ["Ngày", "Ngày đánh giá", "Ngày báo cáo", "Ngay", "Date"] },
    ...TARGETS.map(({ id, label, headers }) => ({ id, label, kind: "ratio" as const, required: false, headers: [label, ...headers] })),
  ],
  readings: [
    ...commonReadings(S("III.1")),
    {
      id: "iator_target_in_force",
      text: {
        vi: "Chỉ tiêu áp dụng vào một ngày là chỉ tiêu của mốc gần nhất chưa qua: từ ngày 1 đến hết ngày 50 (10/5/2024) là chỉ tiêu 50 ngày; từ ngày 51 là chỉ tiêu 100 ngày, và từ ngày 100 (29/6/2024) trở đi duy trì chỉ tiêu 100 ngày. Ngày trước 22/3/2024 là trước chiến dịch.",
        en: "The target in force on a date is that of the next milestone not yet passed: days 1 to 50 (10/5/2024) the day-50 target; from day 51 the day-100 target, kept from day 100 (29/6/2024) on. A date before 22/3/2024 is before the campaign.",
      },
      source: S("III.1"),
    },
    {
      id: "iator_766_estimate",
      text: {
        vi: "Điểm Bộ chỉ số 766 tính từ các tỷ lệ chính chỉ là ước tính, không phải điểm chính thức trên Cổng Dịch vụ công quốc gia.",
        en: "A QĐ 766 score computed from headline ratios is an estimate only, not the official figure of the national portal.",
      },
      source: S("II"),
    },
  ],
  criteria: [],
  targets: TARGETS.map(({ headers: _h, ...t }) => t),
  quotas: [],
  awards: [],
  campaign: {
    start: "2024-03-22",
    end: "2024-06-29",
    source: S("III.2"),
    milestones: [
      { day: 50, date: "2024-05-10", label: "Sơ kết 50 ngày", source: S("V.3") },
      { day: 100, date: "2024-06-29", label: "Tổng kết 100 ngày", source: S("III.2") },
    ],
  },
  notes: [
    { id: "iator_2023", text: "Kết quả 2023: 59,76 điểm, xếp 11/20; công khai 100%, tiến độ 90,24%, DVC trực tuyến 0,2%, thanh toán trực tuyến 0,0%, hài lòng 100%, số hóa 19,5%.", source: S("II") },
    { id: "iator_reports", text: "Báo cáo định kỳ 10 ngày/lần; sơ kết 50 ngày trước 10/5/2024; tổng kết trước 02/7/2024.", source: S("V.3") },
  ],
};
