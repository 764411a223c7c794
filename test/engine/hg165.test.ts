import { combinedDistrictRatio, gapToFull, prizeForRank, scoreTable, scoreUnit, type UnitRow } from "../../src/engine";
import { getPlan } from "../../src/plans";

const P = getPlan("hg-165-2023");
const commune = (a: unknown, b: unknown, ea: unknown = 9, eb: unknown = 10) =>
  scoreUnit(P, "xa", { online_dossiers: a as never, all_dossiers: b as never, eid_activated: ea as never, citizens_with_cccd: eb as never });
const crit = (o: ReturnType<typeof commune>, id: string) => o.criteria.find((c) => c.id === id)!;

describe("hg-165 commune (§III.2.b): 100% → 60, below → r × 60, below 70% not considered; e-ID 90% → 40", () => {
  it("r = 89% → 0.89 × 60 = 53.4; e-ID 9/10 = 90% → 40; total 93.4", () => {
    const o = commune(89, 100);
    expect(o.status).toBe("scored");
    expect(crit(o, "online_ratio").points).toBeCloseTo(53.4, 10);
    expect(crit(o, "eid_ratio").points).toBe(40);
    expect(o.total).toBeCloseTo(93.4, 10);
    expect(crit(o, "online_ratio").explanation).toBe("r = 89,00% < 100% → 0,89 × 60 = 53,40");
    expect(crit(o, "eid_ratio").explanation).toBe("r = 90,00% ≥ 90% → 40 điểm tối đa");
  });
  it("exactly 100% → full 60; 27/30 e-ID = 90% → full 40", () => {
    const o = commune(100, 100, 27, 30);
    expect(crit(o, "online_ratio").full).toBe(true);
    expect(crit(o, "eid_ratio").full).toBe(true);
    expect(o.total).toBe(100);
  });
  it("e-ID just below 90%: 89/100 → 0.89 × 40 = 35.6", () => {
    const o = commune(100, 100, 89, 100);
    expect(crit(o, "eid_ratio").points).toBeCloseTo(35.6, 10);
    expect(crit(o, "eid_ratio").full).toBe(false);
  });
  it("exactly 70% (7/10) is considered: 0.7 × 60 = 42", () => {
    const o = commune(7, 10);
    expect(o.status).toBe("scored");
    expect(crit(o, "online_ratio").points).toBeCloseTo(42, 10);
  });
  it("69% is not considered: not_eligible / below_floor, no points (not 0)", () => {
    const o = commune(69, 100);
    expect(o.status).toBe("not_eligible");
    expect(o.reason).toBe("below_floor");
    expect(o.total).toBeNull();
    expect(crit(o, "online_ratio").points).toBeNull();
    expect(o.message).toMatch(/Không xét thi đua/);
  });
  it("b = 0 → no_data zero_denominator", () => {
    const o = commune(0, 0);
    expect(o.status).toBe("no_data");
    expect(o.reason).toBe("zero_denominator");
    expect(o.total).toBeNull();
  });
  it("b blank → no_data; a blank → missing_input", () => {
    expect(commune(5, "").status).toBe("no_data");
    expect(commune(5, null).reason).toBe("zero_denominator");
    const o = commune("", 10);
    expect(o.status).toBe("invalid_input");
    expect(o.reason).toBe("missing_input");
  });
  it("a > b → flagged, ratio capped at 100% → 60", () => {
    const o = commune(110, 100);
    expect(o.status).toBe("scored");
    expect(o.reason).toBe("numerator_exceeds_denominator");
    expect(crit(o, "online_ratio").ratio).toBe(1);
    expect(crit(o, "online_ratio").capped).toBe(true);
    expect(crit(o, "online_ratio").points).toBe(60);
    expect(o.findings.map((f) => f.code)).toContain("numerator_exceeds_denominator");
  });
  it.each([
    [-1, 10, "negative_count"], ["nhiều", 10, "invalid_input"], [{ error: "#REF!" }, 10, "invalid_input"], [2.5, 10, "not_integer"],
  ])("a = %p → invalid_input (%s)", (a, b, c) => {
    const o = commune(a, b);
    expect(o.status).toBe("invalid_input");
    expect(o.reason).toBe(c);
    expect(o.total).toBeNull();
  });
  it("counts typed as Vietnamese thousands", () => expect(commune("1.800", "2.000", "9.000", "10.000").total).toBeCloseTo(0.9 * 60 + 40, 10));
  it("province level is not in this plan", () => expect(scoreUnit(P, "tinh", {}).reason).toBe("not_applicable"));
});

