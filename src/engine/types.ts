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
  | "below_floor" // commune online ratio < 70%: not considered (hg-165 §III.2.b)
  | "missing_communes" // a district without commune ratios for the combined ratio
  | "unknown_group" // a commune whose district is blank or not in the table
  | "unknown_level"
  | "unknown_indicator"
  | "unknown_plan"
  | "invalid_date"
  | "before_campaign" // a date before the campaign's day 1
  | "tie_unresolved" // tied on points and on the tie-break (or no tie-break data)
  | "tie_needs_account_data" // hg-165 commune tie with no filing-account column
  | "target_met"
  | "target_not_met"
  | "not_applicable"; // the plan has no rule for this level / indicator

/** A finding about one input of one unit; front ends map `input` to a sheet column. */
export interface Finding {
  code: ReasonCode;
  /** the plan input id the finding is about, when it is about one input */
  input?: string;
  /** numbers or words for the message template, e.g. { value: "85", threshold: 0.7 } */
  detail?: Record<string, string | number>;
}

/** A cell value as any front end hands it over before coercion. */
export type CellInput = number | string | boolean | null | undefined | Date | { error: string };
