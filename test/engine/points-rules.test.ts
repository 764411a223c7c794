/**
 * Points below the threshold by the criterion's rule (RatioCriterion.below, bands) and bonus points
 * (Plan.bonuses), on the sample plan of 2026 read from its file: every bound exactly, just below,
 * and every way a bonus cell can be wrong.
 */
import * as fs from "fs";
import * as path from "path";
import { ratioPoints, scoreTable, scoreUnit } from "../../src/engine";
import type { CellInput, Plan, RatioCriterion } from "../../src/engine";

const plan = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "samples", "minh-son-2026.plan.json"), "utf8")) as Plan;
const crit = (id: string) => plan.criteria.find((c) => c.id === id) as RatioCriterion;

/** Figures of a commune that gets full points everywhere, with `over` replacing some. */
function values(over: Record<string, CellInput> = {}): Record<string, CellInput> {
  return {
    online_dossiers: 90, all_dossiers: 100, paid_online: 70, fee_dossiers: 100, digitised: 100, resolved: 100, satisfied: 100, ratings: 100,
    initiative_points: null, ...over,
  };
}

describe("points below the threshold", () => {
  it("to_threshold: r ÷ threshold × max below it, max at and above it", () => {
    const c = crit("online_ratio");
    expect(ratioPoints(0.72, c)).toEqual({ points: expect.closeTo(27, 9), full: false, explanation: "r = 72,00% < 80% → 72,00% ÷ 80% × 30 = 27,00" });
    expect(ratioPoints(0.8, c)).toMatchObject({ points: 30, full: true, explanation: "r = 80,00% ≥ 80% → 30 điểm tối đa" });
    // 0.7 + 0.1 is 0.7999999999999999: at the threshold by the tolerance
    expect(ratioPoints(0.7 + 0.1, c).full).toBe(true);
    expect(ratioPoints(0.799, c).points).toBeCloseTo(29.9625, 9);
  });

  it("bands: each bound is met exactly, just below it is the band under it, below all 0", () => {
    const c = crit("online_payment");
    const at = (r: number) => ratioPoints(r, c).points;
    expect([at(1), at(0.6), at(0.5999), at(0.4), at(0.3999), at(0.2), at(0.1999), at(0)]).toEqual([20, 20, 15, 15, 10, 10, 0, 0]);
    expect(ratioPoints(0.45, c).explanation).toBe("r = 45,00% ≥ 40% → 15 điểm (bậc ≥ 40%)");
    expect(ratioPoints(0.15, c).explanation).toBe("r = 15,00% < 20% → 0 điểm (dưới bậc thấp nhất)");
  });

  it("bands listed in any order give the same points", () => {
    const c = crit("online_payment");
    const shuffled = { ...c, bands: [c.bands![2], c.bands![0], c.bands![1]] };
    for (const r of [0.61, 0.45, 0.2, 0.05]) expect(ratioPoints(r, shuffled)).toEqual(ratioPoints(r, c));
  });

  it("proportional written out is the default: r × max", () => {
    const c = crit("digitisation");
    const { below: _b, ...plain } = c;
    expect(ratioPoints(0.95, c)).toEqual(ratioPoints(0.95, plain));
    expect(ratioPoints(0.95, c).explanation).toBe("r = 95,00% < 100% → 0,95 × 30 = 28,50");
  });

  it("a table's units share explanation texts by their keys: the same percent in two bands is told apart", () => {
    // 39,999% and 40% both show "40,00%": one is band 20 (10 points), the other band 40 (15)
    const rows = [0.39999, 0.4, 0.39999].map((r, i) => ({
      key: `Xã ${i}`, group: `Cụm ${i}`, level: "xa" as const, values: values({ paid_online: Math.round(r * 100000), fee_dossiers: 100000 }),
    }));
    const t = scoreTable(plan, rows);
    expect(t.units.map((u) => u.criteria[1].points)).toEqual([10, 15, 10]);
    expect(t.units.map((u) => u.criteria[1].explanation)).toEqual([
      "r = 40,00% ≥ 20% → 10 điểm (bậc ≥ 20%)", "r = 40,00% ≥ 40% → 15 điểm (bậc ≥ 40%)", "r = 40,00% ≥ 20% → 10 điểm (bậc ≥ 20%)",
    ]);
  });
});

describe("bonus points", () => {
  const score = (bonus: CellInput, p: Plan = plan) => scoreUnit(p, "xa", values({ initiative_points: bonus }));

  it.each([
    [0, 100], [5, 105], [2.5, 102.5], ["4,5", 104.5], ["3", 103],
  ] as [CellInput, number][])("%p is added to the total: %p", (cell, total) => {
    const o = score(cell);
    expect(o.status).toBe("scored");
    expect(o.total).toBeCloseTo(total, 9);
    expect(o.maxTotal).toBe(100);
  });

  it("a blank cell is no bonus because the plan says so in a reading (bonus_blank_none)", () => {
    const o = score(null);
    expect([o.status, o.total, o.bonuses?.[0].points, o.bonuses?.[0].blank]).toEqual(["scored", 100, 0, true]);
    expect(o.explanation).toMatch(/ô trống → không có điểm thưởng → tổng = 100,00\/100$/);
  });

  it("without that reading a blank is a missing figure, never 0", () => {
    const strict = { ...plan, bonuses: plan.bonuses!.map(({ blankReading: _r, ...b }) => b) };
    const o = score(null, strict);
    expect([o.status, o.reason, o.total]).toEqual(["invalid_input", "missing_input", null]);
    expect(o.findings).toEqual([{ code: "missing_input", input: "initiative_points", detail: { input: "Điểm thưởng sáng kiến" } }]);
  });

  it.each([
    [6, "bonus_out_of_range", "6"], [5.01, "bonus_out_of_range", "5.01"], [-1, "bonus_out_of_range", "-1"], ["6", "bonus_out_of_range", "6"],
    ["có", "invalid_input", "có"], [true, "invalid_input", "true"], [{ error: "#N/A" }, "invalid_input", "#N/A"],
  ] as [CellInput, string, string][])("%p is an error on the bonus cell (%s), not capped", (cell, code, shown) => {
    const o = score(cell);
    expect([o.status, o.reason, o.total]).toEqual(["invalid_input", code, null]);
    expect(o.findings).toEqual([{ code, input: "initiative_points", detail: expect.objectContaining({ input: "Điểm thưởng sáng kiến", value: shown }) }]);
    expect(o.bonuses?.[0].points).toBeNull();
  });

  it("a unit not considered keeps that status when its bonus is also wrong, and both are said", () => {
    const o = scoreUnit(plan, "xa", values({ online_dossiers: 40, initiative_points: 9 }));
    expect(o.status).toBe("not_eligible");
    expect(o.findings.map((f) => f.code)).toEqual(["below_floor", "bonus_out_of_range"]);
  });
});
