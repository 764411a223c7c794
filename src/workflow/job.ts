/**
 * The Rank and Check-targets jobs: read → score → check → write, as plain async functions (no React),
 * shared by the task pane and any ribbon command.
 *
 * Round trips: (1) read the table, the sheet names and the workbook names; (2) delete the add-in's
 * old sheets and write the new ones, all in one batch. That is 2 `context.sync()` calls whatever the
 * number of rows, as long as each fits Excel on the web's 5 MB limit on a request and on a response.
 * Beyond it (tens of thousands of rows, or formulas) the read and the write are split, one more round
 * trip per PAYLOAD_LIMIT_BYTES (src/excel-io/payload.ts says why DESIGN's "at most 3" cannot hold
 * there). Everything is computed and checked between reading and writing: a failure throws a
 * WorkflowError before anything is queued for writing, so the workbook stays as it was; a split write
 * that fails half way removes what it wrote (src/excel-io/write-parts.ts).
 */
import type { CellInput, Level, Plan } from "../engine";
import { getPlan, listPlans } from "../plans";
import {
  findTable,
  fitSheetTexts,
  layoutResults,
  mapColumns,
  layoutRules,
  MappingError,
  planHeaderScore,
  scoreSheet,
  tableView,
  HEADER_SEARCH_ROWS_MAX,
  readPlanSheet,
  WorkbookError,
  notesList,
  RESULTS_SHEET,
  type PlanSheetProblem,
  type ColumnMapping,
  type ScoredSheet,
  type TableRegion,
  type TableView,
} from "../workbook";
import { readSnapshot } from "../excel-io/read";
import { queuePlanSheetRead, type QueuedPlanSheet } from "../excel-io/plan-sheets";
import { planOwnership, type OwnedSheet } from "../excel-io/write";
import { writeSheets } from "../excel-io/write-parts";
import { notesOnOldResults } from "../excel-io/notes";
import { fillCopyText, SCORED_COPY_TEXT } from "../messages/scored-copy";
import { WorkflowError, type ExcelRunner, type SourceSpec, type WorkbookSnapshot } from "../excel-io/types";
import { columnLetter, sameSheetName, sheetOfFormula } from "../excel-io/a1";
import { chartSheet } from "./chart";
import { summarize, type JobSummary } from "./summary";
import { fillPlanSheetText } from "../messages/plan-sheet";
import { PLAN_JOB_TEXT } from "../messages/plan-origin";

export type JobStep = "read" | "score" | "check" | "write" | "done";

export interface JobRequest {
  /** a built-in plan; ignored when `planSheet` is given */
  planId: string;
  /** a plan sheet of the workbook: read in the job's first round trip, so the plan scored is the sheet as it is now */
  planSheet?: string;
  source: SourceSpec;
  /** level of every row when the table has no level column */
  level?: Level;
  /** input id → header text chosen in the pane */
  overrides?: Record<string, string>;
  /** iator-32: the date whose milestone applies (ISO yyyy-mm-dd) */
  date?: CellInput;
  /** write formulas that refer to the source cells instead of plain values */
  formulas?: boolean;
  /** the user agreed to lose the notes found on the old results sheet (NotesWorkflowError) */
  replaceNotes?: boolean;
  now?: Date;
}

export interface JobResult {
  summary: JobSummary;
  /** where the table was found, to score the same table next time wherever the selection is then */
  source: SourceSpec;
  scored: ScoredSheet;
  /** the chart was left out (too many units, or a plan without totals) */
  chartOmitted: boolean;
  /** cells of ours whose text had to be changed to be written (src/workbook/cell-text.ts), named */
  textNotes: string[];
}

/** The table's columns as the pane's mapping section shows them. */
export interface MappingPreview {
  sheet: string;
  address: string;
  /** 1-based header row */
  headerRow: number;
  firstCol: number;
  headers: string[];
  /** what the mapper weighs (headers and contents), to map again when the user picks a column */
  view: TableView;
  mapping: ColumnMapping;
  source: SourceSpec;
}

/**
 * The columns cannot be used as mapped (a guess to confirm, a column missing, a choice that names no
 * column, the table of another plan): nothing was scored or written, and the pane shows the mapping.
 */
export class MappingWorkflowError extends WorkflowError {
  constructor(code: string, message: string, opts: ConstructorParameters<typeof WorkflowError>[2], readonly preview: MappingPreview) {
    super(code, message, opts);
  }
}

/**
 * The old results sheet holds notes the user added (src/workbook/notes.ts), which replacing it would
 * lose: nothing was written, and the pane asks whether to go on (JobRequest.replaceNotes) or stop.
 */
export class NotesWorkflowError extends WorkflowError {
  constructor(
    readonly sheet: string,
    /** the cells, A1 style, in sheet order */
    readonly cells: string[],
  ) {
    super("notes_would_be_lost", fillCopyText(SCORED_COPY_TEXT.notesWouldBeLost, { sheet, cells: notesList(cells) }), { where: { sheet } });
  }
}

