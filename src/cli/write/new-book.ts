/**
 * A new workbook package for an input that is not an .xlsx package (CSV, .xls, .ods): the user's
 * sheets as values, each where it was in the tab order, hidden rows, columns and sheets as they were,
 * dates shown as dates. Our sheets are then added to it exactly as to a user's .xlsx (package.ts).
 * A new workbook of sheets laid out in full (`plan new`'s plan sheet) is made the same way: such a
 * sheet is the user's from the start, not one of ours that a later scoring would replace.
 */
import type { CellInput } from "../../engine";
import { columnLetter, quoteSheet, type SheetModel } from "../../workbook";
import { commentParts, relsXml } from "./comments";
import { CONTENT_TYPE, TRANSITIONAL } from "./opc";
import type { SourcePart } from "./package";
import { parseBox, type SheetSpec } from "./sheet";
import { emptyStyles } from "./styles";
import { element, escapeText } from "./xml";

/** What the writer reads of a user's sheet (the reader's InputSheet). */
export interface UserSheet {
  name: string;
  grid: CellInput[][];
  /** 1-based */
  hiddenRows?: number[];
  /** 0-based */
  hiddenColumns?: number[];
  state?: "visible" | "hidden" | "veryHidden";
  /** the sheet laid out in full (its grid is then model.cells), with its looks, lists and notes */
  model?: SheetModel;
}

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export function newBookParts(sheets: UserSheet[], activeSheet: string | null): SourcePart[] {
  const v = TRANSITIONAL;
  const active = Math.max(0, sheets.findIndex((s) => s.name === activeSheet));
  const sheetParts = sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, sheet: s, rid: `rId${i + 1}` }));
  const stylesRid = `rId${sheets.length + 1}`;
  // the notes of a sheet laid out in full: their parts, and the sheet's relationships to them
  const extra: { name: string; contentType: string; data: Buffer }[] = [];
  const legacy = new Map<number, string>();
  sheetParts.forEach((p, i) => {
    const comments = p.sheet.model?.comments ?? [];
    if (!comments.length) return;
    let n = 0;
    const cp = commentParts(p.name, comments, v, { comments: `xl/comments${i + 1}.xml`, vml: `xl/drawings/vmlDrawing${i + 1}.vml` }, () => `rId${++n}`, i + 1);
    extra.push(...cp.parts, { name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, contentType: "", data: Buffer.from(relsXml(cp.rels), "utf8") });
    legacy.set(i, cp.legacyRid);
  });
  const contentTypes =
    HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    element("Default", { Extension: "rels", ContentType: CONTENT_TYPE.relationships }) +
    element("Default", { Extension: "xml", ContentType: "application/xml" }) +
    element("Override", { PartName: "/xl/workbook.xml", ContentType: CONTENT_TYPE.workbook }) +
    element("Override", { PartName: "/xl/styles.xml", ContentType: CONTENT_TYPE.styles }) +
    sheetParts.map((p) => element("Override", { PartName: "/" + p.name, ContentType: CONTENT_TYPE.worksheet })).join("") +
    extra.filter((p) => p.contentType).map((p) => element("Override", { PartName: "/" + p.name, ContentType: p.contentType })).join("") +
    `</Types>`;
  const rootRels =
    HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    element("Relationship", { Id: "rId1", Type: v.rel("officeDocument"), Target: "xl/workbook.xml" }) +
    `</Relationships>`;
  const workbook =
    HEAD +
    `<workbook xmlns="${v.main}" xmlns:r="${v.r}"><bookViews>${element("workbookView", { activeTab: active || undefined })}</bookViews><sheets>` +
    sheetParts
      .map((p, i) => element("sheet", { name: p.sheet.name, sheetId: i + 1, state: p.sheet.state && p.sheet.state !== "visible" ? p.sheet.state : undefined, "r:id": p.rid }))
      .join("") +
    `</sheets>` +
    printAreas(sheetParts.map((p) => p.sheet)) +
    `</workbook>`;
  const workbookRels =
    HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheetParts.map((p) => element("Relationship", { Id: p.rid, Type: v.rel("worksheet"), Target: p.name.replace(/^xl\//, "") })).join("") +
    element("Relationship", { Id: stylesRid, Type: v.rel("styles"), Target: "styles.xml" }) +
    `</Relationships>`;
  const utf8 = (s: string) => Buffer.from(s, "utf8");
  return [
    { name: "[Content_Types].xml", data: utf8(contentTypes) },
    { name: "_rels/.rels", data: utf8(rootRels) },
    { name: "xl/workbook.xml", data: utf8(workbook) },
    { name: "xl/_rels/workbook.xml.rels", data: utf8(workbookRels) },
    { name: "xl/styles.xml", data: utf8(emptyStyles(v.main)) },
    ...sheetParts.map((p, i) => {
      const sheet: SheetSpec = {
        model: p.sheet.model ?? { name: p.sheet.name, cells: p.sheet.grid, conditionalFormats: [] },
        hiddenRows: p.sheet.hiddenRows,
        hiddenColumns: p.sheet.hiddenColumns,
        selected: i === active,
        legacyDrawingRel: legacy.get(i),
      };
      return { name: p.name, sheet };
    }),
    ...extra.map((p) => ({ name: p.name, data: p.data })),
  ];
}

/** What prints of a sheet laid out in full: its print area, a name local to the sheet (§18.2.5). */
function printAreas(sheets: UserSheet[]): string {
  const names = sheets
    .map((s, i) => {
      const area = s.model?.print?.printArea;
      if (!area) return "";
      const b = parseBox(area);
      const ref = `${quoteSheet(s.name)}!$${columnLetter(b.c0)}$${b.r0 + 1}:$${columnLetter(b.c1)}$${b.r1 + 1}`;
      return element("definedName", { name: "_xlnm.Print_Area", localSheetId: i }, escapeText(ref));
    })
    .join("");
  return names ? `<definedNames>${names}</definedNames>` : "";
}
