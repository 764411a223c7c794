/**
 * The command line's reader (src/cli/read) on packages as other producers write them: parts under
 * other names reached through absolute or percent-encoded targets, Strict namespaces, cells exceljs
 * never writes (t="d", inline rich text, phonetic runs, shared formulas saved without a value, rows
 * and cells without references), hidden and very hidden sheets, the active tab, .ods content, .xls,
 * and the files it refuses. Packages are edited or made part by part with fflate.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { readInput, sheetsInSearchOrder, type InputBook } from "../../src/cli/read";
import { runScore, parseScoreArgs, scoreCommand } from "../../src/cli/score";
import { hg165Sheet } from "../fake-excel/sample-hg165";
import type { SampleCell } from "../fake-excel/sample-hg165";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-read-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (name: string, bytes: Uint8Array | Buffer) => {
  const f = path.join(dir, `${++n}-${name}`);
  fs.writeFileSync(f, bytes);
  return f;
};

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const WS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** The sample hg-165 table as exceljs writes it, on a sheet called "Số liệu". */
async function sampleXlsx(edit: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void = () => undefined): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Số liệu");
  hg165Sheet().forEach((row: SampleCell[], r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
  edit(wb, ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Parts = Record<string, string | Uint8Array>;

function unpack(bytes: Uint8Array): Parts {
  const out: Parts = {};
  for (const [k, v] of Object.entries(unzipSync(bytes))) out[k] = k.endsWith(".xml") || k.endsWith(".rels") ? strFromU8(v) : v;
  return out;
}

function pack(parts: Parts): Buffer {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(parts)) z[k] = typeof v === "string" ? strToU8(v) : v;
  return Buffer.from(zipSync(z));
}

/** A minimal package: the given sheets (name, part XML, state), shared strings and styles if given. */
function makePackage(opts: {
  sheets: { name: string; xml: string; state?: string; chart?: boolean }[];
  strings?: string;
  styles?: string;
  workbookExtra?: string;
  workbookPr?: string;
}): Buffer {
  const parts: Parts = {};
  const overrides = [`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`];
  const rels: string[] = [];
  const sheets: string[] = [];
  opts.sheets.forEach((s, i) => {
    const partName = s.chart ? `xl/chartsheets/sheet${i + 1}.xml` : `xl/worksheets/sheet${i + 1}.xml`;
    parts[partName] = s.xml;
    overrides.push(`<Override PartName="/${partName}" ContentType="${s.chart ? "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml" : WS_TYPE}"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${s.chart ? "chartsheet" : "worksheet"}" Target="${partName.slice(3)}"/>`);
    sheets.push(`<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`);
  });
  if (opts.strings) {
    parts["xl/sharedStrings.xml"] = opts.strings;
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (opts.styles) {
    parts["xl/styles.xml"] = opts.styles;
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  parts["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`;
  parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`;
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${opts.workbookPr ?? ""}${opts.workbookExtra ?? ""}` +
    `<sheets>${sheets.join("")}</sheets></workbook>`;
  return pack(parts);
}

const sheetXml = (data: string, after = "") => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData>${after}</worksheet>`;

describe("an .xlsx as exceljs writes it", () => {
  it("reads every kind of value as the engine takes it, merges in their first cell, hidden rows and columns", async () => {
    const bytes = await sampleXlsx((wb, ws) => {
      ws.getCell("I4").value = new Date(Date.UTC(2023, 4, 1));
      ws.getCell("I4").numFmt = "dd/mm/yyyy";
      ws.getCell("J4").value = { formula: "D4/E4", result: 0.9 } as ExcelJS.CellFormulaValue;
      ws.getCell("K4").value = { formula: "D4*2" } as ExcelJS.CellFormulaValue;
      ws.getCell("L4").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
      ws.getCell("M4").value = { richText: [{ text: "Xã " }, { font: { bold: true }, text: "Mới" }] };
      ws.getCell("N4").value = true;
      ws.getCell("I5").value = 1e20;
      ws.getCell("I5").numFmt = "dd/mm/yyyy";
      ws.mergeCells("P1:Q2");
      ws.getCell("P1").value = "gộp";
      ws.getRow(6).hidden = true;
      ws.getColumn(3).hidden = true;
    });
    const book = await readInput(file("exceljs.xlsx", bytes));
    expect(book.kind).toBe("xlsx");
    expect(book.package?.equals(bytes)).toBe(true);
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([["Số liệu", "visible"]]);
    expect(book.activeSheet).toBe("Số liệu");
    const s = book.sheets[0];
    const expected = hg165Sheet().map((r) => r.map((v) => (v === null ? undefined : v)));
    for (let r = 0; r < expected.length; r++) expect(s.grid[r].slice(0, 7)).toEqual(expected[r]);
    expect(s.grid[3].slice(8, 14)).toEqual([
      new Date(Date.UTC(2023, 4, 1)),
      0.9,
      { error: "=D4*2 (công thức chưa được tính, chưa có giá trị)" },
      { error: "#DIV/0!" },
      "Xã Mới",
      true,
    ]);
    expect(s.grid[4][8]).toEqual({ error: "#### (ô định dạng ngày chứa một số ngoài khoảng ngày của Excel)" });
    expect(s.grid[0][15]).toBe("gộp");
    expect(16 in s.grid[0]).toBe(false);
    expect(s.hiddenRows).toEqual([6]);
    expect(s.hiddenColumns).toEqual([2]);
  });
});

describe("packages from other producers", () => {
  it("follows absolute, percent-encoded targets to parts of any name and case", async () => {
    const original = await sampleXlsx();
    const parts = unpack(original);
    const before = await readInput(file("plain.xlsx", original));
    // the sheet moved to a part no program would guess, named in another case in the zip
    parts["xl/Data/Bang So Lieu.xml"] = parts["xl/worksheets/sheet1.xml"];
    delete parts["xl/worksheets/sheet1.xml"];
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string)
      .replace(/Target="worksheets\/sheet1\.xml"/, 'Target="/xl/data/bang%20so%20lieu.xml"')
      .replace(/Target="sharedStrings\.xml"/, 'Target="/xl/sharedStrings.xml"')
      .replace(/Target="styles\.xml"/, 'Target="../xl/./styles.xml"');
    parts["[Content_Types].xml"] = (parts["[Content_Types].xml"] as string).replace("/xl/worksheets/sheet1.xml", "/xl/data/bang%20so%20lieu.xml");
    parts["_rels/.rels"] = (parts["_rels/.rels"] as string).replace('Target="xl/workbook.xml"', 'Target="/xl/workbook.xml"');
    const after = await readInput(file("moved.xlsx", pack(parts)));
    expect(after.sheets).toEqual(before.sheets);
    expect(before.sheets[0].grid.length).toBeGreaterThan(5);
  });

  it("reads Strict namespaces (ISO/IEC 29500 Strict) as Transitional", async () => {
    const original = await sampleXlsx();
    const before = await readInput(file("transitional.xlsx", original));
    const parts = unpack(original);
    for (const k of Object.keys(parts)) {
      if (typeof parts[k] !== "string") continue;
      parts[k] = (parts[k] as string)
        .replaceAll("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
        .replaceAll("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships");
    }
    expect(parts["_rels/.rels"]).toContain("http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument");
    const after = await readInput(file("strict.xlsx", pack(parts)));
    expect(after.sheets).toEqual(before.sheets);
  });

  it("reads the cells exceljs never writes", async () => {
    const strings =
      `<sst xmlns="${MAIN}"><si><t>Đơn vị</t></si><si><r><t xml:space="preserve">Xã </t></r><r><rPr><b/></rPr><t>Hòa_x000D_An</t></r>` +
      `<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t>_x005F_x0041_</t></si></sst>`;
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-42A]dd/mm/yyyy;@"/></numFmts>` +
      `<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
    const xml = sheetXml(
      // rows and cells without references follow on from the last one
      `<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>` +
        `<row r="3"><c r="B3" t="d"><v>2023-05-01T00:00:00</v></c><c s="1"><v>45047</v></c><c s="2"><v>0</v></c><c s="3"><v>0.5</v></c></row>` +
        `<row><c r="A4" t="inlineStr"><is><r><t>Thị </t></r><r><t>trấn</t></r></is></c>` +
        `<c r="B4"><f t="shared" ref="B4:B5" si="0">A1*2</f></c><c r="C4" t="str"><f>IF(1,"","x")</f><v></v></c><c r="D4" t="e"><f>NA()</f><v>#N/A</v></c></row>` +
        `<row r="5"><c r="B5"><f t="shared" si="0"/></c><c r="C5" s="3"/><c r="D5"><v></v></c></row>`,
      `<mergeCells count="1"><mergeCell ref="E1:F1"/></mergeCells>`,
    );
    const book = await readInput(file("odd-cells.xlsx", makePackage({ sheets: [{ name: "S", xml }], strings, styles, workbookPr: '<workbookPr date1904="1"/>' })));
    const g = book.sheets[0].grid;
    expect(g[0]).toEqual(["Đơn vị", "Xã Hòa\rAn", "_x0041_"]);
    expect(g[1]).toEqual([]);
    // t="d" is an instant as written; serials count from 1904 in a 1904 workbook
    expect(g[2]).toEqual([undefined, new Date(Date.UTC(2023, 4, 1)), new Date(Date.UTC(2027, 4, 2)), new Date(Date.UTC(1904, 0, 1)), 0.5]);
    expect(g[3]).toEqual(["Thị trấn", { error: "=A1*2 (công thức chưa được tính, chưa có giá trị)" }, "", { error: "#N/A" }]);
    // the shared formula's copy has no text of its own: the message names its master cell
    expect(g[4]).toEqual([undefined, { error: "=B4 (công thức chưa được tính, chưa có giá trị)" }]);
    expect(g.length).toBe(5);
  });

  it("tells hidden and very hidden sheets, leaves chartsheets out and finds the active tab", async () => {
    const one = sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`);
    const chart = `<chartsheet xmlns="${MAIN}"/>`;
    const sheets = [
      { name: "Cũ", xml: one, state: "hidden" },
      { name: "Biểu đồ", xml: chart, chart: true },
      { name: "Mật", xml: one, state: "veryHidden" },
      { name: "Số liệu", xml: one },
    ];
    const at = async (tab: number) =>
      readInput(file(`tab${tab}.xlsx`, makePackage({ sheets, workbookExtra: `<bookViews><workbookView activeTab="${tab}"/><workbookView activeTab="0"/></bookViews>` })));
    const book = await at(3);
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([["Cũ", "hidden"], ["Mật", "veryHidden"], ["Số liệu", "visible"]]);
    expect(book.activeSheet).toBe("Số liệu");
    // the active tab counts the chartsheet; a chartsheet is no sheet to score
    expect((await at(1)).activeSheet).toBeNull();
    expect((await at(2)).activeSheet).toBe("Mật");
    expect(sheetsInSearchOrder(book).map((s) => s.name)).toEqual(["Số liệu", "Cũ", "Mật"]);
  });

  it("tolerates a namespace prefix used without its declaration, as Excel does", async () => {
    const xml = sheetXml(`<row r="1" x14ac:dyDescent="0.25"><c r="A1"><v>7</v></c></row>`);
    const book = await readInput(file("unbound.xlsx", makePackage({ sheets: [{ name: "S", xml }], workbookExtra: '<fileVersion xr:revisionPtr="{0}"/>' })));
    expect(book.sheets[0].grid).toEqual([[7]]);
  });

  it("reads only the sheet --sheet names (exactly, else ignoring case)", async () => {
    const one = (v: number) => sheetXml(`<row r="1"><c r="A1"><v>${v}</v></c></row>`);
    const f = file("two.xlsx", makePackage({ sheets: [{ name: "A", xml: one(1) }, { name: "Số Liệu", xml: one(2) }] }));
    const book = await readInput(f, { sheet: "số liệu" });
    expect(book.sheets).toEqual([
      { name: "A", grid: [], hiddenRows: [], hiddenColumns: [], state: "visible", unread: true },
      { name: "Số Liệu", grid: [[2]], hiddenRows: [], hiddenColumns: [], state: "visible" },
    ]);
  });
});

describe("files it refuses, and why", () => {
  const expectRefused = async (bytes: Buffer, name: string, phrase: RegExp) => {
    const f = file(name, bytes);
    let err = "";
    const code = await scoreCommand([f, "--plan", "hg-165", "--json"], { out: () => undefined, err: (s) => (err += s) });
    expect({ code, phrase: phrase.test(err) }).toEqual({ code: 2, phrase: true });
  };
  it("a binary workbook (.xlsb), a Word document, a package with no workbook, a shared string that is not there", async () => {
    const base = unpack(await sampleXlsx());
    const xlsb = { ...base, "[Content_Types].xml": (base["[Content_Types].xml"] as string).replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.binary.macroEnabled.main") };
    await expectRefused(pack(xlsb), "b.xlsx", /\.xlsb/);
    const docx = { ...base, "[Content_Types].xml": (base["[Content_Types].xml"] as string).replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml") };
    await expectRefused(pack(docx), "w.xlsx", /không phải sổ làm việc Excel/);
    const none = { ...base };
    delete none["_rels/.rels"];
    await expectRefused(pack(none), "n.xlsx", /bị hỏng.*không tìm thấy phần sổ làm việc/);
    const badIndex = makePackage({ sheets: [{ name: "S", xml: sheetXml(`<row r="1"><c r="A1" t="s"><v>7</v></c></row>`) }], strings: `<sst xmlns="${MAIN}"><si><t>a</t></si></sst>` });
    await expectRefused(badIndex, "s.xlsx", /bị hỏng.*ô A1 của trang "S" trỏ tới chuỗi số 7/);
    const badXml = makePackage({ sheets: [{ name: "S", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></row>`) }] });
    await expectRefused(badXml, "x.xlsx", /bị hỏng/);
  });
});

