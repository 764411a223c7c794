/**
 * Reading merged_down: a merge down a name column (unit, district, level) is read in every row of it;
 * a merge over figures and the header's own merges are left as they are.
 */
import { getPlan } from "../../src/plans";
import { scoreSheet, spreadMergedNames, type MergedArea } from "../../src/workbook";
import type { CellInput } from "../../src/engine";

const plan = getPlan("hg-165-2023");
const HEADER = ["Đơn vị", "Cấp", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD"];
const grid = (): CellInput[][] => [
  HEADER,
  ["Huyện Châu Thành", "Huyện", null, 900, 1000, 8500, 10000],
  ["Xã Đông Phước", "Xã", "Huyện Châu Thành", 95, 100, 9000, 10000],
  ["Thị trấn Ngã Sáu", null, null, 80, null, 950, 1000],
  ["Xã Phú Hữu", null, null, 90, null, 920, 1000],
];
// B3:B5 and C3:C5 are names merged down; E3:E5 is a figure merged down
const MERGES: MergedArea[] = [
  { r0: 2, c0: 1, r1: 4, c1: 1 },
  { r0: 2, c0: 2, r1: 4, c1: 2 },
  { r0: 2, c0: 4, r1: 4, c1: 4 },
];

describe("merged cells down a table", () => {
  it("names merged down are read in every row; a figure merged down counts once, the other rows are missing it", () => {
    const g = grid();
    const scored = scoreSheet(plan, g, { sheet: "S", merges: MERGES });
    const byName = new Map(scored.outcome.units.map((u) => [u.key, u]));
    expect(scored.read.rows.map((r) => [r.key, r.level, r.group])).toEqual([
      ["Huyện Châu Thành", "huyen", "Huyện Châu Thành"],
      ["Xã Đông Phước", "xa", "Huyện Châu Thành"],
      ["Thị trấn Ngã Sáu", "xa", "Huyện Châu Thành"],
      ["Xã Phú Hữu", "xa", "Huyện Châu Thành"],
    ]);
    expect(byName.get("Xã Đông Phước")?.status).toBe("scored");
    // the denominator written once (E3) is not copied to rows 4 and 5
    expect(byName.get("Thị trấn Ngã Sáu")?.status).not.toBe("scored");
    expect(byName.get("Xã Phú Hữu")?.status).not.toBe("scored");
    // the caller's grid is left as it was
    expect(g).toEqual(grid());
  });

  it("without the merges the rows under a merged name read blank, as the grid holds them", () => {
    const scored = scoreSheet(plan, grid(), { sheet: "S" });
    expect(scored.read.rows.find((r) => r.key === "Xã Phú Hữu")).toBeUndefined();
  });

  it("leaves the header's merges and merges outside the name columns alone", () => {
    const g: CellInput[][] = [["Đơn vị", "Cấp"], [null, null], ["Xã A", "Xã"], ["Xã B", null]];
    const table = { headerRow: 0, firstCol: 0, lastCol: 1, lastRow: 3 };
    const header = spreadMergedNames(g, table, { unit: 0, level: 1 }, [{ r0: 0, c0: 0, r1: 1, c1: 0 }]);
    expect(header).toBe(g);
    const figure = spreadMergedNames(g, table, { unit: 0, online_dossiers: 1 }, [{ r0: 2, c0: 1, r1: 3, c1: 1 }]);
    expect(figure[3][1]).toBeNull();
    const name = spreadMergedNames(g, table, { unit: 0, level: 1 }, [{ r0: 2, c0: 1, r1: 3, c1: 1 }]);
    expect(name[3][1]).toBe("Xã");
  });
});
