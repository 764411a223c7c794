/** What the pane shows after a Rank: counts, the top three per level, the problem rows. Pure. */
import type { Level, Status, UnitResult } from "../engine";
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
  /** rows left out on purpose (totals, column numbers, units under a blank row that ends the table) */
  skipped: { row: number; why: string }[];
  /** sheets written */
  sheets: string[];
  /** context.sync() round trips the job made */
  syncs: number;
}

const LEVEL_ORDER: Level[] = ["tinh", "huyen", "xa"];

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
    skipped: scored.read.skipped,
    sheets,
    syncs,
  };
}

/** The skipped rows as the command line prints them, for the pane to show line by line. */
export function skippedLines(summary: Pick<JobSummary, "skipped">): string[] {
  return summary.skipped.map(skippedRowText);
}
