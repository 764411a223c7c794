/**
 * The engine's vocabulary. Pure data types: no Office, no DOM, no Node.
 *
 * Every front end (custom functions, command line, task pane) speaks these types, so a change
 * here is a change of contract for all three.
 */

/** Administrative level of a competing unit: province agency, district, commune. */
export type Level = "tinh" | "huyen" | "xa";

/** What became of one unit (or one criterion of it). */
export type Status =
  /** points were computed (possibly with flags such as a > b, capped) */
  | "scored"
  /** left out of the ranking by a plan rule, e.g. a commune below 70% online (hg-165 §III.2.b) */
  | "not_eligible"
  /** nothing to score: a zero or blank denominator, no communes for a district */
  | "no_data"
  /** the figures cannot be read: text, an error value, a negative count, a percent typed as 85 */
  | "invalid_input";

/**
 * Why. Every code has a Vietnamese and an English message in src/messages (a test enforces it).
 * Codes are stable ASCII ids: they are written into scored workbooks and JSON output.
 */
export type ReasonCode =
  | "ok"
  | "missing_input" // a blank cell where a figure is required
  | "invalid_input" // text that is not a number, a boolean, an Excel error value
  | "negative_count" // a count below zero
  | "not_integer" // a count with a fractional part
  | "zero_denominator" // b = 0: no data, never a silent 0
  | "numerator_exceeds_denominator" // a > b: flagged, ratio capped at 100% for points
  | "percent_out_of_range" // a ratio above 100% or below 0, e.g. 85 typed for 85%
  | "percent_ambiguous" // a bare 1 in a column of whole percents (85, 92, 1, 77): 1% or 100%?
  | "below_floor" // commune online ratio < 70%: not considered (hg-165 §III.2.b)
  | "missing_communes" // a district without commune ratios for the combined ratio
  | "unknown_group" // a commune whose district is blank or not in the table
  | "unknown_unit" // a unit the plan's own list of units does not name (hg-165's districts)
  | "unknown_level"
  | "unknown_indicator"
  | "unknown_plan"
  | "invalid_date"
  | "before_campaign" // a date before the campaign's day 1
  | "tie_unresolved" // tied on points and on the tie-break (or no tie-break data)
  | "tie_needs_account_data" // hg-165 commune tie with no filing-account column
  | "target_met"
  | "target_not_met"
  | "not_applicable" // the plan has no rule for this level / indicator
  | "invalid_option" // an option value the plan does not offer
  | "estimate" // a QĐ 766 total computed from headline ratios: an estimate, never the official figure
  | "duplicate_unit" // the same unit (name and district) on two rows
  | "bonus_out_of_range" // bonus points below 0 or above the plan's maximum: an error, never capped
  | "communes_left_out" // hg-165: a district's mean of its communes leaves out communes with blank or bad figures
  | "points_over_max" // an imported group score above its group's maximum (12,5 in a 12-point group): an error, never capped
  | "no_activity" // Plan.activity: no dossiers in the period, so nothing to score: shown apart, not ranked last
  | "adjustment_without_reason" // an adjustment of points with a blank reason cell: the reason is required
  | "reason_without_adjustment" // a reason written beside a blank adjustment: which figure was meant is not guessed
  | "adjustment_out_of_range" // an adjustment beyond its maximum, or one that takes the total below 0 or above the maximum
  | "imported_total_differs" // the published total is not the sum of the published group scores (shown, not trusted)
  // why a unit the plan could award got no award (UnitResult.awardReason); below_floor serves too
  | "award_rank_no_prize" // hg-165 districts: only the ranks with a prize (1–3) are awarded
  | "award_places_taken" // the quota's places went to better-ranked units (or are held for a tie)
  | "award_group_full" // hg-165: the commune's district already has its 2 communes
  | "award_tie_pending" // tied across the places left: not awarded automatically, the council decides
  | "award_waits_for_tie" // np-236: the district places wait until the council settles a provincial tie
  | "award_no_group" // hg-165: a commune with no district cannot be checked against the 2-per-district limit
  | "award_group_not_in_table" // hg-165: a commune whose district has no row in the table
  | "award_duplicates" // a unit appears on two rows: no unit of the table is awarded until it is fixed
  | "award_mean_incomplete" // hg-165: a district whose communes' mean leaves some out waits for their figures
  | "award_data_flag" // not ranked: its figures could not be scored (the finding is the cause)
  | "award_condition_not_met" // ls-170: the award's conditions are not all met (the causes say which)
  | "condition_target_not_met" // a cause: a target of the condition below its target
  | "condition_target_missing" // a cause: a target of the condition with no value
  | "condition_no_solution"; // a cause: ls-170's "has a solution" not recorded as yes

/** A finding about one input of one unit; front ends map `input` to a sheet column. */
export interface Finding {
  code: ReasonCode;
  /** the plan input id the finding is about, when it is about one input */
  input?: string;
  /** numbers or words for the message template, e.g. { value: "85", threshold: 0.7 } */
  detail?: Record<string, string | number>;
}

