/**
 * The hard inputs through the command line: each case's sheet is written as a real .xlsx with exceljs
 * (or the case's CSV bytes, or its broken file), `score` runs in-process with --json and -o, and the
 * exit code, the problems printed on stderr (each as Sheet!E7), the JSON units and the written
 * workbook are checked — every cell of the user's sheets as it was in the input file.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import { scoreCommand } from "../../src/cli/score";
import {
  allCases, baseOf, buildSheets, disposition, expectFor, isoDate, phraseOf, planOf, plainOf, rawIds, spotMismatches, statusCounts, unnamedStatuses,
  windows1258,
  type BuiltSheet, type HardCase, type Tagged,
} from "./cases";

/** The sheet a CSV becomes (src/cli/xlsx.ts CSV_SHEET). */
const CSV_SHEET = "Số liệu";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-hard-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function xlsxValue(v: Tagged): ExcelJS.CellValue {
  if (v === null || typeof v !== "object") return v;
  if ("nfd" in v) return v.nfd.normalize("NFD");
  if ("number" in v) return Number(v.number);
  if ("error" in v) return { error: v.error } as ExcelJS.CellErrorValue;
  if ("date" in v) return isoDate(v.date);
  const result = v.result === undefined ? undefined : xlsxValue(v.result);
  return { formula: v.formula, result } as ExcelJS.CellFormulaValue;
}

async function writeXlsx(sheets: BuiltSheet[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = xlsxValue(v);
        if (typeof v === "object" && "date" in v) cell.numFmt = "dd/mm/yyyy";
      }),
    );
    for (const m of s.merges) ws.mergeCells(m);
    for (const r of [...s.hiddenRows, ...s.filteredRows]) ws.getRow(r).hidden = true;
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
  }
  await wb.xlsx.writeFile(file);
}

/** A sheet as CSV (UTF-8, commas): the large case, where reading and scoring are the point. */
function csvOf(s: BuiltSheet): string {
  const field = (v: Tagged) => {
    const p = plainOf(v);
    if (p === null) return "";
    const t = typeof p === "object" ? ("error" in p ? p.error : p.date) : String(p);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return s.grid.map((row) => (row ?? []).map((v) => field(v ?? null)).join(",")).join("\n") + "\n";
}

function csvBytes(text: string, encoding: string): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le":
      return iconv.encode(text, "utf16le");
    case "utf16le-bom":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]);
    case "windows-1258":
      return windows1258(text, (s) => iconv.encode(s, "windows-1258"));
    default:
      throw new Error(`no encoding ${encoding}`);
  }
}

/** Writes the case's input file; returns its path and the sheet the problems are on. */
async function inputFile(c: HardCase, sheets: BuiltSheet[]): Promise<{ file: string; sheet: string }> {
  const at = path.join(dir, c.id);
  fs.mkdirSync(at, { recursive: true });
  if (c.csv) {
    const file = path.join(at, "so-lieu.csv");
    fs.writeFileSync(file, csvBytes(c.csv.text, c.csv.encoding));
    return { file, sheet: CSV_SHEET };
  }
  if (c.cliCsvNoWrite) {
    const file = path.join(at, "so-lieu.csv");
    fs.writeFileSync(file, csvOf(sheets[0]));
    return { file, sheet: CSV_SHEET };
  }
  if (c.file) {
    const file = path.join(at, c.file.name);
    if (c.file.kind === "ole") {
      // the signature of an OLE2 compound file, which is what Excel writes for an encrypted workbook
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    } else if (c.file.kind === "zip-garbage") {
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 0x5a)]));
    } else {
      const whole = path.join(at, "whole.xlsx");
      await writeXlsx(sheets, whole);
      const bytes = fs.readFileSync(whole);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      fs.rmSync(whole);
    }
    return { file, sheet: sheets[0].name };
  }
  const file = path.join(at, "so-lieu.xlsx");
  await writeXlsx(sheets, file);
  return { file, sheet: sheets[0].name };
}

const PROBLEM_LINE = /^ {2}(.+?)!([A-Z]+)(\d+)(?: \((.*?)\))?: (.+)$/;

/** The problem lines of stderr: the block after "Có N vấn đề …", every line of it indented. */
function problemLines(err: string): string[] {
  const lines = err.split("\n");
  const start = lines.findIndex((l) => /^Có \d+ vấn đề/.test(l));
  if (start < 0) return [];
  const out: string[] = [];
  for (let i = start + 1; i < lines.length && lines[i].startsWith("  "); i++) out.push(lines[i]);
  return out;
}

interface JsonUnit {
  unit: string;
  status: string;
  total: number | null;
  award: string | null;
  group: string | null;
  level: string;
  row: number | null;
}

