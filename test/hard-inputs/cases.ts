/**
 * The hard-input table (cases.json) and what the three runners share: the case's sheet as a sparse
 * map of cells in sheet coordinates, the tagged cell values of the data file, the generated large
 * table, and the expectations with each front end's overrides merged in.
 *
 * The data file holds the cases; this file holds no case of its own.
 */
import * as fs from "fs";
import * as path from "path";
import { hg165Large } from "../fake-excel/sample-hg165";
import { getPlan } from "../../src/plans";

// ---------- the data file's shapes ----------

/**
 * A cell as the data file writes it: JSON scalars are typed values (a string is a text cell, even
 * "95"); the tags are the cells JSON cannot write.
 */
export type Tagged =
  | null
  | number
  | string
  | boolean
  | { error: string }
  | { date: string }
  | { formula: string; result?: Exclude<Tagged, { formula: string }> }
  | { nfd: string }
  | { number: "Infinity" | "-Infinity" | "NaN" };

export interface SheetSpec {
  name: string;
  /** top-left cell of `rows` (default A1) */
  at?: string;
  rows: Tagged[][];
  merges?: string[];
  /** 1-based sheet rows hidden by hand */
  hiddenRows?: number[];
  /** 1-based sheet rows hidden by an autofilter over `autoFilter` */
  filteredRows?: number[];
  autoFilter?: string;
}

export type FrontEnd = "functions" | "cli" | "pane";
export const FRONT_ENDS: FrontEnd[] = ["functions", "cli", "pane"];

/** One call of a custom function: ranges ("E4:E11") are read from the case's sheet, {value} is a literal. */
export interface FnCall {
  call: string;
  args: (string | { value: unknown })[];
  /** what an error message about each argument must name (null: not checked) */
  names: (string | null)[];
}

export interface ProblemSpec {
  cell: string;
  code: string;
  /** a pattern the message must match instead of the data file's phraseFor[code] */
  phrase?: string;
  /** the custom function's error code at this row (default: the data file's excelErrorFor[code]) */
  fn?: string;
  /** a pattern the function's message must match instead of the argument's name */
  fnMessage?: string;
}

export interface SpotSpec {
  unit: string;
  row: number;
  status?: string;
  total?: number | null;
  award?: string | null;
  /** the code of why the unit has no award (null: it has one, or the plan gives none) */
  awardReason?: string | null;
  group?: string | null;
  level?: string;
}

export interface Expect {
  exit?: number;
  units?: number;
  /** exact counts per status; "usable" = scored + not_eligible when the split is not the point */
  status?: Record<string, number>;
  problems?: ProblemSpec[];
  spot?: SpotSpec[];
  /** 1-based rows reported as left out on purpose (a totals row, a column-number row, rows below a gap) */
  skipped?: number[];
  /** patterns the command line's stderr must match */
  stderr?: string[];
  /** the task pane's failure */
  paneError?: { code: string; where?: { sheet?: string; row?: number; column?: string }; message?: string };
  /** the custom function's whole result is one error (a 1×1 error is thrown) */
  fnThrows?: { code: string; message?: string };
  /** sheet row → the function's value (number, true/false) or error at that row, for every call in order */
  fnRows?: Record<string, (number | boolean | { error: string; message?: string } | null)[]>;
  /**
   * [first, last] sheet rows that are the unused ends of a range: above the table the functions' output is an
   * empty cell; at the end of the ranges there is no output at all (the result ends at the last row in use).
   */
  fnEmptyRows?: [number, number][];
}

export interface Base {
  plan: string;
  why?: string;
  sheet: SheetSpec;
  /** a cell inside the table, where the official clicks before Rank */
  select: string;
  functions?: FnCall[];
  /** the functions' rows that are errors whatever the case (a district without its communes' ratios) */
  fnRowErrors?: Record<string, { error: string; message: string }[]>;
  /** hg-165 functions give the total; target plans give TRUE/FALSE per indicator (total = TRUE count) */
  fnTotal: "value" | "countTrue";
  /** rows the custom functions cover, first and last (the output row i is sheet row first + i) */
  fnSpan: [number, number];
}

export interface CsvSpec {
  text: string;
  encoding: "utf8" | "utf8-bom" | "utf16le-bom" | "utf16le" | "windows-1258";
}

