/** Scoring of units and whole tables: ratio points (hg-165), targets, weighted means, QĐ 766 estimate. */
import { findPlan } from "../plans";
import { message } from "../messages";
import { allocate } from "./allocate";
import { isBlank, normalizeKey, normalizeKey as normalizeKeyRaw, parseCount, parsePercent } from "./coerce";
import { formatNumberVi, formatPercentVi, formatThresholdVi, meetsThreshold } from "./numbers";
import type { CriterionOutcome, QuotaUse, TableOutcome, UnitOutcome, UnitResult, UnitRow } from "./outcomes";
import { rankPositions } from "./rank";
import { combinedDistrictRatio, fractionVi, readRatio } from "./ratio";
import { scoreOtherTable } from "./score-other";
import type { CellInput, Finding, Level, Plan, RatioCriterion, ReasonCode, Status } from "./types";

const SHORT: Record<string, string> = { online_ratio: "Hồ sơ trực tuyến", eid_ratio: "Định danh mức 2" };

function detailOf(f: Finding | undefined): Record<string, string | number> {
  return { input: f?.input ?? "", ...(f?.detail ?? {}) };
}

/** Worst first (lower is worse): a unit's status is the worst of its criteria's. */
const STATUS_RANK: Record<Status, number> = { not_eligible: 0, invalid_input: 1, no_data: 2, scored: 3 };

/** Findings of a unit with none: shared, never written to (pushFinding copies it first). */
const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** Adds a finding to a unit whose findings may be the shared empty list. */
function pushFinding(u: { findings: Finding[] }, f: Finding): void {
  if (u.findings === NO_FINDINGS) u.findings = [f];
  else u.findings.push(f);
}

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

/**
 * What a plan level's criteria need on every unit, worked out once per plan and level: the fixed
 * pieces of each explanation ("Hồ sơ trực tuyến: ", " ≥ 90% → 60 điểm tối đa", …), so that
 * explaining a unit only formats its own numbers.
 */
interface LevelCriteria {
  crits: RatioCriterion[];
  /** "Hồ sơ trực tuyến: ": the head of each criterion's part of the unit's explanation */
  heads: string[];
  /** " < 70% → không xét thi đua" (below the floor); "" without a floor */
  belowFloor: string[];
  /** the floor as shown ("70%"); "" without a floor */
  floors: string[];
  /** " ≥ 90% → 60 điểm tối đa" (ratioPoints, full points) */
  fullTail: string[];
  /** " < 90% → " and " × 60 = " (ratioPoints, r × maxPoints) */
  partTail: string[];
  timesTail: string[];
  maxTotal: number;
}

const levelCriteriaCache = new WeakMap<Plan, Map<Level, LevelCriteria>>();

function levelCriteria(plan: Plan, level: Level): LevelCriteria {
  let byLevel = levelCriteriaCache.get(plan);
  if (!byLevel) levelCriteriaCache.set(plan, (byLevel = new Map()));
  let lc = byLevel.get(level);
  if (!lc) {
    const crits = plan.criteria.filter((c) => c.level === level);
    const floors = crits.map((c) => (c.floor === undefined ? "" : formatPercentVi(c.floor, 0)));
    lc = {
      crits,
      heads: crits.map((c) => `${SHORT[c.id] ?? c.label}: `),
      floors,
      belowFloor: floors.map((f) => ` < ${f} → không xét thi đua`),
      fullTail: crits.map((c) => ` ≥ ${formatThresholdVi(c.threshold)} → ${c.maxPoints} điểm tối đa`),
      partTail: crits.map((c) => ` < ${formatThresholdVi(c.threshold)} → `),
      timesTail: crits.map((c) => ` × ${c.maxPoints} = `),
      maxTotal: crits.reduce((s, c) => s + c.maxPoints, 0),
    };
    byLevel.set(level, lc);
  }
  return lc;
}

/** A non-negative whole number, which parseCount reads as itself: the common case, with no parse result built. */
function isPlainCount(x: CellInput): x is number {
  return typeof x === "number" && Number.isInteger(x) && x >= 0;
}

/**
 * One unit of a ratio-points plan; communeRatios are numbers already read (table) or cells (functions).
 *
 * `explain = false` (scoreTable option `explain: false`) skips the Vietnamese explanation strings of
 * scored units. Points, statuses, reasons and findings are the same either way.
 */
