/**
 * `npm run bench`: every figure measured in this run, printed as one table (stdout) and written to
 * bench/latest.json with the machine it was taken on. Progress goes to stderr.
 *
 *   node --expose-gc build/bench/bench/run.js [--only engine,fake,bundles,cli]
 *
 * With --only the run is partial and bench/latest.json is left as it is.
 */
import * as fs from "fs";
import * as path from "path";
import { buildProduction, bundleSizes, firstRender, type BundleFile, type FirstRender } from "./bundles";
import { benchCliVsLibreOffice, recalcProblems, type CliPhase, type CliVsLoFigures } from "./cli-vs-lo";
import { benchEngine, type EngineResult } from "./engine";
import { benchFakeRank, type FakeRankResult } from "./fake-rank";
import { machine, machineLine, type Machine } from "./machine";
import { ROOT } from "./paths";
import { nowMs } from "./stats";

const SECTIONS = ["engine", "fake", "bundles", "cli"] as const;
type Section = (typeof SECTIONS)[number];

const ENGINE_SIZES = [1_000, 10_000, 100_000];
const FAKE_SIZES = [1_000, 10_000, 100_000];
const FIRST_RENDER_LOADS = 9;
const CLI_UNITS = 10_000;
const CLI_RUNS = 5;

interface Report {
  machine: Machine;
  chromium?: string;
  libreOffice?: string;
  engine?: EngineResult;
  fakeRank?: FakeRankResult;
  bundles?: { buildMs: number; files: BundleFile[]; firstRender: FirstRender };
  cliVsLibreOffice?: CliVsLoFigures;
  errors: { section: Section; message: string }[];
  durationMs: number;
  table: string;
}

const START = nowMs();
const log = (s: string) => process.stderr.write(`[bench ${((nowMs() - START) / 1000).toFixed(1)} s] ${s}\n`);

