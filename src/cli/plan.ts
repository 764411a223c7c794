/**
 * `dvc-thidua plan <subcommand>`: work on a plan itself. A subcommand is one entry of SUBCOMMANDS
 * (name, one-line help in Vietnamese / English, handler returning the exit code).
 *
 * plan check FILE|ID: exit 0 and a one-paragraph summary of the plan when it is good; exit 1 and one
 * line per problem ("kh.json dòng 12, cột 7: …") when it is not; exit 2 when the argument names no
 * plan or the file cannot be read.
 */
import type { Io } from "./calc";
import { loadPlanArg, PlanSourceError } from "./plan-source";
import { planSummary } from "../plans/summary";

interface Subcommand {
  /** one line: Vietnamese / English */
  summary: string;
  run: (args: string[], io: Io) => Promise<number>;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  check: {
    summary: "Kiểm tra một kế hoạch / Check a plan: plan check <kế-hoạch.json|.yaml|.yml | mã>",
    run: planCheck,
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
