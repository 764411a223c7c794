import { allocate, rankPositions } from "../../src/engine";

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

describe("reading hg165_tiebreak_checked: a tie ordered for some units only", () => {
  /** One block of equal scores, ranked by rankPositions from these tie-break values (NaN: none). */
  function partly(values: number[], groups: string[], limit: number, room: Record<string, number>) {
    const p = rankPositions(values.map(() => 97), values);
    const order = values.map((_, i) => i).sort((i, j) => p.rank[i] - p.rank[j] || i - j);
    return allocate({
      order, rankOf: (i) => p.rank[i], limit, groupOf: (i) => groups[i], groupLimit: (g) => room[g] ?? 7,
      blockOf: (i) => p.block[i], tieValueOf: (i) => values[i],
    });
  }
  it("awards the unit placed whichever way the open place falls, holds those it could swap with, leaves out the rest", () => {
    // A 0.9, B 0.5, C 0.3, D without a value, 2 places: A is first or second; B and D share the second; C is at best third
    const a = partly([0.9, 0.5, 0.3, NaN], ["A", "B", "C", "D"], 2, {});
    expect(a.awarded).toEqual([0]);
    expect(a.pending.sort()).toEqual([1, 3]);
    expect(a.held).toBe(1);
    expect(a.blocked).toEqual([2]);
    expect(a.blockedBy).toEqual(["no_place"]);
  });
  it("a district's 2 places: the commune surely in its top 2 is awarded, one place is held for the other two", () => {
    const a = partly([NaN, 0.9, 0.5], ["X", "X", "X"], 7, { X: 2 });
    expect(a.awarded).toEqual([1]);
    expect(a.pending.sort()).toEqual([0, 2]);
    expect(a.heldByGroup.get("X")).toBe(1);
    expect(a.held).toBe(1);
  });
  it("a unit surely behind its district's last place is left out for the district, not for want of places", () => {
    // P and Q of X (1 place): P is in whatever D does, Q never; x and D share the last of the 2 places
    const a = partly([0.9, 0.8, 0.7, NaN], ["X", "X", "Y", "Z"], 2, { X: 1 });
    expect(a.awarded).toEqual([0]);
    expect(a.blocked).toEqual([1]);
    expect(a.blockedBy).toEqual(["group_full"]);
    expect(a.pending.sort()).toEqual([2, 3]);
    expect(a.held).toBe(1);
  });
  it("a block that fits is awarded whole, as any tie that fits", () => {
    const a = partly([0.9, NaN, 0.5], ["A", "B", "C"], 7, {});
    expect(a.awarded.sort()).toEqual([0, 1, 2]);
    expect(a.pending).toEqual([]);
  });
});
