/**
 * Writing: the add-in's own sheets, rendered from the pure SheetModels of src/workbook, in ONE round
 * trip when the batch fits Excel on the web's request limit (write-parts.ts splits it otherwise).
 * Whole 2-D arrays per sheet (never cell by cell), one number format per block of cells, conditional
 * formats per rule.
 *
 * Ownership: each sheet the add-in writes is marked by a workbook name (DVC_THIDUA_<ROLE>) that
 * refers to its A1 cell. Excel keeps a name pointing at its sheet when the sheet is renamed and turns
 * it into #REF! when the sheet is deleted, and the name is saved in the .xlsx, so on the next run we
 * know which "Kết quả DVC" is ours. A sheet with our name but no marker is the user's: we refuse
 * rather than overwrite it.
 */
import { HIGHLIGHT } from "../workbook/layout";
import type { CellOut, ChartSpec, PrintSetup, SheetModel } from "../workbook/types";
import { markerName, type SheetRole } from "../workbook/ownership";
import { boxAddress, nameKey, parseAddress, quoteSheet, sameSheetName, sheetOfFormula, type Box } from "./a1";
import { COMMAND_BYTES, jsonBytes } from "./payload";
import { WorkflowError, type WorkbookSnapshot } from "./types";

export { markerName, type SheetRole } from "../workbook/ownership";
export type { ChartSpec } from "../workbook/types";

export interface OwnedSheet {
  role: SheetRole;
  model: SheetModel;
  chart?: ChartSpec;
}

export interface WritePlan {
  sheets: OwnedSheet[];
  /** sheet to show when done */
  activate?: string;
}

export interface Ownership {
  /** existing sheets of ours to delete before writing */
  replace: string[];
  /** existing workbook names to delete before writing (our markers, the models' names) */
  dropNames: string[];
}

/**
 * Decides what may be replaced; throws a WorkflowError (nothing written) when a sheet or a name we
 * need belongs to the user, or when the table being scored sits on one of our sheets.
 */
export function planOwnership(snap: WorkbookSnapshot, sheets: OwnedSheet[]): Ownership {
  const replace: string[] = [];
  const dropNames: string[] = [];
  const nameInfo = (n: string) => snap.names.find((x) => nameKey(x.name) === nameKey(n));
  for (const { role, model } of sheets) {
    const marker = nameInfo(markerName(role));
    const markedSheet = marker ? sheetOfFormula(marker.formula) : null;
    const existing = snap.sheetNames.find((s) => sameSheetName(s, model.name));
    if (existing) {
      if (!markedSheet || !sameSheetName(markedSheet, existing)) {
        throw new WorkflowError(
          "sheet_not_ours",
          `Sổ đã có trang tính "${existing}" nhưng trang này không do DVC Thi đua tạo ra, nên không ghi đè.`,
          {
            where: { sheet: existing },
            hint: `Đổi tên hoặc xoá trang "${existing}" (sau khi lưu lại những gì cần giữ), rồi bấm lại.`,
          },
        );
      }
      if (sameSheetName(existing, snap.source.sheet)) {
        throw new WorkflowError(
          "source_on_own_sheet",
          `Bảng đang chọn nằm trên trang "${existing}" do DVC Thi đua ghi ra, không phải bảng số liệu.`,
          { where: { sheet: existing }, hint: "Chọn một ô trong bảng số liệu của đơn vị rồi bấm lại." },
        );
      }
      replace.push(existing);
    }
    if (marker) dropNames.push(marker.name);
  }
  // names the models define (cutoff cells): ours if they point at a sheet being replaced or nowhere
  for (const { model } of sheets) {
    for (const { name } of model.names ?? []) {
      const info = nameInfo(name);
      if (!info) continue;
      const target = sheetOfFormula(info.formula);
      if (target !== null && !replace.some((s) => sameSheetName(s, target))) {
        throw new WorkflowError(
          "name_not_ours",
          `Tên "${name}" đã được dùng trong sổ (trỏ tới trang "${target}"), nên không tạo lại được.`,
          { where: { sheet: target }, hint: `Xoá hoặc đổi tên "${name}" trong Name Manager (Công thức → Quản lý tên), rồi bấm lại.` },
        );
      }
      dropNames.push(info.name);
    }
  }
  return { replace, dropNames };
}

/**
 * Excel parses what is written to `values` as if typed: "1/2" becomes a date, "00123" a number,
 * "=x" or "-x" a formula. A leading apostrophe keeps text as text (and is not shown), so unit names
 * and labels that could be parsed get one.
 */
