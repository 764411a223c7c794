/**
 * The results sheet's page setup, styles, merges and row heights as the task pane writes them
 * through Office.js (worksheet.pageLayout, ExcelApi 1.9), against the fake Excel: what is set, in
 * the same round trips as before, and the fake refusing what Excel refuses.
 */
import { createFakeExcel, FakeExcelError, FakeWorkbook } from "../fake-excel/fake-excel";
import { hg165Sheet } from "../fake-excel/sample-hg165";
import { queueWrite, renderSheet, wholeWriteBytes, type OwnedSheet } from "../../src/excel-io/write";
import type { ExcelRunner } from "../../src/excel-io/types";
import { runJob } from "../../src/workflow/job";
import { columnLetter, RESULTS_HEADER_ROW, RESULTS_SHEET } from "../../src/workbook";
import { SIGNATURE } from "../../src/workbook/layout";
import type { SheetModel } from "../../src/workbook/types";

const model: SheetModel = {
  name: "Kết quả DVC",
  cells: [["Tiêu đề"], [], ["Đơn vị", "Tổng số hồ sơ phát sinh", "Giải thích"], ["Xã A", 1234, "dài"], [], ["Người lập biểu", null, "Thủ trưởng"]],
  conditionalFormats: [],
  boldRows: [0, 2, 5],
  merges: ["A6:B6"],
  styles: [
    { range: "A3:C3", wrap: true, center: true, middle: true },
    { range: "A6:B6", center: true, italic: true },
  ],
  rowHeights: { 2: 45, 3: 30 },
  print: {
    paper: "A4",
    landscape: true,
    fitToWidth: true,
    printArea: "A1:B10",
    printTitleRows: [2, 2],
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  },
};

async function write(m: SheetModel) {
  const wb = new FakeWorkbook();
  wb.addSheet("Số liệu");
  const excel = createFakeExcel(wb);
  const s: OwnedSheet = { role: "results", model: m };
  await excel.run(async (ctx) => {
    queueWrite(ctx as never, { sheets: [s] }, { replace: [], dropNames: [] });
    await ctx.sync();
  });
  return { wb, sheet: wb.sheetByName(m.name)!, s };
}

test("page setup, styles, merges and row fit are set in the one write round trip", async () => {
  const { wb, sheet, s } = await write(model);
  expect(wb.syncCount).toBe(1);
  const { margins, ...rest } = sheet.pageLayout;
  expect(rest).toEqual({
    paperSize: "A4",
    orientation: "Landscape",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printArea: "$A$1:$B$10",
    printTitleRows: "$3:$3",
  });
  // inches as points
  const points = { left: 28.8, right: 28.8, top: 43.2, bottom: 43.2, header: 21.6, footer: 21.6 };
  for (const [side, pt] of Object.entries(points)) expect(margins![side as keyof typeof points]).toBeCloseTo(pt, 9);
  expect(sheet.rangeFormats).toEqual([
    ["A3:C3", "wrapText", true],
    ["A3:C3", "horizontalAlignment", "Center"],
    ["A3:C3", "verticalAlignment", "Center"],
    ["A6:B6", "horizontalAlignment", "Center"],
    ["A6:B6", "font/italic", true],
  ]);
  expect(sheet.merges).toEqual(["A6:B6"]);
  // Excel measures the wrapped rows itself: one fit over the rows the model estimated
  expect(sheet.autofitRows).toEqual(["A3:C4"]);
  // the estimate of the request covers the new commands
  expect(wholeWriteBytes([renderSheet(s)], { replace: [], dropNames: [] })).toBeGreaterThanOrEqual(wb.syncLog[0].requestBytes);
});

test("a Rank of the sample writes the results' print setup and signature block, still in 2 round trips", async () => {
  const wb = new FakeWorkbook();
  wb.setValues("Số liệu 2023", "B2", hg165Sheet());
  wb.select("Số liệu 2023", "B6");
  const excel = createFakeExcel(wb);
  await runJob(excel.run.bind(excel) as unknown as ExcelRunner, { planId: "hg-165-2023", source: { kind: "selection" }, now: new Date(2023, 11, 20, 9, 30) });
  expect(wb.syncCount).toBe(2);
  const res = wb.sheetByName(RESULTS_SHEET)!;
  const grid = wb.getValues(RESULTS_SHEET);
  const header = grid[RESULTS_HEADER_ROW];
  const explain = header.indexOf("Giải thích");
  const head = grid.findIndex((r) => r.includes(SIGNATURE.head));
  expect(grid[head - 1].some((v) => String(v).endsWith("ngày 20 tháng 12 năm 2023"))).toBe(true);
  expect(res.pageLayout).toMatchObject({
    paperSize: "A4",
    orientation: "Landscape",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printArea: `$A$1:$${columnLetter(explain - 1)}$${head + 2 + 4}`,
    printTitleRows: `$${RESULTS_HEADER_ROW + 1}:$${RESULTS_HEADER_ROW + 1}`,
  });
  expect(res.merges.length).toBe(5);
  expect(res.rangeFormats).toContainEqual([`A${RESULTS_HEADER_ROW + 1}:${columnLetter(header.length - 1)}${RESULTS_HEADER_ROW + 1}`, "wrapText", true]);
});

describe("the fake refuses what Excel refuses", () => {
  const attempt = async (f: (ws: any) => void) => {
    const wb = new FakeWorkbook();
    wb.addSheet("S");
    const excel = createFakeExcel(wb);
    return excel.run(async (ctx) => {
      f(ctx.workbook.worksheets.getItem("S"));
      await ctx.sync();
    });
  };
  test.each([
    ["an orientation Excel does not know", (ws: any) => (ws.pageLayout.orientation = "Sideways")],
    ["a paper size Excel does not know", (ws: any) => (ws.pageLayout.paperSize = "A7")],
    ["margins in furlongs", (ws: any) => ws.pageLayout.setPrintMargins("Furlongs", { left: 1 })],
    ["title rows that are not whole rows", (ws: any) => ws.pageLayout.setPrintTitleRows("A4:C4")],
    ["a print area on another sheet", (ws: any) => ws.pageLayout.setPrintArea("'Khác'!A1:B2")],
    ["a zoom scale over 400", (ws: any) => (ws.pageLayout.zoom = { scale: 500 })],
    ["an alignment Excel does not know", (ws: any) => (ws.getRange("A1").format.horizontalAlignment = "Middle")],
  ])("%s", async (_what, f) => {
    await expect(attempt(f)).rejects.toBeInstanceOf(FakeExcelError);
  });
});