describe("sheet choice", () => {
  /** A workbook of sheets holding the sample table (or a note), some hidden, one active. */
  async function workbook(sheets: { name: string; table: boolean; state?: ExcelJS.WorksheetState }[], activeTab: number): Promise<string> {
    const wb = new ExcelJS.Workbook();
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name, { state: s.state ?? "visible" });
      if (s.table) hg165Sheet().forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
      else ws.getCell("A1").value = "Ghi chú";
    }
    wb.views = [{ activeTab, x: 0, y: 0, width: 10000, height: 10000, firstSheet: 0, visibility: "visible" }];
    return file("choice.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
  }
  async function scoredSheet(f: string) {
    let err = "";
    const run = await runScore(await parseScoreArgs([f, "--plan", "hg-165", "--json"]), { out: () => undefined, err: (s) => (err += s) });
    expect(run.code).toBe(0);
    return { sheet: run.scored!.outcome.units.length ? /trang "([^"]+)"/.exec(err)![1] : null, err };
  }
  it("the active sheet first, then the visible ones in order; a hidden copy of last year's table is not taken", async () => {
    const hiddenFirst = await workbook([{ name: "2022", table: true, state: "hidden" }, { name: "Ghi chú", table: false }, { name: "2023", table: true }], 1);
    expect((await scoredSheet(hiddenFirst)).sheet).toBe("2023");
    const activeSecond = await workbook([{ name: "Huyện A", table: true }, { name: "Huyện B", table: true }], 1);
    expect((await scoredSheet(activeSecond)).sheet).toBe("Huyện B");
  });
  it("a hidden sheet is scored only when no visible one holds the table, and the command says so", async () => {
    const onlyHidden = await workbook([{ name: "Ghi chú", table: false }, { name: "Số liệu", table: true, state: "hidden" }], 0);
    const r = await scoredSheet(onlyHidden);
    expect(r.sheet).toBe("Số liệu");
    expect(r.err).toContain(`Trang "Số liệu" đang ẩn (không trang nào đang hiện có bảng số liệu)`);
  });
  it("knows the sheets it wrote before, by their markers, and never takes them for the table", async () => {
    const input = await workbook([{ name: "Số liệu", table: true }], 0);
    const output = path.join(dir, "scored.xlsx");
    const first = await runScore(await parseScoreArgs([input, "--plan", "hg-165", "-q", "-o", output]), { out: () => undefined, err: () => undefined });
    expect(first.code).toBe(0);
    const book = await readInput(output);
    expect(book.ownSheets).toEqual([{ role: "results", name: "Kết quả DVC" }, { role: "rules", name: "Quy tắc DVC" }, { role: "chart", name: "Biểu đồ DVC" }]);
    expect(book.sheets.map((s) => s.name)).toEqual(["Số liệu", "Kết quả DVC", "Quy tắc DVC", "Biểu đồ DVC"]);
  });
});

