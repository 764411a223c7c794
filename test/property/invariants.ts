/**
 * What must hold for every hg-165-2023 outcome, whatever the table (PLANS.md §hg-165-2023 and the
 * readings in src/plans/hg-165-2023.ts). Each check throws an Error naming the unit and what is wrong,
 * so fast-check can shrink the table to a small counterexample.
 *
 * The checks are written from the plan, not from the engine's code: they share with the engine only
 * the cell coercion (parseCount, normalizeKey), which has its own tests.
 */
import { normalizeKey, parseCount, type CellInput, type TableOutcome, type UnitResult, type UnitRow } from "../../src/engine";

const TOL = 1e-9;
/** Totals this close are the same total reached by different float routes. */
const SAME = 1e-12;

export class Broken extends Error {}

function ensure(ok: unknown, what: string, u?: UnitResult): asserts ok {
  if (!ok) {
    const who = u ? ` [${u.level} "${u.key}" status=${u.status} total=${u.total} rank=${u.rank} tied=${u.tied} award=${u.awardCode}]` : "";
    throw new Broken(what + who);
  }
}

// ---------- 2. points within [0, max]; null exactly when not scored ----------

export function checkPointBounds(out: TableOutcome): void {
  for (const u of out.units) {
    for (const c of u.criteria) {
      if (c.status === "scored") {
        ensure(typeof c.points === "number" && Number.isFinite(c.points), `criterion ${c.id} scored without points`, u);
        ensure(c.points >= 0 && c.points <= c.maxPoints, `criterion ${c.id} points ${c.points} outside [0, ${c.maxPoints}]`, u);
      } else {
        ensure(c.points === null, `criterion ${c.id} is ${c.status} but has points ${c.points}`, u);
      }
      if (c.ratio !== null) ensure(c.ratio >= 0 && c.ratio <= 1, `criterion ${c.id} ratio ${c.ratio} outside [0, 1]`, u);
    }
    const max = u.criteria.reduce((s, c) => s + c.maxPoints, 0);
    if (u.criteria.length) ensure(u.maxTotal === max, `maxTotal ${u.maxTotal} is not the sum of the criteria's ${max}`, u);
    if (u.status === "scored") {
      ensure(u.criteria.length > 0 && u.criteria.every((c) => c.status === "scored"), "scored unit with a criterion not scored", u);
      ensure(typeof u.total === "number" && u.total >= 0 && u.total <= u.maxTotal, `total ${u.total} outside [0, ${u.maxTotal}]`, u);
      const sum = u.criteria.reduce((s, c) => s + (c.points as number), 0);
      ensure(Math.abs(u.total - sum) <= TOL, `total ${u.total} is not the sum of the points ${sum}`, u);
    } else {
      ensure(u.total === null, "unit not scored has a total", u);
      ensure(u.message.trim().length > 0, "unit not scored has no message", u);
    }
  }
}

// ---------- 2b. the points are the plan's (§III.2.a, §III.2.b) ----------

const count = (x: CellInput): number | null => {
  const p = parseCount(x);
  return p.ok ? p.value : null;
};

/** a / b of two count cells, a > b capped at 100%; null when b is 0 or either is not a count. */
function ratioOf(v: Record<string, CellInput>, a: string, b: string): number | null {
  const x = count(v[a]);
  const y = count(v[b]);
  if (x === null || y === null || y === 0) return null;
  return Math.min(x / y, 1);
}

const points = (r: number, threshold: number, max: number) => (r >= threshold - TOL ? max : r * max);

