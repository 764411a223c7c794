/** hg-165 style scoring of units and tables (first version: signatures). */
import type { CellInput, Level } from "./types";
import type { TableOutcome, UnitOutcome, UnitRow } from "./outcomes";

export function scoreUnit(planId: string, level: Level, values: Record<string, CellInput>, opts?: { communeRatios?: CellInput[] }): UnitOutcome {
  void planId; void level; void values; void opts;
  throw new Error("not implemented");
}

export function scoreTable(planId: string, rows: UnitRow[], opts?: Record<string, unknown>): TableOutcome {
  void planId; void rows; void opts;
  throw new Error("not implemented");
}

export function prizeForRank(planId: string, rank: number): { award: string; awardCode: string; prize: number; bonusPoints: number } | null {
  void planId; void rank;
  throw new Error("not implemented");
}