function scoreRatioUnit(plan: Plan, level: Level, values: Record<string, CellInput>, communeRatios: number[] | null | undefined, communeFindings: Finding[], explain = true): UnitOutcome {
  const lc = levelCriteria(plan, level);
  const crits = lc.crits;
  if (crits.length === 0) return fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: level } }], 100, { value: level });
  let findings: Finding[] = communeFindings.length ? communeFindings.slice() : NO_FINDINGS;
  const criteria: CriterionOutcome[] = new Array(crits.length);
  let status: Status = "scored";
  let reason: ReasonCode = "ok";
  let total = 0;
  for (let k = 0; k < crits.length; k++) {
    const c = crits[k];
    const aCell = values[c.numerator];
    const bCell = values[c.denominator];
    let r: number | null;
    let co: CriterionOutcome;
    // whole, non-negative, 0 < b, a ≤ b: readRatio would give the plain ratio with no finding
    if (isPlainCount(aCell) && isPlainCount(bCell) && bCell > 0 && aCell <= bCell) {
      r = aCell / bCell;
      co = {
        id: c.id, label: c.label, source: c.source, status: "scored", reason: "ok", ratio: r, capped: false,
        threshold: c.threshold, maxPoints: c.maxPoints, points: null, full: false, explanation: "",
      };
    } else {
      const rr = readRatio(aCell, bCell, c.numerator, c.denominator);
      if (rr.findings.length) findings = findings === NO_FINDINGS ? rr.findings : findings.concat(rr.findings);
      r = rr.ratio;
      co = {
        id: c.id, label: c.label, source: c.source, status: rr.status, reason: rr.reason, ratio: r, capped: rr.capped,
        threshold: c.threshold, maxPoints: c.maxPoints, points: null, full: false, explanation: "",
      };
    }
    let rText = r === null || !explain ? "" : co.capped ? `r = ${formatPercentVi(r)} (a > b, lấy 100%)` : "r = " + formatPercentVi(r);
    if (r !== null && c.combineWithCommunes) {
      co.ownRatio = r;
      if (communeRatios === null) {
        co.status = "invalid_input";
        co.reason = "invalid_input";
        r = null;
      } else if (!communeRatios || communeRatios.length === 0) {
        co.status = "no_data";
        co.reason = "missing_communes";
        findings = findings === NO_FINDINGS ? [] : findings;
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
        co.explanation = rText + lc.belowFloor[k];
        findings = findings === NO_FINDINGS ? [] : findings;
        findings.push({ code: "below_floor", input: c.numerator, detail: { ratio: formatPercentVi(r), floor: lc.floors[k] } });
      } else {
        // ratioPoints (hg-165 §III.2): r ≥ threshold → maxPoints, else r × maxPoints; its text from precomputed parts
        co.full = meetsThreshold(r, c.threshold);
        co.points = co.full ? c.maxPoints : r * c.maxPoints;
        if (explain) co.explanation = co.full ? rText + lc.fullTail[k] : rText + lc.partTail[k] + fractionVi(r) + lc.timesTail[k] + formatNumberVi(co.points);
        total += co.points;
      }
    } else {
      co.explanation = message(co.reason, { input: co.reason === "zero_denominator" ? c.denominator : c.numerator });
    }
    criteria[k] = co;
    if (STATUS_RANK[co.status] < STATUS_RANK[status]) {
      status = co.status;
      reason = co.reason;
    } else if (status === "scored" && co.reason !== "ok" && reason === "ok") reason = co.reason;
  }
  const scored = status === "scored";
  if (!explain && scored) {
    return { status, reason, message: "", findings, criteria, total, maxTotal: lc.maxTotal, explanation: "" };
  }
  let ex = "";
  for (let k = 0; k < criteria.length; k++) ex += (k ? "; " : "") + lc.heads[k] + criteria[k].explanation;
  if (scored) {
    const shownTotal = formatNumberVi(total) + "/" + lc.maxTotal;
    const msg = "Tổng điểm " + shownTotal + "." + (reason !== "ok" ? " " + message(reason, findings.find((f) => f.code === reason)?.detail) : "");
    return { status, reason, message: msg, findings, criteria, total, maxTotal: lc.maxTotal, explanation: ex + " → tổng = " + shownTotal };
  }
  const msg = criteria.some((c) => c.reason === "below_floor")
    ? message("below_floor", findings.find((f) => f.code === "below_floor")?.detail)
    : message(reason, detailOf(findings.find((f) => f.code === reason) ?? findings[0]));
  return { status, reason, message: msg, findings, criteria, total: null, maxTotal: lc.maxTotal, explanation: `${ex}${ex ? " → " : ""}${msg}` };
}

