import { allocate } from "../../src/engine";

/** Units 0..n-1 with these ranks and groups, in rank order. */
function run(ranks: number[], groups: (string | null)[], limit: number, groupLimit = 2) {
  return allocate({ order: ranks.map((_, i) => i), rankOf: (i) => ranks[i], limit, groupOf: (i) => groups[i], groupLimit: () => groupLimit });
}

describe("allocate says why each unit left out was left out, and where the cut-off fell", () => {
  it("a full group, no group, then no place left; the cut-off is the last awarded rank", () => {
    const a = run([1, 2, 3, 4, 5, 6, 7], ["A", "A", "A", null, "B", "C", "D"], 4);
    expect(a.awarded).toEqual([0, 1, 4, 5]);
    expect(a.blocked).toEqual([2, 3, 6]);
    expect(a.blockedBy).toEqual(["group_full", "no_group", "no_place"]);
    expect(a.cutoffRank).toBe(6);
  });

  it("a tie across the last place is held, and is the cut-off; later units find no place", () => {
    const a = run([1, 2, 2, 4], ["A", "B", "C", "D"], 2);
    expect(a.awarded).toEqual([0]);
    expect(a.pending).toEqual([1, 2]);
    expect(a.held).toBe(1);
    expect(a.blocked).toEqual([3]);
    expect(a.blockedBy).toEqual(["no_place"]);
    expect(a.cutoffRank).toBe(2);
  });

  it("no place given: no cut-off", () => {
    const a = run([1, 2], ["A", "B"], 0);
    expect(a.awarded).toEqual([]);
    expect(a.blockedBy).toEqual(["no_place", "no_place"]);
    expect(a.cutoffRank).toBeNull();
  });
});
