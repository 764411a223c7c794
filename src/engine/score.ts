/** Scoring of units and whole tables: ratio points (hg-165), targets, weighted means, QĐ 766 estimate. */
import { findPlan } from "../plans";
import { message } from "../messages";
import { allocate } from "./allocate";
import { isBlank, normalizeKey, normalizeKey as normalizeKeyRaw, parseCount, parsePercent } from "./coerce";
import { formatNumberVi, formatPercentVi, meetsThreshold } from "./numbers";
import type { CriterionOutcome, QuotaUse, TableOutcome, UnitOutcome, UnitResult, UnitRow } from "./outcomes";
import { competitionRank } from "./rank";
import { combinedDistrictRatio, ratioPoints, readRatio } from "./ratio";
import { scoreOtherTable } from "./score-other";
import type { CellInput, Finding, Level, Plan, ReasonCode, Status } from "./types";

const SHORT: Record<string, string> = { online_ratio: "Hồ sơ trực tuyến", eid_ratio: "Định danh mức 2" };

function detailOf(f: Finding | undefined): Record<string, string | number> {
  return { input: f?.input ?? "", ...(f?.detail ?? {}) };
}

const STATUS_ORDER: Status[] = ["not_eligible", "invalid_input", "no_data", "scored"];

function fail(status: Status, reason: ReasonCode, findings: Finding[], maxTotal = 100, detail?: Record<string, string | number>): UnitOutcome {
  return { status, reason, message: message(reason, detail), findings, criteria: [], total: null, maxTotal, explanation: message(reason, detail) };
}

/** Commune ratios handed over as cells: blanks skipped (a range's empty tail), anything else must be a ratio. */
function readCommuneRatios(cells: CellInput[], findings: Finding[]): number[] | null {
  const out: number[] = [];
  let bad = false;
  for (const c of cells) {
    if (isBlank(c)) continue;
    const p = parsePercent(c, "commune_ratios");
    if (p.ok) out.push(p.value);
    else {
      findings.push(p.finding);
      bad = true;
    }
  }
  return bad ? null : out;
}

/** One unit of a ratio-points plan; communeRatios are numbers already read (table) or cells (functions). */
/**
 * `explain = false` (scoreTable option `explain: false`) skips the Vietnamese explanation strings of
 * scored units: building and keeping ~10 strings per unit is most of the cost of a 100,000-unit table.
 * Points, statuses, reasons and findings are the same either way.
 */
