/**
 * Award places in rank order under a total limit and optional per-group limits (hg-165: 7 communes,
 * at most 2 per district; np-236: 1 + 4 departments, 1 + 7 communes).
 *
 * Reading *_tie_at_award: units that share a rank and do not all fit in the places left are not
 * awarded automatically; they are returned as `pending` and the places they could take are held
 * back, so later units only get places still free and no limit is ever exceeded.
 */
export interface AllocationInput {
  /** candidate indices, in rank order */
  order: ArrayLike<number>;
  rankOf: (i: number) => number;
  limit: number;
  /** group key of a unit, or null when the unit has no group (then it cannot be checked: skipped) */
  groupOf?: (i: number) => string | null;
  groupLimit?: (g: string) => number;
}

/** Why a unit was left out: every place was given or held, its group's places were, or it has no group. */
export type BlockedBy = "no_place" | "group_full" | "no_group";

export interface Allocation {
  awarded: number[];
  pending: number[];
  /** units left out because their group had no place left, or had no group */
  blocked: number[];
  /** why each unit of `blocked` was left out, in the same order */
  blockedBy: BlockedBy[];
  /** the rank of the last unit given or held a place: the cut-off; null when no place was given */
  cutoffRank: number | null;
  used: number;
  held: number;
  usedByGroup: Map<string, number>;
  heldByGroup: Map<string, number>;
}

export function allocate(inp: AllocationInput): Allocation {
  const { order, rankOf, limit, groupOf, groupLimit } = inp;
  const usedByGroup = new Map<string, number>();
  const heldByGroup = new Map<string, number>();
  const res: Allocation = { awarded: [], pending: [], blocked: [], blockedBy: [], cutoffRank: null, used: 0, held: 0, usedByGroup, heldByGroup };
  const roomIn = (g: string) => (groupLimit ? groupLimit(g) : Infinity) - (usedByGroup.get(g) ?? 0) - (heldByGroup.get(g) ?? 0);
  let k = 0;
  while (k < order.length) {
    let m = k + 1;
    while (m < order.length && rankOf(order[m]) === rankOf(order[k])) m++;
    const left = limit - res.used - res.held;
    if (left <= 0) {
      // no place left (used + held never exceed the limit): every later unit is blocked and nothing
      // else changes, so stop here instead of walking a table of many thousands of units rank by rank
      for (let q = k; q < order.length; q++) {
        res.blocked.push(order[q]);
        res.blockedBy.push("no_place");
      }
      break;
    }
    const candidates: number[] = [];
    const perGroup = new Map<string, number>();
    for (let q = k; q < m; q++) {
      const i = order[q];
      const g = groupOf ? groupOf(i) : "";
      if (g === null || left <= 0 || roomIn(g) <= 0) {
        res.blocked.push(i);
        res.blockedBy.push(g === null ? "no_group" : left <= 0 ? "no_place" : "group_full");
        continue;
      }
      candidates.push(i);
      perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
    }
    let fits = candidates.length <= left;
    for (const [g, n] of perGroup) if (n > roomIn(g)) fits = false;
    if (candidates.length > 0) res.cutoffRank = rankOf(order[k]);
    if (fits) {
      for (const i of candidates) {
        res.awarded.push(i);
        res.used++;
        const g = groupOf ? (groupOf(i) as string) : "";
        usedByGroup.set(g, (usedByGroup.get(g) ?? 0) + 1);
      }
    } else {
      let hold = 0;
      for (const [g, n] of perGroup) {
        const h = Math.min(n, roomIn(g));
        heldByGroup.set(g, (heldByGroup.get(g) ?? 0) + h);
        hold += h;
      }
      res.held += Math.min(hold, left);
      // a loop, not push(...candidates): a tie of 100,000 units exceeds a call's argument limit on some engines
      for (const i of candidates) res.pending.push(i);
    }
    k = m;
  }
  return res;
}
