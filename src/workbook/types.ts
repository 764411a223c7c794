/**
 * Data shapes of the workbook-scoring module. Pure: front ends (the command line with exceljs, the
 * task pane with Office.js) read a grid of cells, hand it here, and render the SheetModels returned.
 */
import type { CellInput, Level, ReasonCode, TableOutcome, UnitRow } from "../engine";

/** A rectangle of the sheet holding one table; all indexes 0-based into the grid handed over. */
export interface TableRegion {
  /** the header's last row (the data start below it) */
  headerRow: number;
  /**
   * the header's first row when the header spans two rows (group titles above their sub-headers);
   * absent for a header of one row
   */
  headerFirstRow?: number;
  firstCol: number;
  lastCol: number;
  /** last data row (inclusive); equals headerRow when the table has no data rows */
  lastRow: number;
}

/** A column the module reads besides the plan's inputs. */
export type SpecialField = "unit" | "group" | "level";

export interface MappingEntry {
  /** plan input id, or "unit" / "group" / "level" */
  input: string;
  /** Vietnamese label of the input, for messages */
  label: string;
  required: boolean;
  /** header text of the column used, null when no column was found */
  header: string | null;
  /** 0-based grid column, null when no column was found */
  column: number | null;
  /** how it was found: a --map override (or the user's choice in the pane), or the evidence */
  via: "override" | "header" | null;
  /** the evidence for the column chosen, 0–1 (headers and contents weighed together) */
  score?: number;
  /** the column is a guess the user must confirm (see ColumnMapping.doubts) */
  doubtful?: boolean;
  /** why this column and not a close one (a year, a plan/actual sub-column, a hidden column) */
  note?: string;
}

/** A column the mapper could not choose with confidence, with the columns that could be it. */
export interface MappingDoubt {
  input: string;
  label: string;
  /** "close": another column is nearly as likely; "weak": the best column is a poor match */
  why: "close" | "weak";
  /** the candidates, best first: 0-based grid column, its header, its evidence */
  candidates: { column: number; header: string; score: number }[];
}

export interface ColumnMapping {
  /** input id → 0-based grid column */
  mapping: Record<string, number>;
  /** required inputs (and the unit column) with no column */
  missing: string[];
  report: MappingEntry[];
  /** overrides that named a header not in the table */
  badOverrides: { input: string; header: string; why: string }[];
  /** inputs whose column is a guess: nothing is scored until the user confirms or picks them */
  doubts: MappingDoubt[];
  /** the table holds none of the plan's figures (the table of another plan) */
  noPlanColumns: boolean;
}

/** A bad cell or row, named by sheet, 1-based row and column letter (what an official sees). */
export interface Problem {
  sheet: string;
  row: number;
  column: string;
  header: string;
  unit?: string;
  code: ReasonCode;
  message: string;
}

/** Where a unit's figures came from, so formulas and error reports can point at them. */
export interface UnitSource {
  key: string;
  /** 1-based sheet row */
  row: number;
  /** input id → A1 reference of the source cell on the input sheet (e.g. "E7") */
  cells: Record<string, string>;
  /** the raw values read, input id → cell value */
  values: Record<string, CellInput>;
}

export interface ReadResult {
  rows: UnitRow[];
  sources: UnitSource[];
  problems: Problem[];
  /** rows left out on purpose (a totals row, a column-number row), with why */
  skipped: { row: number; why: string }[];
}

export interface ScoredSheet {
  planId: string;
  sheet: string;
  table: TableRegion;
  mapping: ColumnMapping;
  read: ReadResult;
  outcome: TableOutcome;
  /** all problems: reading problems plus engine findings placed on sheet/row/column */
  problems: Problem[];
  options: ScoreOptions;
}

export interface ScoreOptions {
  level?: Level;
  /** iator-32: the date whose milestone target applies */
  date?: CellInput;
  /** options handed to the engine's scoreTable */
  engine?: Record<string, unknown>;
}

export type CellOut = string | number | boolean | null | { formula: string; result?: number | string | boolean | null };

export interface ConditionalRule {
  /** A1 range on this sheet */
  range: string;
  /** Excel expression relative to the range's top-left cell; may refer to the rules sheet */
  formula: string;
  /** a colour of HIGHLIGHT (layout.ts): red and amber for problems and attention tiers, green and blue for the other tiers */
  style: "red" | "amber" | "green" | "blue";
  priority: number;
}

export interface SheetModel {
  name: string;
  /** rows of cells, from A1 */
  cells: CellOut[][];
  columnWidths?: number[];
  numberFormats?: { range: string; format: string }[];
  conditionalFormats: ConditionalRule[];
  freezeRows?: number;
  /** 0-based rows to show bold (titles, headers) */
  boldRows?: number[];
  /** merged ranges, e.g. "A1:H1" */
  merges?: string[];
  /** how the sheet prints (the results sheet: A4 landscape, one page wide, the header on every page) */
  print?: PrintSetup;
  /** looks of blocks of cells beyond bold rows: wrapped headers and text columns, the signature block */
  styles?: CellStyle[];
  /**
   * 0-based row → height in points, for rows whose wrapped text needs more than one line (estimated,
   * see text-lines.ts): the command line writes them; the task pane has Excel fit the rows instead
   */
  rowHeights?: Record<number, number>;
  /** workbook names this sheet defines: name → absolute reference on this sheet */
  names?: { name: string; ref: string }[];
  /** cells that must hold one word of a list (a plan sheet's kind columns) */
  dataValidations?: ListValidation[];
  /** notes on cells (a plan sheet's column headers), as Excel shows them when the pointer rests on the cell */
  comments?: CellComment[];
}

/** Excel's data validation of type list: a drop-down of the words, and another value refused. */
export interface ListValidation {
  /** A1 range on this sheet */
  range: string;
  /** the words offered, in order; none holds a comma or a quote (Excel's inline list is "a,b,c", 255 characters at most) */
  values: string[];
  /** title and text of the message shown when another value is typed */
  errorTitle?: string;
  error?: string;
}

/** A note on one cell (a legacy comment: the yellow note, not a threaded comment). */
export interface CellComment {
  /** A1 reference, e.g. "C7" */
  cell: string;
  text: string;
}

export interface PrintSetup {
  paper: "A4";
  landscape: boolean;
  /** scaled to one page wide, as many pages tall as the rows need */
  fitToWidth: boolean;
  /** A1 range that prints, e.g. "A1:X95"; what lies outside it (the explanation) is on screen only */
  printArea?: string;
  /** 0-based first and last rows printed at the top of every page (the header row) */
  printTitleRows?: [number, number];
  /** page margins in inches */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface CellStyle {
  /** A1 range on this sheet */
  range: string;
  /** text wraps within the column width (the row grows to fit) */
  wrap?: boolean;
  /** centred across the cell (or merged cells) */
  center?: boolean;
  /** centred down the cell (a header among headers of more lines) */
  middle?: boolean;
  italic?: boolean;
}

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

/** The rules sheet plus where each cutoff lives, for the results' formulas and formatting. */
export interface RulesLayout {
  sheet: SheetModel;
  /** parameter key (e.g. "online_ratio@xa.threshold") → absolute reference 'Quy tắc DVC'!$D$8 */
  refs: Record<string, string>;
}
