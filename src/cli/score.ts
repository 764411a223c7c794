/**
 * `dvc-thidua score <input.xlsx|input.csv> --plan <id> ...`: scores a whole workbook with the engine
 * and writes a scored copy (the input's package unchanged, plus the results, rules and chart sheets).
 *
 * Exit status: 0 when at least one unit was scored (bad rows are reported, not fatal); 1 when nothing
 * could be scored (no table, missing columns, every row bad); 2 when the file cannot be read or the
 * command line is wrong.
 */
import * as path from "path";
import { parseArgs } from "util";
import { formatNumberVi, parseDate, parseLevel } from "../engine";
import type { Level, Plan } from "../engine";
import { listPlans } from "../plans";
import {
  findTable, fitSheetTexts, isPlanSheet, layoutResults, layoutRules, MappingError, planHeaderScore, RESULTS_SHEET, RULES_SHEET, scoreSheet, skippedRowText, toJsonPrevious, toJsonRows,
  WorkbookError,
} from "../workbook";
import type { ScoredSheet, TableRegion } from "../workbook";
import type { Io } from "./calc";
import { rowRuns } from "../workbook/read";
import { chartSheet } from "../workflow/chart";
import { InputFileError, readInput, findSheet, sheetsInSearchOrder } from "./read";
import type { InputBook } from "./read";
import { checkOutput, copyKindOf, OutputError, writeScoredCopy, type OurSheet } from "./write";
import { PhaseTimes, timingsWanted } from "./timings";
import { choosePlanSheet, isPlanWorkbookArg, loadPlanArg, planSheetsOf, PlanSourceError, resolvePlanArg, sheetProblems } from "./plan-source";
import { fillPlanSheetText, PLAN_SOURCE_TEXT as PT } from "../messages/plan-sheet";

export const SCORE_USAGE = `Cách dùng / Usage:
  dvc-thidua score <tệp.xlsx|.xlsm|.xls|.ods|.csv> [--plan <mã|kế-hoạch.xlsx|.json|.yaml>] [--plan-sheet TÊN] [--level xa|huyen|tinh]
                   [--sheet TÊN] [-o kết-quả.xlsx] [--json] [--formulas] [--map đầu_vào=Tiêu đề cột ...] [--date dd/mm/yyyy] [--encoding windows-1258]

  --plan       mã kế hoạch (${"hg-165, hg-126, ls-170, iator-32, np-236"}; đủ phần đầu của mã), hoặc một tệp kế hoạch
               .json / .yaml / .yml (docs/plan-file.md), hoặc một sổ .xlsx có trang kế hoạch (dvc-thidua plan new);
               kiểm tra trước bằng: dvc-thidua plan check TỆP. Không có --plan: trang kế hoạch của chính sổ số liệu
  --plan-sheet trang kế hoạch cần dùng, khi sổ có nhiều trang kế hoạch
  --level      cấp của mọi dòng khi bảng không có cột "Cấp" hay cột huyện
  --sheet      trang có bảng số liệu (mặc định: trang đầu tiên có bảng)
  -o           tệp kết quả (mặc định: <tên tệp>-ket-qua.xlsx, .xlsm cho sổ có macro, cạnh tệp vào; không bao giờ
               là tệp vào; với --json chỉ ghi khi có -o)
  --json       in kết quả dạng JSON ra stdout (thông báo ở stderr)
  --formulas   điểm và tổng điểm là công thức Excel, tự tính lại khi sửa số liệu
  --map        chỉ định cột cho một đầu vào, ví dụ --map online_dossiers="HS trực tuyến" hoặc --map online_dossiers=E
  --date       ngày xét chỉ tiêu (iator-32: chọn mốc chỉ tiêu đang áp dụng; mặc định hôm nay)
`;

export class UsageError extends Error {}

