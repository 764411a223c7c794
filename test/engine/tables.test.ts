import { estimate766, scoreTable, type UnitRow } from "../../src/engine";
import { getPlan } from "../../src/plans";

describe("np-236 (§III.2): provincial 1 + 1, district 4 departments + 7 communes", () => {
  const dep = (k: string, s: number): UnitRow => ({ key: k, level: "huyen", values: { score: s } });
  const com = (k: string, s: number): UnitRow => ({ key: k, level: "xa", values: { score: s } });
  const rows = [
    ...[95, 90, 85, 80, 75, 70].map((s, i) => dep(`P${i + 1}`, s)),
    ...[99, 98, 97, 96, 95, 94, 93, 92, 91, 90].map((s, i) => com(`X${i + 1}`, s)),
  ];
  it("default reading: the provincial awardee is not counted in the district quota", () => {
    const t = scoreTable(getPlan("np-236-2022"), rows);
    const code = (k: string) => t.units.find((u) => u.key === k)!.awardCode;
    expect(code("P1")).toBe("np236_province");
    expect(["P2", "P3", "P4", "P5"].map(code)).toEqual(Array(4).fill("np236_district"));
    expect(code("P6")).toBeNull();
    expect(code("X1")).toBe("np236_province");
    expect(["X2", "X3", "X4", "X5", "X6", "X7", "X8"].map(code)).toEqual(Array(7).fill("np236_district"));
    expect(code("X9")).toBeNull();
  });
  it("option: the provincial awardee counts in the district quota", () => {
    const t = scoreTable(getPlan("np-236-2022"), rows, { provincialCountsInDistrict: true });
    const code = (k: string) => t.units.find((u) => u.key === k)!.awardCode;
    expect(["P2", "P3", "P4"].map(code)).toEqual(Array(3).fill("np236_district"));
    expect(code("P5")).toBeNull();
    expect(code("X7")).toBe("np236_district");
    expect(code("X8")).toBeNull();
  });
  it("without a score column: equal-weight mean of the five criteria, labelled the user's own", () => {
    const r = (k: string, xs: number[]): UnitRow => ({ key: k, level: "xa", values: { dung_han: xs[0], so_hoa: xs[1], hai_long: xs[2], truc_tuyen: xs[3], buu_chinh: xs[4] } });
    const t = scoreTable(getPlan("np-236-2022"), [r("A", [1, 0.5, 1, 0.5, 1]), r("B", [0.9, 0.9, 0.9, 0.9, 0.9])]);
    expect(t.units[0].total).toBeCloseTo(0.8, 12);
    expect(t.units[1].total).toBeCloseTo(0.9, 12);
    expect(t.units[1].rank).toBe(1);
    expect(t.units[0].explanation).toMatch(/riêng của người dùng/);
    const w = scoreTable(getPlan("np-236-2022"), [r("A", [1, 0.5, 1, 0.5, 1])], { weights: [0, 1, 0, 1, 0] });
    expect(w.units[0].total).toBeCloseTo(0.5, 12);
  });
  it("a tie across the provincial place is not awarded", () => {
    const t = scoreTable(getPlan("np-236-2022"), [dep("A", 90), dep("B", 90), dep("C", 80)]);
    expect(t.units.map((u) => u.awardCode)).toEqual([null, null, null]);
    expect(t.units[0].findings.map((f) => f.code)).toContain("tie_unresolved");
  });
});

describe("ls-170 award (§V.2.b): targets 1 and 2 met and a solution", () => {
  const row = (k: string, sol: unknown, so = "60%"): UnitRow => ({
    key: k, level: "xa",
    values: { so_hoa: so, dvc_co_ho_so: "70%", assigned_dvc_co_ho_so: "65%", ho_so_truc_tuyen: 0.65, assigned_ho_so_truc_tuyen: 0.6, giai_phap: sol as never },
  });
  it("awarded only with all three met and 'có'", () => {
    const t = scoreTable(getPlan("ls-170-2023"), [row("A", "có"), row("B", "không"), row("C", "Có", "54%")]);
    expect(t.units.map((u) => u.awardCode)).toEqual(["ls170_merit", null, null]);
    expect(t.units[0].total).toBe(3);
    expect(t.units[2].total).toBe(2);
  });
});

describe("QĐ 766 groups: 18/20/22/22/18 and the portal's 12 + 10; totals are estimates", () => {
  const plan = getPlan("qd-766");
  it("maxima", () => {
    expect(plan.groups!.classic.map((g) => g.maxPoints)).toEqual([18, 20, 22, 22, 18]);
    expect(plan.groups!.portal.map((g) => g.maxPoints)).toEqual([18, 20, 22, 12, 10, 18]);
  });
  it("Ia Tơr 2023 headline ratios give 18 + 18.048 + 4.29 + 0.024 + 0 + 18 = 58.362, an estimate", () => {
    const o = estimate766(plan, { cong_khai: 1, tien_do: "90,24%", so_hoa: "19,5%", dvc_truc_tuyen: "0,2%", thanh_toan: 0, hai_long: "100%" });
    expect(o.total).toBeCloseTo(58.362, 9);
    expect(o.reason).toBe("estimate");
    expect(o.message).toMatch(/Ước tính/);
    expect(o.message).toMatch(/không phải điểm chính thức/);
  });
  it("a missing group → no total", () => expect(estimate766(plan, { cong_khai: 1 }).total).toBeNull());
});
