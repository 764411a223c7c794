/** Tables of the target plans (hg-126, ls-170, iator-32), np-236 (weighted mean) and QĐ 766 (estimate). */
import { message } from "../messages";
import { allocate } from "./allocate";
import { scoreImportedTable } from "./imported";
import { readingSource, tieReasons, unrankedReason, withSource } from "./award-reasons";
import { isBlank, normalizeKey, parsePercent } from "./coerce";
import { formatNumberVi, formatPercentVi, formatThresholdVi } from "./numbers";
import type { CriterionOutcome, QuotaUse, TableOutcome, TargetCheck, UnitOutcome, UnitResult, UnitRow } from "./outcomes";
import { competitionRank } from "./rank";
import { checkTarget, type CheckedTarget } from "./targets";
import type { AwardDef, AwardReason, CellInput, Finding, Plan, ReasonCode, Status } from "./types";
import { weightedMean } from "./weighted";

type TableFinding = Finding & { key?: string };

function result(row: UnitRow, o: UnitOutcome): UnitResult {
  return { ...o, key: row.key, group: row.group ?? null, level: row.level, rank: null, tied: false, award: null, awardCode: null, prize: null, bonusPoints: null, awardReason: null };
}

const YES = new Set(["co", "x", "yes", "true", "1", "dat", "y"]);
const NO = new Set(["khong", "no", "false", "0", "n", "chua"]);

/** A yes/no cell ("có", "không", TRUE, 1, "x"); null when blank, undefined when unreadable. */
export function parseYesNo(x: CellInput): boolean | null | undefined {
  if (isBlank(x)) return null;
  if (typeof x === "boolean") return x;
  if (typeof x === "number") return x === 1 ? true : x === 0 ? false : undefined;
  if (typeof x === "string") {
    const k = normalizeKey(x);
    if (YES.has(k)) return true;
    if (NO.has(k)) return false;
  }
  return undefined;
}

/** QĐ 766 points from headline ratios: always labelled an estimate (reason "estimate"). */
export function estimate766(plan: Plan, values: Record<string, CellInput>, scheme: "portal" | "classic" = "portal"): UnitOutcome {
  const groups = plan.groups?.[scheme] ?? [];
  const findings: Finding[] = [];
  let total = 0;
  const parts: string[] = [];
  let status: Status = "scored";
  let reason: ReasonCode = "estimate";
  for (const g of groups) {
    const p = parsePercent(values[g.id], g.id);
    if (!p.ok) {
      findings.push(p.finding);
      if (status === "scored") {
        status = p.finding.code === "missing_input" ? "no_data" : "invalid_input";
        reason = p.finding.code;
      }
      continue;
    }
    total += p.value * g.maxPoints;
    parts.push(`${g.label}: ${formatPercentVi(p.value)} × ${g.maxPoints} = ${formatNumberVi(p.value * g.maxPoints)}`);
  }
  const ok = status === "scored";
  const msg = ok ? `Ước tính ${formatNumberVi(total)}/100. ${message("estimate")}` : message(reason, findings[0]?.detail ?? { input: findings[0]?.input ?? "" });
  findings.push({ code: "estimate" });
  return { status, reason, message: msg, findings, criteria: [], total: ok ? total : null, maxTotal: 100, explanation: `${parts.join("; ")}${ok ? ` → ước tính ${formatNumberVi(total)}` : ""}` };
}

/**
 * A target check in the shape every front end lays out: the value as the "ratio", the target in force
 * as the "threshold", met as "full". Targets carry no points.
 */
/** A number or a text that is just 1 ("1", "1,0"): no percent sign to say which 1 it is. */
export function isBareOne(x: CellInput): boolean {
  return x === 1 || (typeof x === "string" && /^\s*1(?:[.,]0*)?\s*$/.test(x));
}

/** A bare number above 1 and at most 100 ("85" typed for 85%), as it was written. */
function wholePercentText(x: CellInput): string | null {
  if (typeof x === "number") return x > 1 && x <= 100 ? String(x) : null;
  if (typeof x !== "string" || !/^\s*\d{1,3}(?:[.,]\d+)?\s*$/.test(x)) return null;
  const n = Number(x.trim().replace(",", "."));
  return n > 1 && n <= 100 ? x.trim() : null;
}

/**
 * Reading percent_ambiguous_one: the columns (by input id) in which some cell holds a whole percent
 * (85 for 85%), each with the first such cell as an example; a bare 1 there is 1% or 100%.
 */
