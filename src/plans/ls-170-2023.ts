/** Lạng Sơn, KH 170/KH-UBND (08/8/2023): 100-day peak, 20/8–30/11/2023. Seed 003_8f6aeacc055dea38.txt. */
import type { Plan } from "../engine/types";
import { commonReadings, UNIT_INPUTS } from "./common";

const SEED = "003_8f6aeacc055dea38.txt";
const S = (section: string) => `${SEED} §${section}`;

export const ls170: Plan = {
  id: "ls-170-2023",
  document: "KH 170/KH-UBND",
  version: "2023.1",
  title: "Lạng Sơn — KH 170/KH-UBND: đợt thi đua cao điểm 100 ngày số hóa và giải quyết TTHC trên môi trường điện tử",
  titleEn: "Lang Son — plan 170/KH-UBND: 100-day peak on digitisation and online handling of procedures",
  seed: SEED,
  source: S("II"),
  kind: "targets",
  period: { from: "2023-08-20", to: "2023-11-30", source: S("IV") },
  levels: ["tinh", "huyen", "xa"],
  inputs: [
    ...UNIT_INPUTS,
    { id: "so_hoa", label: "Tỷ lệ số hóa hồ sơ, giấy tờ, kết quả giải quyết TTHC", kind: "ratio", required: true, headers: ["Tỷ lệ số hóa", "Số hóa hồ sơ", "Tỷ lệ số hóa hồ sơ, giấy tờ, kết quả", "Tỷ lệ số hoá", "Ty le so hoa", "So hoa"] },
    { id: "dvc_co_ho_so", label: "Tỷ lệ dịch vụ công phát sinh hồ sơ trực tuyến", kind: "ratio", required: true, headers: ["Tỷ lệ DVC phát sinh hồ sơ trực tuyến", "DVC có hồ sơ trực tuyến", "Tỷ lệ dịch vụ công có phát sinh hồ sơ", "Ty le DVC phat sinh ho so"] },
    { id: "ho_so_truc_tuyen", label: "Tỷ lệ hồ sơ tiếp nhận, xử lý trực tuyến", kind: "ratio", required: true, headers: ["Tỷ lệ hồ sơ trực tuyến", "Tỷ lệ hồ sơ tiếp nhận, xử lý trực tuyến", "Tỷ lệ HS trực tuyến", "Ty le ho so truc tuyen"] },
    { id: "he_thong", label: "Tỷ lệ hồ sơ tiếp nhận, cập nhật, giải quyết và trả kết quả trên Hệ thống của tỉnh", kind: "ratio", required: false, headers: ["Tỷ lệ hồ sơ trên Hệ thống", "Hồ sơ xử lý trên Hệ thống thông tin giải quyết TTHC", "Ty le ho so tren he thong"] },
    { id: "assigned_dvc_co_ho_so", label: "Chỉ tiêu giao theo QĐ 533 — DVC phát sinh hồ sơ trực tuyến", kind: "ratio", required: true, headers: ["Chỉ tiêu giao DVC phát sinh hồ sơ", "Chỉ tiêu QĐ 533 DVC có hồ sơ", "Chi tieu giao DVC phat sinh ho so"] },
    { id: "assigned_ho_so_truc_tuyen", label: "Chỉ tiêu giao theo QĐ 533 — hồ sơ trực tuyến", kind: "ratio", required: true, headers: ["Chỉ tiêu giao hồ sơ trực tuyến", "Chỉ tiêu QĐ 533 hồ sơ trực tuyến", "Chi tieu giao ho so truc tuyen"] },
    { id: "giai_phap", label: "Có giải pháp nâng tỷ lệ (có/không)", kind: "boolean", required: true, headers: ["Có giải pháp", "Giải pháp", "Có giải pháp tăng tỷ lệ", "Co giai phap"] },
  ],
  readings: [
    ...commonReadings(S("II")),
    {
      id: "ls170_plus5",
      text: {
        vi: "\"Tăng 5% so với kế hoạch được giao\" hiểu là cộng 5 điểm phần trăm vào chỉ tiêu giao tại QĐ 533/QĐ-UBND (ví dụ 60% → 65%); có thể chọn cách hiểu tăng tương đối 5% (60% → 63%).",
        en: "\"5% above the assigned plan\" is read as 5 percentage points added to the QĐ 533/QĐ-UBND target (e.g. 60% → 65%); a relative 5% (60% → 63%) can be chosen instead.",
      },
      source: S("II.2"),
      option: { name: "plusMode", default: "points", values: ["points", "relative"] },
    },
    {
      id: "ls170_cap",
      text: {
        vi: "Chỉ tiêu sau khi cộng thêm không vượt quá 100% (tỷ lệ không thể vượt 100%).",
        en: "A target after the addition never exceeds 100% (a ratio cannot exceed 100%).",
      },
      source: S("II.2"),
    },
    {
      id: "ls170_assigned",
      text: {
        vi: "Chỉ tiêu giao theo QĐ 533/QĐ-UBND khác nhau theo đơn vị và không có trong kế hoạch: người dùng nhập cho từng đơn vị.",
        en: "The QĐ 533/QĐ-UBND targets differ per unit and are not in the plan: the user enters them for each unit.",
      },
      source: S("II.2"),
    },
    {
      id: "ls170_award",
      text: {
        vi: "Tập thể được đề nghị Bằng khen khi đạt và vượt chỉ tiêu 1 (số hóa) và 2 (DVC phát sinh hồ sơ trực tuyến và hồ sơ trực tuyến) và có giải pháp (có/không do người dùng ghi).",
        en: "A collective is proposed for the certificate when it meets targets 1 (digitisation) and 2 (services with online dossiers and online dossiers) and has a solution (a yes/no the user records).",
      },
      source: S("V.2.b"),
    },
    {
      id: "ls170_required_columns",
      text: {
        vi: "Vì khen thưởng dựa vào chỉ tiêu 1, 2 và giải pháp, bảng phải có đủ các cột: tỷ lệ số hóa, tỷ lệ DVC phát sinh hồ sơ trực tuyến, tỷ lệ hồ sơ trực tuyến, hai chỉ tiêu được giao theo QĐ 533 và cột có/không giải pháp; thiếu một cột thì không chấm (chỉ tiêu 3 — hệ thống của tỉnh — không bắt buộc).",
        en: "Since the award rests on targets 1 and 2 and the solution, the table must have every column they need: digitisation, services with online dossiers, online dossiers, the two targets assigned by QĐ 533 and the yes/no solution column; without one nothing is scored (target 3, the province's system, is optional).",
      },
      source: S("V.2.b"),
    },
  ],
  criteria: [],
  targets: [
    { id: "so_hoa", label: "Số hóa hồ sơ, giấy tờ, kết quả giải quyết TTHC", aliases: ["Số hóa", "Tỷ lệ số hóa", "số hoá"], source: S("II.1"), levels: ["tinh", "huyen", "xa"], rule: { kind: "by_level", values: { tinh: 0.7, huyen: 0.6, xa: 0.55 } } },
    { id: "dvc_co_ho_so", label: "Tỷ lệ dịch vụ công phát sinh hồ sơ trực tuyến", aliases: ["DVC phát sinh hồ sơ trực tuyến"], source: S("II.2"), levels: ["tinh", "huyen", "xa"], rule: { kind: "assigned_plus", points: 0.05 } },
    { id: "ho_so_truc_tuyen", label: "Tỷ lệ hồ sơ tiếp nhận, xử lý trực tuyến", aliases: ["Hồ sơ trực tuyến", "Tỷ lệ hồ sơ trực tuyến"], source: S("II.2"), levels: ["tinh", "huyen", "xa"], rule: { kind: "assigned_plus", points: 0.05 } },
    { id: "he_thong", label: "Hồ sơ tiếp nhận, cập nhật, giải quyết và trả kết quả trên Hệ thống thông tin giải quyết TTHC của tỉnh", aliases: ["Hệ thống"], source: S("II.4"), levels: ["tinh", "huyen", "xa"], rule: { kind: "fixed", value: 1 } },
  ],
  quotas: [],
  awards: [
    { code: "ls170_merit", label: "Bằng khen của Chủ tịch UBND tỉnh (tập thể)", source: S("V.2.b"), level: null, condition: "so_hoa, dvc_co_ho_so, ho_so_truc_tuyen đạt; giai_phap = có" },
  ],
  notes: [
    { id: "ls170_deadline", text: "Hồ sơ đề nghị khen thưởng gửi Sở Thông tin và Truyền thông từ 04/12/2023 đến hết 06/12/2023.", source: S("V.4") },
    { id: "ls170_baseline", text: "Năm 2022: chỉ tiêu số hóa 30% / 20% / 15% (tỉnh / huyện / xã), kết quả 9,27% / 5,73% / khoảng 2%; hồ sơ trực tuyến toàn trình 69,24%.", source: S("I.1") },
  ],
};
