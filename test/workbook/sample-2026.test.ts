/**
 * The sample plan of 2026 (assets/samples/minh-son-2026.plan.json), a commune plan none of the code
 * was written for, scored on its sample workbook (assets/samples/minh-son-2026.xlsx) through
 * scoreSheet with the plan read from its file, against the figures worked out by hand in
 * sample-2026-expected.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { readInput } from "../../src/cli/read";
import type { CellInput, Plan, UnitResult } from "../../src/engine";
import { awardReasonText } from "../../src/engine";
import { loadPlanFile } from "../../src/plan-file";
import { layoutResults, layoutRules, mapSheet, RESULTS_HEADER_ROW, scoreSheet, toJsonRows, type ScoredSheet } from "../../src/workbook";
import { planSheetModel, readPlanSheet } from "../../src/workbook/plan-sheet";
import { AWARDED, EXPECTED } from "./sample-2026-expected";

const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");
const plan = JSON.parse(fs.readFileSync(path.join(SAMPLES, "minh-son-2026.plan.json"), "utf8")) as Plan;

let grid: CellInput[][];
let sheetName: string;
let scored: ScoredSheet;
const unit = (name: string): UnitResult => {
  const u = scored.outcome.units.find((x) => x.key === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
};

beforeAll(async () => {
  const book = await readInput(path.join(SAMPLES, "minh-son-2026.xlsx"));
  grid = book.sheets[0].grid;
  sheetName = book.sheets[0].name;
  scored = scoreSheet(plan, grid, { sheet: sheetName });
});

const close = (x: number | null | undefined) => (x === null || x === undefined ? x : Math.round(x * 1e9) / 1e9);

describe("the sample plan of 2026 on its sample workbook", () => {
  it("maps every input to its column, the cluster by the plan's own wording", () => {
    const by = Object.fromEntries(scored.mapping.report.filter((e) => e.header !== null).map((e) => [e.input, e.header]));
    expect(by).toEqual({
      unit: "Xã, phường", group: "Cụm thi đua", online_dossiers: "Số hồ sơ nộp trực tuyến", all_dossiers: "Tổng số hồ sơ tiếp nhận",
      paid_online: "Số hồ sơ thanh toán trực tuyến", fee_dossiers: "Số hồ sơ có phí, lệ phí", digitised: "Số hồ sơ được số hóa kết quả",
      resolved: "Số hồ sơ đã giải quyết", satisfied: "Số lượt đánh giá hài lòng", ratings: "Tổng số lượt đánh giá", initiative_points: "Điểm thưởng sáng kiến",
    });
    expect(scored.mapping.doubts).toEqual([]);
  });

  it("reads the 30 communes and wards, all at commune level, each in its row's cluster", () => {
    expect(scored.outcome.units.map((u) => [u.key, u.group, u.level])).toEqual(EXPECTED.map((r) => [r[0], r[1], "xa"]));
  });

  it.each(EXPECTED)("%s (%s): points, bonus, total and rank", (name, _cluster, online, payment, digitisation, satisfaction, bonus, total, rank) => {
    const u = unit(name);
    const pts = Object.fromEntries(u.criteria.map((c) => [c.id, close(c.points)]));
    expect(pts).toEqual({ online_ratio: online, online_payment: payment, digitisation, satisfaction });
    expect(u.bonuses?.map((b) => b.points)).toEqual([bonus]);
    expect(close(u.total)).toBe(total);
    expect(u.rank).toBe(rank);
    expect(u.maxTotal).toBe(100);
  });

  it("statuses: two communes below 50% not considered, the bonus of 6 an error, the rest scored", () => {
    const by = (st: string) => scored.outcome.units.filter((u) => u.status === st).map((u) => u.key);
    expect(by("not_eligible")).toEqual(["Xã Đá Bạc", "Xã Ngọc Lâm"]);
    expect(by("invalid_input")).toEqual(["Xã Sơn Thủy"]);
    expect(by("scored")).toHaveLength(27);
    expect(unit("Xã Sơn Thủy").reason).toBe("bonus_out_of_range");
  });

  it("the tie at 93 is broken by the online ratio: Bình An (95%) 7th, Phú Mỹ (88%) 8th, neither tied", () => {
    expect([unit("Xã Bình An"), unit("Xã Phú Mỹ")].map((u) => [u.rank, u.tied])).toEqual([[7, false], [8, false]]);
  });

  it("awards the 5 places in rank order, at most 1 per cluster: ranks 1, 3, 5, 6 and 7", () => {
    const awarded = scored.outcome.units.filter((u) => u.awardCode === "commune_merit").map((u) => [u.rank, u.key]).sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(awarded).toEqual(AWARDED);
    expect(unit("Xã Tân Lập").awardReason).toEqual({
      code: "award_group_full",
      detail: { group: "Cụm 1", used: 1, limit: 1, noun: "cụm thi đua", nounEn: "emulation cluster", names: "Phường Minh Khai" },
      source: "KH 45/KH-UBND §V.2",
    });
    expect(awardReasonText(unit("Xã Tân Lập").awardReason!)).toBe(
      "Cụm 1 đã có 1 xã được khen: Phường Minh Khai; không còn suất cho xã của cụm thi đua này, mỗi cụm thi đua tối đa 1 xã (KH 45/KH-UBND §V.2).",
    );
    expect(awardReasonText(unit("Xã Hưng Long").awardReason!)).toBe(
      "Chưa đề xuất khen thưởng: xã không ghi cụm thi đua nên chưa kiểm tra được giới hạn 1 xã mỗi cụm thi đua (KH 45/KH-UBND §V.2).",
    );
    expect(unit("Xã Phú Mỹ").awardReason).toEqual({ code: "award_places_taken", detail: { limit: 5, cutoff: 7 }, source: "KH 45/KH-UBND §V.1" });
    expect(unit("Xã Đá Bạc").awardReason).toEqual({ code: "below_floor", detail: { floor: "50%" }, source: "KH 45/KH-UBND §IV.1" });
    expect(unit("Xã Sơn Thủy").awardReason?.code).toBe("award_data_flag");
    expect(unit("Xã Sơn Thủy").awardReason?.causes?.map((c) => c.code)).toEqual(["bonus_out_of_range"]);
  });

  it("counts the places: 5 of 5, and per cluster the names the rows write (a table of communes only)", () => {
    expect(scored.outcome.quotas.map((q) => [q.id, q.group ?? null, q.used, q.limit])).toEqual([
      ["communes_top", null, 5, 5],
      ["communes_per_cluster", "Cụm 1", 1, 1],
      ["communes_per_cluster", "Cụm 2", 1, 1],
      ["communes_per_cluster", "Cụm 3", 1, 1],
      ["communes_per_cluster", "Cụm 4", 0, 1],
      ["communes_per_cluster", "Cụm 5", 1, 1],
      ["communes_per_cluster", "Cụm 6", 1, 1],
    ]);
  });

  it("without the plan's tie-break the two share the 7th place and the last place waits for the council", () => {
    const { tieBreak: _dropped, ...noTie } = plan;
    const s = scoreSheet(noTie as Plan, grid, { sheet: sheetName });
    const u = (n: string) => s.outcome.units.find((x) => x.key === n)!;
    expect([u("Xã Bình An"), u("Xã Phú Mỹ")].map((x) => [x.rank, x.tied, x.award, x.awardReason?.code])).toEqual([
      [7, true, null, "award_tie_pending"],
      [7, true, null, "award_tie_pending"],
    ]);
    // cited by the plan's own reading of a tie at the cut-off
    expect(u("Xã Bình An").awardReason?.source).toBe("KH 45/KH-UBND §V.1");
  });

  it("with the per-cluster limit alone (no quota of places), the best of each cluster is awarded", () => {
    const perCluster = { ...plan, quotas: plan.quotas.filter((q) => q.scope === "per_group") };
    const s = scoreSheet(perCluster, grid, { sheet: sheetName });
    const awarded = s.outcome.units.filter((u) => u.award !== null).map((u) => [u.group, u.key]);
    // the first of each cluster by rank: 1 Minh Khai, 3 Đông Hòa, 5 Hòa Thuận, 6 Thanh Bình, 7 Bình An, 8 Phú Mỹ
    expect(awarded).toEqual([
      ["Cụm 1", "Phường Minh Khai"], ["Cụm 2", "Phường Đông Hòa"], ["Cụm 3", "Xã Bình An"], ["Cụm 4", "Xã Phú Mỹ"], ["Cụm 5", "Xã Hòa Thuận"], ["Cụm 6", "Phường Thanh Bình"],
    ]);
    expect(s.outcome.units.find((u) => u.key === "Xã Hưng Long")?.awardReason?.code).toBe("award_no_group");
    expect(s.outcome.units.find((u) => u.key === "Phường Tân Tiến")?.awardReason?.code).toBe("award_group_full");
  });

  it("explains the points by each rule, with the bonus and the total", () => {
    const ex = (n: string) => unit(n).explanation;
    expect(ex("Xã Hòa Thuận")).toContain("Hồ sơ trực tuyến: r = 72,00% < 80% → 72,00% ÷ 80% × 30 = 27,00");
    expect(ex("Xã Hòa Thuận")).toContain("Thanh toán trực tuyến: r = 45,00% ≥ 40% → 15 điểm (bậc ≥ 40%)");
    expect(ex("Xã Cát Tiên")).toContain("r = 40,00% ≥ 40% → 15 điểm (bậc ≥ 40%)");
    expect(ex("Phường Nam Sơn")).toContain("r = 20,00% ≥ 20% → 10 điểm (bậc ≥ 20%)");
    expect(ex("Phường Quang Trung")).toContain("r = 19,50% < 20% → 0 điểm (dưới bậc thấp nhất)");
    expect(ex("Xã Tân Lập")).toContain("Thanh toán trực tuyến: r = 60,00% ≥ 60% → 20 điểm tối đa");
    expect(ex("Phường Đông Hòa")).toContain("Hồ sơ trực tuyến: r = 80,00% ≥ 80% → 30 điểm tối đa");
    expect(ex("Xã Suối Đá")).toContain("r = 50,00% < 80% → 50,00% ÷ 80% × 30 = 18,75");
    expect(ex("Xã Đá Bạc")).toContain("r = 49,90% < 50% → không xét thi đua");
    expect(ex("Phường Minh Khai")).toMatch(/Sáng kiến được công nhận: \+5 điểm thưởng → tổng = 98,50 \+ 5 điểm thưởng = 103,50\/100$/);
    expect(unit("Phường Minh Khai").message).toBe("Tổng điểm 103,50/100 (gồm 5 điểm thưởng).");
    expect(ex("Xã Tân Lập")).toMatch(/Sáng kiến được công nhận: ô trống → không có điểm thưởng → tổng = 96,60\/100$/);
    expect(ex("Xã Đồng Tâm")).toContain("Sáng kiến được công nhận: 0 điểm thưởng");
  });

  it("names the bad cells: the bonus of 6 on its row and column, the blank cluster", () => {
    expect(scored.problems.map((p) => [p.row, p.column, p.header, p.unit, p.code])).toEqual([
      [30, "L", "Điểm thưởng sáng kiến", "Xã Sơn Thủy", "bonus_out_of_range"],
      [34, "C", "Cụm thi đua", "Xã Hưng Long", "unknown_group"],
    ]);
    expect(scored.problems[0].message).toBe(
      "Điểm thưởng phải từ 0 đến 5: Điểm thưởng sáng kiến (ô ghi \"6\"); điểm ngoài khoảng này là lỗi số liệu, không được tự hạ về mức tối đa.",
    );
    expect(scored.problems[1].message).toBe("Xã không thuộc cụm thi đua nào có trong bảng.");
  });

  it("the results and rules sheets say cụm thi đua, never huyện, show the bonus in its own column and the bands", () => {
    const now = new Date(Date.UTC(2026, 9, 31, 3, 0, 0));
    const rules = layoutRules(plan, { now, scored });
    const results = layoutResults(scored, plan, { formulas: false, rules, now });
    const header = results.cells[RESULTS_HEADER_ROW] as string[];
    expect(header).toContain("Cụm thi đua");
    expect(header).not.toContain("Huyện");
    const col = (h: string) => header.indexOf(h);
    const rowOf = (n: string) => results.cells.find((r) => r[col("Đơn vị")] === n)!;
    expect([rowOf("Phường Minh Khai"), rowOf("Xã Tân Lập"), rowOf("Xã Sơn Thủy")].map((r) => [r[col("Điểm thưởng")], r[col("Tổng điểm")]])).toEqual([
      [5, 103.5],
      [0, 96.6],
      [null, null],
    ]);
    const texts = [...results.cells, ...rules.sheet.cells].flat().filter((c): c is string => typeof c === "string");
    texts.push(...scored.problems.map((p) => p.message), ...scored.outcome.units.map((u) => u.message));
    expect(texts.filter((t) => /huyện|district/i.test(t))).toEqual([]);
    const rows = rules.sheet.cells.map((r) => r.slice(0, 5));
    expect(rows).toContainEqual(["online_payment", "Xã", "bậc: từ tỷ lệ này (≥) được số điểm bên cạnh", 0.4, 15]);
    expect(rows).toContainEqual(["online_payment", "Xã", "dưới mọi bậc: 0 điểm", null, 0]);
    expect(rows).toContainEqual(["online_ratio", "Xã", "dưới ngưỡng: tỷ lệ ÷ ngưỡng đủ điểm × điểm tối đa", null, null]);
    expect(rows).toContainEqual(["initiative", "Xã", "Sáng kiến được công nhận", "Điểm thưởng sáng kiến", 5]);
    expect(rows).toContainEqual(["Tổng điểm tối đa", "", "Tổng điểm các tiêu chí theo kế hoạch, chưa kể điểm thưởng", null, 100]);
  });

  it("--json carries each unit's bonus beside its points", () => {
    const json = toJsonRows(scored);
    expect(json.find((j) => j.unit === "Phường Minh Khai")).toMatchObject({ total: 103.5, rank: 1, awardCode: "commune_merit", bonus: { initiative: 5 } });
    expect(json.find((j) => j.unit === "Xã Sơn Thủy")).toMatchObject({ total: null, rank: null, bonus: { initiative: null } });
  });
});

describe("the sample plan as a file and as a plan sheet", () => {
  it("loads through the plan file loader with no problem, as the same plan", () => {
    const file = "minh-son-2026.plan.json";
    const r = loadPlanFile(fs.readFileSync(path.join(SAMPLES, file)), file);
    expect(r.problems).toEqual([]);
    const { origin: _o, ...loaded } = r.plan!;
    expect(loaded).toStrictEqual(plan);
  });

  it("laid out as a plan sheet and read back, it is the same plan and scores the same", () => {
    const model = planSheetModel(plan);
    const sheetGrid = model.cells.map((row) => row.map((c) => (c !== null && typeof c === "object" ? null : c)));
    const read = readPlanSheet(sheetGrid, "Kế hoạch DVC");
    expect(read.problems).toEqual([]);
    const { origin: _o, ...back } = read.plan!;
    expect(back).toStrictEqual(plan);
    const again = scoreSheet(read.plan!, grid, { sheet: sheetName });
    expect(again.outcome.units.map((u) => [u.key, u.total, u.rank, u.awardCode])).toEqual(scored.outcome.units.map((u) => [u.key, u.total, u.rank, u.awardCode]));
  });
});

describe("the mapper finds the cluster column by the plan's own wordings", () => {
  it.each(["Cụm thi đua", "Cụm", "Khối thi đua", "Thuộc cụm", "CỤM THI ĐUA"])("a column headed %p is the group", (h) => {
    const g = grid.map((row) => row.slice());
    const headerRow = g.findIndex((r) => r.includes("Cụm thi đua"));
    g[headerRow][g[headerRow].indexOf("Cụm thi đua")] = h;
    const m = mapSheet(plan, g, { sheet: sheetName }).mapping;
    expect(m.report.find((e) => e.input === "group")?.header).toBe(h);
    expect(m.doubts).toEqual([]);
  });
});

describe("a user's plan speaks of its inputs by its own labels", () => {
  it("a zero denominator of an input no built-in plan has is named by the plan's label, once the plan is loaded", async () => {
    const file = path.join(SAMPLES, "minh-son-2026.plan.json");
    const loaded = loadPlanFile(fs.readFileSync(file), "minh-son-2026.plan.json");
    expect(loaded.plan).not.toBeNull();
    const m = mapSheet(loaded.plan!, grid, { sheet: sheetName });
    const feeCol = m.mapping.mapping.fee_dossiers as number;
    const unitCol = m.mapping.mapping.unit as number;
    const r1 = m.table.headerRow + 1;
    const changed = grid.map((row, r) => row.map((c, i) => (i === feeCol && r === r1 ? 0 : c)));
    const out = scoreSheet(loaded.plan!, changed, { sheet: sheetName });
    // a zero denominator is no data, not a bad cell: the unit's own message says which figure
    const first = out.outcome.units.find((u) => u.key === String(grid[r1][unitCol]))!;
    const texts = [first.message, ...first.criteria.map((c) => c.explanation)].join(" | ");
    expect(texts).toContain("Số hồ sơ có phí, lệ phí (b)");
    expect(texts).not.toContain("fee_dossiers");
  });
});
