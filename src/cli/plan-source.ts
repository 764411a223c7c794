/**
 * The plan a command line names (`--plan`, `plan check`): a plan file, or the id of a built-in plan.
 * A path that exists, or one that ends in .json / .yaml / .yml, is a file; anything else is an id
 * ("hg-165" is enough of "hg-165-2023"). Every command resolves its plan argument here.
 */
import * as fs from "fs";
import * as path from "path";
import type { Plan } from "../engine";
import { findPlan, listPlans } from "../plans";
import { loadPlanFile, planFileFormat, tooLarge } from "../plan-file";

/** A plan argument that names no plan, or a file that cannot be read: the command cannot start. */
export class PlanSourceError extends Error {
  constructor(message: string, readonly kind: "unknown_id" | "unreadable") {
    super(message);
    this.name = "PlanSourceError";
  }
}

export interface LoadedPlan {
  /** null when the file has problems */
  plan: Plan | null;
  /** one line per problem, "kh.json dòng 12, cột 7: …" */
  problems: string[];
  /** the file read; null for a built-in plan */
  file: string | null;
}

export function isPlanFileArg(arg: string): boolean {
  return planFileFormat(arg) !== null || fs.existsSync(arg);
}

/** Reads and checks the plan `arg` names; throws PlanSourceError only when there is nothing to check. */
export async function loadPlanArg(arg: string): Promise<LoadedPlan> {
  if (!isPlanFileArg(arg)) return { plan: builtinPlan(arg), problems: [], file: null };
  const name = path.basename(arg);
  let loaded;
  try {
    loaded = tooLarge(fs.statSync(arg).size, name) ?? loadPlanFile(fs.readFileSync(arg), name);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "không có tệp này" : code === "EISDIR" ? "đây là thư mục" : code === "EACCES" ? "không có quyền đọc" : (e as Error).message;
    throw new PlanSourceError(`Không đọc được tệp kế hoạch "${arg}": ${why}.`, "unreadable");
  }
  return { plan: loaded.plan, problems: loaded.problems.map((p) => p.text), file: arg };
}

/** The plan, or a PlanSourceError whose message lists a file's problems one per line. */
export async function resolvePlanArg(arg: string): Promise<Plan> {
  const loaded = await loadPlanArg(arg);
  if (loaded.plan) return loaded.plan;
  throw new PlanSourceError(`Tệp kế hoạch "${arg}" có ${loaded.problems.length} lỗi, chưa dùng được:\n${loaded.problems.map((p) => `  ${p}`).join("\n")}`, "unreadable");
}

/** "hg-165" → hg-165-2023: an exact id, or the one built-in plan whose id starts with it. */
export function builtinPlan(id: string): Plan {
  const exact = findPlan(id);
  if (exact) return exact;
  const key = id.trim().toLowerCase();
  const hits = listPlans().filter((p) => p.id.toLowerCase().startsWith(key + "-") || p.id.toLowerCase().startsWith(key));
  if (hits.length === 1) return hits[0];
  throw new PlanSourceError(
    `Không có kế hoạch "${id}"; các kế hoạch: ${listPlans().map((p) => p.id).join(", ")}; hoặc ghi đường dẫn một tệp kế hoạch .json, .yaml (docs/plan-file.md).`,
    "unknown_id",
  );
}
