/**
 * One sheet from grid to scored results: find the table, map the columns, read the units, score
 * them with the engine (never a second engine here), and place every finding on the sheet.
 */
import { message, scoreTable } from "../engine";
import type { CellInput, Finding, Plan } from "../engine";
import { columnLetter } from "./a1";
import { mapColumns, planHeaderScore } from "./mapping";
import { readUnits } from "./read";
import { findTable, headerTexts } from "./table";
import type { Problem, ScoredSheet, ScoreOptions, TableRegion } from "./types";

export { headerTexts };

const NOT_PROBLEMS = new Set<Finding["code"]>(["tie_unresolved", "tie_needs_account_data", "below_floor", "target_met", "target_not_met", "ok"]);

export class WorkbookError extends Error {
  constructor(msg: string) {
    super(msg);
    this.name = "WorkbookError";
  }
}

export interface ScoreSheetOptions extends ScoreOptions {
  sheet: string;
  overrides?: Record<string, string>;
  /** a table found earlier (the task pane's selection); found on the grid when absent */
  table?: TableRegion;
}

/** Finds the table, maps it, reads and scores it. Throws WorkbookError when there is no table. */
export function scoreSheet(plan: Plan, grid: CellInput[][], opts: ScoreSheetOptions): ScoredSheet {
  const table = opts.table ?? findTable(grid, planHeaderScore(plan));
  if (!table) {
    throw new WorkbookError(
      `Không tìm thấy bảng số liệu trên trang "${opts.sheet}": cần một dòng tiêu đề có các cột như ` +
        plan.inputs.filter((d) => d.required).map((d) => `"${d.headers[0] ?? d.label}"`).join(", ") + ".",
    );
  }
  const headers = headerTexts(grid, table);
  const mapping = mapColumns(plan, headers, opts.overrides ?? {}, table.firstCol);
  // a date the user gave (--date, the pane's date box) stands in for a missing date column
  const dateInput = plan.inputs.find((d) => d.kind === "date");
  if (dateInput && opts.date !== undefined && mapping.mapping[dateInput.id] === undefined) {
    mapping.missing = mapping.missing.filter((id) => id !== dateInput.id);
  }
  const read = readUnits(plan, grid, table, mapping, { sheet: opts.sheet, level: opts.level });
  if (dateInput && opts.date !== undefined) {
    for (const r of read.rows) if (r.values[dateInput.id] === undefined) r.values[dateInput.id] = opts.date;
  }
  const engineOpts: Record<string, unknown> = { ...(opts.engine ?? {}) };
  if (opts.date !== undefined) engineOpts.date = opts.date;
  const outcome = scoreTable(plan.id, read.rows, engineOpts);

  // place engine findings on the sheet: the row of the unit, the column of the input
  const byKey = new Map(read.sources.map((s) => [s.key, s]));
  const problems: Problem[] = [...read.problems];
  const seen = new Set(problems.map((p) => `${p.row}|${p.column}|${p.code}`));
  const place = (key: string | undefined, f: Finding) => {
    const src = key !== undefined ? byKey.get(key) : undefined;
    if (!src) return;
    // ties, the commune floor and targets are outcomes of the plan's rules, not bad data
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
