/** Hậu Giang, KH 126/KH-UBND (06/2023): quality of online public services 2023. Seed 001_24f765a1def52edb.txt. */
import type { InputDef, Plan, TargetDef } from "../engine/types";
import { commonReadings, UNIT_INPUTS } from "./common";

const SEED = "001_24f765a1def52edb.txt";
const S = (section: string) => `${SEED} §${section}`;
const ALL: TargetDef["levels"] = ["tinh", "huyen", "xa"];

const t = (id: string, code: string, label: string, value: number, aliases: string[], headers: string[]): [TargetDef, InputDef] => [
  { id, code, label, aliases, source: S(`Phụ lục I.${code}`), levels: ALL, rule: { kind: "fixed", value } },
  { id, label: `${code}. ${label}`, kind: "ratio", required: false, headers: [label, `Chỉ tiêu ${code}`, ...headers] },
];

const rows = [
  t("i_1", "I.1", "Tỷ lệ dịch vụ công trực tuyến toàn trình được cung cấp trên Cổng Dịch vụ công quốc gia", 0.4, ["dvc_toan_trinh"], ["Tỷ lệ DVCTT toàn trình", "DVC toàn trình trên Cổng DVCQG", "Ty le DVCTT toan trinh"]),
  t("ii_1", "II.1", "Tỷ lệ thủ tục hành chính cung cấp trực tuyến toàn trình và một phần có phát sinh hồ sơ", 0.8, ["tthc_phat_sinh"], ["Tỷ lệ TTHC trực tuyến có phát sinh hồ sơ", "TTHC có phát sinh HS trực tuyến"]),
  t("ii_2", "II.2", "Tỷ lệ hồ sơ được tiếp nhận và xử lý trực tuyến", 0.9, ["ho_so_truc_tuyen"], ["Tỷ lệ hồ sơ trực tuyến", "Tỷ lệ HS trực tuyến", "Ty le ho so truc tuyen"]),
  t("ii_3", "II.3", "Tỷ lệ thủ tục hành chính được người dân, doanh nghiệp thực hiện trực tuyến từ xa", 0.5, ["truc_tuyen_tu_xa"], ["Tỷ lệ TTHC trực tuyến từ xa", "Trực tuyến từ xa"]),
  t("ii_4", "II.4", "Tỷ lệ kết quả xử lý hồ sơ thủ tục hành chính được đồng bộ đầy đủ trên Cổng Dịch vụ công quốc gia", 1, ["dong_bo"], ["Tỷ lệ đồng bộ lên Cổng DVCQG", "Đồng bộ kết quả"]),
  t("iii_1", "III.1", "Tỷ lệ hồ sơ được thanh toán trực tuyến trên tổng số hồ sơ có thu phí", 0.3, ["thanh_toan_ho_so"], ["Tỷ lệ hồ sơ thanh toán trực tuyến", "Tỷ lệ HS thanh toán trực tuyến"]),
  t("iii_2", "III.2", "Tỷ lệ thủ tục hành chính có phát sinh hồ sơ thanh toán trực tuyến trên tổng số thủ tục hành chính có thu phí", 0.5, ["thanh_toan_tthc"], ["Tỷ lệ TTHC có thanh toán trực tuyến", "TTHC thanh toán trực tuyến"]),
  t("iv", "IV", "Tỷ lệ hồ sơ được giải quyết trước hạn và đúng hạn", 0.95, ["dung_han"], ["Tỷ lệ hồ sơ đúng hạn", "Tỷ lệ HS trước hạn và đúng hạn", "Ty le ho so dung han"]),
  t("v", "V", "Kết quả giải quyết thủ tục hành chính được số hóa trên Hệ thống thông tin giải quyết TTHC của tỉnh", 1, ["so_hoa"], ["Tỷ lệ số hóa kết quả", "Số hóa kết quả giải quyết TTHC", "Ty le so hoa"]),
];

export const hg126: Plan = {
  id: "hg-126-2023",
  document: "KH 126/KH-UBND",
  version: "2023.1",
  title: "Hậu Giang — KH 126/KH-UBND: nâng cao chất lượng cung cấp, sử dụng dịch vụ công trực tuyến năm 2023",
  titleEn: "Hau Giang — plan 126/KH-UBND: quality of online public services, 2023",
  seed: SEED,
  source: S("Phụ lục I"),
  kind: "targets",
  period: { from: "2023-01-01", to: "2023-12-31", source: S("Phụ lục I") },
  levels: ["tinh", "huyen", "xa"],
  inputs: [...UNIT_INPUTS, ...rows.map((r) => r[1])],
  readings: [
    ...commonReadings(S("Phụ lục I")),
    {
      id: "hg126_meets",
      text: {
        vi: "Đơn vị đạt chỉ tiêu khi giá trị ≥ chỉ tiêu giao; các chỉ tiêu của Phụ lục I áp dụng như nhau cho sở, ngành, huyện và xã; Phụ lục II là danh mục nhiệm vụ, không chấm điểm.",
        en: "A unit meets a target when its value ≥ the target; the Annex I targets apply alike to departments, districts and communes; Annex II is a task checklist, not scored.",
      },
      source: S("Phụ lục I"),
    },
  ],
  criteria: [],
  targets: rows.map((r) => r[0]),
  quotas: [],
  awards: [],
  notes: [
    { id: "hg126_goals", text: "Mục tiêu chung: 100% TTHC đủ điều kiện cung cấp dưới hình thức DVCTT toàn trình; 50% hồ sơ nộp trực tuyến từ xa; 100% kết quả giải quyết TTHC được số hóa.", source: S("I.1") },
  ],
};
