/**
 * Plan kind "imported_points": a unit's group points as the national portal publishes them (QĐ 766
 * index: công khai 18, tiến độ 20, …), read as they are, checked against each group's maximum and
 * summed; the period's dossier count (Plan.activity), a signed adjustment with its reason
 * (Plan.adjustment) and the published total beside our sum (Plan.imported.total). Ranked per level.
 */
import { message } from "../messages";
import { IMPORTED_WORDS } from "../messages/tiers";
import { isBlank, parseCount, parseNumber } from "./coerce";
import { exactPoints, formatNumberVi } from "./numbers";
import type { CriterionOutcome, TableOutcome, UnitOutcome, UnitResult, UnitRow } from "./outcomes";
import { competitionRank } from "./rank";
import type { CellInput, Finding, ImportedGroup, Level, Plan, ReasonCode, Status } from "./types";

type TableFinding = Finding & { key?: string };

/** The published total may differ from our sum by the rounding of its groups: more than this is a difference. */
const PUBLISHED_TOLERANCE = 0.005;

/** The most points a unit of the plan can have: the plan's stated total, else the groups' maxima added up. */
export function importedMaxTotal(plan: Plan): number {
  return plan.totalPoints ?? exactPoints((plan.imported?.groups ?? []).reduce((s, g) => s + g.maxPoints, 0));
}

/** The label an official knows an input by: the plan's own (its ids are not words). */
function labelOf(plan: Plan, id: string): string {
  return plan.inputs.find((d) => d.id === id)?.label ?? id;
}

/** A cell as it was written, for a message: "12,5", "abc", "#N/A". */
function written(x: CellInput): string {
  if (typeof x === "string") return x.trim();
  if (typeof x === "object" && x !== null && !(x instanceof Date) && typeof (x as { error?: unknown }).error === "string") return (x as { error: string }).error;
  if (typeof x === "number") return formatNumberVi(x, Number.isInteger(x) ? 0 : decimalsOf(x));
  return String(x);
}

function decimalsOf(x: number): number {
  const s = String(x);
  const dot = s.indexOf(".");
  return dot < 0 || /e/i.test(s) ? 2 : Math.min(9, s.length - dot - 1);
}

/** A signed number as text, with the minus sign officials type (−2) as well as the hyphen. */
function readSigned(x: CellInput, input: string, label: string): { ok: true; value: number } | { ok: false; finding: Finding } {
  const cell = typeof x === "string" ? x.replace(/^\s*[\u2212\u2013]/, "-") : x;
  const n = parseNumber(cell, input);
  if (n.ok) return { ok: true, value: exactPoints(n.value) };
  return { ok: false, finding: { code: n.finding.code, input, detail: { ...n.finding.detail, input: label } } };
}

/** "−2,00", "+1,50", "0,00": an adjustment shown with its sign. */
function signedText(x: number): string {
  if (x === 0) return formatNumberVi(0);
  return (x < 0 ? "−" : "+") + formatNumberVi(Math.abs(x));
}

/** A group's points read from its cell: null with a finding when the cell cannot be used (blank, text, negative, above its maximum). */
function readGroup(g: ImportedGroup, cell: CellInput, label: string): { points: number | null; finding?: Finding } {
  if (isBlank(cell)) return { points: null, finding: { code: "missing_input", input: g.input, detail: { input: label } } };
  const n = parseNumber(cell, g.input);
  if (!n.ok) return { points: null, finding: { code: n.finding.code, input: g.input, detail: { ...n.finding.detail, input: label } } };
  // a formula's float noise (18.000000000000004) is the decimal it shows, not points over the maximum
  const v = exactPoints(n.value);
  if (v < 0) return { points: null, finding: { code: "invalid_input", input: g.input, detail: { input: label, value: written(cell) } } };
  if (v > g.maxPoints) return { points: null, finding: { code: "points_over_max", input: g.input, detail: { input: label, value: written(cell), max: formatNumberVi(g.maxPoints, Number.isInteger(g.maxPoints) ? 0 : 2) } } };
  return { points: v };
}

function groupOutcome(g: ImportedGroup, points: number | null, f: Finding | undefined): CriterionOutcome {
  const status: Status = !f ? "scored" : f.code === "missing_input" ? "no_data" : "invalid_input";
  return {
    id: g.id, label: g.label, source: g.source, status, reason: f ? f.code : "ok",
    // a published group score has no ratio and no threshold of ours
    ratio: null, capped: false, threshold: Number.NaN, maxPoints: g.maxPoints, points, full: points !== null && points === g.maxPoints,
    explanation: f ? message(f.code, f.detail) : points === null ? "" : `${formatNumberVi(points)}/${formatNumberVi(g.maxPoints, Number.isInteger(g.maxPoints) ? 0 : 2)}`,
  };
}