export interface ScoreArgs {
  input: string;
  /** absent: the plan is the input workbook's own plan sheet (its only one, or `planSheet`) */
  plan?: Plan;
  /** the plan sheet of the --plan workbook or of the input, when the plan is a plan sheet */
  planSheet?: string;
  /** where the plan came from when it is a plan sheet of another workbook (said on stderr) */
  planSource?: { file: string; sheet: string };
  level?: Level;
  sheet?: string;
  output?: string;
  json: boolean;
  formulas: boolean;
  map: Record<string, string>;
  date?: string;
  encoding?: string;
  quiet: boolean;
}

/** The command line read, and its plan resolved (a built-in id or a plan file: plan-source.ts). */
export async function parseScoreArgs(args: string[]): Promise<ScoreArgs> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        plan: { type: "string", short: "p" },
        "plan-sheet": { type: "string" },
        level: { type: "string" },
        sheet: { type: "string" },
        output: { type: "string", short: "o" },
        json: { type: "boolean" },
        formulas: { type: "boolean" },
        map: { type: "string", multiple: true },
        date: { type: "string" },
        encoding: { type: "string" },
        quiet: { type: "boolean", short: "q" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (parsed.positionals.length !== 1) throw new UsageError("Cần đúng một tệp đầu vào.");
  const map: Record<string, string> = {};
  for (const m of v.map ?? []) {
    const i = m.indexOf("=");
    if (i <= 0) throw new UsageError(`--map cần dạng đầu_vào=Tiêu đề cột, không phải "${m}".`);
    map[m.slice(0, i).trim()] = m.slice(i + 1).trim();
  }
  let level: Level | undefined;
  if (v.level) {
    const p = parseLevel(v.level);
    if (!p.ok) throw new UsageError(`--level không hợp lệ: "${v.level}" (dùng xa, huyen hoặc tinh).`);
    level = p.value;
  }
  let date: string | undefined;
  if (v.date) {
    const p = parseDate(v.date);
    if (!p.ok) throw new UsageError(`--date không hợp lệ: "${v.date}" (dùng dd/mm/yyyy).`);
    date = p.value;
  }
  // a plan sheet is read here when it is another workbook's; the input's own is read with the input
  let plan: Plan | undefined;
  let planSource: ScoreArgs["planSource"];
  if (v.plan !== undefined && isPlanWorkbookArg(v.plan)) {
    const loaded = await loadPlanArg(v.plan, v["plan-sheet"]);
    if (!loaded.plan) throw sheetProblems(loaded.sheet!, loaded.problems);
    plan = loaded.plan;
    planSource = { file: v.plan, sheet: loaded.sheet! };
  } else if (v.plan !== undefined) {
    if (v["plan-sheet"] !== undefined) throw new UsageError("--plan-sheet chỉ dùng với --plan là một sổ Excel (.xlsx) có trang kế hoạch, hoặc khi không có --plan.");
    plan = await resolvePlanArg(v.plan);
  }
  return {
    input: parsed.positionals[0],
    plan,
    planSheet: v["plan-sheet"],
    planSource,
    level,
    sheet: v.sheet,
    output: v.output,
    json: !!v.json,
    formulas: !!v.formulas,
    map,
    date,
    encoding: v.encoding,
    quiet: !!v.quiet,
  };
}

/** <name>-ket-qua.xlsx beside the input (.xlsm for a macro-enabled input, whose copy keeps its macros). */
export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), path.basename(input, ext) + "-ket-qua." + inputCopyKind(input));
}

function inputCopyKind(input: string) {
  return copyKindOf({ kind: path.extname(input).toLowerCase() === ".xlsm" ? "xlsm" : "xlsx" });
}

/** Rows above which progress lines are printed. */
const PROGRESS_ROWS = 2000;

/**
 * The largest table scored. Reading is bounded (a full sheet of 1,048,576 rows takes ~0.4 GB), but
 * scoring keeps about 1.3 KB for each unit: 500,000 units were read, scored and printed as JSON in
 * 1.2 GB at most, a million in 2.6 GB, more than the 2 GB a command must stay within (and than
 * Node's own heap limit on a machine with 8 GB). A larger table is refused before scoring starts.
 * A real campaign has at most some thousands of units; a table this long is most often a column
 * filled down to the sheet's last row.
 */
export const MAX_UNITS = 500_000;