describe("hg-165 district (§III.2.a): r = (own + mean of communes) / 2; 90% → 60; e-ID 80% → 40", () => {
  const district = (a: number, b: number, communeRatios: unknown[], ea = 8, eb = 10) =>
    scoreUnit(P, "huyen", { online_dossiers: a, all_dossiers: b, eid_activated: ea, citizens_with_cccd: eb }, { communeRatios: communeRatios as never });
  it("own 85%, communes 90% and 95% → r = (0.85 + 0.925)/2 = 0.8875 → 53.25; e-ID 80% → 40", () => {
    const o = district(85, 100, [0.9, "95%"]);
    const c = crit(o, "online_ratio");
    expect(c.ratio).toBeCloseTo(0.8875, 12);
    expect(c.points).toBeCloseTo(53.25, 10);
    expect(crit(o, "eid_ratio").points).toBe(40);
    expect(o.total).toBeCloseTo(93.25, 10);
  });
  it("combined exactly 90% through a mean: own 80%, communes 100% → 60", () => {
    const o = district(80, 100, [1, "100%"]);
    expect(crit(o, "online_ratio").full).toBe(true);
  });
  it("r = 92% → '60 điểm tối đa'", () => {
    expect(crit(district(92, 100, [0.92]), "online_ratio").explanation).toMatch(/= 92,00% ≥ 90% → 60 điểm tối đa$/);
  });
  it("e-ID 79% → 0.79 × 40 = 31.6", () => expect(crit(district(90, 100, [0.9], 79, 100), "eid_ratio").points).toBeCloseTo(31.6, 10));
  it("blank cells in the commune range are skipped", () => expect(crit(district(90, 100, [0.9, "", null]), "online_ratio").full).toBe(true));
  it("no commune ratios → no_data missing_communes", () => {
    const o = district(90, 100, []);
    expect(o.status).toBe("no_data");
    expect(o.reason).toBe("missing_communes");
  });
  it("a commune ratio typed as 85 → invalid", () => {
    const o = district(90, 100, [85]);
    expect(o.status).toBe("invalid_input");
    expect(o.findings.map((f) => f.code)).toContain("percent_out_of_range");
  });
  it("combinedDistrictRatio is the plain mean, not pooled", () => {
    expect(combinedDistrictRatio(0.8, [1, 0.5])).toBeCloseTo((0.8 + 0.75) / 2, 12);
    expect(() => combinedDistrictRatio(0.8, [])).toThrow();
  });
});

describe("gapToFull (b fixed)", () => {
  it.each([
    [26, 30, 0.9, 1], [27, 30, 0.9, 0], [80, 100, 0.9, 10], [95, 100, 1, 5], [0, 7, 0.9, 7], [79, 100, 0.8, 1], [899, 1000, 0.9, 1],
  ])("a=%p b=%p t=%p → %p", (a, b, t, x) => expect(gapToFull(a, b, t)).toBe(x));
  it("b = 0 throws", () => expect(() => gapToFull(1, 0, 0.9)).toThrow());
});