const MAPPING_CODES: Record<MappingError["kind"], { code: string; hint: string }> = {
  bad_override: { code: "bad_mapping", hint: "Chọn lại cột trong phần “Cột dữ liệu”." },
  missing: { code: "missing_column", hint: "Thêm cột đó vào bảng, hoặc chọn cột tương ứng trong phần “Cột dữ liệu”, rồi bấm lại." },
  wrong_plan: { code: "wrong_plan", hint: "Chọn kế hoạch đúng với bảng, hoặc chọn bảng khác." },
  doubt: { code: "doubtful_mapping", hint: "Kiểm tra các cột được đánh dấu trong phần “Cột dữ liệu”, rồi bấm “Xác nhận cột và xếp hạng”." },
};

/** A plan sheet with problems: nothing was scored or written; the pane lists the cells to fix. */
export class PlanSheetWorkflowError extends WorkflowError {
  constructor(readonly sheet: string, readonly problems: PlanSheetProblem[]) {
    super("plan_sheet_problems", fillPlanSheetText(PLAN_JOB_TEXT.problems, { sheet, n: problems.length }), {
      where: { sheet, row: rowOfCell(problems[0]?.cell ?? "A1"), column: /^[A-Z]+/.exec(problems[0]?.cell ?? "A")?.[0] },
      hint: PLAN_JOB_TEXT.hint,
    });
  }
}

function rowOfCell(cell: string): number {
  return Number(/\d+$/.exec(cell)?.[0] ?? 1);
}

/** The plan of a plan sheet as read, or the problems on their cells (thrown). */
export function planOfSheet(sheet: string, grid: CellInput[][]): Plan {
  const read = readPlanSheet(grid, sheet);
  if (!read.plan) throw new PlanSheetWorkflowError(sheet, read.problems);
  return read.plan;
}

/** The table inside the block that was read, in sheet coordinates. */
export function locateTable(snap: WorkbookSnapshot, plan: ReturnType<typeof getPlan>): TableRegion {
  const { block, rowIndex, columnIndex, sheet } = snap.source;
  const found = findTable(block, planHeaderScore(plan));
  if (!found) {
    throw new WorkflowError(
      "no_table",
      `Không tìm thấy bảng số liệu ở vùng ${snap.source.address}: cần một dòng tiêu đề có các cột như ` +
        plan.inputs
          .filter((d) => d.required)
          .map((d) => `"${d.headers[0] ?? d.label}"`)
          .join(", ") +
        ` (đã tìm trong ${HEADER_SEARCH_ROWS_MAX} dòng đầu của vùng).`,
      {
        where: { sheet },
        hint: "Chọn một ô bất kỳ trong bảng số liệu (hoặc chọn một Excel Table) rồi bấm lại.",
      },
    );
  }
  const table: TableRegion = {
    headerRow: found.headerRow + rowIndex,
    firstCol: found.firstCol + columnIndex,
    lastCol: found.lastCol + columnIndex,
    lastRow: found.lastRow + rowIndex,
  };
  if (found.headerFirstRow !== undefined) table.headerFirstRow = found.headerFirstRow + rowIndex;
  return table;
}

/** Scores the snapshot and checks that there is something sound to write. Pure; throws WorkflowError. */
export function scoreSnapshot(snap: WorkbookSnapshot, req: JobRequest, plan: Plan = getPlan(req.planId)): ScoredSheet {
  const table = locateTable(snap, plan);
  let scored: ScoredSheet;
  const headerRow = table.headerRow + 1;
  try {
    scored = scoreSheet(plan, snap.source.grid, {
      sheet: snap.source.sheet,
      table,
      overrides: req.overrides,
      level: req.level,
      date: req.date,
      plans: listPlans(),
      merges: snap.source.merges,
    });
  } catch (e) {
    if (e instanceof MappingError) {
      const { code, hint } = MAPPING_CODES[e.kind];
      const view = tableView(snap.source.grid, table);
      throw new MappingWorkflowError(
        code,
        e.message,
        { where: { sheet: snap.source.sheet, row: headerRow, column: columnLetter(table.firstCol) }, hint },
        previewOf(snap, table, view, e.mapping, req.source),
      );
    }
    if (e instanceof WorkbookError) throw new WorkflowError("no_table", e.message, { where: { sheet: snap.source.sheet } });
    throw e;
  }
  if (scored.outcome.units.length === 0) {
    throw new WorkflowError("no_units", `Bảng ở ${snap.source.address} không có dòng đơn vị nào để chấm.`, {
      where: { sheet: snap.source.sheet, row: headerRow + 1 },
      hint: "Kiểm tra cột “Đơn vị” và các dòng dưới dòng tiêu đề.",
    });
  }
  return scored;
}

