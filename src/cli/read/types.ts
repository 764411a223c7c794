/**
 * What the command line's reader hands on: each worksheet's cells as plain values (src/workbook reads
 * them), what is hidden, and, for .xlsx/.xlsm, the input's own bytes, which the writer adds to.
 */
import type { CellInput } from "../../engine";
import type { MergedArea } from "../../workbook/merges";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface InputSheet {
  name: string;
  /** sheet-aligned rows from A1; a merged cell's value in its top-left cell only */
  grid: CellInput[][];
  /** 1-based rows hidden by hand or by a filter: still read and scored, and said so */
  hiddenRows: number[];
  /** 0-based columns hidden in the sheet (a hidden copy of a column weighs less in the mapping) */
  hiddenColumns: number[];
  state: SheetState;
  /** the sheet's merged areas (0-based, inclusive), so that a name merged down is read in every row of it */
  merges?: MergedArea[];
  /**
   * true when the sheet's cells were not read because another sheet was asked for (--sheet): its grid
   * is empty though the sheet may not be
   */
  unread?: true;
}

/** Name of the data sheet created from a CSV file. */
export const CSV_SHEET = "Số liệu";

export type InputKind = "xlsx" | "xlsm" | "xls" | "ods" | "csv";

export interface InputBook {
  kind: InputKind;
  file: string;
  /** worksheets only (no chartsheets), in workbook order */
  sheets: InputSheet[];
  /** the workbook's active tab (bookViews activeTab) when it is a worksheet */
  activeSheet: string | null;
  /** xlsx/xlsm: the input's own bytes, the package the writer adds to */
  package?: Buffer;
  /** sheets the add-in wrote earlier, found by their DVC_THIDUA_<ROLE> names (src/workbook/ownership.ts) */
  ownSheets: { role: string; name: string }[];
  /** what the reader noticed about the file itself (a workbook under a .csv name), for the user */
  notes?: string[];
}

export interface ReadOptions {
  /** CSV only: the text's encoding (iconv-lite's names) */
  encoding?: string;
  /** read only this sheet's cells (as --sheet names it: exactly, or ignoring case) */
  sheet?: string;
  /**
   * without `sheet`: whether a sheet's first rows hold the table. An .xlsx then reads in full only the
   * first sheet, in search order, whose first rows hold it; the others are left unread
   */
  holdsTable?: (grid: CellInput[][], name: string) => boolean;
}

/** The file cannot be read at all: the command exits non-zero with this message. */
export class InputFileError extends Error {
  constructor(msg: string) {
    super(msg);
    this.name = "InputFileError";
  }
}
