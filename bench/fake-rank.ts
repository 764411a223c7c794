/**
 * A Rank through the task pane's workbook I/O (src/workflow's job, src/excel-io) against the counting
 * fake Excel: round trips, the largest request and response of any round trip against Excel on the
 * web's 5 MB payload limit, and the job's wall time. The measuring itself is the fake's own
 * (test/fake-excel/measure.ts); the byte counts are its approximation of Office.js's wire format.
 */
import { EXCEL_WEB_PAYLOAD_LIMIT } from "../test/fake-excel/fake-excel";
import { rankOnFake, type RankMeasure } from "../test/fake-excel/measure";
import { districtsFor } from "./data";
import { collect, median } from "./stats";

export interface FakeRankFigure {
  rows: number;
  mode: "values" | "formulas";
  runs: number;
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalBytes: number;
  medianMs: number;
  /** the larger of the two maxima over the limit */
  ofLimit: number;
}

export interface FakeRankResult {
  limitBytes: number;
  figures: FakeRankFigure[];
}

const RUNS: Record<number, number> = { 1_000: 5, 10_000: 3, 100_000: 1 };

export async function benchFakeRank(sizes: number[], modes: FakeRankFigure["mode"][], log: (s: string) => void): Promise<FakeRankResult> {
  const figures: FakeRankFigure[] = [];
  for (const mode of modes) {
    for (const rows of sizes) {
      log(`fake Excel: Rank of ${rows} rows, ${mode}`);
      const runs = RUNS[rows] ?? 1;
      const all: RankMeasure[] = [];
      for (let i = 0; i < runs; i++) {
        collect();
        // the same table as the engine's figures
        all.push(await rankOnFake(rows, { formulas: mode === "formulas", districts: districtsFor(rows) }));
      }
      // the payloads are the same in every run; the largest seen is the one reported
      const maxRequestBytes = Math.max(...all.map((m) => m.maxRequestBytes));
      const maxResponseBytes = Math.max(...all.map((m) => m.maxResponseBytes));
      figures.push({
        rows,
        mode,
        runs,
        syncs: Math.max(...all.map((m) => m.syncs)),
        maxRequestBytes,
        maxResponseBytes,
        totalBytes: Math.max(...all.map((m) => m.totalBytes)),
        medianMs: median(all.map((m) => m.ms)),
        ofLimit: Math.max(maxRequestBytes, maxResponseBytes) / EXCEL_WEB_PAYLOAD_LIMIT,
      });
    }
  }
  return { limitBytes: EXCEL_WEB_PAYLOAD_LIMIT, figures };
}
