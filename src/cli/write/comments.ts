/**
 * Notes on cells (a plan sheet's column headers) as SpreadsheetML writes them: a comments part with
 * the texts (ISO/IEC 29500-1 §18.7), and a VML drawing with one hidden note shape per comment, which
 * Excel needs to show them (without it Excel drops the notes; LibreOffice and exceljs read both).
 */
import type { CellComment } from "../../workbook";
import { CONTENT_TYPE, relativeTarget, type Vocabulary } from "./opc";
import { parseBox, xstring } from "./sheet";
import { element, escapeText } from "./xml";

/** The author the notes are under: Excel shows it as the note's first line. */
const AUTHOR = "DVC Thi đua";

function commentsXml(comments: CellComment[], v: Vocabulary): string {
  const list = comments
    .map((c) => {
      // the text as one run (<r>), as Excel writes it: readers that take runs only (exceljs) read it too
      const t = escapeText(xstring(c.text));
      return element("comment", { ref: c.cell, authorId: 0 }, `<text><r><t xml:space="preserve">${t}</t></r></text>`);
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${v.main}">` +
    `<authors><author>${escapeText(AUTHOR)}</author></authors><commentList>${list}</commentList></comments>`
  );
}

/**
 * The VML of the notes. `block` is the drawing's block of shape ids (o:idmap): ids are
 * _x0000_s<block × 1024 + n>, so each sheet's notes take a block of their own.
 */
function vmlXml(comments: CellComment[], block: number): string {
  const shapes = comments
    .map((c, n) => {
      const b = parseBox(c.cell);
      // the note's frame: from one column right of the cell, a little above it, three columns wide and four rows tall
      const anchor = [b.c0 + 1, 15, Math.max(0, b.r0 - 1), 10, b.c0 + 4, 15, b.r0 + 4, 4].join(", ");
      return (
        `<v:shape id="_x0000_s${block * 1024 + n + 1}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:200pt;height:60pt;z-index:${n + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
        `<v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
        `<x:Row>${b.r0}</x:Row><x:Column>${b.c0}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join("");
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    shapes +
    `</xml>`
  );
}

export interface CommentParts {
  /** the comments and VML parts, with their content types */
  parts: { name: string; contentType: string; data: Buffer }[];
  /** the sheet's relationships to them */
  rels: { id: string; type: string; target: string }[];
  /** the relationship id of the VML drawing, for the sheet's <legacyDrawing> */
  legacyRid: string;
}

/**
 * The parts of a sheet's notes. `names` are the comments and VML part names to use; `rid` gives the
 * sheet's next free relationship ids.
 */
export function commentParts(
  sheetPart: string, comments: CellComment[], v: Vocabulary, names: { comments: string; vml: string }, rid: () => string, block: number,
): CommentParts {
  const commentsRid = rid();
  const vmlRid = rid();
  return {
    parts: [
      { name: names.comments, contentType: CONTENT_TYPE.comments, data: Buffer.from(commentsXml(comments, v), "utf8") },
      { name: names.vml, contentType: CONTENT_TYPE.vml, data: Buffer.from(vmlXml(comments, block), "utf8") },
    ],
    rels: [
      { id: commentsRid, type: v.rel("comments"), target: relativeTarget(sheetPart, names.comments) },
      { id: vmlRid, type: v.rel("vmlDrawing"), target: relativeTarget(sheetPart, names.vml) },
    ],
    legacyRid: vmlRid,
  };
}

export function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels.map((r) => element("Relationship", { Id: r.id, Type: r.type, Target: r.target })).join("") +
    "</Relationships>"
  );
}
