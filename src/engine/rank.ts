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
  /**
   * The first rank of the units whose order is not wholly settled: a group of equal scores where some
   * units have no tie-break value (their places among the others are open); elsewhere the unit's rank.
   */
  block: Float64Array;
}

/**
 * Higher is better; null scores are unranked. Among equal scores the tie-break (higher first)
 * orders units, and units of equal tie-break values share a rank. A tied unit without a tie-break
 * value (reading hg165_tiebreak_checked) cannot be placed among the others: it takes the group's first
 * rank, the others are still ordered by their values, and every unit of the group stays tied with it
 * (the tie is not invented away, and one blank cell does not undo the rest of the tie-break).
 */
export function competitionRank(scores: (number | null)[], tiebreak?: (number | null)[]): RankResult[] {
  const { rank, tied } = rankPositions(scores, tiebreak);
  const out: RankResult[] = new Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = Number.isNaN(rank[i]) ? { rank: null, tied: false } : { rank: rank[i], tied: tied[i] === 1 };
  return out;
}

/**
 * competitionRank into typed arrays: no object per unit, for tables of many thousands of units.
 * A score or tie-break value that is not a finite number (null, NaN) counts as none.
 */
export function rankPositions(scores: ArrayLike<number | null>, tiebreak?: ArrayLike<number | null>): RankPositions {
  const n = scores.length;
  const rank = new Float64Array(n).fill(NaN);
  const tied = new Uint8Array(n);
  const block = new Float64Array(n).fill(NaN);
  const idx = byScoreDesc(scores);
  const s = scores as ArrayLike<number>;
  let start = 0;
  while (start < idx.length) {
    let end = start + 1;
    const top = s[idx[start]];
    while (end < idx.length && top - s[idx[end]] <= SCORE_TOLERANCE) end++;
    assignGroup(idx, start, end, tiebreak, rank, tied, block);
    start = end;
  }
  return { rank, tied, block };
}

/** Below this many scores a comparator sort is as quick as the radix sort and simpler. */
const RADIX_MIN = 2048;

// which 32-bit half of a float64 holds the sign and exponent on this machine
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Indices of the finite scores, highest first and in input order among equal scores: the order of
 * sorting them with (i, j) => s[j] - s[i] || i - j. Many scores are sorted by a stable radix sort
 * of their bit patterns instead, with no comparator called n log n times.
 */
function byScoreDesc(scores: ArrayLike<number | null>): Int32Array {
  const n = scores.length;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = scores[i];
    if (typeof x === "number" && Number.isFinite(x)) m++;
  }
  if (m < RADIX_MIN) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = scores[i];
      if (typeof x === "number" && Number.isFinite(x)) idx.push(i);
    }
    const s = scores as ArrayLike<number>;
    idx.sort((i, j) => s[j] - s[i] || i - j);
    return Int32Array.from(idx);
  }
  // keys whose unsigned order is the scores' descending order: IEEE bits, negatives' bits flipped,
  // positives' sign bit set, then all flipped; + 0 makes -0 equal to 0 as the comparator has it
  const f = new Float64Array(1);
  const w = new Uint32Array(f.buffer);
  let hi = new Uint32Array(m);
  let lo = new Uint32Array(m);
  let ix = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = scores[i];
    if (typeof x !== "number" || !Number.isFinite(x)) continue;
    f[0] = x + 0;
    let h = w[HIGH_WORD];
    let l = w[1 - HIGH_WORD];
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h ^= 0x80000000;
    hi[k] = ~h;
    lo[k] = ~l;
    ix[k] = i;
    k++;
  }
  // least significant 16 bits first; each pass is stable, so input order survives among equal keys
  let hi2 = new Uint32Array(m);
  let lo2 = new Uint32Array(m);
  let ix2 = new Int32Array(m);
  const count = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let q = 0; q < m; q++) count[(word[q] >>> shift) & 0xffff]++;
    // a digit all keys share orders nothing
    if (count[(word[0] >>> shift) & 0xffff] === m) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let q = 0; q < m; q++) {
      const p = count[(word[q] >>> shift) & 0xffff]++;
      hi2[p] = hi[q];
      lo2[p] = lo[q];
      ix2[p] = ix[q];
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [ix, ix2] = [ix2, ix];
  }
  return ix;
}

function isValue(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function assignGroup(
  idx: Int32Array, start: number, end: number, tiebreak: ArrayLike<number | null> | undefined, rank: Float64Array, tied: Uint8Array, block: Float64Array,
) {
  const size = end - start;
  let valued = 0;
  if (size > 1 && tiebreak !== undefined) for (let k = start; k < end; k++) if (isValue(tiebreak[idx[k]])) valued++;
  // with one value or none there is nothing to order: the group shares its first rank
  if (valued < 2) {
    for (let k = start; k < end; k++) {
      rank[idx[k]] = start + 1;
      tied[idx[k]] = size > 1 ? 1 : 0;
      block[idx[k]] = start + 1;
    }
    return;
  }
  const open = valued < size;
  const tb = tiebreak as ArrayLike<number>;
  const group: number[] = [];
  for (let k = start; k < end; k++) {
    const i = idx[k];
    if (isValue(tb[i])) group.push(i);
    else {
      rank[i] = start + 1;
      tied[i] = 1;
      block[i] = start + 1;
    }
  }
  group.sort((i, j) => tb[j] - tb[i] || i - j);
  let k = 0;
  while (k < valued) {
    let m = k + 1;
    while (m < valued && tb[group[k]] === tb[group[m]]) m++;
    for (let q = k; q < m; q++) {
      rank[group[q]] = start + k + 1;
      tied[group[q]] = open || m - k > 1 ? 1 : 0;
      block[group[q]] = open ? start + 1 : start + k + 1;
    }
    k = m;
  }
}
