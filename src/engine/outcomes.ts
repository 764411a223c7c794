/** Outcome shapes shared by every front end. */
import type { AwardReason, CellInput, Finding, Level, ReasonCode, Status } from "./types";

export interface CriterionOutcome {
  id: string;
  label: string;
  source: string;
  status: Status;
  reason: ReasonCode;
  /** the ratio used for points (capped at 1 when a > b); for a district, the combined ratio */
  ratio: number | null;
  capped: boolean;
  threshold: number;
  maxPoints: number;
  points: number | null;
  full: boolean;
  /** e.g. "r = 89,00% < 90% → 0,89 × 60 = 53,40" */
  explanation: string;
  /** district online ratio only: its own ratio and the plain mean of its communes */
  ownRatio?: number | null;
  communeMean?: number | null;
  communeCount?: number;
}

/** Bonus points of one unit (BonusDef): what its cell granted, or null when the cell cannot be used. */
export interface BonusOutcome {
  id: string;
  label: string;
  source: string;
  input: string;
  maxPoints: number;
  points: number | null;
  /** the cell was blank and the plan reads a blank as no bonus (BonusDef.blankReading) */
  blank: boolean;
  /** e.g. "+5 điểm thưởng" */
  explanation: string;
}

export interface UnitOutcome {
  status: Status;
  reason: ReasonCode;
  /** Vietnamese */
  message: string;
  findings: Finding[];
  criteria: CriterionOutcome[];
  total: number | null;
  maxTotal: number;
  explanation: string;
  /** the plan's bonus points for the unit's level, counted in `total`; absent when the plan has none */
  bonuses?: BonusOutcome[];
  /** Plan.adjustment: the points added (negative: taken off) with the reason; null when the cell is blank */
  adjustment?: { points: number; reason: string } | null;
  /** Plan.imported.total: the published total, shown beside `total` (our sum), null when blank */
  publishedTotal?: number | null;
}

/** The unit's tier, and what it would take to reach the next one up. */
export interface TierPlace {
  id: string;
  label: string;
  attention: boolean;
}

/** The next tier up and the points that separate the unit from it: `gap` = bound − total ("more than" when the bound is exclusive). */
export interface NextTier extends TierPlace {
  bound: { value: number; inclusive: boolean };
  gap: number;
}

/** A unit's place last period (`score --previous`), matched by its name with diacritics folded. */
export interface UnitMove {
  kind: "up" | "down" | "same" | "new" | "ambiguous" | "unranked";
  previousRank: number | null;
  previousTotal: number | null;
  /** the tier's label as last period's results wrote it */
  previousTier: string | null;
  /** ranks gained (+2: ▲ 2) or lost (−1: ▼ 1); null unless ranked in both periods */
  move: number | null;
  pointsChange: number | null;
  tierChanged: boolean;
  /** ambiguous: the last period's names it could be */
  candidates?: string[];
}

export interface UnitRow {
  key: string;
  /** the unit's name as its row writes it, when `key` was made unique ("Xã A (2)"); default `key` */
  name?: string;
  group?: string;
  level: Level;
  values: Record<string, CellInput>;
}

export interface UnitResult extends UnitOutcome {
  key: string;
  group: string | null;
  level: Level;
  rank: number | null;
  tied: boolean;
  /** Vietnamese label */
  award: string | null;
  awardCode: string | null;
  prize: number | null;
  bonusPoints: number | null;
  /** why no award: null when the unit has one, or when the plan gives none */
  awardReason: AwardReason | null;
  /** Plan.tiers: the unit's tier (null: scored but in no tier, or not scored); absent when the plan has none */
  tier?: TierPlace | null;
  /** Plan.tiers: the next tier up (null at the top tier or when not scored) */
  nextTier?: NextTier | null;
  /** points behind the unit ranked just above it in its level (null for the first, or when not ranked) */
  gapAbove?: number | null;
  /** Plan.cohort: the unit's cohort as its cell writes it, and its rank within the cohort */
  cohort?: string | null;
  cohortRank?: number | null;
  /** set by compareWithPrevious when a previous period is given */
  move?: UnitMove;
}

export interface QuotaUse {
  id: string;
  label: string;
  limit: number;
  used: number;
  group?: string;
  source?: string;
  /** places held back for units tied across the cutoff (reading *_tie_at_award) */
  pending?: number;
}

export interface TableOutcome {
  planId: string;
  units: UnitResult[];
  findings: (Finding & { key?: string })[];
  quotas: QuotaUse[];
  /** ids of the readings applied and the option values used, for the rules sheet */
  options?: Record<string, unknown>;
  /** set by compareWithPrevious: where last period came from, names matched to several, units gone since */
  previous?: {
    source: string;
    ambiguous: { name: string; candidates: string[] }[];
    gone: { name: string; level: Level; rank: number | null }[];
  };
}

export interface TargetCheck {
  indicator: string;
  label: string;
  source: string;
  target: number | null;
  value: number | null;
  met: boolean | null;
  status: Status;
  reason: ReasonCode;
  message: string;
}