describe("prizeForRank (§IV.2.a, §IV.4)", () => {
  it("1/2/3 → 20/15/10 million and +3/+2/+1; 4 → none", () => {
    expect(prizeForRank(P, 1)).toMatchObject({ awardCode: "district_first", prize: 20_000_000, bonusPoints: 3 });
    expect(prizeForRank(P, 2)).toMatchObject({ awardCode: "district_second", prize: 15_000_000, bonusPoints: 2 });
    expect(prizeForRank(P, 3)).toMatchObject({ awardCode: "district_third", prize: 10_000_000, bonusPoints: 1 });
    expect(prizeForRank(P, 4)).toBeNull();
  });
});

// A realistic table: e-ID 100% everywhere (40 points), so a commune's total is 40 + r × 60 (100 at r = 100%).
const full = { eid_activated: 100, citizens_with_cccd: 100 };
const c = (key: string, group: string, a: number, extra: Record<string, unknown> = {}): UnitRow => ({
  key, group, level: "xa", values: { online_dossiers: a, all_dossiers: 100, ...full, ...extra } as never,
});
const d = (key: string, a: number): UnitRow => ({ key, group: key, level: "huyen", values: { online_dossiers: a, all_dossiers: 100, ...full } });

describe("hg-165 table: combined ratios, ranks, prizes and quotas", () => {
  const rows: UnitRow[] = [
    d("Phụng Hiệp", 80), d("Vị Thanh", 90), d("Châu Thành", 88), d("Ngã Bảy", 86), d("Long Mỹ", 95), d("Vị Thủy", 90),
    c("PH1", "Phụng Hiệp", 100), c("PH2", "phung hiep", 99), c("PH3", "PHỤNG HIỆP", 98),
    c("VT1", "Vị Thanh", 97), c("VT2", "Vị Thanh", 96), c("VT3", "Vị Thanh", 95),
    c("CT1", "Châu Thành", 94), c("CT2", "Châu Thành", 60),
    c("NB1", "Ngã Bảy", 93), c("NB2", "Ngã Bảy", 92),
    c("LM1", "Long Mỹ", 91),
  ];
  const t = scoreTable(P, rows);
  const u = (k: string) => t.units.find((x) => x.key === k)!;

  it("district combined ratios use the plain mean of all their communes (below-70% included)", () => {
    // Phụng Hiệp: (0.80 + (1 + 0.99 + 0.98)/3) / 2 = 0.895 → 53.7 + 40
    expect(u("Phụng Hiệp").total).toBeCloseTo(93.7, 9);
    // Châu Thành: (0.88 + (0.94 + 0.60)/2) / 2 = 0.825 → 49.5 + 40
    expect(u("Châu Thành").total).toBeCloseTo(89.5, 9);
    // Ngã Bảy: (0.86 + 0.925) / 2 = 0.8925 → 53.55 + 40
    expect(u("Ngã Bảy").total).toBeCloseTo(93.55, 9);
    expect(u("Vị Thanh").total).toBe(100);
    expect(u("Long Mỹ").total).toBe(100);
    expect(u("Vị Thủy").status).toBe("no_data");
    expect(u("Vị Thủy").reason).toBe("missing_communes");
  });
  it("districts tied at rank 1 share it (1, 1, 3, 4, 5); no prize is invented for the tie; rank 3 gets the Third prize", () => {
    expect([u("Vị Thanh").rank, u("Long Mỹ").rank, u("Phụng Hiệp").rank, u("Ngã Bảy").rank, u("Châu Thành").rank]).toEqual([1, 1, 3, 4, 5]);
    expect(u("Vị Thanh").award).toBeNull();
    expect(u("Long Mỹ").award).toBeNull();
    expect(u("Vị Thanh").findings.map((f) => f.code)).toContain("tie_unresolved");
    expect(u("Phụng Hiệp")).toMatchObject({ awardCode: "district_third", prize: 10_000_000, bonusPoints: 1 });
    expect(u("Ngã Bảy").award).toBeNull();
  });
  it("communes: 7 in all, at most 2 per district, in rank order", () => {
    const awarded = t.units.filter((x) => x.awardCode === "commune_merit").map((x) => x.key);
    expect(awarded).toEqual(["PH1", "PH2", "VT1", "VT2", "CT1", "NB1", "NB2"]);
    expect(u("PH3").award).toBeNull();
    expect(u("VT3").award).toBeNull();
    expect(u("LM1").award).toBeNull();
    expect(u("CT2").status).toBe("not_eligible");
    expect(u("CT2").rank).toBeNull();
    expect(u("PH3").rank).toBe(3);
    const total = t.quotas.find((q) => q.id === "communes_total")!;
    expect(total).toMatchObject({ limit: 7, used: 7 });
    for (const q of t.quotas.filter((q) => q.id === "communes_per_district")) expect(q.used).toBeLessThanOrEqual(2);
  });
  it("individuals quota per district: 2, Phụng Hiệp 3, Ngã Bảy 1", () => {
    const ind = (g: string) => t.quotas.find((q) => q.id === "individuals_per_district" && q.group === g)!.limit;
    expect(ind("Phụng Hiệp")).toBe(3);
    expect(ind("Ngã Bảy")).toBe(1);
    expect(ind("Vị Thanh")).toBe(2);
    expect(ind("Vị Thủy")).toBe(2);
  });
  it("prizes 1/2/3 when there is no tie (A: (0.95+0.8)/2 → 52.5+40; B 89.5; C 86.5; D 83.5)", () => {
    const t2 = scoreTable(P, [d("A", 95), d("B", 85), d("C", 75), d("D", 65), c("a", "A", 80), c("b", "B", 80), c("c", "C", 80), c("d", "D", 80)]);
    const p = (k: string) => t2.units.find((x) => x.key === k)!;
    expect(p("B").total).toBeCloseTo(89.5, 9);
    expect(p("A")).toMatchObject({ rank: 1, prize: 20_000_000, bonusPoints: 3 });
    expect(p("B")).toMatchObject({ rank: 2, prize: 15_000_000, bonusPoints: 2 });
    expect(p("C")).toMatchObject({ rank: 3, prize: 10_000_000, bonusPoints: 1 });
    expect(p("D")).toMatchObject({ rank: 4, prize: null, award: null });
  });
});

