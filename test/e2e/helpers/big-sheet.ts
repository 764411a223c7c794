/**
 * An .xlsx of Excel's full 1,048,576 rows, written as a zip stream (fflate) row by row, never held
 * whole: a header row and 1,048,575 hg-165 units, a district every 100 rows with its 99 communes,
 * names in the shared-string table as Excel keeps them.
 */
import * as fs from "fs";
import { Zip, ZipDeflate } from "fflate";
import { HG165_HEADER } from "../../fake-excel/sample-hg165";

export const EXCEL_ROWS = 1_048_576;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Unit i (0-based): its name, its district (null for a district) and its four figures. */
function unit(i: number): { name: string; district: string | null; figures: number[] } {
  const d = Math.floor(i / 100);
  const district = `Huyện ${d + 1}`;
  if (i % 100 === 0) return { name: district, district: null, figures: [600 + ((d * 37) % 400), 1000, 7000 + ((d * 211) % 3000), 10000] };
  return { name: `Xã ${d + 1}-${i % 100}`, district, figures: [60 + ((i * 7) % 41), 100, 700 + ((i * 13) % 301), 1000] };
}

/** Writes the workbook to `file`; resolves when the file is closed. */
export function writeBigSheet(file: string, rows = EXCEL_ROWS): Promise<void> {
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on("close", () => resolve());
    out.on("error", reject);
  });
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      out.destroy(err);
      return;
    }
    out.write(Buffer.from(chunk));
    if (final) out.end();
  });
  const part = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(Buffer.from(text, "utf8"), true);
  };
  part(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  part(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  part(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );

  // shared strings: the header's, then each unit's name, then each district's name once
  const strings: string[] = [...HG165_HEADER];
  const districtIndex = new Map<string, number>();
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 1 });
  zip.add(sheet);
  sheet.push(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>` + `<row r="1">${HG165_HEADER.map((_, c) => `<c t="s"><v>${c}</v></c>`).join("")}</row>`));
  let batch = "";
  for (let i = 0; i < rows - 1; i++) {
    const u = unit(i);
    const nameAt = strings.push(u.name) - 1;
    let districtCell = "";
    if (u.district !== null) {
      let d = districtIndex.get(u.district);
      if (d === undefined) districtIndex.set(u.district, (d = strings.push(u.district) - 1));
      districtCell = `<c t="s"><v>${d}</v></c>`;
    } else districtCell = "<c/>";
    batch += `<row r="${i + 2}"><c><v>${i + 1}</v></c><c t="s"><v>${nameAt}</v></c>${districtCell}${u.figures.map((f) => `<c><v>${f}</v></c>`).join("")}</row>`;
    if (batch.length > 1 << 20) {
      sheet.push(Buffer.from(batch));
      batch = "";
    }
  }
  sheet.push(Buffer.from(batch + "</sheetData></worksheet>"), true);

  const sst = new ZipDeflate("xl/sharedStrings.xml", { level: 1 });
  zip.add(sst);
  sst.push(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">`));
  for (let i = 0; i < strings.length; i += 10_000) sst.push(Buffer.from(strings.slice(i, i + 10_000).map((s) => `<si><t>${esc(s)}</t></si>`).join("")));
  sst.push(Buffer.from("</sst>"), true);
  zip.end();
  return done;
}
