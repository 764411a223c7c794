/**
 * The built-in plans: data files (src/plans/*.json, in the plan file format of docs/plan-file.md),
 * not code. Every plan is checked when this module loads, by the check a user's plan file or plan
 * sheet goes through (checkPlan): a broken definition throws at once (PlanDefinitionError) instead
 * of scoring with a wrong rule. Built-in plans cite their seed files ("<seed file> §<section>": a test
 * says so); a user's plan cites its own document. The engine never looks plans up here:
 * front ends resolve an id to a plan value and hand the value over.
 */
import type { Plan } from "../engine/types";
import { normalizeKey } from "../engine/coerce";
import hg126 from "./hg-126-2023.json";
import hg165 from "./hg-165-2023.json";
import iator32 from "./iator-32-2024.json";
import ls170 from "./ls-170-2023.json";
import np236 from "./np-236-2022.json";
import qd766 from "./qd-766.json";
import { validatePlan } from "./validate";

export { checkPlan, PlanDefinitionError, planProblems, validatePlan } from "./validate";
export type { PlanCheck, PlanPath, PlanProblem } from "./validate";
export { planSummary } from "./summary";

export class UnknownPlanError extends Error {
  readonly code = "unknown_plan";
  constructor(id: string, known: string[]) {
    super(`Không có kế hoạch "${id}"; các kế hoạch: ${known.join(", ")}`);
    this.name = "UnknownPlanError";
  }
}

/** Builds a registry from plan definitions, validating each; exported for tests of broken plans. */
export function buildRegistry(plans: Plan[]): Map<string, Plan> {
  const map = new Map<string, Plan>();
  for (const plan of plans) {
    validatePlan(plan);
    if (map.has(plan.id)) throw new Error(`Kế hoạch "${plan.id}" khai báo hai lần`);
    map.set(plan.id, Object.freeze(plan));
  }
  return map;
}

// the files' literal types are wider than Plan's unions ("huyen" is read as string): validatePlan checks them
const REGISTRY = buildRegistry([hg165, hg126, np236, ls170, iator32, qd766] as unknown as Plan[]);
const BY_KEY = new Map([...REGISTRY.values()].map((p) => [normalizeKey(p.id), p]));

/** The plan with this id ("hg-165-2023"; case and separators ignored). Throws on an unknown id. */
export function getPlan(id: string): Plan {
  const plan = REGISTRY.get(id) ?? BY_KEY.get(normalizeKey(String(id ?? "")));
  if (!plan) throw new UnknownPlanError(String(id), [...REGISTRY.keys()]);
  return plan;
}

/** The plan or null, for callers that turn an unknown id into an outcome. */
export function findPlan(id: string): Plan | null {
  return REGISTRY.get(id) ?? BY_KEY.get(normalizeKey(String(id ?? ""))) ?? null;
}

export function listPlans(): Plan[] {
  return [...REGISTRY.values()];
}

const DOCUMENT_BY_SEED = new Map([...REGISTRY.values()].filter((p) => p.seed !== null).map((p) => [p.seed as string, p.document]));

/**
 * A plan's clause as a person reads it: "000_e8cf8ffdb6dfbfb5.txt §III.2.b" → "KH 165/KH-UBND §III.2.b",
 * by the document of the plan whose seed file it names; "PLANS.md §QĐ 766/QĐ-TTg" (a decision that is
 * not among the seeds) → "QĐ 766/QĐ-TTg". Sources joined by "; " are cited one by one. The seed file
 * name itself belongs on the rules sheet only, beside the plan it records.
 */
export function citation(source: string): string {
  return source
    .split("; ")
    .map((part) => {
      const m = /^(\S+) §(.+)$/.exec(part.trim());
      if (!m) return part;
      const doc = DOCUMENT_BY_SEED.get(m[1]);
      if (doc !== undefined) return `${doc} §${m[2]}`;
      return m[1] === "PLANS.md" ? m[2] : part;
    })
    .join("; ");
}
