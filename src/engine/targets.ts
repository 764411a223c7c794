/** Target checks (first version: signatures). */
import type { Parsed } from "./coerce";
import type { TargetCheck } from "./outcomes";
import type { CellInput, Level } from "./types";

export interface TargetOptions {
  date?: CellInput;
  assigned?: CellInput;
  [option: string]: unknown;
}

export function targetOf(planId: string, level: Level | null, indicator: string, opts?: TargetOptions): Parsed<number> {
  void planId; void level; void indicator; void opts;
  throw new Error("not implemented");
}

export function checkTarget(planId: string, level: Level | null, indicator: string, value: CellInput, opts?: TargetOptions): TargetCheck {
  void planId; void level; void indicator; void value; void opts;
  throw new Error("not implemented");
}

export function campaignDay(planId: string, date: CellInput): Parsed<number> {
  void planId; void date;
  throw new Error("not implemented");
}
