/**
 * A weekly index table of the national portal ranked on its published points, with Bắc Ninh's tiers
 * ("xuất sắc" above 94, "tốt" from 90 to 94, "cần cải thiện" below 90), a cohort, adjustments with
 * reasons and a unit with no dossiers, scored by hand: the outcome is written here as the engine is
 * to give it, so the results sheet, the rules sheet and --json are tested on their own.
 */
import type { CellInput, Plan, TableOutcome, UnitResult } from "../../src/engine";
import type { ScoredSheet } from "../../src/workbook";

const num = (id: string, label: string) => ({ id, label, kind: "number" as const, required: true, headers: [label] });

export const GROUPS = [
  { id: "cong_khai", label: "Công khai, minh bạch", max: 18 },
  { id: "tien_do", label: "Tiến độ, kết quả giải quyết", max: 20 },
  { id: "dvc_tt", label: "Dịch vụ công trực tuyến", max: 12 },
  { id: "thanh_toan", label: "Thanh toán trực tuyến", max: 10 },
  { id: "so_hoa", label: "Số hóa hồ sơ", max: 22 },
  { id: "hai_long", label: "Mức độ hài lòng", max: 18 },
];

export const TIERS_BN: NonNullable<Plan["tiers"]> = {
  source: "KH 12/KH-UBND §III.1",
  tiers: [
    { id: "xuat_sac", label: "Xuất sắc", min: { value: 94, inclusive: false } },
    { id: "tot", label: "Tốt", min: { value: 90, inclusive: true }, max: { value: 94, inclusive: true } },
    { id: "can_cai_thien", label: "Cần cải thiện", max: { value: 90, inclusive: false }, attention: true },
  ],
};

export const TIERS_AG: NonNullable<Plan["tiers"]> = {
  source: "KH 7/KH-UBND §II",
  tiers: [
    { id: "dat", label: "Đạt", min: { value: 90, inclusive: true } },
    { id: "can_chu_y", label: "Cần chú ý", min: { value: 80, inclusive: true }, max: { value: 90, inclusive: false }, attention: true },
    { id: "can_cai_thien_gap", label: "Cần cải thiện gấp", max: { value: 80, inclusive: false }, attention: true },
  ],
};

export function importedPlan(tiers: NonNullable<Plan["tiers"]> = TIERS_BN): Plan {
  return {
    id: "bn-12-2026",
    version: "2026.1",
    title: "Xếp hạng chỉ số phục vụ người dân, doanh nghiệp hằng tuần (mẫu)",
    titleEn: "Weekly service index ranking (sample)",
    document: "KH 12/KH-UBND",
    seed: null,
    source: "KH 12/KH-UBND §III",
    kind: "imported_points",
    levels: ["xa"],
    inputs: [
      { id: "unit", label: "Đơn vị", kind: "text", required: true, headers: ["Đơn vị"] },
      { id: "khoi", label: "Khối", kind: "text", required: true, headers: ["Khối"] },
      ...GROUPS.map((g) => num(g.id, g.label)),
      { id: "tong_cong_bo", label: "Tổng điểm trên cổng", kind: "number", required: false, headers: ["Tổng điểm"] },
      { id: "ho_so", label: "Số hồ sơ trong kỳ", kind: "count", required: true, headers: ["Số hồ sơ"] },
      { id: "dieu_chinh", label: "Điểm kỹ thuật điều chỉnh", kind: "signed", required: false, headers: ["Điều chỉnh"] },
      { id: "ly_do", label: "Lý do", kind: "text", required: false, headers: ["Lý do"] },
    ],
    readings: [],
    criteria: [],
    targets: [],
    quotas: [],
    awards: [],
    imported: {
      source: "QĐ 766/QĐ-TTg §Phụ lục",
      groups: GROUPS.map((g) => ({ id: g.id, label: g.label, source: "QĐ 766/QĐ-TTg §Phụ lục", input: g.id, maxPoints: g.max })),
      total: { input: "tong_cong_bo", source: "KH 12/KH-UBND §III.2" },
    },
    activity: { input: "ho_so", source: "KH 12/KH-UBND §III.3" },
    adjustment: { input: "dieu_chinh", reasonInput: "ly_do", label: "Điều chỉnh điểm kỹ thuật", source: "KH 12/KH-UBND §III.4", maxPoints: 5 },
    tiers,
    cohort: { input: "khoi", label: "Khối", source: "KH 12/KH-UBND §III.5" },
  };
}

/** name, cohort, the six groups, published total, dossiers, adjustment, reason */
type Row = [string, string, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number, number | null, string | null];

