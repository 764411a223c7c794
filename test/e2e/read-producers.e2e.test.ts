/**
 * Workbooks as other programs save them, read by the command line's reader (src/cli/read) and scored:
 * LibreOffice's .xlsx (an Excel table saved without a table style: exceljs failed on it with
 * "Cannot read properties of null (reading 'theme')"), .xls and .ods made by converting a workbook
 * exceljs wrote, and openpyxl's .xlsx (absolute relationship targets such as /xl/tables/table1.xml)
 * holding a table, a chart and a comment. Each must read as the original does: the same cells, the
 * same hidden rows, columns and sheets, and the same scores.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { readInput, type InputBook } from "../../src/cli/read";
import { scoreCommand } from "../../src/cli/score";
import { hg165Sheet } from "../fake-excel/sample-hg165";
import { ensureLibreOffice, recalcProfile, tempDir } from "./helpers/libreoffice";

const dir = tempDir("dvc-producers-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SHEET = "Số liệu";
/** hg165Sheet: title in row 1, header in row 3, units from row 4 (A STT … G CCCD) */
const TABLE = hg165Sheet();
const HIDDEN_ROW = 6;

function convert(input: string, to: "xlsx" | "xls" | "ods"): string {
  const out = path.join(dir, to);
  fs.mkdirSync(out, { recursive: true });
  const prof = recalcProfile();
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${prof}`, "--headless", "--norestore", "--convert-to", to, "--outdir", out, input], { stdio: "pipe", timeout: 120_000 });
  } finally {
    fs.rmSync(prof, { recursive: true, force: true });
  }
  return path.join(out, path.basename(input, path.extname(input)) + "." + to);
}

async function score(file: string): Promise<{ code: number; units: unknown; err: string }> {
  let out = "";
  let err = "";
  const code = await scoreCommand([file, "--plan", "hg-165", "--json"], { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, units: out ? JSON.parse(out) : null, err };
}

/** What must survive any producer: the sheets, their state, the table's cells and what is hidden. */
function essence(book: InputBook) {
  return book.sheets.map((s) => ({
    name: s.name,
    state: s.state,
    cells: s.grid.map((r) => Array.from(r.slice(0, 8), (v) => (v === undefined ? null : v))),
    hiddenRows: s.hiddenRows.filter((r) => r <= s.grid.length),
    hiddenColumns: s.hiddenColumns,
  }));
}

describe("LibreOffice", () => {
  let source: string;
  let original: InputBook;
  let originalUnits: unknown;

  beforeAll(async () => {
    ensureLibreOffice();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ghi chú").getCell("A1").value = "Số liệu năm 2023 ở trang sau";
    const ws = wb.addWorksheet(SHEET);
    TABLE.slice(0, 2).forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
    // the header and the units as an Excel table (ListObject) with a style, as Excel makes one
    ws.addTable({
      name: "BangSoLieu",
      ref: "A3",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: (TABLE[2] as string[]).map((name) => ({ name })),
      rows: TABLE.slice(3).map((r) => r.map((v) => (v === null ? "" : v))) as ExcelJS.CellValue[][],
    });
    // exceljs writes a table's empty cells as "": blank them as a user's empty cells are
    TABLE.slice(3).forEach((row, r) => row.forEach((v, c) => v === null && (ws.getCell(r + 4, c + 1).value = null)));
    ws.getRow(HIDDEN_ROW).hidden = true;
    ws.getCell("I3").value = "Ghi chú ẩn";
    ws.getColumn(9).hidden = true;
    const old = wb.addWorksheet("2022", { state: "hidden" });
    TABLE.forEach((row, r) => row.forEach((v, c) => v !== null && (old.getCell(r + 1, c + 1).value = (typeof v === "number" ? v + 1 : v) as ExcelJS.CellValue)));
    wb.views = [{ activeTab: 1, x: 0, y: 0, width: 10000, height: 10000, firstSheet: 0, visibility: "visible" }];
    source = path.join(dir, "nguon.xlsx");
    await wb.xlsx.writeFile(source);
    original = await readInput(source);
    const r = await score(source);
    expect(r.code).toBe(0);
    originalUnits = r.units;
  });

  it("the source holds what the conversions must keep", () => {
    expect(original.activeSheet).toBe(SHEET);
    expect(essence(original).map((s) => [s.name, s.state, s.hiddenRows, s.hiddenColumns])).toEqual([
      ["Ghi chú", "visible", [], []],
      [SHEET, "visible", [HIDDEN_ROW], [8]],
      ["2022", "hidden", [], []],
    ]);
  });

  it.each(["xlsx", "xls", "ods"] as const)("its .%s reads as the original and scores the same", async (to) => {
    const converted = convert(source, to);
    if (to === "xlsx") {
      // LibreOffice's table part, with no table style (the file exceljs could not read)
      const parts = unzipSync(fs.readFileSync(converted));
      const tables = Object.keys(parts).filter((k) => /^xl\/tables\/[^/]+\.xml$/.test(k));
      expect(tables.length).toBe(1);
      expect(strFromU8(parts[tables[0]])).toContain("BangSoLieu");
    }
    const book = await readInput(converted);
    expect(book.kind).toBe(to);
    expect(book.package !== undefined).toBe(to === "xlsx");
    expect(essence(book)).toEqual(essence(original));
    const r = await score(converted);
    expect({ code: r.code, err: r.code === 0 ? "" : r.err }).toEqual({ code: 0, err: "" });
    expect(r.units).toEqual(originalUnits);
  });
});

describe("openpyxl (absolute relationship targets)", () => {
  const python = fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  // Debian's python3-openpyxl, installed by scripts/setup.sh
  const script = `
import json, sys
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.worksheet.table import Table
rows = json.loads(sys.stdin.read())
wb = Workbook()
ws = wb.active
ws.title = ${JSON.stringify(SHEET)}
for r, row in enumerate(rows, start=1):
    for c, v in enumerate(row, start=1):
        if v is not None:
            ws.cell(row=r, column=c, value=v)
last = len(rows)
ws.add_table(Table(displayName="BangSoLieu", ref=f"A3:G{last}"))
chart = BarChart()
chart.add_data(Reference(ws, min_col=4, min_row=3, max_row=last), titles_from_data=True)
ws.add_chart(chart, "I3")
ws["B4"].comment = Comment("Số liệu đã đối chiếu", "Cán bộ")
wb.save(sys.argv[1])
`;

  it("a table without a style, a chart and a comment: read and scored", async () => {
    const probe = spawnSync(python, ["-c", "import openpyxl"]);
    expect({ openpyxl: probe.status === 0 ? "installed" : probe.stderr.toString() }).toEqual({ openpyxl: "installed" });
    const f = path.join(dir, "openpyxl.xlsx");
    execFileSync(python, ["-c", script, f], { input: JSON.stringify(TABLE), stdio: ["pipe", "pipe", "pipe"] });
    const parts = unzipSync(fs.readFileSync(f));
    const rels = Object.keys(parts).filter((k) => k.endsWith(".rels")).map((k) => strFromU8(parts[k])).join("\n");
    for (const target of ["/xl/tables/table1.xml", "/xl/drawings/drawing1.xml", "/xl/comments/comment1.xml"]) expect(rels).toContain(`Target="${target}"`);
    expect(strFromU8(parts["xl/tables/table1.xml"])).not.toContain("tableStyleInfo");

    const book = await readInput(f);
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([[SHEET, "visible"]]);
    const trimmed = (rows: unknown[][]) =>
      rows.map((r) => {
        const out = Array.from(r, (v) => (v === undefined ? null : v));
        while (out.length && out[out.length - 1] === null) out.pop();
        return out;
      });
    expect(trimmed(book.sheets[0].grid)).toEqual(trimmed(TABLE));
    const r = await score(f);
    expect({ code: r.code, err: r.code === 0 ? "" : r.err }).toEqual({ code: 0, err: "" });
    expect((r.units as unknown[]).length).toBe(TABLE.length - 3);
  });
});
