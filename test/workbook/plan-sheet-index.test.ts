/**
 * The plan sheet of a plan ranking on the national index: imported group points, the period's
 * dossier count, adjustments with their reason, tiers with exact bounds, cohorts. Laid out and read
 * back they are the same plan; tier bounds are read as people write them ("trên 94", "từ 90",
 * "≥ 90", "dưới 90") and anything else is refused on its cell; the plan check's problems land on
 * the cells they are about.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellInput, Plan } from "../../src/engine";
import { checkPlan } from "../../src/plans";
import { cellRef, planSheetModel, readPlanSheet, type SheetModel } from "../../src/workbook";
import { BLOCK_TEXT, FACT_TEXT, PLAN_KINDS } from "../../src/messages/plan-sheet";

const SHEET = "Kế hoạch DVC";
const FIXTURE = path.join(__dirname, "..", "plan-file", "fixtures", "index-weekly.plan.json");

/** The weekly index plan as checkPlan gives it (no $schema; lists it does not use as []). */
function weekly(): Plan {
  const r = checkPlan(JSON.parse(fs.readFileSync(FIXTURE, "utf8")));
  expect(r.problems).toEqual([]);
  return r.plan!;
}

function gridOf(model: SheetModel): CellInput[][] {
  return model.cells.map((row) => row.map((c) => (c !== null && typeof c === "object" ? null : c)));
}

function readBack(plan: unknown): unknown {
  const read = readPlanSheet(gridOf(planSheetModel(plan as Plan)), SHEET);
  expect(read.problems).toEqual([]);
  const { origin, ...rest } = read.plan!;
  expect(origin).toEqual({ kind: "sheet", name: SHEET });
  return rest;
}

const TIERS = BLOCK_TEXT.tiers;
const IMP = BLOCK_TEXT.imported;

/** The cell under `header` in the row of `title`'s table whose id column holds `id`. */
function at(grid: CellInput[][], title: string, id: string, header: string): { r: number; c: number } {
  const t = grid.findIndex((row) => row[0] === title);
  expect(t).toBeGreaterThanOrEqual(0);
  const c = grid[t + 1].indexOf(header);
  expect(c).toBeGreaterThanOrEqual(0);
  for (let r = t + 2; r < grid.length; r++) if (grid[r]?.[0] === id) return { r, c };
  throw new Error(`no row ${id} in ${title}`);
}

const factRow = (grid: CellInput[][], label: string) => grid.findIndex((row) => row[0] === label);

describe("round trip", () => {
  it("the weekly index plan: every new field reads back equal", () => {
    const plan = weekly();
    expect(readBack(plan)).toStrictEqual(JSON.parse(JSON.stringify(plan)));
  });
  it("without the options: no published total, no maximum, no attention, tiers for one level, open ends both ways", () => {
    const plan = JSON.parse(JSON.stringify(weekly()));
    delete plan.imported.total;
    delete plan.adjustment.maxPoints;
    delete plan.activity;
    delete plan.cohort;
    delete plan.tiers.tiers[2].attention;
    plan.tiers.tiers[1].attention = false;
    plan.tiers.levels = ["xa"];
    plan.tiers.tiers[1].max = { value: 94.5, inclusive: false };
    plan.tiers.tiers[0].min = { value: 94.5, inclusive: true };
    expect(checkPlan(plan).problems).toEqual([]);
    expect(readBack(plan)).toStrictEqual(plan);
  });
  it("tiers on a ratio-points plan, and an adjustment beside its criteria", () => {
    const w = weekly();
    const plan = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "src", "plans", "hg-165-2023.json"), "utf8"));
    plan.tiers = w.tiers;
    expect(checkPlan(plan).problems).toEqual([]);
    expect(readBack(plan)).toStrictEqual(plan);
  });
  it("the tiers' bounds as the sheet shows them, and the kind's word", () => {
    const grid = gridOf(planSheetModel(weekly()));
    const cell = (id: string, h: string) => {
      const p = at(grid, TIERS.title, id, h);
      return grid[p.r][p.c];
    };
    expect([cell("xuat_sac", TIERS.columns.min.header), cell("xuat_sac", TIERS.columns.max.header)]).toEqual(["trên 94", ""]);
    expect([cell("tot", TIERS.columns.min.header), cell("tot", TIERS.columns.max.header)]).toEqual(["từ 90", "đến 94"]);
    expect([cell("can_cai_thien", TIERS.columns.min.header), cell("can_cai_thien", TIERS.columns.max.header), cell("can_cai_thien", TIERS.columns.attention.header)]).toEqual([
      "", "dưới 90", "có",
    ]);
    expect(grid[factRow(grid, FACT_TEXT.kind.label)][1]).toBe(PLAN_KINDS.find((k) => k.value === "imported_points")!.word);
    const g = at(grid, IMP.title, "dvc_truc_tuyen", IMP.columns.maxPoints.header);
    expect(grid[g.r][g.c]).toBe(12);
  });
});

