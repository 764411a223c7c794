/**
 * A Rank on a generated hg-165 table through the real job against the counting fake Excel, for the
 * benchmark and the tests: round trips and the bytes each one carries (as the fake measures them, see
 * SyncRecord in fake-excel.ts).
 */
import { createFakeExcel, FakeWorkbook } from "./fake-excel";
import { hg165Large, hg165Sheet } from "./sample-hg165";
import { runJob } from "../../src/workflow/job";
import type { ExcelRunner } from "../../src/excel-io/types";

export interface RankMeasure {
  /** context.sync() calls of the whole Rank (read, write) */
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** every request and response of the Rank added up */
  totalBytes: number;
  /** wall time of the job, fake Excel included */
  ms: number;
}

export interface RankOnFakeOptions {
  /** write plain Excel formulas instead of values */
  formulas?: boolean;
  districts?: number;
  /** make the fake refuse a request or response over this many bytes, as Excel on the web does */
  limitBytes?: number;
}

export const SAMPLE_SHEET = "Số liệu";

/** A workbook holding hg165Sheet(hg165Large(rows, districts)) at A1 of SAMPLE_SHEET, a cell of it selected. */
export function sampleWorkbook(rows: number, districts = 8): { wb: FakeWorkbook; run: ExcelRunner } {
  const wb = new FakeWorkbook();
  wb.setValues(SAMPLE_SHEET, "A1", hg165Sheet(hg165Large(rows, districts)));
  wb.select(SAMPLE_SHEET, "B5");
  const excel = createFakeExcel(wb);
  return { wb, run: excel.run.bind(excel) as unknown as ExcelRunner };
}

export async function rankOnFake(rows: number, opts: RankOnFakeOptions = {}): Promise<RankMeasure> {
  const { wb, run } = sampleWorkbook(rows, opts.districts);
  wb.requestLimitBytes = opts.limitBytes;
  wb.responseLimitBytes = opts.limitBytes;
  const t0 = performance.now();
  await runJob(run, { planId: "hg-165-2023", source: { kind: "selection" }, formulas: opts.formulas ?? false, now: new Date(2023, 11, 20) });
  const ms = performance.now() - t0;
  const log = wb.syncLog;
  return {
    syncs: log.length,
    maxRequestBytes: Math.max(0, ...log.map((r) => r.requestBytes)),
    maxResponseBytes: Math.max(0, ...log.map((r) => r.responseBytes)),
    totalBytes: log.reduce((a, r) => a + r.requestBytes + r.responseBytes, 0),
    ms,
  };
}
