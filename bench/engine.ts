/**
 * Engine: scoreTable(getPlan("hg-165-2023"), rows) on 1,000 / 10,000 / 100,000 units. Two figures per size:
 * - "score": the call itself, which works out every ratio, point, status, rank, tie, prize and quota;
 * - "units": the call plus reading `.units`, which builds one object per unit with its criteria,
 *   findings and Vietnamese explanation (built on first read): what the results sheet and JSON pay.
 * The rows are built before timing; each timed run follows a forced collection, warm-up runs are not counted.
 */
import { SCORE_TOLERANCE, scoreTable, type UnitResult, type UnitRow } from "../src/engine";
import { hg165Units, PLAN, unitRows } from "./data";
import { collect, median, nowMs } from "./stats";
import { getPlan } from "../src/plans";

export interface EngineFigure {
  units: number;
  variant: "score" | "units";
  runs: number;
  medianMs: number;
  minMs: number;
  unitsPerSecond: number;
}

const PLAN_RUNS: Record<number, { warm: number; timed: number }> = {
  1_000: { warm: 5, timed: 31 },
  10_000: { warm: 3, timed: 15 },
  100_000: { warm: 2, timed: 7 },
};

function timeCall(rows: UnitRow[], readUnits: boolean, warm: number, timed: number): number[] {
  const call = () => {
    const out = scoreTable(getPlan(PLAN), rows);
    return readUnits ? out.units.length : 0;
  };
  for (let i = 0; i < warm; i++) call();
  const ms: number[] = [];
  for (let i = 0; i < timed; i++) {
    collect();
    const t0 = nowMs();
    call();
    ms.push(nowMs() - t0);
  }
  return ms;
}

/**
 * What is timed must be right: every unit comes back, and each level's competition ranks agree with
 * the totals (1 + the units with a higher total ≤ rank ≤ the units with a total at least as high; a
 * tie-break may order tied units). Returns the problems found.
 */
export function checkRanks(rows: UnitRow[], units: UnitResult[]): string[] {
  if (units.length !== rows.length) return [`scoreTable returned ${units.length} units for ${rows.length} rows`];
  const problems: string[] = [];
  for (const level of ["huyen", "xa"] as const) {
    const ranked = units.filter((u) => u.level === level && u.total !== null);
    if (!ranked.length) problems.push(`no ${level} unit scored`);
    const totals = ranked.map((u) => u.total as number).sort((a, b) => b - a);
    // units with a total above x (beyond the tolerance), by binary search on the sorted totals
    const above = (x: number) => {
      let lo = 0;
      let hi = totals.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (totals[mid] > x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const wrong = ranked.filter((u) => u.rank === null || u.rank < 1 + above((u.total as number) + SCORE_TOLERANCE) || u.rank > above((u.total as number) - SCORE_TOLERANCE));
    if (wrong.length) {
      const w = wrong[0];
      problems.push(`${wrong.length} ${level} ranks disagree with the totals, e.g. ${w.key}: total ${w.total}, rank ${w.rank}`);
    }
  }
  return problems;
}

export interface EngineResult {
  figures: EngineFigure[];
  /** ranks that disagree with totals: the figures are then those of a wrong engine */
  problems: string[];
}

export function benchEngine(sizes: number[], log: (s: string) => void): EngineResult {
  const figures: EngineFigure[] = [];
  const problems: string[] = [];
  for (const n of sizes) {
    const rows = unitRows(hg165Units(n));
    // outside the timing: the table really scores and ranks
    for (const p of checkRanks(rows, scoreTable(getPlan(PLAN), rows).units)) problems.push(`${n} units: ${p}`);
    const plan = PLAN_RUNS[n] ?? { warm: 2, timed: 5 };
    for (const variant of ["score", "units"] as const) {
      log(`engine: ${n} units, ${variant}`);
      const ms = timeCall(rows, variant === "units", plan.warm, plan.timed);
      const med = median(ms);
      figures.push({ units: n, variant, runs: ms.length, medianMs: med, minMs: Math.min(...ms), unitsPerSecond: n / (med / 1000) });
    }
  }
  return { figures, problems };
}