/**
 * Why a unit got no award, where the plan has awards to give: a code with the numbers and names for
 * its message, the plan clause the decision rests on, and for a condition or a data flag the findings
 * it turned on. Front ends render the words (src/messages awardReasonText) and cite the clause by
 * the plan's document; the code stays in --json beside the words.
 */
export interface AwardReason {
  code: ReasonCode;
  detail?: Record<string, string | number>;
  /** "<seed file> §<section>", as every rule of a plan cites it */
  source?: string;
  causes?: Finding[];
}

/** A cell value as any front end hands it over before coercion. */
export type CellInput = number | string | boolean | null | undefined | Date | { error: string };

// ---------------------------------------------------------------------------------------------
// Plans as data. Every rule carries `source`: "<seed file> §<section>".

/** Vietnamese and English text of a reading or label. */
export interface Text2 {
  vi: string;
  en: string;
}

/**
 * One input column of a plan. `headers` are the wordings the CLI maps workbook columns by.
 * kinds: count (a whole number ≥ 0), ratio (0–1 or a percent), text, date, boolean (có / không),
 * number (a plain number ≥ 0, e.g. bonus points the council granted), signed (a number that may be
 * below 0: a points adjustment, −2).
 */
export interface InputDef {
  id: string;
  label: string;
  kind: "count" | "ratio" | "text" | "date" | "boolean" | "number" | "signed";
  required: boolean;
  headers: string[];
}

/** A reading we take of an ambiguous clause; `option` when the user may choose another reading. */
export interface Reading {
  id: string;
  text: Text2;
  source: string;
  option?: { name: string; default: unknown; values: unknown[] };
}

/**
 * Points from a ratio a / b: full points at or above `threshold`; below it, by `below`:
 * - "proportional" (the default, hg-165 §III.2): r × maxPoints;
 * - "to_threshold": r ÷ threshold × maxPoints (full at ≥ 80%, else r ÷ 80% × 30);
 * - "bands": the points of the highest band whose `min` r reaches, 0 below every band
 *   (≥ 60% → 20, ≥ 40% → 15, ≥ 20% → 10); the threshold is the top band's `min`.
 */
export interface RatioCriterion {
  id: string;
  label: string;
  source: string;
  level: Level;
  numerator: string;
  denominator: string;
  maxPoints: number;
  threshold: number;
  below?: "proportional" | "to_threshold" | "bands";
  /** for below = "bands": bounds inclusive ("≥ 60%"), highest first or in any order */
  bands?: { min: number; points: number }[];
  /** below this ratio the unit is "not considered" (not scored 0) */
  floor?: number;
  floorSource?: string;
  /** the district's r is (own + mean of its communes' r) / 2 */
  combineWithCommunes?: boolean;
  combineSource?: string;
}

/** A target: fixed per level, the user's assigned target plus a margin, or milestones by campaign day. */
export type TargetRule =
  | { kind: "fixed"; value: number }
  | { kind: "by_level"; values: Partial<Record<Level, number>> }
  | { kind: "assigned_plus"; points: number }
  | { kind: "milestones"; steps: { day: number; value: number }[] };

export interface TargetDef {
  id: string;
  /** an official code, e.g. "II.2" (hg-126 Annex I) */
  code?: string;
  label: string;
  /** other names the user may type (matched with normalizeKey) */
  aliases?: string[];
  source: string;
  levels: Level[];
  rule: TargetRule;
}

export interface QuotaDef {
  id: string;
  label: string;
  source: string;
  /** who the quota counts */
  subject: "collective" | "individual";
  level: Level | null;
  /** "total": one limit; "per_group": a limit for each group (district) */
  scope: "total" | "per_group";
  limit: number;
  /** per_group limits by group name (matched with normalizeKey); others get `limit` */
  byGroup?: Record<string, number>;
  /** award codes that draw on this quota */
  awardCodes?: string[];
}

export interface AwardDef {
  code: string;
  label: string;
  source: string;
  level: Level | null;
  /** a prize for one rank (hg-165 districts) */
  rank?: number;
  prize?: number;
  prizeSource?: string;
  bonusPoints?: number;
  bonusSource?: string;
  /** what a unit must meet, in words (ls-170) */
  condition?: string;
  /** how many collectives at most, and each with how many individuals (np-236) */
  maxCollectives?: number;
  individualsEach?: number;
}

/**
 * Bonus points added after the criteria (a recognised initiative: up to +5): the unit's cell of
 * `input` (an input of kind "number") holds the points granted, 0 to maxPoints; more is an error,
 * never capped silently. The total may then exceed the criteria's total.
 */
export interface BonusDef {
  id: string;
  label: string;
  source: string;
  level: Level;
  input: string;
  maxPoints: number;
  /**
   * The id of the plan's reading that says a blank cell means no bonus was granted (0 points), with
   * its clause. Without one a blank cell is a missing figure, as every blank is: never read as 0.
   */
  blankReading?: string;
}

