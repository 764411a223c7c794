/**
 * One sheet from grid to scored results: find the table, map the columns, read the units, score
 * them with the engine (never a second engine here), and place every finding on the sheet.
 */
import { message, scoreTable } from "../engine";
import type { CellInput, Finding, Plan } from "../engine";
import { columnLetter } from "./a1";
import { mapArgument, mapColumns, planHeaderScore, plansForTable, type TableView } from "./mapping";
import { readUnits } from "./read";
import { spreadMergedNames, type MergedArea } from "./merges";
import { findTable, HEADER_SEARCH_ROWS_MAX, headerTexts, tableView } from "./table";
import type { ColumnMapping, Problem, ScoredSheet, ScoreOptions, TableRegion } from "./types";

export { headerTexts };

/**
 * Outcomes of the plan's rules, not bad data: ties, the commune floor, targets, and a district whose
 * communes' mean left some out (the cells to fix are those communes', each a problem of its own).
 */
const NOT_PROBLEMS = new Set<Finding["code"]>(["tie_unresolved", "tie_needs_account_data", "below_floor", "target_met", "target_not_met", "ok", "communes_left_out"]);

export class WorkbookError extends Error {
  constructor(msg: string) {
    super(msg);
    this.name = "WorkbookError";
  }
}

/**
 * The columns could not be mapped with confidence: nothing is scored. `kind` says why: an override
 * that names no column, required columns missing, the table of another plan, or a guess the user
 * must confirm. The message (mappingProblemText) is the same on the command line and in the pane.
 */
export class MappingError extends WorkbookError {
  constructor(
    msg: string,
    readonly kind: "bad_override" | "missing" | "wrong_plan" | "doubt",
    readonly mapping: ColumnMapping,
    readonly table: TableRegion,
    readonly headers: string[],
    /** plans whose columns the table does have (for kind "wrong_plan" and "missing") */
    readonly otherPlans: string[],
  ) {
    super(msg);
    this.name = "MappingError";
  }
}

export interface ScoreSheetOptions extends ScoreOptions {
  sheet: string;
  overrides?: Record<string, string>;
  /** a table found earlier (the task pane's selection); found on the grid when absent */
  table?: TableRegion;
  /** 0-based grid columns hidden in the sheet */
  hiddenColumns?: number[];
  /** the other plans the user could have meant, to name the right one for the table */
  plans?: Plan[];
  /** the sheet's merged areas, in the grid's coordinates (a name merged down is read in every row of it) */
  merges?: readonly MergedArea[];
}

export interface SheetMapping {
  table: TableRegion;
  view: TableView;
  mapping: ColumnMapping;
}

/** Finds the table and maps its columns (no scoring). Throws WorkbookError when there is no table. */
export function mapSheet(plan: Plan, grid: CellInput[][], opts: ScoreSheetOptions): SheetMapping {
  const table = opts.table ?? findTable(grid, planHeaderScore(plan));
  if (!table) {
    throw new WorkbookError(
      `Không tìm thấy bảng số liệu trên trang "${opts.sheet}": cần một dòng tiêu đề có các cột như ` +
        plan.inputs.filter((d) => d.required).map((d) => `"${d.headers[0] ?? d.label}"`).join(", ") +
        ` (đã tìm trong ${HEADER_SEARCH_ROWS_MAX} dòng đầu của trang).`,
    );
  }
  const view = tableView(grid, table, opts.hiddenColumns ?? []);
  const mapping = mapColumns(plan, view, opts.overrides ?? {}, 0, { level: opts.level });
  // a date the user gave (--date, the pane's date box) stands in for a missing date column
  const dateInput = plan.inputs.find((d) => d.kind === "date");
  if (dateInput && opts.date !== undefined && mapping.mapping[dateInput.id] === undefined) {
    mapping.missing = mapping.missing.filter((id) => id !== dateInput.id);
  }
  return { table, view, mapping };
}

/** Throws MappingError when the mapping is not one to score by: nothing may be guessed silently. */
export function checkMapping(plan: Plan, m: SheetMapping, plans: Plan[] = [], sheet = ""): void {
  const { mapping, table, view } = m;
  const others = () => plansForTable(view, plans, plan.id);
  const fail = (kind: MappingError["kind"], otherPlans: string[] = []) => {
    const text = mappingProblemText(plan, kind, mapping, view, otherPlans);
    throw new MappingError(sheet ? `Trang "${sheet}": ${text}` : text, kind, mapping, table, view.headers, otherPlans);
  };
  if (mapping.badOverrides.length) fail("bad_override");
  if (mapping.noPlanColumns || (mapping.missing.length && mapping.missing.length >= requiredFigures(plan))) fail("wrong_plan", others());
  // a missing column for which the table has unclaimed candidates is a question, not a refusal
  if (mapping.missing.some((id) => !mapping.doubts.some((d) => d.input === id))) fail("missing", others());
  if (mapping.doubts.length) fail("doubt");
}

function requiredFigures(plan: Plan): number {
  return plan.inputs.filter((d) => d.required && d.id !== "unit").length || 1;
}

const quoted = (h: string) => `"${h.replace(/\s+/g, " ").trim()}"`;

