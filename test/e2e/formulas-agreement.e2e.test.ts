/**
 * `score --formulas` never contradicts the values it would write without the option: every
 * hard-input case (test/hard-inputs/cases.json) that the command line scores into a workbook is
 * scored twice, with and without --formulas; LibreOffice opens every formulas workbook, recalculates
 * all of it (OOXMLRecalcMode = 0: cached results are not trusted) and exports its sheets as CSV, in
 * one soffice run for all the cases; then each results column a formula or the engine computed —
 * ratios, points, totals, status, rank, awards — is compared with the values workbook, numbers to
 * 1e-9 and text exactly. A source cell a formula cannot read as the engine does is written as a
 * value with a note, so it must agree too, and its note must be there.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { scoreCommand } from "../../src/cli/score";
import { getPlan } from "../../src/plans";
import { RESULTS_HEADER_ROW, RESULTS_SHEET, RULES_SHEET } from "../../src/workbook";
import { allCases, buildSheets, disposition, expectFor, planOf, type HardCase } from "../hard-inputs/cases";
import { inputFile } from "../hard-inputs/files";
import { ensureLibreOffice, exportCsvAllSheetsMany, tempDir } from "./helpers/libreoffice";

const EXPLANATION = "Giải thích";
const quiet = { out: () => undefined, err: () => undefined };

interface Scored {
  c: HardCase;
  values: string;
  formulas: string;
}

const HEADER = ["Đơn vị", "Cấp", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD"];

/**
 * Where the formulas' own arithmetic could part from the engine's, beyond the hard inputs: ratios at
 * a threshold and at the floor by different float routes, within the engine's 1e-9 tolerance and just
 * outside it, a > b, b = 0, a district whose communes all lack data, a district without communes, two
 * districts of one name, and a district of more communes than a formula lists.
 */
function edgeRows(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    // (0.85 + (1 + 0.9) / 2) / 2 is 0.8999999999999999: at the district's 90% only by the tolerance;
    // e-ID 8 / 10 and 27 / 30 exactly at 80% and 90%
    ["Huyện Ngưỡng", "Huyện", null, 85, 100, 8, 10],
    ["Xã Đúng 100%", "Xã", "Huyện Ngưỡng", 100, 100, 9, 10],
    ["Xã Đúng 90%", "Xã", "Huyện Ngưỡng", 90, 100, 27, 30],
    // e-ID 0.8999999995 is within 1e-9 of 90%; 0.899999998 is not
    ["Huyện Biên", "Huyện", null, 95, 100, 7_999_999_999, 10_000_000_000],
    ["Xã Trong dung sai", "Xã", "Huyện Biên", 100, 100, 1_799_999_999, 2_000_000_000],
    ["Xã Ngoài dung sai", "Xã", "Huyện Biên", 100, 100, 899_999_998, 1_000_000_000],
    // the 70% floor: exactly, within the tolerance, below
    ["Xã Sàn 70%", "Xã", "Huyện Biên", 70, 100, 95, 100],
    ["Xã Sàn dung sai", "Xã", "Huyện Biên", 6_999_999_999, 10_000_000_000, 95, 100],
    ["Xã Dưới sàn", "Xã", "Huyện Biên", 69, 100, 95, 100],
    ["Xã a lớn hơn b", "Xã", "Huyện Biên", 120, 100, 91, 100],
    ["Xã Mẫu số 0", "Xã", "Huyện Biên", 0, 0, 91, 100],
    // every commune without data: no mean, the district is not scored
    ["Huyện Thiếu xã", "Huyện", null, 95, 100, 9, 10],
    ["Xã Trống", "Xã", "Huyện Thiếu xã", null, 100, 9, 10],
    ["Xã Chữ", "Xã", "Huyện Thiếu xã", "không có", 100, 9, 10],
    ["Huyện Không xã", "Huyện", null, 95, 100, 9, 10],
    ["Huyện Trùng", "Huyện", null, 80, 100, 9, 10],
    ["Huyện Trùng", "Huyện", null, 90, 100, 9, 10],
    ["Xã Của huyện trùng", "Xã", "Huyện Trùng", 99, 100, 9, 10],
    ["Huyện Đông xã", "Huyện", null, 91, 100, 9, 10],
  ];
  for (let i = 0; i < 260; i++) rows.push([`Xã Số ${i + 1}`, "Xã", "Huyện Đông xã", 70 + (i % 31), 100, 800 + i, 1000]);
  return rows;
}

