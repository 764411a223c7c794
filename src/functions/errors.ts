/**
 * Error values of the custom functions, and THE table that maps an engine reason code to one.
 *
 * No Office globals at import time: in Excel `CustomFunctions.Error` is used, in Node (Jest, the
 * command line) a plain object with the same fields, so the same code path runs everywhere.
 */
import type { Finding, ReasonCode } from "../engine/types";
import { inputLabel, message } from "../messages";

/** The error codes a custom function may return (#NAME? and #REF! are input-only in Excel). */
export type XlErrorCode = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!" | "#NULL!";

/** The shape of `CustomFunctions.Error`: what Excel shows is `code`, the flag's tooltip is `message`. */
export interface XlError {
  code: XlErrorCode;
  message?: string;
}

/** Stand-in for `CustomFunctions.Error` where the Office runtime is absent. */
export class FallbackXlError implements XlError {
  constructor(
    public code: XlErrorCode,
    public message?: string,
  ) {}
}

interface CustomFunctionsGlobal {
  Error?: new (code: XlErrorCode, message?: string) => XlError;
}

/** A new error value; `CustomFunctions.Error` when the runtime provides it. */
export function xlError(code: XlErrorCode, msg?: string): XlError {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  if (cf && typeof cf.Error === "function") return new cf.Error(code, msg);
  return new FallbackXlError(code, msg);
}

const XL_CODES: readonly string[] = ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#NAME?", "#REF!", "#SPILL!", "#CALC!", "#GETTING_DATA"];

/** True for an error value produced here (or by `CustomFunctions.Error`). */
export function isXlError(x: unknown): x is XlError {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof Date) &&
    typeof (x as { code?: unknown }).code === "string" && XL_CODES.includes((x as { code: string }).code);
}

/**
 * Error code for each reason. Why #N/A for "no data" rather than #DIV/0!: Excel shows a custom
 * message only with #VALUE! and #N/A (CustomFunctions.ErrorCode docs), and every error here must
 * carry a Vietnamese message naming the problem. So:
 * - #VALUE!: the figures cannot be read or are inconsistent (text, error value, negative, a > b,
 *   a percent typed as 85, unknown level / indicator / date);
 * - #N/A: there is nothing to give (blank, zero denominator, no communes, not considered,
 *   no rule for this level, no prize for this rank).
 */
export const ERROR_FOR_REASON: Record<ReasonCode, XlErrorCode> = {
  ok: "#N/A",
  missing_input: "#N/A",
  invalid_input: "#VALUE!",
  negative_count: "#VALUE!",
  not_integer: "#VALUE!",
  zero_denominator: "#N/A",
  numerator_exceeds_denominator: "#VALUE!",
  percent_out_of_range: "#VALUE!",
  percent_ambiguous: "#VALUE!",
  below_floor: "#N/A",
  missing_communes: "#N/A",
  unknown_group: "#N/A",
  unknown_unit: "#N/A",
  unknown_level: "#VALUE!",
  unknown_indicator: "#VALUE!",
  unknown_plan: "#VALUE!",
  invalid_date: "#VALUE!",
  before_campaign: "#N/A",
  tie_unresolved: "#N/A",
  tie_needs_account_data: "#N/A",
  target_met: "#N/A",
  target_not_met: "#N/A",
  not_applicable: "#N/A",
  invalid_option: "#VALUE!",
  estimate: "#N/A",
  duplicate_unit: "#VALUE!",
  bonus_out_of_range: "#VALUE!",
  communes_left_out: "#N/A",
  points_over_max: "#VALUE!",
  no_activity: "#N/A",
  adjustment_without_reason: "#VALUE!",
  reason_without_adjustment: "#VALUE!",
  adjustment_out_of_range: "#VALUE!",
  imported_total_differs: "#N/A",
  // why no award: outcomes of a whole table, never a function's error; #N/A (nothing to give) if ever
  award_rank_no_prize: "#N/A",
  award_places_taken: "#N/A",
  award_group_full: "#N/A",
  award_tie_pending: "#N/A",
  award_waits_for_tie: "#N/A",
  award_no_group: "#N/A",
  award_group_not_in_table: "#N/A",
  award_duplicates: "#N/A",
  award_mean_incomplete: "#N/A",
  award_data_flag: "#N/A",
  award_condition_not_met: "#N/A",
  condition_target_not_met: "#N/A",
  condition_target_missing: "#N/A",
  condition_no_solution: "#N/A",
};

/** Input ids of the plans and of the functions, named in Vietnamese inside messages. */
const INPUT_NAMES: Record<string, string> = {
  online_dossiers: "số hồ sơ trực tuyến",
  all_dossiers: "tổng số hồ sơ phát sinh",
  eid_activated: "số tài khoản định danh điện tử mức 2 đã kích hoạt",
  citizens_with_cccd: "số công dân có CCCD",
  filing_accounts: "số tài khoản nộp hồ sơ",
  level: "cấp",
  indicator: "chỉ tiêu",
  date: "ngày",
  value: "giá trị",
  rank: "thứ hạng",
  assigned_target: "chỉ tiêu được giao",
  assigned: "chỉ tiêu được giao (QĐ 533/QĐ-UBND)",
  commune_ratios: "tỷ lệ của các xã",
  own_ratio: "tỷ lệ của huyện",
  scores: "điểm",
  tiebreak: "tiêu chí phụ",
};

export function inputName(id: string | undefined): string | undefined {
  // a plan's own input (a plan sheet's "initiative_points") by the label the plan gives it
  return id === undefined ? undefined : (INPUT_NAMES[id] ?? inputLabel(id));
}

/** The error value for an engine finding, with the engine's Vietnamese message naming the input. */
export function errorForFinding(f: Finding, context?: string): XlError {
  const detail: Record<string, string | number> = { ...(f.detail ?? {}) };
  const name = inputName(f.input);
  if (name !== undefined && (detail.input === undefined || detail.input === f.input)) detail.input = name;
  let text = message(f.code, detail, "vi");
  if (name !== undefined && !text.includes(name)) text = `${name}: ${text}`;
  if (context) text = `${context}: ${text}`;
  return xlError(ERROR_FOR_REASON[f.code], text);
}

/** The error value for a reason with an already written message. */
export function errorForReason(code: ReasonCode, text: string): XlError {
  return xlError(ERROR_FOR_REASON[code], text);
}
