/**
 * A table written to a file and read back through the command line's reader (src/cli/read, via
 * runScore) scores exactly as the same table scored in memory — for .xlsx written with exceljs and
 * for CSV — and the scored workbook keeps the user's sheet as it was.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { CellInput, Status } from "../../src/engine";
import { getPlan } from "../../src/plans";
import { parseScoreArgs, runScore, type ScoreRun } from "../../src/cli/score";
import { CSV_SHEET, readInput } from "../../src/cli/read";
import { AWARD_REASON_HEADER, RESULTS_HEADER_ROW, RESULTS_SHEET, scoreSheet, STATUS_LABELS, toJsonRows, WorkbookError, type ScoredSheet } from "../../src/workbook";
import { genTable, placeAt, runs, tableRows, type SheetCell } from "./gen";

const plan = getPlan("hg-165-2023");
const NOW = new Date(2023, 11, 20, 9, 30);
const LONG = 120_000;
/** Few runs here (files are slow): make most tables carry bad cells, the cells a reader could lose. */
const HARSH = 12;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-property-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** What runScore printed and returned, or the WorkbookError it threw (no table). */
async function cli(file: string, extra: string[] = []): Promise<{ run: ScoreRun | null; json: unknown; error: WorkbookError | null }> {
  let out = "";
  try {
    const run = await runScore(await parseScoreArgs([file, "--plan", "hg-165", "--json", "--quiet", ...extra]), { out: (s) => (out += s), err: () => undefined }, NOW);
    // the columns could not be used as mapped: the CLI refused, as scoreSheet throws
    if (run.refused) return { run: null, json: null, error: run.refused };
    return { run, json: out ? JSON.parse(out) : null, error: null };
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    return { run: null, json: null, error: e };
  }
}

function memory(grid: CellInput[][], sheet: string): ScoredSheet | null {
  try {
    return scoreSheet(plan, grid, { sheet });
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    return null;
  }
}

/** The parts of a scored sheet that must survive the file: every unit's result and every problem. */
function results(s: ScoredSheet) {
  return {
    units: s.outcome.units.map((u) => ({
      key: u.key, group: u.group, level: u.level, status: u.status, reason: u.reason, message: u.message, total: u.total, rank: u.rank,
      tied: u.tied, awardCode: u.awardCode, prize: u.prize, bonusPoints: u.bonusPoints,
      criteria: u.criteria.map((c) => [c.id, c.status, c.reason, c.ratio, c.points]),
      findings: u.findings.map((f) => [f.code, f.input ?? null]),
    })),
    problems: s.problems.map((p) => [p.row, p.column, p.code, p.message]),
    skipped: s.read.skipped,
  };
}

/** The two must agree: both no table, or the same results (and, when the CLI printed JSON, the JSON of the memory's). */
function agree(file: Awaited<ReturnType<typeof cli>>, mem: ScoredSheet | null): void {
  if (mem === null) {
    expect(file.error).not.toBeNull();
    return;
  }
  expect(file.error).toBeNull();
  const run = file.run as ScoreRun;
  expect(results(run.scored as ScoredSheet)).toEqual(results(mem));
  if (run.code === 0) expect(file.json).toEqual(JSON.parse(JSON.stringify(toJsonRows(mem))));
}

async function writeXlsx(file: string, sheets: { name: string; rows: SheetCell[][]; r0: number; c0: number }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        ws.getCell(s.r0 + r + 1, s.c0 + c + 1).value = v as ExcelJS.CellValue;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

/** A CSV field as Excel exports it: quoted when needed; an error value as its text, a boolean as TRUE / FALSE. */
function csvField(v: SheetCell, delimiter: string): string {
  const s = v === null ? "" : typeof v === "object" ? v.error : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
  return s.includes(delimiter) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

describe("a table written and read back scores the same", () => {
  test("6. .xlsx (exceljs) through the CLI's reader; the scored copy keeps the user's sheet and says the same", async () => {
    await fc.assert(
      fc.asyncProperty(genTable({ maxCommunes: 14, bad: HARSH }), fc.nat({ max: 3 }), fc.nat({ max: 2 }), fc.boolean(), async (t, r0, c0, note) => {
        const rows = tableRows(t);
        const input = path.join(dir, `in-${++n}.xlsx`);
        const output = path.join(dir, `out-${n}.xlsx`);
        // a user's sheet before the data: the CLI must still find the table on the right sheet
        const sheets = [...(note ? [{ name: "Ghi chú", rows: [["Ghi chú của cán bộ", 1]] as SheetCell[][], r0: 0, c0: 0 }] : []), { name: "Số liệu", rows, r0, c0 }];
        await writeXlsx(input, sheets);
        const mem = memory(placeAt(rows, r0, c0), "Số liệu");
        const file = await cli(input, ["-o", output]);
        agree(file, mem);
        if (!file.run || file.run.code !== 0 || !mem) return;

        // the scored copy: the user's sheets read back as they were written, the results as scored
        const back = await readInput(output);
        const before = await readInput(input);
        for (const s of before.sheets) expect(back.sheets.find((x) => x.name === s.name)?.grid).toEqual(s.grid);
        const res = back.sheets.find((s) => s.name === RESULTS_SHEET)!.grid;
        const header = res[RESULTS_HEADER_ROW] as CellInput[];
        const col = (h: string) => header.indexOf(h);
        // the table is the block under the header; the signature block comes after a blank row
        const end = res.findIndex((row, i) => i > RESULTS_HEADER_ROW && !row.some((v) => v !== null && v !== undefined));
        const written = res
          .slice(RESULTS_HEADER_ROW + 1, end < 0 ? undefined : end)
          .map((r) => [r[col("Đơn vị")], r[col("Trạng thái")], r[col("Hạng")] ?? null, r[col("Tổng điểm")] ?? null, r[col(AWARD_REASON_HEADER)] ?? ""]);
        const units = (file.json as { unit: string; status: Status; rank: number | null; total: number | null; awardReason: { text: string } | null }[]).map((u) => [
          u.unit, STATUS_LABELS[u.status], u.rank, u.total, u.awardReason?.text ?? "",
        ]);
        expect(written).toEqual(units);
      }),
      runs(25),
    );
  }, LONG);

  test("6. CSV (comma or semicolon, with or without a BOM) through the CLI's reader", async () => {
    await fc.assert(
      fc.asyncProperty(genTable({ maxCommunes: 14, bad: HARSH }), fc.constantFrom(",", ";"), fc.boolean(), async (t, delimiter, bom) => {
        // CSV holds text: booleans come back as the words Excel writes, names composed (NFC) by the reader
        const rows = tableRows(t).map((r) => r.map((v): SheetCell => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : typeof v === "string" ? v.normalize("NFC") : v)));
        const file = path.join(dir, `in-${++n}.csv`);
        const text = rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
        fs.writeFileSync(file, (bom ? "\ufeff" : "") + text, "utf8");
        agree(await cli(file), memory(placeAt(rows, 0, 0), CSV_SHEET));
      }),
      runs(60),
    );
  }, LONG);
});
