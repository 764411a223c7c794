/**
 * The bench's one data set: hg-165 tables from the tests' generator, a district every 100 rows
 * (each followed by its 99 communes), so 10,000 rows are 100 districts and 9,900 communes.
 */
import type { UnitRow } from "../src/engine";
import { hg165Large, type SampleCell } from "../test/fake-excel/sample-hg165";

export const PLAN = "hg-165-2023";

/** The unit rows (no title or header): STT, unit, district (blank for a district), a, b, e-ID a, b. */
export function hg165Units(rows: number): SampleCell[][] {
  return hg165Large(rows, districtsFor(rows));
}

export function districtsFor(rows: number): number {
  return Math.max(1, Math.round(rows / 100));
}

/** The rows as the workbook reader hands them to the engine (a district is its own group). */
export function unitRows(units: SampleCell[][]): UnitRow[] {
  return units.map((r) => {
    const name = String(r[1]);
    const district = r[2] === null ? null : String(r[2]);
    return {
      key: name,
      group: district ?? name,
      level: district === null ? "huyen" : "xa",
      values: { online_dossiers: r[3] as number, all_dossiers: r[4] as number, eid_activated: r[5] as number, citizens_with_cccd: r[6] as number },
    };
  });
}
