/**
 * Tiers at their exact bounds (Bắc Ninh: above 94 xuất sắc, 90 to 94 tốt, below 90 cần cải thiện;
 * An Giang: below 80 cần cải thiện gấp, 80 to 90 cần chú ý, nothing above 90), the next tier and its
 * gap, the gap to the unit above, and ranks within cohorts. Figures worked out by hand.
 */
import { nextTierOf, scoreTable, tierOf, tierRangeVi, type UnitResult } from "../../src/engine";
import { getPlan } from "../../src/plans";
import { AN_GIANG_TIERS, bacNinhPlan, BAC_NINH_TIERS, unit } from "./index-plans";

const SRC = "test §1";
const byKey = (units: UnitResult[], k: string) => units.find((u) => u.key === k)!;

describe("Bắc Ninh's tiers at their bounds, on totals made of decimals", () => {
  const plan = bacNinhPlan();
  // 17,75 + 19,5 + 11,25 + 9,5 + 21 = 79: the last group makes the total
  const base = [17.75, 19.5, 11.25, 9.5, 21];
  const t = scoreTable(plan, [
    unit("94,01", [...base, 15.01]),
    unit("94", [...base, 15]),
    unit("93,99", [...base, 14.99]),
    unit("90", [...base, 11]),
    unit("89,99", [...base, 10.99]),
    // 17,6 + 19,7 + 11,1 + 9,3 + 21,1 + 15,2 = 94 and 17,1 + 19,2 + 11,3 + 9,4 + 21,7 + 11,3 = 90: tenths
    // that a float sum misses by an ulp (94,00000000000001 and 89,99999999999999)
    unit("94 of tenths", [17.6, 19.7, 11.1, 9.3, 21.1, 15.2]),
    unit("90 of tenths", [17.1, 19.2, 11.3, 9.4, 21.7, 11.3]),
  ]);
  const tier = (k: string) => byKey(t.units, k).tier?.label;

  it("94,01 is above 94: xuất sắc; 94 exactly is tốt (from 90 to 94 inclusive); 93,99 tốt", () => {
    expect(byKey(t.units, "94,01").total).toBe(94.01);
    expect(tier("94,01")).toBe("xuất sắc");
    expect(byKey(t.units, "94").total).toBe(94);
    expect(tier("94")).toBe("tốt");
    expect(tier("93,99")).toBe("tốt");
  });

  it("90 exactly is tốt, 89,99 cần cải thiện (a tier the bulletin lists: attention)", () => {
    expect(tier("90")).toBe("tốt");
    expect(tier("89,99")).toBe("cần cải thiện");
    expect(byKey(t.units, "89,99").tier).toEqual({ id: "can_cai_thien", label: "cần cải thiện", attention: true });
    expect(byKey(t.units, "90").tier?.attention).toBe(false);
  });

  it("sums of tenths equal to 94 and 90 are those bounds exactly", () => {
    expect(byKey(t.units, "94 of tenths").total).toBe(94);
    expect(tier("94 of tenths")).toBe("tốt");
    expect(byKey(t.units, "90 of tenths").total).toBe(90);
    expect(tier("90 of tenths")).toBe("tốt");
  });

  it("the next tier up and the points to it: exclusive above 94 (more than the gap), inclusive from 90", () => {
    expect(byKey(t.units, "94,01").nextTier).toBeNull();
    expect(byKey(t.units, "94").nextTier).toEqual({ id: "xuat_sac", label: "xuất sắc", attention: false, bound: { value: 94, inclusive: false }, gap: 0 });
    expect(byKey(t.units, "93,99").nextTier?.gap).toBe(0.01);
    expect(byKey(t.units, "90").nextTier?.gap).toBe(4);
    expect(byKey(t.units, "89,99").nextTier).toEqual({ id: "tot", label: "tốt", attention: false, bound: { value: 90, inclusive: true }, gap: 0.01 });
  });

  it("the explanation ends with the tier and its range as the plan writes it", () => {
    expect(byKey(t.units, "94,01").explanation).toMatch(/ = 94,01; xếp loại xuất sắc \(trên 94\)$/);
    expect(byKey(t.units, "89,99").explanation).toMatch(/ = 89,99; xếp loại cần cải thiện \(dưới 90\)$/);
  });

  it("units not scored have no tier and no next tier", () => {
    const s = scoreTable(plan, [unit("bad", [17, 19, 13, 9, 21, 16]), unit("idle", [null, null, null, null, null, null], { ho_so: 0 })]);
    expect(s.units.map((u) => [u.tier, u.nextTier, u.gapAbove])).toEqual([[null, null, null], [null, null, null]]);
  });
});

