/** Small helpers shared by the bench sections: medians, wall-clock timing, child processes. */
import { spawn } from "child_process";

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A collection between runs, so one run's garbage is not charged to the next (needs node --expose-gc). */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export interface ProcessRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; `ms` is the wall time from spawn to exit, as a user waits for it. */
export function runProcess(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t0 = nowMs();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs) : null;
    child.on("error", reject);
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ ms: nowMs() - t0, code, stdout, stderr });
    });
  });
}

/** Like runProcess, but a non-zero exit is an error carrying what the command printed. */
export async function runOk(cmd: string, args: string[], opts: Parameters<typeof runProcess>[2] = {}): Promise<ProcessRun> {
  const r = await runProcess(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.code}:\n${r.stderr || r.stdout}`);
  return r;
}
