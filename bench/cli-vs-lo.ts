/**
 * The command line against LibreOffice on the same 10,000-unit hg-165 table: `dvc-thidua score` end to
 * end (a new node process reading the .xlsx, scoring, writing the scored workbook) and LibreOffice
 * opening the officials' formula workbook, recalculating every formula and saving it. Both are process
 * wall times, medians of several runs after one untimed warm-up run each (file cache, LibreOffice's
 * profile). Afterwards LibreOffice's results are read back and compared with the command line's, unit
 * by unit, so the ratio compares two tools that computed the same thing. The command line's runs also
 * report where their time went (DVC_TIMINGS=1, src/cli/timings.ts): start-up, read, score, layout and
 * write, each shown with its share of the end-to-end time.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { TIMINGS_ENV, TIMINGS_PREFIX, type Phase } from "../src/cli/timings";
import { RESULTS_SHEET } from "../src/workbook";
import { tempDir } from "../test/e2e/helpers/libreoffice";
import { hg165Units, PLAN } from "./data";
import { ROOT } from "./paths";
import { HAND_COLUMNS, HEADER_ROW, SHEET, writeHandWorkbook, writeInputWorkbook } from "./hand-formulas";
import { sofficeWithRecalcProfile } from "./soffice";
import { median, runOk } from "./stats";

const BIN = path.join(ROOT, "bin", "dvc-thidua.js");

export interface CliVsLoFigures {
  units: number;
  runs: number;
  inputBytes: number;
  handBytes: number;
  cliMs: number[];
  cliMedianMs: number;
  /** the command line's phases, in the order they run, then what the phases leave of the process's time */
  cliPhases: CliPhase[];
  libreOfficeMs: number[];
  libreOfficeMedianMs: number;
  /** LibreOffice's median over the command line's */
  ratio: number;
  libreOfficeVersion: string;
  check: RecalcCheck;
}

export interface CliPhase {
  /** a phase of src/cli/timings.ts, or "rest": the process's time outside them (spawning it, its exit) */
  phase: Phase | "rest";
  ms: number[];
  medianMs: number;
  /** median over the command line's median end-to-end time */
  share: number;
}

/** The phases a run of `score` reports, in the order they run (--json is not asked for). */
const PHASES: Phase[] = ["start", "read", "score", "layout", "write"];

/** The phase timings the command line printed on stderr. */
function phaseTimes(stderr: string): Partial<Record<Phase, number>> {
  const line = stderr.split("\n").find((l) => l.startsWith(TIMINGS_PREFIX));
  if (!line) throw new Error(`the command line printed no "${TIMINGS_PREFIX.trim()}" line with ${TIMINGS_ENV}=1:\n${stderr}`);
  return JSON.parse(line.slice(TIMINGS_PREFIX.length)) as Partial<Record<Phase, number>>;
}

function cliPhases(runs: { ms: number; phases: Partial<Record<Phase, number>> }[], cliMedianMs: number): CliPhase[] {
  const of = (phase: CliPhase["phase"], ms: number[]): CliPhase => ({ phase, ms, medianMs: median(ms), share: median(ms) / cliMedianMs });
  const out = PHASES.map((p) => of(p, runs.map((r) => r.phases[p] ?? 0)));
  out.push(of("rest", runs.map((r) => r.ms - PHASES.reduce((sum, p) => sum + (r.phases[p] ?? 0), 0))));
  return out;
}

/** Why the two tools cannot be compared, if they cannot: LibreOffice did not calculate, or got other results. */
export function recalcProblems(c: RecalcCheck): string[] {
  const out: string[] = [];
  if (c.computedTotals === 0) out.push("LibreOffice's output has no computed total: it did not recalculate");
  if (c.totalsAgree !== c.units) out.push(`LibreOffice and the command line disagree on ${c.units - c.totalsAgree} of ${c.units} totals`);
  if (c.ranksAgree !== c.units) out.push(`LibreOffice and the command line disagree on ${c.units - c.ranksAgree} of ${c.units} ranks`);
  return out;
}

export interface RecalcCheck {
  units: number;
  /** units whose total is a number in LibreOffice's output (the formulas did run) */
  computedTotals: number;
  totalsAgree: number;
  ranksAgree: number;
  notConsidered: number;
  /** a few units with both tools' figures, for the eye */
  samples: { unit: string; cli: { total: unknown; rank: unknown }; libreOffice: { total: unknown; rank: unknown } }[];
}

type Scored = Map<string, { total: number | null; rank: number | null; level?: unknown }>;

function plain(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === "object" && "formula" in v) return (v as ExcelJS.CellFormulaValue).result ?? null;
  if (v && typeof v === "object" && "sharedFormula" in v) return (v as ExcelJS.CellSharedFormulaValue).result ?? null;
  return v;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The command line's results sheet: unit → total and rank. */
async function readCliResults(file: string): Promise<Scored> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(RESULTS_SHEET);
  if (!ws) throw new Error(`${file} has no sheet "${RESULTS_SHEET}"`);
  let cols: { unit: number; total: number; rank: number } | null = null;
  const out: Scored = new Map();
  ws.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).map(plain);
    if (!cols) {
      const unit = values.indexOf("Đơn vị");
      const total = values.indexOf("Tổng điểm");
      const rank = values.indexOf("Hạng");
      if (unit > 0 && total > 0 && rank > 0) cols = { unit, total, rank };
      return;
    }
    const unit = values[cols.unit];
    if (typeof unit === "string" && unit) out.set(unit, { total: num(values[cols.total]), rank: num(values[cols.rank]) });
  });
  if (!cols) throw new Error(`no header row with "Đơn vị", "Tổng điểm" and "Hạng" on ${RESULTS_SHEET}`);
  return out;
}

