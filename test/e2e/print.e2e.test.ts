/**
 * The results sheet as it prints: the Hậu Giang sample (83 units) scored by the command line,
 * printed to PDF by LibreOffice in a Vietnamese locale, read back with pdfinfo and pdftotext. The
 * results' pages are A4 landscape, each with the header row, every unit on one of them, the
 * explanation on none, the signature block after the table, numbers as Vietnamese write them, and
 * type no smaller than before. Page 1 is rendered to test-output/results-print.png (the README's
 * picture, docs/results-print.png, is that page). Needs the CLI built (npm run build).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { dateLineVi } from "../../src/workbook/layout";
import { ensureLibreOffice, printToPdf, tempDir } from "./helpers/libreoffice";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dvc-thidua.js");
const SAMPLE = path.join(ROOT, "assets", "samples", "hau-giang-2023.xlsx");
const PICTURE = path.join(ROOT, "test-output", "results-print.png");
const RESULTS = "Kết quả DVC";
const RULES = "Quy tắc DVC";
const HEADER_ROW = 4; // 1-based: title, note, blank, header

interface Page {
  width: number;
  height: number;
  text: string;
  /** the text with every space and line break taken out: a wrapped name reads whole */
  joined: string;
  /** heights of the words' boxes, in points */
  wordHeights: number[];
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

function pages(pdf: string): Page[] {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [Number(m[1]), Number(m[2])]);
  const layout = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
  const raw = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" }).split("\f");
  const bbox = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" }).split(/<page /).slice(1);
  return sizes.map(([width, height], i) => ({
    width,
    height,
    text: layout[i],
    joined: squeeze(raw[i]),
    wordHeights: [...bbox[i].matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1])),
  }));
}

let all: Page[];
let results: Page[];
let units: string[];
let explanations: string[];
let header: string[];
let dates: string[];
const dirs: string[] = [];

beforeAll(async () => {
  ensureLibreOffice();
  if (!fs.existsSync(path.join(ROOT, "build", "cli", "cli", "index.js"))) {
    execFileSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  }
  const dir = tempDir("dvc-print-");
  dirs.push(dir);
  const out = path.join(dir, "scored.xlsx");
  // the date line carries the scoring date: the day of the run (or the next, should it cross midnight)
  const before = new Date();
  execFileSync("node", [BIN, "score", SAMPLE, "--plan", "hg-165", "-q", "-o", out], { stdio: "pipe" });
  dates = [dateLineVi(before), dateLineVi(new Date())];

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  // LibreOffice prints the sheets in order: the results' pages run up to the rules sheet's first page
  const order = wb.worksheets.map((w) => w.name);
  expect(order.indexOf(RULES)).toBe(order.indexOf(RESULTS) + 1);
  const ws = wb.getWorksheet(RESULTS)!;
  header = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
  const col = (h: string) => header.indexOf(h) + 1;
  units = [];
  explanations = [];
  for (let r = HEADER_ROW + 1; ws.getCell(r, col("Đơn vị")).value; r++) {
    units.push(String(ws.getCell(r, col("Đơn vị")).value));
    explanations.push(String(ws.getCell(r, col("Giải thích")).value));
  }

  const pdf = printToPdf(out, "vi-VN");
  dirs.push(path.dirname(pdf));
  all = pages(pdf);
  const first = all.findIndex((p) => p.text.includes("Kết quả chấm điểm —"));
  const next = all.findIndex((p) => p.text.includes("Quy tắc chấm điểm —"));
  expect(first).toBeGreaterThanOrEqual(0);
  expect(next).toBeGreaterThan(first);
  results = all.slice(first, next);

  fs.mkdirSync(path.dirname(PICTURE), { recursive: true });
  const base = PICTURE.replace(/\.png$/, "");
  execFileSync("pdftoppm", ["-png", "-singlefile", "-r", "110", "-f", String(first + 1), "-l", String(first + 1), pdf, base]);
});

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test("the 83 units print on several A4 landscape pages (842 × 595 pt)", () => {
  expect(units).toHaveLength(83);
  expect(results.length).toBeGreaterThanOrEqual(2);
  for (const p of results) {
    expect(Math.abs(p.width - 842)).toBeLessThanOrEqual(1);
    expect(Math.abs(p.height - 595)).toBeLessThanOrEqual(1);
  }
});

test("every unit is on a page; the header row is on every page", () => {
  const missing = units.filter((u) => !results.some((p) => p.joined.includes(squeeze(u))));
  expect(missing).toEqual([]);
  // the headers that fit on one line of their column, as printed at the top of each page
  const oneLine = ["STT", "Đơn vị", "Cấp", "Huyện", "Trạng thái", "Lý do", "Hạng", "Khen thưởng"];
  for (const h of oneLine) expect(header).toContain(h);
  results.forEach((p, i) => {
    const top = p.text.split("\n").slice(0, 20).join("\n");
    expect({ page: i + 1, missing: oneLine.filter((h) => !top.includes(h)) }).toEqual({ page: i + 1, missing: [] });
  });
});

test("the explanation column and the status codes are not printed", () => {
  expect(explanations.every((e) => e.length > 40)).toBe(true);
  for (const p of results) {
    expect(p.text).not.toContain("Giải thích");
    expect(p.text).not.toContain("Mã trạng thái");
    expect(p.text).not.toMatch(/\b(scored|not_eligible)\b/);
    // the first 40 characters of each explanation, which no other column holds
    for (const e of explanations) expect(p.joined).not.toContain(squeeze(e.slice(0, 40)));
  }
});

test("the signature block follows the table on the last page, with the scoring date", () => {
  const last = results[results.length - 1];
  for (const t of ["Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên, đóng dấu)"]) expect(last.text).toContain(t);
  expect(dates.some((d) => last.text.includes(d))).toBe(true);
  // under the last unit
  const lines = last.text.split("\n");
  const lastUnit = lines.findIndex((l) => l.includes(units[units.length - 1]));
  expect(lastUnit).toBeGreaterThan(0);
  expect(lines.findIndex((l) => l.includes("Thủ trưởng đơn vị"))).toBeGreaterThan(lastUnit);
  for (const p of results.slice(0, -1)) expect(p.text).not.toContain("Thủ trưởng đơn vị");
});

test("numbers print as Vietnamese write them: 20.000.000 đồng, 91,60 points, 95,62%", () => {
  const text = results.map((p) => p.text).join("\n");
  expect(text).toContain("20.000.000");
  expect(text).toMatch(/\b91,60\b/);
  expect(text).toMatch(/\b95,62%/);
  expect(text).toMatch(/\b176\.803\b/);
  expect(text).not.toMatch(/\b20,000,000\b/);
});

test("readable type: the words' boxes are at least 8 pt high (about 6.5 pt type; 11 pt fitted to the page)", () => {
  for (const p of results) {
    const h = [...p.wordHeights].sort((a, b) => a - b);
    const median = h[Math.floor(h.length / 2)];
    expect(median).toBeGreaterThanOrEqual(8);
  }
  expect(fs.statSync(PICTURE).size).toBeGreaterThan(20_000);
});