let dir: string;
const scored: Scored[] = [];
/** formulas workbook → its sheets as LibreOffice recalculated them */
let recalculated: Map<string, Map<string, string[][]>>;

/** Cases the command line writes a workbook for (a large table is read as CSV and written nowhere). */
const writable = allCases().filter((c) => disposition(c, "cli").run && !c.cliCsvNoWrite);

beforeAll(async () => {
  ensureLibreOffice();
  dir = tempDir("dvc-formulas-");
  for (const [i, c] of writable.entries()) {
    const { file } = await inputFile(c, buildSheets(c), dir);
    const args = [file, "--plan", planOf(c)];
    if (c.level) args.push("--level", c.level);
    if (c.date) args.push("--date", c.date);
    args.push(...(c.cliArgs ?? []).filter((a) => a !== "--formulas"));
    // short distinct names: LibreOffice names each CSV after its workbook and sheet
    const values = path.join(dir, c.id, "values.xlsx");
    const formulas = path.join(dir, `f${String(i).padStart(3, "0")}.xlsx`);
    const codeValues = await scoreCommand([...args, "-o", values], quiet);
    const codeFormulas = await scoreCommand([...args, "--formulas", "-o", formulas], quiet);
    expect({ id: c.id, code: codeFormulas }).toEqual({ id: c.id, code: codeValues });
    if (fs.existsSync(values)) {
      expect({ id: c.id, formulas: fs.existsSync(formulas) }).toEqual({ id: c.id, formulas: true });
      scored.push({ c, values, formulas });
    }
  }
  const edges = path.join(dir, "edges.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Số liệu").addRows([HEADER, ...edgeRows()]);
  await wb.xlsx.writeFile(edges);
  const edgeCase = { id: "formula-edges", kind: "thresholds, tolerance, floors, districts", base: "hg165", expect: {} } as HardCase;
  const values = path.join(dir, "edges-values.xlsx");
  const formulas = path.join(dir, `f${String(writable.length).padStart(3, "0")}.xlsx`);
  expect(await scoreCommand([edges, "--plan", "hg-165", "-o", values], quiet)).toBe(0);
  expect(await scoreCommand([edges, "--plan", "hg-165", "--formulas", "-o", formulas], quiet)).toBe(0);
  scored.push({ c: edgeCase, values, formulas });

  recalculated = exportCsvAllSheetsMany(scored.map((s) => s.formulas));
}, 600_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The results sheet of a values workbook as exceljs reads it: rows of plain values from A1. */
async function valuesGrid(file: string): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(RESULTS_SHEET)!;
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const out: ExcelJS.CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (out[col - 1] = cell.value));
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/**
 * The columns of the results sheet that show the plan's inputs: the run of input labels after the
 * unit's four columns (STT, unit, level, district). A target plan repeats an indicator's label as the
 * header of its judged value right after them, so the run ends at the first label seen before.
 */
function inputColumns(header: string[], planId: string, first = 4): Set<number> {
  const labels = new Set(getPlan(planId).inputs.map((d) => d.label));
  const seen = new Set<string>();
  const out = new Set<number>();
  for (let i = first; i < header.length && labels.has(header[i]) && !seen.has(header[i]); i++) {
    seen.add(header[i]);
    out.add(i);
  }
  return out;
}

/** What differs between a cell of the values workbook and LibreOffice's CSV text of the same cell. */
function differs(v: ExcelJS.CellValue, text: string): boolean {
  if (v === null || v === undefined || v === "") return text !== "";
  if (typeof v === "number") {
    if (text === "") return true;
    // a percent-formatted cell is exported as its raw value followed by "%"
    const n = text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
    return !(Math.abs(n - v) <= 1e-9);
  }
  if (typeof v === "boolean") return text !== (v ? "TRUE" : "FALSE");
  if (typeof v === "string") return text !== v;
  return true;
}

test("the command line writes a workbook for every case it scores with exit 0", () => {
  const zero = writable.filter((c) => (expectFor(c, "cli").exit ?? 0) === 0).map((c) => c.id);
  expect(zero.length).toBeGreaterThan(0);
  const written = new Set(scored.map((s) => s.c.id));
  expect(zero.filter((id) => !written.has(id))).toEqual([]);
});

