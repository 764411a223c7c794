/** Plan ids the functions apply, and the plan data they read (thresholds come from the plan, not from here). */
import { getPlan } from "../plans";

export { getPlan };
import type { Level, RatioCriterion } from "../engine/types";

export const HG165 = "hg-165-2023";
export const HG126 = "hg-126-2023";
export const LS170 = "ls-170-2023";
export const IATOR32 = "iator-32-2024";

/** The hg-165 criterion of a level ("online_ratio" or "eid_ratio"), or undefined when the plan has none. */
export function hg165Criterion(level: Level, id: "online_ratio" | "eid_ratio"): RatioCriterion | undefined {
  return getPlan(HG165).criteria.find((c) => c.level === level && c.id === id);
}