export function excelText(s: string): string {
  if (s === "") return s;
  if (/^[=+\-@']/.test(s)) return "'" + s;
  const t = s.trim();
  if (/\d/.test(t) && /^[\d\s.,:/%()$€₫eE+\-]+$/.test(t)) return "'" + s;
  if (/^(true|false|đúng|sai)$/i.test(t)) return "'" + s;
  return s;
}

function cellValue(c: CellOut, retarget?: (formula: string) => string): string | number | boolean {
  if (c === null || c === undefined) return "";
  if (typeof c === "object") {
    const f = c.formula.startsWith("=") ? c.formula : "=" + c.formula;
    return retarget ? retarget(f) : f;
  }
  if (typeof c === "string") return excelText(c);
  if (typeof c === "number" && !Number.isFinite(c)) return "";
  return c;
}

/** Column width: models count characters (as exceljs does); Office.js wants points (7 px a character + 5 px padding, 0.75 pt a px). */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75);
}

export type Scalar = string | number | boolean;

/** A sheet as it is sent to Excel, with what each part of it costs in a request (see payload.ts). */
export interface RenderedSheet extends OwnedSheet {
  cols: number;
  /** every cell, grid.length × cols */
  grid: Scalar[][];
  /** rows written: the cells', or more if a number format reaches further */
  rows: number;
  /** written through `formulas` (some cell is a formula), else through `values` */
  formulas: boolean;
  formats: { box: Box; format: string }[];
  /** prefix sums of the request bytes of the rows' cells: rows a..b cost at[b] - at[a] */
  at: number[];
  /** bytes of every command of the sheet other than its cells and number formats */
  fixedBytes: number;
}

/**
 * Renders a sheet model into the arrays Office.js is sent. `retarget` rewrites each formula (the
 * split write names its temporary sheets in them).
 */
export function renderSheet(s: OwnedSheet, retarget?: (formula: string) => string): RenderedSheet {
  const { model, chart } = s;
  // a loop, not Math.max(...rows): JavaScriptCore (Excel on Mac) takes at most 65,536 arguments
  let cols = 1;
  for (const r of model.cells) if (r.length > cols) cols = r.length;
  let formulas = false;
  const grid = model.cells.map((r) => {
    const out: Scalar[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const c = r[j] ?? null;
      if (c !== null && typeof c === "object") formulas = true;
      out[j] = cellValue(c, retarget);
    }
    return out;
  });
  const formats = (model.numberFormats ?? []).map((nf) => ({ box: parseAddress(nf.range).box, format: nf.format }));
  const rows = Math.max(grid.length, ...formats.map((f) => f.box.r0 + f.box.rows));
  const at = new Array<number>(rows + 1);
  at[0] = 0;
  for (let i = 0; i < rows; i++) at[i + 1] = at[i] + (i < grid.length ? jsonBytes(grid[i]) + 1 : 0);
  const commands =
    8 + // add, mark, and in a split write: hide, temporary mark, rename, show, unmark, activate
    (model.boldRows?.length ?? 0) +
    (model.merges?.length ?? 0) +
    (model.columnWidths?.length ?? 0) +
    1 +
    5 * model.conditionalFormats.length +
    (model.names?.length ?? 0) +
    (chart ? 5 + chart.seriesColors.length : 0) +
    styleCommands(model) +
    (model.print ? PRINT_COMMANDS : 0);
  const fixedBytes =
    commands * COMMAND_BYTES +
    jsonBytes([model.name, model.boldRows, model.merges, model.columnWidths, model.conditionalFormats, model.names, chart, model.styles, model.print]) +
    jsonBytes(HIGHLIGHT);
  return { ...s, cols, grid, rows, formulas, formats, at, fixedBytes };
}

/** Request bytes of writing rows from..to of a sheet: the cells, and one command per number format (whatever its rows). */
export function cellsBytes(r: RenderedSheet, from: number, to: number): number {
  let n = (1 + r.formats.length) * (COMMAND_BYTES + 4) + r.at[to] - r.at[from];
  for (const f of r.formats) n += jsonBytes(f.format);
  return n;
}

/** Adds one of our sheets, marked at once. */
function addSheet(context: Excel.RequestContext, name: string, marker: string): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(name);
  // marked right away: Office.js batches are not transactions, so should a later command of this
  // batch fail, the half-written sheet is still recognised as ours and replaced by the next run
  context.workbook.names.add(marker, `=${quoteSheet(name)}!$A$1`, "DVC Thi đua: trang do phần bổ trợ ghi ra");
  return ws;
}

