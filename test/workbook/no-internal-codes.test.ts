/**
 * No internal code where a person reads: the results sheet and the task pane's summary show
 * words, never a reason code, status, criterion, input, award, quota or plan id, nor a seed file name
 * (those belong to --json and to the rules sheet). Scanned over the bundled samples, the hard inputs
 * and small tables that reach every award reason, in both languages of the pane.
 */
import * as path from "path";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MESSAGES, type CellInput } from "../../src/engine";
import { listPlans, getPlan } from "../../src/plans";
import { layoutResults, layoutRules, scoreSheet, WorkbookError, type CellOut, type ScoredSheet } from "../../src/workbook";
import { readInput } from "../../src/cli/read";
import { Summary } from "../../src/taskpane/App";
import { summarize } from "../../src/workflow/summary";
import { allCases, buildSheets, isoDate, planOf, plainOf } from "../hard-inputs/cases";

const NOW = new Date(2023, 11, 20, 9, 30);
const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");

const SEED_FILE = /\d{3}_[0-9a-f]{16}\.txt/;
/** an ASCII snake_case word: a code, an input or a criterion id (Vietnamese words have no "_") */
const SNAKE = /(?<![\p{L}\p{N}_])[a-z][a-z0-9]*_[a-z0-9_]+(?![\p{L}\p{N}_])/u;

/** Every id the plans and the engine use: codes, statuses, plan, input, criterion, target, award, quota, reading ids. */
function knownIds(): string[] {
  const ids = new Set<string>([...Object.keys(MESSAGES), "scored", "not_eligible", "no_data", "invalid_input"]);
  // level ids are also what an official types in a "Cấp" cell, which the sheet may show as typed
  for (const p of listPlans()) {
    ids.add(p.id);
    for (const x of [...p.inputs, ...p.criteria, ...p.targets, ...p.quotas, ...p.readings, ...(p.weighted?.criteria ?? [])]) ids.add(x.id);
    for (const a of p.awards) ids.add(a.code);
  }
  for (const l of ["tinh", "huyen", "xa"]) ids.delete(l);
  return [...ids];
}

/**
 * The ids a text must not hold. English text is only scanned for ids with "_" or "-" ("not scored 0"
 * is English, "scored" the code); Vietnamese text for single-word ids too, if longer than 3 letters
 * (the hg-126 targets "iv" and "v" are Roman numerals in the plan's own words).
 */
const patterns = new Map<"vi" | "en", RegExp>();
function idPattern(lang: "vi" | "en"): RegExp {
  let re = patterns.get(lang);
  if (!re) {
    const ids = knownIds().filter((id) => /[_-]/.test(id) || (lang === "vi" && id.length > 3));
    // longest first, so that "hg-165-2023" is reported as itself and not as a shorter id inside it
    ids.sort((x, y) => y.length - x.length);
    re = new RegExp(`(?<![\\p{L}\\p{N}_-])(${ids.map((id) => id.replace(/\./g, "\\.")).join("|")})(?![\\p{L}\\p{N}_-])`, "u");
    patterns.set(lang, re);
  }
  return re;
}

function leaks(text: string, lang: "vi" | "en"): string[] {
  const out: string[] = [];
  if (SEED_FILE.test(text)) out.push(`seed file in "${text}"`);
  const snake = SNAKE.exec(text);
  if (snake) out.push(`"${snake[0]}" in "${text}"`);
  const id = idPattern(lang).exec(text);
  if (id) out.push(`"${id[1]}" in "${text}"`);
  return out;
}

function cellTexts(cells: CellOut[][]): string[] {
  const out: string[] = [];
  for (const row of cells) {
    for (const c of row) {
      if (typeof c === "string") out.push(c);
      else if (c && typeof c === "object" && typeof c.result === "string") out.push(c.result);
    }
  }
  return out;
}

/** The results sheet's texts, with values and with formulas (their cached results). */
function resultsTexts(s: ScoredSheet): string[] {
  const plan = getPlan(s.planId);
  const rules = layoutRules(plan, { now: NOW, scored: s });
  return [false, true].flatMap((formulas) => cellTexts(layoutResults(s, plan, { formulas, rules, now: NOW }).cells));
}

