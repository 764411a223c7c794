// Expected values computed by hand from PLANS.md, hg-165-2023 (§III.2.a districts, §III.2.b communes).
import { hgScore, hgExplain, hgOnlinePoints, hgEidPoints, hgDistrictRatio, hgEligible, hgGapOnline, hgGapEid } from "../../src/functions/functions";
import { isXlError } from "../../src/functions/errors";
import { expectError, run } from "./helpers";

describe("HG_SCORE", () => {
  test("commune: r = 90% < 100% → 0.9 × 60 = 54; e-ID exactly 90% → 40; total 94", () => {
    expect(run(hgScore, 270, 300, 900, 1000, "xa")).toBeCloseTo(94, 10);
  });
  test("commune: online 100% → 60; e-ID 89% → 35.6; total 95.6", () => {
    expect(run(hgScore, 300, 300, 890, 1000, "xã")).toBeCloseTo(95.6, 10);
  });
  test("commune exactly at the 70% floor is scored: 0.7 × 60 + 40 = 82", () => {
    expect(run(hgScore, 210, 300, 900, 1000, "XA")).toBeCloseTo(82, 10);
  });
  test("commune just below 70% is not considered: an error, not a number", () => {
    expectError(run(hgScore, 209, 300, 900, 1000, "xa"), "#N/A", /không xét/i);
  });
  test("district: own 89%, communes 90% and 92% → combined 90% → 60; e-ID 80% → 40; total 100", () => {
    expect(run(hgScore, 890, 1000, 800, 1000, "huyen", [[0.9, 0.92]])).toBeCloseTo(100, 10);
  });
  test("district: own 85%, commune 90% → 87.5% → 52.5; e-ID 70% → 28; total 80.5; percent forms", () => {
    expect(run(hgScore, 850, 1000, 700, 1000, "huyện", [["90%"]])).toBeCloseTo(80.5, 10);
    expect(run(hgScore, 850, 1000, 700, 1000, "district", [[0.9]])).toBeCloseTo(80.5, 10);
  });
  test("district without the communes' ratios says they are missing", () => {
    expectError(run(hgScore, 890, 1000, 800, 1000, "huyen"), "#N/A", /xã/);
  });
  test.each([
    ["blank online dossiers", [null, 300, 900, 1000, "xa"], "#N/A"],
    ["text", ["abc", 300, 900, 1000, "xa"], "#VALUE!"],
    ["an error value", [{ error: "#N/A" }, 300, 900, 1000, "xa"], "#VALUE!"],
    ["a negative count", [-1, 300, 900, 1000, "xa"], "#VALUE!"],
    ["a zero denominator", [0, 0, 900, 1000, "xa"], "#N/A"],
    ["a blank denominator", [270, "", 900, 1000, "xa"], "#N/A"],
    ["a > b", [310, 300, 900, 1000, "xa"], "#VALUE!"],
    ["e-ID a > b", [270, 300, 1001, 1000, "xa"], "#VALUE!"],
    ["an unknown level", [270, 300, 900, 1000, "thon"], "#VALUE!"],
  ])("%s → error value with a Vietnamese message", (_name, args, code) => {
    const v = run(hgScore, ...(args as unknown[]));
    expectError(v, code as string);
    expect((v as { message: string }).message.length).toBeGreaterThan(10);
  });
  test("a spilled column: a bad row in the middle is an error in its cell, the others compute", () => {
    const v = hgScore([[270], ["abc"], [300]], [[300], [300], [300]], [[900], [900], [890]], [[1000]], [["xa"]]);
    expect(v).toHaveLength(3);
    expect(v[0][0]).toBeCloseTo(94, 10);
    expectError(v[1][0], "#VALUE!", /số hồ sơ trực tuyến/);
    expect(v[2][0]).toBeCloseTo(95.6, 10);
  });
  test("several districts: row i of commune_ratios holds district i's communes", () => {
    const v = hgScore([[890], [850]], [[1000]], [[800], [700]], [[1000]], [["huyen"]], [[0.9, 0.92], [0.9, ""]]);
    expect(v[0][0]).toBeCloseTo(100, 10);
    expect(v[1][0]).toBeCloseTo(80.5, 10);
  });
  test("ranges of different lengths are refused", () => {
    expectError(run(hgScore, [[1], [2]], [[3], [4], [5]], 1, 1, "xa"), "#VALUE!");
  });
});

