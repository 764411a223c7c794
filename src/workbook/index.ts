/**
 * Workbook scoring shared by the command line (exceljs) and the task pane (Office.js): grids in,
 * scored results and sheet models out. Pure: no exceljs, no Office, no Node.
 */
export * from "./types";
export * from "./a1";
export { findTable, HEADER_SEARCH_ROWS_MAX, isBlank, tableView } from "./table";
export { spreadMergedNames, type MergedArea } from "./merges";
export {
  mapColumns, mappingFields, planHeaderScore, headerMatchScore, SPECIAL_HEADERS, isSpecialInput, headersOnly, plansForTable, mapArgument,
} from "./mapping";
export type { TableView } from "./mapping";
export { readUnits, levelOf, LEVEL_LABELS, skippedRowText } from "./read";
export { scoreSheet, mapSheet, checkMapping, mappingProblemText, headerTexts, WorkbookError, MappingError } from "./score";
export type { ScoreSheetOptions, SheetMapping } from "./score";
export {
  layoutResults, layoutRules, resultOrder, RESULTS_SHEET, RULES_SHEET, STATUS_LABELS, HIGHLIGHT, RESULTS_HEADER_ROW, stamp, criterionKey,
  AWARD_REASON_HEADER,
} from "./layout";
export type { ResultsOptions, RulesOptions } from "./layout";
export { jsonAwardReason, toJsonPrevious, toJsonRows } from "./json";
export * from "./ownership";
export { NOTES_NAMED, notesList, notesOnResults, type SheetCellAt } from "./notes";
export { EXCEL_CELL_MAX, fitCellText, fitSheetTexts, isWritableText } from "./cell-text";
export type { JsonAwardReason, JsonUnit } from "./json";
export { isPlanSheet, PLAN_SHEET, planSheetModel, readPlanSheet, templatePlan } from "./plan-sheet";
export type { PlanPath, PlanSheetProblem, PlanSheetRead } from "./plan-sheet";
