/**
 * Scored copies opened by a real client: each workbook of ../shared/corpus (Excel, Excel Online,
 * Google Sheets, WPS) with a DVC data sheet added, the bundled samples, a Strict package and a new
 * workbook made for a non-.xlsx input are scored, and LibreOffice (headless, recalculating everything
 * on load) opens every copy: the user's sheets read as in the input, and the results sheet shows the
 * engine's figures. Needs the CLI built (npm run build).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ensureLibreOffice, exportCsvAllSheetsMany, tempDir } from "./helpers/libreoffice";
import { addDataSheet, strictPackage } from "../cli/write/packages";
import { writeScoredCopy, type OurSheet } from "../../src/cli/write";
import { findPlan, listPlans } from "../../src/plans";
import { layoutResults, layoutRules, scoreSheet } from "../../src/workbook";
import { chartSheet } from "../../src/workflow/chart";
import { hg165Sheet } from "../fake-excel/sample-hg165";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dvc-thidua.js");
const CORPUS = path.join(ROOT, "test", "cli", "corpus", "shared");
const SAMPLES = path.join(ROOT, "assets", "samples");
const RESULTS = "Kết quả DVC";
const HEADER_ROW = 3;
const STATUS_WORDS: Record<string, string> = { scored: "Đã chấm", not_eligible: "Không xét", no_data: "Không có dữ liệu", invalid_input: "Số liệu lỗi" };

interface JsonUnit {
  unit: string;
  status: string;
  total: number | null;
  rank: number | null;
}

function planArgs(name: string): string[] {
  if (name.startsWith("lang-son")) return ["--plan", "ls-170"];
  if (name.startsWith("chu-prong")) return ["--plan", "iator-32", "--date", "10/05/2024"];
  if (name.startsWith("minh-son")) return ["--plan", path.join(SAMPLES, "minh-son-2026.plan.json")];
  return ["--plan", "hg-165"];
}

let dir: string;
const cases: { name: string; input: string; output: string; units: JsonUnit[] }[] = [];
let csv: Map<string, Map<string, string[][]>>;
let strict: { output: string; units: { unit: string; total: number | null }[] };
let fromCsv: { input: string; output: string; units: JsonUnit[] };

/** A Strict package (no reader of ours takes one yet) scored through the writer itself. */
async function scoreStrict(): Promise<typeof strict> {
  const plan = findPlan("hg-165-2023")!;
  const scored = scoreSheet(plan, hg165Sheet(), { sheet: "Số liệu DVC", engine: {}, plans: listPlans() });
  const now = new Date(2024, 4, 10);
  const rules = layoutRules(plan, { now, scored, formulas: false });
  const chart = chartSheet(scored.outcome.units)!;
  const sheets: OurSheet[] = [
    { role: "results", model: layoutResults(scored, plan, { formulas: false, rules, now }) },
    { role: "rules", model: rules.sheet },
    { role: "chart", model: chart.model, chart: chart.chart },
  ];
  const output = path.join(dir, "strict.out.xlsx");
  await writeScoredCopy({ kind: "xlsx", file: path.join(dir, "strict.in.xlsx"), package: strictPackage(), sheets: [] }, sheets, output);
  return { output, units: scored.outcome.units.map((u) => ({ unit: u.key, total: u.total })) };
}

beforeAll(async () => {
  ensureLibreOffice();
  if (!fs.existsSync(path.join(ROOT, "build", "cli", "cli", "index.js"))) execFileSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  dir = tempDir("dvc-copy-lo-");
  const sources = [
    ...fs.readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f)).map((f) => ({ f, bytes: addDataSheet(fs.readFileSync(path.join(CORPUS, f))) })),
    ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx")).map((f) => ({ f, bytes: fs.readFileSync(path.join(SAMPLES, f)) })),
  ];
  for (const { f, bytes } of sources) {
    const ext = path.extname(f);
    const stem = path.basename(f, ext);
    const input = path.join(dir, `${stem}.in${ext}`);
    const output = path.join(dir, `${stem}.out${ext}`);
    fs.writeFileSync(input, bytes);
    const out = execFileSync("node", [BIN, "score", input, ...planArgs(f), "--json", "-q", "-o", output], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    cases.push({ name: f, input, output, units: JSON.parse(out) as JsonUnit[] });
  }
  strict = await scoreStrict();
  const csvInput = path.join(dir, "table.in.csv");
  fs.writeFileSync(
    csvInput,
    "Đơn vị;Cấp;Huyện;Số hồ sơ trực tuyến;Tổng số hồ sơ phát sinh;TK định danh mức 2;Số người có CCCD\n" +
      "Huyện A;Huyện;;95;100;70;100\nXã 1;Xã;Huyện A;100;100;95;100\nXã 2;Xã;Huyện A;90;100;92;100\n",
  );
  const csvOutput = path.join(dir, "table.out.xlsx");
  const out = execFileSync("node", [BIN, "score", csvInput, "--plan", "hg-165", "--json", "-q", "-o", csvOutput], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  fromCsv = { input: csvInput, output: csvOutput, units: JSON.parse(out) as JsonUnit[] };
  // one LibreOffice run for every input and copy: starting it costs more than converting a small workbook
  csv = exportCsvAllSheetsMany([...cases.flatMap((c) => [c.input, c.output]), strict.output, csvOutput]);
}, 300_000);

