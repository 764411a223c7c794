/**
 * Test helpers for packages: the parts of a zip, a DVC data sheet added to a user's workbook the way
 * a user's workbook would hold one (a new worksheet part registered in the workbook, its relationships
 * and the content types, every other part left as it is), and comparisons of a copy with its input.
 */
import { unzipSync, zipSync } from "fflate";
import { SaxesParser } from "saxes";
import { hg165Sheet, type SampleCell } from "../../fake-excel/sample-hg165";

/** Every file entry of a zip, uncompressed, by name (folders left out). */
export function parts(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(zip)))) if (!name.endsWith("/")) out.set(name, Buffer.from(data));
  return out;
}

export function text(p: Map<string, Buffer>, name: string): string {
  const b = p.get(name);
  if (!b) throw new Error(`no part ${name}`);
  return b.toString("utf8");
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const col = (c: number) => String.fromCharCode(65 + c);

/** A worksheet part holding `rows` (texts inline), in the Transitional or Strict vocabulary. */
export function sheetXml(rows: SampleCell[][], mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"): string {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (v === null) return "";
          if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
          if (typeof v === "string") return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
          return `<c r="${ref}" t="e"><v>${esc(v.error)}</v></c>`;
        })
        .join("");
      return cells ? `<row r="${r + 1}">${cells}</row>` : "";
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${mainNs}"><sheetData>${body}</sheetData></worksheet>`;
}

/**
 * The workbook with a data sheet added: `xl/worksheets/sheet<N>.xml` (the first free N), a <sheet>
 * at the end of <sheets>, its relationship and its content type. Nothing else changes.
 */
export function addDataSheet(zip: Buffer, name = "Số liệu DVC", rows: SampleCell[][] = hg165Sheet()): Buffer {
  const p = parts(zip);
  const lower = new Set([...p.keys()].map((k) => k.toLowerCase()));
  let n = 1;
  while (lower.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const part = `xl/worksheets/sheet${n}.xml`;
  const wb = text(p, "xl/workbook.xml");
  const rels = text(p, "xl/_rels/workbook.xml.rels");
  const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const rid = `rId${Math.max(0, ...ids) + 1}`;
  const sheetIds = [...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheet = `<sheet name="${esc(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}" r:id="${rid}"/>`;
  const edited: Record<string, Uint8Array> = {};
  for (const [k, v] of p) edited[k] = new Uint8Array(v);
  edited["xl/workbook.xml"] = Buffer.from(wb.replace("</sheets>", sheet + "</sheets>"));
  edited["xl/_rels/workbook.xml.rels"] = Buffer.from(
    rels.replace(
      "</Relationships>",
      `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`,
    ),
  );
  edited["[Content_Types].xml"] = Buffer.from(
    text(p, "[Content_Types].xml").replace(
      "</Types>",
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
  );
  edited[part] = Buffer.from(sheetXml(rows));
  return Buffer.from(zipSync(edited));
}

/** The elements of an XML part as "path attr=value…" strings (attributes sorted), a multiset. */
export function elementSignatures(xml: string, ignoreAttrs: string[] = []): string[] {
  const parser = new SaxesParser({ xmlns: false });
  const stack: string[] = [];
  const out: string[] = [];
  let texts: string[] = [];
  parser.on("opentag", (t) => {
    stack.push(t.name);
    const attrs = Object.entries(t.attributes as Record<string, string>)
      .filter(([k]) => !ignoreAttrs.includes(k))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`);
    out.push(`${stack.join("/")} ${attrs.join(" ")}`);
    texts.push("");
  });
  parser.on("text", (t) => {
    if (texts.length) texts[texts.length - 1] += t;
  });
  parser.on("closetag", () => {
    const t = texts.pop() ?? "";
    if (t.trim()) out.push(`${stack.join("/")} #text=${t}`);
    stack.pop();
  });
  parser.write(xml).close();
  texts = [];
  return out;
}

/** Signatures of `before` missing from `after` (each counted as often as it occurs). */
export function lost(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const s of after) left.set(s, (left.get(s) ?? 0) + 1);
  const out: string[] = [];
  for (const s of before) {
    const n = left.get(s) ?? 0;
    if (n > 0) left.set(s, n - 1);
    else out.push(s);
  }
  return out;
}

/** The index parts, which may only gain: the workbook, its relationships, the content types, the styles, docProps. */
export function isIndexPart(name: string): boolean {
  return /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|docProps\/.*)$/i.test(name);
}

/**
 * What of `input` did not reach `output`: a part missing or changed (compared uncompressed), or an
 * element of an index part lost (the styles collections' count attributes may grow).
 */
export function packageLosses(input: Buffer, output: Buffer): string[] {
  const a = parts(input);
  const b = parts(output);
  const problems: string[] = [];
  for (const [name, data] of a) {
    const other = b.get(name);
    if (!other) problems.push(`missing: ${name}`);
    else if (isIndexPart(name)) {
      const ignore = /styles\.xml$/i.test(name) ? ["count"] : [];
      for (const l of lost(elementSignatures(data.toString("utf8"), ignore), elementSignatures(other.toString("utf8"), ignore))) problems.push(`${name} lost ${l}`);
    } else if (!data.equals(other)) problems.push(`changed: ${name}`);
  }
  return problems;
}

export const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** A small Strict (ISO/IEC 29500 Strict) package, as Excel's "Strict Open XML Spreadsheet" saves one. */
export function strictPackage(): Buffer {
  const u = (s: string) => new Uint8Array(Buffer.from(s));
  return Buffer.from(
    zipSync({
      "[Content_Types].xml": u(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ),
      "_rels/.rels": u(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      "xl/workbook.xml": u(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_R}" conformance="strict">` +
          '<workbookPr dateCompatibility="0"/><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="Số liệu DVC" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>',
      ),
      "xl/_rels/workbook.xml.rels": u(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          '<Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="styles.xml"/></Relationships>',
      ),
      "xl/styles.xml": u(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${STRICT_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
      ),
      "xl/worksheets/sheet1.xml": u(sheetXml(hg165Sheet(), STRICT_MAIN)),
    }),
  );
}
