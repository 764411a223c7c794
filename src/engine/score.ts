/** Scoring of units and whole tables: ratio points (hg-165), targets, weighted means, QĐ 766 estimate. */
import { message } from "../messages";
import { allocate, type Allocation } from "./allocate";
import { communePlaces, nameList, nounDetail, readingSource, tieReasons, unrankedReason, withSource } from "./award-reasons";
import { isBlank, parseCount, parsePercent } from "./coerce";
import { cachedKey as normalizeKey, DISTRICT_KIND, expandPrefix } from "./keys";
import type { QuotaUse, TableOutcome, UnitOutcome, UnitResult, UnitRow } from "./outcomes";
import { rankPositions } from "./rank";
import {
  bonusWidth, criteriaWidth, describeRatioUnit, describeRatioUnitInto, isPlainCount, isScored, levelCriteria, NO_FINDINGS, pushFinding, ratioColumns,
  scoreRatioRow, UnitTexts,
} from "./ratio-units";
import type { RatioColumns } from "./ratio-units";
import { scoreImportedUnit } from "./imported";
import { scoreOtherTable } from "./score-other";
import { placeUnits } from "./tiers";
import type { AwardDef, AwardReason, CellInput, Finding, Level, Plan, QuotaDef, ReasonCode, Status } from "./types";

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
 * Columns for one unit, reused from call to call: a custom function scores a whole range one unit at
 * a time, and the unit is described from them before the next call (nothing keeps them).
 */
let scratch: RatioColumns | undefined;
function oneRow(width: number, bonuses: number): RatioColumns {
  if (!scratch || scratch.width < width || scratch.bonusWidth < bonuses) scratch = ratioColumns(1, width, bonuses);
  scratch.cellFindings.clear();
  scratch.combined.clear();
  scratch.bonusFindings.clear();
  return scratch;
}

/** One unit: hg-165 points (district: pass its communes' ratios), or an imported_points plan's published points. */
export function scoreUnit(plan: Plan, level: Level, values: Record<string, CellInput>, opts?: { communeRatios?: CellInput[] }): UnitOutcome {
  if (plan.kind === "imported_points") return scoreImportedUnit(plan, level, values);
  if (plan.kind !== "ratio_points") return fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: plan.id } }], 100, { value: plan.id });
  if (!plan.levels.includes(level)) return fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: level } }], 100, { value: level });
  const lc = levelCriteria(plan, level);
  if (lc.crits.length === 0) return fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: level } }], 100, { value: level });
  const findings: Finding[] = [];
  const ratios = opts?.communeRatios ? readCommuneRatios(opts.communeRatios, findings) : undefined;
  let sum = 0;
  if (ratios) for (const r of ratios) sum += r;
  const cols = oneRow(lc.crits.length, lc.bonuses.length);
  scoreRatioRow(lc, values, cols, 0, ratios === null ? -1 : ratios ? ratios.length : 0, sum);
  const o = describeRatioUnit(lc, cols, 0, true, findings);
  return o.findings === NO_FINDINGS ? { ...o, findings: [] } : o;
}

/** The prize of a rank (hg-165 districts: 1 → Hạng Nhất, 20.000.000 đ, +3). */
export function prizeForRank(plan: Plan, rank: number): { award: string; awardCode: string; prize: number; bonusPoints: number } | null {
  const a = plan.awards.find((x) => x.rank !== undefined && x.rank === rank);
  if (!a) return null;
  return { award: a.label, awardCode: a.code, prize: a.prize ?? 0, bonusPoints: a.bonusPoints ?? 0 };
}

/** District names match the quota table without their prefix: "Huyện Phụng Hiệp", "TP. Ngã Bảy". */
export function districtQuotaKey(name: string): string {
  return expandPrefix(normalizeKey(name)).replace(DISTRICT_KIND, "");
}

