/**
 * Where the time of one `score` run goes, for the bench (bench/cli-vs-lo.ts), which shows the read,
 * score and write shares of the command's end-to-end time. Printed only when DVC_TIMINGS=1, as one
 * stderr line: `DVC_TIMINGS {"start":…,"read":…,…}` in milliseconds. "start" is the time from the
 * process's start to the command's (Node itself and loading the modules); each later phase runs
 * from the end of the one before.
 */
import { performance } from "perf_hooks";

export const TIMINGS_ENV = "DVC_TIMINGS";
export const TIMINGS_PREFIX = "DVC_TIMINGS ";

export type Phase = "start" | "read" | "score" | "layout" | "write" | "json";

export class PhaseTimes {
  readonly ms: Partial<Record<Phase, number>> = {};
  private last = 0;

  /** the phase that ends now */
  end(phase: Phase): void {
    const t = performance.now();
    this.ms[phase] = (this.ms[phase] ?? 0) + (t - this.last);
    this.last = t;
  }

  line(): string {
    const rounded = Object.fromEntries(Object.entries(this.ms).map(([k, v]) => [k, Math.round(v * 10) / 10]));
    return TIMINGS_PREFIX + JSON.stringify(rounded) + "\n";
  }
}

export const timingsWanted = (): boolean => process.env[TIMINGS_ENV] === "1";
