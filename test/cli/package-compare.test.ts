/**
 * The part-by-part comparison the corpus test relies on (test/e2e/helpers/package.ts): it must see
 * every way a copy can fail to keep its input, and accept what adding our sheets legitimately does.
 */
import JSZip from "jszip";
import { comparePackages, indexLosses, indexParts, packageFaults, readParts, type Parts } from "../e2e/helpers/package";

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB = (sheets: string, calc = `<calcPr calcId="191029"/>`) =>
  `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" mc:Ignorable="x15"><sheets>${sheets}</sheets>${calc}</workbook>`;
const WB_RELS = (extra = "", target = "/xl/worksheets/sheet1.xml") =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/>${extra}</Relationships>`;
const SHEET1 = `<sheet name="Số liệu" sheetId="1" r:id="rId1"/>`;
const OURS = `<sheet name="Kết quả DVC" sheetId="2" r:id="rId9"/>`;
const OUR_REL = `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>`;

function pkg(parts: Record<string, string>): Parts {
  return new Map(Object.entries(parts).map(([k, v]) => [k, Buffer.from(v, "utf8")]));
}

const SHEET_B = `<sheet name="B" sheetId="3" r:id="rId1" state="hidden"/>`;
const input = (over: Record<string, string> = {}) =>
  pkg({ "[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WB(SHEET1), "xl/_rels/workbook.xml.rels": WB_RELS(), "xl/worksheets/sheet1.xml": "<worksheet/>", ...over });

const scored = (over: Record<string, string> = {}) =>
  pkg({
    "[Content_Types].xml": CT.replace("</Types>", `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    "_rels/.rels": ROOT_RELS,
    "xl/workbook.xml": WB(SHEET1 + OURS),
    "xl/_rels/workbook.xml.rels": WB_RELS(OUR_REL),
    "xl/worksheets/sheet1.xml": "<worksheet/>",
    "xl/worksheets/sheet2.xml": "<worksheet/>",
    ...over,
  });

