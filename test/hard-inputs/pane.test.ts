/**
 * The hard inputs through the task pane's Rank / Check-targets job (runJob) against the fake Excel:
 * the case's sheet is put in a fake workbook as Office.js would show it (an error cell as an error,
 * a date as its serial number with a date format), the official clicks inside the table, and the
 * job's summary (or its WorkflowError) is checked, with every cell of the user's sheets unchanged.
 */
import { createFakeExcel, FakeWorkbook, type FakeCell } from "../fake-excel/fake-excel";
import { runJob, scoreSnapshot, type JobRequest } from "../../src/workflow/job";
import { readSnapshot } from "../../src/excel-io/read";
import { isWritableText, RESULTS_SHEET, RULES_SHEET, type ScoredSheet } from "../../src/workbook";
import { CHART_SHEET } from "../../src/workflow/chart";
import { WorkflowError, type ExcelRunner } from "../../src/excel-io/types";
import {
  allCases, baseOf, buildSheets, disposition, excelSerial, expectFor, phraseOf, planOf, plainOf, rawIds, spotMismatches, statusCounts, unnamedStatuses,
  type BuiltSheet, type HardCase,
} from "./cases";

const NOW = new Date(2024, 11, 20, 9, 30);

/** A cell as the fake keeps it (the shape Office.js reads back). */
function fakeCell(v: ReturnType<typeof plainOf>, tagged: unknown): FakeCell | null {
  if (v === null || v === "") return null;
  if (typeof v === "object" && "error" in v) return { v: v.error, err: true };
  if (typeof v === "object" && "date" in v) return { v: excelSerial(v.date), nf: "dd/mm/yyyy" };
  const f = typeof tagged === "object" && tagged !== null && "formula" in tagged ? `=${(tagged as { formula: string }).formula}` : undefined;
  return f ? { v, f } : { v };
}

function fakeBook(sheets: BuiltSheet[], names: HardCase["names"] = []): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const s of sheets) {
    const fs = wb.addSheet(s.name);
    s.grid.forEach((row, r) =>
      row.forEach((tagged, c) => {
        const cell = fakeCell(plainOf(tagged ?? null), tagged);
        if (cell) fs.cells.set(`${r},${c}`, cell);
      }),
    );
    fs.merges.push(...s.merges);
  }
  for (const n of names) {
    const bang = n.ref.lastIndexOf("!");
    const sheet = n.ref.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    wb.names.push({ name: n.name, sheetId: wb.sheetByName(sheet)!.id, address: n.ref.slice(bang + 1) });
  }
  return wb;
}

function userSheets(wb: FakeWorkbook, names: string[]): Record<string, Record<string, FakeCell>> {
  const all = wb.snapshot();
  return Object.fromEntries(names.map((n) => [n, all[n]]));
}

/** The cells that differ between two snapshots (a plain loop: the large case has 800,000 cells). */
function changedCells(a: Record<string, Record<string, FakeCell>>, b: Record<string, Record<string, FakeCell>>): string[] {
  const out: string[] = [];
  for (const sheet of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[sheet] ?? {};
    const y = b[sheet] ?? {};
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const p = x[k];
      const q = y[k];
      if (!p || !q || p.v !== q.v || p.f !== q.f || p.err !== q.err || p.nf !== q.nf) out.push(`${sheet}!${k}: ${JSON.stringify(p)} → ${JSON.stringify(q)}`);
      if (out.length >= 20) return out;
    }
  }
  return out;
}

/**
 * Rank as the pane runs it; with `paneScoreOnly` (the 100,000-row case) the job's read and score
 * steps only, since its writes at that size are the benchmark's business.
 */
async function rank(c: HardCase, wb: FakeWorkbook): Promise<{ scored: ScoredSheet; wrote: boolean } | WorkflowError> {
  const excel = createFakeExcel(wb);
  const run = excel.run.bind(excel) as unknown as ExcelRunner;
  const req: JobRequest = { planId: planOf(c), source: { kind: "selection" }, level: c.level as never, date: c.date, now: NOW };
  try {
    if (c.paneScoreOnly) {
      const scored = await run(async (context) => {
        const snap = await readSnapshot(context, req.source, async () => void (await context.sync()));
        return scoreSnapshot(snap, req);
      });
      return { scored, wrote: false };
    }
    return { scored: (await runJob(run, req)).scored, wrote: true };
  } catch (e) {
    if (e instanceof WorkflowError) return e;
    throw e;
  }
}