describe(".ods and .xls", () => {
  const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  const TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  const TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  const STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
  const CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

  it("an .ods: typed cells, repeats, merges, comments left out, hidden rows, columns and sheets, the active sheet", async () => {
    // prefixes other than LibreOffice's: the namespaces decide
    const content =
      `<?xml version="1.0" encoding="UTF-8"?><o:document-content xmlns:o="${OFFICE}" xmlns:t="${TABLE}" xmlns:x="${TEXT}" xmlns:s="${STYLE}" xmlns:ce="${CALCEXT}">` +
      `<o:automatic-styles><s:style s:name="ta1" s:family="table"><s:table-properties t:display="true"/></s:style>` +
      `<s:style s:name="ta2" s:family="table"><s:table-properties t:display="false"/></s:style></o:automatic-styles>` +
      `<o:body><o:spreadsheet><t:table t:name="Số liệu" t:style-name="ta1">` +
      `<t:table-column t:number-columns-repeated="2"/><t:table-column t:visibility="collapse"/><t:table-column t:number-columns-repeated="16381"/>` +
      `<t:table-row><t:table-cell o:value-type="string" t:number-columns-spanned="2"><x:p>Tiêu đề</x:p></t:table-cell><t:covered-table-cell o:value-type="string"><x:p>ẩn dưới ô gộp</x:p></t:covered-table-cell></t:table-row>` +
      `<t:table-row t:number-rows-repeated="2"><t:table-cell t:number-columns-repeated="1024"/></t:table-row>` +
      `<t:table-row t:visibility="collapse"><t:table-cell o:value-type="float" o:value="90"><x:p>90</x:p></t:table-cell>` +
      `<t:table-cell o:value-type="percentage" o:value="0.25" t:number-columns-repeated="2"><x:p>25%</x:p></t:table-cell>` +
      `<t:table-cell o:value-type="date" o:date-value="2023-05-01"><x:p>01/05/2023</x:p></t:table-cell>` +
      `<t:table-cell o:value-type="boolean" o:boolean-value="true"><x:p>TRUE</x:p></t:table-cell>` +
      `<t:table-cell t:formula="of:=1/0" o:value-type="float" o:value="0" ce:value-type="error"><x:p>#DIV/0!</x:p></t:table-cell>` +
      `<t:table-cell o:value-type="string"><o:annotation><x:p>ghi chú</x:p></o:annotation><x:p>Xã<x:s x:c="2"/>A</x:p><x:p>dòng 2</x:p></t:table-cell>` +
      `<t:table-cell t:formula="of:=[.A4]*2"/></t:table-row>` +
      `<t:table-row t:number-rows-repeated="1048570"><t:table-cell/></t:table-row></t:table>` +
      `<t:table t:name="Cũ" t:style-name="ta2"><t:table-row><t:table-cell o:value-type="float" o:value="1"/></t:table-row></t:table>` +
      `</o:spreadsheet></o:body></o:document-content>`;
    const settings =
      `<?xml version="1.0" encoding="UTF-8"?><office:document-settings xmlns:office="${OFFICE}" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><office:settings>` +
      `<config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>` +
      `<config:config-item config:name="ActiveTable" config:type="string">Cũ</config:config-item></config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>`;
    const bytes = Buffer.from(
      zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8(content), "settings.xml": strToU8(settings) }),
    );
    const book = await readInput(file("lo.ods", bytes));
    expect(book.kind).toBe("ods");
    expect(book.package).toBeUndefined();
    expect(book.activeSheet).toBe("Cũ");
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([["Số liệu", "visible"], ["Cũ", "hidden"]]);
    const s = book.sheets[0];
    expect(s.grid).toEqual([
      ["Tiêu đề"],
      [],
      [],
      [90, 0.25, 0.25, new Date(Date.UTC(2023, 4, 1)), true, { error: "#DIV/0!" }, "Xã  A\ndòng 2", { error: "=[.A4]*2 (công thức chưa được tính, chưa có giá trị)" }],
    ]);
    expect(s.hiddenRows).toEqual([4]);
    expect(s.hiddenColumns).toEqual([2]);
    // the title spans two columns: its covered cell is blank, and the area is passed on
    expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }]);
  });

  // LibreOffice's own files (test/cli/fixtures/make-merged-down.js says how they were made)
  it.each(["ods", "xls"])("a LibreOffice .%s with names merged down: the merged areas are passed on, every commune has its district", async (ext) => {
    const input = path.join(__dirname, "fixtures", `merged-down.${ext}`);
    const book = await readInput(input);
    const merges = book.sheets[0].merges ?? [];
    for (const m of [{ r0: 0, c0: 0, r1: 0, c1: 7 }, { r0: 4, c0: 2, r1: 6, c1: 2 }, { r0: 4, c0: 3, r1: 6, c1: 3 }, { r0: 8, c0: 2, r1: 10, c1: 2 }, { r0: 8, c0: 3, r1: 10, c1: 3 }]) {
      expect(merges).toContainEqual(m);
    }
    let json = "";
    const code = await scoreCommand([input, "--plan", "hg-165", "--json", "-q"], { out: (t) => (json += t), err: () => undefined });
    expect(code).toBe(0);
    const units = JSON.parse(json) as { unit: string; level: string; group: string | null; total: number | null }[];
    const u = (name: string) => units.find((x) => x.unit === name)!;
    expect([u("Thị trấn Ngã Sáu"), u("Xã Phú Hữu")].map((x) => [x.level, x.group])).toEqual([["xa", "Huyện Châu Thành"], ["xa", "Huyện Châu Thành"]]);
    expect([u("Xã Phương Bình"), u("Xã Tân Bình")].map((x) => [x.level, x.group])).toEqual([["xa", "Huyện Phụng Hiệp"], ["xa", "Huyện Phụng Hiệp"]]);
    // the district's mean takes its three communes: (90% + mean(95%, 80%, 90%)) / 2 → 53.5 + 40
    expect(u("Huyện Châu Thành").total).toBeCloseTo(93.5, 9);
  });

  // hidden rows and columns of an .xls: SheetJS writes none, LibreOffice's are read in test/e2e/read-producers.e2e.test.ts
  it("an .xls (BIFF8): values, dates by their format, hidden sheets", async () => {
    const ws = XLSX.utils.aoa_to_sheet([["Đơn vị", "a", "Ngày"], ["Xã A", 90, 45047], ["Xã B", { t: "e", v: 0x07 } as unknown as number, null]]);
    ws["C2"].z = "dd/mm/yyyy";
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "Số liệu");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[1]]), "Cũ");
    wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
    const bytes = XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer;
    const book: InputBook = await readInput(file("old.xls", bytes));
    expect(book.kind).toBe("xls");
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([["Số liệu", "visible"], ["Cũ", "hidden"]]);
    expect(book.sheets[0].grid).toEqual([["Đơn vị", "a", "Ngày"], ["Xã A", 90, new Date(Date.UTC(2023, 4, 1))], ["Xã B", { error: "#DIV/0!" }]]);
  });
});