export interface HardCase {
  id: string;
  kind: string;
  why?: string;
  base?: string;
  /** replaces the base's sheet spec fields (name, at, rows, merges, ...) */
  sheet?: Partial<SheetSpec>;
  /** cell edits in sheet coordinates, after the sheet is placed */
  set?: Record<string, Tagged>;
  appendRows?: Tagged[][];
  extraSheets?: SheetSpec[];
  /** workbook names, e.g. the marker of a results sheet an earlier run wrote ("'Kết quả DVC'!$A$1") */
  names?: { name: string; ref: string }[];
  generate?: { kind: "hg165Large"; rows: number; districts: number };
  csv?: CsvSpec;
  /** the command line is handed the sheets as this kind of file instead of an .xlsx (written by files.ts) */
  cliFormat?: "ods" | "xls";
  /** raw bytes instead of a workbook: an encrypted (OLE) container or a broken zip */
  file?: { kind: "ole" | "zip-garbage" | "truncated-xlsx" | "xlsx-named-csv"; name: string };
  cliArgs?: string[];
  level?: string;
  date?: string;
  select?: string;
  functions?: FnCall[];
  fnSpan?: [number, number];
  /** errors any other row of the functions' output may hold (a large generated table's districts) */
  fnAllowedErrors?: { error: string; message: string }[];
  /** the command line reads the sheet as CSV and writes no workbook (a large table: reading and scoring are the point) */
  cliCsvNoWrite?: boolean;
  /** the pane runs the job's read and score steps only (its writes at this size are measured by the benchmark) */
  paneScoreOnly?: boolean;
  notApplicable?: Partial<Record<FrontEnd, string>>;
  knownGap?: Partial<Record<FrontEnd, string>>;
  expect: Expect & Partial<Record<FrontEnd, Expect>>;
}

export interface CaseFile {
  excelErrorFor: Record<string, string>;
  /** a pattern each reason's message must match, so a message says what is wrong and not only where */
  phraseFor: Record<string, string>;
  bases: Record<string, Base>;
  cases: HardCase[];
}

// ---------- loading ----------

export const DATA: CaseFile = JSON.parse(fs.readFileSync(path.join(__dirname, "cases.json"), "utf8"));

export function baseOf(c: HardCase): Base {
  const b = DATA.bases[c.base ?? ""];
  if (!b) throw new Error(`case ${c.id}: no base "${c.base}"`);
  return b;
}

export function planOf(c: HardCase): string {
  return baseOf(c).plan;
}

/** The base's expectations overlaid with the front end's. */
export function expectFor(c: HardCase, fe: FrontEnd): Expect {
  const { functions: _f, cli: _c, pane: _p, ...common } = c.expect;
  return { ...common, ...(c.expect[fe] ?? {}) };
}

/** How a runner treats a case: run it, skip it as not applicable, or skip it as a known gap. */
export function disposition(c: HardCase, fe: FrontEnd): { run: true } | { run: false; title: string } {
  const na = c.notApplicable?.[fe];
  if (na) return { run: false, title: `${c.id} — not applicable: ${na}` };
  const gap = c.knownGap?.[fe];
  // HARD_INPUTS_GAPS=1 runs the known gaps too: the way to see one fail, and to see it fixed
  if (gap && !process.env.HARD_INPUTS_GAPS) return { run: false, title: `${c.id} — KNOWN GAP: ${gap}` };
  return { run: true };
}

// ---------- A1 ----------

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "E7" → 0-based row 6, column 4. */
export function parseCell(a: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a.trim().toUpperCase());
  if (!m) throw new Error(`bad cell address ${a}`);
  return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
}

export function parseRange(a: string): { r0: number; c0: number; r1: number; c1: number } {
  const [p, q] = a.split(":");
  const s = parseCell(p);
  const e = parseCell(q ?? p);
  return { r0: s.r, c0: s.c, r1: e.r, c1: e.c };
}

export const isRange = (x: unknown): x is string => typeof x === "string" && /^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(x);

// ---------- the case's sheet ----------

export interface BuiltSheet {
  name: string;
  /** rows of cells from A1 (0-based, ragged; a missing cell is blank) */
  grid: Tagged[][];
  rows: number;
  cols: number;
  merges: string[];
  hiddenRows: number[];
  filteredRows: number[];
  autoFilter?: string;
}

/** Sets a cell, keeping the sheet's size (a blank clears the cell and leaves the size). */
function put(s: BuiltSheet, r: number, c: number, v: Tagged): void {
  const row = (s.grid[r] ??= []);
  if (v === null || v === undefined) {
    if (c < row.length) row[c] = null;
    return;
  }
  row[c] = v;
  if (r >= s.rows) s.rows = r + 1;
  if (c >= s.cols) s.cols = c + 1;
}

function place(spec: SheetSpec): BuiltSheet {
  const at = parseCell(spec.at ?? "A1");
  const sheet: BuiltSheet = {
    name: spec.name,
    grid: [],
    rows: 0,
    cols: 0,
    merges: spec.merges ?? [],
    hiddenRows: spec.hiddenRows ?? [],
    filteredRows: spec.filteredRows ?? [],
    autoFilter: spec.autoFilter,
  };
  spec.rows.forEach((row, i) => row.forEach((v, j) => put(sheet, at.r + i, at.c + j, v)));
  return sheet;
}

/** The generated large table: the sample's large hg-165 table under a title and a header. */
function generated(g: NonNullable<HardCase["generate"]>, spec: SheetSpec): SheetSpec {
  const header = spec.rows.find((r) => r.some((v) => v === "Đơn vị")) ?? [];
  // the sample's rows are STT, unit, district, figures; the base puts a level column after the unit
  const units = hg165Large(g.rows, g.districts).map((r) => [r[0], r[1], r[2] === null ? "Huyện" : "Xã", ...r.slice(2)] as Tagged[]);
  return { ...spec, rows: [spec.rows[0], [], header, ...units] };
}