/** The sheets to write for a scored table: rules, results, and (when there are totals) the chart. */
export function buildSheets(
  scored: ScoredSheet,
  req: JobRequest,
  now: Date,
  plan: Plan = getPlan(scored.planId),
): { sheets: OwnedSheet[]; chartOmitted: boolean; textNotes: string[] } {
  const rules = layoutRules(plan, { now, scored, formulas: req.formulas ?? false });
  const results = layoutResults(scored, plan, { formulas: req.formulas ?? false, rules, now });
  const sheets: OwnedSheet[] = [
    { role: "results", model: results },
    { role: "rules", model: rules.sheet },
  ];
  // a target plan's "total" is a count of targets met, not points: the results sheet is its picture
  const hasTotals = plan.kind !== "targets" && scored.outcome.units.some((u) => u.total !== null);
  const chart = hasTotals ? chartSheet(scored.outcome.units) : null;
  if (chart) sheets.push({ role: "chart", model: chart.model, chart: chart.chart });
  const textNotes = sheets.flatMap((s) => fitSheetTexts(s.model));
  return { sheets, chartOmitted: hasTotals && !chart, textNotes };
}

/**
 * Rank (ratio-points plans) or Check targets (target plans): the same job, since the workbook
 * module lays out either kind of plan. `progress` is called at each step for the pane's progress bar.
 */
export async function runJob(
  run: ExcelRunner,
  req: JobRequest,
  progress: (step: JobStep) => void = () => undefined,
): Promise<JobResult> {
  const now = req.now ?? new Date();
  return run(async (context) => {
    let syncs = 0;
    // every round trip of the job, failed ones included, is counted for the summary
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    progress("read");
    // the plan sheet rides on the table's first round trip
    const planRead: QueuedPlanSheet | null = req.planSheet ? queuePlanSheetRead(context, req.planSheet) : null;
    const snap = await readSnapshot(context, req.source, sync);

    progress("score");
    // let the pane paint the step before a large table keeps the thread busy
    await nextTask();
    refuseOwnSource(snap);
    const plan = planRead ? planOfSheet(req.planSheet!, planRead.grid()) : getPlan(req.planId);
    const scored = scoreSnapshot(snap, req, plan);
    const { sheets, chartOmitted, textNotes } = buildSheets(scored, req, now, plan);

    progress("check");
    const own = planOwnership(snap, sheets);
    const oldResults = own.replace.find((name) => sameSheetName(name, RESULTS_SHEET));
    if (oldResults !== undefined && !req.replaceNotes) {
      const cells = await notesOnOldResults(context, oldResults, sync);
      if (cells.length) throw new NotesWorkflowError(oldResults, cells);
    }

    progress("write");
    await nextTask();
    await writeSheets(context, { sheets, activate: sheets[0].model.name }, own, snap, sync);
    progress("done");
    return {
      summary: summarize(scored, sheets.map((s) => s.model.name), syncs, plan),
      scored,
      chartOmitted,
      textNotes,
      source: anchorOf(req.source, snap),
    };
  });
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The source to use next time: the same table, or the top-left cell of the block read. */
function anchorOf(spec: SourceSpec, snap: WorkbookSnapshot): SourceSpec {
  if (spec.kind === "table") return spec;
  return { kind: "region", sheet: snap.source.sheet, cell: columnLetter(snap.source.columnIndex) + (snap.source.rowIndex + 1) };
}

/** The selection is on a sheet the add-in wrote (after a Rank, the results sheet is the active one). */
export function refuseOwnSource(snap: WorkbookSnapshot): void {
  for (const n of snap.names) {
    // our markers, and the temporary ones of a split write (write-parts.ts)
    if (!/^DVC_THIDUA_[A-Z_]+$/.test(n.name)) continue;
    const s = sheetOfFormula(n.formula);
    if (s !== null && sameSheetName(s, snap.source.sheet)) {
      throw new WorkflowError(
        "source_on_own_sheet",
        `Vùng đang chọn nằm trên trang "${s}" do DVC Thi đua ghi ra, không phải bảng số liệu.`,
        { where: { sheet: s }, hint: "Chọn một ô trong bảng số liệu của đơn vị (hoặc một Excel Table) rồi bấm lại." },
      );
    }
  }
}

/** Reads the table once and returns the column mapping found (for the pane's mapping section). One round trip unless the table is very large. */
export async function previewMapping(run: ExcelRunner, req: Pick<JobRequest, "planId" | "source" | "overrides" | "level">) {
  return run(async (context) => {
    const snap = await readSnapshot(context, req.source, async () => void (await context.sync()));
    refuseOwnSource(snap);
    const plan = getPlan(req.planId);
    const table = locateTable(snap, plan);
    const view = tableView(snap.source.grid, table);
    return previewOf(snap, table, view, mapColumns(plan, view, req.overrides ?? {}, 0, { level: req.level }), req.source);
  });
}

function previewOf(snap: WorkbookSnapshot, table: TableRegion, view: TableView, mapping: ColumnMapping, spec: SourceSpec): MappingPreview {
  return {
    sheet: snap.source.sheet,
    address: snap.source.address,
    headerRow: table.headerRow + 1,
    firstCol: table.firstCol,
    headers: view.headers,
    view,
    mapping,
    source: anchorOf(spec, snap),
  };
}