/** Queues rows from..to of a sheet: one 2-D write of the cells, one command per number format over them. */
export function queueCells(ws: Excel.Worksheet, r: RenderedSheet, from: number, to: number): void {
  const end = Math.min(to, r.grid.length);
  if (end > from) {
    const range = ws.getRangeByIndexes(from, 0, end - from, r.cols);
    const cells = from === 0 && end === r.grid.length ? r.grid : r.grid.slice(from, end);
    if (r.formulas) range.formulas = cells;
    else range.values = cells;
  }
  for (const { box, format } of r.formats) {
    const a = Math.max(from, box.r0);
    const b = Math.min(to, box.r0 + box.rows);
    // one value for the whole block, not a 2-D array of it: Office.js sets every cell of the range to a
    // single value ("Update all cells in a range",
    // https://learn.microsoft.com/office/dev/add-ins/excel/performance#update-all-cells-in-a-range), so the
    // request no longer grows by a format string per cell; the typings only know the 2-D getter's type
    if (b > a) ws.getRangeByIndexes(a, box.c0, b - a, box.cols).numberFormat = format as unknown as string[][];
  }
}

/** Commands queueLook and queueAfterCells send for the model's styles (one per property set). */
function styleCommands(model: SheetModel): number {
  let n = 0;
  for (const st of model.styles ?? []) n += (st.wrap ? 1 : 0) + (st.center ? 1 : 0) + (st.middle ? 1 : 0) + (st.italic ? 1 : 0);
  // the rows' autofit (queueAfterCells)
  return n + (tallRows(model) ? 1 : 0);
}

/** Commands of queuePrint: paper, orientation, zoom, margins, print area, title rows. */
const PRINT_COMMANDS = 6;

/**
 * Queues the sheet's looks that do not depend on other sheets or on its cells: bold rows, widths,
 * frozen rows, wrapped and centred text, the page setup.
 */
export function queueLook(ws: Excel.Worksheet, r: RenderedSheet): void {
  const { model } = r;
  for (const row of model.boldRows ?? []) ws.getRangeByIndexes(row, 0, 1, r.cols).format.font.bold = true;
  (model.columnWidths ?? []).forEach((w, j) => {
    if (w > 0) ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = widthPoints(w);
  });
  if (model.freezeRows) ws.freezePanes.freezeRows(model.freezeRows);
  for (const st of model.styles ?? []) {
    const f = ws.getRange(st.range).format;
    if (st.wrap) f.wrapText = true;
    if (st.center) f.horizontalAlignment = "Center";
    if (st.middle) f.verticalAlignment = "Center";
    if (st.italic) f.font.italic = true;
  }
  if (model.print) queuePrint(ws, model.print);
}

/**
 * The page setup (ExcelApi 1.9, which every host of the shared runtime has: Microsoft 365, Excel
 * 2021 and later, Excel for Mac 16.24 and later, Excel on the web). Margins are in inches in the model
 * as in the file format.
 */
function queuePrint(ws: Excel.Worksheet, p: PrintSetup): void {
  const pl = ws.pageLayout;
  pl.paperSize = p.paper;
  pl.orientation = p.landscape ? "Landscape" : "Portrait";
  // one page wide; 0 pages tall is "as many as the rows need" (fitToHeight="0" in the file)
  if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (p.margins) pl.setPrintMargins("Inches", p.margins);
  if (p.printArea) pl.setPrintArea(p.printArea);
  if (p.printTitleRows) pl.setPrintTitleRows(`$${p.printTitleRows[0] + 1}:$${p.printTitleRows[1] + 1}`);
}

/** First and last rows the model gives a height of more than one line, or null. */
function tallRows(model: SheetModel): [number, number] | null {
  const rows = Object.keys(model.rowHeights ?? {}).map(Number);
  if (!rows.length) return null;
  let a = rows[0];
  let b = rows[0];
  for (const x of rows) (a = Math.min(a, x)), (b = Math.max(b, x));
  return [a, b];
}

/**
 * Queues what must come after the sheet's cells are written: merges (so that no write of a block of
 * rows ever lands inside a merged area), and the rows' heights. The model's heights are estimates for the command line,
 * which cannot measure text; Excel fits the rows of wrapped text to what it draws, in one command.
 */
export function queueAfterCells(ws: Excel.Worksheet, r: RenderedSheet): void {
  const { model } = r;
  for (const m of model.merges ?? []) ws.getRange(m).merge();
  const tall = tallRows(model);
  if (tall) ws.getRangeByIndexes(tall[0], 0, tall[1] - tall[0] + 1, r.cols).format.autofitRows();
}

/**
 * Queues what refers to sheets by their final names: conditional formats (their cutoffs are on the
 * rules sheet), the models' workbook names, the chart.
 */
