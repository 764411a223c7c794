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
import { scoreCommand } from "../../src/cli/score";
import { decodeXml, outline } from "../../src/cli/write/xml";
import { inflate, readZip } from "../../src/cli/write/zip";
import {
  allCases, baseOf, buildSheets, disposition, expectFor, phraseOf, planOf, rawIds, spotMismatches, statusCounts, unnamedStatuses,
} from "./cases";
import { CSV_SHEET, inputFile } from "./files";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-hard-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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
  awardReason: { code: string } | null;
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

/** Every XML part of the written workbook is well formed (a strict parser: Excel refuses a part that is not). */
async function expectWellFormed(output: string): Promise<void> {
  const bad: string[] = [];
  for (const e of await readZip(fs.readFileSync(output))) {
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    try {
      outline(decodeXml(inflate(e), e.name).text, e.name, 0);
    } catch (err) {
      bad.push(`${e.name}: ${(err as Error).message}`);
    }
  }
  expect(bad).toEqual([]);
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
    const { file, sheet } = await inputFile(c, sheets, dir);
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

    if (!c.cliCsvNoWrite) await expectWellFormed(output);
    if (c.cliCsvNoWrite) {
      expect(fs.existsSync(output)).toBe(false);
    } else if (!c.csv && !c.cliFormat) {
      await expectInputSheetsKept(file, output);
    } else if (c.cliFormat) {
      // an .ods or .xls gives a new .xlsx: its data sheet first, under its own name
      const b = new ExcelJS.Workbook();
      await b.xlsx.readFile(output);
      expect(b.worksheets[0].name).toBe(sheet);
    } else {
      // a CSV's data sheet in the scored workbook holds the CSV's fields, numbers as numbers, the rest as text
      const b = new ExcelJS.Workbook();
      await b.xlsx.readFile(output);
      expect(b.worksheets[0].name).toBe(CSV_SHEET);
    }
  }, c.generate ? 120_000 : 20_000);
});

test("the runner's data sheet name is the command line's", () => {
  // the CSV sheet's name is part of every message about a CSV file: keep the runner in step with src/cli/read
  expect(require("../../src/cli/read").CSV_SHEET).toBe(CSV_SHEET);
  expect(baseOf(allCases()[0]).plan).toBe("hg-165-2023");
});
