/**
 * Writing: the add-in's own sheets, rendered from the pure SheetModels of src/workbook, in ONE round
 * trip. Whole 2-D arrays per sheet (never cell by cell), conditional formats per rule.
 *
 * Ownership: each sheet the add-in writes is marked by a workbook name (DVC_THIDUA_<ROLE>) that
 * refers to its A1 cell. Excel keeps a name pointing at its sheet when the sheet is renamed and turns
 * it into #REF! when the sheet is deleted, and the name is saved in the .xlsx, so on the next run we
 * know which "Kết quả DVC" is ours. A sheet with our name but no marker is the user's: we refuse
 * rather than overwrite it.
 */
import { HIGHLIGHT } from "../workbook/layout";
import type { CellOut, SheetModel } from "../workbook/types";
import { markerName, type SheetRole } from "../workbook/ownership";
import { boxAddress, parseAddress, quoteSheet, sameSheetName, sheetOfFormula } from "./a1";
import { WorkflowError, type WorkbookSnapshot } from "./types";

export { markerName, type SheetRole } from "../workbook/ownership";

/** A native bar chart over a block of the same sheet: categories in the first column, one series per other column. */
export interface ChartSpec {
  /** A1 block on the sheet, header row included */
  dataRange: string;
  title: string;
  /** fill colour per series, in column order after the category column */
  seriesColors: string[];
  /** top-left and bottom-right cells of the chart's frame */
  position: [string, string];
}

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
  const nameInfo = (n: string) => snap.names.find((x) => x.name.toLowerCase() === n.toLowerCase());
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

function cellValue(c: CellOut): string | number | boolean {
  if (c === null || c === undefined) return "";
  if (typeof c === "object") return c.formula.startsWith("=") ? c.formula : "=" + c.formula;
  if (typeof c === "string") return excelText(c);
  if (typeof c === "number" && !Number.isFinite(c)) return "";
  return c;
}

/** Column width: models count characters (as exceljs does); Office.js wants points (7 px a character + 5 px padding, 0.75 pt a px). */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75);
}


function fill2d<T>(rows: number, cols: number, v: T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows; i++) out.push(new Array(cols).fill(v));
  return out;
}

/** Adds one of our sheets, marked at once. */
function addSheet(context: Excel.RequestContext, model: SheetModel, role: SheetRole): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(model.name);
  // marked right away: Office.js batches are not transactions, so should a later command of this
  // batch fail, the half-written sheet is still recognised as ours and replaced by the next run
  context.workbook.names.add(markerName(role), `=${quoteSheet(model.name)}!$A$1`, "DVC Thi đua: trang do phần bổ trợ ghi ra");
  return ws;
}

/** Queues one sheet's content: a single 2-D write for all cells, then formats, widths, rules, names. */
function queueSheet(context: Excel.RequestContext, ws: Excel.Worksheet, model: SheetModel, chart?: ChartSpec): void {
  const rows = model.cells.length;
  const cols = Math.max(1, ...model.cells.map((r) => r.length));
  if (rows > 0) {
    let formulas = false;
    const grid = model.cells.map((r) => {
      const out: (string | number | boolean)[] = new Array(cols);
      for (let j = 0; j < cols; j++) {
        const c = r[j] ?? null;
        if (c !== null && typeof c === "object") formulas = true;
        out[j] = cellValue(c);
      }
      return out;
    });
    const range = ws.getRangeByIndexes(0, 0, rows, cols);
    if (formulas) range.formulas = grid;
    else range.values = grid;
  }
  for (const nf of model.numberFormats ?? []) {
    const { box } = parseAddress(nf.range);
    ws.getRange(nf.range).numberFormat = fill2d(box.rows, box.cols, nf.format);
  }
  for (const r of model.boldRows ?? []) ws.getRangeByIndexes(r, 0, 1, cols).format.font.bold = true;
  for (const m of model.merges ?? []) ws.getRange(m).merge();
  (model.columnWidths ?? []).forEach((w, j) => {
    if (w > 0) ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = widthPoints(w);
  });
  if (model.freezeRows) ws.freezePanes.freezeRows(model.freezeRows);
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

/** Queues the whole write: old own sheets and names out, new sheets in. The caller syncs once. */
export function queueWrite(context: Excel.RequestContext, plan: WritePlan, own: Ownership): void {
  const wb = context.workbook;
  for (const n of own.dropNames) wb.names.getItem(n).delete();
  for (const s of own.replace) wb.worksheets.getItem(s).delete();
  // every sheet exists before any formula is written: the results' formulas refer to the rules sheet
  const added = plan.sheets.map((s) => addSheet(context, s.model, s.role));
  let show: Excel.Worksheet | null = null;
  plan.sheets.forEach((s, i) => {
    queueSheet(context, added[i], s.model, s.chart);
    if (plan.activate && sameSheetName(plan.activate, s.model.name)) show = added[i];
  });
  if (show) {
    show.activate();
    show.getRange("A1").select();
  }
}

export { boxAddress };