/** What the pane's summary shows: its text and its accessible names, rendered by the pane's own component. */
function paneTexts(s: ScoredSheet, lang: "vi" | "en"): string[] {
  const summary = { ...summarize(s, ["Quy tắc DVC", "Kết quả DVC", "Biểu đồ DVC"], 2), chartOmitted: false };
  const html = renderToStaticMarkup(React.createElement(Summary, { summary, lang, onProblem: () => undefined }));
  const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
  const text = html.replace(/<[^>]*>/g, "\n").split("\n").map((t) => t.trim()).filter(Boolean);
  const unescape = (t: string) => t.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return [...labels, ...text].map(unescape);
}

function cell(v: ReturnType<typeof plainOf>): CellInput {
  return v !== null && typeof v === "object" && "date" in v ? isoDate(v.date) : v;
}

interface Table {
  name: string;
  planId: string;
  grid: CellInput[][];
}

const HG: CellInput[] = ["Đơn vị", "Cấp", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD"];

/** Tables that reach every award reason and the usual data flags. */
const SMALL: Table[] = [
  {
    name: "hg-165: district full, places taken, tie, no district, unknown district, floor, data flags",
    planId: "hg-165-2023",
    grid: [
      HG,
      ["Huyện Châu Thành", "Huyện", null, 900, 1000, 8000, 10000],
      ...[100, 99, 98].map((a, k) => [`Xã A${k}`, "Xã", "Huyện Châu Thành", a, 100, 95, 100]),
      ["Huyện Phụng Hiệp", "Huyện", null, 800, 1000, 8000, 10000],
      ...[97, 96, 96, 60].map((a, k) => [`Xã B${k}`, "Xã", "Huyện Phụng Hiệp", a, 100, 95, 100]),
      ["Thành phố Ngã Bảy", "Huyện", null, 700, 0, 8000, 10000],
      ...[96, 93, 92].map((a, k) => [`Phường C${k}`, "Xã", "Thành phố Ngã Bảy", a, 100, 95, 100]),
      ["Xã Không Huyện", "Xã", null, 99, 100, 95, 100],
      ["Xã Sai Huyện", "Xã", "Huyện Chau Thanh X", 99, 100, 95, 100],
      ["Xã Lỗi", "Xã", "Huyện Châu Thành", "9O", 100, 95, 100],
      ["Xã Vượt", "Xã", "Huyện Châu Thành", 120, 100, 95, 100],
    ],
  },
  {
    name: "ls-170: targets not met, missing, no solution, bad assigned target",
    planId: "ls-170-2023",
    grid: [
      ["Đơn vị", "Cấp", "Tỷ lệ số hóa", "Tỷ lệ DVC phát sinh hồ sơ trực tuyến", "Chỉ tiêu giao DVC phát sinh hồ sơ", "Tỷ lệ hồ sơ trực tuyến", "Chỉ tiêu giao hồ sơ trực tuyến", "Có giải pháp"],
      ["Xã Đạt", "Xã", "60%", "70%", "65%", "65%", "60%", "có"],
      ["Xã Thấp", "Xã", "50%", "60%", "65%", "65%", "60%", "không"],
      ["Xã Thiếu", "Xã", "60%", null, "65%", "65%", "60%", null],
      ["Xã Sai", "Xã", "60%", "70%", "abc", "65%", "60%", "có"],
    ],
  },
  {
    name: "np-236: quota, tie at the provincial place, bad score",
    planId: "np-236-2022",
    grid: [
      ["Đơn vị", "Cấp", "Điểm"],
      ...[99, 98, 97, 96, 95, 94, 93, 92, 91, 90].map((p, k) => [`Xã X${k}`, "Xã", p]),
      ["Phòng A", "Huyện", 90], ["Phòng B", "Huyện", 90], ["Phòng C", "Huyện", 80], ["Phòng D", "Huyện", "x"],
    ],
  },
];

function hardInputTables(): Table[] {
  // the generated table of many thousands of rows says nothing the small ones do not
  return allCases().filter((c) => !c.generate).map((c) => {
    const sheet = buildSheets(c)[0];
    const grid: CellInput[][] = [];
    for (let r = 0; r < sheet.rows; r++) {
      const row: CellInput[] = [];
      for (let k = 0; k < sheet.cols; k++) row.push(cell(plainOf(sheet.grid[r]?.[k] ?? null)));
      grid.push(row);
    }
    return { name: `hard input ${c.id}`, planId: planOf(c), grid };
  });
}

function scored(t: Table): ScoredSheet | null {
  try {
    return scoreSheet(getPlan(t.planId), t.grid, { sheet: "Số liệu", date: getPlan(t.planId).campaign ? "2024-05-01" : undefined });
  } catch (e) {
    if (e instanceof WorkbookError) return null;
    throw e;
  }
}

describe("no internal code where a person reads", () => {
  test("the scan itself finds a code, an id, a plan id and a seed file", () => {
    expect(leaks("Mã: not_eligible", "vi")).not.toEqual([]);
    expect(leaks("Điểm online_ratio", "en")).not.toEqual([]);
    expect(leaks("Trạng thái scored", "vi")).not.toEqual([]);
    expect(leaks("Kế hoạch hg-165-2023", "en")).not.toEqual([]);
    expect(leaks("Nguồn 000_e8cf8ffdb6dfbfb5.txt §III.2.b", "vi")).not.toEqual([]);
    expect(leaks("Huyện Châu Thành đã có 2 xã được khen (KH 165/KH-UBND §III.2.b).", "vi")).toEqual([]);
  });

  test("the bundled samples: results sheet, pane in Vietnamese and English", async () => {
    const samples: [string, string][] = [["hau-giang-2023.xlsx", "hg-165-2023"], ["lang-son-2023.xlsx", "ls-170-2023"], ["chu-prong-2024.xlsx", "iator-32-2024"]];
    for (const [file, planId] of samples) {
      const book = await readInput(path.join(SAMPLES, file));
      const s = book.sheets.map((sh) => scored({ name: file, planId, grid: sh.grid })).find((x) => x !== null);
      expect(s).toBeTruthy();
      const found = [...resultsTexts(s!).flatMap((t) => leaks(t, "vi")), ...paneTexts(s!, "vi").flatMap((t) => leaks(t, "vi")), ...paneTexts(s!, "en").flatMap((t) => leaks(t, "en"))];
      expect({ file, found }).toEqual({ file, found: [] });
    }
  });

  test.each(SMALL.map((t) => [t.name, t] as const))("%s", (_name, t) => {
    const s = scored(t)!;
    // the tables reach their reasons: every unit without an award says why
    expect(s.outcome.units.filter((u) => u.award === null && u.awardReason === null)).toEqual([]);
    const found = [...resultsTexts(s).flatMap((x) => leaks(x, "vi")), ...paneTexts(s, "vi").flatMap((x) => leaks(x, "vi")), ...paneTexts(s, "en").flatMap((x) => leaks(x, "en"))];
    expect(found).toEqual([]);
  });

  test("the hard inputs: results sheet and pane", () => {
    const found: string[] = [];
    let n = 0;
    for (const t of hardInputTables()) {
      const s = scored(t);
      if (!s || s.outcome.units.length === 0 || s.mapping.missing.length) continue;
      n++;
      for (const x of resultsTexts(s)) for (const l of leaks(x, "vi")) found.push(`${t.name}: ${l}`);
      for (const x of paneTexts(s, "vi")) for (const l of leaks(x, "vi")) found.push(`${t.name}: ${l}`);
    }
    expect(n).toBeGreaterThan(20);
    expect(found.slice(0, 20)).toEqual([]);
  });

  test("the rules sheet keeps the seed file beside the plan's document", () => {
    const plan = getPlan("hg-165-2023");
    const rules = layoutRules(plan, { now: NOW });
    const texts = cellTexts(rules.sheet.cells);
    expect(texts).toContain("000_e8cf8ffdb6dfbfb5.txt");
    expect(texts).toContain("KH 165/KH-UBND");
  });
});