describe("hg-165 commune tie-break (§III.2.b): distinct filing accounts ÷ online dossiers", () => {
  it("higher accounts per dossier ranks first", () => {
    const t = scoreTable(P, [c("X", "A", 95, { filing_accounts: 50 }), c("Y", "B", 95, { filing_accounts: 80 }), c("Z", "C", 90, { filing_accounts: 90 })]);
    const r = (k: string) => t.units.find((x) => x.key === k)!;
    expect([r("Y").rank, r("X").rank, r("Z").rank]).toEqual([1, 2, 3]);
    expect(r("X").tied).toBe(false);
  });
  it("one blank cell among tied communes: the others are still ordered, the blank one is named and tied with them all", () => {
    const t = scoreTable(P, [c("X", "A", 95, { filing_accounts: 50 }), c("Y", "B", 95), c("Z", "C", 95, { filing_accounts: 80 }), c("W", "D", 90, { filing_accounts: 10 })]);
    const r = (k: string) => t.units.find((x) => x.key === k)!;
    expect([r("Y").rank, r("Z").rank, r("X").rank, r("W").rank]).toEqual([1, 1, 2, 4]);
    expect([r("Y").tied, r("Z").tied, r("X").tied, r("W").tied]).toEqual([true, true, true, false]);
    expect(t.findings.filter((f) => f.code === "missing_input").map((f) => f.key)).toEqual(["Y"]);
    expect(r("Y").findings.map((f) => f.code)).toContain("tie_needs_account_data");
    expect(r("X").findings.map((f) => f.code)).toContain("tie_unresolved");
  });
  it("without the column, tied communes share the rank and are flagged", () => {
    const t = scoreTable(P, [c("X", "A", 95), c("Y", "B", 95), c("Z", "C", 90)]);
    const r = (k: string) => t.units.find((x) => x.key === k)!;
    expect([r("X").rank, r("Y").rank, r("Z").rank]).toEqual([1, 1, 3]);
    expect(r("X").findings.map((f) => f.code)).toContain("tie_needs_account_data");
  });
  it("a tie across the 7th place awards neither and holds the place", () => {
    const rows = [
      c("a", "D1", 100), c("b", "D2", 99), c("c", "D3", 98), c("d", "D4", 97), c("e", "D5", 96), c("f", "D6", 95),
      c("g", "D7", 94), c("h", "D8", 94), c("i", "D9", 93),
    ];
    const t = scoreTable(P, rows);
    const awarded = t.units.filter((x) => x.awardCode).map((x) => x.key);
    expect(awarded).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(t.units.find((x) => x.key === "g")!.findings.map((f) => f.code)).toContain("tie_unresolved");
    expect(t.quotas.find((q) => q.id === "communes_total")).toMatchObject({ used: 6, pending: 1 });
  });
  it("a commune with no district is scored and ranked but not awarded", () => {
    const t = scoreTable(P, [{ key: "x", level: "xa", values: { online_dossiers: 100, all_dossiers: 100, ...full } }]);
    expect(t.units[0].rank).toBe(1);
    expect(t.units[0].award).toBeNull();
    expect(t.findings.map((f) => f.code)).toContain("unknown_group");
  });
});

