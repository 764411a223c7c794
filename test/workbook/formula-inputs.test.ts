/**
 * With formulas, an input cell of the results sheet refers to its source cell only where a formula
 * reads the cell as the engine does; elsewhere it holds the engine's reading (or the cell as text),
 * with a note on the unit's row and a line of the rules sheet. LibreOffice checks the agreement
 * itself (test/e2e/formulas-agreement.e2e.test.ts); this pins the decision and the notes.
 */
import { getPlan } from "../../src/plans";
import { layoutResults, layoutRules, RESULTS_HEADER_ROW, scoreSheet } from "../../src/workbook";
import { formulaInput } from "../../src/workbook/formula-inputs";
import type { CellInput } from "../../src/engine";
import type { CellOut } from "../../src/workbook";

describe("formulaInput: a reference where a formula reads the cell as the engine does", () => {
  const ref = { ref: true };
  test.each<[string, CellInput]>([
    ["a blank", null],
    ["a whole count", 95],
    ["a negative whole count (no ratio either way)", -5],
    ["text the engine cannot read either", "không có"],
    ["spaces only", "   "],
    ["text with a decimal comma, not a count", "95,5"],
    ["an Excel error value", { error: "#N/A" }],
  ])("count: %s", (_what, raw) => expect(formulaInput("count", raw)).toEqual(ref));

  test.each<[string, CellInput, number | string, string]>([
    ["Vietnamese thousands", "9.000", 9000, "text_number"],
    ["a number stored as text", "95", 95, "text_number"],
    ["float noise", 95.00000000000001, 95, "number_noise"],
    ["a fraction", 90.4, "90.4", "not_a_number"],
    ["too large to hold exactly", 1e21, "1e+21", "not_a_number"],
    ["TRUE (LibreOffice reads it as 1)", true, "TRUE", "not_a_number"],
    ["a date (a formula reads its serial number)", new Date(Date.UTC(2023, 0, 5)), "2023-01-05", "not_a_number"],
    ["a formula never calculated (a spreadsheet calculates it)", { error: "=SUM(90,5) (công thức chưa được tính, chưa có giá trị)" }, "=SUM(90,5) (công thức chưa được tính, chưa có giá trị)", "not_a_number"],
  ])("count: %s is a value", (_what, raw, value, why) => expect(formulaInput("count", raw)).toEqual({ ref: false, value, why }));

  test("ratio: 0 to 1 is a reference; percent text, a percent typed as 85 and noise above 1 are values", () => {
    expect(formulaInput("ratio", 0.35)).toEqual(ref);
    expect(formulaInput("ratio", "25,5%")).toEqual({ ref: false, value: 0.255, why: "text_number" });
    expect(formulaInput("ratio", 85)).toEqual({ ref: false, value: "85", why: "not_a_number" });
    expect(formulaInput("ratio", 1 + 1e-12)).toEqual({ ref: false, value: 1, why: "number_noise" });
  });

  test("dates and yes/no feed no formula: values throughout, as the values mode shows them", () => {
    expect(formulaInput("date", new Date(Date.UTC(2024, 4, 10)))).toEqual({ ref: false, value: "2024-05-10", why: null });
    expect(formulaInput("date", 45422)).toEqual({ ref: false, value: 45422, why: null });
    expect(formulaInput("boolean", "có")).toEqual({ ref: false, value: "có", why: null });
    expect(formulaInput("date", null)).toEqual({ ref: false, value: null, why: null });
  });
});

describe("the results and rules sheets with formulas", () => {
  const plan = getPlan("hg-165-2023");
  const grid: CellInput[][] = [
    ["Đơn vị", "Cấp", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD"],
    ["Huyện A", "Huyện", null, 900, 1000, "8.500", 10000],
    ["Xã B", "Xã", "Huyện A", 95, 100, 900, 1000],
  ];
  const scored = scoreSheet(plan, grid, { sheet: "Số liệu" });
  const now = new Date(2024, 0, 1);
  const rules = layoutRules(plan, { now, scored, formulas: true });
  const results = layoutResults(scored, plan, { formulas: true, rules, now });
  const header = results.cells[RESULTS_HEADER_ROW] as string[];
  const row = (unit: string) => results.cells.find((r) => r[1] === unit) as CellOut[];
  const col = (h: string) => header.indexOf(h);
  const eid = col(plan.inputs.find((d) => d.id === "eid_activated")!.label);

  test("the text count is the engine's number, with a note naming the cell; the others refer to their cells", () => {
    const district = row("Huyện A");
    expect(district[eid]).toBe(8500);
    const address = `${String.fromCharCode(65 + eid)}${results.cells.indexOf(district) + 1}`;
    expect(String(district[col("Giải thích")])).toContain(`ô ${address} ghi giá trị`);
    expect(String(district[col("Giải thích")])).toContain("'Số liệu'!F2");
    expect(district[eid + 1]).toMatchObject({ formula: "IF(ISBLANK('Số liệu'!G2),\"\",'Số liệu'!G2)" });
    expect(row("Xã B")[eid]).toMatchObject({ formula: expect.stringContaining("'Số liệu'!F3") });
    expect(String(row("Xã B")[col("Giải thích")])).not.toContain("Ghi chú công thức");
  });

  test("the rules sheet lists the cell, its content, the value written and why", () => {
    const line = rules.sheet.cells.find((r) => r[0] === "'Số liệu'!F2");
    expect(line?.slice(1, 5)).toEqual(["Huyện A", plan.inputs.find((d) => d.id === "eid_activated")!.label, "\"8.500\"", "8.500"]);
    expect(String(line?.[5])).toMatch(/văn bản/);
    // without formulas there is nothing to say
    expect(layoutRules(plan, { now, scored }).sheet.cells.some((r) => r[0] === "'Số liệu'!F2")).toBe(false);
  });
});

test("a district with no commune ratio to combine with shows no ratio for points, with or without formulas", () => {
  const plan = getPlan("hg-165-2023");
  const grid: CellInput[][] = [
    ["Đơn vị", "Cấp", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD"],
    ["Huyện A", "Huyện", null, 950, 1000, 9000, 10000],
    ["Xã B", "Xã", "Huyện A", "không có", 100, 900, 1000],
  ];
  const scored = scoreSheet(plan, grid, { sheet: "Số liệu" });
  const now = new Date(2024, 0, 1);
  const rules = layoutRules(plan, { now, scored });
  for (const formulas of [false, true]) {
    const results = layoutResults(scored, plan, { formulas, rules, now });
    const header = results.cells[RESULTS_HEADER_ROW] as string[];
    const district = results.cells.find((r) => r[1] === "Huyện A") as CellOut[];
    const own = district[header.indexOf("Tỷ lệ hồ sơ trực tuyến của đơn vị")];
    const forPoints = district[header.indexOf("Tỷ lệ hồ sơ trực tuyến tính điểm")];
    expect(own).toEqual(formulas ? expect.objectContaining({ result: 0.95 }) : 0.95);
    expect(forPoints).toEqual(formulas ? expect.objectContaining({ result: "" }) : null);
  }
});
