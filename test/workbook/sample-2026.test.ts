/**
 * The sample plan of 2026 (assets/samples/minh-son-2026.plan.json), a commune plan none of the code
 * was written for, scored on its sample workbook (assets/samples/minh-son-2026.xlsx) through
 * scoreSheet with the plan read from its file. Every expected figure below is worked out by hand
 * from the workbook's counts and the plan's rules, the arithmetic in the comments:
 *   online dossiers (§III.1), 30: r ≥ 80% → 30, else r ÷ 80% × 30; below 50% not considered (§IV.1);
 *   online payment (§III.2), 20: bands ≥ 60% → 20, ≥ 40% → 15, ≥ 20% → 10, else 0;
 *   digitisation (§III.3), 30: r × 30 (30 at 100%);
 *   satisfaction (§III.4), 20: r ≥ 100% → 20, else r × 20;
 *   initiative bonus (§III.5): the cell's 0–5 points, a blank cell none (reading bonus_blank_none);
 *   the top 5 awarded (§V.1), at most 1 per cluster (§V.2), ties broken by the online ratio (§IV.2).
 */
import * as fs from "fs";
import * as path from "path";
import { readInput } from "../../src/cli/read";
import type { CellInput, Plan, UnitResult } from "../../src/engine";
import { awardReasonText } from "../../src/engine";
import { layoutResults, layoutRules, mapSheet, RESULTS_HEADER_ROW, scoreSheet, toJsonRows, type ScoredSheet } from "../../src/workbook";

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

type Row = [name: string, cluster: string | null, online: number | null, payment: number | null, digitisation: number | null, satisfaction: number | null, bonus: number | null, total: number | null, rank: number | null];