function scoreRatioUnit(plan: Plan, level: Level, values: Record<string, CellInput>, communeRatios: number[] | null | undefined, communeFindings: Finding[], explain = true): UnitOutcome {
  const crits = plan.criteria.filter((c) => c.level === level);
  const maxTotal = crits.reduce((s, c) => s + c.maxPoints, 0);
  if (crits.length === 0) return fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: level } }], 100, { value: level });
  const findings: Finding[] = [...communeFindings];
  const criteria: CriterionOutcome[] = [];
  let status: Status = "scored";
  let reason: ReasonCode = "ok";
  let total = 0;
  for (const c of crits) {
    const rr = readRatio(values[c.numerator], values[c.denominator], c.numerator, c.denominator);
    findings.push(...rr.findings);
    const co: CriterionOutcome = {
      id: c.id, label: c.label, source: c.source, status: rr.status, reason: rr.reason, ratio: rr.ratio, capped: rr.capped,
      threshold: c.threshold, maxPoints: c.maxPoints, points: null, full: false, explanation: "",
    };
    let r = rr.ratio;
    let rText = r === null || !explain ? "" : `r = ${formatPercentVi(r)}${rr.capped ? " (a > b, lấy 100%)" : ""}`;
    if (r !== null && c.combineWithCommunes) {
      co.ownRatio = r;
      if (communeRatios === null) {
        co.status = "invalid_input";
        co.reason = "invalid_input";
        r = null;
      } else if (!communeRatios || communeRatios.length === 0) {
        co.status = "no_data";
        co.reason = "missing_communes";
        findings.push({ code: "missing_communes" });
        r = null;
      } else {
        const mean = communeRatios.reduce((s, x) => s + x, 0) / communeRatios.length;
        co.communeMean = mean;
        co.communeCount = communeRatios.length;
        r = combinedDistrictRatio(r, communeRatios);
        co.ratio = r;
        if (explain) rText = `r = (${formatPercentVi(co.ownRatio)} của huyện + ${formatPercentVi(mean)} bình quân ${communeRatios.length} xã) / 2 = ${formatPercentVi(r)}`;
      }
    }
    if (r !== null) {
      if (c.floor !== undefined && !meetsThreshold(r, c.floor)) {
        co.status = "not_eligible";
        co.reason = "below_floor";
        co.explanation = `${rText} < ${formatPercentVi(c.floor, 0)} → không xét thi đua`;
        findings.push({ code: "below_floor", input: c.numerator, detail: { ratio: formatPercentVi(r), floor: formatPercentVi(c.floor, 0) } });
      } else {
        if (explain) {
          const p = ratioPoints(r, c.threshold, c.maxPoints, rText);
          co.points = p.points;
          co.full = p.full;
          co.explanation = p.explanation;
        } else {
          co.full = meetsThreshold(r, c.threshold);
          co.points = co.full ? c.maxPoints : r * c.maxPoints;
        }
        total += co.points;
      }
    } else if (!co.explanation) {
      co.explanation = message(co.reason, { input: co.reason === "zero_denominator" ? c.denominator : c.numerator });
    }
    criteria.push(co);
    if (STATUS_ORDER.indexOf(co.status) < STATUS_ORDER.indexOf(status)) {
      status = co.status;
      reason = co.reason;
    } else if (status === "scored" && co.reason !== "ok" && reason === "ok") reason = co.reason;
  }
  const scored = status === "scored";
  if (!explain && status === "scored") {
    return { status, reason, message: "", findings, criteria, total, maxTotal, explanation: "" };
  }
  const ex = criteria.map((c) => `${SHORT[c.id] ?? c.label}: ${c.explanation}`).join("; ");
  const below = criteria.find((c) => c.reason === "below_floor");
  const msg = scored
    ? `Tổng điểm ${formatNumberVi(total)}/${maxTotal}.` + (reason !== "ok" ? " " + message(reason, findings.find((f) => f.code === reason)?.detail) : "")
    : below
      ? message("below_floor", findings.find((f) => f.code === "below_floor")?.detail)
      : message(reason, detailOf(findings.find((f) => f.code === reason) ?? findings[0]));
  return {
    status, reason, message: msg, findings, criteria, total: scored ? total : null, maxTotal,
    explanation: scored ? `${ex} → tổng = ${formatNumberVi(total)}/${maxTotal}` : `${ex}${ex ? " → " : ""}${msg}`,
  };
}

/** One unit: hg-165 points (district: pass its communes' ratios). */
export function scoreUnit(planId: string, level: Level, values: Record<string, CellInput>, opts?: { communeRatios?: CellInput[] }): UnitOutcome {
  const plan = findPlan(planId);
  if (!plan) return fail("invalid_input", "unknown_plan", [{ code: "unknown_plan", detail: { value: planId } }], 100, { value: planId });
  if (plan.kind !== "ratio_points") return fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: planId } }], 100, { value: planId });
  if (!plan.levels.includes(level)) return fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: level } }], 100, { value: level });
  const findings: Finding[] = [];
  const ratios = opts?.communeRatios ? readCommuneRatios(opts.communeRatios, findings) : undefined;
  return scoreRatioUnit(plan, level, values, ratios, findings);
}

/** The prize of a rank (hg-165 districts: 1 → Hạng Nhất, 20.000.000 đ, +3). */
export function prizeForRank(planId: string, rank: number): { award: string; awardCode: string; prize: number; bonusPoints: number } | null {
  const plan = findPlan(planId);
  const a = plan?.awards.find((x) => x.rank !== undefined && x.rank === rank);
  if (!a) return null;
  return { award: a.label, awardCode: a.code, prize: a.prize ?? 0, bonusPoints: a.bonusPoints ?? 0 };
}

/** District names match the quota table without their prefix: "Huyện Phụng Hiệp", "TP. Ngã Bảy". */
export function districtQuotaKey(name: string): string {
  return normalizeKey(name).replace(/^(huyen|thi xa|thanh pho|tp|tx|h)\s+/, "");
}

