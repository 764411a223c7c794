/**
 * The writer on packages made for the purpose: what a lossless copy must keep (an external link and
 * the formula through it), Strict packages, a new workbook for a non-.xlsx input, names, our old sheets
 * replaced where they were (with the indexes that point at sheets kept right), a calculation chain that
 * names our old sheets, and the text and numbers our sheets hold.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import type { CellInput } from "../../../src/engine";
import { scoreCommand } from "../../../src/cli/score";
import { writeScoredCopy, type OurSheet } from "../../../src/cli/write";
import { xstring } from "../../../src/cli/write/sheet";
import { findPlan, listPlans } from "../../../src/plans";
import { layoutResults, layoutRules, scoreSheet, WorkbookError, type SheetModel } from "../../../src/workbook";
import { chartSheet } from "../../../src/workflow/chart";
import { hg165Sheet } from "../../fake-excel/sample-hg165";
import { addDataSheet, elementSignatures, packageLosses, parts, STRICT_MAIN, STRICT_R, strictPackage, text } from "./packages";

const ROOT = path.resolve(__dirname, "..", "..", "..");
// the shared corpus, copied unchanged into the repository (its SOURCES.md says where each file is from)
const CORPUS = path.join(ROOT, "test", "cli", "corpus", "shared");
const SAMPLE = path.join(ROOT, "assets", "samples", "hau-giang-2023.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-pkg-"));
let n = 0;
const file = (name: string) => path.join(dir, `${++n}-${name}`);

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await scoreCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const NOW = new Date(2024, 4, 10, 9, 30);
const plan = findPlan("hg-165-2023")!;

/** Our sheets for the hg-165 sample table, as the command builds them. */
function ourSheets(grid: CellInput[][] = hg165Sheet() as CellInput[][], sheet = "Số liệu DVC"): OurSheet[] {
  const scored = scoreSheet(plan, grid, { sheet, engine: {}, plans: listPlans() });
  const rules = layoutRules(plan, { now: NOW, scored, formulas: false });
  const results = layoutResults(scored, plan, { formulas: false, rules, now: NOW });
  const chart = chartSheet(scored.outcome.units)!;
  return [
    { role: "results", model: results },
    { role: "rules", model: rules.sheet },
    { role: "chart", model: chart.model, chart: chart.chart },
  ];
}

