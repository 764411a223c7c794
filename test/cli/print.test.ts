/**
 * What the command line writes for printing the results sheet, read from the file's XML: the page
 * setup, the print area and titles, wrapped headers and row heights, the signature block's merges.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { scoreCommand } from "../../src/cli/score";
import { columnLetter } from "../../src/workbook";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "hau-giang-2023.xlsx");
let dir: string;
let parts: Map<string, string>;
let sheetXml: string;
let resultsIndex: number;
/** the results sheet as exceljs reads it back, for where its texts are */
let ws: ExcelJS.Worksheet;

/** 1-based column and row of the cell holding `text` on the results sheet. */
function find(text: string): { col: number; row: number } {
  let at: { col: number; row: number } | undefined;
  ws.eachRow((row, r) => row.eachCell((c, col) => {
    if (!at && c.value === text) at = { col, row: r };
  }));
  if (!at) throw new Error(`no cell "${text}"`);
  return at;
}

async function score(input: string, output: string): Promise<void> {
  let err = "";
  const code = await scoreCommand([input, "--plan", "hg-165", "-q", "-o", output], { out: () => undefined, err: (s) => (err += s) });
  if (code !== 0) throw new Error(err);
}

async function read(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

function resultsPart(all: Map<string, string>): { xml: string; index: number } {
  const workbook = all.get("xl/workbook.xml")!;
  const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)];
  const index = sheets.findIndex((m) => m[1] === "Kết quả DVC");
  const rels = all.get("xl/_rels/workbook.xml.rels")!;
  const target = new RegExp(`Id="${sheets[index][2]}"[^>]*Target="([^"]*)"`).exec(rels)![1].replace(/^\/?(xl\/)?/, "");
  return { xml: all.get(`xl/${target}`)!, index };
}

const definedNames = (all: Map<string, string>) =>
  [...all.get("xl/workbook.xml")!.matchAll(/<definedName name="([^"]*)"(?: localSheetId="(\d+)")?>([^<]*)<\/definedName>/g)].map((m) => ({
    name: m[1],
    sheet: m[2] === undefined ? null : Number(m[2]),
    ref: m[3].replace(/&apos;/g, "'"),
  }));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-print-"));
  const out = path.join(dir, "scored.xlsx");
  await score(SAMPLE, out);
  parts = await read(out);
  ({ xml: sheetXml, index: resultsIndex } = resultsPart(parts));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  ws = wb.getWorksheet("Kết quả DVC")!;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("A4 (paper code 9), landscape, fit to one page wide and as many tall as needed, narrow margins", () => {
  const setup = /<pageSetup ([^>]*)\/>/.exec(sheetXml)![1];
  expect(setup).toMatch(/paperSize="9"/);
  expect(setup).toMatch(/orientation="landscape"/);
  expect(setup).toMatch(/fitToWidth="1"/);
  expect(setup).toMatch(/fitToHeight="0"/);
  expect(sheetXml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
  expect(sheetXml).toMatch(/<pageMargins left="0.3" right="0.3" top="0.6" bottom="0.6" header="0.3" footer="0.3"\/>/);
});

test("the print area (to the column before the explanation, down past the signatures) and the print titles, as absolute references", () => {
  const explain = find("Giải thích");
  expect(explain.row).toBe(4);
  const signature = find("(Ký, ghi rõ họ tên, đóng dấu)");
  const own = definedNames(parts).filter((n) => n.sheet === resultsIndex);
  expect(own).toEqual([
    { name: "_xlnm.Print_Area", sheet: resultsIndex, ref: `'Kết quả DVC'!$A$1:$${columnLetter(explain.col - 2)}$${signature.row + 4}` },
    { name: "_xlnm.Print_Titles", sheet: resultsIndex, ref: "'Kết quả DVC'!$4:$4" },
  ]);
});

test("the header row wraps, centred, at a set height; the signature block is merged and centred", () => {
  const styles = parts.get("xl/styles.xml")!;
  const xfs = [.../<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)![1].matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/gs)].map((m) => m[0]);
  const header = /<row r="4"([^>]*)>(.*?)<\/row>/s.exec(sheetXml)!;
  expect(header[1]).toMatch(/ht="\d+" customHeight="1"/);
  for (const c of header[2].matchAll(/<c r="([A-Z]+)4" s="(\d+)"/g)) {
    expect({ cell: c[1], xf: xfs[Number(c[2])] }).toEqual({ cell: c[1], xf: expect.stringMatching(/<alignment horizontal="center" vertical="center" wrapText="1"\/>/) });
  }
  // each line of the block is centred over its printed columns, the head's reaching the last one
  const last = columnLetter(find("Giải thích").col - 2);
  const merges = [...sheetXml.matchAll(/<mergeCell ref="([^"]+)"\/>/g)].map((m) => m[1]);
  const head = find("Thủ trưởng đơn vị");
  const dateLine = { col: head.col, row: head.row - 1 };
  expect(ws.getCell(dateLine.row, dateLine.col).value).toMatch(/^…+, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
  for (const at of [dateLine, head, find("(Ký, ghi rõ họ tên, đóng dấu)")]) expect(merges).toContain(`${columnLetter(at.col - 1)}${at.row}:${last}${at.row}`);
  for (const text of ["Người lập biểu", "(Ký, ghi rõ họ tên)"]) expect(merges.some((m) => m.startsWith(`A${find(text).row}:`))).toBe(true);
  expect(merges).toHaveLength(5);
});

test("scoring the scored file again leaves one print area and one set of titles for the results sheet", async () => {
  const again = path.join(dir, "again.xlsx");
  await score(path.join(dir, "scored.xlsx"), again);
  const all = await read(again);
  const names = definedNames(all).filter((n) => n.name.startsWith("_xlnm."));
  expect(names.map((n) => [n.name, n.sheet])).toEqual([
    ["_xlnm.Print_Area", resultsPart(all).index],
    ["_xlnm.Print_Titles", resultsPart(all).index],
  ]);
});
