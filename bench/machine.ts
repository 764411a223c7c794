/** What the figures were taken on: printed first and stored with them. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import { ROOT } from "./paths";

export interface Machine {
  date: string;
  commit: string;
  /** the working tree differs from the commit (bench/latest.json itself aside) */
  uncommittedChanges: boolean;
  cpu: string;
  cores: number;
  ramBytes: number;
  os: string;
  kernel: string;
  node: string;
  /** 1-minute load average when the bench started: other work on the machine skews the figures */
  loadAverage: number;
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

function osName(): string {
  try {
    const m = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(fs.readFileSync("/etc/os-release", "utf8"));
    if (m) return m[1];
  } catch {
    // not Linux: fall through
  }
  return `${os.type()} ${os.release()}`;
}

export function machine(): Machine {
  return {
    date: new Date().toISOString(),
    commit: git(["rev-parse", "HEAD"]) || "unknown",
    uncommittedChanges: git(["status", "--porcelain", "--", ".", ":!bench/latest.json"]) !== "",
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    ramBytes: os.totalmem(),
    os: osName(),
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg()[0],
  };
}

export function machineLine(m: Machine): string {
  const commit = m.commit.slice(0, 10) + (m.uncommittedChanges ? " + uncommitted changes" : "");
  return (
    `Machine: ${m.cpu}, ${m.cores} cores, ${(m.ramBytes / 2 ** 30).toFixed(1)} GiB RAM, ${m.os} (${m.kernel}), ` +
    `Node ${m.node}; ${m.date}; commit ${commit}; load average ${m.loadAverage.toFixed(2)} at start`
  );
}
