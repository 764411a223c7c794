/**
 * The results sheet as it prints: A4 landscape one page wide, the header repeated, the explanation
 * outside the print area, Vietnamese number formats, the signature block under the table. The layout is checked on the three bundled samples, whose plans give different columns.
 */
import * as path from "path";
import { readInput } from "../../src/cli/read";
import type { CellInput } from "../../src/engine";
import { getPlan } from "../../src/plans";
import { columnIndex, columnLetter, layoutResults, layoutRules, RESULTS_HEADER_ROW, scoreSheet, type SheetModel } from "../../src/workbook";
import { dateLineVi, NUMBER_FORMATS, SIGNATURE } from "../../src/workbook/layout";
import { textWidth, wrappedLines } from "../../src/workbook/text-lines";

const SAMPLES = path.resolve(__dirname, "..", "..", "assets", "samples");
const NOW = new Date(2026, 1, 5, 9, 30); // 5 February 2026

async function results(file: string, planId: string, formulas = false, date?: string): Promise<SheetModel> {
  const plan = getPlan(planId);
  const book = await readInput(path.join(SAMPLES, file));
  const sheet = book.sheets[0];
  const scored = scoreSheet(plan, sheet.grid as CellInput[][], { sheet: sheet.name, date });
  const rules = layoutRules(plan, { now: NOW, scored });
  return layoutResults(scored, plan, { formulas, rules, now: NOW });
}

const CASES: [string, string, string | undefined][] = [
  ["hau-giang-2023.xlsx", "hg-165-2023", undefined],
  ["lang-son-2023.xlsx", "ls-170-2023", undefined],
  ["chu-prong-2024.xlsx", "iator-32-2024", "2024-05-10"],
];

/** Rows of the table: from under the header to the first empty row. */
function tableRows(m: SheetModel): CellOut[][] {
  const out: CellOut[][] = [];
  for (const row of m.cells.slice(RESULTS_HEADER_ROW + 1)) {
    if (!row.some((v) => v !== null && v !== "")) break;
    out.push(row);
  }
  return out;
}
type CellOut = SheetModel["cells"][number][number];

describe.each(CASES)("%s scored with %s", (file, planId, date) => {
  let m: SheetModel;
  beforeAll(async () => {
    m = await results(file, planId, false, date);
  });

  test("prints on A4 landscape, one page wide, the header row on every page", () => {
    expect(m.print).toMatchObject({ paper: "A4", landscape: true, fitToWidth: true, printTitleRows: [RESULTS_HEADER_ROW, RESULTS_HEADER_ROW] });
  });

  test("the print area runs from A1 to the column before the explanation, the last one", () => {
    const header = m.cells[RESULTS_HEADER_ROW] as string[];
    const explain = header.indexOf("Giải thích");
    expect(explain).toBeGreaterThan(0);
    const [, from, lastCol, lastRow] = /^([A-Z]+\d+):([A-Z]+)(\d+)$/.exec(m.print!.printArea!)!;
    expect(from).toBe("A1");
    expect(columnIndex(lastCol)).toBe(explain - 1);
    expect(header.slice(explain)).toEqual(["Giải thích"]);
    // the area reaches down to the signature block
    const sigRow = m.cells.findIndex((r) => r.includes(SIGNATURE.head));
    expect(Number(lastRow)).toBeGreaterThan(sigRow + 1);
  });

  test("the signature block sits under the table after a blank row, inside the printed columns", () => {
    const rows = tableRows(m);
    const after = RESULTS_HEADER_ROW + 1 + rows.length;
    expect(m.cells[after].every((v) => v === null || v === "")).toBe(true);
    const texts = m.cells.slice(after + 1).map((r) => r.filter((v) => typeof v === "string" && v !== ""));
    expect(texts).toEqual([
      [`${SIGNATURE.place}, ngày 05 tháng 02 năm 2026`],
      [SIGNATURE.preparer, SIGNATURE.head],
      [SIGNATURE.preparerHint, SIGNATURE.headHint],
    ]);
    const printedCols = columnIndex(/:([A-Z]+)/.exec(m.print!.printArea!)![1]) + 1;
    for (const r of m.cells.slice(after + 1)) expect(r.length).toBeLessThanOrEqual(printedCols);
    // the head's block is centred over the last printed columns
    const merges = m.merges!.filter((x) => Number(/\d+$/.exec(x)![0]) === after + 3);
    expect(merges.some((x) => columnIndex(/:([A-Z]+)/.exec(x)![1]) === printedCols - 1)).toBe(true);
  });

  test("ranks and met/not met are centred, off the next column's text", () => {
    const header = m.cells[RESULTS_HEADER_ROW] as string[];
    const centred = (h: string) =>
      header.flatMap((x, i) => (x === h ? [i] : [])).map((i) => m.styles!.some((st) => st.center && st.range.startsWith(`${columnLetter(i)}${RESULTS_HEADER_ROW + 2}:`)));
    expect(centred("Hạng")).toEqual([true]);
    expect(centred("Đạt?").every(Boolean)).toBe(true);
  });

  test("headers wrap, centred; the header row is as tall as its longest header", () => {
    const headerStyle = m.styles!.find((s) => s.range.startsWith(`A${RESULTS_HEADER_ROW + 1}:`));
    expect(headerStyle).toMatchObject({ wrap: true, center: true, middle: true });
    const header = m.cells[RESULTS_HEADER_ROW] as string[];
    const lines = Math.max(...header.map((h, i) => wrappedLines(h, m.columnWidths![i], true)));
    expect(lines).toBeGreaterThan(1);
    expect(m.rowHeights![RESULTS_HEADER_ROW]).toBe(15 * lines);
  });
});

