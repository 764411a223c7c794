/**
 * The corpus of workbooks from many producers (test/cli/corpus, README.md there): the command line
 * scores each (`dvc-thidua score <file> --plan hg-165 --json -o <copy>`, exit 0) and
 * - never changes the input's bytes;
 * - for .xlsx/.xlsm, keeps every part of the input in the copy with the same uncompressed bytes,
 *   except the index parts, which may only gain (helpers/package.ts says how that is checked); the
 *   copy is a sound package (no relationship or content type pointing nowhere that the input had not);
 * - gives a copy LibreOffice opens, whose results sheet holds the --json output's figures and whose
 *   other sheets read as the input's do (LibreOffice reads input and copy in one run);
 * - scoring the copy again keeps the input's parts and replaces our sheets, not adds to them;
 * - refuses an output path that is the input (same path, another spelling, a symbolic or hard link)
 *   with exit status 2, writing nothing.
 * .xls and .ods inputs give a new .xlsx: no part comparison, the values checks still hold. A few
 * files are scored with --formulas as well (WITH_FORMULAS), whose copies LibreOffice recalculates.
 * Each check is its own test per file, so that the run reports file by file and part by part what
 * differs; a summary table is printed at the end.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { RESULTS_HEADER_ROW, RESULTS_SHEET, RULES_SHEET, STATUS_LABELS } from "../../src/workbook";
import { comparePackages, readParts, relsOf, indexParts, type Parts } from "./helpers/package";
import { ensureLibreOffice, exportCsvAllSheetsMany, tempDir } from "./helpers/libreoffice";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dvc-thidua.js");
const CORPUS = path.join(ROOT, "test", "cli", "corpus");
const TABLE = JSON.parse(fs.readFileSync(path.join(CORPUS, "make", "dvc-table.json"), "utf8")) as { sheet: string; rows: unknown[][] };
const OWN_SHEETS = new Set([RESULTS_SHEET, RULES_SHEET, "Biểu đồ DVC"]);
/** hg-165's results columns: the --json field → the column header of "Kết quả DVC" */
const POINT_COLUMNS: Record<string, string> = { online_ratio: "Điểm hồ sơ trực tuyến", eid_ratio: "Điểm định danh mức 2" };

