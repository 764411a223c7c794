/** The --json shape: one object per unit, stable ASCII keys, numbers unrounded. */
import { awardReasonText, message } from "../engine";
import type { AwardReason, Finding, ReasonCode, TableOutcome, UnitResult } from "../engine";
import { citation } from "../plans";
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
  /** why no award (null when awarded, or when the plan gives none): the code beside its words */
  awardReason: JsonAwardReason | null;
  /** bonus id → points granted (null when its cell cannot be used); only for a plan with bonus points */
  bonus?: Record<string, number | null>;
} & Partial<Pick<UnitResult, "tier" | "nextTier" | "gapAbove" | "cohort" | "cohortRank" | "adjustment" | "publishedTotal" | "move">>;

/** The outcome fields a plan has only when it asks for them (tiers, cohorts, adjustments, published totals, a previous period). */
const OPTIONAL_FIELDS = ["publishedTotal", "adjustment", "tier", "nextTier", "gapAbove", "cohort", "cohortRank", "move"] as const;

/** The fields of OPTIONAL_FIELDS the unit has, as the engine gave them: absent stays absent, null stays null. */
function optionalFields(u: UnitResult): Partial<JsonUnit> {
  const out: Record<string, unknown> = {};
  for (const k of OPTIONAL_FIELDS) if (u[k] !== undefined) out[k] = u[k];
  return out as Partial<JsonUnit>;
}

/** Where last period came from, the names matched to several units of it, and its units gone since: null without --previous. */
export function toJsonPrevious(scored: ScoredSheet): NonNullable<TableOutcome["previous"]> | null {
  return scored.outcome.previous ?? null;
}

/** A reason's code, its Vietnamese text, its clause as "KH 165/KH-UBND §III.2.b", and its parts. */
export interface JsonAwardReason {
  code: ReasonCode;
  text: string;
  source?: string;
  detail?: Record<string, string | number>;
  causes?: { code: ReasonCode; text: string; input?: string; source?: string; detail?: Record<string, string | number> }[];
}

/** The detail without its clause (given apart, cited for people), or undefined when nothing is left. */
function splitSource(detail: Record<string, string | number> | undefined): { detail?: Record<string, string | number>; source?: string } {
  if (!detail) return {};
  const { source, ...rest } = detail;
  const out: { detail?: Record<string, string | number>; source?: string } = {};
  if (Object.keys(rest).length) out.detail = rest;
  if (typeof source === "string") out.source = citation(source);
  return out;
}

export function jsonAwardReason(r: AwardReason | null): JsonAwardReason | null {
  if (!r) return null;
  const out: JsonAwardReason = { code: r.code, text: awardReasonText(r) };
  if (r.source !== undefined) out.source = citation(r.source);
  if (r.detail) out.detail = r.detail;
  if (r.causes?.length) {
    out.causes = r.causes.map((c: Finding) => ({
      code: c.code, text: message(c.code, c.detail), ...(c.input !== undefined ? { input: c.input } : {}), ...splitSource(c.detail),
    }));
  }
  return out;
}

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
    awardReason: jsonAwardReason(u.awardReason),
    ...(u.bonuses ? { bonus: Object.fromEntries(u.bonuses.map((b) => [b.id, b.points])) } : {}),
    ...optionalFields(u),
  }));
}
