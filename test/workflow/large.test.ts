/**
 * Large tables against Excel on the web's 5 MB limit on a request and on a response, with the fake
 * enforcing it: round trips stay at 2 while each fits; beyond, the read and the write are split, every
 * round trip under the limit, and the workbook ends as one unlimited write would leave it. A split
 * write that breaks off leaves the workbook as it was.
 */
import { EXCEL_WEB_PAYLOAD_LIMIT, FakeWorkbook, type FakeSheet } from "../fake-excel/fake-excel";
import { rankOnFake, sampleWorkbook, SAMPLE_SHEET } from "../fake-excel/measure";
import { buildSheets, runJob, type JobRequest, type JobResult } from "../../src/workflow/job";
import { queueWrite } from "../../src/excel-io/write";
import { PAYLOAD_LIMIT_BYTES } from "../../src/excel-io/payload";
import type { ExcelRunner } from "../../src/excel-io/types";
import { failure } from "./failure";
import { RESULTS_SHEET, RULES_SHEET } from "../../src/workbook";

const NOW = new Date(2023, 11, 20, 9, 30);
const RANK: JobRequest = { planId: "hg-165-2023", source: { kind: "selection" }, now: NOW };

function limited(rows: number) {
  const b = sampleWorkbook(rows);
  b.wb.requestLimitBytes = EXCEL_WEB_PAYLOAD_LIMIT;
  b.wb.responseLimitBytes = EXCEL_WEB_PAYLOAD_LIMIT;
  return b;
}

function underLimit(wb: FakeWorkbook, from = 0): void {
  for (const r of wb.syncLog.slice(from)) {
    expect(r.error).toBeUndefined();
    expect(r.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(r.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  }
}

/** The same sheets as the job's, written by the one-batch write into a fresh copy of the input, with no limit. */
async function unlimitedWrite(rows: number, result: JobResult, req: JobRequest): Promise<FakeWorkbook> {
  const { wb, run } = sampleWorkbook(rows);
  const { sheets } = buildSheets(result.scored, req, NOW);
  await run(async (ctx) => {
    queueWrite(ctx, { sheets, activate: sheets[0].model.name }, { replace: [], dropNames: [] });
    await ctx.sync();
  });
  expect(wb.syncLog[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  return wb;
}

/** The first cell where two sheets differ (value, formula, error, number format), or null. */
function cellDifference(a: FakeSheet, b: FakeSheet): string | null {
  if (a.cells.size !== b.cells.size) return `${a.name}: ${a.cells.size} cells against ${b.cells.size}`;
  for (const [k, c] of a.cells) {
    const d = b.cells.get(k);
    if (!d || d.v !== c.v || d.f !== c.f || d.err !== c.err || d.nf !== c.nf)
      return `${a.name} ${k}: ${JSON.stringify(c)} against ${JSON.stringify(d)}`;
  }
  return null;
}

/** Everything of the workbook but cells, comparable across workbooks (sheets by name, not id). */
function layout(wb: FakeWorkbook) {
  const name = (id: string | null) => wb.sheetById(id)?.name ?? "#REF!";
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      widths: [...s.columnWidths].sort((x, y) => x[0] - y[0]),
      bold: s.boldRanges,
      merges: s.merges,
      frozen: s.frozenRows,
      charts: s.charts,
      formats: s.rangeFormats,
      autofitRows: s.autofitRows,
      pageLayout: s.pageLayout,
    })),
    active: name(wb.activeSheetId),
    conditionalFormats: wb.conditionalFormats.map((c) => ({ ...c, sheet: name(c.sheet) })),
    names: wb.names.map((n) => [n.name, wb.nameFormula(n)]).sort(),
  };
}

function sameWorkbook(actual: FakeWorkbook, expected: FakeWorkbook): void {
  expect(layout(actual)).toEqual(layout(expected));
  for (const s of expected.sheets) expect(cellDifference(actual.sheetByName(s.name)!, s)).toBeNull();
}