/** One unit: hg-165 points (district: pass its communes' ratios). */
export function scoreUnit(planId: string, level: Level, values: Record<string, CellInput>, opts?: { communeRatios?: CellInput[] }): UnitOutcome {
  const plan = findPlan(planId);
  if (!plan) return fail("invalid_input", "unknown_plan", [{ code: "unknown_plan", detail: { value: planId } }], 100, { value: planId });
  if (plan.kind !== "ratio_points") return fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: planId } }], 100, { value: planId });
  if (!plan.levels.includes(level)) return fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: level } }], 100, { value: level });
  const findings: Finding[] = [];
  const ratios = opts?.communeRatios ? readCommuneRatios(opts.communeRatios, findings) : undefined;
  const o = scoreRatioUnit(plan, level, values, ratios, findings);
  return o.findings === NO_FINDINGS ? { ...o, findings: [] } : o;
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

/**
 * A unit's finding for the table's list: `{ ...f, key }` written out (a spread per finding is slow on
 * large tables); a unit's findings here have no other fields.
 */
function withKey(f: Finding, key: string): Finding & { key: string } {
  if (f.input !== undefined) return f.detail !== undefined ? { code: f.code, input: f.input, detail: f.detail, key } : { code: f.code, input: f.input, key };
  return f.detail !== undefined ? { code: f.code, detail: f.detail, key } : { code: f.code, key };
}

/**
 * The count behind a tie-break value, as parseCount reads it; `sink` gets its finding when it is
 * not a count. Plain whole numbers (nearly every cell) skip building a parse result.
 */
function countOrNull(x: CellInput, input: string, onBad?: (f: Finding) => void): number | null {
  if (isPlainCount(x)) return x;
  const p = parseCount(x, input);
  if (p.ok) return p.value;
  onBad?.(p.finding);
  return null;
}