describe("reading hg165_mean_members: a district whose mean leaves communes out", () => {
  // A: (0.95 + mean(1, 0.8)) / 2 = 0.925 → 60 + 40 = 100 with its blank commune left out; B 89.5; C 86.5
  const rows = (aBlank: unknown): UnitRow[] => [
    d("A", 95), d("B", 85), d("C", 75),
    c("a1", "A", 100), c("a2", "A", 80), c("a3", "A", aBlank as number), c("b1", "B", 80), c("c1", "C", 80),
  ];
  const t = scoreTable(P, rows(null));
  const u = (k: string) => t.units.find((x) => x.key === k)!;

  it("keeps the points of the communes counted, and is flagged naming the commune left out", () => {
    expect(u("A")).toMatchObject({ status: "scored", rank: 1 });
    expect(u("A").total).toBeCloseTo(100, 9);
    expect(u("A").criteria[0].communeCount).toBe(2);
    expect(u("A").findings).toEqual([{ code: "communes_left_out", detail: { count: 1, units: "a3", used: 2 } }]);
    expect(u("A").message).toMatch(/thiếu 1 xã \(a3\)/);
    expect(t.findings).toContainEqual({ code: "communes_left_out", detail: { count: 1, units: "a3", used: 2 }, key: "A" });
  });
  it("its prize is held, not passed down: the next districts keep the prizes of their own ranks", () => {
    expect(u("A")).toMatchObject({ award: null, awardCode: null, prize: null, bonusPoints: null });
    expect(u("A").awardReason).toEqual({ code: "award_mean_incomplete", detail: { count: 1, units: "a3", rank: 1 }, source: "000_e8cf8ffdb6dfbfb5.txt §III.2.a" });
    expect(u("B")).toMatchObject({ rank: 2, awardCode: "district_second", prize: 15_000_000 });
    expect(u("C")).toMatchObject({ rank: 3, awardCode: "district_third", prize: 10_000_000 });
    expect(t.units.some((x) => x.awardCode === "district_first")).toBe(false);
  });
  it("a commune with a bad figure is left out as a blank one is; once it is complete the district is awarded", () => {
    expect(scoreTable(P, rows("n/a")).units.find((x) => x.key === "A")!.awardReason?.code).toBe("award_mean_incomplete");
    const complete = scoreTable(P, rows(90)).units.find((x) => x.key === "A")!;
    expect(complete).toMatchObject({ awardCode: "district_first", awardReason: null, findings: [] });
  });
  it("a district past the prizes is told why too, with no prize to hold", () => {
    const t2 = scoreTable(P, [d("A", 95), d("B", 85), d("C", 75), d("D", 65), c("a", "A", 80), c("b", "B", 80), c("c", "C", 80), c("d", "D", 80), c("d2", "D", "" as never)]);
    const dd = t2.units.find((x) => x.key === "D")!;
    expect(dd.rank).toBe(4);
    expect(dd.awardReason).toEqual({ code: "award_mean_incomplete", detail: { count: 1, units: "d2" }, source: "000_e8cf8ffdb6dfbfb5.txt §III.2.a" });
  });
  it("a commune below 70% is in the mean, not left out", () => {
    const t2 = scoreTable(P, [d("A", 95), c("a1", "A", 100), c("a2", "A", 60)]);
    expect(t2.units[0]).toMatchObject({ awardCode: "district_first", findings: [] });
  });
});