describe("An Giang's tiers: below 80, from 80 to 90, none above 90", () => {
  const plan = bacNinhPlan({ tiers: { tiers: AN_GIANG_TIERS, source: SRC } });
  const base = [17, 19, 11, 9, 20]; // 76
  const t = scoreTable(plan, [unit("79,99", [...base, 3.99]), unit("80", [...base, 4]), unit("90", [...base, 14]), unit("90,01", [...base, 14.01])]);

  it("79,99 needs urgent improvement, 80 and 90 attention, 90,01 is in no tier", () => {
    expect(t.units.map((u) => [u.total, u.tier?.label ?? null])).toEqual([[79.99, "cần cải thiện gấp"], [80, "cần chú ý"], [90, "cần chú ý"], [90.01, null]]);
  });

  it("79,99 is 0,01 from cần chú ý (from 80); 80 and 90 are in the top tier; above every tier, no next", () => {
    expect(byKey(t.units, "79,99").nextTier).toEqual({ id: "can_chu_y", label: "cần chú ý", attention: false, bound: { value: 80, inclusive: true }, gap: 0.01 });
    expect(t.units.slice(1).map((u) => u.nextTier)).toEqual([null, null, null]);
  });

  it("a unit in no tier has no tier words in its explanation", () => {
    expect(byKey(t.units, "90,01").explanation).toMatch(/ = 90,01$/);
  });
});

describe("the gap to the unit ranked above", () => {
  it("95, 92, 92, 88 → none, 3, 3, 4 (the tied pair shares the gap, 88 is measured to 92)", () => {
    const t = scoreTable(bacNinhPlan(), [
      unit("A", [18, 20, 12, 10, 22, 13]), // 95
      unit("B", [18, 20, 12, 10, 22, 10]), // 92
      unit("C", [17, 20, 12, 10, 22, 11]), // 92
      unit("D", [18, 20, 12, 10, 18, 10]), // 88
      unit("E", [18, 20, 12, 10, 17.5, 10]), // 87,5
    ]);
    expect(t.units.map((u) => [u.rank, u.gapAbove])).toEqual([[1, null], [2, 3], [2, 3], [4, 4], [5, 0.5]]);
  });

  it("tied first: no gap for either", () => {
    const t = scoreTable(bacNinhPlan(), [unit("A", [18, 20, 12, 10, 22, 10]), unit("B", [18, 20, 12, 10, 22, 10])]);
    expect(t.units.map((u) => u.gapAbove)).toEqual([null, null]);
  });
});

describe("ranks within cohorts", () => {
  it("two cohorts of one level, folded as keys (Phường, phường), ties share a cohort rank", () => {
    const t = scoreTable(bacNinhPlan(), [
      unit("P1", [18, 20, 12, 10, 22, 13], { khoi: "Phường" }), // 95, level rank 1
      unit("X1", [18, 20, 12, 10, 22, 10], { khoi: "Xã" }), // 92, 2
      unit("P2", [17, 20, 12, 10, 22, 11], { khoi: "phường " }), // 92, 2
      unit("X2", [18, 20, 12, 10, 18, 10], { khoi: "Xã" }), // 88, 4
      unit("X3", [18, 20, 12, 10, 18, 10], { khoi: "xã" }), // 88, 4
      unit("X4", [18, 20, 12, 10, 17, 10], { khoi: "Xã" }), // 87, 6
      unit("S1", [18, 20, 12, 10, 10, 10], { khoi: "Sở, ngành" }, "tinh"), // 80, rank 1 of its level
    ]);
    expect(t.units.map((u) => [u.key, u.rank, u.cohort, u.cohortRank])).toEqual([
      ["P1", 1, "Phường", 1],
      ["X1", 2, "Xã", 1],
      ["P2", 2, "phường", 2],
      ["X2", 4, "Xã", 2],
      ["X3", 4, "xã", 2],
      ["X4", 6, "Xã", 4],
      ["S1", 1, "Sở, ngành", 1],
    ]);
  });

  it("a blank cohort cell of the required input is a missing figure; the unit keeps its level rank", () => {
    const t = scoreTable(bacNinhPlan(), [unit("A", [18, 20, 12, 10, 22, 13], { khoi: null }), unit("B", [18, 20, 12, 10, 22, 10])]);
    const a = byKey(t.units, "A");
    expect(a.rank).toBe(1);
    expect([a.cohort, a.cohortRank]).toEqual([null, null]);
    expect(a.findings).toEqual([{ code: "missing_input", input: "khoi", detail: { input: "Khối" } }]);
    expect(t.findings).toContainEqual({ code: "missing_input", input: "khoi", detail: { input: "Khối" }, key: "A" });
    // B is the first of its cohort: A has none
    expect(byKey(t.units, "B").cohortRank).toBe(1);
  });

  it("an unranked unit has its cohort and no cohort rank", () => {
    const t = scoreTable(bacNinhPlan(), [unit("Z", [null, null, null, null, null, null], { ho_so: 0 })]);
    expect([t.units[0].cohort, t.units[0].cohortRank]).toEqual(["Xã", null]);
  });
});