export interface ScoreRun {
  code: number;
  /** the columns could not be used as mapped: nothing was scored */
  refused?: MappingError;
  scored?: ScoredSheet;
  output?: string;
  book?: InputBook;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The whole command, returning what it did (the demo and the tests use this). */
export async function runScore(a: ScoreArgs, io: Io, now = new Date()): Promise<ScoreRun> {
  const t0 = Date.now();
  const times = new PhaseTimes();
  times.end("start");
  const note = (s: string) => {
    if (!a.quiet) io.err(s + "\n");
  };
  // the output is checked before anything is read: -o onto the input is refused, whatever its spelling
  const output = !a.json || a.output ? a.output ?? defaultOutput(a.input) : undefined;
  if (output) checkOutput(a.input, output, inputCopyKind(a.input));
  let book: InputBook;
  let plan: Plan;
  if (a.plan) {
    const hint = planHeaderScore(a.plan);
    plan = a.plan;
    book = await readInput(a.input, {
      encoding: a.encoding,
      sheet: a.sheet,
      holdsTable: (grid, name) => name !== RESULTS_SHEET && name !== RULES_SHEET && !isPlanSheet(grid) && findTable(grid, hint) !== null,
    });
    if (a.planSource) note(planUsed(plan, a.planSource.sheet, a.planSource.file));
  } else {
    // the plan is the workbook's own plan sheet: every sheet is read, the plan sheet with the table's
    book = await readInput(a.input, { encoding: a.encoding });
    const found = planSheetsOf(book);
    if (!found.length && a.planSheet === undefined) throw new UsageError(fillPlanSheetText(PT.noPlan, { file: a.input }));
    const chosen = choosePlanSheet(found, a.input, a.planSheet);
    if (!chosen.plan) throw sheetProblems(chosen.sheet, chosen.problems);
    plan = chosen.plan;
    note(planUsed(plan, chosen.sheet, a.input));
  }
  const hint = planHeaderScore(plan);
  for (const line of book.notes ?? []) note(line);
  times.end("read");
  const own = new Set([RESULTS_SHEET, RULES_SHEET, ...book.ownSheets.map((s) => s.name)]);
  // a plan sheet is the plan, never the table (nor is it written: the copy keeps it as the user's)
  const planSheets = new Set(book.sheets.filter((s) => !s.unread && isPlanSheet(s.grid)).map((s) => s.name));
  const candidates = sheetsInSearchOrder(book, book.sheets.filter((s) => !own.has(s.name) && !planSheets.has(s.name)));
  let sheet = candidates[0];
  // the table is looked for once on each sheet, and the one found is the one scored
  let region: TableRegion | null = null;
  if (a.sheet) {
    const name = findSheet(book.sheets.map((s) => s.name), a.sheet);
    const found = book.sheets.find((s) => s.name === name);
    if (!found) throw new WorkbookError(`Không có trang "${a.sheet}"; các trang: ${book.sheets.map((s) => s.name).join(", ")}.`);
    if (planSheets.has(found.name)) throw new WorkbookError(fillPlanSheetText(PT.notDataSheet, { sheet: found.name }));
    sheet = found;
    region = findTable(sheet.grid, hint);
  } else {
    // the table's sheet: the active one if it holds it, else the first visible one that does; a
    // hidden sheet only when no visible one holds the table (and the command says so below)
    for (const s of candidates) {
      region = findTable(s.grid, hint);
      if (region) {
        sheet = s;
        break;
      }
    }
  }
  if (!sheet) throw new WorkbookError("Sổ làm việc không có trang số liệu.");
  if (sheet.state !== "visible") {
    note(`Trang "${sheet.name}" đang ẩn${a.sheet ? "" : " (không trang nào đang hiện có bảng số liệu)"}: vẫn chấm bảng của trang này.`);
  }
  if (region && region.lastRow - region.headerRow > MAX_UNITS) {
    throw new WorkbookError(
      `Bảng của trang "${sheet.name}" có ${formatNumberVi(region.lastRow - region.headerRow, 0)} dòng dưới dòng tiêu đề (đến dòng ${region.lastRow + 1}), ` +
        `nhiều hơn ${formatNumberVi(MAX_UNITS, 0)} dòng mà dòng lệnh chấm được trong 2 GB bộ nhớ; chưa chấm. ` +
        `Hãy xóa các dòng thừa ở cuối bảng (ví dụ một cột công thức kéo xuống hết trang), hoặc chia bảng thành nhiều tệp.`,
    );
  }
  const big = sheet.grid.length > PROGRESS_ROWS;
  if (big) note(`Đã đọc ${formatNumberVi(sheet.grid.length, 0)} dòng của trang "${sheet.name}" (${Date.now() - t0} ms); đang chấm…`);

  const engine: Record<string, unknown> = {};
  const date = a.date ?? (plan.campaign ? today() : undefined);
  let scored: ScoredSheet;
  try {
    scored = scoreSheet(plan, sheet.grid, {
      sheet: sheet.name, level: a.level, overrides: a.map, date, engine, hiddenColumns: sheet.hiddenColumns, plans: listPlans(), table: region ?? undefined,
      merges: sheet.merges,
    });
  } catch (e) {
    if (!(e instanceof MappingError)) throw e;
    printMapping(e.mapping.report, note);
    io.err(`${e.message}\n`);
    // an override naming no column is a wrong command line; the rest is a table that cannot be scored as it is
    return { code: e.kind === "bad_override" ? 2 : 1, book, refused: e };
  }
  times.end("score");
  if (big) note(`Đã chấm ${formatNumberVi(scored.outcome.units.length, 0)} đơn vị (${Date.now() - t0} ms); đang ghi…`);

  // what was mapped, on stderr so that --json stays clean
  const t = scored.table;
  note(`${plan.document} (--plan ${plan.id}) — trang "${sheet.name}", dòng tiêu đề ${t.headerFirstRow !== undefined ? `${t.headerFirstRow + 1}–` : ""}${t.headerRow + 1}, dữ liệu đến dòng ${t.lastRow + 1}.`);
  printMapping(scored.mapping.report, note);
  for (const s of scored.read.skipped) note("  " + skippedRowText(s));
  const hidden = hiddenUnitRows(sheet.hiddenRows, scored);
  if (hidden.length) note(`  dòng ${rowRuns(hidden)} đang ẩn (ẩn hoặc lọc) nhưng vẫn được chấm: mọi đơn vị trong bảng đều dự thi đua.`);

  if (scored.problems.length) {
    io.err(`Có ${scored.problems.length} vấn đề về số liệu (các dòng khác vẫn được chấm):\n`);
    const shown = scored.problems.slice(0, 50);
    for (const p of shown) io.err(`  ${p.sheet}!${p.column}${p.row}${p.unit ? ` (${p.unit})` : ""}: ${p.message}\n`);
    if (scored.problems.length > shown.length) io.err(`  … và ${scored.problems.length - shown.length} vấn đề khác (xem cột "Lý do" của trang kết quả).\n`);
  }
  const units = scored.outcome.units;
  const usable = units.filter((u) => u.status === "scored" || u.status === "not_eligible").length;
  if (usable === 0) {
    io.err(units.length ? "Không đơn vị nào chấm được: mọi dòng đều thiếu hoặc sai số liệu.\n" : "Bảng không có dòng số liệu nào.\n");
    return { code: 1, scored, book };
  }

  if (output) {
    const rules = layoutRules(plan, { now, scored, formulas: a.formulas, notes: a.date || date ? [`Ngày xét chỉ tiêu: ${date}`] : [] });
    const results = layoutResults(scored, plan, { formulas: a.formulas, rules, now });
    const sheets: OurSheet[] = [
      { role: "results", model: results },
      { role: "rules", model: rules.sheet },
    ];
    // as the task pane does: a target plan's "total" counts targets met, so its picture is the results sheet
    const hasTotals = plan.kind !== "targets" && units.some((u) => u.total !== null);
    const chart = hasTotals ? chartSheet(units) : null;
    if (chart) sheets.push({ role: "chart", model: chart.model, chart: chart.chart });
    for (const line of sheets.flatMap((s) => fitSheetTexts(s.model))) note(line);
    times.end("layout");
    for (const line of (await writeScoredCopy(book, sheets, output)).notes) note(line);
    times.end("write");
  }
  if (a.json) {
    const previous = toJsonPrevious(scored);
    // with a previous period the table's own findings (names matched to several, units gone since)
    // go beside the rows: { units, previous }; without one the output stays the array it always was
    if (previous) io.out(JSON.stringify({ units: toJsonRows(scored), previous }, null, 2) + "\n");
    else printJson(toJsonRows(scored), io);
    times.end("json");
  }
  const byStatus = (s: string) => units.filter((u) => u.status === s).length;
  note(
    `Đã chấm ${units.length} đơn vị: ${byStatus("scored")} có điểm, ${byStatus("not_eligible")} không xét, ` +
      `${byStatus("no_data")} không có dữ liệu, ${byStatus("invalid_input")} số liệu lỗi` +
      (output ? `; đã ghi "${output}"` : "") + ` (${Date.now() - t0} ms).`,
  );
  if (timingsWanted()) io.err(times.line());
  return { code: 0, scored, output, book };
}

/** Which plan sheet the plan is, on stderr. */
function planUsed(plan: Plan, sheet: string, file: string): string {
  return fillPlanSheetText(PT.usedSheet, { sheet, file, document: plan.document, id: plan.id, version: plan.version });
}

/**
 * JSON.stringify(rows, null, 2), one unit at a time: the text of a million units is half a gigabyte,
 * more than one string should hold.
 */
function printJson(rows: unknown[], io: Io): void {
  if (!rows.length) {
    io.out("[]\n");
    return;
  }
  const CHUNK = 1000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK).map((r) => "  " + JSON.stringify(r, null, 2).replace(/\n/g, "\n  "));
    io.out((i === 0 ? "[\n" : ",\n") + part.join(",\n") + (i + CHUNK >= rows.length ? "\n]\n" : ""));
  }
}