test("every workbook of the corpus was scored", () => {
  expect(cases.filter((c) => !c.name.match(/^(hau-giang|lang-son|chu-prong)/)).length).toBeGreaterThanOrEqual(10);
});

const NAMES = [...fs.readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f)), ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"))];

test.each(NAMES)(
  "%s: LibreOffice opens the copy; the user's sheets read as in the input; the results sheet is the engine's",
  (name) => {
    const c = cases.find((x) => x.name === name)!;
    const before = csv.get(c.input)!;
    const after = csv.get(c.output)!;
    for (const [sheet, rows] of before) expect({ sheet, rows: after.get(sheet) }).toEqual({ sheet, rows });
    const res = after.get(RESULTS)!;
    const header = res[HEADER_ROW];
    const col = (h: string) => header.indexOf(h);
    const rows = new Map(res.slice(HEADER_ROW + 1).filter((r) => r[col("Đơn vị")]).map((r) => [r[col("Đơn vị")], r]));
    expect(rows.size).toBe(c.units.length);
    for (const u of c.units) {
      const r = rows.get(u.unit)!;
      expect({ unit: u.unit, status: r[col("Trạng thái")] }).toEqual({ unit: u.unit, status: STATUS_WORDS[u.status] });
      expect({ unit: u.unit, rank: r[col("Hạng")] }).toEqual({ unit: u.unit, rank: u.rank === null ? "" : String(u.rank) });
      // a target plan's results have no points column: its "total" counts targets met, shown per target
      if (col("Tổng điểm") < 0) continue;
      if (u.total === null) expect(r[col("Tổng điểm")]).toBe("");
      else expect(Math.abs(Number(r[col("Tổng điểm")]) - u.total)).toBeLessThan(1e-9);
    }
  },
);

test("every copy opens in LibreOffice with the input's sheets and ours", () => {
  for (const c of cases) {
    const before = [...csv.get(c.input)!.keys()];
    const after = [...csv.get(c.output)!.keys()];
    expect({ name: c.name, sheets: after.filter((s) => !before.includes(s)).sort() }).toEqual({
      name: c.name,
      sheets: expect.arrayContaining([RESULTS, "Quy tắc DVC"]),
    });
    expect({ name: c.name, missing: before.filter((s) => !after.includes(s)) }).toEqual({ name: c.name, missing: [] });
  }
});

test("a Strict package's copy opens in LibreOffice with our sheets in the Strict vocabulary", () => {
  const sheets = csv.get(strict.output)!;
  expect([...sheets.keys()].sort()).toEqual(["Số liệu DVC", RESULTS, "Quy tắc DVC", "Biểu đồ DVC"].sort());
  const res = sheets.get(RESULTS)!;
  const header = res[HEADER_ROW];
  for (const u of strict.units) {
    const row = res.find((r) => r[header.indexOf("Đơn vị")] === u.unit)!;
    expect({ unit: u.unit, total: row[header.indexOf("Tổng điểm")] }).toEqual({ unit: u.unit, total: u.total === null ? "" : expect.any(String) });
    if (u.total !== null) expect(Math.abs(Number(row[header.indexOf("Tổng điểm")]) - u.total)).toBeLessThan(1e-9);
  }
});

test("a CSV input's new workbook: its table as values, and the results", () => {
  const sheets = csv.get(fromCsv.output)!;
  expect([...sheets.keys()].sort()).toEqual(["Số liệu", RESULTS, "Quy tắc DVC", "Biểu đồ DVC"].sort());
  expect(sheets.get("Số liệu")!.slice(0, 4)).toEqual([
    ["Đơn vị", "Cấp", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "TK định danh mức 2", "Số người có CCCD"],
    ["Huyện A", "Huyện", "", "95", "100", "70", "100"],
    ["Xã 1", "Xã", "Huyện A", "100", "100", "95", "100"],
    ["Xã 2", "Xã", "Huyện A", "90", "100", "92", "100"],
  ]);
  const res = sheets.get(RESULTS)!;
  const header = res[HEADER_ROW];
  for (const u of fromCsv.units) {
    const row = res.find((r) => r[header.indexOf("Đơn vị")] === u.unit)!;
    expect(Math.abs(Number(row[header.indexOf("Tổng điểm")]) - (u.total as number))).toBeLessThan(1e-9);
  }
});