describe("the same pass on a ratio-points plan", () => {
  // hg-165 communes: online ratio 100% → 60 points, else r × 60 (floor 70%); eID ≥ 90% → 40
  const hg = getPlan("hg-165-2023");
  const row = (key: string, online: number) => ({ key, level: "xa" as const, group: "Vị Thanh", values: { online_dossiers: online, all_dossiers: 100, eid_activated: 95, citizens_with_cccd: 100 } });
  // A: 0,98 × 60 + 40 = 98,8; C: 0,87 × 60 + 40 = 92,2; B: 0,8 × 60 + 40 = 88
  const rows = [row("A", 98), row("C", 87), row("B", 80)];

  it("hg-165 with tiers: tiers, next tiers and gaps on its totals", () => {
    const t = scoreTable({ ...hg, tiers: { tiers: BAC_NINH_TIERS, source: SRC, levels: ["xa"] } }, rows);
    expect(t.units.map((u) => [u.key, u.rank, u.tier?.id, u.nextTier?.gap ?? null, u.gapAbove])).toEqual([
      ["A", 1, "xuat_sac", null, null],
      ["C", 2, "tot", 1.8, 6.6],
      ["B", 3, "can_cai_thien", 2, 4.2],
    ]);
    expect(byKey(t.units, "C").explanation).toMatch(/→ tổng = 92,20\/100; xếp loại tốt \(từ 90 đến 94\)$/);
  });

  it("hg-165 as built in: nothing is added", () => {
    const t = scoreTable(hg, rows);
    for (const u of t.units) for (const k of ["tier", "nextTier", "gapAbove", "cohort", "cohortRank"]) expect(u).not.toHaveProperty(k);
  });
});

describe("tierOf and nextTierOf on their own", () => {
  it("the ends: above the top tier's bound nothing is above; a bound on both sides exclusive", () => {
    const tiers = [{ id: "a", label: "a", min: { value: 50, inclusive: false }, max: { value: 60, inclusive: false } }];
    expect(tierOf(tiers, 50)).toBeNull();
    expect(tierOf(tiers, 50.01)?.id).toBe("a");
    expect(tierOf(tiers, 60)).toBeNull();
    expect(nextTierOf(tiers, 50)?.gap).toBe(0);
    expect(nextTierOf(tiers, 55)).toBeNull();
  });
  it("Bắc Ninh: a total of 70 is 20 from tốt, not 24 from xuất sắc", () => {
    expect(nextTierOf(BAC_NINH_TIERS, 70)).toMatchObject({ id: "tot", gap: 20 });
  });
});

describe("tierRangeVi: bounds in the plans' words", () => {
  it.each([
    [{ min: { value: 94, inclusive: false } }, "trên 94"],
    [{ min: { value: 90, inclusive: true }, max: { value: 94, inclusive: true } }, "từ 90 đến 94"],
    [{ max: { value: 90, inclusive: false } }, "dưới 90"],
    [{ min: { value: 80, inclusive: true }, max: { value: 90, inclusive: false } }, "từ 80 đến dưới 90"],
    [{ min: { value: 95, inclusive: true } }, "từ 95 trở lên"],
    [{ min: { value: 90.5, inclusive: false }, max: { value: 94.25, inclusive: true } }, "trên 90,5 đến 94,25"],
    [{ max: { value: 60, inclusive: true } }, "từ 60 trở xuống"],
  ])("%j → %s", (tier, text) => expect(tierRangeVi(tier)).toBe(text));
});