describe("HG_EXPLAIN", () => {
  test("shows the numbers", () => {
    const v = run(hgExplain, 267, 300, 900, 1000, "xa") as string;
    expect(v).toContain("89,00%");
    expect(v).toContain("0,89 × 60 = 53,40");
  });
  test("explains a commune that is not considered", () => {
    expect(typeof run(hgExplain, 200, 300, 900, 1000, "xa")).toBe("string");
  });
  test("bad input is an error", () => {
    expectError(run(hgExplain, 1, 0, 900, 1000, "xa"), "#N/A");
  });
});

describe("parts", () => {
  test("online points: commune 89% → 53.4; district combined 90% → 60; below floor → không xét", () => {
    expect(run(hgOnlinePoints, 267, 300, "xa")).toBeCloseTo(53.4, 10);
    expect(run(hgOnlinePoints, 890, 1000, "huyen", [[0.9, 0.92]])).toBeCloseTo(60, 10);
    expectError(run(hgOnlinePoints, 209, 300, "xa"), "#N/A", /không xét/i);
    expectError(run(hgOnlinePoints, 890, 1000, "huyen"), "#N/A");
  });
  test("e-ID points: district exactly 80% → 40, 79.9% → 31.96; commune 90% → 40", () => {
    expect(run(hgEidPoints, 800, 1000, "huyen")).toBeCloseTo(40, 10);
    expect(run(hgEidPoints, 799, 1000, "huyen")).toBeCloseTo(31.96, 10);
    expect(run(hgEidPoints, 900, 1000, "xa")).toBeCloseTo(40, 10);
    expectError(run(hgEidPoints, 1, 0, "xa"), "#N/A");
    expectError(run(hgEidPoints, 2, 1, "xa"), "#VALUE!");
  });
  test("district ratio = (own + mean of communes) / 2, percent forms", () => {
    expect(run(hgDistrictRatio, 890, 1000, [[0.9, 0.92]])).toBeCloseTo(0.9, 10);
    expect(run(hgDistrictRatio, 890, 1000, [["90%"], ["92,0%"]])).toBeCloseTo(0.9, 10);
    expect(run(hgDistrictRatio, 800, 1000, [["90,5%", 0.895]])).toBeCloseTo(0.85, 10);
    expectError(run(hgDistrictRatio, 890, 1000, [[""]]), "#N/A");
    expectError(run(hgDistrictRatio, 890, 0, [[0.9]]), "#N/A");
  });
  test("eligibility: commune at 70% yes, just below no; districts have no floor", () => {
    expect(run(hgEligible, 210, 300, "xa")).toBe(true);
    expect(run(hgEligible, 209, 300, "xa")).toBe(false);
    expect(run(hgEligible, 100, 300, "huyen")).toBe(true);
    expectError(run(hgEligible, 1, 0, "xa"), "#N/A");
    expectError(run(hgEligible, 5, 3, "xa"), "#VALUE!");
  });
  test("gap to full points", () => {
    expect(run(hgGapOnline, 270, 300, "xa")).toBe(30);
    expect(run(hgGapOnline, 300, 300, "xa")).toBe(0);
    // district: (own + 0.9) / 2 ≥ 0.9 ⇔ own ≥ 0.9 → 900 of 1000, i.e. 50 more
    expect(run(hgGapOnline, 850, 1000, "huyen", [[0.9]])).toBe(50);
    expectError(run(hgGapOnline, 850, 1000, "huyen", [[0.5]]), "#N/A");
    expectError(run(hgGapOnline, 850, 1000, "huyen"), "#N/A");
    expect(run(hgGapEid, 700, 1000, "huyen")).toBe(100);
    expect(run(hgGapEid, 899, 1000, "xa")).toBe(1);
    expect(run(hgGapEid, 900, 1000, "xa")).toBe(0);
    expectError(run(hgGapEid, -1, 1000, "xa"), "#VALUE!");
    const col = hgGapEid([[700], ["x"], [800]], [[1000]], [["huyen"]]);
    expect(col[0][0]).toBe(100);
    expect(isXlError(col[1][0])).toBe(true);
    expect(col[2][0]).toBe(0);
  });
});
