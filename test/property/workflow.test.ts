/**
 * Properties of the Rank job (src/workflow/job.ts) against the batching fake Excel, over random
 * hg-165-2023 tables and noise: only WorkflowErrors escape and a failure writes nothing; Rank twice
 * gives the same workbook; what the results sheet says is what scoreSheet says in memory.
 */
import fc from "fast-check";
import { createFakeExcel, colLetters, FakeWorkbook, type FakeCell } from "../fake-excel/fake-excel";
import { runJob, type JobRequest } from "../../src/workflow/job";
import { WorkflowError, type ExcelRunner } from "../../src/excel-io/types";
import { getPlan } from "../../src/plans";
import { CHART_SHEET } from "../../src/workflow/chart";
import { AWARD_REASON_HEADER, RESULTS_HEADER_ROW, RESULTS_SHEET, RULES_SHEET, scoreSheet, STATUS_LABELS, WorkbookError, type ScoredSheet } from "../../src/workbook";
import { awardReasonText } from "../../src/engine";
import { genTable, hostileCell, placeAt, runs, tableRows, type GenTable, type SheetCell } from "./gen";
import { checkOutcome } from "./invariants";

const NOW = new Date(2023, 11, 20, 9, 30);
const DATA = "Số liệu 2023";
const NOTE = "Ghi chú";
const plan = getPlan("hg-165-2023");
/** Generous: each property runs tens of Ranks; not a speed check (npm run bench measures speed). */
const LONG = 120_000;

interface Book {
  wb: FakeWorkbook;
  run: ExcelRunner;
}

/**
 * The rows at (r0, c0) of the user's sheet, a note sheet of the user's (and, when `squat` names one,
 * a user's sheet that happens to have the name of one of ours), the selection on `sel` (0-based,
 * relative to the rows).
 */
function book(rows: SheetCell[][], r0: number, c0: number, sel: [number, number], squat: string | null = null): Book {
  const wb = new FakeWorkbook();
  wb.addSheet(DATA);
  if (rows.length) wb.setValues(DATA, `${colLetters(c0)}${r0 + 1}`, rows);
  wb.setValues(NOTE, "A1", [["của người dùng", 42], [{ error: "#N/A" }, "=không phải công thức"]]);
  if (squat) wb.setValues(squat, "B2", [["bảng riêng của tôi"]]);
  wb.select(DATA, `${colLetters(c0 + sel[1])}${r0 + sel[0] + 1}`);
  const excel = createFakeExcel(wb);
  return { wb, run: excel.run.bind(excel) as unknown as ExcelRunner };
}

/** Where an official clicks: a cell of the header row (the first row of the table block). */
const headerCell = (t: GenTable): [number, number] => [t.title ? 2 : 0, 0];

/** Everything the workbook holds, sheets by name (ids left out, they are checked separately). */
function state(wb: FakeWorkbook, only?: (name: string) => boolean) {
  const nameOf = (id: string | null) => wb.sheetById(id)?.name ?? "#REF!";
  const keep = (n: string) => (only ? only(n) : true);
  return {
    cells: Object.fromEntries(Object.entries(wb.snapshot()).filter(([n]) => keep(n))) as Record<string, Record<string, FakeCell>>,
    layout: wb.sheets
      .filter((s) => keep(s.name))
      .map((s) => ({
        name: s.name, visibility: s.visibility, widths: [...s.columnWidths], bold: s.boldRanges, merges: s.merges, frozen: s.frozenRows, charts: s.charts,
        formats: s.rangeFormats, autofitRows: s.autofitRows, pageLayout: s.pageLayout,
      })),
    formats: wb.conditionalFormats.filter((c) => keep(nameOf(c.sheet))).map((c) => ({ ...c, sheet: nameOf(c.sheet) })),
    names: wb.names.filter((n) => keep(nameOf(n.sheetId))).map((n) => ({ name: n.name, sheet: nameOf(n.sheetId), address: n.address })),
  };
}

/** The user's sheets: those the workbook had before any Rank. */
const userSheets = (wb: FakeWorkbook) => {
  const names = new Set(wb.sheets.map((s) => s.name));
  return (n: string) => names.has(n);
};