/** The points each criterion must get under hg-165-2023 (null: none), from the rows alone. */
export function expectedPoints(rows: UnitRow[]): ({ online_ratio: number | null; eid_ratio: number | null } | null)[] {
  const communeRatios = new Map<string, number[]>();
  for (const r of rows) {
    if (r.level !== "xa" || !r.group || !r.group.trim()) continue;
    const x = ratioOf(r.values, "online_dossiers", "all_dossiers");
    if (x === null) continue;
    const k = normalizeKey(r.group);
    communeRatios.set(k, [...(communeRatios.get(k) ?? []), x]);
  }
  return rows.map((r) => {
    const online = ratioOf(r.values, "online_dossiers", "all_dossiers");
    const eid = ratioOf(r.values, "eid_activated", "citizens_with_cccd");
    if (r.level === "xa") {
      // §III.2.b: below 70% online the commune is not considered (no points, not 0); 100% → 60; ≥ 90% e-ID → 40
      const eligible = online !== null && online >= 0.7 - TOL;
      return { online_ratio: eligible ? points(online, 1, 60) : null, eid_ratio: eid === null ? null : points(eid, 0.9, 40) };
    }
    if (r.level === "huyen") {
      // §III.2.a: r = (own + plain mean of its communes' ratios) / 2; ≥ 90% → 60; ≥ 80% e-ID → 40
      const list = communeRatios.get(normalizeKey(r.group || r.key)) ?? [];
      const mean = list.length ? list.reduce((s, x) => s + x, 0) / list.length : null;
      const combined = online === null || mean === null ? null : (online + mean) / 2;
      return { online_ratio: combined === null ? null : points(combined, 0.9, 60), eid_ratio: eid === null ? null : points(eid, 0.8, 40) };
    }
    return null;
  });
}

export function checkPlanPoints(rows: UnitRow[], out: TableOutcome): void {
  const want = expectedPoints(rows);
  out.units.forEach((u, i) => {
    const w = want[i];
    if (w === null) {
      ensure(u.status !== "scored" && u.total === null, "a unit at a level the plan does not have was scored", u);
      return;
    }
    for (const id of ["online_ratio", "eid_ratio"] as const) {
      const c = u.criteria.find((x) => x.id === id);
      ensure(c, `criterion ${id} missing`, u);
      const got = c.points;
      const exp = w[id];
      ensure((got === null) === (exp === null), `criterion ${id}: points ${got}, the plan gives ${exp}`, u);
      if (got !== null && exp !== null) ensure(Math.abs(got - exp) <= TOL, `criterion ${id}: points ${got}, the plan gives ${exp}`, u);
    }
    const scored = w.online_ratio !== null && w.eid_ratio !== null;
    ensure((u.status === "scored") === scored, `status ${u.status}, but the plan ${scored ? "scores" : "does not score"} it`, u);
    if (scored) ensure(Math.abs((u.total as number) - (w.online_ratio! + w.eid_ratio!)) <= TOL, "total differs from the plan's", u);
  });
  // reading hg165_mean_members: a scored district is flagged exactly when a commune of it has no ratio
  const leftOut = new Set<string>();
  for (const r of rows) {
    if (r.level === "xa" && r.group && r.group.trim() && ratioOf(r.values, "online_dossiers", "all_dossiers") === null) leftOut.add(normalizeKey(r.group));
  }
  out.units.forEach((u, i) => {
    if (u.level !== "huyen" || u.status !== "scored") return;
    const want = leftOut.has(normalizeKey(rows[i].group || rows[i].key));
    ensure(u.findings.some((f) => f.code === "communes_left_out") === want, want ? "a commune left out of the mean, not flagged" : "flagged for communes left out, none is", u);
  });
}

// ---------- 3. ranks agree with totals ----------

/** The commune tie-break of reading hg165_tiebreak: distinct filing accounts ÷ online dossiers. */
function tieBreakOf(r: UnitRow): number | null {
  const acc = count(r.values.filing_accounts);
  const per = count(r.values.online_dossiers);
  // reading hg165_tiebreak_checked: more accounts than online dossiers is a data error, not a tie-break
  return acc === null || per === null || per <= 0 || acc > per ? null : acc / per;
}

/**
 * Within each level, among scored units: rank = 1 + the number of units strictly better ("1, 2, 2, 4").
 * Strictly better: a higher total (beyond the 1e-9 tolerance) or, among communes of one total, a
 * higher tie-break value where both have one. Returns how many units were left
 * unchecked because another total sat within the tolerance band but not exactly equal.
 */
