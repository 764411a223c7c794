/**
 * Properties of scoreSheet (src/workbook: find the table, map the columns, read the units, score)
 * over random hg-165-2023 grids as officials lay them out, and over grids of pure noise.
 */
import fc from "fast-check";
import type { CellInput } from "../../src/engine";
import { getPlan } from "../../src/plans";
import { scoreSheet, WorkbookError } from "../../src/workbook";
import { genTable, hostileCell, placeAt, runs, tableRows, type SheetCell } from "./gen";
import { checkOutcome } from "./invariants";

const plan = getPlan("hg-165-2023");
const SHEET = "Số liệu";

/** A grid of anything, with now and then a header row of the plan's words in it. */
const noiseGrid: fc.Arbitrary<CellInput[][]> = fc
  .tuple(
    fc.array(fc.array(fc.oneof(hostileCell, fc.constantFrom<SheetCell>("Đơn vị", "Huyện", "Cấp", "Xã", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số người có CCCD")), { maxLength: 9 }), { maxLength: 12 }),
    fc.nat({ max: 3 }),
    fc.nat({ max: 3 }),
  )
  .map(([rows, r0, c0]) => placeAt(rows, r0, c0));

describe("scoreSheet (hg-165-2023) over random grids", () => {
  test("1. only a WorkbookError with a message (no table) escapes, whatever the grid", () => {
    const tables = fc.tuple(genTable(), fc.nat({ max: 4 }), fc.nat({ max: 3 })).map(([t, r0, c0]) => placeAt(tableRows(t), r0, c0));
    fc.assert(
      fc.property(fc.oneof(tables, noiseGrid), (grid) => {
        try {
          const s = scoreSheet(plan, grid, { sheet: SHEET });
          for (const p of s.problems) {
            // every problem names the sheet, a row of the grid, a column letter and says what is wrong
            expect(p.sheet).toBe(SHEET);
            expect(p.row).toBeGreaterThanOrEqual(1);
            expect(p.row).toBeLessThanOrEqual(grid.length);
            expect(p.column).toMatch(/^[A-Z]+$/);
            expect(p.message.trim().length).toBeGreaterThan(0);
          }
        } catch (e) {
          if (!(e instanceof WorkbookError)) throw e;
          expect(e.message).toContain(SHEET);
        }
      }),
      runs(300),
    );
  });

  test("2–4. points, ranks, quotas and prizes hold for the units read off the sheet", () => {
    let units = 0;
    fc.assert(
      fc.property(genTable(), fc.nat({ max: 3 }), fc.nat({ max: 2 }), (t, r0, c0) => {
        const grid = placeAt(tableRows(t), r0, c0);
        if (!t.units.length) {
          // a header row with nothing under it is not a table
          expect(() => scoreSheet(plan, grid, { sheet: SHEET })).toThrow(WorkbookError);
          return;
        }
        const s = scoreSheet(plan, grid, { sheet: SHEET });
        expect(s.mapping.missing).toEqual([]);
        // the engine's rows are the rows read: the checks read the same figures the engine did
        checkOutcome(s.read.rows, s.outcome);
        // keys are unique after reading (duplicate names get their district or a number)
        const keys = s.outcome.units.map((u) => u.key.normalize("NFC").trim().toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
        units += s.outcome.units.length;
      }),
      runs(250),
    );
    expect(units).toBeGreaterThan(0);
  });
});
