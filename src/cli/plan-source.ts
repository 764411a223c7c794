/**
 * The plan a command line names (`--plan`, `plan check`): a plan file, a workbook holding a plan
 * sheet, or the id of a built-in plan. A path ending in .xlsx / .xlsm / .xls / .ods is a workbook; a
 * path that exists, or one that ends in .json / .yaml / .yml, is a file; anything else is an id
 * ("hg-165" is enough of "hg-165-2023"). Every command resolves its plan argument here.
 */
import * as fs from "fs";
import * as path from "path";
import type { Plan } from "../engine";
import { findPlan, listPlans } from "../plans";
import { loadPlanFile, planFileFormat, tooLarge } from "../plan-file";
import { isPlanSheet, readPlanSheet } from "../workbook";
import { fillPlanSheetText, PLAN_SOURCE_TEXT as T } from "../messages/plan-sheet";
import { findSheet, InputFileError, readInput, type InputBook } from "./read";

/**
 * A plan argument that names no plan, a file that cannot be read, a workbook with no plan sheet or
 * with several and none chosen: the command cannot start. "invalid_sheet": the plan sheet has problems
 * (`problems`, one line per cell), so nothing is scored.
 */
export class PlanSourceError extends Error {
  constructor(
    message: string,
    readonly kind: "unknown_id" | "unreadable" | "no_plan_sheet" | "which_sheet" | "invalid_sheet",
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = "PlanSourceError";
  }
}

export interface LoadedPlan {
  /** null when the file has problems */
  plan: Plan | null;
  /** one line per problem, "kh.json dòng 12, cột 7: …", or for a plan sheet "Kế hoạch DVC!C7: …" */
  problems: string[];
  /** the file read; null for a built-in plan */
  file: string | null;
  /** the plan sheet read, when the file is a workbook */
  sheet?: string;
}

const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;

/** A workbook, whose plan sheet is the plan. */
export function isPlanWorkbookArg(arg: string): boolean {
  return WORKBOOK.test(arg);
}

/** One plan sheet of a workbook, read and checked. */
export interface SheetPlan {
  sheet: string;
  plan: Plan | null;
  /** "Kế hoạch DVC!C7: …", one line per problem */
  problems: string[];
}

/** Every plan sheet of a workbook read in full (sheets left unread are not looked at), in tab order. */
export function planSheetsOf(book: InputBook): SheetPlan[] {
  return book.sheets
    .filter((s) => !s.unread && isPlanSheet(s.grid))
    .map((s) => {
      const read = readPlanSheet(s.grid, s.name);
      return { sheet: s.name, plan: read.plan, problems: read.problems.map((p) => `${s.name}!${p.cell}: ${p.message}`) };
    });
}

/**
 * The plan sheet to use: the one named (--plan-sheet), or the only one. None, or several and none
 * named, is a PlanSourceError naming them.
 */
export function choosePlanSheet(found: SheetPlan[], file: string, wanted?: string): SheetPlan {
  const names = found.map((f) => f.sheet);
  if (wanted !== undefined) {
    const name = findSheet(names, wanted);
    const hit = found.find((f) => f.sheet === name);
    if (!hit) throw new PlanSourceError(fillPlanSheetText(T.noSuchPlanSheet, { file, sheet: wanted, sheets: names.map((n) => `"${n}"`).join(", ") || T.none }), "no_plan_sheet");
    return hit;
  }
  if (!found.length) throw new PlanSourceError(fillPlanSheetText(T.noPlanSheet, { file }), "no_plan_sheet");
  if (found.length > 1) throw new PlanSourceError(fillPlanSheetText(T.whichPlanSheet, { file, sheets: names.map((n) => `"${n}"`).join(", "), first: names[0] }), "which_sheet");
  return found[0];
}

/** The plan sheets of a workbook file, read in full. */
export async function readPlanWorkbook(file: string): Promise<SheetPlan[]> {
  try {
    return planSheetsOf(await readInput(file));
  } catch (e) {
    if (e instanceof InputFileError) throw new PlanSourceError(e.message, "unreadable");
    throw e;
  }
}

export function isPlanFileArg(arg: string): boolean {
  return planFileFormat(arg) !== null || fs.existsSync(arg);
}

/**
 * Reads and checks the plan `arg` names (of a workbook, its plan sheet `sheet`, or its only one);
 * throws PlanSourceError only when there is nothing to check.
 */
export async function loadPlanArg(arg: string, sheet?: string): Promise<LoadedPlan> {
  if (isPlanWorkbookArg(arg)) {
    const chosen = choosePlanSheet(await readPlanWorkbook(arg), arg, sheet);
    return { plan: chosen.plan, problems: chosen.problems, file: arg, sheet: chosen.sheet };
  }
  if (!isPlanFileArg(arg)) return { plan: builtinPlan(arg), problems: [], file: null };
  const name = path.basename(arg);
  let loaded;
  try {
    loaded = tooLarge(fs.statSync(arg).size, name) ?? loadPlanFile(fs.readFileSync(arg), name);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "không có tệp này" : code === "EISDIR" ? "đây là thư mục" : code === "EACCES" ? "không có quyền đọc" : (e as Error).message;
    throw new PlanSourceError(`Không đọc được tệp kế hoạch "${arg}": ${why}.`, "unreadable");
  }
  return { plan: loaded.plan, problems: loaded.problems.map((p) => p.text), file: arg };
}

/** The plan, or a PlanSourceError whose message lists a file's problems one per line. */
export async function resolvePlanArg(arg: string, sheet?: string): Promise<Plan> {
  const loaded = await loadPlanArg(arg, sheet);
  if (loaded.plan) return loaded.plan;
  if (loaded.sheet !== undefined) throw sheetProblems(loaded.sheet, loaded.problems);
  throw new PlanSourceError(`Tệp kế hoạch "${arg}" có ${loaded.problems.length} lỗi, chưa dùng được:\n${loaded.problems.map((p) => `  ${p}`).join("\n")}`, "unreadable");
}

/** "hg-165" → hg-165-2023: an exact id, or the one built-in plan whose id starts with it. */
export function builtinPlan(id: string): Plan {
  const exact = findPlan(id);
  if (exact) return exact;
  const key = id.trim().toLowerCase();
  const hits = listPlans().filter((p) => p.id.toLowerCase().startsWith(key + "-") || p.id.toLowerCase().startsWith(key));
  if (hits.length === 1) return hits[0];
  throw new PlanSourceError(
    `Không có kế hoạch "${id}"; các kế hoạch: ${listPlans().map((p) => p.id).join(", ")}; hoặc ghi đường dẫn một tệp kế hoạch .json, .yaml (docs/plan-file.md).`,
    "unknown_id",
  );
}

/** A plan sheet with problems: nothing is scored, and every problem is named by its cell. */
export function sheetProblems(sheet: string, problems: string[]): PlanSourceError {
  return new PlanSourceError(fillPlanSheetText(T.sheetHasProblems, { sheet, n: problems.length }), "invalid_sheet", problems);
}