function wholePercentExamples(ids: string[], rows: UnitRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of ids) {
    const w = wholePercentExample(rows.map((r) => r.values[id]));
    if (w !== undefined) out.set(id, w);
  }
  return out;
}

/** The first whole percent of a column's cells (reading percent_ambiguous_one), if any: a custom function's range reads as a table's column. */
export function wholePercentExample(cells: readonly CellInput[]): string | undefined {
  for (const x of cells) {
    const w = wholePercentText(x);
    if (w !== null) return w;
  }
  return undefined;
}

/** The check of a bare 1 in a column of whole percents: flagged, its value not used (never guessed). */
function ambiguousOne(c: CheckedTarget, id: string, example: string): CheckedTarget {
  // `c` is the check of a plain value: the target's own findings (a bad date, an unknown level) come first
  if (c.status !== "scored") return c;
  const finding: Finding = { code: "percent_ambiguous", input: id, detail: { input: id, value: example } };
  return { ...c, value: null, met: null, status: "invalid_input", reason: "percent_ambiguous", message: message("percent_ambiguous", finding.detail), finding };
}

function checkAsCriterion(c: TargetCheck): CriterionOutcome {
  return {
    id: c.indicator, label: c.label, source: c.source, status: c.status, reason: c.reason,
    ratio: c.value, capped: false, threshold: c.target ?? Number.NaN, maxPoints: 0, points: null,
    full: c.met === true, explanation: c.message,
  };
}

export function scoreOtherTable(plan: Plan, rows: UnitRow[], opts: Record<string, unknown>): TableOutcome {
  const findings: TableFinding[] = [];
  const push = (key: string, fs: Finding[]) => fs.forEach((f) => findings.push({ ...f, key }));
  const quotas: QuotaUse[] = [];
  if (plan.kind === "imported_points") return scoreImportedTable(plan, rows);
  if (plan.kind === "index_groups") {
    const scheme = opts.scheme === "classic" ? "classic" : "portal";
    const units = rows.map((r) => result(r, estimate766(plan, r.values, scheme)));
    units.forEach((u) => push(u.key, u.findings));
    return { planId: plan.id, units, findings, quotas, options: { scheme } };
  }
  if (plan.kind === "targets") {
    const wholePercents = wholePercentExamples(plan.targets.map((t) => t.id), rows);
    const units = rows.map((row) => {
      const checks: CheckedTarget[] = [];
      const fs: Finding[] = [];
      for (const t of plan.targets) {
        if (!t.levels.includes(row.level)) continue;
        const v = row.values[t.id];
        if (isBlank(v)) continue;
        const example = wholePercents.get(t.id);
        const topts = { date: row.values.date, assigned: row.values[`assigned_${t.id}`], plusMode: opts.plusMode };
        const c = example !== undefined && isBareOne(v) ? ambiguousOne(checkTarget(plan, row.level, t.id, 0.5, topts), t.id, example) : checkTarget(plan, row.level, t.id, v, topts);
        checks.push(c);
        // one bad date stops every target of the row: one problem, on the date cell
        const f = c.finding;
        if (f && !fs.some((g) => g.code === f.code && g.input === f.input)) fs.push(f);
      }
      const met = checks.filter((c) => c.met === true).length;
      const bad = checks.find((c) => c.status !== "scored");
      const status: Status = checks.length === 0 ? "no_data" : bad ? bad.status : "scored";
      const reason: ReasonCode = checks.length === 0 ? "missing_input" : bad ? bad.reason : met === checks.length ? "target_met" : "target_not_met";
      const o: UnitOutcome = {
        status, reason, findings: fs, criteria: checks.map(checkAsCriterion), total: status === "scored" ? met : null, maxTotal: checks.length,
        message: status === "scored" ? `Đạt ${met}/${checks.length} chỉ tiêu.` : message(reason, bad?.finding?.detail ?? { input: bad?.indicator ?? "" }),
        // each target by its official code (hg-126 "II.2") or its name: the ids are not for people
        explanation: checks.map((c) => `${targetName(plan, c.indicator, c.label)}: ${c.message}`).join("; "),
      };
      const u = result(row, o);
      const award = plan.awards.find((a) => a.code === "ls170_merit");
      if (award && status === "scored") {
        // reading ls170_award: targets 1 and 2 met (all three indicators present) and a solution
        const need = ["so_hoa", "dvc_co_ho_so", "ho_so_truc_tuyen"];
        const allMet = need.every((id) => checks.some((c) => c.indicator === id && c.met === true));
        const sol = parseYesNo(row.values.giai_phap);
        if (sol === undefined) fs.push({ code: "invalid_input", input: "giai_phap", detail: { input: "giai_phap", value: String(row.values.giai_phap) } });
        // the column is required: a blank is a missing figure, never "không" (it may be yes), so the
        // award waits for it rather than being refused on it
        const blank = sol === null;
        const missing: Finding | undefined = blank ? { code: "missing_input", input: "giai_phap", detail: { input: "giai_phap" } } : undefined;
        if (missing) fs.push(missing);
        if (allMet && sol === true) Object.assign(u, { award: award.label, awardCode: award.code });
        else if (allMet && missing) u.awardReason = { code: "award_data_flag", causes: [missing] };
        else u.awardReason = unmetCondition(plan, award, need, checks, sol === true || blank ? null : row.values.giai_phap);
      } else if (award) u.awardReason = unrankedReason(u);
      return u;
    });
    units.forEach((u) => push(u.key, u.findings));
    return { planId: plan.id, units, findings, quotas, options: { plusMode: opts.plusMode ?? "points" } };
  }
  return scoreWeightedTable(plan, rows, opts, findings);
}