describe("CSV files that other tools left uneven", () => {
  const HEADER = "Đơn vị,Cấp,Huyện,Số hồ sơ trực tuyến,Tổng số hồ sơ phát sinh,Số tài khoản định danh mức 2 đã kích hoạt,Số người có CCCD";
  const ROWS = [
    "Huyện Châu Thành,Huyện,,900,1000,8500,10000",
    "Xã Đông Phước,Xã,Huyện Châu Thành,95,100,9000,10000",
    "Thị trấn Ngã Sáu,Xã,Huyện Châu Thành,80,100,950,1000",
    "Xã Phú Hữu,Xã,Huyện Châu Thành,90,100,920,1000",
  ];

  it.each([
    ["CRLF then LF", ["\r\n", "\n", "\r\n", "\n", "\n"]],
    ["LF then CRLF", ["\n", "\r\n", "\n", "\r\n", "\r\n"]],
    ["a lone CR among them", ["\r\n", "\r", "\n", "\r\n", "\n"]],
  ])("lines ending in mixed ways (%s): every row is its own record", async (_what, ends) => {
    const text = [HEADER, ...ROWS].map((l, i) => l + ends[i]).join("");
    const book = await readInput(file("mixed.csv", Buffer.from(text, "utf8")));
    const grid = book.sheets[0].grid;
    expect(grid.map((r) => r[0])).toEqual(["Đơn vị", ...ROWS.map((l) => l.split(",")[0])]);
    expect(grid.map((r) => r.length)).toEqual([7, 7, 7, 7, 7]);
  });

  it("one bad UTF-8 byte names its line and character, not the whole file", async () => {
    const good = Buffer.from([HEADER, ROWS[0], ROWS[1]].join("\r\n") + "\r\n", "utf8");
    const bad = Buffer.concat([good, Buffer.from("Xã Ph", "utf8"), Buffer.from([0xfa]), Buffer.from(" Hữu,Xã,Huyện Châu Thành,90,100,920,1000\r\n", "utf8")]);
    let err = "";
    const code = await scoreCommand([file("bad-byte.csv", bad), "--plan", "hg-165", "--json"], { out: () => undefined, err: (s) => (err += s) });
    expect(code).toBe(2);
    expect(err).toMatch(/\(0xFA\) ở dòng 4, ký tự thứ 6/);
  });

  it.each([
    ["an .xlsx", "xlsx"],
    ["an .xls", "xls"],
  ])("%s renamed .csv is read as the workbook it is, and said so", async (_what, kind) => {
    let wbBytes: Buffer;
    if (kind === "xlsx") wbBytes = await sampleXlsx();
    else {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(hg165Sheet() as unknown[][]), "Số liệu");
      wbBytes = XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer;
    }
    const f = file("renamed.csv", wbBytes);
    const book = await readInput(f);
    expect(book.kind).toBe(kind);
    expect(book.notes?.join("\n")).toContain(`mang đuôi .csv nhưng thật ra là sổ làm việc .${kind}`);
    let err = "";
    const code = await scoreCommand([f, "--plan", "hg-165", "--json"], { out: () => undefined, err: (s) => (err += s) });
    expect(code).toBe(0);
    expect(err).not.toMatch(/UTF-8|--encoding/);
  });
});

