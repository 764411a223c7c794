/** Competition ranking ("1, 2, 2, 4") with an optional tie-break. O(n log n). */

/** Scores closer than this are equal: points reached by different float routes (60 + 0.89 × 40 …). */
export const SCORE_TOLERANCE = 1e-9;

export interface RankResult {
  rank: number | null;
  tied: boolean;
}

/** Ranks as numbers (NaN: unranked) and ties as 0 / 1, in the order of the scores given. */
export interface RankPositions {
  rank: Float64Array;
  tied: Uint8Array;
}

/**
 * Higher is better; null scores are unranked. Among equal scores the tie-break (higher first)
 * orders units; if any tied unit lacks a tie-break value, or their values are equal, they share
 * the rank (the tie is not invented away).
 */
export function competitionRank(scores: (number | null)[], tiebreak?: (number | null)[]): RankResult[] {
  const { rank, tied } = rankPositions(scores, tiebreak);
  const out: RankResult[] = new Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = Number.isNaN(rank[i]) ? { rank: null, tied: false } : { rank: rank[i], tied: tied[i] === 1 };
  return out;
}

/** competitionRank into typed arrays: no object per unit, for tables of many thousands of units. */
export function rankPositions(scores: (number | null)[], tiebreak?: (number | null)[]): RankPositions {
  const n = scores.length;
  const rank = new Float64Array(n).fill(NaN);
  const tied = new Uint8Array(n);
  // the scores as plain doubles: the sort's comparator reads them a million times
  const s = new Float64Array(n);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = scores[i];
    if (typeof x === "number" && Number.isFinite(x)) {
      idx.push(i);
      s[i] = x;
    }
  }
  idx.sort((i, j) => s[j] - s[i] || i - j);
  let start = 0;
  while (start < idx.length) {
    let end = start + 1;
    const top = s[idx[start]];
    while (end < idx.length && top - s[idx[end]] <= SCORE_TOLERANCE) end++;
    assignGroup(idx, start, end, tiebreak, rank, tied);
    start = end;
  }
  return { rank, tied };
}

function isValue(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function assignGroup(idx: number[], start: number, end: number, tiebreak: (number | null)[] | undefined, rank: Float64Array, tied: Uint8Array) {
  const size = end - start;
  let breakable = size > 1 && tiebreak !== undefined;
  for (let k = start; breakable && k < end; k++) if (!isValue(tiebreak![idx[k]])) breakable = false;
  if (!breakable) {
    for (let k = start; k < end; k++) {
      rank[idx[k]] = start + 1;
      tied[idx[k]] = size > 1 ? 1 : 0;
    }
    return;
  }
  const tb = tiebreak as number[];
  const group = idx.slice(start, end).sort((i, j) => tb[j] - tb[i] || i - j);
  let k = 0;
  while (k < size) {
    let m = k + 1;
    while (m < size && tb[group[k]] === tb[group[m]]) m++;
    for (let q = k; q < m; q++) {
      rank[group[q]] = start + k + 1;
      tied[group[q]] = m - k > 1 ? 1 : 0;
    }
    k = m;
  }
}
