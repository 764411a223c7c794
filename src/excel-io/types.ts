/**
 * The seam between the add-in and Office.js. Everything that touches the workbook takes an
 * ExcelRunner, so the same code runs against Excel (`Excel.run`) and against the fake in the tests.
 */
import type { MergedArea } from "../workbook/merges";
import type { CellInput } from "../engine";

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real host. Only evaluated inside Office, where `Excel` exists. */
export const officeExcel: ExcelRunner = (batch) => Excel.run(batch);

/** Where the table to score is. */
export type SourceSpec =
  /** the block of filled cells around the selection (Ctrl+A / Ctrl+* in Excel) */
  | { kind: "selection" }
  /** an Excel table (ListObject), header row included */
  | { kind: "table"; name: string }
  /** the block around a given cell: the table read last time, so a re-run does not depend on the selection */
  | { kind: "region"; sheet: string; cell: string };

/** The table as read in the first round trip. */
export interface SourceSnapshot {
  sheet: string;
  /** address of the block read, e.g. "Sheet1!A3:H20" */
  address: string;
  /** 0-based sheet row and column of the block's top-left cell */
  rowIndex: number;
  columnIndex: number;
  /** the block's cells, sheet-aligned: grid[r][c] is sheet row r, column c (0-based); blanks are null */
  grid: CellInput[][];
  /** the block only, top-left = (rowIndex, columnIndex) */
  block: CellInput[][];
  /** the merged areas within the block, in the grid's (sheet) coordinates; absent when the host cannot tell */
  merges?: MergedArea[];
}

/** A workbook name that may mark one of the add-in's sheets. */
export interface NameInfo {
  name: string;
  formula: string;
}

export interface WorkbookSnapshot {
  source: SourceSnapshot;
  sheetNames: string[];
  names: NameInfo[];
}

/** A plain message for the pane's message bar: what went wrong, where, and what to do. */
export class WorkflowError extends Error {
  readonly where?: { sheet: string; row?: number; column?: string };
  readonly hint?: string;
  readonly code: string;
  constructor(code: string, message: string, opts: { where?: WorkflowError["where"]; hint?: string } = {}) {
    super(message);
    this.name = "WorkflowError";
    this.code = code;
    this.where = opts.where;
    this.hint = opts.hint;
  }
}
