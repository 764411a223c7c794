/** Competition ranking ("1, 2, 2, 4") with an optional tie-break. O(n log n). */

/** Scores closer than this are equal: points reached by different float routes (60 + 0.89 × 40 …). */
export const SCORE_TOLERANCE = 1e-9;

export interface RankResult {
  rank: number | null;
  tied: boolean;
}

/**
 * Higher is better; null scores are unranked. Among equal scores the tie-break (higher first)
 * orders units; if any tied unit lacks a tie-break value, or their values are equal, they share
 * the rank (the tie is not invented away).
 */
export function competitionRank(scores: (number | null)[], tiebreak?: (number | null)[]): RankResult[] {
  const n = scores.length;
  const out: RankResult[] = new Array(n);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (typeof s === "number" && Number.isFinite(s)) idx.push(i);
    else out[i] = { rank: null, tied: false };
  }
  idx.sort((i, j) => (scores[j] as number) - (scores[i] as number) || i - j);
  let start = 0;
  while (start < idx.length) {
    let end = start + 1;
    const top = scores[idx[start]] as number;
    while (end < idx.length && top - (scores[idx[end]] as number) <= SCORE_TOLERANCE) end++;
    assignGroup(idx, start, end, tiebreak, out);
    start = end;
  }
  return out;
}

function assignGroup(idx: number[], start: number, end: number, tiebreak: (number | null)[] | undefined, out: RankResult[]) {
  const size = end - start;
  const tb = (i: number) => tiebreak?.[i];
  const breakable = size > 1 && tiebreak !== undefined && idx.slice(start, end).every((i) => typeof tb(i) === "number" && Number.isFinite(tb(i) as number));
  if (!breakable) {
    for (let k = start; k < end; k++) out[idx[k]] = { rank: start + 1, tied: size > 1 };
    return;
  }
  const group = idx.slice(start, end).sort((i, j) => (tb(j) as number) - (tb(i) as number) || i - j);
  let k = 0;
  while (k < size) {
    let m = k + 1;
    while (m < size && tb(group[k]) === tb(group[m])) m++;
    for (let q = k; q < m; q++) out[group[q]] = { rank: start + k + 1, tied: m - k > 1 };
    k = m;
  }
}
