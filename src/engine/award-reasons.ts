/**
 * Why a unit got no award, as data: the decisions the allocation made (places taken, a district's
 * communes, a tie at the cut-off, no district) and the unit's own state (not considered, figures that
 * could not be scored), each with its code, the names and numbers its message shows, and the clause it
 * rests on. Units a reason holds for alike share one object: a table of many thousands of communes
 * after the cut-off holds one "places taken" reason, not one per commune.
 */
import type { UnitResult } from "./outcomes";
import type { AwardReason, Finding, Plan, QuotaDef } from "./types";

/** Names shown in a reason before "…": a tie of thousands of units is not a sentence. */
export const NAMES_SHOWN = 5;

/** "Xã A, Xã B, Xã C", at most NAMES_SHOWN of them, then "…". */
export function nameList(names: readonly string[]): string {
  return names.length <= NAMES_SHOWN ? names.join(", ") : `${names.slice(0, NAMES_SHOWN).join(", ")}, …`;
}

/** A reading's clause, or `fallback` when the plan has no such reading. */
export function readingSource(plan: Plan, id: string, fallback?: string): string | undefined {
  return plan.readings.find((r) => r.id === id)?.source ?? fallback;
}

/**
 * One reason per rank for the units held at the cut-off (reading *_tie_at_award: not awarded
 * automatically, the council decides), naming the tied units held at that rank; keyed by `blockOf`
 * when given (a partly ordered tie, whose held units may not share one rank: then none is named).
 */
export function tieReasons(
  pending: ArrayLike<number>, rankOf: (i: number) => number | null, nameOf: (i: number) => string, source: string | undefined, blockOf?: (i: number) => number,
): Map<number, AwardReason> {
  const byBlock = new Map<number, { rank: number | null; names: string[] }>();
  for (let k = 0; k < pending.length; k++) {
    const i = pending[k];
    const r = rankOf(i);
    if (r === null) continue;
    const b = blockOf ? blockOf(i) : r;
    const held = byBlock.get(b);
    if (!held) byBlock.set(b, { rank: r, names: [nameOf(i)] });
    else {
      held.names.push(nameOf(i));
      if (held.rank !== r) held.rank = null;
    }
  }
  const out = new Map<number, AwardReason>();
  for (const [b, { rank, names }] of byBlock) {
    const detail: Record<string, string | number> = rank === null ? { count: names.length, units: nameList(names) } : { rank, count: names.length, units: nameList(names) };
    out.set(b, withSource({ code: "award_tie_pending", detail }, source));
  }
  return out;
}

/**
 * A unit that was not ranked. Below the floor it is "not considered" (hg-165 §III.2.b), with the
 * ratio and floor of its finding; any other status is a data flag whose cause is the finding behind
 * the unit's reason (else its first finding).
 */
export function unrankedReason(u: UnitResult, floorSource?: string, byFloor?: Map<string | number | undefined, AwardReason>): AwardReason {
  if (u.status === "not_eligible") {
    // the floor, not the unit's ratio: the ratio is in the unit's own message beside it, and one reason
    // serves every unit below the same floor
    const f = u.findings.find((x) => x.code === "below_floor");
    const floor = f?.detail?.floor;
    let r = byFloor?.get(floor);
    if (!r) {
      r = withSource({ code: "below_floor", detail: floor !== undefined ? { floor } : undefined }, floorSource);
      byFloor?.set(floor, r);
    }
    return r;
  }
  const cause: Finding | undefined = u.findings.find((f) => f.code === u.reason) ?? u.findings[0];
  return cause ? { code: "award_data_flag", causes: [cause] } : { code: "award_data_flag", causes: [{ code: u.reason }] };
}

/** `r` with its clause, when there is one (no `source: undefined` key in the JSON). */
export function withSource(r: AwardReason, source: string | undefined): AwardReason {
  if (r.detail === undefined) delete r.detail;
  if (source !== undefined) r.source = source;
  return r;
}

/**
 * The words for the plan's groups in a message's detail (Plan.groupNoun: "cụm thi đua"); none for a
 * plan of districts, whose messages say huyện as they always have.
 */
export function nounDetail(plan: Plan): { noun: string; nounEn: string } | undefined {
  return plan.groupNoun ? { noun: plan.groupNoun.vi, nounEn: plan.groupNoun.en } : undefined;
}

/**
 * The communes' places: the plan's quota of collective places at commune level (scope "total") and
 * its per-group limit, either of which may stand alone (7 communes, at most 2 per district; the top 5,
 * at most 1 per cluster; at most 2 per cluster and no total), and the award they draw on (the quotas'
 * first award code, else the commune award without a rank). Null: no places to allocate.
 */
export function communePlaces(plan: Plan): { total: QuotaDef | undefined; perGroup: QuotaDef | undefined; award: number } | null {
  const own = plan.quotas.filter((q) => q.level === "xa" && q.subject === "collective");
  const total = own.find((q) => q.scope === "total");
  const perGroup = own.find((q) => q.scope === "per_group");
  if (!total && !perGroup) return null;
  const code = (total ?? perGroup)?.awardCodes?.[0];
  const award = code !== undefined ? plan.awards.findIndex((a) => a.code === code) : plan.awards.findIndex((a) => a.level === "xa" && a.rank === undefined);
  return award < 0 ? null : { total, perGroup, award };
}
