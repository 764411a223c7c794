// Expected values from PLANS.md: ls-170-2023 §II, hg-126-2023 Annex I, iator-32-2024 §III.1, hg-165 §IV.
import { lsTarget, lsMet, hg126Target, hg126Met, iatorTarget, iatorMet, iatorDay, rank, hgPrize, hgBonus, hgAward } from "../../src/functions/functions";
import { expectError, run } from "./helpers";

describe("LS_TARGET / LS_MET", () => {
  test("so_hoa by level: 70% / 60% / 55%", () => {
    expect(run(lsTarget, "tinh", "so_hoa")).toBeCloseTo(0.7, 12);
    expect(run(lsTarget, "huyện", "so_hoa")).toBeCloseTo(0.6, 12);
    expect(run(lsTarget, "xa", "so_hoa")).toBeCloseTo(0.55, 12);
    expect(run(lsTarget, "xa", "he_thong")).toBeCloseTo(1, 12);
  });
  test("assigned target + 5 percentage points", () => {
    expect(run(lsTarget, "xa", "ho_so_truc_tuyen", 0.8)).toBeCloseTo(0.85, 12);
    expect(run(lsTarget, "huyen", "dvc_co_ho_so", "80%")).toBeCloseTo(0.85, 12);
    expectError(run(lsTarget, "xa", "ho_so_truc_tuyen"), "#N/A");
  });
  test("errors: unknown level, unknown indicator, blank", () => {
    expectError(run(lsTarget, "thon", "so_hoa"), "#VALUE!");
    expectError(run(lsTarget, "xa", "khong_co"), "#VALUE!");
    expectError(run(lsTarget, "xa", null), "#N/A");
  });
  test("met exactly at the target, not just below; percent forms", () => {
    expect(run(lsMet, "xa", "so_hoa", 0.55)).toBe(true);
    expect(run(lsMet, "xa", "so_hoa", "55%")).toBe(true);
    expect(run(lsMet, "xa", "so_hoa", "54,9%")).toBe(false);
    expect(run(lsMet, "xa", "so_hoa", 0.5499)).toBe(false);
    expectError(run(lsMet, "xa", "so_hoa", 55), "#VALUE!");
    expectError(run(lsMet, "xa", "so_hoa", "abc"), "#VALUE!");
    expectError(run(lsMet, "xa", "so_hoa", null), "#N/A");
  });
  test("a column of levels spills", () => {
    const v = lsTarget([["tinh"], ["huyen"], ["x"], ["xa"]], [["so_hoa"]]);
    expect(v[0][0]).toBeCloseTo(0.7, 12);
    expect(v[1][0]).toBeCloseTo(0.6, 12);
    expectError(v[2][0], "#VALUE!");
    expect(v[3][0]).toBeCloseTo(0.55, 12);
  });
});

describe("HG126_TARGET / HG126_MET", () => {
  test("Annex I targets", () => {
    expect(run(hg126Target, "I.1")).toBeCloseTo(0.4, 12);
    expect(run(hg126Target, "II.2")).toBeCloseTo(0.9, 12);
    expect(run(hg126Target, "IV")).toBeCloseTo(0.95, 12);
    expect(run(hg126Target, "V")).toBeCloseTo(1, 12);
    expectError(run(hg126Target, "X.9"), "#VALUE!");
  });
  test("met / not met at the boundary", () => {
    expect(run(hg126Met, "II.2", 0.9)).toBe(true);
    expect(run(hg126Met, "II.2", "90%")).toBe(true);
    expect(run(hg126Met, "II.2", "89,9%")).toBe(false);
    expectError(run(hg126Met, "II.2", { error: "#N/A" }), "#VALUE!");
  });
});

describe("iator-32-2024", () => {
  test("campaign day: 22/3/2024 is day 1, 10/5/2024 day 50, 29/6/2024 day 100", () => {
    expect(run(iatorDay, "22/03/2024")).toBe(1);
    expect(run(iatorDay, "2024-05-10")).toBe(50);
    expect(run(iatorDay, 45373)).toBe(1); // Excel serial of 22/03/2024
    expect(run(iatorDay, "29/06/2024")).toBe(100);
    expectError(run(iatorDay, "21/03/2024"), "#N/A");
    expectError(run(iatorDay, "31/02/2024"), "#VALUE!");
  });
  test("target in force: the next milestone not yet passed; day 100 on", () => {
    expect(run(iatorTarget, "dvc_truc_tuyen", "22/03/2024")).toBeCloseTo(0.3, 12);
    expect(run(iatorTarget, "dvc_truc_tuyen", "10/05/2024")).toBeCloseTo(0.3, 12);
    expect(run(iatorTarget, "dvc_truc_tuyen", "11/05/2024")).toBeCloseTo(0.6, 12);
    expect(run(iatorTarget, "thanh_toan", "01/07/2024")).toBeCloseTo(0.55, 12);
    expect(run(iatorTarget, "so_hoa", "10/05/2024")).toBeCloseTo(0.5, 12);
    expectError(run(iatorTarget, "khong_co", "10/05/2024"), "#VALUE!");
  });
  test("met on a date", () => {
    expect(run(iatorMet, "dvc_truc_tuyen", "10/05/2024", "30%")).toBe(true);
    expect(run(iatorMet, "dvc_truc_tuyen", "11/05/2024", "30%")).toBe(false);
  });
});

describe("RANK", () => {
  test("competition ranking 1, 2, 2, 4", () => {
    expect(rank([[90], [80], [80], [70]])).toEqual([[1], [2], [2], [4]]);
  });
  test("tie-break higher first", () => {
    expect(rank([[90], [80], [80], [70]], [[0], [0.4], [0.5], [0]])).toEqual([[1], [3], [2], [4]]);
  });
  test("a blank or text score is an error in its own cell; others are ranked", () => {
    const v = rank([[90], [null], ["abc"], [95]]);
    expect(v[0][0]).toBe(2);
    expectError(v[1][0], "#N/A");
    expectError(v[2][0], "#VALUE!");
    expect(v[3][0]).toBe(1);
  });
  test("tie-break range of another size is refused", () => {
    expectError(run(rank, [[1], [2]], [[1]]), "#VALUE!");
  });
});

describe("prizes of a district rank (hg-165 §IV)", () => {
  test("prize, bonus and award by rank", () => {
    expect(run(hgPrize, 1)).toBe(20_000_000);
    expect(run(hgPrize, 2)).toBe(15_000_000);
    expect(run(hgPrize, 3)).toBe(10_000_000);
    expect(run(hgBonus, 1)).toBe(3);
    expect(run(hgBonus, 3)).toBe(1);
    expect(run(hgAward, 2)).toMatch(/Nhì/);
  });
  test("no prize for rank 4; bad ranks are errors", () => {
    expectError(run(hgPrize, 4), "#N/A");
    expectError(run(hgPrize, 0), "#VALUE!");
    expectError(run(hgPrize, "abc"), "#VALUE!");
    expectError(run(hgPrize, null), "#N/A");
    expectError(run(hgBonus, -1), "#VALUE!");
  });
});
