/**
 * `dvc-thidua demo` (npm run demo): scores the bundled samples of assets/samples/ (real unit names,
 * invented figures), prints the head of each ranking and writes the scored workbooks to out/demo/.
 */
import * as fs from "fs";
import * as path from "path";
import { formatNumberVi } from "../engine";
import { getPlan } from "../plans";
import { resultOrder } from "../workbook";
import type { Io } from "./calc";
import { runScore } from "./score";
import { builtinPlan } from "./plan-source";

interface DemoCase {
  file: string;
  plan: string;
  title: string;
  date?: string;
}

export const DEMO_CASES: DemoCase[] = [
  { file: "hau-giang-2023.xlsx", plan: "hg-165", title: "Hậu Giang — KH 165: 8 huyện, 75 xã" },
  { file: "lang-son-2023.xlsx", plan: "ls-170", title: "Lạng Sơn — KH 170: 11 đơn vị cấp huyện" },
  { file: "chu-prong-2024.xlsx", plan: "iator-32", title: "Chư Prông — KH 32 Ia Tơr: 20 xã, thị trấn (mốc ngày 10/5/2024)", date: "2024-05-10" },
];

/** The package root: where assets/ lives, from src/cli or build/cli/cli. */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, "assets", "samples"))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export async function demoCommand(args: string[], io: Io): Promise<number> {
  const outIdx = args.findIndex((a) => a === "-o" || a === "--out");
  const outDir = path.resolve(outIdx >= 0 && args[outIdx + 1] ? args[outIdx + 1] : path.join(process.cwd(), "out", "demo"));
  const top = 8;
  const root = packageRoot();
  const written: string[] = [];
  let failed = 0;
  // the demo's own folder: `score` never creates a folder the user may have mistyped, the demo makes its own
  if (!fs.existsSync(outDir)) {
    fs.mkdirSync(outDir, { recursive: true });
    io.out(`Đã tạo thư mục kết quả ${outDir}\n`);
  }
  for (const c of DEMO_CASES) {
    const input = path.join(root, "assets", "samples", c.file);
    const output = path.join(outDir, c.file.replace(/\.xlsx$/, "-ket-qua.xlsx"));
    io.out(`\n== ${c.title} (${path.relative(process.cwd(), input)}) ==\n`);
    const run = await runScore(
      { input, plan: builtinPlan(c.plan), output, json: false, formulas: false, map: {}, date: c.date, quiet: true },
      { out: io.out, err: io.err },
    );
    if (run.code !== 0 || !run.scored) {
      failed++;
      continue;
    }
    written.push(output);
    // target plans have no points and no ranking: show how many targets each unit met, most first
    const targets = getPlan(run.scored.outcome.planId).kind === "targets";
    const units = targets
      ? [...run.scored.outcome.units].sort((a, b) => (b.total ?? -1) - (a.total ?? -1))
      : resultOrder(run.scored.outcome.units);
    for (const level of ["huyen", "xa", "tinh"] as const) {
      const list = units.filter((u) => u.level === level);
      if (!list.length) continue;
      io.out(level === "huyen" ? "Cấp huyện:\n" : level === "xa" ? "Cấp xã:\n" : "Cấp tỉnh:\n");
      for (const u of list.slice(0, top)) {
        const score = targets
          ? u.total !== null ? `${u.total}/${u.maxTotal} chỉ tiêu đạt` : ""
          : u.total !== null ? formatNumberVi(u.total) + " điểm" : "";
        const extra = [u.award, u.prize ? formatNumberVi(u.prize, 0) + " đồng" : ""].filter(Boolean).join(", ");
        io.out(`  ${String(u.rank ?? "–").padStart(2)}. ${u.key.padEnd(26)} ${score.padEnd(18)} ${extra || (u.status !== "scored" ? u.message : "")}\n`);
      }
      const rest = list.length - Math.min(top, list.length);
      const notConsidered = list.filter((u) => u.status === "not_eligible").length;
      if (rest > 0) io.out(`  … ${rest} đơn vị nữa${notConsidered ? `; ${notConsidered} không xét (dưới ngưỡng)` : ""}\n`);
    }
  }
  io.out(`\nĐã ghi sổ làm việc đã chấm (số liệu minh họa, giả định):\n${written.map((w) => "  " + w).join("\n")}\n`);
  return failed ? 1 : 0;
}