function scoreWeightedTable(plan: Plan, rows: UnitRow[], opts: Record<string, unknown>, findings: TableFinding[]): TableOutcome {
  const w = plan.weighted!;
  const weights = Array.isArray(opts.weights) ? (opts.weights as number[]) : undefined;
  const countsIn = opts.provincialCountsInDistrict === true;
  const hasScore = rows.some((r) => !isBlank(r.values[w.scoreInput]));
  const units = rows.map((row) => {
    const fs: Finding[] = [];
    let total: number | null = null;
    let explanation = "";
    if (hasScore) {
      const v = row.values[w.scoreInput];
      const p = typeof v === "number" && v > 1 ? { ok: true as const, value: v } : parsePercent(v, w.scoreInput);
      // a provincial index score is in points (e.g. 87,5) or a ratio; both rank the same way
      if (typeof v === "string" && !/%/.test(v)) {
        const n = Number(v.replace(",", "."));
        if (Number.isFinite(n) && n >= 0) total = n;
        else fs.push({ code: "invalid_input", input: w.scoreInput, detail: { input: w.scoreInput, value: v } });
      } else if (p.ok) total = p.value;
      else fs.push(p.finding);
      if (typeof v === "number" && v < 0) {
        total = null;
        fs.push({ code: "invalid_input", input: w.scoreInput, detail: { input: w.scoreInput, value: String(v) } });
      }
      explanation = total !== null ? `Điểm theo Bộ chỉ số do người dùng nhập: ${formatNumberVi(total)}` : "";
    } else {
      const vals: number[] = [];
      for (const c of w.criteria) {
        const p = parsePercent(row.values[c.input], c.input);
        if (p.ok) vals.push(p.value);
        else fs.push(p.finding);
      }
      if (fs.length === 0) {
        try {
          total = weightedMean(vals, weights);
          explanation = `Trung bình có trọng số do người dùng đặt (${weights ? weights.join(" : ") : "bằng nhau"}) của ${vals.map((v) => formatPercentVi(v)).join(", ")} = ${formatPercentVi(total)} — cách tính riêng của người dùng, không phải điểm chính thức`;
        } catch (e) {
          fs.push({ code: "invalid_option", detail: { name: "weights", value: String(e instanceof Error ? e.message : e) } });
        }
      }
    }
    const status: Status = total !== null ? "scored" : fs.some((f) => f.code === "missing_input") && fs.every((f) => f.code === "missing_input") ? "no_data" : "invalid_input";
    const reason: ReasonCode = total !== null ? "ok" : fs[0]?.code ?? "missing_input";
    return result(row, { status, reason, findings: fs, criteria: [], total, maxTotal: hasScore ? 100 : 1, message: total !== null ? explanation : message(reason, fs[0]?.detail ?? { input: fs[0]?.input ?? "" }), explanation: explanation || message(reason, fs[0]?.detail) });
  });
  const quotas: QuotaUse[] = [];
  const prov = plan.awards.find((a) => a.code === "np236_province")!;
  const dist = plan.awards.find((a) => a.code === "np236_district")!;
  for (const level of ["huyen", "xa"] as const) {
    const idx = rows.map((_, i) => i).filter((i) => rows[i].level === level && units[i].status === "scored");
    const ranks = competitionRank(idx.map((i) => units[i].total));
    idx.forEach((i, k) => Object.assign(units[i], ranks[k]));
    const order = idx.slice().sort((a, b) => (units[a].rank as number) - (units[b].rank as number));
    const qp = plan.quotas.find((q) => q.level === level && q.awardCodes?.includes("np236_province"))!;
    const qd = plan.quotas.find((q) => q.level === level && q.awardCodes?.includes("np236_district"))!;
    const a1 = allocate({ order, rankOf: (i) => units[i].rank as number, limit: qp.limit });
    for (const i of a1.awarded) Object.assign(units[i], { award: prov.label, awardCode: prov.code });
    // reading np236_provincial_not_in_district: by default the provincial awardee leaves all district places free
    const taken = new Set([...a1.awarded, ...a1.pending]);
    const rest = order.filter((i) => !taken.has(i));
    const districtLimit = countsIn ? Math.max(0, qd.limit - a1.awarded.length) : qd.limit;
    const a2 = a1.pending.length > 0 ? { awarded: [], pending: [], used: 0, held: 0 } : allocate({ order: rest, rankOf: (i) => units[i].rank as number, limit: districtLimit });
    for (const i of a2.awarded) Object.assign(units[i], { award: dist.label, awardCode: dist.code });
    for (const i of [...a1.pending, ...a2.pending]) {
      const f: Finding = { code: "tie_unresolved", detail: { rank: units[i].rank ?? "" } };
      units[i].findings.push(f);
    }
    // why the others of the level got nothing: a tie held, the district places waiting on the provincial
    // tie (they are not given out until the council settles it), or every place taken
    const tieSource = readingSource(plan, "np236_tie_at_award", qd.source);
    for (const [al, ties] of [a1, a2].map((a) => [a, tieReasons(a.pending, (i) => units[i].rank, (i) => units[i].key, tieSource)] as const)) {
      for (const i of al.pending) units[i].awardReason = ties.get(units[i].rank as number) ?? null;
    }
    if (a1.pending.length > 0) {
      const waits = withSource({ code: "award_waits_for_tie", detail: { quota: qd.label, rank: units[a1.pending[0]].rank as number } }, qp.source);
      for (const i of rest) if (units[i].awardReason === null) units[i].awardReason = waits;
    } else if ("blocked" in a2) {
      const detail: Record<string, string | number> = { limit: qd.limit, quota: qd.label };
      if (a2.cutoffRank !== null) detail.cutoff = a2.cutoffRank;
      const taken = withSource({ code: "award_places_taken", detail }, qd.source);
      for (const i of a2.blocked) units[i].awardReason = taken;
    }
    quotas.push({ id: qp.id, label: qp.label, limit: qp.limit, used: a1.used, pending: a1.held, source: qp.source });
    quotas.push({ id: qd.id, label: qd.label, limit: qd.limit, used: a2.used + (countsIn ? a1.used : 0), pending: a2.held, source: qd.source });
  }
  for (const u of units) if (u.status !== "scored" && u.award === null) u.awardReason = unrankedReason(u);
  units.forEach((u) => u.findings.forEach((f) => findings.push({ ...f, key: u.key })));
  return { planId: plan.id, units, findings, quotas, options: { weights: weights ?? "equal", provincialCountsInDistrict: countsIn, scoreColumn: hasScore } };
}

