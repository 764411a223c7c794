/**
 * A scored workbook opened by a real client: LibreOffice Calc (headless) reads it, recalculates it,
 * exports every sheet to CSV and renders it to PDF. Needs the CLI built (npm run build).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { colourBands, ensureLibreOffice, exportCsvAllSheets, hexRgb, renderPages, tempDir } from "./helpers/libreoffice";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dvc-thidua.js");
const SAMPLE = path.join(ROOT, "assets", "samples", "hau-giang-2023.xlsx");
const RESULTS = "Kết quả DVC";
const HEADER_ROW = 3; // 0-based: title, note, blank, header

interface JsonUnit {
  unit: string;
  status: string;
  total: number | null;
  rank: number | null;
  prize: number | null;
  points: Record<string, number | null>;
  awardReason: { code: string; text: string } | null;
}

/** The results sheet's status words (STATUS_LABELS): the sheet shows no status code. */
const STATUS_WORDS: Record<string, string> = { scored: "Đã chấm", not_eligible: "Không xét", no_data: "Không có dữ liệu", invalid_input: "Số liệu lỗi" };

function score(args: string[]): JsonUnit[] {
  const out = execFileSync("node", [BIN, "score", ...args, "--json", "-q"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return JSON.parse(out) as JsonUnit[];
}

/** Results rows by unit name: header text → cell text. */
function resultsByUnit(csv: string[][]): Map<string, Record<string, string>> {
  const header = csv[HEADER_ROW];
  const out = new Map<string, Record<string, string>>();
  for (const row of csv.slice(HEADER_ROW + 1)) {
    const rec: Record<string, string> = {};
    header.forEach((h, i) => (rec[h] = row[i] ?? ""));
    if (rec["Đơn vị"]) out.set(rec["Đơn vị"], rec);
  }
  return out;
}

function expectNumber(cell: string, expected: number | null, what: string): void {
  if (expected === null) {
    expect({ what, cell }).toEqual({ what, cell: "" });
    return;
  }
  const v = Number(cell);
  if (!(Math.abs(v - expected) < 1e-9)) throw new Error(`${what}: LibreOffice shows ${cell}, the engine ${expected}`);
}

let dir: string;
beforeAll(() => {
  ensureLibreOffice();
  if (!fs.existsSync(path.join(ROOT, "build", "cli", "cli", "index.js"))) {
    execFileSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  }
  dir = tempDir("dvc-lo-");
});

test("values: every sheet LibreOffice reads equals the input and the engine's results", () => {
  const out = path.join(dir, "values.xlsx");
  const units = score([SAMPLE, "--plan", "hg-165", "-o", out]);
  expect(units).toHaveLength(83);
  const sheets = exportCsvAllSheets(out);
  expect([...sheets.keys()].sort()).toEqual(["Ghi chú", RESULTS, "Quy tắc DVC", "Số liệu 2023"].sort());

  // the input sheets are unchanged: LibreOffice reads the same cells in the original and the scored file
  const original = exportCsvAllSheets(SAMPLE);
  expect(sheets.get("Số liệu 2023")).toEqual(original.get("Số liệu 2023"));
  expect(sheets.get("Ghi chú")).toEqual(original.get("Ghi chú"));

  const rows = resultsByUnit(sheets.get(RESULTS)!);
  expect(rows.size).toBe(83);
  for (const u of units) {
    const r = rows.get(u.unit)!;
    expect(r).toBeDefined();
    expectNumber(r["Tổng điểm"], u.total, `${u.unit} total`);
    expectNumber(r["Điểm hồ sơ trực tuyến"], u.points.online_ratio, `${u.unit} online points`);
    expectNumber(r["Điểm định danh mức 2"], u.points.eid_ratio, `${u.unit} e-ID points`);
    expectNumber(r["Hạng"], u.rank, `${u.unit} rank`);
    expect(r["Trạng thái"]).toBe(STATUS_WORDS[u.status]);
    // why no award, in the words --json gives beside its code
    expect(r["Lý do không được khen thưởng"]).toBe(u.awardReason?.text ?? "");
  }
  // the three district prizes
  const prizes = units.filter((u) => u.prize !== null).map((u) => Number(rows.get(u.unit)!["Tiền thưởng (đồng)"]));
  expect(prizes.sort((a, b) => b - a)).toEqual([20_000_000, 15_000_000, 10_000_000]);
});

test("--formulas: after an input changes, LibreOffice recomputes the engine's points", async () => {
  const scored = path.join(dir, "formulas.xlsx");
  const before = score([SAMPLE, "--plan", "hg-165", "--formulas", "-o", scored]);
  const hoaMy = before.find((u) => u.unit === "Xã Hòa Mỹ")!;
  expect(hoaMy.status).toBe("not_eligible");

  // the same edits on the scored file and on a copy of the input: a commune's online dossiers
  // (it rises above the 70% floor and its district's combined ratio moves) and a district's e-ID count
  const edit = async (file: string, to: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Số liệu 2023")!;
    let changed = 0;
    ws.eachRow((row) => {
      if (row.getCell(2).value === "Xã Hòa Mỹ") {
        row.getCell(5).value = Number(row.getCell(6).value) - 3;
        changed++;
      }
      if (row.getCell(2).value === "Huyện Long Mỹ") {
        row.getCell(7).value = Math.round(Number(row.getCell(8).value) * 0.9);
        changed++;
      }
    });
    expect(changed).toBe(2);
    await wb.xlsx.writeFile(to);
  };
  const changedScored = path.join(dir, "formulas-changed.xlsx");
  const changedInput = path.join(dir, "input-changed.xlsx");
  await edit(scored, changedScored);
  await edit(SAMPLE, changedInput);
  const after = score([changedInput, "--plan", "hg-165", "-o", path.join(dir, "unused.xlsx")]);
  expect(after.find((u) => u.unit === "Xã Hòa Mỹ")!.status).toBe("scored");

  const rows = resultsByUnit(exportCsvAllSheets(changedScored).get(RESULTS)!);
  let differs = 0;
  for (const u of after) {
    const r = rows.get(u.unit)!;
    expectNumber(r["Điểm hồ sơ trực tuyến"], u.points.online_ratio, `${u.unit} online points`);
    expectNumber(r["Điểm định danh mức 2"], u.points.eid_ratio, `${u.unit} e-ID points`);
    expectNumber(r["Tổng điểm"], u.total, `${u.unit} total`);
    const b = before.find((x) => x.unit === u.unit)!;
    if (b.total !== u.total) differs++;
  }
  // the edit really changed scores (Hòa Mỹ, Long Mỹ district, Phụng Hiệp's combined ratio)
  expect(differs).toBeGreaterThanOrEqual(3);
});

test("conditional formatting shows: red and amber on the right rows of the rendered page", async () => {
  // one district and four communes with known outcomes (sorted: district, then communes by rank)
  const input = path.join(dir, "small.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dữ liệu");
  ws.addRows([
    ["Đơn vị", "Cấp", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "TK định danh mức 2", "Số người có CCCD"],
    ["Huyện A", "Huyện", "", 95, 100, 70, 100], // combined online 91,25% full; e-ID 70% < 80% → amber
    ["Xã 1", "Xã", "Huyện A", 100, 100, 95, 100], // full on both → no colour; rank 1
    ["Xã 2", "Xã", "Huyện A", 90, 100, 92, 100], // online 90% < 100% → amber; 94 points, rank 2
    ["Xã 3", "Xã", "Huyện A", 60, 100, 95, 100], // 60% < 70% → not considered → red, last
    ["Xã 4", "Xã", "Huyện A", 100, 100, 80, 100], // e-ID 80% < 90% → amber; 92 points, rank 3
  ]);
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, "small-scored.xlsx");
  const units = score([input, "--plan", "hg-165", "-o", out]);
  expect(units.map((u) => u.unit)).toEqual(["Huyện A", "Xã 1", "Xã 2", "Xã 4", "Xã 3"]);

  // the formatting rules are in the file, referring to the rules sheet's cutoffs
  const check = new ExcelJS.Workbook();
  await check.xlsx.readFile(out);
  const cf = (check.getWorksheet(RESULTS) as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] }).conditionalFormattings;
  expect(cf.length).toBeGreaterThanOrEqual(3);
  expect(cf.some((c) => c.rules.some((r) => r.formulae[0].includes("'Quy tắc DVC'!")))).toBe(true);

  const red = hexRgb("FFC7CE");
  const amber = hexRgb("FFEB9C");
  const pages = renderPages(out);
  const coloured = pages.filter((p) => colourBands(p, red).length || colourBands(p, amber).length);
  expect(coloured).toHaveLength(1); // the results sheet fits one landscape page; the others have no fills
  const page = coloured[0];
  const bands = [
    ...colourBands(page, red).map(([t, b]) => ({ colour: "red", t, b })),
    ...colourBands(page, amber).map(([t, b]) => ({ colour: "amber", t, b })),
  ].sort((x, y) => x.t - y.t);
  // top to bottom: Huyện A amber, Xã 1 plain, Xã 2 + Xã 4 amber (adjacent rows: one band as high as
  // both, printed pages have no gridlines), Xã 3 red
  expect(bands.map((x) => x.colour)).toEqual(["amber", "amber", "red"]);
  const h = (i: number) => bands[i].b - bands[i].t + 1;
  // rows are as tall as their wrapped award or reason: the file's row heights, scaled as the first band
  const results = check.getWorksheet(RESULTS)!;
  const unitRow = (u: string) => {
    let at = 0;
    results.eachRow((row, r) => {
      if (row.getCell(2).value === u) at = r;
    });
    expect(at).toBeGreaterThan(0);
    return results.getRow(at).height || 15;
  };
  const px = h(0) / unitRow("Huyện A");
  expect(h(0)).toBeGreaterThan(3);
  expect(Math.abs(h(1) - (unitRow("Xã 2") + unitRow("Xã 4")) * px)).toBeLessThanOrEqual(3);
  expect(Math.abs(h(2) - unitRow("Xã 3") * px)).toBeLessThanOrEqual(3);
  // one plain row (Xã 1) between the district and Xã 2; the red row right after Xã 4
  expect(Math.abs(bands[1].t - bands[0].b - 1 - unitRow("Xã 1") * px)).toBeLessThanOrEqual(3);
  expect(bands[2].t - bands[1].b).toBeLessThanOrEqual(3);
});