describe("a workbook of many sheets, the table on the last", () => {
  const rowsXml = (rows: (string | number)[][]) =>
    sheetXml(
      rows
        .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => {
          const ref = String.fromCharCode(65 + c) + (i + 1);
          return typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
        }).join("")}</row>`)
        .join(""),
    );
  const filler = rowsXml(Array.from({ length: 500 }, (_, i) => (i === 0 ? ["Báo cáo", "Ghi chú"] : [i, i * 2, "ghi chú"])));
  const table = rowsXml(hg165Sheet().filter((r) => r.length).map((r) => r.map((v) => (v === null ? "" : (v as string | number)))));

  it("reads each sheet's first rows only, until one holds the table; only that one is read in full", async () => {
    const sheets = [...Array.from({ length: 5 }, (_, i) => ({ name: `Cũ ${i + 1}`, xml: filler })), { name: "Số liệu", xml: table }];
    const f = file("many.xlsx", makePackage({ sheets }));
    const seen: [string, number][] = [];
    const book = await readInput(f, {
      holdsTable: (grid, name) => {
        seen.push([name, grid.length]);
        return name === "Số liệu";
      },
    });
    expect(seen.map(([n]) => n)).toEqual(["Cũ 1", "Cũ 2", "Cũ 3", "Cũ 4", "Cũ 5", "Số liệu"]);
    // a head is at most the rows the header is looked for in, and a few more
    for (const [, rows] of seen) expect(rows).toBeLessThanOrEqual(110);
    expect(book.sheets.map((s) => [s.name, !!s.unread])).toEqual([...sheets.slice(0, 5).map((s) => [s.name, true]), ["Số liệu", false]]);
    const full = await readInput(f);
    expect(book.sheets[5].grid).toEqual(full.sheets[5].grid);
    expect(full.sheets[0].grid.length).toBe(500);
  });

  it("when no sheet's first rows hold the table, every sheet is read in full as before", async () => {
    const f = file("none.xlsx", makePackage({ sheets: [{ name: "A", xml: filler }, { name: "B", xml: filler }] }));
    const book = await readInput(f, { holdsTable: () => false });
    expect(book.sheets.map((s) => [s.name, s.grid.length, !!s.unread])).toEqual([["A", 500, false], ["B", 500, false]]);
  });

  it("the command scores the table on the last sheet", async () => {
    const f = file("many-score.xlsx", makePackage({ sheets: [{ name: "A", xml: filler }, { name: "B", xml: filler }, { name: "Số liệu", xml: table }] }));
    let err = "";
    let out = "";
    const code = await scoreCommand([f, "--plan", "hg-165", "--json"], { out: (s) => (out += s), err: (s) => (err += s) });
    expect(code).toBe(0);
    expect(err).toContain('trang "Số liệu"');
    expect(JSON.parse(out).length).toBeGreaterThan(0);
  });
});