/** The case's sheets: the data sheet first, then any extra sheets of the user's. */
export function buildSheets(c: HardCase): BuiltSheet[] {
  const b = baseOf(c);
  let spec: SheetSpec = { ...b.sheet, ...(c.sheet ?? {}) };
  if (c.generate) spec = generated(c.generate, spec);
  const main = place(spec);
  const left = parseCell(spec.at ?? "A1").c;
  const below = main.rows;
  (c.appendRows ?? []).forEach((row, i) => row.forEach((v, j) => put(main, below + i, left + j, v)));
  for (const [addr, v] of Object.entries(c.set ?? {})) {
    const { r, c: col } = parseCell(addr);
    put(main, r, col, v);
  }
  return [main, ...(c.extraSheets ?? []).map(place)];
}

export function cellAt(s: BuiltSheet, r: number, c: number): Tagged {
  return s.grid[r]?.[c] ?? null;
}

// ---------- cell values per front end ----------

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function excelSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / DAY_MS);
}

export function isoDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** What a cell shows as a plain value (what Excel calculates and hands to a function or to Office.js). */
export type Plain = null | number | string | boolean | { error: string } | { date: string };

export function plainOf(v: Tagged): Plain {
  if (v === null || typeof v !== "object") return v;
  if ("nfd" in v) return v.nfd.normalize("NFD");
  if ("number" in v) return Number(v.number);
  if ("formula" in v) return v.result === undefined ? null : plainOf(v.result);
  return v;
}

// ---------- CSV bytes ----------

/** Vietnamese tone marks, which Windows-1258 writes as combining characters after the letter. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Text as Windows-1258 writes it: a letter with a tone mark is the base letter (â, ơ, ư ... are
 * single bytes) followed by the combining tone (grave, acute, tilde, hook, dot below).
 */
export function windows1258(text: string, encode: (s: string) => Buffer): Buffer {
  const parts: Buffer[] = [];
  for (const ch of text.normalize("NFC")) {
    const d = ch.normalize("NFD");
    const tones = d.match(TONES)?.join("") ?? "";
    const letter = d.replace(TONES, "").normalize("NFC");
    parts.push(encode(letter + tones));
  }
  return Buffer.concat(parts);
}

export function allCases(): HardCase[] {
  return DATA.cases;
}

/** The pattern a problem's message must match. */
export function phraseOf(p: ProblemSpec): RegExp {
  const src = p.phrase ?? DATA.phraseFor[p.code];
  if (!src) throw new Error(`cases.json: no phraseFor "${p.code}"`);
  return new RegExp(src);
}

/** Status counts as a case states them: exact per status, "usable" = scored + not_eligible. */
export function statusCounts(units: { status: string }[], want: Record<string, number>): Record<string, number> {
  const got: Record<string, number> = {};
  for (const k of Object.keys(want)) {
    got[k] = k === "usable" ? units.filter((u) => u.status === "scored" || u.status === "not_eligible").length : units.filter((u) => u.status === k).length;
  }
  return got;
}

/** Every status a case does not name must be absent (unless it counts "usable" only). */
export function unnamedStatuses(units: { status: string }[], want: Record<string, number>): string[] {
  const named = new Set(Object.keys(want));
  if (named.has("usable")) ["scored", "not_eligible"].forEach((k) => named.add(k));
  return [...new Set(units.map((u) => u.status).filter((s) => !named.has(s)))];
}

/** A unit as a front end reports it, for the spot checks. */
export interface SpotSeen {
  row: number | null | undefined;
  status: string;
  total: number | null;
  award: string | null;
  awardReason?: { code: string } | null;
  group: string | null;
  level: string;
}

/** What differs between a spot check and the unit a front end reported (empty when all agree). */
export function spotMismatches(s: SpotSpec, u: SpotSeen | undefined): string[] {
  if (!u) return [`${s.unit}: not among the units`];
  const out: string[] = [];
  const differ = (what: string, want: unknown, got: unknown) => out.push(`${s.unit}: ${what} ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  if (u.row !== s.row) differ("row", s.row, u.row);
  if (s.status !== undefined && u.status !== s.status) differ("status", s.status, u.status);
  if (s.total === null ? u.total !== null : s.total !== undefined && (u.total === null || Math.abs(u.total - s.total) > 1e-9)) differ("total", s.total, u.total);
  if (s.award !== undefined && u.award !== s.award) differ("award", s.award, u.award);
  if (s.awardReason !== undefined && (u.awardReason?.code ?? null) !== s.awardReason) differ("awardReason", s.awardReason, u.awardReason?.code ?? null);
  if (s.group !== undefined && u.group !== s.group) differ("group", s.group, u.group);
  if (s.level !== undefined && u.level !== s.level) differ("level", s.level, u.level);
  return out;
}

/** The plan's input ids ("all_dossiers") a message shows instead of the input's name. */
export function rawIds(planId: string, text: string): string[] {
  return getPlan(planId)
    .inputs.map((d) => d.id)
    .filter((id) => id.includes("_") && new RegExp(`(^|[^\\w])${id}([^\\w]|$)`).test(text));
}
