/** The --json shape: one object per unit, stable ASCII keys, numbers unrounded. */
import type { UnitResult } from "../engine";
import type { ScoredSheet } from "./types";
import { resultOrder } from "./layout";

/** The unit's outcome fields as the engine gives them, under stable keys. */
export type JsonUnit = Pick<
  UnitResult,
  "group" | "level" | "status" | "reason" | "message" | "total" | "rank" | "tied" | "award" | "awardCode" | "prize" | "bonusPoints"
> & {
  unit: string;
  /** criterion id → points (null when not scored) */
  points: Record<string, number | null>;
  /** criterion id → ratio used */
  ratios: Record<string, number | null>;
  /** sheet row the unit came from */
  row: number | null;
};

export function toJsonRows(scored: ScoredSheet): JsonUnit[] {
  const rowOf = new Map(scored.read.sources.map((s) => [s.key, s.row]));
  return resultOrder(scored.outcome.units).map((u) => ({
    unit: u.key,
    group: u.group,
    level: u.level,
    status: u.status,
    reason: u.reason,
    message: u.message,
    total: u.total,
    rank: u.rank,
    tied: u.tied,
    award: u.award,
    awardCode: u.awardCode,
    prize: u.prize,
    bonusPoints: u.bonusPoints,
    points: Object.fromEntries(u.criteria.map((c) => [c.id, c.points])),
    ratios: Object.fromEntries(u.criteria.map((c) => [c.id, c.ratio])),
    row: rowOf.get(u.key) ?? null,
  }));
}
