/**
 * `dvc-thidua plan <subcommand>`: work on a plan itself. A subcommand is one entry of SUBCOMMANDS
 * (name, one-line help in Vietnamese / English, handler returning the exit code).
 *
 * plan check FILE|ID: exit 0 and a one-paragraph summary of the plan when it is good; exit 1 and one
 * line per problem ("kh.json dòng 12, cột 7: …", "Kế hoạch DVC!C7: …") when it is not; exit 2 when
 * the argument names no plan or the file cannot be read. A workbook's plan sheets are checked all.
 *
 * plan new [--from ID] -o FILE.xlsx: a new workbook holding a plan sheet to edit (the built-in plan's
 * content, or a template with one example row in each table); an existing file is never replaced.
 */
import { parseArgs } from "util";
import type { Io } from "./calc";
import { isPlanWorkbookArg, loadPlanArg, PlanSourceError, readPlanWorkbook, builtinPlan } from "./plan-source";
import { planSummary } from "../plans/summary";
import { PLAN_SHEET, planSheetModel, templatePlan } from "../workbook";
import { fillPlanSheetText, PLAN_SOURCE_TEXT as T } from "../messages/plan-sheet";
import { OutputError, writeNewBook } from "./write";

interface Subcommand {
  /** one line: Vietnamese / English */
  summary: string;
  run: (args: string[], io: Io) => Promise<number>;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  check: {
    summary: "Kiểm tra một kế hoạch / Check a plan: plan check <kế-hoạch.xlsx|.json|.yaml|.yml | mã>",
    run: planCheck,
  },
  new: {
    summary: "Tạo sổ có trang kế hoạch để sửa / Write a workbook with a plan sheet to edit: plan new [--from <mã>] -o <kế-hoạch.xlsx>",
    run: planNew,
  },
};

export function planUsage(): string {
  const width = Math.max(...Object.keys(SUBCOMMANDS).map((n) => n.length));
  return (
    "Cách dùng / Usage: dvc-thidua plan <lệnh / subcommand> ...\n\n" +
    Object.entries(SUBCOMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join("\n") +
    "\n\nĐịnh dạng tệp kế hoạch / Plan file format: docs/plan-file.md, schema/plan.schema.json\n"
  );
}

export async function planCommand(args: string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.err : io.out)(planUsage());
    return name === undefined ? 2 : 0;
  }
  const sub = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!sub) {
    io.err(`Lệnh không có / Unknown subcommand: plan ${name}\n\n${planUsage()}`);
    return 2;
  }
  return sub.run(rest, io);
}

async function planCheck(args: string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(planUsage());
    return 0;
  }
  if (args.length !== 1 || args[0].startsWith("-")) {
    io.err(`Cần đúng một tệp kế hoạch hoặc mã kế hoạch.\n\n${planUsage()}`);
    return 2;
  }
  try {
    if (isPlanWorkbookArg(args[0])) return await checkWorkbook(args[0], io);
    const loaded = await loadPlanArg(args[0]);
    if (!loaded.plan) {
      for (const p of loaded.problems) io.out(p + "\n");
      io.err(`${loaded.problems.length} lỗi: kế hoạch chưa dùng được.\n`);
      return 1;
    }
    io.out(`${loaded.file ?? loaded.plan.id}: hợp lệ. ${planSummary(loaded.plan)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof PlanSourceError)) throw e;
    io.err(`Lỗi: ${e.message}\n`);
    return 2;
  }
}

/** Every plan sheet of a workbook: a summary for each good one, a line per problem of the others. */
async function checkWorkbook(file: string, io: Io): Promise<number> {
  const found = await readPlanWorkbook(file);
  if (!found.length) {
    io.err(`Lỗi: ${fillPlanSheetText(T.noPlanSheet, { file })}\n`);
    return 2;
  }
  let bad = 0;
  for (const f of found) {
    if (f.plan) io.out(fillPlanSheetText(T.sheetOk, { file, sheet: f.sheet, summary: planSummary(f.plan) }) + "\n");
    else {
      for (const p of f.problems) io.out(p + "\n");
      bad += f.problems.length;
    }
  }
  if (bad) io.err(`${bad} lỗi: kế hoạch chưa dùng được.\n`);
  return bad ? 1 : 0;
}

async function planNew(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { from: { type: "string" }, output: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } } });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${planUsage()}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(planUsage());
    return 0;
  }
  const output = parsed.values.output;
  if (!output) {
    io.err(`Thiếu -o <kế-hoạch.xlsx>: tệp sẽ ghi.\n\n${planUsage()}`);
    return 2;
  }
  try {
    const plan = parsed.values.from !== undefined ? builtinPlan(parsed.values.from) : templatePlan();
    await writeNewBook([planSheetModel(plan)], output);
    const from = parsed.values.from !== undefined ? fillPlanSheetText(T.writtenFrom, { id: plan.id }) : T.writtenTemplate;
    io.err(fillPlanSheetText(T.written, { output, sheet: PLAN_SHEET, from }) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof PlanSourceError || e instanceof OutputError) {
      io.err(`Lỗi: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
