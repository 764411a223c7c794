/**
 * Plans ranking on the national service index (QĐ 766 groups as published), built here as the plan
 * model states them: a Bắc Ninh-like plan (departments and communes, six groups 18/20/12/10/22/18,
 * the period's dossier count, a signed adjustment with its reason, the published total, tiers
 * "xuất sắc" above 94, "tốt" from 90 to 94, "cần cải thiện" below 90, ranked by "Khối") and An
 * Giang's tiers (below 80 "cần cải thiện gấp", from 80 to 90 "cần chú ý", none above 90).
 */
import type { CellInput, InputDef, Plan, TierDef, UnitRow } from "../../src/engine";

const SRC = "bac-ninh-test §1";

export const GROUPS = [
  { id: "cong_khai", label: "Công khai, minh bạch", max: 18 },
  { id: "tien_do", label: "Tiến độ, kết quả giải quyết", max: 20 },
  { id: "truc_tuyen", label: "Dịch vụ công trực tuyến", max: 12 },
  { id: "thanh_toan", label: "Thanh toán trực tuyến", max: 10 },
  { id: "so_hoa", label: "Số hóa hồ sơ", max: 22 },
  { id: "hai_long", label: "Mức độ hài lòng", max: 18 },
];

const input = (id: string, label: string, kind: InputDef["kind"], required: boolean): InputDef => ({ id, label, kind, required, headers: [label] });

export const BAC_NINH_TIERS: TierDef[] = [
  { id: "xuat_sac", label: "xuất sắc", min: { value: 94, inclusive: false } },
  { id: "tot", label: "tốt", min: { value: 90, inclusive: true }, max: { value: 94, inclusive: true } },
  { id: "can_cai_thien", label: "cần cải thiện", max: { value: 90, inclusive: false }, attention: true },
];

export const AN_GIANG_TIERS: TierDef[] = [
  { id: "can_chu_y", label: "cần chú ý", min: { value: 80, inclusive: true }, max: { value: 90, inclusive: true } },
  { id: "can_cai_thien_gap", label: "cần cải thiện gấp", max: { value: 80, inclusive: false }, attention: true },
];

export function bacNinhPlan(over: Partial<Plan> = {}): Plan {
  return {
    id: "bac-ninh-test", version: "1", title: "Xếp hạng theo Bộ chỉ số", titleEn: "Ranking on the index", document: "KH thử",
    seed: null, source: SRC, kind: "imported_points", levels: ["tinh", "xa"],
    inputs: [
      ...GROUPS.map((g) => input(g.id, g.label, "number", true)),
      input("ho_so", "Số hồ sơ trong kỳ", "count", true),
      input("dieu_chinh", "Điều chỉnh điểm", "signed", false),
      input("ly_do", "Lý do điều chỉnh", "text", false),
      input("tong", "Tổng điểm công bố", "number", false),
      input("khoi", "Khối", "text", true),
    ],
    readings: [], criteria: [], targets: [], quotas: [], awards: [],
    imported: { groups: GROUPS.map((g) => ({ id: g.id, label: g.label, source: SRC, input: g.id, maxPoints: g.max })), source: SRC, total: { input: "tong", source: SRC } },
    activity: { input: "ho_so", source: SRC },
    adjustment: { input: "dieu_chinh", reasonInput: "ly_do", label: "Điều chỉnh", source: SRC, maxPoints: 5 },
    tiers: { tiers: BAC_NINH_TIERS, source: SRC },
    cohort: { input: "khoi", label: "Khối", source: SRC },
    ...over,
  };
}

/** A unit's row: its six group points in the plan's order, 50 dossiers and its cohort unless `extra` says otherwise. */
export function unit(key: string, points: CellInput[], extra: Record<string, CellInput> = {}, level: UnitRow["level"] = "xa"): UnitRow {
  const values: Record<string, CellInput> = { ho_so: 50, khoi: level === "xa" ? "Xã" : "Sở, ngành" };
  GROUPS.forEach((g, k) => (values[g.id] = points[k]));
  return { key, level, values: { ...values, ...extra } };
}