export function queueRules(context: Excel.RequestContext, ws: Excel.Worksheet, r: RenderedSheet): void {
  const { model, chart } = r;
  for (const rule of [...model.conditionalFormats].sort((a, b) => a.priority - b.priority)) {
    const cf = ws.getRange(rule.range).conditionalFormats.add("Custom");
    cf.custom.rule.formula = rule.formula.startsWith("=") ? rule.formula : "=" + rule.formula;
    // the same colours the command-line tool writes
    cf.custom.format.fill.color = "#" + HIGHLIGHT[rule.style].fill;
    cf.custom.format.font.color = "#" + HIGHLIGHT[rule.style].font;
    cf.priority = rule.priority;
  }
  for (const n of model.names ?? []) context.workbook.names.add(n.name, n.ref.startsWith("=") ? n.ref : "=" + n.ref);
  if (chart) {
    const c = ws.charts.add("BarStacked", ws.getRange(chart.dataRange), "Columns");
    c.title.text = chart.title;
    // bars read top-down in the table's order (Excel draws the first category at the bottom)
    c.axes.categoryAxis.reversePlotOrder = true;
    chart.seriesColors.forEach((color, i) => c.series.getItemAt(i).format.fill.setSolidColor(color));
    c.setPosition(chart.position[0], chart.position[1]);
  }
}

/** Shows a sheet of ours with its top-left cell selected. */
export function queueShow(ws: Excel.Worksheet): void {
  ws.activate();
  ws.getRange("A1").select();
}

/**
 * Marks the temporary sheets of a split write (see write-parts.ts) while they are filled. A leftover
 * of a write the host broke off, found on a later run, is the add-in's to delete.
 */
export function tempMarkerName(role: SheetRole): string {
  return `DVC_THIDUA_TMP_${role.toUpperCase()}`;
}

/** What an earlier split write left behind: temporary marks, and the sheets they mark (unless being replaced anyway). */
export interface Leftovers {
  names: string[];
  sheets: string[];
}

export function findLeftovers(snap: WorkbookSnapshot, own: Ownership): Leftovers {
  const out: Leftovers = { names: [], sheets: [] };
  for (const n of snap.names) {
    if (!/^DVC_THIDUA_TMP_[A-Z]+$/i.test(n.name)) continue;
    out.names.push(n.name);
    const target = sheetOfFormula(n.formula);
    const sheet = target === null ? undefined : snap.sheetNames.find((s) => sameSheetName(s, target));
    if (sheet && !own.replace.some((s) => sameSheetName(s, sheet)) && !out.sheets.includes(sheet)) out.sheets.push(sheet);
  }
  return out;
}

/**
 * Queues the deletion of old own sheets and names (and leftovers), before anything new is added.
 * Sheets first: should the batch break off in between, a marker left behind points at nothing (#REF!),
 * whereas a sheet left without its marker would be taken for the user's and block the next run.
 */
export function queueRemovals(context: Excel.RequestContext, names: string[], sheets: string[]): void {
  const wb = context.workbook;
  for (const s of sheets) wb.worksheets.getItem(s).delete();
  for (const n of names) wb.names.getItem(n).delete();
}

/** Request bytes of queueRemovals. */
export function removalBytes(names: string[], sheets: string[]): number {
  return (names.length + sheets.length) * COMMAND_BYTES + jsonBytes([names, sheets]);
}

/** Request bytes of writing the sheets in one batch (queueWrite). */
export function wholeWriteBytes(rendered: RenderedSheet[], own: Ownership, left: Leftovers = { names: [], sheets: [] }): number {
  let n = removalBytes([...own.dropNames, ...left.names], [...own.replace, ...left.sheets]) + 2 * COMMAND_BYTES;
  for (const r of rendered) n += r.fixedBytes + cellsBytes(r, 0, r.rows);
  return n;
}

/** Queues the whole write in one batch: old own sheets and names out, new sheets in. The caller syncs once. */
export function queueWrite(
  context: Excel.RequestContext,
  plan: WritePlan,
  own: Ownership,
  left: Leftovers = { names: [], sheets: [] },
  rendered: RenderedSheet[] = plan.sheets.map((s) => renderSheet(s)),
): void {
  queueRemovals(context, [...own.dropNames, ...left.names], [...own.replace, ...left.sheets]);
  // every sheet exists before any formula is written: the results' formulas refer to the rules sheet
  const added = rendered.map((r) => addSheet(context, r.model.name, markerName(r.role)));
  rendered.forEach((r, i) => {
    queueCells(added[i], r, 0, r.rows);
    queueLook(added[i], r);
    queueAfterCells(added[i], r);
  });
  rendered.forEach((r, i) => queueRules(context, added[i], r));
  const show = rendered.findIndex((r) => plan.activate && sameSheetName(plan.activate, r.model.name));
  if (show >= 0) queueShow(added[show]);
}

export { addSheet, boxAddress };
