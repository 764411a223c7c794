/**
 * Command dispatcher of `dvc-thidua`. A command is one entry of COMMANDS: add a new one there
 * (name, one-line help in Vietnamese / English, and an async handler returning the exit code).
 */
import { calcCommand, CALC_USAGE, type Io } from "./calc";
import { functionsCommand } from "./functions-list";
import { scoreCommand } from "./score";
import { demoCommand } from "./demo";
import { planCommand } from "./plan";

export interface Command {
  /** one line: Vietnamese / English */
  summary: string;
  run: (args: string[], io: Io) => Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  calc: {
    summary: "Tính một hàm DVC như trong Excel / Evaluate one DVC function as Excel would: calc [--json] '<formula>'",
    run: calcCommand,
  },
  functions: {
    summary: "Liệt kê các hàm DVC / List the DVC functions: functions [--markdown | --json]",
    run: (args, io) => functionsCommand(args, io),
  },
  score: {
    summary: "Chấm điểm cả sổ làm việc / Score a whole workbook: score <tệp.xlsx|.csv> [--plan <mã|kế-hoạch.xlsx|.json|.yaml>] [-o ra.xlsx] [--json] [--formulas]",
    run: scoreCommand,
  },
  plan: {
    summary: "Kiểm tra một kế hoạch, tạo trang kế hoạch / Check a plan, write a plan sheet: plan check <kế-hoạch.xlsx|.json|.yaml | mã>; plan new [--from <mã>] -o kế-hoạch.xlsx",
    run: planCommand,
  },
  demo: {
    summary: "Chấm các sổ mẫu trong assets/samples / Score the bundled samples into out/demo",
    run: demoCommand,
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return (
    "dvc-thidua — chấm điểm thi đua dịch vụ công trực tuyến / scoring emulation campaigns on online public services\n\n" +
    "Cách dùng / Usage: dvc-thidua <lệnh / command> [tham số / arguments]\n\n" +
    "Lệnh / Commands:\n" +
    lines.join("\n") +
    "\n\n" +
    CALC_USAGE
  );
}

const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** Entry point of bin/dvc-thidua.js; resolves to the exit code (0 ok, 1 error value, 2 usage). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`Lệnh không có / Unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  return command.run(rest, io);
}
