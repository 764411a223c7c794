/**
 * Award places in rank order under a total limit and optional per-group limits (hg-165: 7 communes,
 * at most 2 per district; np-236: 1 + 4 departments, 1 + 7 communes).
 *
 * Reading *_tie_at_award: units that share a rank and do not all fit in the places left are not
 * awarded automatically; they are returned as `pending` and the places they could take are held
 * back, so later units only get places still free and no limit is ever exceeded.
 *
 * Reading hg165_tiebreak_checked: in a block of equal scores whose tie-break is known for some units
 * only, a unit is awarded when it gets a place whichever way the open places fall (all units that may
 * rank above it do), left out when it gets none even with only the units surely above it, and held
 * otherwise. Places under a total and per-group limits are given greedily in rank order, and the
 * places a set of units can take never grow for a unit when units above it are removed, so these two
 * orders are the worst and the best case of every unit.
 */
export interface AllocationInput {
  /** candidate indices, in rank order */
  order: ArrayLike<number>;
  rankOf: (i: number) => number;
  limit: number;
  /** group key of a unit, or null when the unit has no group (then it cannot be checked: skipped) */
  groupOf?: (i: number) => string | null;
  groupLimit?: (g: string) => number;
  /**
   * The block a unit is allocated in (the first rank of a partly ordered tie) and its tie-break value
   * (NaN: none): units of one block whose ranks differ are placed as the reading above says. Default:
   * units of one rank are a block.
   */
  blockOf?: (i: number) => number;
  tieValueOf?: (i: number) => number;
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
  const { order, rankOf, limit, groupOf, groupLimit, tieValueOf } = inp;
  const blockOf = inp.blockOf ?? rankOf;
  const usedByGroup = new Map<string, number>();
  const heldByGroup = new Map<string, number>();
  const res: Allocation = { awarded: [], pending: [], blocked: [], blockedBy: [], cutoffRank: null, used: 0, held: 0, usedByGroup, heldByGroup };
  const roomIn = (g: string) => (groupLimit ? groupLimit(g) : Infinity) - (usedByGroup.get(g) ?? 0) - (heldByGroup.get(g) ?? 0);
  let k = 0;
  while (k < order.length) {
    let m = k + 1;
    while (m < order.length && blockOf(order[m]) === blockOf(order[k])) m++;
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
    const partly = !fits && tieValueOf !== undefined && candidates.some((i) => rankOf(i) !== rankOf(candidates[0]));
    if (partly) {
      placePartlyOrdered(candidates, left, (i) => (groupOf ? (groupOf(i) as string) : ""), roomIn, tieValueOf, res);
    } else if (fits) {
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

/** Units before one in the order of a block: how many per group, and the places they take (each group's count up to its room). */
class Before {
  readonly per = new Map<string, number>();
  taken = 0;
  constructor(private readonly room: Map<string, number>, private readonly groupOf: (i: number) => string) {}
  add(i: number): void {
    const g = this.groupOf(i);
    const c = (this.per.get(g) ?? 0) + 1;
    this.per.set(g, c);
    if (c <= (this.room.get(g) as number)) this.taken++;
  }
  /** what stops unit i (not among these units; `self`: it is, and is taken out again) from a place, if anything */
  stops(i: number, left: number, self: boolean): BlockedBy | null {
    const g = this.groupOf(i);
    const room = this.room.get(g) as number;
    const inGroup = (this.per.get(g) ?? 0) - (self ? 1 : 0);
    const taken = this.taken - (self && inGroup < room ? 1 : 0);
    return taken >= left ? "no_place" : inGroup >= room ? "group_full" : null;
  }
}

/**
 * The candidates of one partly ordered block, `left` places and each group's room: awarded, left out
 * or held as the reading on allocate says. A unit's worst case has every candidate that may rank
 * above it there (no value, or a value at least its own); its best case only those surely above (a
 * higher value). With places given greedily, a unit gets one exactly when fewer than `left` places
 * went to the units before it, counting at most its room for each group, and its own group has room.
 */
function placePartlyOrdered(
  candidates: number[], left: number, groupOf: (i: number) => string, roomIn: (g: string) => number, tieValueOf: (i: number) => number, res: Allocation,
): void {
  const room = new Map<string, number>();
  for (const i of candidates) if (!room.has(groupOf(i))) room.set(groupOf(i), roomIn(groupOf(i)));
  const valued = candidates.filter((i) => !Number.isNaN(tieValueOf(i))).sort((i, j) => tieValueOf(j) - tieValueOf(i));
  const open = candidates.filter((i) => Number.isNaN(tieValueOf(i)));
  const outcome = new Map<number, BlockedBy | "in" | "held">();
  // an open unit's best case is the block's first place, which a candidate always has
  const all = new Before(room, groupOf);
  for (const i of candidates) all.add(i);
  for (const i of open) outcome.set(i, all.stops(i, left, true) === null ? "in" : "held");
  // valued units in runs of equal values: the best case is the runs above, the worst those, the run
  // itself and every open unit
  const best = new Before(room, groupOf);
  const worst = new Before(room, groupOf);
  for (const i of open) worst.add(i);
  for (let k = 0; k < valued.length; ) {
    let m = k + 1;
    while (m < valued.length && tieValueOf(valued[m]) === tieValueOf(valued[k])) m++;
    for (let q = k; q < m; q++) worst.add(valued[q]);
    for (let q = k; q < m; q++) {
      const i = valued[q];
      const out = best.stops(i, left, false);
      outcome.set(i, worst.stops(i, left, true) === null ? "in" : out ?? "held");
    }
    for (let q = k; q < m; q++) best.add(valued[q]);
    k = m;
  }
  const held = new Map<string, number>();
  let awarded = 0;
  for (const i of candidates) {
    const o = outcome.get(i) as BlockedBy | "in" | "held";
    const g = groupOf(i);
    if (o === "in") {
      res.awarded.push(i);
      res.used++;
      awarded++;
      res.usedByGroup.set(g, (res.usedByGroup.get(g) ?? 0) + 1);
    } else if (o === "held") {
      res.pending.push(i);
      held.set(g, (held.get(g) ?? 0) + 1);
    } else {
      res.blocked.push(i);
      res.blockedBy.push(o);
    }
  }
  // the places the held units could take: in each group what its room leaves after the awards, in all what is left
  let hold = 0;
  for (const [g, n] of held) {
    const h = Math.min(n, roomIn(g));
    res.heldByGroup.set(g, (res.heldByGroup.get(g) ?? 0) + h);
    hold += h;
  }
  res.held += Math.min(hold, left - awarded);
}