test("after LibreOffice recalculates, every computed results cell of --formulas is the values mode's", async () => {
  const mismatches: string[] = [];
  for (const s of scored) {
    const csv = recalculated.get(s.formulas)?.get(RESULTS_SHEET);
    if (!csv) {
      mismatches.push(`${s.c.id}: LibreOffice exported no "${RESULTS_SHEET}"`);
      continue;
    }
    const grid = await valuesGrid(s.values);
    const header = grid[RESULTS_HEADER_ROW].map((h) => (h === null || h === undefined ? "" : String(h)));
    const inputs = inputColumns(header, planOf(s.c));
    if (csv[RESULTS_HEADER_ROW].join("\u0001") !== header.join("\u0001")) {
      mismatches.push(`${s.c.id}: headers ${JSON.stringify(csv[RESULTS_HEADER_ROW])}, values mode ${JSON.stringify(header)}`);
      continue;
    }
    // the table: the rows under the header up to the first empty one (the signature block follows it)
    const tableEnd = (g: unknown[][]) => {
      const i = g.findIndex((row, k) => k > RESULTS_HEADER_ROW && !row.some((f) => f !== null && f !== undefined && f !== ""));
      return i < 0 ? g.length : i;
    };
    const rows = tableEnd(grid) - RESULTS_HEADER_ROW - 1;
    const csvRows = csv.slice(RESULTS_HEADER_ROW + 1, tableEnd(csv));
    if (csvRows.length !== rows) mismatches.push(`${s.c.id}: ${csvRows.length} rows, values mode ${rows}`);
    for (let r = 0; r < Math.min(rows, csvRows.length); r++) {
      const v = grid[RESULTS_HEADER_ROW + 1 + r];
      header.forEach((h, col) => {
        // the input columns show the source cells (a reference, or the value the engine read)
        if (inputs.has(col)) return;
        const text = csvRows[r][col] ?? "";
        // a value written instead of a formula adds its note after the unit's explanation
        if (h === EXPLANATION) {
          if (typeof v[col] === "string" && !text.startsWith(v[col] as string)) mismatches.push(`${s.c.id} row ${r + 1} "${h}": ${JSON.stringify(text)}`);
          return;
        }
        if (differs(v[col], text)) mismatches.push(`${s.c.id} row ${r + 1} (${v[1]}) "${h}": LibreOffice ${JSON.stringify(text)}, values mode ${JSON.stringify(v[col])}`);
      });
    }
  }
  expect(mismatches).toEqual([]);
});

test("every results input written as a value has its note, on the unit's row and in the rules sheet", async () => {
  let values = 0;
  let formulas = 0;
  const missing: string[] = [];
  for (const s of scored) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(s.formulas);
    const ws = wb.getWorksheet(RESULTS_SHEET)!;
    const header = (ws.getRow(RESULTS_HEADER_ROW + 1).values as ExcelJS.CellValue[]).map((h) => (h === null || h === undefined ? "" : String(h)));
    // exceljs numbers a row's values from 1, as its cells
    const inputs = inputColumns(header, planOf(s.c), 5);
    const kinds = new Map(getPlan(planOf(s.c)).inputs.map((d) => [d.label, d.kind]));
    const explainCol = header.indexOf(EXPLANATION);
    const rules = recalculated.get(s.formulas)?.get(RULES_SHEET) ?? [];
    ws.eachRow((row, r) => {
      if (r <= RESULTS_HEADER_ROW + 1) return;
      const unit = String(row.getCell(2).value);
      for (const col of inputs) {
        const v = row.getCell(col).value;
        if (v !== null && typeof v === "object" && "formula" in v) {
          formulas++;
          continue;
        }
        if (v === null || v === undefined) continue;
        values++;
        const address = row.getCell(col).address;
        const label = header[col];
        if (kinds.get(label) !== "count" && kinds.get(label) !== "ratio") {
          // a date or yes/no column is values throughout: one line of the rules sheet says so
          if (!rules.some((l) => l[0].startsWith("Cột ") && l[2] === label)) missing.push(`${s.c.id} ${address}: column "${label}" not in "${RULES_SHEET}"`);
          continue;
        }
        const note = String(row.getCell(explainCol).value ?? "");
        if (!new RegExp(`\\b${address}\\b`).test(note)) missing.push(`${s.c.id} ${address}: no note on the row ("${note}")`);
        if (!rules.some((l) => l[1] === unit && l[2] === label)) missing.push(`${s.c.id} ${address}: ${unit}, "${label}" not in "${RULES_SHEET}"`);
      }
    });
  }
  expect(missing).toEqual([]);
  // the cases hold both kinds: cells the formulas read, and cells they could not
  expect(formulas).toBeGreaterThan(0);
  expect(values).toBeGreaterThan(0);
});