describe.each(allCases().map((c) => [c.id, c] as const))("%s", (_id, c) => {
  const d = disposition(c, "pane");
  if (!d.run || c.csv || c.file) {
    test.skip(!d.run ? d.title : `${c.id} — not applicable: a file the pane never sees (Excel opens it)`, () => undefined);
    return;
  }

  test(`${c.kind}: problems on the user's sheet, the other rows scored, the input unchanged`, async () => {
    const e = expectFor(c, "pane");
    const sheets = buildSheets(c);
    const wb = fakeBook(sheets, c.names);
    const base = sheets[0];
    wb.select(base.name, c.select ?? baseOf(c).select);
    const names = sheets.map((s) => s.name);
    // the read-and-score path queues no write at all; the copy of 800,000 cells would only slow it down
    const before = c.paneScoreOnly ? null : userSheets(wb, names);
    const sheetsBefore = wb.sheets.map((s) => s.id);

    const res = await rank(c, wb);

    // whatever happened, not one cell of the user's sheets changed
    if (before) expect(changedCells(before, userSheets(wb, names))).toEqual([]);

    if (e.paneError) {
      expect(res).toBeInstanceOf(WorkflowError);
      const err = res as WorkflowError;
      expect(err.code).toBe(e.paneError.code);
      if (e.paneError.where) expect(err.where).toMatchObject(e.paneError.where);
      if (e.paneError.message) expect(err.message).toMatch(new RegExp(e.paneError.message));
      // a failed run writes nothing: no sheet added, none removed
      expect(wb.sheets.map((s) => s.id)).toEqual(sheetsBefore);
      return;
    }
    if (res instanceof WorkflowError) throw new Error(`Rank failed: ${res.code}: ${res.message}`);
    const { scored } = res;
    const units = scored.outcome.units;
    const summary = { units: units.length, problems: scored.problems, skipped: scored.read.skipped };

    if (e.units !== undefined) expect(summary.units).toBe(e.units);
    if (e.status) {
      expect(statusCounts(units, e.status)).toEqual(e.status);
      expect(unnamedStatuses(units, e.status)).toEqual([]);
    }
    if (e.problems) {
      const got = summary.problems.map((p) => `${p.sheet}!${p.column}${p.row} ${p.code}`).sort();
      const want = e.problems.map((p) => `${base.name}!${p.cell} ${p.code}`).sort();
      expect(got).toEqual(want);
      for (const p of e.problems) {
        const hit = summary.problems.find((x) => `${x.column}${x.row}` === p.cell && x.code === p.code)!;
        expect(hit.message).toMatch(phraseOf(p));
      }
      // the input is named by its label, never by the plan's internal id
      for (const p of summary.problems) expect(rawIds(planOf(c), p.message)).toEqual([]);
    }
    if (e.skipped) expect(summary.skipped.map((s) => s.row).sort((a, b) => a - b)).toEqual(e.skipped);
    const rowOf = new Map(scored.read.sources.map((s) => [s.key, s.row]));
    for (const s of e.spot ?? []) {
      const u = units.find((x) => x.key === s.unit);
      expect(spotMismatches(s, u && { ...u, row: rowOf.get(s.unit) })).toEqual([]);
    }
    // the job wrote its own sheets after the user's, which kept their place
    expect(wb.sheets.slice(0, sheetsBefore.length).map((s) => s.id)).toEqual(sheetsBefore);
    const added = wb.sheets.slice(sheetsBefore.length).map((s) => s.name);
    if (res.wrote) expect(added).toEqual(expect.arrayContaining([RESULTS_SHEET, RULES_SHEET]));
    for (const n of added) expect([RESULTS_SHEET, RULES_SHEET, CHART_SHEET]).toContain(n);
    // every text the job wrote can be saved: no character XML forbids, none over Excel's cell limit
    const written = wb.snapshot();
    const unwritable = added.flatMap((n) =>
      Object.entries(written[n] ?? {}).filter(([, cell]) => typeof cell.v === "string" && !isWritableText(cell.v)).map(([k]) => `${n}!${k}`),
    );
    expect(unwritable).toEqual([]);
  }, c.generate ? 60_000 : undefined);
});