/** Every input sheet of the written workbook holds what the input file held, cell by cell. */
async function expectInputSheetsKept(input: string, output: string): Promise<void> {
  const a = new ExcelJS.Workbook();
  await a.xlsx.readFile(input);
  const b = new ExcelJS.Workbook();
  await b.xlsx.readFile(output);
  expect(b.worksheets.slice(0, a.worksheets.length).map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name)!;
    const cells = (ws: ExcelJS.Worksheet) => {
      const out: Record<string, unknown> = {};
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => (out[cell.address] = { value: cell.value, numFmt: cell.numFmt ?? null })),
      );
      return out;
    };
    const hidden = (ws: ExcelJS.Worksheet) => {
      const out: number[] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => row.hidden && out.push(n));
      return out;
    };
    expect(cells(wb)).toEqual(cells(wa));
    expect(Object.keys((wb.model as { merges?: string[] }).merges ?? {}).length).toBe(Object.keys((wa.model as { merges?: string[] }).merges ?? {}).length);
    expect((wb.model as { merges?: string[] }).merges).toEqual((wa.model as { merges?: string[] }).merges);
    expect(hidden(wb)).toEqual(hidden(wa));
    expect(wb.autoFilter).toEqual(wa.autoFilter);
  }
}

describe.each(allCases().map((c) => [c.id, c] as const))("%s", (_id, c) => {
  const d = disposition(c, "cli");
  if (!d.run) {
    test.skip(d.title, () => undefined);
    return;
  }

  test(`${c.kind}: exit code, problems as Sheet!Cell, units scored, the input kept`, async () => {
    const e = expectFor(c, "cli");
    const sheets = buildSheets(c);
    const { file, sheet } = await inputFile(c, sheets);
    const inputBytes = fs.readFileSync(file);
    const output = path.join(dir, c.id, "ket-qua.xlsx");
    const args = [file, "--plan", planOf(c), "--json", ...(c.cliCsvNoWrite ? [] : ["-o", output])];
    if (c.level) args.push("--level", c.level);
    if (c.date) args.push("--date", c.date);
    args.push(...(c.cliArgs ?? []));

    let out = "";
    let err = "";
    const code = await scoreCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });

    expect({ code, err: code === (e.exit ?? 0) ? "" : err }).toEqual({ code: e.exit ?? 0, err: "" });
    for (const p of e.stderr ?? []) expect(err).toMatch(new RegExp(p));
    // the input file is never written to
    expect(fs.readFileSync(file).equals(inputBytes)).toBe(true);
    // every problem line names sheet, column and row; the set is exactly the case's
    const lines = problemLines(err);
    for (const l of lines) expect(l).toMatch(PROBLEM_LINE);
    if (e.problems) {
      const got = lines.map((l) => PROBLEM_LINE.exec(l)!).map((m) => `${m[1]}!${m[2]}${m[3]}`).sort();
      expect(got).toEqual(e.problems.map((p) => `${sheet}!${p.cell}`).sort());
      for (const p of e.problems) {
        const line = lines.find((l) => l.startsWith(`  ${sheet}!${p.cell} `) || l.startsWith(`  ${sheet}!${p.cell}:`))!;
        expect(PROBLEM_LINE.exec(line)![5]).toMatch(phraseOf(p));
      }
      // the input is named by its label, never by the plan's internal id
      for (const l of lines) expect(rawIds(planOf(c), l)).toEqual([]);
    }
    if (code !== 0) {
      // nothing scored or nothing read: no workbook written, no JSON printed
      expect(fs.existsSync(output)).toBe(false);
      expect(out).toBe("");
      return;
    }
    if (e.skipped) {
      const rows = [...err.matchAll(/bỏ qua dòng (\d+):/g)].map((m) => Number(m[1]));
      expect(rows).toEqual(e.skipped);
    }

    const units = JSON.parse(out) as JsonUnit[];
    if (e.units !== undefined) expect(units).toHaveLength(e.units);
    if (e.status) {
      expect(statusCounts(units, e.status)).toEqual(e.status);
      expect(unnamedStatuses(units, e.status)).toEqual([]);
    }
    for (const s of e.spot ?? []) expect(spotMismatches(s, units.find((x) => x.unit === s.unit))).toEqual([]);

    if (c.cliCsvNoWrite) {
      expect(fs.existsSync(output)).toBe(false);
    } else if (!c.csv) {
      await expectInputSheetsKept(file, output);
    } else {
      // a CSV's data sheet in the scored workbook holds the CSV's fields, numbers as numbers, the rest as text
      const b = new ExcelJS.Workbook();
      await b.xlsx.readFile(output);
      expect(b.worksheets[0].name).toBe(CSV_SHEET);
    }
  }, c.generate ? 120_000 : 20_000);
});

test("the runner's data sheet name is the command line's", () => {
  // the CSV sheet's name is part of every message about a CSV file: keep the runner in step with src/cli/xlsx.ts
  expect(require("../../src/cli/xlsx").CSV_SHEET).toBe(CSV_SHEET);
  expect(baseOf(allCases()[0]).plan).toBe("hg-165-2023");
});