/** The one text, for the command line and the pane, that says why the columns cannot be used as they are. */
export function mappingProblemText(plan: Plan, kind: MappingError["kind"], mapping: ColumnMapping, view: TableView, otherPlans: string[]): string {
  const label = (id: string) => mapping.report.find((e) => e.input === id)?.label ?? id;
  const headerList = view.headers
    .map((h, i) => (h.trim() ? `${columnLetter(view.firstCol + i)} ${quoted(h)}` : null))
    .filter(Boolean)
    .join("; ");
  switch (kind) {
    case "bad_override":
      return (
        mapping.badOverrides.map((b) => `--map ${b.input}="${b.header}"${mapping.report.some((e) => e.input === b.input) ? ` (${label(b.input)})` : ""}: ${b.why}.`).join("\n") +
        `\nCác cột của bảng: ${headerList}.`
      );
    case "wrong_plan": {
      const missing = plan.inputs.filter((d) => d.id !== "unit" && !(d.id in mapping.mapping) && (d.required || mapping.noPlanColumns));
      return (
        `Bảng này không có các cột của kế hoạch ${plan.id}: thiếu ${missing.map((d) => quoted(d.label)).join(", ")}.` +
        (otherPlans.length ? ` Bảng có các cột của kế hoạch ${otherPlans.join(", ")}: kiểm tra lại kế hoạch đã chọn.` : "") +
        `\nCác cột của bảng: ${headerList}.`
      );
    }
    case "missing":
      return (
        `Thiếu cột: ${mapping.missing.map(label).join("; ")}. Không chấm được. ` +
        `Thêm cột vào bảng, hoặc chỉ định cột bằng --map ${mapping.missing[0]}="Tiêu đề cột".` +
        (otherPlans.length ? ` (Bảng có đủ các cột của kế hoạch ${otherPlans.join(", ")}.)` : "") +
        `\nCác cột của bảng: ${headerList}.`
      );
    case "doubt":
      return (
        `Chưa chắc chắn cột của ${mapping.doubts.length} đầu vào, nên chưa chấm. Chọn cột đúng cho mỗi đầu vào:\n` +
        mapping.doubts
          .map(
            (d) =>
              `  ${d.label}${d.why === "weak" ? " (tiêu đề chỉ gần giống)" : " (có cột khác gần giống)"}:\n` +
              d.candidates.map((c) => `    ${columnLetter(c.column)} ${quoted(c.header)} → ${mapArgument(d.input, c.header, c.column, view.headers)}`).join("\n"),
          )
          .join("\n")
      );
  }
}

/** Finds the table, maps it, reads and scores it. Throws WorkbookError when there is no table. */
export function scoreSheet(plan: Plan, grid: CellInput[][], opts: ScoreSheetOptions): ScoredSheet {
  const sheetMapping = mapSheet(plan, grid, opts);
  checkMapping(plan, sheetMapping, opts.plans ?? [], opts.sheet);
  const { table, mapping } = sheetMapping;
  const headers = sheetMapping.view.headers;
  const dateInput = plan.inputs.find((d) => d.kind === "date");
  const cells = opts.merges?.length ? spreadMergedNames(grid, table, mapping.mapping, opts.merges) : grid;
  const read = readUnits(plan, cells, table, mapping, { sheet: opts.sheet, level: opts.level });
  if (dateInput && opts.date !== undefined) {
    for (const r of read.rows) if (r.values[dateInput.id] === undefined) r.values[dateInput.id] = opts.date;
  }
  const engineOpts: Record<string, unknown> = { ...(opts.engine ?? {}) };
  if (opts.date !== undefined) engineOpts.date = opts.date;
  const outcome = scoreTable(plan, read.rows, engineOpts);

  // place engine findings on the sheet: the row of the unit, the column of the input
  const byKey = new Map(read.sources.map((s) => [s.key, s]));
  const problems: Problem[] = [...read.problems];
  const seen = new Set(problems.map((p) => `${p.row}|${p.column}|${p.code}`));
  const place = (key: string | undefined, f: Finding) => {
    const src = key !== undefined ? byKey.get(key) : undefined;
    if (!src) return;
    if (NOT_PROBLEMS.has(f.code)) return;
    const col =
      (f.input !== undefined ? mapping.mapping[f.input] : undefined) ??
      (f.code === "unknown_group" || f.code === "missing_communes" ? mapping.mapping.group : undefined) ??
      mapping.mapping.unit ?? table.firstCol;
    const letter = columnLetter(col);
    const id = `${src.row}|${letter}|${f.code}`;
    if (seen.has(id)) return;
    seen.add(id);
    problems.push({
      sheet: opts.sheet,
      row: src.row,
      column: letter,
      header: headers[col - table.firstCol] ?? "",
      unit: key,
      code: f.code,
      message: message(f.code, f.detail),
    });
  };
  for (const u of outcome.units) for (const f of u.findings) place(u.key, f);
  for (const f of outcome.findings) place(f.key, f);
  problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return { planId: plan.id, sheet: opts.sheet, table, mapping, read, outcome, problems, options: opts };
}