function notApplicable(value: string, maxTotal: number): UnitOutcome {
  const m = message("not_applicable", { value });
  return { status: "invalid_input", reason: "not_applicable", message: m, findings: [{ code: "not_applicable", detail: { value } }], criteria: [], total: null, maxTotal, explanation: m };
}

/**
 * One unit of an imported_points plan: its groups' published points checked and summed exactly
 * (exactPoints), its adjustment added with its reason, its published total compared. Errors on a
 * cell leave the unit unscored (total null) and name the cell's input; a dossier count of 0 leaves
 * it unscored as "no_activity", shown apart, its blank group cells then expected.
 */
export function scoreImportedUnit(plan: Plan, level: Level, values: Record<string, CellInput>): UnitOutcome {
  const imp = plan.imported;
  const maxTotal = importedMaxTotal(plan);
  if (plan.kind !== "imported_points" || !imp) return notApplicable(plan.id, maxTotal);
  if (!plan.levels.includes(level)) return notApplicable(level, maxTotal);
  const findings: Finding[] = [];
  /** findings that keep the unit from a total, in the order of the columns */
  const errors: Finding[] = [];

  // the period's dossier count: 0 means nothing to score; a blank or bad count is a missing or bad figure
  let idle = false;
  let activityFinding: Finding | undefined;
  if (plan.activity) {
    const a = plan.activity;
    const cell = values[a.input];
    const label = labelOf(plan, a.input);
    const c = parseCount(cell, a.input);
    if (!c.ok) activityFinding = { code: c.finding.code, input: a.input, detail: { ...c.finding.detail, input: label } };
    else if (c.value === 0) idle = true;
    if (activityFinding) {
      findings.push(activityFinding);
      errors.push(activityFinding);
    }
  }

  const criteria: CriterionOutcome[] = [];
  const parts: string[] = [];
  let sum = 0;
  for (const g of imp.groups) {
    const cell = values[g.input];
    // a unit with no dossiers has no points to publish: its blank cells are expected (a figure written there is still checked)
    if (idle && isBlank(cell)) {
      criteria.push({ ...groupOutcome(g, null, undefined), status: "no_data", reason: "no_activity" });
      continue;
    }
    const r = readGroup(g, cell, labelOf(plan, g.input));
    criteria.push(groupOutcome(g, r.points, r.finding));
    if (r.finding) {
      findings.push(r.finding);
      errors.push(r.finding);
    } else {
      sum += r.points as number;
      parts.push(`${g.label} ${criteria[criteria.length - 1].explanation}`);
    }
  }
  // see exactPoints: the sum compares exactly with the tiers' bounds
  sum = exactPoints(sum);

  // the adjustment and its reason go together: either without the other is an error, never guessed
  let adjustment: { points: number; reason: string } | null = null;
  const adj = plan.adjustment;
  if (adj) {
    const aCell = values[adj.input];
    const rCell = values[adj.reasonInput];
    const aLabel = labelOf(plan, adj.input);
    const rLabel = labelOf(plan, adj.reasonInput);
    const reasonBlank = isBlank(rCell);
    const reasonText = reasonBlank ? "" : written(rCell);
    const bad = (f: Finding) => {
      findings.push(f);
      errors.push(f);
    };
    const reasonIsError = typeof rCell === "object" && rCell !== null && !(rCell instanceof Date);
    if (reasonIsError) bad({ code: "invalid_input", input: adj.reasonInput, detail: { input: rLabel, value: reasonText } });
    if (isBlank(aCell)) {
      if (!reasonBlank && !reasonIsError) bad({ code: "reason_without_adjustment", input: adj.input, detail: { input: aLabel, value: reasonText } });
    } else {
      const n = readSigned(aCell, adj.input, aLabel);
      if (!n.ok) bad(n.finding);
      else if (reasonBlank) bad({ code: "adjustment_without_reason", input: adj.reasonInput, detail: { input: rLabel, value: signedText(n.value) } });
      else if (adj.maxPoints !== undefined && Math.abs(n.value) > adj.maxPoints) {
        bad({ code: "adjustment_out_of_range", input: adj.input, detail: { value: signedText(n.value), limit: IMPORTED_WORDS.adjustmentLimit(formatNumberVi(adj.maxPoints, Number.isInteger(adj.maxPoints) ? 0 : 2)) } });
      } else if (!reasonIsError) adjustment = { points: n.value, reason: reasonText };
    }
  }

  // the published total: shown, compared, never trusted over the groups (a bad cell there is named, the unit still scored)
  let publishedTotal: number | null | undefined;
  if (imp.total) {
    const cell = values[imp.total.input];
    publishedTotal = null;
    if (!isBlank(cell)) {
      const n = parseNumber(cell, imp.total.input);
      if (n.ok && n.value >= 0) publishedTotal = exactPoints(n.value);
      else findings.push({ code: "invalid_input", input: imp.total.input, detail: { input: labelOf(plan, imp.total.input), value: written(cell) } });
    }
  }

  let total: number | null = null;
  if (!idle && errors.length === 0) {
    total = adjustment ? exactPoints(sum + adjustment.points) : sum;
    if (adjustment && (total < 0 || total > maxTotal)) {
      const f: Finding = { code: "adjustment_out_of_range", input: adj!.input, detail: { value: signedText(adjustment.points), limit: IMPORTED_WORDS.totalLimit(formatNumberVi(maxTotal, Number.isInteger(maxTotal) ? 0 : 2)) } };
      findings.push(f);
      errors.push(f);
      total = null;
    }
  }
  const maxText = formatNumberVi(maxTotal, Number.isInteger(maxTotal) ? 0 : 2);
  let differs: Finding | undefined;
  if (total !== null && publishedTotal !== null && publishedTotal !== undefined && Math.abs(publishedTotal - sum) > PUBLISHED_TOLERANCE) {
    differs = { code: "imported_total_differs", input: imp.total!.input, detail: { published: formatNumberVi(publishedTotal), sum: formatNumberVi(sum) } };
    findings.push(differs);
  }

  const out: UnitOutcome = { status: "scored", reason: "ok", message: "", findings, criteria, total, maxTotal, explanation: "" };
  if (adj) out.adjustment = adjustment;
  if (imp.total) out.publishedTotal = publishedTotal ?? null;

  if (idle && !activityFinding) {
    const f: Finding = { code: "no_activity", input: plan.activity!.input, detail: { input: labelOf(plan, plan.activity!.input) } };
    findings.unshift(f);
    out.status = "no_data";
    out.reason = "no_activity";
    const m = message("no_activity", f.detail);
    // a figure written in the cells of a unit with no dossiers is still wrong: said after
    out.message = errors.length ? `${m} ${message(errors[0].code, errors[0].detail)}` : m;
    out.explanation = out.message;
    return out;
  }
  if (total === null) {
    // a blank alone is a missing figure (no_data); anything else that cannot be read is bad input
    const first = errors.find((f) => f.code !== "missing_input") ?? errors[0];
    out.status = first.code === "missing_input" ? "no_data" : "invalid_input";
    out.reason = first.code as ReasonCode;
    out.message = message(first.code, first.detail);
    out.explanation = parts.length ? `${parts.join("; ")} → ${out.message}` : out.message;
    return out;
  }
  let ex = `${parts.join("; ")} = ${formatNumberVi(sum)}`;
  if (adjustment) ex += `; ${IMPORTED_WORDS.adjustment(signedText(adjustment.points), adjustment.reason)} → ${formatNumberVi(total)}`;
  if (publishedTotal !== null && publishedTotal !== undefined) ex += `; ${IMPORTED_WORDS.published(formatNumberVi(publishedTotal))}`;
  out.explanation = ex;
  const head = adjustment
    ? IMPORTED_WORDS.totalWithAdjustment(formatNumberVi(total), maxText, signedText(adjustment.points), adjustment.reason)
    : IMPORTED_WORDS.total(formatNumberVi(total), maxText);
  if (differs) {
    out.reason = "imported_total_differs";
    out.message = `${head} ${message("imported_total_differs", differs.detail)}`;
  } else out.message = head;
  return out;
}