test("a copy that only adds a sheet keeps its input", async () => {
  const r = await comparePackages(input(), scored());
  expect(r.problems).toEqual([]);
  expect(r.added).toEqual(["xl/worksheets/sheet2.xml"]);
  expect(r.gained.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"]);
});

test("a relationship target written relative instead of absolute names the same part", async () => {
  const r = await comparePackages(input(), scored({ "xl/_rels/workbook.xml.rels": WB_RELS(OUR_REL, "worksheets/sheet1.xml") }));
  expect(r.problems).toEqual([]);
});

test("each way of losing something is reported with its part", async () => {
  const cases: [Record<string, string>, RegExp, Record<string, string>?][] = [
    [{ "xl/worksheets/sheet1.xml": "<worksheet><sheetData/></worksheet>" }, /^xl\/worksheets\/sheet1\.xml: changed: 12 → 35 bytes; first difference at byte 10/],
    // our sheet may come anywhere, but the user's sheets keep their order
    [{ "xl/workbook.xml": WB(SHEET_B + OURS + SHEET1) }, /sheet\[2\]\(name="B" sheetId="3"\): moved before an element it followed/, { "xl/workbook.xml": WB(SHEET1 + SHEET_B) }],
    [{ "xl/workbook.xml": WB(SHEET1 + SHEET_B.replace(` state="hidden"`, "") + OURS) }, /sheet\[2\]\(name="B" sheetId="3"\): lost attribute state="hidden"/, { "xl/workbook.xml": WB(SHEET1 + SHEET_B) }],
    [{ "xl/workbook.xml": WB(SHEET1.replace("rId1", "rId4") + OURS) }, /sheet\(name="Số liệu" sheetId="1"\): attribute r:id was "rId1", is "rId4"/],
    [{ "xl/workbook.xml": WB(SHEET1 + OURS).replace(` xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"`, "") }, /lost the namespace declaration xmlns:x15=/],
    [{ "xl/workbook.xml": WB(SHEET1 + OURS, `<calcPr calcId="191029" fullCalcOnLoad="1"/>`) }, /calcPr: the calculation settings were <calcPr calcId="191029"\/>, are <calcPr calcId="191029" fullCalcOnLoad="1"\/>/],
    [{ "xl/_rels/workbook.xml.rels": WB_RELS(OUR_REL).replace(/<Relationship Id="rId1"[^>]*\/>/, "") }, /Relationship\(Id="rId1"\): lost$/],
  ];
  for (const [over, expected, inputOver] of cases) {
    const r = await comparePackages(input(inputOver), scored(over));
    expect(r.problems.map((p) => `${p.part}: ${p.problem}`).join("\n")).toMatch(expected);
  }
  const gone = new Map(scored());
  gone.delete("xl/worksheets/sheet1.xml");
  const r = await comparePackages(input(), gone);
  expect(r.problems).toContainEqual({ part: "xl/worksheets/sheet1.xml", problem: "missing in the copy" });
  expect(r.problems).toContainEqual({ part: "(package)", problem: "xl/_rels/workbook.xml.rels: rId1 points to a part that is not there: /xl/worksheets/sheet1.xml" });
});

test("the styles part's counts may grow, not shrink", async () => {
  const styles = (fonts: number, xfs: number) =>
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="${fonts}"><font/>${"<font><b/></font>".repeat(fonts - 1)}</fonts><cellXfs count="${xfs}">${"<xf/>".repeat(xfs)}</cellXfs></styleSheet>`;
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const index = indexParts(pkg({ "_rels/.rels": ROOT_RELS, "xl/_rels/workbook.xml.rels": rels }));
  expect(index.styles).toBe("xl/styles.xml");
  expect(await indexLosses("xl/styles.xml", Buffer.from(styles(1, 2)), Buffer.from(styles(2, 5)), index)).toEqual([]);
  expect(await indexLosses("xl/styles.xml", Buffer.from(styles(2, 2)), Buffer.from(styles(1, 2)), index)).toEqual([
    `/styleSheet/fonts: attribute count was "2", is "1"`,
    `/styleSheet/fonts/font[2]: lost`,
  ]);
});

test("docProps/app.xml may count the new sheets; other text may not change", async () => {
  const app = (n: number, names: string[]) =>
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((s) => `<vt:lpstr>${s}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`;
  const index = indexParts(pkg({ "_rels/.rels": ROOT_RELS, "docProps/app.xml": "" }));
  expect(await indexLosses("docProps/app.xml", Buffer.from(app(1, ["A"])), Buffer.from(app(2, ["A", "Kết quả DVC"])), index)).toEqual([]);
  expect(await indexLosses("docProps/app.xml", Buffer.from(app(1, ["A"])), Buffer.from(app(2, ["B", "Kết quả DVC"])), index)).toEqual([
    `/Properties/TitlesOfParts/vt:vector/vt:lpstr: text was "A", is "B"`,
  ]);
});

test("the index parts are found through the relationships, whatever their names", () => {
  const p = pkg({
    "_rels/.rels": ROOT_RELS.replace("xl/workbook.xml", "/wb/book.xml") + "",
    "wb/_rels/book.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="look.xml"/></Relationships>`,
  });
  expect([...indexParts(p).parts].sort()).toEqual(["[Content_Types].xml", "_rels/.rels", "wb/_rels/book.xml.rels", "wb/book.xml", "wb/look.xml"]);
  expect(packageFaults(p)).toEqual(["no [Content_Types].xml"]);
});

test("readParts gives the uncompressed bytes of every part, not the folders", async () => {
  const zip = new JSZip();
  zip.file("a/b.xml", "<b/>");
  zip.folder("c");
  const parts = await readParts(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  expect([...parts.keys()]).toEqual(["a/b.xml"]);
  expect(parts.get("a/b.xml")!.toString()).toBe("<b/>");
});