describe("reading hg165_no_district for a district that is not in the table", () => {
  const district = (name: string): UnitRow => ({ key: name, level: "huyen", values: { online_dossiers: 95, all_dossiers: 100, ...full } });
  const commune = (key: string, group: string, a: number): UnitRow => ({ key, group, level: "xa", values: { online_dossiers: a, all_dossiers: 100, ...full } });
  it("a misspelt district does not open a second 2-place allowance: its communes are ranked, not awarded", () => {
    const t = scoreTable(P, [
      district("Huyện Châu Thành"),
      commune("a", "Huyện Châu Thành", 100), commune("b", "Huyện Châu Thành", 99),
      commune("c", "Huyện Châu Thàn", 98), commune("d", "Huyện Châu Thàn", 97),
    ]);
    const u = (k: string) => t.units.find((x) => x.key === k)!;
    expect(["a", "b", "c", "d"].map((k) => u(k).awardCode !== null)).toEqual([true, true, false, false]);
    expect([u("c").rank, u("d").rank]).toEqual([3, 4]);
    expect(t.findings.filter((f) => f.code === "unknown_group").map((f) => f.key)).toEqual(["c", "d"]);
  });
  it("a table of communes only counts the limit by the district names written on them", () => {
    const t = scoreTable(P, [commune("a", "Huyện X", 100), commune("b", "Huyện X", 99), commune("c", "Huyện X", 98), commune("d", "Huyện Y", 97)]);
    expect(t.units.map((x) => x.awardCode !== null)).toEqual([true, true, false, true]);
  });
});

describe("scoreTable option explain: false", () => {
  it("gives the same points, ranks and awards without explanation strings", () => {
    const rows = [d("A", 95), d("B", 85), c("a1", "A", 100), c("a2", "A", 89), c("b1", "B", 69), c("b2", "B", 0, { all_dossiers: 0 })];
    const full = scoreTable(P, rows);
    const lean = scoreTable(P, rows, { explain: false });
    const pick = (t: typeof full) => t.units.map((u) => [u.key, u.status, u.reason, u.total, u.rank, u.awardCode]);
    expect(pick(lean)).toEqual(pick(full));
    expect(lean.units.find((u) => u.key === "a2")!.explanation).toBe("");
    expect(full.units.find((u) => u.key === "a2")!.explanation).toMatch(/0,89 × 60 = 53,40/);
  });
});

describe("counts above 2^53 cannot be held exactly: refused on every path, never scored", () => {
  const row = (b: number): UnitRow => ({ key: "Xã A", group: "Huyện X", level: "xa", values: { online_dossiers: 90, all_dossiers: 100, eid_activated: 9, citizens_with_cccd: b } });
  it.each([
    ["at 2^53 − 1, scored", Number.MAX_SAFE_INTEGER, "scored"],
    ["at 2^53, refused", 2 ** 53, "invalid_input"],
    ["1e20, refused", 1e20, "invalid_input"],
  ])("citizens_with_cccd %s (scoreUnit and scoreTable agree)", (_, b, status) => {
    expect(commune(90, 100, 9, b).status).toBe(status);
    expect(scoreTable(P, [row(b)]).units[0].status).toBe(status);
  });
});