function targetName(plan: Plan, id: string, label: string): string {
  return plan.targets.find((t) => t.id === id)?.code ?? (label || id);
}

/**
 * ls-170 §V.2.b unmet (reading ls170_award): each target of the condition that is below its target or
 * has no value, with value, target and clause, and the solution when it is not recorded as yes
 * (`solution` is the cell, null when it says yes).
 */
function unmetCondition(plan: Plan, award: AwardDef, need: string[], checks: CheckedTarget[], solution: CellInput | null): AwardReason {
  const causes: Finding[] = [];
  for (const id of need) {
    const t = plan.targets.find((x) => x.id === id);
    const indicator = t?.label ?? id;
    const c = checks.find((x) => x.indicator === id);
    if (!c || c.value === null) causes.push({ code: "condition_target_missing", input: id, detail: t ? { indicator, source: t.source } : { indicator } });
    else if (c.met !== true) {
      const detail: Record<string, string | number> = { indicator, value: formatPercentVi(c.value) };
      if (c.target !== null) detail.target = formatThresholdVi(c.target);
      if (t) detail.source = t.source;
      causes.push({ code: "condition_target_not_met", input: id, detail });
    }
  }
  if (solution !== null) causes.push(isBlank(solution) ? { code: "condition_no_solution", input: "giai_phap" } : { code: "condition_no_solution", input: "giai_phap", detail: { value: String(solution) } });
  return withSource({ code: "award_condition_not_met", causes }, award.source);
}
