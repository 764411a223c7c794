#!/usr/bin/env node
/**
 * exceljs-features.xlsx, written by exceljs (the project's own dependency; run from the repository:
 * node test/cli/corpus/make/exceljs-book.js). A workbook as a web application that exports with
 * exceljs writes one: an Excel table, notes, data validation, conditional formatting, merged cells, a
 * defined name, frozen panes, a hidden column, an image, a hyperlink and a formula with its result.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const OUT = path.join(__dirname, "..");
const table = JSON.parse(fs.readFileSync(path.join(__dirname, "dvc-table.json"), "utf8"));
const last = 3 + table.rows.length;

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cổng dịch vụ công tỉnh";
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 15, 8, 0, 0));

  const ws = wb.addWorksheet(table.sheet, { views: [{ state: "frozen", xSplit: 2, ySplit: 3 }] });
  ws.getCell("A1").value = table.title;
  ws.mergeCells("A1:H1");
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.addTable({
    name: "BangDVC",
    ref: "A3",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: table.headers.map((name) => ({ name, filterButton: true })),
    rows: table.rows.map((r) => r.map((v) => (v === "" ? null : v))),
  });
  [6, 22, 8, 20, 14, 14, 16, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let r = 4; r <= last; r++) for (let c = 5; c <= 8; c++) ws.getCell(r, c).numFmt = "#,##0";
  ws.getCell("B4").note = "Theo báo cáo của Văn phòng HĐND và UBND huyện.";
  ws.getCell("E7").note = { texts: [{ font: { bold: true }, text: "Lưu ý: " }, { text: "gồm hồ sơ dịch vụ công một phần." }] };
  for (let r = 4; r <= last; r++) {
    ws.getCell(r, 3).dataValidation = { type: "list", allowBlank: true, formulae: ['"Huyện,Xã"'], showErrorMessage: true, error: "Chỉ nhập Huyện hoặc Xã." };
  }
  ws.addConditionalFormatting({
    ref: `E4:E${last}`,
    rules: [{ type: "cellIs", operator: "lessThan", priority: 1, formulae: [1000], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }],
  });
  // a column the office keeps for itself, hidden (not part of the DVC table)
  ws.getCell("J3").value = "Ghi chú nội bộ";
  ws.getCell("J4").value = "đã đối chiếu";
  ws.getColumn(10).hidden = true;
  wb.definedNames.add(`'${table.sheet}'!$B$4:$B$${last}`, "DonVi");

  const info = wb.addWorksheet("Thông tin");
  info.getCell("A1").value = "Tổng hồ sơ trực tuyến";
  info.getCell("B1").value = { formula: `SUM('${table.sheet}'!E4:E${last})`, result: table.rows.reduce((s, r) => s + r[4], 0) };
  info.getCell("A2").value = "Nguồn";
  info.getCell("B2").value = { text: "Cổng Dịch vụ công quốc gia", hyperlink: "https://dichvucong.gov.vn" };
  info.getCell("A3").value = { richText: [{ text: "Số liệu " }, { font: { italic: true }, text: "giả định" }] };
  const logo = wb.addImage({ buffer: fs.readFileSync(path.join(__dirname, "..", "..", "..", "..", "assets", "icon-32.png")), extension: "png" });
  info.addImage(logo, { tl: { col: 3, row: 0 }, ext: { width: 32, height: 32 } });

  await wb.xlsx.writeFile(path.join(OUT, "exceljs-features.xlsx"));
  console.log("exceljs-features.xlsx");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