/** The cells of a sheet of a copy by name, as exceljs reads them. */
async function exceljsSheet(bytes: Buffer, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

const sheetNames = (p: Map<string, Buffer>) => [...text(p, "xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);

describe("the comparison helper itself", () => {
  it("sees a changed part and an element lost from an index part", () => {
    const input = addDataSheet(fs.readFileSync(SAMPLE));
    const p = unzipSync(new Uint8Array(input));
    p["xl/worksheets/sheet1.xml"] = new Uint8Array(Buffer.from(Buffer.from(p["xl/worksheets/sheet1.xml"]).toString("utf8").replace("<row ", '<row spans="1:1" ')));
    p["xl/workbook.xml"] = new Uint8Array(Buffer.from(Buffer.from(p["xl/workbook.xml"]).toString("utf8").replace(/<sheet [^>]*name="Ghi chú"[^>]*\/>/, "")));
    const losses = packageLosses(input, Buffer.from(zipSync(p)));
    expect(losses).toContain("changed: xl/worksheets/sheet1.xml");
    expect(losses.some((l) => l.startsWith("xl/workbook.xml lost workbook/sheets/sheet ") && l.includes("name=Ghi chú"))).toBe(true);
  });
});

describe("an external link (a WPS workbook)", () => {
  it("keeps the formula through the link and the link's parts: the copy reads as the input does", async () => {
    const input = file("wps.xlsx");
    fs.writeFileSync(input, addDataSheet(fs.readFileSync(path.join(CORPUS, "wps-external-link-cf.xlsx"))));
    const output = file("wps-scored.xlsx");
    const r = await run([input, "--plan", "hg-165", "--quiet", "-o", output]);
    expect(r.code).toBe(0);
    const before = parts(fs.readFileSync(input));
    const after = parts(fs.readFileSync(output));
    expect(text(after, "xl/worksheets/sheet1.xml")).toContain("<f>'[1](0)泰州市金融机构本外币信贷收支合并表'!B8</f>");
    for (const p of ["xl/externalLinks/externalLink1.xml", "xl/externalLinks/_rels/externalLink1.xml.rels", "xl/worksheets/sheet1.xml"]) {
      expect({ p, same: after.get(p)!.equals(before.get(p)!) }).toEqual({ p, same: true });
    }
    expect(text(after, "xl/workbook.xml")).toContain('<externalReferences><externalReference r:id="rId2"/></externalReferences>');
    expect(text(after, "xl/_rels/workbook.xml.rels")).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"');
    expect(text(after, "[Content_Types].xml")).toContain('PartName="/xl/externalLinks/externalLink1.xml"');
  });
});

describe("a Strict package", () => {
  it("gets Strict parts: our sheets, relationships and chart in the Strict vocabulary, every input part kept", async () => {
    const input = strictPackage();
    const output = file("strict-scored.xlsx");
    await writeScoredCopy({ kind: "xlsx", file: file("strict.xlsx"), package: input, sheets: [] }, ourSheets(), output);
    const out = fs.readFileSync(output);
    expect(packageLosses(input, out)).toEqual([]);
    const p = parts(out);
    expect(sheetNames(p)).toEqual(["Số liệu DVC", "Kết quả DVC", "Quy tắc DVC", "Biểu đồ DVC"]);
    const rels = text(p, "xl/_rels/workbook.xml.rels");
    expect(rels.match(/relationships\/worksheet"/g)).toHaveLength(4);
    expect(rels).not.toContain("schemas.openxmlformats.org/officeDocument/2006/relationships/");
    for (const n of [2, 3, 4]) expect(text(p, `xl/worksheets/sheet${n}.xml`)).toContain(`<worksheet xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_R}">`);
    expect(text(p, "xl/charts/chart1.xml")).toContain('xmlns:c="http://purl.oclc.org/ooxml/drawingml/chart"');
    expect(text(p, "xl/worksheets/_rels/sheet4.xml.rels")).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/drawing"');
  });
});

describe("a workbook that is not an .xlsx package (CSV, .xls, .ods)", () => {
  it("becomes a new .xlsx: the user's sheets as values where they were, dates as dates, hidden rows, columns and sheets as they were", async () => {
    const grid = hg165Sheet() as CellInput[][];
    const withDate = grid.map((r, i) => (i === 0 ? [...r, new Date(Date.UTC(2023, 11, 31))] : r));
    const output = file("from-ods.xlsx");
    const { notes } = await writeScoredCopy(
      {
        kind: "ods",
        file: file("book.ods"),
        sheets: [
          { name: "Ghi chú", grid: [["ghi chú", 1, true]], state: "veryHidden" },
          { name: "Số liệu DVC", grid: withDate, hiddenRows: [5], hiddenColumns: [0] },
        ],
        activeSheet: "Số liệu DVC",
      },
      ourSheets(),
      output,
    );
    expect(notes.join("\n")).toContain("Tệp vào là tệp ODS: bản kết quả là một sổ Excel .xlsx mới");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(output) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ghi chú", "Số liệu DVC", "Kết quả DVC", "Quy tắc DVC", "Biểu đồ DVC"]);
    expect(wb.getWorksheet("Ghi chú")!.state).toBe("veryHidden");
    const data = wb.getWorksheet("Số liệu DVC")!;
    expect(data.getCell("H1").value).toEqual(new Date(Date.UTC(2023, 11, 31)));
    expect(data.getCell("B4").value).toBe("Huyện Châu Thành");
    expect(data.getCell("D4").value).toBe(900);
    expect(data.getRow(5).hidden).toBe(true);
    expect(data.getRow(4).hidden).toBe(false);
    expect(data.getColumn(1).hidden).toBe(true);
    expect(wb.views[0].activeTab).toBe(1);
    expect(wb.getWorksheet("Ghi chú")!.getCell("C1").value).toBe(true);
  });
});

describe("names", () => {
  const withName = (sheets: OurSheet[]): OurSheet[] => {
    const rules: SheetModel = { ...sheets[1].model, names: [{ name: "DVC_NGUONG", ref: "'Quy tắc DVC'!$D$8" }] };
    return [sheets[0], { ...sheets[1], model: rules }, sheets[2]];
  };
  const pkgWithName = (ref: string) => {
    const p = unzipSync(new Uint8Array(addDataSheet(fs.readFileSync(SAMPLE))));
    p["xl/workbook.xml"] = new Uint8Array(
      Buffer.from(Buffer.from(p["xl/workbook.xml"]).toString("utf8").replace("</sheets>", `</sheets><definedNames><definedName name="dvc_nguong">${ref}</definedName></definedNames>`)),
    );
    return Buffer.from(zipSync(p));
  };

  it("a sheet's names are written; a name of the user's with the same name is never replaced", async () => {
    const output = file("names.xlsx");
    await expect(
      writeScoredCopy({ kind: "xlsx", file: file("in.xlsx"), package: pkgWithName("'Ghi chú'!$A$1"), sheets: [] }, withName(ourSheets()), output),
    ).rejects.toThrow(WorkbookError);
    expect(fs.existsSync(output)).toBe(false);
  });

  it("a name left pointing at nothing (#REF!) is ours to write again", async () => {
    const output = file("names-ref.xlsx");
    await writeScoredCopy({ kind: "xlsx", file: file("in.xlsx"), package: pkgWithName("#REF!$D$8"), sheets: [] }, withName(ourSheets()), output);
    const names = elementSignatures(text(parts(fs.readFileSync(output)), "xl/workbook.xml")).filter((s) => s.includes("definedName #text"));
    expect(names.filter((s) => s.includes("$D$8"))).toEqual(["workbook/definedNames/definedName #text='Quy tắc DVC'!$D$8"]);
  });
});

/** workbook.xml of a copy with its <sheet> elements put in another order. */
function reorderSheets(bytes: Buffer, order: (names: string[]) => string[], extra = (wb: string) => wb): Buffer {
  const p = unzipSync(new Uint8Array(bytes));
  let wb = Buffer.from(p["xl/workbook.xml"]).toString("utf8");
  const els = [...wb.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
  const byName = new Map(els.map((e) => [/name="([^"]*)"/.exec(e)![1], e]));
  const sheets = wb.slice(wb.indexOf("<sheets>"), wb.indexOf("</sheets>") + 9);
  wb = wb.replace(sheets, `<sheets>${order([...byName.keys()]).map((k) => byName.get(k)!).join("")}</sheets>`);
  p["xl/workbook.xml"] = new Uint8Array(Buffer.from(extra(wb)));
  return Buffer.from(zipSync(p));
}

describe("our sheets of an earlier scoring", () => {
  it("are replaced where they are in the tab order; a stale one goes; indexes into the tabs follow the sheets they name", async () => {
    const first = file("first.xlsx");
    expect((await run([SAMPLE, "--plan", "hg-165", "--quiet", "-o", first])).code).toBe(0);
    // the user moved the results to the front; a stale sheet of ours (of a role this run does not
    // write) sits between the user's sheets; a name is local to "Ghi chú"; the active tab is "Ghi chú"
    const withStale = addDataSheet(fs.readFileSync(first), "Chỉ tiêu DVC", [["bảng chỉ tiêu cũ của DVC"]]);
    const moved = reorderSheets(
      withStale,
      () => ["Kết quả DVC", "Số liệu 2023", "Chỉ tiêu DVC", "Ghi chú", "Quy tắc DVC", "Biểu đồ DVC"],
      (wb) =>
        wb
          .replace("</definedNames>", `<definedName name="DVC_THIDUA_TARGETS">'Chỉ tiêu DVC'!$A$1</definedName><definedName name="GhiChu" localSheetId="3">'Ghi chú'!$A$1</definedName></definedNames>`)
          .replace("<sheets>", '<bookViews><workbookView activeTab="3"/></bookViews><sheets>'),
    );
    const input = file("moved.xlsx");
    fs.writeFileSync(input, moved);
    const output = file("again.xlsx");
    const r = await run([input, "--plan", "hg-165", "--quiet", "-o", output]);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const p = parts(fs.readFileSync(output));
    expect(sheetNames(p)).toEqual(["Kết quả DVC", "Số liệu 2023", "Ghi chú", "Quy tắc DVC", "Biểu đồ DVC"]);
    const wb = text(p, "xl/workbook.xml");
    expect(wb).toContain('<definedName name="GhiChu" localSheetId="2">');
    expect(wb).toContain('<workbookView activeTab="2"/>');
    expect(wb).not.toContain("DVC_THIDUA_TARGETS");
    // the stale sheet's part went with it
    expect([...p.values()].filter((b) => b.toString("utf8").includes("bảng chỉ tiêu cũ"))).toEqual([]);
    expect(packageLosses(moved, fs.readFileSync(output)).filter((l) => !/Kết quả|Quy tắc|Biểu đồ|Chỉ tiêu|DVC_THIDUA|_xlnm\.Print|GhiChu|activeTab|worksheets\/sheet[3-6]|drawing|chart/.test(l))).toEqual([]);
  });

  it("a calculation chain that names one of our old sheets goes (Excel rebuilds it); one that does not stays", async () => {
    const base = addDataSheet(fs.readFileSync(path.join(CORPUS, "excel15-pivot-chart-tables.xlsx")));
    const first = file("chain.xlsx");
    const input = file("chain-in.xlsx");
    fs.writeFileSync(input, base);
    expect((await run([input, "--plan", "hg-165", "--quiet", "-o", first])).code).toBe(0);
    const again = file("chain-again.xlsx");
    expect((await run([first, "--plan", "hg-165", "--quiet", "-o", again])).code).toBe(0);
    expect(parts(fs.readFileSync(again)).get("xl/calcChain.xml")!.equals(parts(base).get("xl/calcChain.xml")!)).toBe(true);

    // as if Excel had saved the copy with a formula of ours in the chain
    const p = unzipSync(new Uint8Array(fs.readFileSync(first)));
    const wb = Buffer.from(p["xl/workbook.xml"]).toString("utf8");
    const resultsId = /<sheet name="Kết quả DVC" sheetId="(\d+)"/.exec(wb)![1];
    p["xl/calcChain.xml"] = new Uint8Array(Buffer.from(Buffer.from(p["xl/calcChain.xml"]).toString("utf8").replace("</calcChain>", `<c r="P5" i="${resultsId}"/></calcChain>`)));
    const edited = file("chain-edited.xlsx");
    fs.writeFileSync(edited, Buffer.from(zipSync(p)));
    const out = file("chain-out.xlsx");
    expect((await run([edited, "--plan", "hg-165", "--quiet", "-o", out])).code).toBe(0);
    const q = parts(fs.readFileSync(out));
    expect(q.has("xl/calcChain.xml")).toBe(false);
    expect(text(q, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(text(q, "[Content_Types].xml")).not.toContain("calcChain");
    // exceljs still opens it, with the pivot table's sheet
    expect((await exceljsSheet(fs.readFileSync(out), "PivotTable")).name).toBe("PivotTable");
  });
});

describe("what our cells hold", () => {
  it("text XML cannot hold is escaped the SpreadsheetML way; a literal _xHHHH_ is kept literal", () => {
    expect(xstring("Xã Hòa An")).toBe("Xã Hòa An");
    expect(xstring("a\u0001b")).toBe("a_x0001_b");
    expect(xstring("dòng 1\r\ndòng 2")).toBe("dòng 1_x000D_\ndòng 2");
    expect(xstring("_x0041_")).toBe("_x005F_x0041_");
    expect(xstring("\uD800x")).toBe("_xD800_x");
    expect(xstring("😀")).toBe("😀");
  });

  it("numbers as written, never -0, nothing for a non-finite one; texts with edge spaces kept; booleans; formulas with results", async () => {
    const model: SheetModel = {
      name: "Kết quả DVC",
      cells: [
        [-0, 1e21, 1e-7, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY],
        ["  lề  ", "<&>", true, false, { formula: "=1+1", result: 2 }, { formula: 'IF(1,"x","")', result: "x" }],
      ],
      conditionalFormats: [],
    };
    const output = file("cells.xlsx");
    await writeScoredCopy({ kind: "xlsx", file: file("in.xlsx"), package: fs.readFileSync(SAMPLE), sheets: [] }, [{ role: "results", model }], output);
    const ws = await exceljsSheet(fs.readFileSync(output), "Kết quả DVC");
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(1, c).value)).toEqual([0, 1e21, 1e-7, 0.1 + 0.2, null, null]);
    expect(ws.getCell("A2").value).toBe("  lề  ");
    expect(ws.getCell("B2").value).toBe("<&>");
    expect(ws.getCell("C2").value).toBe(true);
    expect(ws.getCell("D2").value).toBe(false);
    expect(ws.getCell("E2").value).toEqual({ formula: "1+1", result: 2 });
    expect(ws.getCell("F2").value).toEqual({ formula: 'IF(1,"x","")', result: "x" });
  });
});
