/**
 * Ranking many units: rankPositions sorts large levels by a radix sort of the scores' bit patterns.
 * Its ranks must be those of the plain definition — sort highest first with a comparator, equal
 * within SCORE_TOLERANCE of the group's top, tie-break higher first — on every kind of score.
 */
import fc from "fast-check";
import { competitionRank, rankPositions, SCORE_TOLERANCE } from "../../src/engine";

/** The definition, written out with Array.prototype.sort. */
function reference(scores: (number | null)[], tiebreak?: (number | null)[]): { rank: number | null; tied: boolean }[] {
  const out = scores.map(() => ({ rank: null as number | null, tied: false }));
  const ok = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);
  const idx = scores.map((_, i) => i).filter((i) => ok(scores[i]));
  idx.sort((i, j) => (scores[j] as number) - (scores[i] as number) || i - j);
  let start = 0;
  while (start < idx.length) {
    const top = scores[idx[start]] as number;
    let end = start + 1;
    while (end < idx.length && top - (scores[idx[end]] as number) <= SCORE_TOLERANCE) end++;
    const group = idx.slice(start, end);
    const valued = tiebreak ? group.filter((i) => ok(tiebreak[i])) : [];
    if (group.length > 1 && valued.length > 1) {
      // reading hg165_tiebreak_checked: a unit without a value takes the group's first rank, the others
      // are ordered by their values, and the whole group stays tied while one has no value
      const open = valued.length < group.length;
      for (const i of group) if (!valued.includes(i)) out[i] = { rank: start + 1, tied: true };
      const tb = tiebreak as number[];
      const byTb = valued.slice().sort((i, j) => tb[j] - tb[i] || i - j);
      for (let k = 0; k < byTb.length; ) {
        let m = k + 1;
        while (m < byTb.length && tb[byTb[m]] === tb[byTb[k]]) m++;
        for (let q = k; q < m; q++) out[byTb[q]] = { rank: start + k + 1, tied: open || m - k > 1 };
        k = m;
      }
    } else for (const i of group) out[i] = { rank: start + 1, tied: group.length > 1 };
    start = end;
  }
  return out;
}

function positions(scores: (number | null)[], tiebreak?: (number | null)[]) {
  const p = rankPositions(scores, tiebreak);
  return scores.map((_, i) => ({ rank: Number.isNaN(p.rank[i]) ? null : p.rank[i], tied: p.tied[i] === 1 }));
}

/** A deterministic stream of numbers, so a failure can be replayed. */
function stream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("rankPositions on levels large enough for the radix sort", () => {
  it("hg-165-like totals with many exact and near ties: same ranks as the definition", () => {
    const rnd = stream(7);
    // totals as the engine makes them: a few thousand distinct values, each reached by several units
    const n = 20_000;
    const scores = Array.from({ length: n }, () => {
      const online = Math.floor(rnd() * 41) + 60;
      const eid = Math.floor(rnd() * 301) + 700;
      return Math.min(1, online / 100) * 60 + (eid / 1000 >= 0.9 ? 40 : (eid / 1000) * 40);
    });
    expect(positions(scores)).toEqual(reference(scores));
  });

  it("negative scores, -0 and 0, nulls and NaN, huge and tiny magnitudes", () => {
    const rnd = stream(11);
    const pool = [0, -0, 1e-300, -1e-300, 5e-324, 1.7e308, -1.7e308, 42, 42 + 1e-12, 42 - 1e-12, -42, 1 / 3, null, NaN];
    const scores = Array.from({ length: 5000 }, () => (rnd() < 0.5 ? pool[Math.floor(rnd() * pool.length)] : (rnd() - 0.5) * 1e6));
    expect(positions(scores)).toEqual(reference(scores));
  });

  it("scores a hair apart chain into tolerance groups exactly as the definition groups them", () => {
    // 100, 100 - 0.6e-9, 100 - 1.2e-9, …: each within tolerance of its neighbour, not of the group's top
    const scores = Array.from({ length: 4096 }, (_, i) => 100 - (i % 64) * 0.6e-9 - Math.floor(i / 64));
    expect(positions(scores)).toEqual(reference(scores));
  });

  it("a tie-break orders tied units, and a missing tie-break value keeps its unit tied with its group", () => {
    const rnd = stream(23);
    const scores = Array.from({ length: 6000 }, () => Math.floor(rnd() * 50));
    const full = scores.map(() => Math.floor(rnd() * 20) / 20);
    const gaps = full.map((x) => (rnd() < 0.01 ? null : x));
    expect(positions(scores, full)).toEqual(reference(scores, full));
    expect(positions(scores, gaps)).toEqual(reference(scores, gaps));
  });

  it("competitionRank agrees with the definition on small and large inputs alike", () => {
    const score = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: false, min: -1e3, max: 1e3 }));
    fc.assert(
      fc.property(fc.array(score, { maxLength: 60 }), (s) => {
        expect(competitionRank(s)).toEqual(reference(s));
      }),
    );
    fc.assert(
      fc.property(fc.array(score, { minLength: 2048, maxLength: 3000 }), (s) => {
        expect(competitionRank(s)).toEqual(reference(s));
      }),
      { numRuns: 20 },
    );
  });
});