export function checkRanks(rows: UnitRow[], out: TableOutcome): number {
  let unchecked = 0;
  for (const u of out.units) {
    if (u.status !== "scored") {
      ensure(u.rank === null && !u.tied, "unit not scored is ranked", u);
    }
  }
  for (const level of ["huyen", "xa"] as const) {
    const idx = out.units.map((_, i) => i).filter((i) => out.units[i].level === level && out.units[i].status === "scored");
    const m = idx.length;
    const total = (i: number) => out.units[i].total as number;
    const tb = (i: number) => (level === "xa" ? tieBreakOf(rows[i]) : null);
    for (const i of idx) {
      const u = out.units[i];
      ensure(Number.isInteger(u.rank) && (u.rank as number) >= 1 && (u.rank as number) <= m, `rank ${u.rank} outside 1..${m}`, u);
    }
    for (const i of idx) {
      const u = out.units[i];
      const t = total(i);
      if (idx.some((j) => Math.abs(total(j) - t) > SAME && Math.abs(total(j) - t) <= 2 * TOL)) {
        unchecked++;
        continue;
      }
      const cluster = idx.filter((j) => Math.abs(total(j) - t) <= SAME);
      // reading hg165_tiebreak_checked: units of one total with tie-break values are ordered by them; a
      // unit without one is surely behind none of them, and keeps every unit of its total tied
      const breakable = level === "xa" && cluster.length > 1 && tb(i) !== null;
      const open = cluster.length > 1 && cluster.some((j) => tb(j) === null);
      let better = 0;
      for (const j of idx) {
        if (j === i) continue;
        if (total(j) > t + TOL) better++;
        else if (breakable && cluster.includes(j) && tb(j) !== null && (tb(j) as number) > (tb(i) as number)) better++;
      }
      ensure(u.rank === 1 + better, `rank ${u.rank}, but ${better} unit(s) of the level are strictly better`, u);
      const shares = idx.some((j) => j !== i && out.units[j].rank === u.rank);
      ensure(u.tied === (shares || open), `tied=${u.tied} but ${shares ? "another unit shares" : "no unit shares"} its rank${open ? " and a unit of its total has no tie-break value" : ""}`, u);
      // flagged as a tie (for the council to decide) exactly when it is one
      const flagged = u.findings.some((f) => f.code === "tie_unresolved" || f.code === "tie_needs_account_data");
      ensure(flagged === u.tied, u.tied ? "a tie without a tie finding" : "a unit with a rank of its own is flagged as tied", u);
    }
    // a higher total never has a worse rank (also for the units left unchecked above)
    for (const i of idx) for (const j of idx) {
      if (total(i) > total(j) + TOL) ensure((out.units[i].rank as number) < (out.units[j].rank as number), `a higher total (${total(i)} > ${total(j)}, "${out.units[j].key}") has a worse or equal rank`, out.units[i]);
    }
  }
  return unchecked;
}

// ---------- 4. quotas and prizes ----------

const PRIZES: Record<string, { rank: number; prize: number; bonus: number }> = {
  district_first: { rank: 1, prize: 20_000_000, bonus: 3 },
  district_second: { rank: 2, prize: 15_000_000, bonus: 2 },
  district_third: { rank: 3, prize: 10_000_000, bonus: 1 },
};
const PER_DISTRICT = 2;
const COMMUNES = 7;

const hasGroup = (u: UnitResult) => typeof u.group === "string" && u.group.trim() !== "";

