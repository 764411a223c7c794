/**
 * Tiers, cohorts and gaps (Plan.tiers, Plan.cohort): worked out on a scored table, whatever scored
 * it (ratio points, imported points), from the units' totals and level ranks alone.
 */
import { message } from "../messages";
import { tierExplanationVi, tierMessageVi } from "../messages/tiers";
import { isBlank } from "./coerce";
import { cachedKey } from "./keys";
import { exactPoints } from "./numbers";
import type { NextTier, TableOutcome, TierPlace, UnitResult, UnitRow } from "./outcomes";
import { pushFinding } from "./ratio-units";
import type { CellInput, Finding, Level, Plan, TierBound, TierDef } from "./types";

/**
 * A total at or past a lower bound, as the plan writes it: "từ 90" holds 90, "trên 94" does not hold
 * 94. Totals and bounds are compared as the decimals they stand for (exactPoints), never with a
 * tolerance: 93,99 is below 94 and 94 (17,75 + 19,5 + …) is 94.
 */
function reachesMin(total: number, b: TierBound): boolean {
  return b.inclusive ? total >= b.value : total > b.value;
}

function withinMax(total: number, b: TierBound): boolean {
  return b.inclusive ? total <= b.value : total < b.value;
}

/** The tier whose bounds hold `total`, or null when none does (a range the plan leaves uncovered). */
export function tierOf(tiers: TierDef[], total: number): TierDef | null {
  const t = exactPoints(total);
  for (const tier of tiers) if ((!tier.min || reachesMin(t, tier.min)) && (!tier.max || withinMax(t, tier.max))) return tier;
  return null;
}

/**
 * The nearest tier above `total`: of the tiers whose lower bound the total does not reach, the one
 * with the lowest bound; its bound and the points missing (bound − total; "more than" that when the
 * bound is exclusive, as "trên 94"). Null at the top, or above every tier.
 */
export function nextTierOf(tiers: TierDef[], total: number): NextTier | null {
  const t = exactPoints(total);
  let best: TierDef | null = null;
  for (const tier of tiers) {
    if (!tier.min || reachesMin(t, tier.min)) continue;
    if (!best || tier.min.value < (best.min as TierBound).value) best = tier;
  }
  if (!best) return null;
  const bound = best.min as TierBound;
  return { ...place(best), bound: { value: bound.value, inclusive: bound.inclusive }, gap: exactPoints(bound.value - t) };
}

function place(t: TierDef): TierPlace {
  return { id: t.id, label: t.label, attention: t.attention === true };
}

/** Whether tiers, cohorts and gaps are worked out for the plan's tables. */
export function placesUnits(plan: Plan): boolean {
  return plan.kind === "imported_points" || (plan.kind === "ratio_points" && (plan.tiers !== undefined || plan.cohort !== undefined));
}

function appendSentence(text: string, tail: string, sep: string): string {
  return text ? `${text}${sep}${tail}` : text;
}

/**
 * The post-pass on a scored table of a plan with tiers or a cohort (and every imported_points table):
 * each unit's tier and next tier up (Plan.tiers), its gap to the unit ranked just above it in its
 * level, its cohort and its rank there (Plan.cohort). `rows` are the table's rows, in the units'
 * order. Plans without any of these are left untouched, so their outputs stay as they were.
 */
export function placeUnits(plan: Plan, out: TableOutcome, rows: UnitRow[]): TableOutcome {
  if (!placesUnits(plan)) return out;
  const units = out.units;
  gapsAbove(units);
  const tiers = plan.tiers;
  if (tiers) {
    const levels = tiers.levels;
    for (const u of units) {
      if (levels && !levels.includes(u.level)) continue;
      if (u.status !== "scored" || u.total === null) {
        u.tier = null;
        u.nextTier = null;
        continue;
      }
      const t = tierOf(tiers.tiers, u.total);
      u.tier = t ? place(t) : null;
      u.nextTier = nextTierOf(tiers.tiers, u.total);
      if (t) {
        u.explanation = appendSentence(u.explanation, tierExplanationVi(t), "; ");
        u.message = appendSentence(u.message, tierMessageVi(t.label), " ");
      }
    }
  }
  if (plan.cohort) cohortRanks(plan, units, rows, out);
  return out;
}

/**
 * gapAbove: the total of the nearest unit with a better rank in the level, minus the unit's own. Tied
 * units share the gap to the unit above their tie; the first (or those tied first) and the unranked have none.
 */
function gapsAbove(units: UnitResult[]): void {
  const byLevel = new Map<Level, UnitResult[]>();
  for (const u of units) {
    u.gapAbove = null;
    if (u.rank === null || u.total === null) continue;
    const list = byLevel.get(u.level);
    if (list) list.push(u);
    else byLevel.set(u.level, [u]);
  }
  for (const list of byLevel.values()) {
    list.sort((a, b) => (a.rank as number) - (b.rank as number));
    /** the total of the last rank seen before the current one */
    let aboveTotal: number | null = null;
    let k = 0;
    while (k < list.length) {
      let m = k;
      const r = list[k].rank;
      while (m < list.length && list[m].rank === r) m++;
      for (let q = k; q < m; q++) list[q].gapAbove = aboveTotal === null ? null : exactPoints(aboveTotal - (list[q].total as number));
      // tied units share a total (within the ranking's tolerance): the first stands for them
      aboveTotal = list[k].total as number;
      k = m;
    }
  }
}

/** The cohort cell as it is written: text or a number; anything else (an error value, a date) cannot name a cohort. */
function cohortText(x: CellInput): string | null | undefined {
  if (isBlank(x)) return null;
  if (typeof x === "string") return x.trim();
  if (typeof x === "number" && Number.isFinite(x)) return String(x);
  return undefined;
}

/**
 * cohortRank: 1 + the units of the same level and cohort (folded as keys are: "Khối xã" and "khối
 * Xã" are one) with a strictly better level rank, so ties share a cohort rank and the next skips as
 * the level's ranks do. A blank cohort cell of a required input is a missing figure; the unit keeps
 * its level rank (the cohort ranks it besides, not instead).
 */
function cohortRanks(plan: Plan, units: UnitResult[], rows: UnitRow[], out: TableOutcome): void {
  const c = plan.cohort!;
  const def = plan.inputs.find((d) => d.id === c.input);
  const label = def?.label ?? c.label;
  const required = def?.required === true;
  const groups = new Map<string, UnitResult[]>();
  units.forEach((u, i) => {
    const cell = rows[i]?.values[c.input];
    const text = cohortText(cell);
    u.cohort = text ?? null;
    u.cohortRank = null;
    let f: Finding | undefined;
    if (text === undefined) f = { code: "invalid_input", input: c.input, detail: { input: label, value: String((cell as { error?: string })?.error ?? cell) } };
    else if (text === null && required) f = { code: "missing_input", input: c.input, detail: { input: label } };
    if (f) {
      pushFinding(u, f);
      out.findings.push({ ...f, key: u.key });
      if (u.status !== "scored") return;
      u.message = appendSentence(u.message, message(f.code, f.detail), " ");
    }
    if (!text || u.rank === null) return;
    const k = `${u.level}|${cachedKey(text)}`;
    const list = groups.get(k);
    if (list) list.push(u);
    else groups.set(k, [u]);
  });
  for (const list of groups.values()) {
    list.sort((a, b) => (a.rank as number) - (b.rank as number));
    for (let q = 0; q < list.length; q++) {
      const r = list[q].rank;
      list[q].cohortRank = q > 0 && list[q - 1].rank === r ? (list[q - 1].cohortRank as number) : q + 1;
    }
  }
}