async function settle<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: WorkflowError }> {
  try {
    return { ok: true, value: await p };
  } catch (e) {
    // anything but a WorkflowError with a message escapes the property and fails it
    if (!(e instanceof WorkflowError)) throw e;
    expect(e.message.trim().length).toBeGreaterThan(0);
    expect(e.code).toMatch(/^[a-z_]+$/);
    return { ok: false, error: e };
  }
}

/** A table (sometimes) or noise, where the user put it, and a selection somewhere near. */
const anyBook = fc.oneof(
  fc.record({ t: genTable({ maxCommunes: 16 }), r0: fc.nat({ max: 3 }), c0: fc.nat({ max: 2 }) }).map(({ t, r0, c0 }) => ({ rows: tableRows(t), r0, c0, sel: headerCell(t) as [number, number] })),
  fc.record({
    rows: fc.array(fc.array(fc.oneof(hostileCell, fc.constantFrom<SheetCell>("Đơn vị", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số người có CCCD", "Số tài khoản định danh mức 2 đã kích hoạt")), { maxLength: 8 }), { maxLength: 10 }),
    r0: fc.nat({ max: 3 }),
    c0: fc.nat({ max: 2 }),
    sel: fc.tuple(fc.nat({ max: 12 }), fc.nat({ max: 9 })),
  }),
);

describe("Rank (runJob) on the fake Excel over random tables", () => {
  test("1. only WorkflowErrors with a message escape; a failed Rank leaves the workbook as it was", async () => {
    await fc.assert(
      fc.asyncProperty(anyBook, fc.boolean(), fc.option(fc.constantFrom(RESULTS_SHEET, RULES_SHEET, CHART_SHEET), { freq: 4 }), async ({ rows, r0, c0, sel }, formulas, squat) => {
        const { wb, run } = book(rows, r0, c0, sel, squat);
        const isUser = userSheets(wb);
        const before = state(wb);
        const ids = wb.sheets.map((s) => s.id);
        const r = await settle(runJob(run, { planId: plan.id, source: { kind: "selection" }, now: NOW, formulas }));
        if (r.ok) {
          // a Rank that went through had every required column and something to score
          expect(r.value.scored.mapping.missing).toEqual([]);
          expect(r.value.scored.outcome.units.length).toBeGreaterThan(0);
          checkOutcome(r.value.scored.read.rows, r.value.scored.outcome);
          expect(state(wb, isUser)).toEqual(before);
          // a user's sheet with one of our names is never replaced: the Rank must have refused
          expect(r.value.summary.sheets.filter((n) => n === squat)).toEqual([]);
        } else {
          expect(state(wb)).toEqual(before);
          expect(wb.sheets.map((s) => s.id)).toEqual(ids);
          // it failed on reading or checking: the write batch was never sent
          expect(wb.syncCount).toBe(1);
        }
      }),
      runs(120),
    );
  }, LONG);

  test("5. Rank twice gives the same workbook: our sheets equal cell for cell, the user's untouched", async () => {
    let twice = 0;
    await fc.assert(
      fc.asyncProperty(genTable({ maxCommunes: 16 }), fc.nat({ max: 3 }), fc.nat({ max: 2 }), fc.boolean(), async (t, r0, c0, formulas) => {
        const { wb, run } = book(tableRows(t), r0, c0, headerCell(t));
        const isUser = userSheets(wb);
        const req: JobRequest = { planId: plan.id, source: { kind: "selection" }, now: NOW, formulas };
        const before = state(wb);
        const userIds = wb.sheets.map((s) => s.id);
        const first = await settle(runJob(run, req));
        if (!first.ok) {
          expect(state(wb)).toEqual(before);
          // the same table fails the same way again
          const again = await settle(runJob(run, req));
          expect(again.ok ? null : again.error.code).toBe(first.error.code);
          return;
        }
        const once = state(wb);
        const oursOnce = wb.sheets.filter((s) => !isUser(s.name)).map((s) => s.id);
        // after a Rank the results sheet is active: the pane re-runs on the source it remembered
        const second = await settle(runJob(run, { ...req, source: first.value.source }));
        expect(second.ok).toBe(true);
        twice++;
        expect(state(wb)).toEqual(once);
        expect(state(wb, isUser)).toEqual(before);
        expect(wb.sheets.filter((s) => isUser(s.name)).map((s) => s.id)).toEqual(userIds);
        // ours were replaced (new sheets), never edited in place, and nothing else was added
        const oursTwice = wb.sheets.filter((s) => !isUser(s.name)).map((s) => s.id);
        expect(oursTwice).toHaveLength(oursOnce.length);
        for (const id of oursTwice) expect(oursOnce).not.toContain(id);
        const names = wb.names.map((n) => n.name.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
        expect(wb.names.every((n) => n.sheetId !== null)).toBe(true);
      }),
      runs(60),
    );
    expect(twice).toBeGreaterThan(0);
  }, LONG);

  test("6b. the results sheet written to the fake says what scoreSheet says in memory", async () => {
    await fc.assert(
      fc.asyncProperty(genTable({ maxCommunes: 16, bad: 6 }), fc.nat({ max: 3 }), fc.nat({ max: 2 }), async (t, r0, c0) => {
        const rows = tableRows(t);
        let memory: ScoredSheet | null = null;
        try {
          memory = scoreSheet(plan, placeAt(rows, r0, c0), { sheet: DATA });
        } catch (e) {
          if (!(e instanceof WorkbookError)) throw e;
        }
        const { wb, run } = book(rows, r0, c0, headerCell(t));
        const r = await settle(runJob(run, { planId: plan.id, source: { kind: "selection" }, now: NOW }));
        // the job refuses exactly the tables that cannot be scored
        const refused = memory === null || memory.mapping.missing.length > 0 || memory.outcome.units.length === 0;
        expect(r.ok).toBe(!refused);
        if (!r.ok || memory === null) return;
        expect(r.value.summary.problems.map((p) => [p.row, p.column, p.code])).toEqual(memory.problems.map((p) => [p.row, p.column, p.code]));
        expect(readResults(wb)).toEqual(expectedResults(memory));
      }),
      runs(60),
    );
  }, LONG);
});

const COLS = {
  unit: "Đơn vị", group: "Huyện", status: "Trạng thái", rank: "Hạng", award: "Khen thưởng", awardReason: AWARD_REASON_HEADER, total: "Tổng điểm",
  online: "Điểm hồ sơ trực tuyến", eid: "Điểm định danh mức 2", prize: "Tiền thưởng (đồng)", bonus: "Điểm cộng thi đua",
} as const;
type Key = keyof typeof COLS;

/** The results sheet as read back from the fake, one record per unit, by unit. */
function readResults(wb: FakeWorkbook): Record<string, Record<Key, unknown>> {
  const grid = wb.getValues(RESULTS_SHEET);
  const header = grid[RESULTS_HEADER_ROW];
  const at = Object.fromEntries(Object.entries(COLS).map(([k, h]) => [k, header.indexOf(h)])) as Record<Key, number>;
  for (const [k, c] of Object.entries(at)) if (c < 0) throw new Error(`results sheet without a "${COLS[k as Key]}" column`);
  const out: Record<string, Record<Key, unknown>> = {};
  // the table is the block under the header; the signature block comes after a blank row
  const end = grid.findIndex((row, i) => i > RESULTS_HEADER_ROW && row.every((v) => v === ""));
  for (const row of grid.slice(RESULTS_HEADER_ROW + 1, end < 0 ? undefined : end)) {
    const rec = Object.fromEntries(Object.keys(COLS).map((k) => [k, row[at[k as Key]]])) as Record<Key, unknown>;
    out[String(rec.unit)] = rec;
  }
  return out;
}

/** What those cells must hold for the in-memory outcome ("" where the value is blank). */
function expectedResults(s: ScoredSheet): Record<string, Record<Key, unknown>> {
  const blank = (v: unknown) => (v === null || v === undefined ? "" : v);
  const out: Record<string, Record<Key, unknown>> = {};
  for (const u of s.outcome.units) {
    const pts = (id: string) => blank(u.criteria.find((c) => c.id === id)?.points);
    out[u.key] = {
      unit: u.key, group: blank(u.group), status: STATUS_LABELS[u.status], rank: blank(u.rank), award: blank(u.award),
      awardReason: u.awardReason ? awardReasonText(u.awardReason) : "", total: blank(u.total),
      online: pts("online_ratio"), eid: pts("eid_ratio"), prize: blank(u.prize), bonus: blank(u.bonusPoints),
    };
  }
  return out;
}
