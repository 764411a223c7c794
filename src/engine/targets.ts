/** Target checks (hg-126, ls-170, iator-32) and campaign days. */
import { message } from "../messages";
import type { Parsed } from "./coerce";
import { isoToEpochDay, normalizeKey, parseDate, parsePercent } from "./coerce";
import { formatPercentVi, formatThresholdVi, meetsThreshold } from "./numbers";
import type { TargetCheck } from "./outcomes";
import type { CellInput, Finding, Level, Plan, ReasonCode, TargetDef } from "./types";

export interface TargetOptions {
  date?: CellInput;
  assigned?: CellInput;
  /** ls-170 reading ls170_plus5: "points" (default) or "relative" */
  plusMode?: unknown;
  [option: string]: unknown;
}

const bad = <T>(code: ReasonCode, detail?: Finding["detail"], input?: string): Parsed<T> => {
  const finding: Finding = { code };
  if (detail) finding.detail = detail;
  if (input) finding.input = input;
  return { ok: false, finding };
};

/** A target by id, official code or Vietnamese name (diacritics, case and spacing ignored). */
export function findTarget(plan: Plan, indicator: string): TargetDef | null {
  const k = normalizeKey(String(indicator ?? ""));
  if (!k) return null;
  for (const t of plan.targets) {
    if (normalizeKey(t.id) === k || (t.code && normalizeKey(t.code) === k) || normalizeKey(t.label) === k) return t;
    if (t.aliases?.some((a) => normalizeKey(a) === k)) return t;
  }
  return null;
}

/** Day number of a date in the plan's campaign (iator-32: 22/3/2024 is day 1). */
export function campaignDay(plan: Plan, date: CellInput): Parsed<number> {
  if (!plan.campaign) return bad("not_applicable", { value: plan.id });
  const d = parseDate(date);
  if (!d.ok) return d;
  const day = isoToEpochDay(d.value) - isoToEpochDay(plan.campaign.start) + 1;
  if (day < 1) return bad("before_campaign", { date: d.value.split("-").reverse().join("/"), start: plan.campaign.start.split("-").reverse().join("/") }, "date");
  return { ok: true, value: day };
}

/** Reading ls170_plus5: "+5%" is 5 percentage points by default, or a relative 5%. */
export const PLUS_MODES = ["points", "relative"] as const;

export function targetOf(plan: Plan, level: Level | null, indicator: string, opts?: TargetOptions): Parsed<number> {
  const t = findTarget(plan, indicator);
  if (!t) return bad("unknown_indicator", { value: String(indicator ?? ""), known: plan.targets.map((x) => x.id).join(", ") });
  if (level !== null && !t.levels.includes(level)) return bad("not_applicable", { value: `${t.id} / ${level}` });
  const r = t.rule;
  switch (r.kind) {
    case "fixed":
      return { ok: true, value: r.value };
    case "by_level": {
      if (level === null) return bad("missing_input", { input: "level" }, "level");
      const v = r.values[level];
      return v === undefined ? bad("not_applicable", { value: `${t.id} / ${level}` }) : { ok: true, value: v };
    }
    case "assigned_plus": {
      const a = parsePercent(opts?.assigned, "assigned");
      if (!a.ok) return a;
      const mode = opts?.plusMode ?? "points";
      if (!PLUS_MODES.includes(mode as (typeof PLUS_MODES)[number])) return bad("invalid_option", { name: "plusMode", value: String(mode), known: PLUS_MODES.join(", ") });
      const raw = mode === "relative" ? a.value * (1 + r.points) : a.value + r.points;
      // rounded to 1e-12 so 60% + 5 points is exactly 0.65; reading ls170_cap: no target above 100%
      return { ok: true, value: Math.min(1, Math.round(raw * 1e12) / 1e12) };
    }
    case "milestones": {
      const day = campaignDay(plan, opts?.date);
      if (!day.ok) return day;
      // the next milestone not yet passed; from the last milestone on, its target is maintained
      const step = r.steps.find((s) => day.value <= s.day) ?? r.steps[r.steps.length - 1];
      return { ok: true, value: step.value };
    }
  }
}

/**
 * A check and, when it could not be made, the finding that stopped it with its input named as the
 * table names its columns: "date", `assigned_<id>` or the target's id. A table places the problem on
 * the cell that holds the bad figure, which is not always the target's own value.
 */
export interface CheckedTarget extends TargetCheck {
  finding?: Finding;
}

export function checkTarget(plan: Plan, level: Level | null, indicator: string, value: CellInput, opts?: TargetOptions): CheckedTarget {
  const t = findTarget(plan, indicator);
  const id = t?.id ?? String(indicator ?? "");
  const base = { indicator: id, label: t?.label ?? "", source: t?.source ?? "" };
  const target = targetOf(plan, level, indicator, opts);
  if (!target.ok) {
    const f = target.finding;
    // targetOf names the assigned target "assigned" (a function's argument); a table's column is assigned_<id>
    const input = f.input === "assigned" ? `assigned_${id}` : f.input;
    const finding: Finding = { code: f.code, detail: { ...(input !== undefined ? { input } : {}), ...(f.detail ?? {}) } };
    if (input !== undefined) finding.input = input;
    const status = f.code === "before_campaign" || f.code === "not_applicable" ? "no_data" : "invalid_input";
    return { ...base, target: null, value: null, met: null, status, reason: f.code, message: message(f.code, finding.detail), finding };
  }
  const v = parsePercent(value, t?.id);
  if (!v.ok) {
    const f = v.finding;
    const finding: Finding = { code: f.code, input: id, detail: { input: id, ...(f.detail ?? {}) } };
    return { ...base, target: target.value, value: null, met: null, status: "invalid_input", reason: f.code, message: message(f.code, finding.detail), finding };
  }
  const met = meetsThreshold(v.value, target.value);
  const reason: ReasonCode = met ? "target_met" : "target_not_met";
  return { ...base, target: target.value, value: v.value, met, status: "scored", reason, message: message(reason, { value: formatPercentVi(v.value), target: formatThresholdVi(target.value) }) };
}