function result(row: UnitRow, o: UnitOutcome): UnitResult {
  return { ...o, key: row.key, group: row.group ?? null, level: row.level, rank: null, tied: false, award: null, awardCode: null, prize: null, bonusPoints: null, awardReason: null };
}

/**
 * A table of an imported_points plan: each unit scored, then ranked within its level on its total
 * (competition ranking: equal totals share a rank, the next rank skips: 1, 2, 2, 4). Units with no
 * dossiers or with figures that cannot be used are not ranked. This kind gives no awards.
 */
export function scoreImportedTable(plan: Plan, rows: UnitRow[]): TableOutcome {
  const units = rows.map((r) => result(r, scoreImportedUnit(plan, r.level, r.values)));
  const findings: TableFinding[] = [];
  for (const u of units) for (const f of u.findings) findings.push({ ...f, key: u.key });
  const levels = [...new Set(units.map((u) => u.level))];
  for (const level of levels) {
    const idx = units.map((_, i) => i).filter((i) => units[i].level === level && units[i].status === "scored" && units[i].total !== null);
    const ranks = competitionRank(idx.map((i) => units[i].total));
    idx.forEach((i, k) => {
      units[i].rank = ranks[k].rank;
      units[i].tied = ranks[k].tied;
    });
  }
  return { planId: plan.id, units, findings, quotas: [], options: {} };
}