describe("numbers the Vietnamese way", () => {
  test("counts grouped, ratios as percent with 2 decimals, points with 2, prizes grouped (hg-165)", async () => {
    const m = await results("hau-giang-2023.xlsx", "hg-165-2023");
    const header = m.cells[RESULTS_HEADER_ROW] as string[];
    const formatOf = (h: string) => {
      const col = header.indexOf(h);
      return m.numberFormats!.filter((f) => columnIndex(/^([A-Z]+)/.exec(f.range)![1]) === col).map((f) => f.format);
    };
    expect(formatOf("Tổng số hồ sơ phát sinh (trực tiếp, trực tuyến) (b)")).toEqual([NUMBER_FORMATS.count]);
    expect(formatOf("Tỷ lệ hồ sơ trực tuyến tính điểm")).toEqual([NUMBER_FORMATS.percent]);
    expect(formatOf("Tổng điểm")).toEqual([NUMBER_FORMATS.points]);
    expect(formatOf("Tiền thưởng (đồng)")).toEqual([NUMBER_FORMATS.money]);
    expect(NUMBER_FORMATS).toEqual({ count: "#,##0", money: "#,##0", points: "0.00", percent: "0.00%" });
  });

  test("a fractional count (an input error) keeps General, so it shows as typed, not rounded", () => {
    const plan = getPlan("hg-165-2023");
    const grid: CellInput[][] = [
      ["Đơn vị", "Cấp", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "TK định danh mức 2", "Số người có CCCD"],
      ["Xã 1", "Xã", "Huyện A", 90, 100, 90, 100],
      ["Xã 2", "Xã", "Huyện A", 95.5, 100, 90, 100],
      ["Xã 3", "Xã", "Huyện A", 80, 100, 90, 100],
    ];
    const scored = scoreSheet(plan, grid, { sheet: "Số liệu" });
    const m = layoutResults(scored, plan, { formulas: false, rules: layoutRules(plan, { now: NOW, scored }), now: NOW });
    const header = m.cells[RESULTS_HEADER_ROW] as string[];
    const col = header.indexOf("Số hồ sơ TTHC nộp trực tuyến (a)");
    const rowOf = (unit: string) => m.cells.findIndex((r) => r[1] === unit);
    const ranges = m.numberFormats!.filter((f) => columnIndex(/^([A-Z]+)/.exec(f.range)![1]) === col);
    const covers = (row: number) => ranges.some((f) => {
      const [a, b] = f.range.split(":").map((x) => Number(/\d+$/.exec(x)![0]) - 1);
      return row >= a && row <= b;
    });
    expect(covers(rowOf("Xã 1"))).toBe(true);
    expect(covers(rowOf("Xã 3"))).toBe(true);
    expect(covers(rowOf("Xã 2"))).toBe(false);
    expect(m.cells[rowOf("Xã 2")][col]).toBe(95.5);
  });
});

describe("the date line (NĐ 30/2020/NĐ-CP: a leading 0 for days below 10 and for January and February)", () => {
  test.each([
    ["5/2/2026", new Date(2026, 1, 5), "ngày 05 tháng 02 năm 2026"],
    ["31/1/2026", new Date(2026, 0, 31), "ngày 31 tháng 01 năm 2026"],
    ["9/3/2025", new Date(2025, 2, 9), "ngày 09 tháng 3 năm 2025"],
    ["10/12/2024", new Date(2024, 11, 10), "ngày 10 tháng 12 năm 2024"],
  ])("%s → %s", (_label, d, text) => expect(dateLineVi(d as Date)).toBe(text));
});

describe("wrapped lines, estimated from Calibri's widths", () => {
  test("a short text takes one line, a long one more, a word too long for the column breaks inside it", () => {
    expect(wrappedLines("Đã chấm", 10)).toBe(1);
    expect(wrappedLines("Bằng khen của Chủ tịch UBND tỉnh (tập thể cấp xã tiêu biểu)", 18)).toBe(3);
    expect(wrappedLines("Bằng khen của Chủ tịch UBND tỉnh (tập thể cấp xã tiêu biểu)", 70)).toBe(1);
    expect(wrappedLines("x".repeat(60), 10)).toBeGreaterThanOrEqual(3);
    expect(wrappedLines("một\nhai", 30)).toBe(2);
  });
  test("widths in digits: ten digits are ten; tone marks do not widen; bold is wider", () => {
    expect(textWidth("1234567890")).toBeCloseTo(10, 5);
    expect(textWidth("Hậu Giang")).toBeCloseTo(textWidth("Hau Giang"), 5);
    expect(textWidth("Tổng điểm", true)).toBeGreaterThan(textWidth("Tổng điểm"));
  });
});

test("--formulas lays out the same print setup and signature", async () => {
  const values = await results("hau-giang-2023.xlsx", "hg-165-2023");
  const formulas = await results("hau-giang-2023.xlsx", "hg-165-2023", true);
  expect(formulas.print).toEqual(values.print);
  expect(formulas.merges).toEqual(values.merges);
  expect(formulas.cells.slice(-3)).toEqual(values.cells.slice(-3));
});