/** LibreOffice's saved copy of the formula workbook: unit → total and rank as it calculated them. */
async function readHandResults(file: string): Promise<Scored> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEET);
  if (!ws) throw new Error(`${file} has no sheet "${SHEET}"`);
  const out: Scored = new Map();
  ws.eachRow((row, r) => {
    if (r <= HEADER_ROW) return;
    const unit = plain(row.getCell("B").value);
    if (typeof unit !== "string") return;
    out.set(unit, {
      total: num(plain(row.getCell(HAND_COLUMNS.total).value)),
      rank: num(plain(row.getCell(HAND_COLUMNS.rank).value)),
      level: plain(row.getCell(HAND_COLUMNS.level).value),
    });
  });
  return out;
}

function compare(cli: Scored, lo: Scored): RecalcCheck {
  let computed = 0;
  let totalsAgree = 0;
  let ranksAgree = 0;
  let notConsidered = 0;
  for (const [unit, l] of lo) {
    const c = cli.get(unit);
    if (l.total !== null) computed++;
    else notConsidered++;
    if (!c) continue;
    if (c.total === null ? l.total === null : l.total !== null && Math.abs(c.total - l.total) <= 1e-9) totalsAgree++;
    if (c.rank === l.rank) ranksAgree++;
  }
  // for the eye: the first district and commune, a commune not considered, the last-ranked commune
  const entries = [...lo.entries()];
  const find = (test: (v: { total: number | null; rank: number | null; level?: unknown }) => boolean) => entries.find(([, v]) => test(v))?.[0];
  const communes = entries.filter(([, v]) => v.level === "Xã" && v.rank !== null);
  const lastCommune = communes.reduce<[string, number] | null>((a, [k, v]) => (!a || (v.rank as number) > a[1] ? [k, v.rank as number] : a), null);
  const picks = [
    find((v) => v.level === "Huyện" && v.rank === 1),
    find((v) => v.level === "Xã" && v.rank === 1),
    find((v) => v.level === "Xã" && v.total === null),
    lastCommune?.[0],
  ].filter((u): u is string => u !== undefined);
  return {
    units: lo.size,
    computedTotals: computed,
    totalsAgree,
    ranksAgree,
    notConsidered,
    samples: picks.map((u) => ({ unit: u, cli: { ...cli.get(u)! }, libreOffice: { total: lo.get(u)!.total, rank: lo.get(u)!.rank } })),
  };
}

export async function benchCliVsLibreOffice(units: number, runs: number, log: (s: string) => void): Promise<CliVsLoFigures> {
  const dir = tempDir("dvc-bench-cli-");
  try {
    const data = hg165Units(units);
    const input = path.join(dir, "so-lieu.xlsx");
    const hand = path.join(dir, "cham-tay.xlsx");
    log(`cli vs LibreOffice: writing the ${units}-unit workbooks`);
    await writeInputWorkbook(data, input);
    await writeHandWorkbook(data, hand);

    const cliOut = path.join(dir, "ket-qua.xlsx");
    const cli = () =>
      runOk(process.execPath, [BIN, "score", input, "--plan", PLAN, "--output", cliOut, "--quiet"], { cwd: ROOT, env: { ...process.env, [TIMINGS_ENV]: "1" } });
    const lo = sofficeWithRecalcProfile();
    const loOut = path.join(dir, "lo");
    fs.mkdirSync(loOut);
    const libreOffice = () => lo.convertToXlsx(hand, loOut);
    try {
      log("cli vs LibreOffice: warm-up runs");
      await cli();
      await libreOffice();
      // alternate the two so that a burst of load elsewhere on the machine does not fall on one tool only
      const cliRuns: { ms: number; phases: Partial<Record<Phase, number>> }[] = [];
      const loMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        log(`cli vs LibreOffice: run ${i + 1}/${runs}`);
        fs.rmSync(cliOut, { force: true });
        const run = await cli();
        cliRuns.push({ ms: run.ms, phases: phaseTimes(run.stderr) });
        fs.rmSync(path.join(loOut, path.basename(hand)), { force: true });
        loMs.push((await libreOffice()).ms);
      }
      log("cli vs LibreOffice: reading both results back");
      const check = compare(await readCliResults(cliOut), await readHandResults(path.join(loOut, path.basename(hand))));
      const cliMs = cliRuns.map((r) => r.ms);
      const cliMedianMs = median(cliMs);
      const libreOfficeMedianMs = median(loMs);
      return {
        units,
        runs,
        inputBytes: fs.statSync(input).size,
        handBytes: fs.statSync(hand).size,
        cliMs,
        cliMedianMs,
        cliPhases: cliPhases(cliRuns, cliMedianMs),
        libreOfficeMs: loMs,
        libreOfficeMedianMs,
        ratio: libreOfficeMedianMs / cliMedianMs,
        libreOfficeVersion: await lo.version(),
        check,
      };
    } finally {
      fs.rmSync(lo.profile, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
