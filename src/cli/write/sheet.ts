/**
 * A SheetModel as a worksheet part (SpreadsheetML), produced in chunks of rows so that a sheet of a
 * million rows is never one string. Texts are inline strings (t="inlineStr"): the workbook's shared
 * strings part stays as the user's file had it. Formulas carry their cached results, so a reader that
 * does not recalculate shows the engine's figures, and the workbook needs no recalculation on load.
 */
import type { CellInput } from "../../engine";
import { columnIndex, columnLetter, type SheetModel } from "../../workbook";
import type { CellLook, StyleAdditions } from "./styles";
import { escapeAttr, escapeText } from "./xml";

/** What a cell of ours or of a user's sheet copied as values (a CSV, .xls or .ods input) can hold. */
export type WriterCell = SheetModel["cells"][number][number] | CellInput;

/** A sheet to write: a SheetModel, or a user's sheet as values with what the reader knows of its looks. */
export interface SheetSpec {
  model: Omit<SheetModel, "cells"> & { cells: WriterCell[][] };
  /** 1-based rows hidden in the user's sheet */
  hiddenRows?: number[];
  /** 0-based hidden columns */
  hiddenColumns?: number[];
  /** relationship id of the sheet's drawing (the chart), when it has one */
  drawingRel?: string;
  /** relationship id of the VML drawing of the sheet's notes (model.comments), when it has some */
  legacyDrawingRel?: string;
  /** the tab shown when the workbook opens (a new workbook's) */
  selected?: boolean;
}

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "B2:D84", "$A$1", "A1" → 0-based inclusive box. */
export function parseBox(range: string): Box {
  const parts = range.replace(/\$/g, "").split(":");
  const one = (s: string) => {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(s.trim());
    if (!m) throw new Error(`not an A1 reference: ${range}`);
    return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
  };
  const a = one(parts[0]);
  const b = parts[1] ? one(parts[1]) : a;
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

/** Date format for dates of a user's sheet copied as values (day first, as Vietnamese dates are written). */
export const DATE_FORMAT = "dd/mm/yyyy";

/** Days since 1899-12-30, Excel's serial date (1900 date system, with its phantom 29 February 1900). */
export function excelSerial(d: Date): number {
  const days = d.getTime() / 86_400_000 + 25_569;
  return days < 61 ? days - 1 : days;
}

const PAPER: Record<string, number> = { A4: 9 };

const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);

// characters XML 1.0 cannot hold (and a literal "_xHHHH_", which would read as one) are written the
// way SpreadsheetML escapes them in text, _xHHHH_ (ISO/IEC 29500-1 §22.9.2.19, ST_Xstring); a CR
// too, which an XML parser would turn into a line feed
const NEEDS_XSTRING = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_x[0-9A-Fa-f]{4}_/g;
/** a quick test that lets nearly every text through untouched: no control character, surrogate or "_x" */
const MAYBE_XSTRING = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x/;