// An explicit literal (not a spread): this runs once per unit and a spread of a wide object is slow.
function blankResult(row: UnitRow, o: UnitOutcome): UnitResult {
  return {
    status: o.status, reason: o.reason, message: o.message, findings: o.findings, criteria: o.criteria, total: o.total,
    maxTotal: o.maxTotal, explanation: o.explanation, key: row.key, group: row.group ?? null, level: row.level,
    rank: null, tied: false, award: null, awardCode: null, prize: null, bonusPoints: null,
  };
}

export function scoreTable(planId: string, rows: UnitRow[], opts?: Record<string, unknown>): TableOutcome {
  const plan = findPlan(planId);
  if (!plan) {
    const f: Finding = { code: "unknown_plan", detail: { value: planId } };
    return { planId, units: [], findings: [f], quotas: [] };
  }
  if (plan.kind !== "ratio_points") return scoreOtherTable(plan, rows, opts ?? {});
  return scoreHg165Table(plan, rows, opts?.explain !== false);
}

function scoreHg165Table(plan: Plan, rows: UnitRow[], explain: boolean): TableOutcome {
  const tableFindings: (Finding & { key?: string })[] = [];
  const units: UnitResult[] = new Array(rows.length);
  // thousands of communes share a few district names: normalise each distinct name once
  const keyCache = new Map<string, string>();
  const normalizeKey = (s: string) => {
    let k = keyCache.get(s);
    if (k === undefined) keyCache.set(s, (k = normalizeKeyRaw(s)));
    return k;
  };
  const districtKeys = new Map<string, string>();
  rows.forEach((r) => {
    if (r.level === "huyen") districtKeys.set(normalizeKey(r.group || r.key), r.group || r.key);
  });
  const ratiosByGroup = new Map<string, number[]>();
  const groupOfRow: (string | null)[] = new Array(rows.length).fill(null);
  const onlineCrit = plan.criteria.find((c) => c.level === "xa" && c.id === "online_ratio");
  // communes first: their ratios feed their district's combined ratio
  rows.forEach((row, i) => {
    if (row.level !== "xa") return;
    const o = scoreRatioUnit(plan, "xa", row.values, undefined, [], explain);
    units[i] = blankResult(row, o);
    const g = row.group && row.group.trim() ? normalizeKey(row.group) : null;
    groupOfRow[i] = g;
    if (g === null) tableFindings.push({ code: "unknown_group", key: row.key, detail: { group: "" } });
    else if (districtKeys.size > 0 && !districtKeys.has(g)) tableFindings.push({ code: "unknown_group", key: row.key, detail: { group: row.group as string } });
    const online = o.criteria.find((c) => c.id === onlineCrit?.id);
    // reading hg165_mean_members: every computable commune ratio, below-floor ones included
    const r = online && online.ratio !== null ? online.ratio : null;
    if (g !== null && r !== null) {
      let list = ratiosByGroup.get(g);
      if (!list) ratiosByGroup.set(g, (list = []));
      list.push(r);
    }
  });
  rows.forEach((row, i) => {
    if (row.level === "xa") return;
    if (!plan.levels.includes(row.level)) {
      units[i] = blankResult(row, fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: row.level } }], 100, { value: row.level }));
      return;
    }
    const g = normalizeKey(row.group || row.key);
    groupOfRow[i] = g;
    const o = scoreRatioUnit(plan, "huyen", row.values, ratiosByGroup.get(g) ?? [], [], explain);
    units[i] = blankResult(row, o);
    units[i].group = row.group || row.key;
  });
  for (let i = 0; i < rows.length; i++) for (const f of units[i].findings) tableFindings.push({ ...f, key: rows[i].key });

  // ranking: districts among districts, communes among communes (tie-break for communes)
  const tb = plan.tieBreak;
  const hasAccounts = tb ? rows.some((r) => r.level === "xa" && !isBlank(r.values[tb.input] as CellInput)) : false;
  const quotas: QuotaUse[] = [];
  for (const level of ["huyen", "xa"] as Level[]) {
    const idx: number[] = [];
    for (let i = 0; i < rows.length; i++) if (rows[i].level === level && units[i].status === "scored") idx.push(i);
    const scores = idx.map((i) => units[i].total);
    let tiebreak: (number | null)[] | undefined;
    if (tb && tb.levels.includes(level)) {
      tiebreak = idx.map((i) => {
        const acc = parseCount(rows[i].values[tb.input], tb.input);
        const per = parseCount(rows[i].values[tb.per], tb.per);
        if (!acc.ok) {
          if (acc.finding.code !== "missing_input") tableFindings.push({ ...acc.finding, key: rows[i].key });
          return null;
        }
        return per.ok && per.value > 0 ? acc.value / per.value : null;
      });
    }
    const ranks = competitionRank(scores, tiebreak);
    idx.forEach((i, k) => {
      units[i].rank = ranks[k].rank;
      units[i].tied = ranks[k].tied;
      if (ranks[k].tied) {
        const code: ReasonCode = tiebreak && (!hasAccounts || tiebreak[k] === null) ? "tie_needs_account_data" : "tie_unresolved";
        // one object in both lists: ties can concern most of a large table
        const f: Finding & { key: string } = { code, detail: { rank: ranks[k].rank as number }, key: rows[i].key };
        units[i].findings.push(f);
        tableFindings.push(f);
      }
    });
    const order = idx.slice().sort((a, b) => (units[a].rank as number) - (units[b].rank as number));
    if (level === "huyen") {
      // each prize is one place (Nhất, Nhì, Ba): a tie that reaches a prize place cannot share it
      // (reading hg165_tie_at_award); competition ranks keep the places after the tie (1, 1, 3 → Ba)
      for (const i of order) {
        const r = units[i].rank as number;
        const p = prizeForRank(plan.id, r);
        if (!p) continue;
        if (units[i].tied) flagPending(units[i], rows[i].key, tableFindings);
        else Object.assign(units[i], { award: p.award, awardCode: p.awardCode, prize: p.prize, bonusPoints: p.bonusPoints });
      }
    } else {
      const perDistrict = plan.quotas.find((q) => q.id === "communes_per_district");
      const total = plan.quotas.find((q) => q.id === "communes_total");
      const award = plan.awards.find((a) => a.code === "commune_merit");
      if (!perDistrict || !total || !award) continue;
      const al = allocate({ order, rankOf: (i) => units[i].rank as number, limit: total.limit, groupOf: (i) => groupOfRow[i], groupLimit: () => perDistrict.limit });
      for (const i of al.awarded) Object.assign(units[i], { award: award.label, awardCode: award.code });
      for (const i of al.pending) flagPending(units[i], rows[i].key, tableFindings);
      quotas.push({ id: total.id, label: total.label, limit: total.limit, used: al.used, pending: al.held, source: total.source });
      const names = new Map<string, string>(districtKeys);
      rows.forEach((r, i) => {
        const g = groupOfRow[i];
        if (r.level === "xa" && g !== null && !names.has(g)) names.set(g, (r.group as string).trim());
      });
      for (const [g, name] of names) {
        quotas.push({ id: perDistrict.id, label: perDistrict.label, limit: perDistrict.limit, used: al.usedByGroup.get(g) ?? 0, pending: al.heldByGroup.get(g) ?? 0, group: name, source: perDistrict.source });
      }
    }
  }
  const ind = plan.quotas.find((q) => q.id === "individuals_per_district");
  if (ind) {
    const byKey = new Map(Object.entries(ind.byGroup ?? {}).map(([k, v]) => [districtQuotaKey(k), v]));
    for (const name of districtKeys.values()) {
      quotas.push({ id: ind.id, label: ind.label, limit: byKey.get(districtQuotaKey(name)) ?? ind.limit, used: 0, group: name, source: ind.source });
    }
  }
  return { planId: plan.id, units, findings: tableFindings, quotas, options: { explain } };
}

export function flagPending(u: UnitResult, key: string, sink: (Finding & { key?: string })[]): void {
  const f: Finding = { code: "tie_unresolved", detail: { rank: u.rank ?? "" } };
  if (!u.findings.some((x) => x.code === "tie_unresolved")) {
    u.findings.push(f);
    sink.push({ ...f, key });
  }
  u.message = `${u.message} ${message("tie_unresolved")}`;
}