// name, cluster, points of online / payment / digitisation / satisfaction, bonus, total, rank
const EXPECTED: Row[] = [
  // 900/1000 = 90% ≥ 80% → 30; 130/200 = 65% ≥ 60% → 20; 950/1000 = 95% × 30 = 28,5; 300/300 = 100% → 20; +5 → 103,5
  ["Phường Minh Khai", "Cụm 1", 30, 20, 28.5, 20, 5, 103.5, 1],
  // 85% → 30; 120/200 = 60%, exactly the top band → 20; 90% × 30 = 27; 196/200 = 98% × 20 = 19,6; blank → 0 → 96,6
  ["Xã Tân Lập", "Cụm 1", 30, 20, 27, 19.6, 0, 96.6, 2],
  // 70% ÷ 80% × 30 = 26,25; 35% → band ≥ 20% → 10; 70% × 30 = 21; 90% × 20 = 18 → 75,25
  ["Xã Yên Hòa", "Cụm 1", 26.25, 10, 21, 18, 0, 75.25, 16],
  // 64% ÷ 80% × 30 = 24; 25% → 10; 50% × 30 = 15; 85% × 20 = 17; 0 typed → 66
  ["Xã Đồng Tâm", "Cụm 1", 24, 10, 15, 17, 0, 66, 23],
  // 76% ÷ 80% × 30 = 28,5; 39/200 = 19,5% < 20% → 0; 80% × 30 = 24; 95% × 20 = 19; +1 → 72,5
  ["Phường Quang Trung", "Cụm 1", 28.5, 0, 24, 19, 1, 72.5, 18],
  // 800/1000 = exactly 80% → 30; 50/100 = 50% → 15; 96% × 30 = 28,8; 250/250 → 20; +2 → 95,8
  ["Phường Đông Hòa", "Cụm 2", 30, 15, 28.8, 20, 2, 95.8, 3],
  // 78% ÷ 80% × 30 = 29,25; 40/200 = exactly 20% → 10; 90% × 30 = 27; 94% × 20 = 18,8 → 85,05
  ["Phường Nam Sơn", "Cụm 2", 29.25, 10, 27, 18.8, 0, 85.05, 12],
  // 60% ÷ 80% × 30 = 22,5; 30% → 10; 40% × 30 = 12; 80% × 20 = 16 → 60,5
  ["Xã Lộc Hà", "Cụm 2", 22.5, 10, 12, 16, 0, 60.5, 25],
  // 56% ÷ 80% × 30 = 21; 50% → 15; 65% × 30 = 19,5; 75% × 20 = 15 → 70,5
  ["Xã Hà Trung", "Cụm 2", 21, 15, 19.5, 15, 0, 70.5, 20],
  // 68% ÷ 80% × 30 = 25,5; 10% → 0; 72% × 30 = 21,6; 88% × 20 = 17,6 → 64,7
  ["Xã Thạch Bàn", "Cụm 2", 25.5, 0, 21.6, 17.6, 0, 64.7, 24],
  // 95% → 30; 70% → 20; 80% × 30 = 24; 95% × 20 = 19; 0 → 93, tied with Phú Mỹ: 95% online > 88% → 7th
  ["Xã Bình An", "Cụm 3", 30, 20, 24, 19, 0, 93, 7],
  // 500/1000 = exactly 50%, at the floor: considered; 50% ÷ 80% × 30 = 18,75; 15% → 0; 60% × 30 = 18; 90% × 20 = 18 → 54,75
  ["Xã Suối Đá", "Cụm 3", 18.75, 0, 18, 18, 0, 54.75, 27],
  // 82% → 30; 45% → 15; 75% × 30 = 22,5; 92% × 20 = 18,4 → 85,9
  ["Xã An Phú", "Cụm 3", 30, 15, 22.5, 18.4, 0, 85.9, 11],
  // 74% ÷ 80% × 30 = 27,75; 55% → 15; 88% × 30 = 26,4; 100% → 20 → 89,15
  ["Phường Bình Minh", "Cụm 3", 27.75, 15, 26.4, 20, 0, 89.15, 10],
  // 62% ÷ 80% × 30 = 23,25; 80/200 = exactly 40% → 15; 55% × 30 = 16,5; 83% × 20 = 16,6 → 71,35
  ["Xã Cát Tiên", "Cụm 3", 23.25, 15, 16.5, 16.6, 0, 71.35, 19],
  // 88% → 30; 70% → 20; 80% × 30 = 24; 95% × 20 = 19 → 93, tied with Bình An, lower online ratio → 8th
  ["Xã Phú Mỹ", "Cụm 4", 30, 20, 24, 19, 0, 93, 8],
  // 499/1000 = 49,9% < 50%: not considered, no total, no rank (its other criteria are still scored)
  ["Xã Đá Bạc", "Cụm 4", null, 15, 15, 18, 0, null, null],
  // 66% ÷ 80% × 30 = 24,75; 35% → 10; 68% × 30 = 20,4; 89% × 20 = 17,8 → 72,95
  ["Xã Long Hưng", "Cụm 4", 24.75, 10, 20.4, 17.8, 0, 72.95, 17],
  // 79% ÷ 80% × 30 = 29,625; 121/200 = 60,5% → 20; 87% × 30 = 26,1; 80% × 20 = 16 → 91,725
  ["Phường Tân Tiến", "Cụm 4", 29.625, 20, 26.1, 16, 0, 91.725, 9],
  // 54% ÷ 80% × 30 = 20,25; 45/200 = 22,5% → 10; 45% × 30 = 13,5; 75% × 20 = 15 → 58,75
  ["Xã Hợp Thành", "Cụm 4", 20.25, 10, 13.5, 15, 0, 58.75, 26],
  // 72% ÷ 80% × 30 = 27; 45% → 15; 100% → 30; 100% → 20; +2 → 94
  ["Xã Hòa Thuận", "Cụm 5", 27, 15, 30, 20, 2, 94, 5],
  // 58% ÷ 80% × 30 = 21,75; 30% → 10; 62% × 30 = 18,6; 85% × 20 = 17 → 67,35
  ["Xã Vĩnh Hảo", "Cụm 5", 21.75, 10, 18.6, 17, 0, 67.35, 22],
  // 69% ÷ 80% × 30 = 25,875; 65% → 20; 70% × 30 = 21; 90% × 20 = 18 → 84,875
  ["Xã Tam Đa", "Cụm 5", 25.875, 20, 21, 18, 0, 84.875, 13],
  // 81% → 30; 30% → 10; 83% × 30 = 24,9; 93% × 20 = 18,6 → 83,5
  ["Phường Hưng Đạo", "Cụm 5", 30, 10, 24.9, 18.6, 0, 83.5, 15],
  // 45% < 50%: not considered
  ["Xã Ngọc Lâm", "Cụm 5", null, 15, 15, 17, 0, null, null],
  // a bonus of 6 > 5: an error on its cell, never lowered to 5; its criteria give 30 + 20 + 30 + 20, but no total
  ["Xã Sơn Thủy", "Cụm 6", 30, 20, 30, 20, null, null, null],
  // 1000/1000 → 30; 40% → 15; 85% × 30 = 25,5; 100% → 20; +3 → 93,5
  ["Phường Thanh Bình", "Cụm 6", 30, 15, 25.5, 20, 3, 93.5, 6],
  // 63% ÷ 80% × 30 = 23,625; 25% → 10; 59% × 30 = 17,7; 82% × 20 = 16,4 → 67,725
  ["Xã Kim Sơn", "Cụm 6", 23.625, 10, 17.7, 16.4, 0, 67.725, 21],
  // 75% ÷ 80% × 30 = 28,125; 50% → 15; 77% × 30 = 23,1; 91% × 20 = 18,2 → 84,425
  ["Xã Thượng Lâm", "Cụm 6", 28.125, 15, 23.1, 18.2, 0, 84.425, 14],
  // no cluster: 82% → 30; 62% → 20; 85% × 30 = 25,5; 98% × 20 = 19,6 → 95,1
  ["Xã Hưng Long", null, 30, 20, 25.5, 19.6, 0, 95.1, 4],
];

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
    // 1 Minh Khai (Cụm 1) awarded; 2 Tân Lập: Cụm 1 has its 1; 3 Đông Hòa (Cụm 2) awarded; 4 Hưng Long: no
    // cluster to check; 5 Hòa Thuận (Cụm 5), 6 Thanh Bình (Cụm 6), 7 Bình An (Cụm 3) awarded: 5 places used;
    // 8 Phú Mỹ and everyone after: the places are taken
    const awarded = scored.outcome.units.filter((u) => u.awardCode === "commune_merit").map((u) => [u.rank, u.key]).sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(awarded).toEqual([[1, "Phường Minh Khai"], [3, "Phường Đông Hòa"], [5, "Xã Hòa Thuận"], [6, "Phường Thanh Bình"], [7, "Xã Bình An"]]);
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