const int = (n: number) => Math.round(n).toLocaleString("en-US");
function ms(x: number): string {
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}
const show = (v: unknown) => (typeof v === "number" ? String(Math.round(v * 1e6) / 1e6) : "–");
function bytes(n: number): string {
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(2)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

const PHASE_NAMES: Record<CliPhase["phase"], string> = {
  start: "start-up (Node, modules)",
  read: "read the .xlsx",
  score: "find, map and score the table",
  layout: "lay out our sheets",
  write: "write the copy",
  json: "print JSON",
  rest: "process start and exit",
};

function table(r: Report): string {
  const rows: string[][] = [];
  // problems first: a figure beside one of these is not to be quoted
  for (const e of r.errors) rows.push([`${e.section}: ERROR`, "", "", e.message.split("\n")[0]]);
  for (const f of r.engine?.figures ?? []) {
    const what =
      f.variant === "score"
        ? "Engine: score and rank (scoreTable hg-165-2023)"
        : "Engine: score, rank and build every unit's result with its explanation (scoreTable(…).units)";
    rows.push([what, `${int(f.units)} units`, ms(f.medianMs), `${int(f.unitsPerSecond)} units/s; min ${ms(f.minMs)}; ${f.runs} runs`]);
  }
  const fr = r.fakeRank;
  if (fr) {
    for (const f of fr.figures) {
      const within = f.ofLimit <= 1 ? "within" : "OVER";
      rows.push([
        `Rank on the fake Excel (${f.mode === "values" ? "values" : "formulas option"})`,
        `${int(f.rows)} rows`,
        ms(f.medianMs),
        `${f.syncs} context.sync(); largest request ${bytes(f.maxRequestBytes)}, largest response ${bytes(f.maxResponseBytes)}: ` +
          `${(f.ofLimit * 100).toFixed(0)}% of the ${bytes(fr.limitBytes)} limit (${within}); ${f.runs} run${f.runs > 1 ? "s" : ""}`,
      ]);
    }
  }
  const b = r.bundles;
  if (b) {
    rows.push(["Production build (webpack --mode production)", "", ms(b.buildMs), "wall time, 1 run"]);
    for (const f of b.files) rows.push([`Bundle ${f.file}`, "", bytes(f.bytes), `gzip -9: ${bytes(f.gzipBytes)} (${int(f.bytes)} / ${int(f.gzipBytes)} bytes)`]);
    const t = b.firstRender;
    rows.push([
      "Task pane first render, headless Chromium (navigation start → plan picker with the plans)",
      `${t.loads} loads`,
      ms(t.planPickerMedianMs),
      `first contentful paint ${ms(t.firstContentfulPaintMedianMs)}; fresh browser context each load`,
    ]);
  }
  const c = r.cliVsLibreOffice;
  if (c) {
    rows.push([`CLI: dvc-thidua score, ${int(c.units)}-unit .xlsx end to end (process wall time)`, `${c.runs} runs`, ms(c.cliMedianMs), `input ${bytes(c.inputBytes)}`]);
    rows.push([
      "CLI: where its time goes (medians of each phase; share of the end-to-end median)",
      `${c.runs} runs`,
      "",
      c.cliPhases.map((p) => `${PHASE_NAMES[p.phase]} ${ms(p.medianMs)} (${(p.share * 100).toFixed(0)}%)`).join("; "),
    ]);
    rows.push([
      "LibreOffice headless: open the same table as hand formulas, recalculate, save .xlsx",
      `${c.runs} runs`,
      ms(c.libreOfficeMedianMs),
      `${c.ratio.toFixed(1)}× the CLI; totals agree ${int(c.check.totalsAgree)}/${int(c.check.units)}, ranks ${int(c.check.ranksAgree)}/${int(c.check.units)}`,
    ]);
  }
  const head = ["Measure", "Size", "Median", "Detail"];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => "| " + cells.map((x, i) => x.padEnd(width[i])).join(" | ") + " |";
  return [line(head), "|" + width.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.map(line)].join("\n");
}

function parseOnly(argv: string[]): Set<Section> {
  const i = argv.indexOf("--only");
  if (i < 0) return new Set(SECTIONS);
  const wanted = (argv[i + 1] ?? "").split(",").filter(Boolean);
  const bad = wanted.filter((w) => !(SECTIONS as readonly string[]).includes(w));
  if (!wanted.length || bad.length) throw new Error(`--only takes a list of ${SECTIONS.join(", ")}`);
  return new Set(wanted as Section[]);
}

async function main(): Promise<number> {
  const only = parseOnly(process.argv.slice(2));
  // every key in place from the start, so that the JSON reads in this order (absent ones are left out)
  const report: Report = {
    machine: machine(),
    chromium: undefined,
    libreOffice: undefined,
    errors: [],
    durationMs: 0,
    engine: undefined,
    fakeRank: undefined,
    bundles: undefined,
    cliVsLibreOffice: undefined,
    table: "",
  };
  log(machineLine(report.machine));
  if (!(globalThis as { gc?: unknown }).gc) log("running without --expose-gc: no collection between timed runs");

  const attempt = async (section: Section, fn: () => Promise<void>) => {
    if (!only.has(section)) return;
    try {
      await fn();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log(`${section} failed: ${message}`);
      report.errors.push({ section, message });
    }
  };

  // the engine first, in a fresh heap
  await attempt("engine", async () => {
    report.engine = benchEngine(ENGINE_SIZES, log);
    for (const p of report.engine.problems) report.errors.push({ section: "engine", message: p });
  });
  await attempt("fake", async () => {
    report.fakeRank = await benchFakeRank(FAKE_SIZES, ["values", "formulas"], log);
  });
  await attempt("bundles", async () => {
    log("production build");
    const buildMs = await buildProduction();
    const files = bundleSizes();
    log("task pane first render");
    const fr = await firstRender(FIRST_RENDER_LOADS);
    report.chromium = fr.chromium;
    report.bundles = { buildMs, files, firstRender: fr };
  });
  await attempt("cli", async () => {
    report.cliVsLibreOffice = await benchCliVsLibreOffice(CLI_UNITS, CLI_RUNS, log);
    report.libreOffice = report.cliVsLibreOffice.libreOfficeVersion;
    for (const p of recalcProblems(report.cliVsLibreOffice.check)) report.errors.push({ section: "cli", message: p });
  });

  report.durationMs = nowMs() - START;
  report.table = table(report);
  const tools = [report.chromium && `Chromium ${report.chromium}`, report.libreOffice].filter(Boolean).join(", ");
  const check = report.cliVsLibreOffice?.check;
  const checkLine = check
    ? `LibreOffice check (total / rank, CLI vs LibreOffice): ` +
      check.samples.map((x) => `${x.unit} ${show(x.cli.total)}/${show(x.cli.rank)} vs ${show(x.libreOffice.total)}/${show(x.libreOffice.rank)}`).join("; ") +
      `; ${int(check.notConsidered)} communes below 70% not considered by both\n`
    : "";
  process.stdout.write(`${machineLine(report.machine)}${tools ? `; ${tools}` : ""}\n\n${report.table}\n\n${checkLine}Whole run: ${ms(report.durationMs)}\n`);
  if (only.size === SECTIONS.length) {
    const file = path.join(ROOT, "bench", "latest.json");
    fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
    log(`wrote ${path.relative(ROOT, file)}`);
  } else {
    log("partial run (--only): bench/latest.json left as it is");
  }
  return report.errors.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.stack : e}\n`);
    process.exitCode = 2;
  },
);