/** The columns used, as the mapper chose them, on stderr (so that --json stays clean). */
function printMapping(report: ScoredSheet["mapping"]["report"], note: (s: string) => void): void {
  note("Cột đã dùng:");
  for (const e of report) {
    const where =
      e.column === null
        ? e.required ? "THIẾU" : "(không có)"
        : `${colLetter(e.column)} "${e.header}"${e.via === "override" ? " (--map)" : ""}${e.doubtful ? " — CHƯA CHẮC" : ""}`;
    // the column by the input's name; the id only as the --map key that changes it
    note(`  ${e.label}: ${where}${e.note ? ` (${e.note})` : ""}  [--map ${e.input}=…]`);
  }
}

/**
 * The hidden rows that were scored. Reading: a hidden or filtered-out row is still a unit of the
 * campaign (a filter changes what is shown, not who competes), so it is scored, and said so.
 */
function hiddenUnitRows(hidden: number[], scored: ScoredSheet): number[] {
  const h = new Set(hidden);
  return scored.read.sources.map((s) => s.row).filter((r) => h.has(r)).sort((a, b) => a - b);
}

function colLetter(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export async function scoreCommand(args: string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(SCORE_USAGE);
    return 0;
  }
  try {
    const a = await parseScoreArgs(args);
    return (await runScore(a, io)).code;
  } catch (e) {
    if (e instanceof UsageError || (e instanceof PlanSourceError && e.kind === "unknown_id")) {
      io.err(`${e.message}\n\n${SCORE_USAGE}`);
      return 2;
    }
    if (e instanceof PlanSourceError && e.kind === "invalid_sheet") {
      io.err(`${e.message}\n${e.problems.map((p) => `  ${p}\n`).join("")}`);
      return 1;
    }
    if (e instanceof PlanSourceError) {
      io.err(`Lỗi: ${e.message}\n`);
      return 2;
    }
    if (e instanceof InputFileError || e instanceof OutputError) {
      io.err(`Lỗi: ${e.message}\n`);
      return 2;
    }
    if (e instanceof WorkbookError) {
      io.err(`Lỗi: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
