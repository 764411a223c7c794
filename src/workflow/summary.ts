/** What the pane shows after a Rank: counts, the top three per level, the problem rows. Pure. */
import { awardReasonText } from "../engine";
import type { AwardReason, Level, Status, UnitResult } from "../engine";
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

export function summarize(scored: ScoredSheet, sheets: string[], syncs: number): JobSummary {
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