describe("tier bounds as people write them", () => {
  const bound = (typed: CellInput, side: "min" | "max", id = "tot") => {
    const grid = gridOf(planSheetModel(weekly()));
    const p = at(grid, TIERS.title, id, side === "min" ? TIERS.columns.min.header : TIERS.columns.max.header);
    grid[p.r][p.c] = typed;
    return { read: readPlanSheet(grid, SHEET), cell: cellRef(p.r, p.c) };
  };
  it.each([
    ["từ 90", "dưới 90", { value: 90, inclusive: true }], ["Từ 90", "dưới 90", { value: 90, inclusive: true }],
    ["từ 90 trở lên", "dưới 90", { value: 90, inclusive: true }], ["≥ 90", "< 90", { value: 90, inclusive: true }],
    [">=90", "dưới 90", { value: 90, inclusive: true }], ["tu 90", "duoi 90", { value: 90, inclusive: true }],
    ["từ 90,5", "dưới 90,5", { value: 90.5, inclusive: true }], ["trên 89,5", "đến 89,5", { value: 89.5, inclusive: false }],
    ["> 89.5", "≤ 89.5", { value: 89.5, inclusive: false }],
  ] as const)("lower bound %p (with %p below it)", (typed, below, want) => {
    const grid = gridOf(planSheetModel(weekly()));
    const p = at(grid, TIERS.title, "tot", TIERS.columns.min.header);
    grid[p.r][p.c] = typed;
    const q = at(grid, TIERS.title, "can_cai_thien", TIERS.columns.max.header);
    grid[q.r][q.c] = below;
    const read = readPlanSheet(grid, SHEET);
    expect(read.problems).toEqual([]);
    expect(read.plan!.tiers!.tiers[1].min).toEqual(want);
  });
  it.each([
    ["đến 94", { value: 94, inclusive: true }], ["≤ 94", { value: 94, inclusive: true }], ["<= 94", { value: 94, inclusive: true }],
    ["đến 94 trở xuống", { value: 94, inclusive: true }],
  ] as const)("upper bound %p", (typed, want) => {
    expect(bound(typed, "max").read.plan!.tiers!.tiers[1].max).toEqual(want);
  });
  it("dưới 90 and < 90 on the bottom tier", () => {
    for (const typed of ["dưới 90", "< 90", "Dưới 90"]) expect(bound(typed, "max", "can_cai_thien").read.plan!.tiers!.tiers[2].max).toEqual({ value: 90, inclusive: false });
  });
  it("a bare number, a bound of the other side, or other words: refused on the cell, never guessed", () => {
    const what = `${TIERS.title}, ${TIERS.columns.min.header}`;
    expect(bound(90, "min").read.problems).toEqual([{ cell: bound(90, "min").cell, message: `${what}: 90 chưa nói có tính cả 90 hay không; ghi "từ 90" (tính cả) hoặc "trên 90" (không tính).` }]);
    expect(bound("90", "min").read.problems[0].message).toBe(`${what}: 90 chưa nói có tính cả 90 hay không; ghi "từ 90" (tính cả) hoặc "trên 90" (không tính).`);
    expect(bound("dưới 94", "min").read.problems).toEqual([
      { cell: bound("dưới 94", "min").cell, message: `${what}: "dưới 94" là mốc trên; ghi ở cột ${TIERS.columns.max.header}, hoặc ở đây "trên …" / "từ …".` },
    ]);
    expect(bound("trên 90", "max").read.problems[0].message).toBe(`${TIERS.title}, ${TIERS.columns.max.header}: "trên 90" là mốc dưới; ghi ở cột ${TIERS.columns.min.header}, hoặc ở đây "đến …" / "dưới …".`);
    for (const typed of ["khoảng 90", "90 trở lên", "từ 90 đến 94", "trên chín mươi", "≥", "từ 90 trở xuống"]) {
      expect([typed, bound(typed, "min").read.problems.map((p) => p.message)]).toEqual([typed, [`${what}: "${typed}" không đọc được là mốc dưới; ghi "trên 94" (không tính 94) hoặc "từ 90" (tính cả 90).`]]);
    }
  });
});

