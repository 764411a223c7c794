import { competitionRank, weightedMean } from "../../src/engine";

describe("competitionRank", () => {
  it("1, 2, 2, 4", () => expect(competitionRank([10, 9, 9, 8]).map((r) => r.rank)).toEqual([1, 2, 2, 4]));
  it("ties flagged", () => expect(competitionRank([10, 9, 9, 8]).map((r) => r.tied)).toEqual([false, true, true, false]));
  it("nulls are unranked", () => expect(competitionRank([null, 5, null, 7]).map((r) => r.rank)).toEqual([null, 2, null, 1]));
  it("equal points by different float routes tie", () => expect(competitionRank([60 + 0.89 * 40, 0.89 * 40 + 60 + 1e-13]).map((r) => r.rank)).toEqual([1, 1]));
  it("tie-break higher first", () => expect(competitionRank([9, 9, 9], [0.2, 0.5, 0.2]).map((r) => r.rank)).toEqual([2, 1, 2]));
  it("missing tie-break data keeps the tie", () => expect(competitionRank([9, 9, 8], [0.5, null, 1]).map((r) => r.rank)).toEqual([1, 1, 3]));
  it("one missing tie-break value does not undo the others: they are ordered, the unit without one is tied with them all", () => {
    const r = competitionRank([9, 9, 9, 9, 8], [0.2, null, 0.5, 0.2, 1]);
    expect(r.map((x) => x.rank)).toEqual([2, 1, 1, 2, 5]);
    expect(r.map((x) => x.tied)).toEqual([true, true, true, true, false]);
  });
  it("input order does not matter", () => expect(competitionRank([1, 3, 2]).map((r) => r.rank)).toEqual([3, 1, 2]));
});

describe("weightedMean", () => {
  it("equal weights by default", () => expect(weightedMean([0.8, 0.9, 1, 0.7, 0.6])).toBeCloseTo(0.8, 12));
  it("user weights", () => expect(weightedMean([1, 0.5], [3, 1])).toBeCloseTo(0.875, 12));
  it("bad weights throw", () => {
    expect(() => weightedMean([1, 2], [1])).toThrow();
    expect(() => weightedMean([1], [0])).toThrow();
    expect(() => weightedMean([])).toThrow();
  });
});