export function xstring(s: string): string {
  if (!MAYBE_XSTRING.test(s)) return s;
  return s.replace(NEEDS_XSTRING, (m) =>
    m.length > 1 ? "_x005F" + m : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

const MARKUP = /[&<>]/;

/** A text cell's <is> element; the texts of a results sheet repeat (levels, statuses, districts), so short ones are kept. */
const inlineCache = new Map<string, string>();

function inlineString(s: string): string {
  const hit = inlineCache.get(s);
  if (hit !== undefined) return hit;
  let t = xstring(s);
  if (MARKUP.test(t)) t = escapeText(t);
  const x = /^\s|\s$/.test(s) ? `<is><t xml:space="preserve">${t}</t></is>` : `<is><t>${t}</t></is>`;
  if (s.length <= 64) {
    if (inlineCache.size >= 20_000) inlineCache.clear();
    inlineCache.set(s, x);
  }
  return x;
}

/** A number as SpreadsheetML writes it: shortest round-trip form (xsd:double), never -0. */
function num(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

interface LookRange {
  box: Box;
  look: CellLook;
}

/** Precomputed ` s="N"` attributes (style ids are few). */
const styleAttrs: string[] = [];
function styleAttr(s: number): string {
  return s ? (styleAttrs[s] ??= ` s="${s}"`) : "";
}

/**
 * Pushes the XML of one cell onto `out` (nothing for a blank without a style); `col` and `row` are its
 * letters and number. Pieces are pushed, not concatenated: joining them once per chunk copies each
 * character once, where building a string per cell made the join flatten a rope per cell.
 */
function pushCell(out: string[], col: string, row: string, s: number, v: WriterCell): boolean {
  const st = styleAttr(s);
  if (v === null || v === undefined || v === "") {
    if (!s) return false;
    out.push('<c r="', col, row, '"', st, "/>");
    return true;
  }
  switch (typeof v) {
    case "number":
      if (!Number.isFinite(v)) {
        if (!s) return false;
        out.push('<c r="', col, row, '"', st, "/>");
      } else out.push('<c r="', col, row, '"', st, "><v>", num(v), "</v></c>");
      return true;
    case "string":
      out.push('<c r="', col, row, '"', st, ' t="inlineStr">', inlineString(v), "</c>");
      return true;
    case "boolean":
      out.push('<c r="', col, row, '"', st, ' t="b"><v>', v ? "1" : "0", "</v></c>");
      return true;
  }
  if (v instanceof Date) {
    if (!Number.isFinite(v.getTime())) {
      if (!s) return false;
      out.push('<c r="', col, row, '"', st, "/>");
    } else out.push('<c r="', col, row, '"', st, "><v>", num(excelSerial(v)), "</v></c>");
    return true;
  }
  if ("error" in v) {
    const e = String(v.error);
    if (ERRORS.has(e)) out.push('<c r="', col, row, '"', st, ' t="e"><v>', escapeText(e), "</v></c>");
    else out.push('<c r="', col, row, '"', st, ' t="inlineStr">', inlineString(e), "</c>");
    return true;
  }
  const f = `<f>${escapeText(xstring(v.formula.replace(/^=/, "")))}</f>`;
  const r = v.result;
  if (r === null || r === undefined || (typeof r === "number" && !Number.isFinite(r))) out.push('<c r="', col, row, '"', st, ">", f, "</c>");
  else if (typeof r === "number") out.push('<c r="', col, row, '"', st, ">", f, "<v>", num(r), "</v></c>");
  else if (typeof r === "boolean") out.push('<c r="', col, row, '"', st, ' t="b">', f, "<v>", r ? "1" : "0", "</v></c>");
  else if (ERRORS.has(r)) out.push('<c r="', col, row, '"', st, ' t="e">', f, "<v>", escapeText(r), "</v></c>");
  else out.push('<c r="', col, row, '"', st, ' t="str">', f, "<v>", escapeText(xstring(r)), "</v></c>");
  return true;
}

/** Excel's limits on a validation's message (longer ones make it repair the file). */
const ERROR_TITLE_MAX = 32;
const ERROR_MAX = 225;
/** Excel's limit on an inline list ("a,b,c"), quotes left out. */
export const LIST_MAX = 255;

/** A list validation (§18.3.1.32): a drop-down of the words, another value refused with the message. */
function listValidation(dv: NonNullable<SheetModel["dataValidations"]>[number]): string {
  const inline = dv.values.join(",");
  if (dv.values.some((w) => /[,"]/.test(w)) || inline.length > LIST_MAX) throw new Error(`a list validation Excel cannot hold: ${inline}`);
  const attrs: Record<string, string> = { type: "list", allowBlank: "1", showErrorMessage: "1" };
  if (dv.errorTitle) attrs.errorTitle = dv.errorTitle.slice(0, ERROR_TITLE_MAX);
  if (dv.error) attrs.error = dv.error.slice(0, ERROR_MAX);
  attrs.sqref = dv.range.replace(/\$/g, "");
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeAttr(xstring(v))}"`).join("");
  return `<dataValidation${a}><formula1>${escapeText(`"${inline}"`)}</formula1></dataValidation>`;
}

/**
 * Pieces of XML joined into one chunk. Small chunks are much faster than large ones (measured on a
 * 10,000-row results sheet: 4,000 pieces, about 25 rows, took half the time of 2,000 rows): the strings
 * of a chunk die young, and the joined text stays in the processor's cache while it is encoded.
 */
const PIECES_PER_CHUNK = 4096;

/**
 * A worksheet part to write. Made in two steps: the constructor settles every style the sheet uses
 * (number formats, bold rows, the conditional formats' highlights) with the workbook's styles, so the
 * styles part can be written before the sheet; xml() then makes the part in chunks of rows.
 */
export class SheetWriter {
  private readonly width: number;
  private readonly height: number;
  private readonly rowXfs: Int32Array[];
  /** per row: the style an empty cell keeps (a number format's range, so a figure typed there later shows in it), else 0 */
  private readonly rowEmptyXfs: Int32Array[];
  private readonly dxfs: number[];
  /** the style of a date in a row with no format of ours: [plain row, bold row] */
  private readonly dateXf: [number, number] = [0, 0];
  private readonly bold: Set<number>;

  constructor(private readonly spec: SheetSpec, styles: StyleAdditions) {
    const { model } = spec;
    const looks: LookRange[] = (model.numberFormats ?? []).map((nf) => ({ box: parseBox(nf.range), look: { numFmt: nf.format } }));
    // styles come after the number formats and add to the look a cell has (a number format is kept)
    for (const st of model.styles ?? []) {
      const look: CellLook = {};
      if (st.wrap) look.wrap = true;
      if (st.center) look.center = true;
      if (st.middle) look.middle = true;
      if (st.italic) look.italic = true;
      looks.push({ box: parseBox(st.range), look });
    }
    const bold = new Set(model.boldRows ?? []);
    this.bold = bold;
    let width = 0;
    for (const row of model.cells) if (row && row.length > width) width = row.length;
    let height = model.cells.length;
    for (const l of looks) {
      width = Math.max(width, l.box.c1 + 1);
      height = Math.max(height, l.box.r1 + 1);
    }
    for (const r of Object.keys(model.rowHeights ?? {})) height = Math.max(height, Number(r) + 1);
    this.width = width;
    this.height = height;
    // the style of each column of a row, computed once per distinct set of ranges covering a row
    const perSet = new Map<string, [Int32Array, Int32Array]>();
    this.rowXfs = new Array<Int32Array>(height);
    this.rowEmptyXfs = new Array<Int32Array>(height);
    for (let r = 0; r < height; r++) {
      let key = bold.has(r) ? "b" : "";
      for (let i = 0; i < looks.length; i++) if (looks[i].box.r0 <= r && r <= looks[i].box.r1) key += "," + i;
      let xfs = perSet.get(key);
      if (!xfs) {
        xfs = [new Int32Array(width), new Int32Array(width)];
        for (let c = 0; c < width; c++) {
          const look: CellLook = bold.has(r) ? { bold: true } : {};
          let inRange = false;
          // a later range wins, as a later format applied to the same cells does in Excel
          for (const l of looks) {
            if (l.box.r0 <= r && r <= l.box.r1 && l.box.c0 <= c && c <= l.box.c1) {
              Object.assign(look, l.look);
              inRange = true;
            }
          }
          xfs[0][c] = styles.xf(look);
          xfs[1][c] = inRange ? xfs[0][c] : 0;
        }
        perSet.set(key, xfs);
      }
      this.rowXfs[r] = xfs[0];
      this.rowEmptyXfs[r] = xfs[1];
    }
    // a date (a user's sheet copied as values) with no format of ours is shown as a date
    for (let r = 0; r < height; r++) {
      const row = model.cells[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        if (!(row[c] instanceof Date)) continue;
        const b = bold.has(r) ? 1 : 0;
        if (this.rowXfs[r][c] === 0 && this.dateXf[b] === 0) this.dateXf[b] = styles.xf({ numFmt: DATE_FORMAT, bold: b === 1 });
      }
    }
    this.dxfs = model.conditionalFormats.map((cf) => styles.dxf(cf.style));
  }

  /** The part's XML in chunks (UTF-8). */
  *xml(ns: { main: string; r: string }): Generator<Buffer> {
    const { spec } = this;
    const { model } = spec;
    const letters = Array.from({ length: this.width }, (_, c) => columnLetter(c));
    const hiddenRows = new Set((spec.hiddenRows ?? []).map((r) => r - 1));
    const heights: Record<number, number> = model.rowHeights ?? {};
    const body: string[] = [];
    const flush = (): Buffer => {
      const b = Buffer.from(body.join(""), "utf8");
      body.length = 0;
      return b;
    };

    // no <dimension>: it is optional (§18.3.1.35), and it would hold the head back until every row is made
    let head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.r}">`;
    if (model.print?.fitToWidth) head += `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
    head += `<sheetViews><sheetView${spec.selected ? ' tabSelected="1"' : ""} workbookViewId="0">`;
    if (model.freezeRows) {
      const top = `A${model.freezeRows + 1}`;
      head += `<pane ySplit="${model.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`;
    }
    head += `</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`;
    const widths = model.columnWidths ?? [];
    const hiddenCols = new Set(spec.hiddenColumns ?? []);
    let colCount = widths.length;
    for (const c of hiddenCols) colCount = Math.max(colCount, c + 1);
    let cols = "";
    for (let c = 0; c < colCount; c++) {
      const w = widths[c];
      const custom = w !== undefined && w > 0;
      const hidden = hiddenCols.has(c);
      if (!custom && !hidden) continue;
      // 9.140625: Excel's default column width for the default font, for a hidden column of no width of its own
      cols += `<col min="${c + 1}" max="${c + 1}" width="${custom ? w : 9.140625}"${custom ? ' customWidth="1"' : ""}${hidden ? ' hidden="1"' : ""}/>`;
    }
    if (cols) head += `<cols>${cols}</cols>`;
    head += "<sheetData>";
    yield Buffer.from(head, "utf8");

    for (let r = 0; r < this.height; r++) {
      const row = model.cells[r] ?? [];
      const xfs = this.rowXfs[r];
      const emptyXfs = this.rowEmptyXfs[r];
      const hidden = hiddenRows.has(r);
      const height = heights[r];
      const start = body.length;
      const rowNumber = String(r + 1);
      body.push('<row r="', rowNumber, '"', hidden ? ' hidden="1"' : "", height ? ` ht="${height}" customHeight="1">` : ">");
      let any = false;
      for (let c = 0; c < this.width; c++) {
        const v = c < row.length ? row[c] : null;
        let s = v === null || v === undefined || v === "" ? emptyXfs[c] : xfs[c];
        if (s === 0 && v instanceof Date) s = this.dateXf[this.bold.has(r) ? 1 : 0];
        if (pushCell(body, letters[c], rowNumber, s, v ?? null)) any = true;
      }
      if (any || hidden || height) body.push("</row>");
      else body.length = start;
      if (body.length >= PIECES_PER_CHUNK) yield flush();
    }
    for (const r of [...hiddenRows].filter((r) => r >= this.height).sort((a, b) => a - b)) body.push(`<row r="${r + 1}" hidden="1"/>`);

    let tail = "</sheetData>";
    const merges = model.merges ?? [];
    if (merges.length) tail += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join("")}</mergeCells>`;
    model.conditionalFormats.forEach((cf, i) => {
      tail +=
        `<conditionalFormatting sqref="${escapeAttr(cf.range.replace(/\$/g, ""))}"><cfRule type="expression" dxfId="${this.dxfs[i]}" priority="${cf.priority}">` +
        `<formula>${escapeText(cf.formula.replace(/^=/, ""))}</formula></cfRule></conditionalFormatting>`;
    });
    const lists = model.dataValidations ?? [];
    if (lists.length) tail += `<dataValidations count="${lists.length}">${lists.map(listValidation).join("")}</dataValidations>`;
    const m = model.print?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
    tail += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    if (model.print) {
      // paper codes of §18.3.1.64: 9 is A4 (210 × 297 mm); fitToHeight 0 is "as many pages tall as the rows need"
      tail +=
        `<pageSetup paperSize="${PAPER[model.print.paper] ?? 9}" orientation="${model.print.landscape ? "landscape" : "portrait"}"` +
        (model.print.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : "") +
        "/>";
    }
    if (spec.drawingRel) tail += `<drawing r:id="${escapeAttr(spec.drawingRel)}"/>`;
    if (spec.legacyDrawingRel) tail += `<legacyDrawing r:id="${escapeAttr(spec.legacyDrawingRel)}"/>`;
    tail += "</worksheet>";
    body.push(tail);
    yield flush();
  }
}