function noLeftovers(wb: FakeWorkbook): void {
  expect(wb.sheets.filter((s) => s.name.startsWith("~") || s.visibility !== "Visible")).toEqual([]);
  expect(wb.names.filter((n) => /TMP/.test(n.name) || n.sheetId === null)).toEqual([]);
}


describe("round trips and bytes per round trip", () => {
  test.each([1_000, 10_000])("%i rows: 2 round trips, each under the limit both ways", async (rows) => {
    const { wb, run } = limited(rows);
    const { summary } = await runJob(run, RANK);
    expect(summary.units).toBe(rows);
    expect(wb.syncLog).toHaveLength(2);
    expect(summary.syncs).toBe(2);
    underLimit(wb);
  });

  test("rankOnFake reports the same figures as the log", async () => {
    const m = await rankOnFake(1_000, { limitBytes: EXCEL_WEB_PAYLOAD_LIMIT });
    expect(m.syncs).toBe(2);
    expect(m.maxRequestBytes).toBeGreaterThan(m.maxResponseBytes);
    expect(m.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(m.totalBytes).toBeGreaterThanOrEqual(m.maxRequestBytes + m.maxResponseBytes);
  });

  test("100,000 rows: split only as the bytes need; the results are those of one unlimited write; the input is unchanged", async () => {
    const rows = 100_000;
    const { wb, run } = limited(rows);
    const input = wb.sheetByName(SAMPLE_SHEET)!;
    const before: FakeSheet = { ...input, cells: new Map([...input.cells].map(([k, c]) => [k, { ...c }])) };
    const result = await runJob(run, RANK);
    expect(result.summary.units).toBe(rows);
    underLimit(wb);
    expect(result.summary.syncs).toBe(wb.syncLog.length);
    // a round trip is added per payload's worth of bytes, not per some count of rows: blocks are full
    const sent = wb.syncLog.reduce((a, r) => a + r.requestBytes, 0);
    const received = wb.syncLog.reduce((a, r) => a + r.responseBytes, 0);
    expect(wb.syncLog.length).toBeLessThanOrEqual(Math.ceil(sent / (0.9 * PAYLOAD_LIMIT_BYTES)) + Math.ceil(received / (0.6 * PAYLOAD_LIMIT_BYTES)) + 1);
    expect(wb.syncLog.length).toBeGreaterThan(2);

    expect(cellDifference(input, before)).toBeNull();
    sameWorkbook(wb, await unlimitedWrite(rows, result, RANK));
  }, 600_000);

  test("formulas (10,000 rows, 13 MB of them): split, the formulas name the final sheets, as one unlimited write", async () => {
    const req = { ...RANK, formulas: true };
    const { wb, run } = limited(10_000);
    const result = await runJob(run, req);
    underLimit(wb);
    expect(wb.syncLog.length).toBeGreaterThan(2);
    const formulas = [...wb.sheetByName(RESULTS_SHEET)!.cells.values()].map((c) => c.f ?? "");
    expect(formulas.filter((f) => f.includes(`'${RULES_SHEET}'!`)).length).toBeGreaterThan(10_000);
    expect(formulas.filter((f) => f.includes("'~"))).toEqual([]);
    noLeftovers(wb);
    sameWorkbook(wb, await unlimitedWrite(10_000, result, req));
  }, 120_000);
});

describe("a split write that breaks off", () => {
  // 4,000 rows of formulas are ~5 MB: written in two blocks and a last round trip
  const ROWS = 4_000;
  // the table read the first time (the selection is on the results sheet after a Rank)
  const SPLIT: JobRequest = { ...RANK, formulas: true, source: { kind: "region", sheet: SAMPLE_SHEET, cell: "A3" } };

  /** A workbook Ranked once (values, 2 round trips), so that there are previous results to keep. */
  async function ranked() {
    const { wb, run } = limited(ROWS);
    expect((await runJob(run, RANK)).source).toEqual(SPLIT.source);
    expect(wb.syncCount).toBe(2);
    const state = () => ({
      cells: wb.snapshot(),
      ids: wb.sheets.map((s) => [s.id, s.name, s.visibility]),
      names: wb.names.map((n) => ({ ...n })),
      cfs: wb.conditionalFormats.map((c) => ({ ...c })),
      active: wb.activeSheetId,
    });
    return { wb, run, state, base: wb.syncCount };
  }

  let reference: FakeWorkbook;
  let splitSyncs: number;
  beforeAll(async () => {
    const { wb, run, base } = await ranked();
    const result = await runJob(run, SPLIT);
    splitSyncs = wb.syncCount - base;
    // read, the old results sheet's extent (for the user's notes), two blocks, the last round trip
    expect(splitSyncs).toBe(5);
    underLimit(wb);
    reference = await unlimitedWrite(ROWS, result, SPLIT);
    sameWorkbook(wb, reference);
  }, 120_000);

  async function recovers(wb: FakeWorkbook, run: ExcelRunner): Promise<void> {
    wb.failSync = undefined;
    await runJob(run, SPLIT);
    noLeftovers(wb);
    sameWorkbook(wb, reference);
  }

  test("in a middle block: the user's sheets and the previous results stay as they were, no temporary sheet is left", async () => {
    const { wb, run, state, base } = await ranked();
    const before = state();
    // read, the old results sheet, block 1, block 2 (fails half way), ...
    wb.failSync = (n) => (n === base + 4 ? { code: "GeneralException" } : undefined);
    const e = await failure(runJob(run, SPLIT));
    expect(e.code).toBe("write_failed");
    expect(e.message).toMatch(/không đổi/);
    expect(state()).toEqual(before);
    noLeftovers(wb);
    await recovers(wb, run);
  }, 120_000);

  test.each([1, 2, 4, 7])("in the first round trip, after %i commands: what it added is removed", async (after) => {
    const { wb, run, state, base } = await ranked();
    const before = state();
    wb.failSync = (n) => (n === base + 3 ? { code: "GeneralException", afterCommands: after } : undefined);
    expect((await failure(runJob(run, SPLIT))).code).toBe("write_failed");
    expect(state()).toEqual(before);
    noLeftovers(wb);
  }, 120_000);

  test("when the clean-up fails too, the leftovers are hidden and marked, and the next Rank removes them", async () => {
    const { wb, run, state, base } = await ranked();
    const visible = () => (state() as { cells: Record<string, unknown> }).cells;
    const before = visible();
    // block 2 fails, and so does the clean-up after it
    wb.failSync = (n) => (n === base + 4 || n === base + 5 ? { code: "GeneralException", afterCommands: 0 } : undefined);
    expect((await failure(runJob(run, SPLIT))).code).toBe("write_failed");
    const hidden = wb.sheets.filter((s) => s.visibility === "Hidden");
    expect(hidden.map((s) => s.name).sort()).toEqual([`~${RESULTS_SHEET}`, `~${RULES_SHEET}`]);
    expect(wb.names.filter((n) => /TMP/.test(n.name))).toHaveLength(2);
    // what the user sees is as it was
    const now = visible();
    for (const s of hidden) delete now[s.name];
    expect(now).toEqual(before);
    await recovers(wb, run);
  }, 120_000);

  // the last round trip deletes the old sheets, then their names, then per sheet: mark, rename, show, unmark; then the rules
  test.each([1, 2, 3, 5, 7, 9, 11, 14])("in the last round trip, after %i commands: said so, and the next Rank puts the workbook right", async (after) => {
    const { wb, run, base } = await ranked();
    wb.failSync = (n) => (n === base + splitSyncs ? { code: "GeneralException", afterCommands: after } : undefined);
    const e = await failure(runJob(run, SPLIT));
    expect(e.code).toBe("write_incomplete");
    expect(wb.sheets[0].name).toBe(SAMPLE_SHEET);
    await recovers(wb, run);
  }, 120_000);
});