describe("the plan check's problems on their cells", () => {
  it("94 in two tiers: on the second tier's row, naming both and the number", () => {
    const grid = gridOf(planSheetModel(weekly()));
    const p = at(grid, TIERS.title, "xuat_sac", TIERS.columns.min.header);
    grid[p.r][p.c] = "từ 94";
    const tot = at(grid, TIERS.title, "tot", TIERS.columns.id.header);
    expect(readPlanSheet(grid, SHEET).problems).toEqual([
      { cell: cellRef(tot.r, 0), message: 'Xếp loại, xếp loại 2 (tot): xếp loại "Xuất sắc" (từ 94 trở lên) và "Tốt" (từ 90 đến 94) chồng nhau: 94 điểm thuộc cả hai' },
    ]);
  });
  it("90 in no tier: on the lower tier's row", () => {
    const grid = gridOf(planSheetModel(weekly()));
    const p = at(grid, TIERS.title, "tot", TIERS.columns.min.header);
    grid[p.r][p.c] = "trên 90";
    const low = at(grid, TIERS.title, "can_cai_thien", TIERS.columns.id.header);
    expect(readPlanSheet(grid, SHEET).problems).toEqual([
      { cell: cellRef(low.r, 0), message: 'Xếp loại, xếp loại 3 (can_cai_thien): giữa xếp loại "Tốt" (trên 90 đến 94) và "Cần cải thiện" (dưới 90) để hở: 90 điểm không thuộc xếp loại nào' },
    ]);
  });
  it("group maxima off the stated total: on the total's cell; a group reading a count: on its input cell", () => {
    const grid = gridOf(planSheetModel(weekly()));
    const m = at(grid, IMP.title, "dvc_truc_tuyen", IMP.columns.maxPoints.header);
    grid[m.r][m.c] = 22;
    const total = factRow(grid, FACT_TEXT.totalPoints.label);
    expect(readPlanSheet(grid, SHEET).problems).toEqual([{ cell: `B${total + 1}`, message: expect.stringMatching(/các nhóm điểm cộng lại 110 điểm tối đa .* ≠ tổng 100 điểm/) }]);
    grid[m.r][m.c] = 12;
    const i = at(grid, IMP.title, "so_hoa", IMP.columns.input.header);
    grid[i.r][i.c] = "so_ho_so";
    expect(readPlanSheet(grid, SHEET).problems).toEqual([{ cell: cellRef(i.r, i.c), message: expect.stringContaining('đầu vào "so_ho_so" là đầu vào loại count') }]);
  });
  it("an adjustment without its reason input: on the reason's fact; a cohort reading a count: on its fact", () => {
    const grid = gridOf(planSheetModel(weekly()));
    const reason = factRow(grid, FACT_TEXT.adjustmentReason.label);
    grid[reason][1] = null;
    expect(readPlanSheet(grid, SHEET).problems).toEqual([{ cell: `B${reason + 1}`, message: `${FACT_TEXT.adjustmentReason.label}: ô trống.` }]);
    grid[reason][1] = "ly_do";
    const cohort = factRow(grid, FACT_TEXT.cohortInput.label);
    grid[cohort][1] = "so_ho_so";
    expect(readPlanSheet(grid, SHEET).problems).toEqual([{ cell: `B${cohort + 1}`, message: expect.stringContaining('đầu vào "so_ho_so" là đầu vào loại count; ở đây cần đầu vào loại text') }]);
  });
  it("an imported-points plan with awards is refused in words", () => {
    const plan = JSON.parse(JSON.stringify(weekly()));
    const grid = gridOf(planSheetModel({ ...plan, kind: "ratio_points", imported: undefined, awards: [{ code: "giay_khen", label: "Giấy khen", source: "KH 45/KH-UBND §IV", level: "xa" }] } as Plan));
    // the kind set back to imported points in the sheet, the award row left in
    grid[factRow(grid, FACT_TEXT.kind.label)][1] = "điểm nhóm công bố";
    const problems = readPlanSheet(grid, SHEET).problems.map((p) => p.message);
    expect(problems).toContain('Kế hoạch: kế hoạch loại imported_points (điểm nhóm công bố) chỉ xếp hạng và xếp loại, chưa xét khen thưởng: bỏ "awards" (các hình thức khen thưởng); Hội đồng xét khen thưởng theo bảng xếp hạng');
  });
});

describe("layout", () => {
  it("the new tables have their notes and lists; the kinds' meanings explain the bounds", () => {
    const model = planSheetModel(weekly());
    const grid = gridOf(model);
    const notes = new Map((model.comments ?? []).map((n) => [n.cell, n.text]));
    for (const block of [IMP, TIERS]) {
      const t = grid.findIndex((row) => row[0] === block.title);
      const headers = Object.values(block.columns).map((c) => c.header);
      expect(grid[t + 1].slice(0, headers.length)).toEqual(headers);
      headers.forEach((_, c) => expect(notes.get(cellRef(t + 1, c))).toMatch(/\S/));
    }
    const t = grid.findIndex((row) => row[0] === TIERS.title);
    const c = grid[t + 1].indexOf(TIERS.columns.attention.header);
    expect((model.dataValidations ?? []).some((dv) => dv.range.startsWith(`${String.fromCharCode(65 + c)}${t + 3}:`) && dv.values.includes("có"))).toBe(true);
    for (const key of ["adjustmentInput", "adjustmentReason", "activityInput", "cohortInput", "tiersSource", "importedTotal"] as const) {
      const r = factRow(grid, FACT_TEXT[key].label);
      expect([key, r >= 0, notes.get(cellRef(r, 0))]).toEqual([key, true, FACT_TEXT[key].note]);
    }
    expect(grid.some((row) => row.includes("trên 94; từ 90"))).toBe(true);
  });
});
