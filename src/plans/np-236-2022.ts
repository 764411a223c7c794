/** Ninh Phước (Ninh Thuận), KH 236/KH-UBND (15/11/2022). Seed 002_9a99aeef6bc640c4.txt. */
import type { Plan } from "../engine/types";
import { commonReadings, UNIT_INPUTS } from "./common";

const SEED = "002_9a99aeef6bc640c4.txt";
const S = (section: string) => `${SEED} §${section}`;

const CRITERIA = [
  { id: "dung_han", label: "Giải quyết TTHC trước hạn và đúng hạn", headers: ["Tỷ lệ đúng hạn", "Tỷ lệ hồ sơ trước hạn và đúng hạn", "Đúng hạn", "Ty le dung han"] },
  { id: "so_hoa", label: "Số hóa kết quả giải quyết TTHC", headers: ["Tỷ lệ số hóa", "Số hóa kết quả", "Ty le so hoa"] },
  { id: "hai_long", label: "Mức độ hài lòng của người dân, doanh nghiệp", headers: ["Mức độ hài lòng", "Tỷ lệ hài lòng", "Muc do hai long"] },
  { id: "truc_tuyen", label: "Tỷ lệ hồ sơ tiếp nhận, giải quyết trực tuyến", headers: ["Tỷ lệ hồ sơ trực tuyến", "Tỷ lệ HS trực tuyến", "Ty le ho so truc tuyen"] },
  { id: "buu_chinh", label: "Tỷ lệ hồ sơ tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích", headers: ["Tỷ lệ bưu chính công ích", "Hồ sơ qua BCCI", "Tỷ lệ BCCI", "Ty le buu chinh cong ich"] },
];

export const np236: Plan = {
  id: "np-236-2022",
  document: "KH 236/KH-UBND",
  version: "2022.1",
  title: "Huyện Ninh Phước — KH 236/KH-UBND: nâng cao chất lượng giải quyết TTHC, dịch vụ công trực tuyến và dịch vụ bưu chính công ích",
  titleEn: "Ninh Phuoc district — plan 236/KH-UBND: quality of procedures, online public services and public postal service",
  seed: SEED,
  source: S("III"),
  kind: "weighted_mean",
  period: { from: "2022-11-15", to: "2023-12-31", source: S("II.3") },
  levels: ["huyen", "xa"],
  inputs: [
    ...UNIT_INPUTS,
    { id: "score", label: "Điểm theo Bộ chỉ số của tỉnh (nếu có)", kind: "ratio", required: false, headers: ["Điểm", "Tổng điểm", "Điểm Bộ chỉ số", "Điểm đánh giá", "Diem", "Tong diem", "Score"] },
    ...CRITERIA.map((c) => ({ id: c.id, label: c.label, kind: "ratio" as const, required: false, headers: [c.label, ...c.headers] })),
  ],
  readings: [
    ...commonReadings(S("III.1")),
    {
      id: "np236_score",
      text: {
        vi: "Bộ chỉ số chấm điểm do tỉnh ban hành, không có trong kế hoạch: xếp hạng theo cột điểm người dùng nhập (Bộ chỉ số của tỉnh); nếu không có, theo trung bình có trọng số của 5 tiêu chí với trọng số người dùng đặt (mặc định bằng nhau) — đây là cách tính riêng của người dùng, không phải điểm chính thức.",
        en: "The scoring index is issued by the province and is not in the plan: units are ranked by a score column the user supplies (the provincial index) or, when there is none, by a weighted mean of the five criteria with weights the user sets (equal by default) — the user's own weighting, not an official score.",
      },
      source: S("III.1"),
      option: { name: "weights", default: "equal", values: ["equal", "custom"] },
    },
    {
      id: "np236_provincial_not_in_district",
      text: {
        vi: "Tập thể được đề nghị Bằng khen của tỉnh không tính vào số lượng Giấy khen của huyện (có thể chọn tính vào).",
        en: "A collective proposed for the provincial certificate is not also counted in the district's quota (configurable).",
      },
      source: S("III.2"),
      option: { name: "provincialCountsInDistrict", default: false, values: [false, true] },
    },
    {
      id: "np236_tie_at_award",
      text: {
        vi: "Các đơn vị cùng điểm vượt quá số suất còn lại không được tự động khen thưởng: được đánh dấu để Hội đồng thi đua quyết định, các suất đó được giữ lại.",
        en: "Units tied on points across the places left are not awarded automatically: they are flagged for the emulation council and those places are held back.",
      },
      source: S("III.2"),
    },
    {
      id: "np236_levels",
      text: {
        vi: "Cấp \"huyện\" là các cơ quan, phòng, ban thuộc UBND huyện; cấp \"xã\" là UBND các xã, thị trấn.",
        en: "Level \"huyen\" means the departments of the district People's Committee; level \"xa\" the communes and townships.",
      },
      source: S("II.1.a"),
    },
  ],
  criteria: [],
  targets: [],
  weighted: { criteria: CRITERIA.map((c) => ({ id: c.id, label: c.label, source: S("III.1"), input: c.id })), scoreInput: "score", source: S("III.1") },
  quotas: [
    { id: "province_departments", label: "Bằng khen tỉnh: không quá 01 tập thể cơ quan, đơn vị thuộc huyện", source: S("III.2"), subject: "collective", level: "huyen", scope: "total", limit: 1, awardCodes: ["np236_province"] },
    { id: "province_communes", label: "Bằng khen tỉnh: không quá 01 tập thể cấp xã", source: S("III.2"), subject: "collective", level: "xa", scope: "total", limit: 1, awardCodes: ["np236_province"] },
    { id: "district_departments", label: "Giấy khen huyện: không quá 04 tập thể phòng, ban thuộc huyện", source: S("III.2"), subject: "collective", level: "huyen", scope: "total", limit: 4, awardCodes: ["np236_district"] },
    { id: "district_communes", label: "Giấy khen huyện: không quá 07 tập thể cấp xã", source: S("III.2"), subject: "collective", level: "xa", scope: "total", limit: 7, awardCodes: ["np236_district"] },
  ],
  awards: [
    { code: "np236_province", label: "Bằng khen của Chủ tịch UBND tỉnh (kèm 01 cá nhân)", source: S("III.2"), level: null, individualsEach: 1 },
    { code: "np236_district", label: "Giấy khen của Chủ tịch UBND huyện (kèm 01 cá nhân)", source: S("III.2"), level: null, individualsEach: 1 },
  ],
  notes: [
    { id: "np236_deadline_province", text: "Đề nghị khen cấp tỉnh: gửi Văn phòng HĐND và UBND huyện trước 30/11/2023, Phòng Nội vụ trước 03/12/2023, trình tỉnh trước 05/12/2023.", source: S("IV") },
    { id: "np236_deadline_district", text: "Đề nghị khen cấp huyện: gửi Văn phòng HĐND và UBND huyện trước 15/12/2023, Phòng Nội vụ trước 20/12/2023.", source: S("IV") },
  ],
};