export function scoreTable(plan: Plan, rows: UnitRow[], opts?: Record<string, unknown>): TableOutcome {
  const out = plan.kind !== "ratio_points" ? scoreOtherTable(plan, rows, opts ?? {}) : scoreHg165Table(plan, rows, opts?.explain !== false);
  return placeUnits(plan, holdAwardsForDuplicates(plan, rows, out), rows);
}

/**
 * Reading duplicate_units: a unit (its name and its district) on two rows would count twice in its
 * district's mean and could take two places, and which row is the right one is not ours to choose;
 * each duplicate row is named (with the row it repeats), and no unit of the table is awarded while
 * one remains, since every place below the duplicate's depends on it.
 */
function holdAwardsForDuplicates(plan: Plan, rows: UnitRow[], out: TableOutcome): TableOutcome {
  // Ia Băng and Ia Bang are two communes: the name is compared exactly (case and NFC aside), the district by its key
  const seen = new Map<string, string>();
  const dups: { key: string; first: string; name: string }[] = [];
  for (const r of rows) {
    const name = r.name ?? r.key;
    // a district and a commune of one name are two units
    const k = `${r.level}|${name.normalize("NFC").trim().toLowerCase()}|${r.group === undefined ? "" : normalizeKey(r.group)}`;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, r.key);
    else dups.push({ key: r.key, first, name });
  }
  if (!dups.length) return out;
  const byKey = new Map(out.units.map((u) => [u.key, u]));
  for (const d of dups) {
    const f: Finding = { code: "duplicate_unit", detail: { unit: d.name, first: d.first } };
    const u = byKey.get(d.key);
    if (u) pushFinding(u, f);
    out.findings.push({ ...f, key: d.key });
  }
  const reason = withSource({ code: "award_duplicates", detail: { units: nameList([...new Set(dups.map((d) => d.name))]) } }, readingSource(plan, "duplicate_units"));
  for (const u of out.units) {
    // units the plan gives nothing to (no award, no reason) stay as they are
    if (u.award === null && u.awardReason === null) continue;
    Object.assign(u, { award: null, awardCode: null, prize: null, bonusPoints: null, awardReason: reason });
  }
  for (const q of out.quotas) {
    q.used = 0;
    delete q.pending;
  }
  return out;
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
 * The count behind a tie-break value, as parseCount reads it; a finding goes to `sink` (with the
 * unit's key) when the cell holds something that is not a count. Plain whole numbers and empty cells
 * (nearly every cell) skip building a parse result.
 */
function countOrNull(x: CellInput, input: string, sink?: TableFinding[], key?: string): number | null {
  if (isPlainCount(x)) return x;
  // parseCount's finding for these is missing_input, which nobody is told about
  if (x === undefined || x === null) return null;
  const p = parseCount(x, input);
  if (p.ok) return p.value;
  if (sink && p.finding.code !== "missing_input") sink.push({ ...p.finding, key });
  return null;
}

type TableFinding = Finding & { key?: string };

const NO_TIE = 0;
const TIE_NEEDS_ACCOUNTS = 1;
const TIE_UNRESOLVED = 2;

/** What ranking one level left for the units' objects: findings, in the order they were made, and held places. */
interface LevelRanking {
  level: Level;
  /** tie-break cells that are not counts, in row order */
  tieBreakFindings: TableFinding[];
  /** units tied across a prize or quota cut-off (reading hg165_tie_at_award), in the order they were held */
  pending: ArrayLike<number>;
  /** districts: the last rank with a prize, and the prizes' clause */
  prizes?: { last: number; source: string };
  /** communes: the allocation under the 7-place and 2-per-district quotas */
  allocation?: { al: Allocation; total: QuotaDef | undefined; perDistrict: QuotaDef | undefined };
}

const RANKED: Level[] = ["huyen", "xa"];

/**
 * A district as its communes name it: its key, its name as the first of them writes it, and the sum
 * and count of their ratios (reading hg165_mean_members: every computable commune ratio, below-floor
 * ones included, summed in row order), and the rows of the communes whose ratio could not be computed.
 */
interface Tally {
  key: string;
  name: string;
  sum: number;
  count: number;
  left?: number[];
}

/**
 * An hg-165 table. Everything the plan decides — ratios, points, statuses, reasons, combined district
 * ratios, ranks, ties, prizes, quotas — is worked out here, on columns, reading each row once. The
 * units' objects (criteria, findings, messages, explanations) are built from the columns the first
 * time `units` or `findings` is read, so that scoring 100,000 units does not wait for 100,000 objects.
 */
function scoreHg165Table(plan: Plan, rows: UnitRow[], explain: boolean): TableOutcome {
  const n = rows.length;
  const cols = ratioColumns(n, criteriaWidth(plan), bonusWidth(plan));
  // "cụm thi đua" where the plan's groups are clusters (Plan.groupNoun); nothing for districts
  const noun = nounDetail(plan);
  const lcXa = levelCriteria(plan, "xa");
  const lcHuyen = levelCriteria(plan, "huyen");
  // what the units' objects show, read now: the caller may change its rows before reading `units`
  const keys: string[] = new Array(n);
  const levels: Level[] = new Array(n);
  const shownGroup: (string | null)[] = new Array(n);
  /** units that are not scored on the columns: a level the plan does not rank */
  const odd = new Map<number, UnitOutcome>();
  const districtRows: number[] = [];
  const districtKeys = new Map<string, string>();
  /** each unit's district key (normalised name) */
  const groupOfRow: (string | null)[] = new Array(n);
  // the districts communes name, by key, in the order first named, and by the text of the district cell
  const tallies = new Map<string, Tally>();
  const talliesByText = new Map<string, Tally>();
  const onlineCrit = plan.criteria.find((c) => c.level === "xa" && c.id === "online_ratio");
  const onlineAt = onlineCrit ? lcXa.crits.indexOf(onlineCrit) : -1;
  const width = cols.width;
  const tb = plan.tieBreak;
  /** tie-break value of each scored unit of a tie-break level; NaN for none */
  const tieBreak = tb ? new Float64Array(n) : undefined;
  const tieBreakFindings = new Map<Level, TableFinding[]>(RANKED.map((l) => [l, []]));
  let hasAccounts = false;
  const readTieBreak = (i: number, level: Level, values: Record<string, CellInput>, accounts: CellInput) => {
    if (!tb || !tieBreak || !tb.levels.includes(level) || !isScored(cols, i)) return;
    const sink = tieBreakFindings.get(level) as TableFinding[];
    const before = sink.length;
    const acc = countOrNull(accounts, tb.input, sink, keys[i]);
    const per = acc === null ? null : countOrNull(values[tb.per], tb.per);
    // reading hg165_tiebreak_checked: more filing accounts than online dossiers (500 for 95) cannot be
    // "distinct accounts that filed them": a data error, flagged on the cell and not used to break a tie
    const over = acc !== null && per !== null && acc > per;
    if (over) sink.push({ code: "numerator_exceeds_denominator", input: tb.input, detail: { a: acc, b: per }, key: keys[i] });
    if (sink.length > before) tieBreakReported.add(i);
    // NaN: no tie-break value, which rankPositions reads as "cannot break the tie"
    tieBreak[i] = acc !== null && per !== null && per > 0 && !over ? acc / per : NaN;
  };
  /** units whose tie-break cell already has a finding (not a count, a > b) */
  const tieBreakReported = new Set<number>();
  /** districts whose communes' mean left communes out (reading hg165_mean_members): their rows and the communes counted */
  const leftOut = new Map<number, { rows: number[]; used: number }>();

  // communes first (their ratios feed their district's combined ratio), in the one pass over the rows;
  // communes mostly follow one another district by district, so the last district cell's tally is kept at hand
  let lastText: string | undefined;
  let last: Tally | undefined;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const level = row.level;
    keys[i] = row.key;
    levels[i] = level;
    shownGroup[i] = row.group ?? null;
    groupOfRow[i] = null;
    if (level !== "xa") {
      if (level === "huyen") districtKeys.set(normalizeKey(row.group || row.key), row.group || row.key);
      districtRows.push(i);
      continue;
    }
    const values = row.values;
    const accounts = tb ? values[tb.input] : undefined;
    if (tb && !hasAccounts && !isBlank(accounts as CellInput)) hasAccounts = true;
    if (lcXa.crits.length === 0) odd.set(i, fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: "xa" } }], 100, { value: "xa" }));
    else scoreRatioRow(lcXa, values, cols, i);
    readTieBreak(i, level, values, accounts);
    const group = row.group;
    let t: Tally | undefined;
    if (group === lastText) t = last;
    else {
      t = group === undefined ? undefined : talliesByText.get(group);
      if (t === undefined && group && group.trim()) {
        const g = normalizeKey(group);
        t = tallies.get(g);
        if (!t) tallies.set(g, (t = { key: g, name: group.trim(), sum: 0, count: 0 }));
        talliesByText.set(group, t);
      }
      lastText = group;
      last = t;
    }
    if (!t) continue;
    groupOfRow[i] = t.key;
    const r = onlineAt >= 0 && !odd.has(i) ? cols.ratio[i * width + onlineAt] : NaN;
    if (r === r) {
      t.sum += r;
      t.count++;
    } else if (onlineAt >= 0 && !odd.has(i)) (t.left ??= []).push(i);
  }
  // a commune whose district is blank or not a district row of the table
  const groupFindings: TableFinding[] = [];
  for (let i = 0; i < n; i++) {
    if (levels[i] !== "xa") continue;
    const g = groupOfRow[i];
    if (g === null) groupFindings.push({ code: "unknown_group", key: keys[i], detail: { group: "", ...noun } });
    else if (districtKeys.size > 0 && !districtKeys.has(g)) groupFindings.push({ code: "unknown_group", key: keys[i], detail: { group: shownGroup[i] as string, ...noun } });
  }
  for (const i of districtRows) {
    const row = rows[i];
    if (!plan.levels.includes(row.level)) {
      odd.set(i, fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: row.level } }], 100, { value: row.level }));
      continue;
    }
    const g = normalizeKey(row.group || row.key);
    groupOfRow[i] = g;
    shownGroup[i] = row.group || row.key;
    if (lcHuyen.crits.length === 0) {
      odd.set(i, fail("invalid_input", "not_applicable", [{ code: "not_applicable", detail: { value: "huyen" } }], 100, { value: "huyen" }));
      continue;
    }
    const t = tallies.get(g);
    scoreRatioRow(lcHuyen, row.values, cols, i, t ? t.count : 0, t ? t.sum : 0);
    // with no commune counted the district is not scored (missing_communes): nothing is left out of a mean
    if (t?.left && t.count > 0) leftOut.set(i, { rows: t.left, used: t.count });
    readTieBreak(i, row.level, row.values, tb ? row.values[tb.input] : undefined);
  }

  // ranking: districts among districts, communes among communes (tie-break for communes)
  const rank = new Float64Array(n).fill(NaN);
  /** the first rank of a partly ordered tie a unit is in (rankPositions' block); its rank elsewhere */
  const block = new Float64Array(n).fill(NaN);
  const tie = new Uint8Array(n);
  /** the award of a unit, as an index into plan.awards; -1 for none */
  const awardOf = new Int16Array(n).fill(-1);
  const rankings: LevelRanking[] = [];
  const quotas: QuotaUse[] = [];
  const idxAll = new Int32Array(n);
  for (const level of RANKED) {
    const lr: LevelRanking = { level, tieBreakFindings: tieBreakFindings.get(level) as TableFinding[], pending: [] };
    rankings.push(lr);
    // units outside the columns (odd) keep status 0 there, which is not "scored"
    let m = 0;
    for (let i = 0; i < n; i++) if (isScored(cols, i) && levels[i] === level) idxAll[m++] = i;
    const idx = idxAll.subarray(0, m);
    const scores = new Float64Array(m);
    for (let k = 0; k < m; k++) scores[k] = cols.total[idx[k]];
    let tiebreak: Float64Array | undefined;
    if (tb && tieBreak && tb.levels.includes(level)) {
      tiebreak = new Float64Array(m);
      for (let k = 0; k < m; k++) tiebreak[k] = tieBreak[idx[k]];
    }
    const ranks = rankPositions(scores, tiebreak);
    for (let k = 0; k < m; k++) {
      const i = idx[k];
      rank[i] = ranks.rank[k];
      block[i] = ranks.block[k];
      if (ranks.tied[k] === 1) tie[i] = tiebreak && (!hasAccounts || Number.isNaN(tiebreak[k])) ? TIE_NEEDS_ACCOUNTS : TIE_UNRESOLVED;
      // a blank tie-break cell matters only where it keeps a tie: that cell is named (blanks elsewhere are not)
      if (tb && tie[i] === TIE_NEEDS_ACCOUNTS && hasAccounts && !tieBreakReported.has(i) && isBlank(rows[i].values[tb.input] as CellInput)) {
        lr.tieBreakFindings.push({ code: "missing_input", input: tb.input, detail: { input: tb.input }, key: keys[i] });
      }
    }
    // rank order, input order within a rank
    const order = orderByRank(idx, rank);
    if (level === "huyen") {
      // each prize is one place (Nhất, Nhì, Ba): a tie that reaches a prize place cannot share it
      // (reading hg165_tie_at_award); competition ranks keep the places after the tie (1, 1, 3 → Ba)
      const prizes = new Map<number, number>();
      plan.awards.forEach((a, j) => {
        if (a.rank !== undefined && !prizes.has(a.rank)) prizes.set(a.rank, j);
      });
      const pending: number[] = [];
      for (const i of order) {
        const a = prizes.get(rank[i]);
        if (a === undefined) continue;
        if (tie[i] !== NO_TIE) pending.push(i);
        // its prize is held, not passed down: the districts after it keep the prizes of their own ranks
        else if (!leftOut.has(i)) awardOf[i] = a;
      }
      lr.pending = pending;
      if (prizes.size) {
        const last = Math.max(...prizes.keys());
        lr.prizes = { last, source: plan.awards[prizes.get(last) as number].source };
      }
    } else {
      const places = communePlaces(plan);
      if (!places) continue;
      const { total, perGroup: perDistrict, award } = places;
      // reading hg165_no_district: a commune whose district is blank, or not a district row of a table
      // that has district rows (a typo would open a fresh 2-place allowance), is ranked but not awarded
      const awardGroup = (i: number) => {
        const g = groupOfRow[i];
        return g !== null && (districtKeys.size === 0 || districtKeys.has(g)) ? g : null;
      };
      // no quota of places: only the per-group limit bounds the awards
      const limit = total ? total.limit : Infinity;
      const ties = { blockOf: (i: number) => block[i], tieValueOf: tieBreak && ((i: number) => tieBreak[i]) };
      const al = perDistrict
        ? allocate({ order, rankOf: (i) => rank[i], limit, groupOf: awardGroup, groupLimit: () => perDistrict.limit, ...ties })
        : allocate({ order, rankOf: (i) => rank[i], limit, ...ties });
      for (const i of al.awarded) awardOf[i] = award;
      lr.pending = al.pending;
      lr.allocation = { al, total, perDistrict };
      if (total) quotas.push({ id: total.id, label: total.label, limit: total.limit, used: al.used, pending: al.held, source: total.source });
      // the table's districts, then districts named only by communes, as their first commune writes them
      const names = new Map<string, string>(districtKeys);
      for (const [g, t] of tallies) if (!names.has(g)) names.set(g, t.name);
      if (perDistrict) {
        for (const [g, name] of names) {
          quotas.push({ id: perDistrict.id, label: perDistrict.label, limit: perDistrict.limit, used: al.usedByGroup.get(g) ?? 0, pending: al.heldByGroup.get(g) ?? 0, group: name, source: perDistrict.source });
        }
      }
    }
  }
  const unlisted: TableFinding[] = [];
  const ind = plan.quotas.find((q) => q.id === "individuals_per_district");
  if (ind) {
    const byKey = new Map(Object.entries(ind.byGroup ?? {}).map(([k, v]) => [districtQuotaKey(k), v]));
    for (const name of districtKeys.values()) {
      const own = byKey.get(districtQuotaKey(name));
      quotas.push({ id: ind.id, label: ind.label, limit: own ?? ind.limit, used: 0, group: name, source: ind.source });
      // the plan lists its districts: a name that is none of them (misspelt, another province) is said, not guessed
      if (own === undefined && byKey.size) unlisted.push({ code: "unknown_unit", detail: { unit: name, known: Object.keys(ind.byGroup ?? {}).join(", ") }, key: name });
    }
  }

  const build = (): { units: UnitResult[]; findings: TableFinding[] } => {
    const units: UnitResult[] = new Array(n);
    const textsXa = new UnitTexts(lcXa);
    const textsHuyen = new UnitTexts(lcHuyen);
    // each unit is described into this one object, then copied into its own
    const described: UnitOutcome = { status: "scored", reason: "ok", message: "", findings: NO_FINDINGS, criteria: [], total: null, maxTotal: 0, explanation: "" };
    for (let i = 0; i < n; i++) {
      let o = odd.size ? odd.get(i) : undefined;
      if (o === undefined) {
        describeRatioUnitInto(described, levels[i] === "xa" ? textsXa : textsHuyen, cols, i, explain);
        o = described;
      }
      const r = rank[i];
      // an explicit literal (not a spread): this runs once per unit and a spread of a wide object is slow
      units[i] = {
        status: o.status, reason: o.reason, message: o.message, findings: o.findings, criteria: o.criteria, total: o.total,
        maxTotal: o.maxTotal, explanation: o.explanation, key: keys[i], group: shownGroup[i], level: levels[i],
        rank: r === r ? r : null, tied: tie[i] !== NO_TIE, award: null, awardCode: null, prize: null, bonusPoints: null, awardReason: null,
      };
      if (o.bonuses) units[i].bonuses = o.bonuses;
    }
    // the table's findings in the order they arise: districts not found, each unit's own, then per level
    // the tie-break cells, the ties and the places held back
    const findings: TableFinding[] = groupFindings.concat(unlisted);
    for (let i = 0; i < n; i++) {
      const fs = units[i].findings;
      for (let k = 0; k < fs.length; k++) findings.push(withKey(fs[k], keys[i]));
    }
    for (const lr of rankings) {
      for (const f of lr.tieBreakFindings) findings.push(f);
      for (let i = 0; i < n; i++) {
        if (tie[i] === NO_TIE || levels[i] !== lr.level) continue;
        const code: ReasonCode = tie[i] === TIE_NEEDS_ACCOUNTS ? "tie_needs_account_data" : "tie_unresolved";
        // one object in both lists: ties can concern most of a large table
        const f: Finding & { key: string } = { code, detail: { rank: rank[i] }, key: keys[i] };
        pushFinding(units[i], f);
        findings.push(f);
      }
      for (let i = 0; i < n; i++) {
        const a = awardOf[i];
        if (a >= 0 && levels[i] === lr.level) giveAward(units[i], plan.awards[a]);
      }
      for (let k = 0; k < lr.pending.length; k++) flagPending(units[lr.pending[k]], keys[lr.pending[k]], findings);
      explainLevel(lr, units);
      if (lr.prizes) holdForLeftOut(units, findings, lr.prizes.last);
    }
    // the units no ranking reached: not considered, or figures that could not be scored
    const floorCrit = lcXa.crits.find((c) => c.floor !== undefined);
    const floorSource = floorCrit ? floorCrit.floorSource ?? floorCrit.source : undefined;
    const byFloor = new Map<string | number | undefined, AwardReason>();
    if (plan.awards.length) for (let i = 0; i < n; i++) if (rank[i] !== rank[i]) units[i].awardReason = unrankedReason(units[i], floorSource, byFloor);
    return { units, findings };
  };
  /**
   * Reading hg165_mean_members: a district whose mean leaves communes out is flagged, naming them, and
   * keeps the points of that mean; its award waits for their figures (a place it would take is held,
   * as a tie's is under hg165_tie_at_award). A district that could not be scored has its own data
   * flag, and the communes wait for it.
   */
  function holdForLeftOut(units: UnitResult[], findings: TableFinding[], lastPrize: number): void {
    const source = readingSource(plan, "hg165_mean_members");
    for (const [i, { rows: left, used }] of leftOut) {
      const u = units[i];
      if (u.rank === null) continue;
      const detail = { count: left.length, units: nameList(left.map((j) => keys[j])), used };
      const f: Finding = { code: "communes_left_out", detail };
      pushFinding(u, f);
      findings.push({ ...f, key: keys[i] });
      const said = message("communes_left_out", detail);
      u.message = u.message ? `${u.message} ${said}` : said;
      const held: Record<string, string | number> = { count: detail.count, units: detail.units };
      if (u.rank <= lastPrize) held.rank = u.rank;
      u.awardReason = withSource({ code: "award_mean_incomplete", detail: held }, source);
    }
  }
  /**
   * Why each ranked unit of a level without an award has none, from the decisions made above: a tie
   * held at the cut-off, a district rank past the prizes, a commune past the 7 places, in a district
   * that has its 2, or with no district the limit can be checked against.
   */
  function explainLevel(lr: LevelRanking, units: UnitResult[]): void {
    const tieSource = readingSource(plan, "hg165_tie_at_award") ?? readingSource(plan, "tie_at_award", plan.source);
    const ties = tieReasons(lr.pending, (i) => units[i].rank, (i) => keys[i], tieSource, (i) => block[i]);
    for (let k = 0; k < lr.pending.length; k++) {
      const i = lr.pending[k];
      units[i].awardReason = ties.get(block[i]) ?? null;
    }
    if (lr.prizes) {
      const noPrize = withSource({ code: "award_rank_no_prize", detail: { last: lr.prizes.last } }, lr.prizes.source);
      for (let i = 0; i < n; i++) {
        const u = units[i];
        if (u.level === lr.level && u.rank !== null && u.award === null && u.awardReason === null) u.awardReason = noPrize;
      }
    }
    const a = lr.allocation;
    if (!a) return;
    const { al, total, perDistrict } = a;
    // the commune places are hg-165's one quota of places: its number says which, its label is not needed
    const placesDetail: Record<string, string | number> = total ? { limit: total.limit } : {};
    // the places held for a tie are told on the tied units; here only the cut-off (a results sheet of
    // 10,000 communes repeats this text on nearly every row)
    if (al.cutoffRank !== null) placesDetail.cutoff = al.cutoffRank;
    // (without a quota of places no unit lacks a place)
    const placesTaken = withSource({ code: "award_places_taken", detail: placesDetail }, total?.source);
    let noGroup: AwardReason | undefined;
    const byGroup = new Map<string, AwardReason>();
    let awardedIn: Map<string, string[]> | undefined;
    for (let k = 0; k < al.blocked.length; k++) {
      const i = al.blocked[k];
      const by = al.blockedBy[k];
      const g = groupOfRow[i];
      // without a per-group limit a place is all a unit can lack
      if (by === "no_place" || !perDistrict) {
        units[i].awardReason = placesTaken;
        continue;
      }
      const noGroupSource = readingSource(plan, "hg165_no_district") ?? readingSource(plan, "no_group", perDistrict.source);
      if (g === null) units[i].awardReason = noGroup ??= withSource({ code: "award_no_group", detail: { limit: perDistrict.limit, ...noun } }, noGroupSource);
      else if (by === "no_group") {
        // a district named by the commune that has no row in the table (reading hg165_no_district)
        const text = `?${shownGroup[i] ?? ""}`;
        let r = byGroup.get(text);
        if (!r) byGroup.set(text, (r = withSource({ code: "award_group_not_in_table", detail: { group: shownGroup[i] ?? "", limit: perDistrict.limit, ...noun } }, noGroupSource)));
        units[i].awardReason = r;
      } else {
        let r = byGroup.get(g);
        if (!r) {
          if (!awardedIn) {
            awardedIn = new Map();
            for (const j of al.awarded) {
              const h = groupOfRow[j] as string;
              const names = awardedIn.get(h);
              if (names) names.push(keys[j]);
              else awardedIn.set(h, [keys[j]]);
            }
          }
          const names = awardedIn.get(g) ?? [];
          const detail: Record<string, string | number> = { group: districtKeys.get(g) ?? tallies.get(g)?.name ?? g, used: names.length, limit: perDistrict.limit, ...noun };
          if (names.length) detail.names = nameList(names);
          const held = al.heldByGroup.get(g) ?? 0;
          if (held > 0) detail.held = held;
          byGroup.set(g, (r = withSource({ code: "award_group_full", detail }, perDistrict.source)));
        }
        units[i].awardReason = r;
      }
    }
  }
  return lazyOutcome(plan.id, quotas, { explain }, build);
}