function scoreHg165Table(plan: Plan, rows: UnitRow[], explain: boolean): TableOutcome {
  const n = rows.length;
  const tableFindings: (Finding & { key?: string })[] = [];
  const units: UnitResult[] = new Array(n);
  // thousands of communes share a few district names: normalise each distinct name once
  const keyCache = new Map<string, string>();
  const normalizeKey = (s: string) => {
    let k = keyCache.get(s);
    if (k === undefined) keyCache.set(s, (k = normalizeKeyRaw(s)));
    return k;
  };
  const districtKeys = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.level === "huyen") districtKeys.set(normalizeKey(r.group || r.key), r.group || r.key);
  }
  const ratiosByGroup = new Map<string, number[]>();
  const groupOfRow: (string | null)[] = new Array(n).fill(null);
  const onlineCrit = plan.criteria.find((c) => c.level === "xa" && c.id === "online_ratio");
  const onlineAt = onlineCrit ? levelCriteria(plan, "xa").crits.indexOf(onlineCrit) : -1;
  // communes first: their ratios feed their district's combined ratio
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row.level !== "xa") continue;
    const o = scoreRatioUnit(plan, "xa", row.values, undefined, NO_FINDINGS, explain);
    units[i] = blankResult(row, o);
    const g = row.group && row.group.trim() ? normalizeKey(row.group) : null;
    groupOfRow[i] = g;
    if (g === null) tableFindings.push({ code: "unknown_group", key: row.key, detail: { group: "" } });
    else if (districtKeys.size > 0 && !districtKeys.has(g)) tableFindings.push({ code: "unknown_group", key: row.key, detail: { group: row.group as string } });
    // reading hg165_mean_members: every computable commune ratio, below-floor ones included
    const r = onlineAt >= 0 && onlineAt < o.criteria.length ? o.criteria[onlineAt].ratio : null;
    if (g !== null && r !== null) {
      let list = ratiosByGroup.get(g);
      if (!list) ratiosByGroup.set(g, (list = []));
      list.push(r);
    }
  }
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row.level === "xa") continue;
    if (!plan.levels.includes(row.level)) {
      units[i] = blankResult(row, fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: row.level } }], 100, { value: row.level }));
      continue;
    }
    const g = normalizeKey(row.group || row.key);
    groupOfRow[i] = g;
    const o = scoreRatioUnit(plan, "huyen", row.values, ratiosByGroup.get(g) ?? [], NO_FINDINGS, explain);
    units[i] = blankResult(row, o);
    units[i].group = row.group || row.key;
  }
  for (let i = 0; i < n; i++) {
    const fs = units[i].findings;
    for (let k = 0; k < fs.length; k++) tableFindings.push(withKey(fs[k], rows[i].key));
  }

  // ranking: districts among districts, communes among communes (tie-break for communes)
  const tb = plan.tieBreak;
  const hasAccounts = tb ? rows.some((r) => r.level === "xa" && !isBlank(r.values[tb.input] as CellInput)) : false;
  const quotas: QuotaUse[] = [];
  for (const level of ["huyen", "xa"] as Level[]) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (rows[i].level === level && units[i].status === "scored") idx.push(i);
    const m = idx.length;
    const scores: number[] = new Array(m);
    for (let k = 0; k < m; k++) scores[k] = units[idx[k]].total as number;
    let tiebreak: (number | null)[] | undefined;
    if (tb && tb.levels.includes(level)) {
      tiebreak = new Array(m);
      for (let k = 0; k < m; k++) {
        const i = idx[k];
        const acc = countOrNull(rows[i].values[tb.input], tb.input, (f) => {
          if (f.code !== "missing_input") tableFindings.push({ ...f, key: rows[i].key });
        });
        const per = acc === null ? null : countOrNull(rows[i].values[tb.per], tb.per);
        tiebreak[k] = acc !== null && per !== null && per > 0 ? acc / per : null;
      }
    }
    const ranks = rankPositions(scores, tiebreak);
    for (let k = 0; k < m; k++) {
      const i = idx[k];
      const u = units[i];
      const rank = ranks.rank[k];
      u.rank = Number.isNaN(rank) ? null : rank;
      const tied = ranks.tied[k] === 1;
      u.tied = tied;
      if (tied) {
        const code: ReasonCode = tiebreak && (!hasAccounts || tiebreak[k] === null) ? "tie_needs_account_data" : "tie_unresolved";
        // one object in both lists: ties can concern most of a large table
        const f: Finding & { key: string } = { code, detail: { rank }, key: rows[i].key };
        pushFinding(u, f);
        tableFindings.push(f);
      }
    }
    // rank order, input order within a rank (a stable sort by rank, by counting: ranks are 1..m)
    const order = orderByRank(idx, units);
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
      for (let i = 0; i < n; i++) {
        const g = groupOfRow[i];
        if (rows[i].level === "xa" && g !== null && !names.has(g)) names.set(g, (rows[i].group as string).trim());
      }
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

/** idx sorted by rank, keeping idx order among equal ranks: a stable counting sort, ranks being 1..idx.length. */
function orderByRank(idx: number[], units: UnitResult[]): number[] {
  const m = idx.length;
  const start = new Int32Array(m + 2);
  for (let k = 0; k < m; k++) {
    const r = units[idx[k]].rank;
    if (r === null || !Number.isInteger(r) || r < 1 || r > m) return idx.slice().sort((a, b) => (units[a].rank as number) - (units[b].rank as number));
    start[r + 1]++;
  }
  for (let r = 1; r <= m + 1; r++) start[r] += start[r - 1];
  const order: number[] = new Array(m);
  for (let k = 0; k < m; k++) order[start[units[idx[k]].rank as number]++] = idx[k];
  return order;
}

export function flagPending(u: UnitResult, key: string, sink: (Finding & { key?: string })[]): void {
  const f: Finding = { code: "tie_unresolved", detail: { rank: u.rank ?? "" } };
  if (!u.findings.some((x) => x.code === "tie_unresolved")) {
    pushFinding(u, f);
    sink.push({ ...f, key });
  }
  u.message = `${u.message} ${message("tie_unresolved")}`;
}