export const ROWS: Row[] = [
  ["Phường Kinh Bắc", "Phường", 17.75, 19.5, 11.5, 9.5, 20.75, 16, 95, 300, null, null], // 95: xuất sắc
  ["Xã Tiên Du", "Xã", 17, 19, 11, 9, 21, 17, 94, 120, null, null], // 94: tốt (94 is not "above 94")
  ["Phường Từ Sơn", "Phường", 18, 19, 11, 9.5, 21.5, 17, 96, 410, -2, "Lỗi hệ thống ngày 25/11"], // 96 − 2 = 94: tốt
  ["Xã Yên Phong", "Xã", 16, 18, 10, 9, 20, 17, 90, 88, null, null], // 90: tốt
  ["Xã Quế Võ", "Xã", 16, 18, 10, 9, 19.75, 17, 89.75, 64, null, null], // 89,75: cần cải thiện
  ["Xã Gia Bình", "Xã", null, null, null, null, null, null, null, 0, null, null], // no dossiers
  ["Xã Lương Tài", "Xã", 16, 18, 10, 9, 20, 17, 90, 51, 1, null], // adjustment without reason
];

const tierOf = (id: string, label: string, attention = false) => ({ id, label, attention });

function unit(r: Row, extra: Partial<UnitResult>): UnitResult {
  return {
    key: r[0], group: null, level: "xa", status: "scored", reason: "ok", message: "Hợp lệ.", findings: [], criteria: [],
    total: null, maxTotal: 100, explanation: "", rank: null, tied: false, award: null, awardCode: null, prize: null, bonusPoints: null, awardReason: null,
    adjustment: r[10] !== null && r[11] !== null ? { points: r[10], reason: r[11] } : null,
    publishedTotal: r[8], cohort: r[1], ...extra,
  };
}

/** The outcome as the engine is to give it (figures worked out by hand in the comments of ROWS). */
export function outcome(): TableOutcome {
  const XS = tierOf("xuat_sac", "Xuất sắc");
  const TOT = tierOf("tot", "Tốt");
  const CCT = tierOf("can_cai_thien", "Cần cải thiện", true);
  const toXS = (gap: number) => ({ ...XS, bound: { value: 94, inclusive: false }, gap });
  const toTot = (gap: number) => ({ ...TOT, bound: { value: 90, inclusive: true }, gap });
  const units: UnitResult[] = [
    unit(ROWS[0], { total: 95, rank: 1, tier: XS, nextTier: null, gapAbove: null, cohortRank: 1 }),
    unit(ROWS[1], { total: 94, rank: 2, tied: true, tier: TOT, nextTier: toXS(0), gapAbove: 1, cohortRank: 1 }),
    unit(ROWS[2], { total: 94, rank: 2, tied: true, tier: TOT, nextTier: toXS(0), gapAbove: 1, cohortRank: 2 }),
    unit(ROWS[3], { total: 90, rank: 4, tier: TOT, nextTier: toXS(4), gapAbove: 4, cohortRank: 2 }),
    unit(ROWS[4], { total: 89.75, rank: 5, tier: CCT, nextTier: toTot(0.25), gapAbove: 0.25, cohortRank: 3 }),
    unit(ROWS[5], { status: "no_data", reason: "no_activity", message: "Không phát sinh hồ sơ trong kỳ.", publishedTotal: null, tier: null, nextTier: null, gapAbove: null, cohortRank: null }),
    unit(ROWS[6], {
      status: "invalid_input", reason: "adjustment_without_reason", message: "Điều chỉnh điểm không có lý do.",
      findings: [{ code: "adjustment_without_reason", input: "ly_do" }], tier: null, nextTier: null, gapAbove: null, cohortRank: null,
    }),
  ];
  return { planId: "bn-12-2026", units, findings: [], quotas: [] };
}

export const HEADER = ["Đơn vị", "Khối", ...GROUPS.map((g) => g.label), "Tổng điểm", "Số hồ sơ", "Điều chỉnh", "Lý do"];
/** input id → its column on the data sheet (A, B, …) */
const COLUMNS = ["unit", "khoi", ...GROUPS.map((g) => g.id), "tong_cong_bo", "ho_so", "dieu_chinh", "ly_do"];
const letter = (c: number) => String.fromCharCode(65 + c);

/** The scored sheet "Chỉ số tuần 48", its header on row 1, the units from row 2. */
export function scoredSheet(o: TableOutcome = outcome()): ScoredSheet {
  const mapping = Object.fromEntries(COLUMNS.map((id, c) => [id, c]));
  const sources = ROWS.map((r, i) => {
    const values: Record<string, CellInput> = {};
    const cells: Record<string, string> = {};
    COLUMNS.forEach((id, c) => {
      if (id === "unit") return;
      values[id] = r[c] as CellInput;
      cells[id] = `${letter(c)}${i + 2}`;
    });
    return { key: r[0], row: i + 2, cells, values };
  });
  return {
    planId: "bn-12-2026",
    sheet: "Chỉ số tuần 48",
    table: { headerRow: 0, firstCol: 0, lastCol: COLUMNS.length - 1, lastRow: ROWS.length },
    mapping: {
      mapping, missing: [], badOverrides: [], doubts: [], noPlanColumns: false,
      report: COLUMNS.map((id, c) => ({ input: id, label: HEADER[c], required: true, header: HEADER[c], column: c, via: "header" as const })),
    },
    read: { rows: [], sources, problems: [], skipped: [] },
    outcome: o,
    problems: [],
    options: {},
  };
}
