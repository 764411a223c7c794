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
