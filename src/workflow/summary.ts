/** What the pane shows after a Rank: counts, the top three per level, the problem rows. Pure. */
import { awardReasonText } from "../engine";
import type { AwardReason, Level, Plan, Status, UnitResult } from "../engine";
import type { Lang } from "../messages";
import { skippedRowText, type Problem, type ScoredSheet } from "../workbook";

export interface TopUnit {
  key: string;
  level: Level;
  rank: number;
  total: number | null;
  award: string | null;
}

export interface JobSummary {
  planId: string;
  units: number;
  counts: Record<Status, number>;
  /** the three best per level, in rank order (ties share a rank) */
  top: TopUnit[];
  /** Plan.tiers: per level, how many units each tier holds (highest first), and the units apart */
  tiers?: LevelTiers[];
  /** target plans: how many unit × indicator checks met / did not */
  targets?: { met: number; notMet: number };
  problems: Problem[];
  /** the units the plan could award that got nothing, and why: ranked ones by rank, then the others */
  withheld: WithheldUnit[];
  /** rows left out on purpose (totals, column numbers, units under a blank row that ends the table) */
  skipped: { row: number; why: string }[];
  /** sheets written */
  sheets: string[];
  /** context.sync() round trips the job made */
  syncs: number;
}

/** One level's units by tier: "Xã, phường: 12 xuất sắc, 60 tốt, 25 cần cải thiện; 1 không phát sinh hồ sơ". */
export interface LevelTiers {
  level: Level;
  /** every tier of the plan for the level, highest first, with its count (0 included: "0 xuất sắc" is news) */
  tiers: { id: string; label: string; attention: boolean; count: number }[];
  /** units in no tier: a total outside every tier, or figures that could not be scored */
  none: number;
  /** units with no dossiers in the period (Plan.activity), shown apart */
  noActivity: number;
}

/** The units of each level by tier, for the levels with units the plan's tiers apply to; undefined without tiers. */
export function tierCounts(units: UnitResult[], plan: Pick<Plan, "tiers"> | undefined): LevelTiers[] | undefined {
  const tiers = plan?.tiers;
  if (!tiers) return undefined;
  const out: LevelTiers[] = [];
  for (const level of LEVEL_ORDER) {
    if (tiers.levels?.length && !tiers.levels.includes(level)) continue;
    const at = units.filter((u) => u.level === level);
    if (!at.length) continue;
    const apart = at.filter((u) => u.status === "no_data" && u.reason === "no_activity");
    const counts = tiers.tiers.map((t) => ({ id: t.id, label: t.label, attention: t.attention ?? false, count: at.filter((u) => u.tier?.id === t.id).length }));
    const tiered = counts.reduce((a, c) => a + c.count, 0);
    out.push({ level, tiers: counts, none: at.length - tiered - apart.length, noActivity: apart.length });
  }
  return out;
}

export interface WithheldUnit {
  key: string;
  level: Level;
  rank: number | null;
  reason: AwardReason;
}

const LEVEL_ORDER: Level[] = ["tinh", "huyen", "xa"];

/** Units with a reason for no award, level by level, best ranked first, unranked ones last. */
export function withheldUnits(units: UnitResult[]): WithheldUnit[] {
  const out: WithheldUnit[] = [];
  for (const level of LEVEL_ORDER) {
    const at = units.filter((u) => u.level === level && u.awardReason !== null);
    at.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    for (const u of at) out.push({ key: u.key, level, rank: u.rank, reason: u.awardReason as AwardReason });
  }
  return out;
}

/** Units that share the words of their reason, in the order the first of them comes. */
export interface WithheldGroup {
  units: string[];
  /** the reason in the pane's language: the words of src/messages, with the plan's clause */
  text: string;
}

/**
 * The withheld units grouped by the words of their reason (every commune after the 7th place reads the
 * same), so the pane shows a reason once with the units it holds for.
 */
export function withheldGroups(withheld: WithheldUnit[], lang: Lang): WithheldGroup[] {
  const byText = new Map<string, WithheldGroup>();
  for (const w of withheld) {
    const text = awardReasonText(w.reason, lang);
    const g = byText.get(text);
    if (g) g.units.push(w.key);
    else byText.set(text, { units: [w.key], text });
  }
  return [...byText.values()];
}

export function topThree(units: UnitResult[]): TopUnit[] {
  const out: TopUnit[] = [];
  for (const level of LEVEL_ORDER) {
    const ranked = units
      .filter((u) => u.level === level && u.rank !== null && u.rank <= 3)
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    for (const u of ranked) out.push({ key: u.key, level, rank: u.rank!, total: u.total, award: u.award });
  }
  return out;
}

export function summarize(scored: ScoredSheet, sheets: string[], syncs: number, plan?: Pick<Plan, "tiers">): JobSummary {
  const counts: Record<Status, number> = { scored: 0, not_eligible: 0, no_data: 0, invalid_input: 0 };
  let met = 0;
  let notMet = 0;
  let anyTarget = false;
  for (const u of scored.outcome.units) {
    counts[u.status]++;
    for (const c of u.criteria) {
      if (c.reason === "target_met") (met++, (anyTarget = true));
      else if (c.reason === "target_not_met") (notMet++, (anyTarget = true));
    }
  }
  return {
    planId: scored.planId,
    units: scored.outcome.units.length,
    counts,
    top: topThree(scored.outcome.units),
    ...(plan?.tiers ? { tiers: tierCounts(scored.outcome.units, plan) } : {}),
    targets: anyTarget ? { met, notMet } : undefined,
    problems: scored.problems,
    withheld: withheldUnits(scored.outcome.units),
    skipped: scored.read.skipped,
    sheets,
    syncs,
  };
}

/** The skipped rows as the command line prints them, for the pane to show line by line. */
export function skippedLines(summary: Pick<JobSummary, "skipped">): string[] {
  return summary.skipped.map(skippedRowText);
}
