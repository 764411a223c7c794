import { getPlan } from "../../src/plans";
import { scoreSheet } from "../../src/workbook";
import type { CellInput } from "../../src/engine";

const plan = getPlan("hg-165-2023");
const HEADER: CellInput[] = ["Đơn vị", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD"];
const GOOD: CellInput[] = ["Xã B", "Huyện X", 90, 100, 90, 100];

describe("scoreSheet with an invalid Date in a cell (exceljs reads one for a date-formatted cell holding 1e20)", () => {
  it("as a unit's name: the row is read, the other rows scored", () => {
    const s = scoreSheet(plan, [HEADER, [new Date(NaN), "Huyện X", 90, 100, 90, 100], GOOD], { sheet: "Số liệu" });
    expect(s.outcome.units.find((u) => u.key === "Xã B")?.status).toBe("scored");
  });
  it("as a header beyond the plan's columns: the table is still mapped and scored", () => {
    const s = scoreSheet(plan, [[...HEADER, new Date(NaN)], ["Xã A", "Huyện X", 90, 100, 90, 100], GOOD], { sheet: "Số liệu" });
    expect(s.mapping.missing).toEqual([]);
    expect(s.outcome.units.map((u) => u.status)).toEqual(["scored", "scored"]);
  });
  it("as a count: a problem on its cell", () => {
    const s = scoreSheet(plan, [HEADER, ["Xã A", "Huyện X", new Date(NaN), 100, 90, 100], GOOD], { sheet: "Số liệu" });
    expect(s.problems.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([["Số liệu", 2, "C", "invalid_input"]]);
    expect(s.outcome.units.find((u) => u.key === "Xã B")?.status).toBe("scored");
  });
});
