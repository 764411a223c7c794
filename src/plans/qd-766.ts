/**
 * Group maxima of the national service index of QĐ 766/QĐ-TTg, which iator-32-2024 measures the
 * commune on. The decision itself is not among the seeds; the maxima are those of PLANS.md.
 */
import type { Plan } from "../engine/types";

const P = "PLANS.md §QĐ 766/QĐ-TTg";

export const qd766: Plan = {
  id: "qd-766",
  document: "QĐ 766/QĐ-TTg",
  version: "2022.1",
  title: "Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) — điểm tối đa các nhóm",
  titleEn: "National service index (QĐ 766/QĐ-TTg) — group maxima",
  seed: null,
  source: P,
  kind: "index_groups",
  levels: ["tinh", "huyen", "xa"],
  inputs: [
    { id: "unit", label: "Tên đơn vị", kind: "text", required: true, headers: ["Đơn vị", "Tên đơn vị", "Unit"] },
    { id: "cong_khai", label: "Công khai, minh bạch", kind: "ratio", required: false, headers: ["Công khai, minh bạch", "Công khai minh bạch"] },
    { id: "tien_do", label: "Tiến độ, kết quả giải quyết", kind: "ratio", required: false, headers: ["Tiến độ giải quyết", "Tiến độ, kết quả"] },
    { id: "so_hoa", label: "Số hóa hồ sơ", kind: "ratio", required: false, headers: ["Số hóa", "Tỷ lệ số hóa"] },
    { id: "dvc_truc_tuyen", label: "Cung cấp dịch vụ trực tuyến", kind: "ratio", required: false, headers: ["DVC trực tuyến", "Tỷ lệ DVC trực tuyến"] },
    { id: "thanh_toan", label: "Thanh toán trực tuyến", kind: "ratio", required: false, headers: ["Thanh toán trực tuyến", "Tỷ lệ thanh toán trực tuyến"] },
    { id: "hai_long", label: "Mức độ hài lòng", kind: "ratio", required: false, headers: ["Mức độ hài lòng", "Hài lòng"] },
  ],
  readings: [
    {
      id: "qd766_estimate",
      text: {
        vi: "Điểm nhóm tính từ tỷ lệ chính (tỷ lệ × điểm tối đa) chỉ là ước tính: điểm trên Cổng gồm cả các chỉ số thành phần mà kế hoạch không báo cáo; không bao giờ trình bày như điểm chính thức.",
        en: "Group points from a headline ratio (ratio × maximum) are an estimate only: the portal's points include sub-indicators the plans do not report; never presented as the official figure.",
      },
      source: P,
    },
    {
      id: "qd766_portal_split",
      text: {
        vi: "Cổng Dịch vụ công quốc gia về sau tách nhóm dịch vụ trực tuyến (22) thành dịch vụ trực tuyến 12 và thanh toán trực tuyến 10; chọn cách chia \"portal\" để dùng cách chia này.",
        en: "The national portal later splits online services (22) into online services 12 and online payment 10; choose the \"portal\" scheme to use it.",
      },
      source: P,
      option: { name: "scheme", default: "portal", values: ["portal", "classic"] },
    },
  ],
  criteria: [],
  targets: [],
  quotas: [],
  awards: [],
  groups: {
    source: P,
    classic: [
      { id: "cong_khai", label: "Công khai, minh bạch", maxPoints: 18, source: P },
      { id: "tien_do", label: "Tiến độ, kết quả giải quyết", maxPoints: 20, source: P },
      { id: "so_hoa", label: "Mức độ số hóa hồ sơ", maxPoints: 22, source: P },
      { id: "dvc_truc_tuyen", label: "Cung cấp dịch vụ trực tuyến", maxPoints: 22, source: P },
      { id: "hai_long", label: "Mức độ hài lòng", maxPoints: 18, source: P },
    ],
    portal: [
      { id: "cong_khai", label: "Công khai, minh bạch", maxPoints: 18, source: P },
      { id: "tien_do", label: "Tiến độ, kết quả giải quyết", maxPoints: 20, source: P },
      { id: "so_hoa", label: "Mức độ số hóa hồ sơ", maxPoints: 22, source: P },
      { id: "dvc_truc_tuyen", label: "Cung cấp dịch vụ trực tuyến", maxPoints: 12, source: P },
      { id: "thanh_toan", label: "Thanh toán trực tuyến", maxPoints: 10, source: P },
      { id: "hai_long", label: "Mức độ hài lòng", maxPoints: 18, source: P },
    ],
  },
};