export function checkAwards(out: TableOutcome): void {
  // reading duplicate_units: a unit on two rows holds every award of the table (no unit awarded twice)
  if (out.findings.some((f) => f.code === "duplicate_unit")) {
    for (const u of out.units) {
      ensure(u.award === null && u.awardCode === null && u.prize === null && u.bonusPoints === null, "awarded while a duplicate unit remains", u);
      ensure(u.awardReason === null || u.awardReason.code === "award_duplicates", `reason ${u.awardReason?.code} while a duplicate unit remains`, u);
    }
    return;
  }
  // reading hg165_no_district: a commune can be awarded only under a district the table has a row for
  // (when it has district rows at all); otherwise it is ranked, not awarded
  const districtRows = new Set(out.units.filter((u) => u.level === "huyen").map((u) => normalizeKey(u.group || u.key)));
  const awardable = (u: UnitResult) => hasGroup(u) && (districtRows.size === 0 || districtRows.has(normalizeKey(u.group as string)));
  for (const u of out.units) {
    const any = u.award !== null || u.awardCode !== null || u.prize !== null || u.bonusPoints !== null;
    if (!any) continue;
    ensure(u.status === "scored" && u.rank !== null, "a unit not scored (or not considered) is awarded", u);
    ensure(u.award !== null && u.awardCode !== null, "an award without its label or code", u);
  }
  // districts: First, Second, Third — one each, to the untied unit of that rank (reading hg165_tie_at_award)
  const districts = out.units.filter((u) => u.level === "huyen");
  for (const [code, p] of Object.entries(PRIZES)) {
    const got = districts.filter((u) => u.awardCode === code);
    ensure(got.length <= 1, `${got.length} districts have ${code}`);
    for (const u of got) {
      ensure(u.rank === p.rank && !u.tied, `${code} given at rank ${u.rank}${u.tied ? " (tied)" : ""}`, u);
      ensure(u.prize === p.prize && u.bonusPoints === p.bonus, `${code} with prize ${u.prize} and bonus ${u.bonusPoints}`, u);
    }
    // reading hg165_mean_members: a district whose mean left communes out waits for their figures
    const leftOut = (u: UnitResult) => u.findings.some((f) => f.code === "communes_left_out");
    for (const u of got) ensure(!leftOut(u), `${code} given while the district's mean leaves communes out`, u);
    const owed = districts.filter((u) => u.status === "scored" && u.rank === p.rank && !u.tied && !leftOut(u));
    for (const u of owed) ensure(u.awardCode === code, `the untied district of rank ${p.rank} did not get ${code}`, u);
  }
  for (const u of districts) ensure(u.awardCode === null || u.awardCode in PRIZES, `district award ${u.awardCode}`, u);

  // communes: at most 2 per district and 7 in all (§III.2.b, §IV.2.b), in rank order
  const communes = out.units.filter((u) => u.level === "xa");
  const awarded = communes.filter((u) => u.awardCode !== null);
  ensure(awarded.length <= COMMUNES, `${awarded.length} communes awarded, more than ${COMMUNES}`);
  const byDistrict = new Map<string, UnitResult[]>();
  for (const u of awarded) {
    ensure(u.awardCode === "commune_merit" && u.prize === null && u.bonusPoints === null, "a commune with a district prize", u);
    ensure(awardable(u), "a commune with no district, or one not in the table, is awarded (reading hg165_no_district)", u);
    const k = normalizeKey(u.group as string);
    byDistrict.set(k, [...(byDistrict.get(k) ?? []), u]);
  }
  for (const [k, us] of byDistrict) ensure(us.length <= PER_DISTRICT, `${us.length} communes of district "${k}" awarded: ${us.map((u) => u.key).join(", ")}`);

  const total = out.quotas.find((q) => q.id === "communes_total");
  ensure(total, "no communes_total quota in the outcome");
  ensure(total.used === awarded.length, `communes_total says ${total.used} used, ${awarded.length} awarded`);
  ensure(total.used + (total.pending ?? 0) <= COMMUNES, "places used and held exceed 7");
  const perGroup = (k: string) => out.quotas.find((q) => q.id === "communes_per_district" && q.group !== undefined && normalizeKey(q.group) === k);
  for (const [k, us] of byDistrict) {
    const q = perGroup(k);
    ensure(q && q.used === us.length, `communes_per_district for "${k}" says ${q?.used} used, ${us.length} awarded`);
  }
  // no commune is passed over: an untied commune with a district that got nothing had no place left
  for (const v of communes) {
    if (v.status !== "scored" || !awardable(v) || v.awardCode !== null || v.tied) continue;
    const k = normalizeKey(v.group as string);
    const q = perGroup(k);
    const worse = (us: UnitResult[]) => us.some((u) => (u.rank as number) > (v.rank as number));
    const districtFull = q !== undefined && q.used + (q.pending ?? 0) >= PER_DISTRICT && !worse(byDistrict.get(k) ?? []);
    const allFull = total.used + (total.pending ?? 0) >= COMMUNES && !worse(awarded);
    ensure(districtFull || allFull, "an untied commune was passed over while its district and the total had places left", v);
  }
}

/** Every property of a table's outcome at once (2, 2b, 3, 4). Returns the units left unchecked by 3. */
export function checkOutcome(rows: UnitRow[], out: TableOutcome): number {
  checkPointBounds(out);
  checkPlanPoints(rows, out);
  const unchecked = checkRanks(rows, out);
  checkAwards(out);
  return unchecked;
}