interface JsonUnit {
  unit: string;
  status: string;
  total: number | null;
  rank: number | null;
  prize: number | null;
  points: Record<string, number | null>;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

interface Case {
  /** the file, and " --formulas" for a case scored with --formulas */
  label: string;
  file: string;
  formulas: boolean;
  ext: string;
  /** .xlsx/.xlsm: the copy is the input's package with our parts added */
  zip: boolean;
  inputSha: string;
  /** the copy, named so that no two cases' LibreOffice CSV files mix */
  copy: string;
  /** the input under a name of the same kind, for LibreOffice */
  inputForLo: string;
  run?: Run;
  units?: JsonUnit[];
  rescored?: string;
  rescoreRun?: Run;
}

const sha = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

function cli(args: string[], cwd = ROOT): Promise<Run> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile("node", [BIN, ...args], { cwd, encoding: "utf8", maxBuffer: 64 << 20, timeout: 120_000 }, (err, stdout, stderr) => {
      // a non-zero exit gives the status as err.code (a number); a failure to start gives a string
      const code: unknown = err ? (err as unknown as { code?: unknown }).code : 0;
      resolve({ code: typeof code === "number" ? code : null, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** Runs the jobs two at a time (the machine has two cores). */
async function pool<T>(items: T[], job: (t: T) => Promise<void>, width = 2): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await job(items[next++]);
  }));
}

const corpusFiles = fs.readdirSync(CORPUS).filter((f) => /\.(xlsx|xlsm|xls|ods)$/i.test(f)).sort();
/**
 * Scored with --formulas too: the copy's points and totals are formulas over the user's sheet and the
 * rules sheet, with their results; LibreOffice recalculates them (cached results are not trusted).
 */
const WITH_FORMULAS = ["lo-features.xls", "openpyxl-features.xlsx", "shared-excel15-pivot-chart-tables.xlsx"];
const labels = [...corpusFiles, ...WITH_FORMULAS.filter((f) => corpusFiles.includes(f)).map((f) => `${f} --formulas`)];
let dir: string;
const cases: Case[] = [];
let lo: Map<string, Map<string, string[][]>> = new Map();
let loError = "";
const summary = new Map<string, Record<string, string>>();
const mark = (c: Case, col: string, v: string) => summary.set(c.label, { ...(summary.get(c.label) ?? {}), [col]: v });
const timings: Record<string, number> = {};

beforeAll(async () => {
  ensureLibreOffice();
  if (!fs.existsSync(path.join(ROOT, "build", "cli", "cli", "index.js"))) {
    await new Promise<void>((res, rej) => execFile("npm", ["run", "-s", "build:cli"], { cwd: ROOT }, (e) => (e ? rej(e) : res())));
  }
  dir = tempDir("dvc-corpus-");
  for (const label of labels) {
    const file = label.replace(/ --formulas$/, "");
    const formulas = file !== label;
    const ext = path.extname(file).slice(1).toLowerCase();
    const stem = `${path.basename(file, path.extname(file))}_${ext}`;
    const inputForLo = path.join(dir, `in_${stem}.${ext}`);
    if (!formulas) fs.copyFileSync(path.join(CORPUS, file), inputForLo);
    cases.push({
      label, file, formulas, ext, zip: ext === "xlsx" || ext === "xlsm", inputSha: sha(path.join(CORPUS, file)),
      copy: path.join(dir, `out_${stem}${formulas ? "_f" : ""}.${ext === "xlsm" ? "xlsm" : "xlsx"}`), inputForLo,
    });
  }

  let t0 = Date.now();
  await pool(cases, async (c) => {
    c.run = await cli(["score", path.join(CORPUS, c.file), "--plan", "hg-165", "--json", "-o", c.copy, ...(c.formulas ? ["--formulas"] : [])]);
    if (c.run.code === 0) {
      try {
        c.units = JSON.parse(c.run.stdout) as JsonUnit[];
      } catch {
        /* reported by the exit test */
      }
    }
  });
  timings.score = Date.now() - t0;

  t0 = Date.now();
  await pool(cases.filter((c) => c.zip && !c.formulas && c.run?.code === 0 && fs.existsSync(c.copy)), async (c) => {
    c.rescored = c.copy.replace(/\.(xlsx|xlsm)$/, "-again.$1");
    c.rescoreRun = await cli(["score", c.copy, "--plan", "hg-165", "--json", "-q", "-o", c.rescored]);
  });
  timings.rescore = Date.now() - t0;

  // one LibreOffice run for every input and every copy (starting soffice costs more than a small file)
  t0 = Date.now();
  const files = [...cases.filter((c) => !c.formulas).map((c) => c.inputForLo), ...cases.filter((c) => fs.existsSync(c.copy)).map((c) => c.copy)];
  try {
    lo = exportCsvAllSheetsMany(files);
  } catch (e) {
    // one file that LibreOffice cannot convert must not hide the others: convert one by one
    loError = (e as Error).message.split("\n")[0];
    for (const f of files) {
      try {
        lo.set(f, exportCsvAllSheetsMany([f]).get(f)!);
      } catch (err) {
        lo.set(f, new Map([["(error)", [[(err as Error).message.split("\n")[0]]]]]));
      }
    }
  }
  timings.libreoffice = Date.now() - t0;
}, 600_000);

afterAll(() => {
  const cols = ["exit", "input unchanged", "parts kept", "LibreOffice = --json", "user sheets = input", "scored again"];
  const lines = [`| file | ${cols.join(" | ")} |`, `|---|${cols.map(() => "---").join("|")}|`];
  for (const f of labels) lines.push(`| ${f} | ${cols.map((c) => summary.get(f)?.[c] ?? "—").join(" | ")} |`);
  const text = `${lines.join("\n")}\n\ntimes: scoring ${timings.score} ms, scoring the copies again ${timings.rescore} ms, LibreOffice ${timings.libreoffice} ms${loError ? ` (batch failed: ${loError})` : ""}\n`;
  if (process.env.CORPUS_REPORT) fs.writeFileSync(process.env.CORPUS_REPORT, text);
  console.log(`Corpus (test/cli/corpus):\n${text}`);
  if (dir && !process.env.CORPUS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
});

const caseOf = (label: string) => cases.find((c) => c.label === label)!;

function tail(s: string, n = 6): string {
  return s.trim().split("\n").slice(-n).join("\n");
}

/** The case was scored, or the reason it was not, as the test's failure. */
function scoredOrThrow(c: Case): void {
  if (!c.run) throw new Error("not run");
  if (c.run.code !== 0) throw new Error(`not scored: exit ${c.run.code}\n${tail(c.run.stderr)}`);
  if (!fs.existsSync(c.copy)) throw new Error(`exit 0 but no copy at ${c.copy}`);
}

/** LibreOffice's sheets of a file, or why there are none. */
function sheetsOf(file: string): Map<string, string[][]> {
  const s = lo.get(file);
  if (!s || s.has("(error)") || s.size === 0) throw new Error(`LibreOffice could not open ${path.basename(file)}: ${s?.get("(error)")?.[0]?.[0] ?? "it wrote no sheet of it"}`);
  return s;
}

function trimRows(rows: string[][]): string[][] {
  // CSV rows of a sheet without the trailing empty fields and rows (LibreOffice writes the used area)
  const out = rows.map((r) => {
    const x = [...r];
    while (x.length && x[x.length - 1] === "") x.pop();
    return x;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

function cellName(r: number, c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

test("every file of the corpus is described in its README", () => {
  const readme = fs.readFileSync(path.join(CORPUS, "README.md"), "utf8");
  expect(corpusFiles.filter((f) => !readme.includes(f))).toEqual([]);
  // the shared corpus is there, and files of every other producer and format
  expect(corpusFiles.filter((f) => f.startsWith("shared-")).length).toBeGreaterThanOrEqual(10);
  for (const ext of ["xls", "ods", "xlsm"]) expect(corpusFiles.some((f) => f.endsWith("." + ext))).toBe(true);
  for (const p of ["lo-", "openpyxl-", "exceljs-"]) expect(corpusFiles.some((f) => f.startsWith(p))).toBe(true);
});

describe.each(labels)("%s", (label) => {
  test("is scored with exit 0", () => {
    const c = caseOf(label);
    try {
      scoredOrThrow(c);
      expect(c.units).toBeDefined();
      expect(c.units!.length).toBe(TABLE.rows.length);
      mark(c, "exit", `0 (${c.run!.ms} ms)`);
    } catch (e) {
      mark(c, "exit", `**${c.run?.code ?? "?"}**: ${tail(c.run?.stderr ?? "", 1).slice(0, 90).replace(/\|/g, "/")}`);
      throw e;
    }
  });

  test("the input's bytes do not change", () => {
    const c = caseOf(label);
    const same = sha(path.join(CORPUS, c.file)) === c.inputSha;
    mark(c, "input unchanged", same ? "yes" : "**no**");
    expect(same).toBe(true);
  });

  // .xls and .ods inputs give a new .xlsx: there is no package of the input to compare
  const zip = /\.(xlsx|xlsm)$/i.test(label.replace(/ --formulas$/, ""));
  if (zip) test("every part of the input is in the copy unchanged; index parts only gain", async () => {
    const c = caseOf(label);
    try {
      scoredOrThrow(c);
    } catch (e) {
      mark(c, "parts kept", "not scored");
      throw e;
    }
    const input = await readParts(fs.readFileSync(path.join(CORPUS, c.file)));
    let copy: Parts;
    try {
      copy = await readParts(fs.readFileSync(c.copy));
    } catch (e) {
      mark(c, "parts kept", "**not a zip**");
      throw new Error(`the copy is not a zip package: ${(e as Error).message}`);
    }
    const { problems, added } = await comparePackages(input, copy);
    const partsWrong = new Set(problems.map((p) => p.part));
    mark(c, "parts kept", problems.length ? `**${input.size - [...partsWrong].filter((p) => input.has(p)).length}/${input.size}**` : `${input.size}/${input.size} (+${added.length})`);
    if (problems.length) {
      const byPart = new Map<string, string[]>();
      for (const p of problems) byPart.set(p.part, [...(byPart.get(p.part) ?? []), p.problem]);
      const report = [...byPart].map(([part, ps]) => `  ${part}:\n${ps.slice(0, 8).map((p) => `    - ${p}`).join("\n")}${ps.length > 8 ? `\n    - … ${ps.length - 8} more` : ""}`);
      throw new Error(`${partsWrong.size} of the input's ${input.size} parts not kept (copy adds ${added.join(", ") || "nothing"}):\n${report.join("\n")}`);
    }
  });

  test("LibreOffice opens the copy; its results sheet holds the --json figures", () => {
    const c = caseOf(label);
    try {
      scoredOrThrow(c);
      const sheets = sheetsOf(c.copy);
      const csv = sheets.get(RESULTS_SHEET);
      if (!csv) throw new Error(`no sheet "${RESULTS_SHEET}"; LibreOffice reads ${[...sheets.keys()].map((s) => `"${s}"`).join(", ")}`);
      const header = csv[RESULTS_HEADER_ROW] ?? [];
      const col = (h: string) => {
        const i = header.indexOf(h);
        if (i < 0) throw new Error(`no column "${h}" in row ${RESULTS_HEADER_ROW + 1} of "${RESULTS_SHEET}": ${header.join(" | ")}`);
        return i;
      };
      const rows = new Map(csv.slice(RESULTS_HEADER_ROW + 1).filter((r) => r[col("Đơn vị")]).map((r) => [r[col("Đơn vị")], r]));
      const wrong: string[] = [];
      const num = (unit: string, what: string, cell: string | undefined, v: number | null) => {
        if (v === null ? (cell ?? "") !== "" : !(Math.abs(Number(cell) - v) < 1e-9) || cell === "") wrong.push(`${unit} ${what}: LibreOffice "${cell}", --json ${v}`);
      };
      for (const u of c.units!) {
        const r = rows.get(u.unit);
        if (!r) {
          wrong.push(`${u.unit}: no row`);
          continue;
        }
        num(u.unit, "total", r[col("Tổng điểm")], u.total);
        num(u.unit, "rank", r[col("Hạng")], u.rank);
        num(u.unit, "prize", r[col("Tiền thưởng (đồng)")], u.prize);
        for (const [id, h] of Object.entries(POINT_COLUMNS)) num(u.unit, id, r[col(h)], u.points[id] ?? null);
        const status = STATUS_LABELS[u.status as keyof typeof STATUS_LABELS];
        if (r[col("Trạng thái")] !== status) wrong.push(`${u.unit} status: LibreOffice "${r[col("Trạng thái")]}", --json ${u.status} ("${status}")`);
      }
      if (rows.size !== c.units!.length) wrong.push(`${rows.size} unit rows, --json has ${c.units!.length}`);
      if (wrong.length) throw new Error(wrong.join("\n"));
      mark(c, "LibreOffice = --json", "yes");
    } catch (e) {
      mark(c, "LibreOffice = --json", `**no**`);
      throw e;
    }
  });

  test("LibreOffice reads the copy's other sheets as the input's", () => {
    const c = caseOf(label);
    try {
      scoredOrThrow(c);
      const before = sheetsOf(c.inputForLo);
      const after = sheetsOf(c.copy);
      const wrong: string[] = [];
      for (const [name, rows] of before) {
        const got = after.get(name);
        if (!got) {
          wrong.push(`sheet "${name}" is not in the copy`);
          continue;
        }
        const a = trimRows(rows);
        const b = trimRows(got);
        const diffs: string[] = [];
        for (let r = 0; r < Math.max(a.length, b.length); r++) {
          for (let k = 0; k < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); k++) {
            if ((a[r]?.[k] ?? "") !== (b[r]?.[k] ?? "")) diffs.push(`${cellName(r, k)} "${a[r]?.[k] ?? ""}" → "${b[r]?.[k] ?? ""}"`);
          }
        }
        if (diffs.length) wrong.push(`sheet "${name}": ${diffs.length} cells differ: ${diffs.slice(0, 5).join("; ")}`);
      }
      const extra = [...after.keys()].filter((s) => !before.has(s) && !OWN_SHEETS.has(s));
      if (extra.length) wrong.push(`sheets in the copy that are neither the input's nor ours: ${extra.join(", ")}`);
      if (wrong.length) throw new Error(wrong.join("\n"));
      mark(c, "user sheets = input", `yes (${before.size})`);
    } catch (e) {
      mark(c, "user sheets = input", "**no**");
      throw e;
    }
  });

  if (zip && !label.endsWith(" --formulas")) test("scoring the copy again keeps the input's parts and replaces our sheets", async () => {
    const c = caseOf(label);
    try {
      scoredOrThrow(c);
      if (!c.rescoreRun || c.rescoreRun.code !== 0 || !c.rescored || !fs.existsSync(c.rescored)) {
        throw new Error(`the copy is not scored again: exit ${c.rescoreRun?.code}\n${tail(c.rescoreRun?.stderr ?? "")}`);
      }
      const input = await readParts(fs.readFileSync(path.join(CORPUS, c.file)));
      const once = await readParts(fs.readFileSync(c.copy));
      const twice = await readParts(fs.readFileSync(c.rescored));
      const { problems } = await comparePackages(input, twice);
      const sheetsIn = (p: Parts) => relsOf(p, indexParts(p).workbook).filter((r) => /\/(worksheet|chartsheet)$/.test(r.type)).length;
      if (sheetsIn(twice) !== sheetsIn(once)) problems.push({ part: "(workbook)", problem: `${sheetsIn(once)} sheets after one scoring, ${sheetsIn(twice)} after two` });
      if (problems.length) throw new Error(problems.slice(0, 12).map((p) => `${p.part}: ${p.problem}`).join("\n"));
      mark(c, "scored again", "yes");
    } catch (e) {
      mark(c, "scored again", "**no**");
      throw e;
    }
  });
});

describe("-o onto the input is refused with exit 2 and nothing written", () => {
  const source = path.join(CORPUS, "exceljs-features.xlsx");
  const CSV =
    "Đơn vị,Cấp,Thuộc huyện,Số hồ sơ trực tuyến,Tổng số hồ sơ phát sinh,Số tài khoản định danh mức 2 đã kích hoạt,Số người có CCCD\n" +
    "Xã A,Xã,Huyện B,90,100,95,100\nHuyện B,Huyện,,95,100,85,100\n";
  const works: string[] = [];
  afterAll(() => works.forEach((w) => fs.rmSync(w, { recursive: true, force: true })));

  /** A fresh folder: x/x.xlsx, link.xlsx → x/x.xlsx, hard.xlsx (a hard link to it), x/data.csv. */
  function folder(): string {
    const work = tempDir("dvc-same-");
    works.push(work);
    fs.mkdirSync(path.join(work, "x"));
    fs.copyFileSync(source, path.join(work, "x", "x.xlsx"));
    fs.symlinkSync(path.join("x", "x.xlsx"), path.join(work, "link.xlsx"));
    fs.linkSync(path.join(work, "x", "x.xlsx"), path.join(work, "hard.xlsx"));
    fs.writeFileSync(path.join(work, "x", "data.csv"), CSV);
    return work;
  }

  const listing = (work: string) => {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        out.push(`${path.relative(work, p)}${e.isSymbolicLink() ? ` -> ${fs.readlinkSync(p)}` : ""}`);
        if (e.isDirectory()) walk(p);
      }
    };
    walk(work);
    return out.sort();
  };

  // the control: these inputs score with another -o, so an exit 2 below is the output's refusal
  test.each([["x/x.xlsx"], ["x/data.csv"]])("%s scores with another -o", async (input) => {
    const work = folder();
    const run = await cli(["score", input, "--plan", "hg-165", "-o", "other.xlsx"], work);
    expect({ code: run.code, err: run.code === 0 ? "" : tail(run.stderr) }).toEqual({ code: 0, err: "" });
    expect(fs.existsSync(path.join(work, "other.xlsx"))).toBe(true);
  });

  test.each([
    ["the same path", "x/x.xlsx", "x/x.xlsx"],
    ["another spelling (./x/../x/x.xlsx)", "x/x.xlsx", "./x/../x/x.xlsx"],
    ["the absolute path of a relative input", "x/x.xlsx", "@/x/x.xlsx"],
    ["a symbolic link to the input", "x/x.xlsx", "link.xlsx"],
    ["the input reached through a symbolic link", "link.xlsx", "x/x.xlsx"],
    ["a hard link to the input", "x/x.xlsx", "hard.xlsx"],
    ["a CSV input onto itself", "x/data.csv", "x/data.csv"],
  ])("%s", async (_what, input, output) => {
    const work = folder();
    const shas = () => ["x/x.xlsx", "hard.xlsx", "x/data.csv"].map((f) => sha(path.join(work, f)));
    const before = shas();
    const files = listing(work);
    const run = await cli(["score", input, "--plan", "hg-165", "-o", output.replace("@", work)], work);
    expect({ code: run.code, said: run.stderr.trim().length > 0 }).toEqual({ code: 2, said: true });
    expect(shas()).toEqual(before);
    // nothing written: no file replaced by another, no link replaced, no temporary file left
    expect(listing(work)).toEqual(files);
  });
});