/** A district's prize carries its money and bonus points; a commune's merit is a title only. */
function giveAward(u: UnitResult, a: AwardDef): void {
  u.award = a.label;
  u.awardCode = a.code;
  if (a.rank !== undefined) {
    u.prize = a.prize ?? 0;
    u.bonusPoints = a.bonusPoints ?? 0;
  }
}

/**
 * A table outcome whose `units` and `findings` are built by `build` when first read, then kept as
 * plain properties (same keys, same order as an eagerly built outcome).
 */
function lazyOutcome(planId: string, quotas: QuotaUse[], options: Record<string, unknown>, build: () => { units: UnitResult[]; findings: TableFinding[] }): TableOutcome {
  const o = { planId } as TableOutcome;
  let made: { units: UnitResult[]; findings: TableFinding[] } | undefined;
  const settle = () => {
    if (!made) {
      made = build();
      Object.defineProperty(o, "units", { value: made.units, writable: true, enumerable: true, configurable: true });
      Object.defineProperty(o, "findings", { value: made.findings, writable: true, enumerable: true, configurable: true });
    }
  };
  for (const name of ["units", "findings"] as const) {
    Object.defineProperty(o, name, {
      enumerable: true,
      configurable: true,
      get() {
        settle();
        return o[name];
      },
      set(v) {
        settle();
        Object.defineProperty(o, name, { value: v, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  o.quotas = quotas;
  o.options = options;
  return o;
}

/** idx sorted by rank, keeping idx order among equal ranks: a stable counting sort, ranks being 1..idx.length. */
function orderByRank(idx: Int32Array, rank: Float64Array): Int32Array {
  const m = idx.length;
  const start = new Int32Array(m + 2);
  for (let k = 0; k < m; k++) {
    const r = rank[idx[k]];
    if (!Number.isInteger(r) || r < 1 || r > m) return Int32Array.from(Array.from(idx).sort((a, b) => rank[a] - rank[b]));
    start[r + 1]++;
  }
  for (let r = 1; r <= m + 1; r++) start[r] += start[r - 1];
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[start[rank[idx[k]]]++] = idx[k];
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