/** A criterion that feeds a user-weighted mean (np-236). */
export interface WeightedCriterion {
  id: string;
  label: string;
  source: string;
  input: string;
}

/** A group of the QĐ 766 national index with its maximum points. */
export interface IndexGroup {
  id: string;
  label: string;
  maxPoints: number;
  source: string;
}

/**
 * A group's points as the national portal publishes them (QĐ 766 index: công khai 18, tiến độ 20, …),
 * read from the unit's cell of `input` (kind "number"), checked against `maxPoints` (above it is an
 * error on the cell, never capped), never recomputed from ratios. Plan kind "imported_points".
 */
export interface ImportedGroup {
  id: string;
  label: string;
  source: string;
  input: string;
  maxPoints: number;
}

/**
 * A bound of a tier exactly as the plan writes it: "trên 94" is { value: 94, inclusive: false } as a
 * min, "từ 90 đến 94" is min { 90, true } and max { 94, true }, "dưới 90" is max { 90, false }.
 */
export interface TierBound {
  value: number;
  inclusive: boolean;
}

/** A named band of totals ("xuất sắc", "tốt", "cần cải thiện"); a side left out is open. */
export interface TierDef {
  id: string;
  label: string;
  min?: TierBound;
  max?: TierBound;
  /** a tier the leaders' bulletin lists by name (An Giang's "cần cải thiện gấp") */
  attention?: boolean;
}

export interface Milestone {
  day: number;
  date: string;
  label: string;
  source: string;
}

export interface Plan {
  id: string;
  version: string;
  title: string;
  titleEn: string;
  /**
   * The plan's document as officials cite it ("KH 165/KH-UBND"): where a person reads, a clause is
   * shown as "<document> §<section>"; the seed file name is kept for the rules sheet only.
   */
  document: string;
  seed: string | null;
  source: string;
  /** the document's date (ISO yyyy-mm-dd), as the plan sheet states it */
  documentDate?: string;
  /**
   * What the plan's groups (the "group" input) are: districts for the plans of 2023–2024, a cluster
   * (cụm thi đua) or block since districts went in July 2025. Absent: huyện / district.
   */
  groupNoun?: Text2;
  /** the points a level's criteria add up to, as the plan states it (ratio_points; absent: 100) */
  totalPoints?: number;
  /** scoring model: how scoreTable treats this plan */
  kind: "ratio_points" | "targets" | "weighted_mean" | "index_groups" | "imported_points";
  period?: { from: string | null; to: string; source: string };
  levels: Level[];
  inputs: InputDef[];
  readings: Reading[];
  criteria: RatioCriterion[];
  targets: TargetDef[];
  quotas: QuotaDef[];
  awards: AwardDef[];
  weighted?: { criteria: WeightedCriterion[]; scoreInput: string; source: string };
  bonuses?: BonusDef[];
  /** ties on points: higher input ÷ per ranks first (hg-165: filing accounts ÷ online dossiers; 2026: the online ratio) */
  tieBreak?: { input: string; per: string; order: "desc"; source: string; levels: Level[] };
  campaign?: { start: string; end: string; milestones: Milestone[]; source: string };
  groups?: { classic: IndexGroup[]; portal: IndexGroup[]; source: string };
  /** kind "imported_points": the groups whose published points are summed into the total */
  imported?: {
    groups: ImportedGroup[];
    source: string;
    /** a published total column, shown beside our sum; never assumed to agree with it (PLANS-2026 §The frame) */
    total?: { input: string; source: string };
  };
  /**
   * The unit's count of dossiers in the period (`input`, kind "count"): a unit with 0 had nothing to
   * score and is shown apart, not ranked (its points may be blank); a blank count is a missing figure.
   */
  activity?: { input: string; source: string };
  /**
   * A signed adjustment of the total (`input`, kind "signed": −2 technical points for a system error)
   * with its reason (`reasonInput`, kind "text"), both required together; a blank adjustment is none
   * (the column records the exceptions). `maxPoints`: the largest adjustment either way, if the plan sets one.
   */
  adjustment?: { input: string; reasonInput: string; label: string; source: string; maxPoints?: number };
  /**
   * Tiers on the total (after any adjustment), highest first; ranges may not overlap nor leave a gap
   * between two tiers; a total outside every tier has none. For the levels listed (absent: all).
   */
  tiers?: { tiers: TierDef[]; source: string; levels?: Level[] };
  /**
   * Ranking within cohorts besides the level's ranking: units whose `input` cell (kind "text": khối
   * sở ngành / phường / xã, a cluster) holds the same value, folded as keys are, are ranked among themselves.
   */
  cohort?: { input: string; label: string; source: string };
  /** other dated facts of the plan (deadlines, baselines) shown to the user */
  notes?: { id: string; text: string; source: string }[];
  /**
   * Where the plan was loaded from, for the rules sheet: absent for a built-in plan; a user's plan
   * names its sheet or file ("Kế hoạch DVC" of data.xlsx, plan.json).
   */
  origin?: { kind: "sheet" | "file"; name: string };
}
