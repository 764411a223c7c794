/**
 * Checks a plan definition at load. A broken plan (missing citation, threshold outside (0, 1],
 * reading without Vietnamese text, criterion pointing at an unknown input…) must stop the add-in at
 * once rather than score with a wrong rule.
 */
import type { Level, Plan } from "../engine/types";

const LEVELS: Level[] = ["tinh", "huyen", "xa"];
// "<seed file> §<section>"; the QĐ 766 groups cite PLANS.md because the decision is not a seed.
const SOURCE = /^(\d{3}_[0-9a-f]{16}\.txt|PLANS\.md) §\S.*$/;

export class PlanDefinitionError extends Error {
  constructor(planId: string, problems: string[]) {
    super(`Kế hoạch "${planId}" định nghĩa sai: ${problems.join("; ")}`);
    this.name = "PlanDefinitionError";
  }
}

const isRatio = (x: unknown): boolean => typeof x === "number" && Number.isFinite(x) && x > 0 && x <= 1;
const isIsoDate = (x: unknown): boolean => typeof x === "string" && /^\d{4}-\d{2}-\d{2}$/.test(x) && !Number.isNaN(Date.parse(x));

export function planProblems(plan: Plan): string[] {
  const p: string[] = [];
  const need = (cond: unknown, what: string) => {
    if (!cond) p.push(what);
  };
  const cite = (src: unknown, what: string) => need(typeof src === "string" && SOURCE.test(src), `${what}: thiếu nguồn "<tệp> §<mục>" (${String(src)})`);

  need(typeof plan.id === "string" && /^[a-z0-9-]+$/.test(plan.id), "id không hợp lệ");
  need(typeof plan.version === "string" && plan.version.length > 0, "thiếu version");
  need(typeof plan.title === "string" && plan.title.length > 0, "thiếu title");
  need(plan.seed === null || /^\d{3}_[0-9a-f]{16}\.txt$/.test(plan.seed), "seed không hợp lệ");
  // the document is what a person reads in place of the seed file: never a file name or a "§" clause
  need(typeof plan.document === "string" && plan.document.trim().length > 0 && !/\.txt\b|§/.test(plan.document), "document không hợp lệ");
  cite(plan.source, "plan");
  need(Array.isArray(plan.levels) && plan.levels.length > 0 && plan.levels.every((l) => LEVELS.includes(l)), "levels không hợp lệ");
  if (plan.period) {
    need(plan.period.from === null || isIsoDate(plan.period.from), "period.from");
    need(isIsoDate(plan.period.to), "period.to");
    cite(plan.period.source, "period");
  }

  const inputIds = new Set<string>();
  for (const i of plan.inputs ?? []) {
    need(/^[a-z0-9_]+$/.test(i.id) && !inputIds.has(i.id), `input "${i.id}": id trùng hoặc sai`);
    inputIds.add(i.id);
    need(typeof i.label === "string" && i.label.length > 0, `input ${i.id}: thiếu label`);
    need(["count", "ratio", "text", "date", "boolean"].includes(i.kind), `input ${i.id}: kind`);
    need(Array.isArray(i.headers) && i.headers.length > 0, `input ${i.id}: thiếu headers`);
  }

  const readingIds = new Set<string>();
  for (const r of plan.readings ?? []) {
    need(!readingIds.has(r.id), `reading ${r.id}: trùng id`);
    readingIds.add(r.id);
    need(r.text && typeof r.text.vi === "string" && r.text.vi.length > 0 && typeof r.text.en === "string" && r.text.en.length > 0, `reading ${r.id}: thiếu văn bản vi/en`);
    cite(r.source, `reading ${r.id}`);
    if (r.option) {
      need(Array.isArray(r.option.values) && r.option.values.includes(r.option.default), `reading ${r.id}: giá trị mặc định không nằm trong danh sách`);
    }
  }

  const critKeys = new Set<string>();
  for (const c of plan.criteria ?? []) {
    const key = `${c.level}:${c.id}`;
    need(!critKeys.has(key), `criterion ${key}: trùng`);
    critKeys.add(key);
    cite(c.source, `criterion ${key}`);
    need(LEVELS.includes(c.level) && plan.levels.includes(c.level), `criterion ${key}: level`);
    need(inputIds.has(c.numerator) && inputIds.has(c.denominator), `criterion ${key}: input không có trong plan`);
    need(typeof c.maxPoints === "number" && c.maxPoints > 0, `criterion ${key}: maxPoints`);
    need(isRatio(c.threshold), `criterion ${key}: threshold phải trong (0, 1]`);
    if (c.floor !== undefined) {
      need(isRatio(c.floor) && c.floor < c.threshold, `criterion ${key}: floor`);
      cite(c.floorSource, `criterion ${key} floor`);
    }
    if (c.combineWithCommunes) cite(c.combineSource, `criterion ${key} combine`);
  }
  for (const level of plan.kind === "ratio_points" ? plan.levels : []) {
    const total = plan.criteria.filter((c) => c.level === level).reduce((s, c) => s + c.maxPoints, 0);
    need(total === 100, `criteria cấp ${level}: tổng điểm tối đa ${total} ≠ 100`);
  }

  const targetIds = new Set<string>();
  for (const t of plan.targets ?? []) {
    need(/^[A-Za-z0-9_.]+$/.test(t.id) && !targetIds.has(t.id), `target "${t.id}": id trùng hoặc sai`);
    targetIds.add(t.id);
    cite(t.source, `target ${t.id}`);
    need(Array.isArray(t.levels) && t.levels.length > 0 && t.levels.every((l) => LEVELS.includes(l)), `target ${t.id}: levels`);
    const r = t.rule;
    if (!r) p.push(`target ${t.id}: thiếu rule`);
    else if (r.kind === "fixed") need(isRatio(r.value), `target ${t.id}: value`);
    else if (r.kind === "by_level") need(t.levels.every((l) => isRatio(r.values[l])), `target ${t.id}: thiếu chỉ tiêu cho một cấp`);
    else if (r.kind === "assigned_plus") need(typeof r.points === "number" && r.points > 0 && r.points < 1, `target ${t.id}: points`);
    else if (r.kind === "milestones") {
      need(r.steps.length > 0 && r.steps.every((s, i) => isRatio(s.value) && Number.isInteger(s.day) && s.day > 0 && (i === 0 || s.day > r.steps[i - 1].day)), `target ${t.id}: milestones`);
      need(plan.campaign !== undefined, `target ${t.id}: milestones cần campaign`);
    } else p.push(`target ${t.id}: rule không hỗ trợ`);
  }

  const awardCodes = new Set<string>();
  for (const a of plan.awards ?? []) {
    need(!awardCodes.has(a.code), `award ${a.code}: trùng`);
    awardCodes.add(a.code);
    cite(a.source, `award ${a.code}`);
    if (a.prize !== undefined) cite(a.prizeSource, `award ${a.code} prize`);
    if (a.bonusPoints !== undefined) cite(a.bonusSource, `award ${a.code} bonus`);
  }
  for (const q of plan.quotas ?? []) {
    cite(q.source, `quota ${q.id}`);
    need(Number.isInteger(q.limit) && q.limit > 0, `quota ${q.id}: limit`);
    need(q.scope === "total" || q.scope === "per_group", `quota ${q.id}: scope`);
    for (const c of q.awardCodes ?? []) need(awardCodes.has(c), `quota ${q.id}: award ${c} không có`);
    for (const [g, n] of Object.entries(q.byGroup ?? {})) need(Number.isInteger(n) && n >= 0, `quota ${q.id}: ${g}`);
  }

  if (plan.tieBreak) {
    cite(plan.tieBreak.source, "tieBreak");
    need(inputIds.has(plan.tieBreak.input) && inputIds.has(plan.tieBreak.per), "tieBreak: input không có");
  }
  if (plan.campaign) {
    cite(plan.campaign.source, "campaign");
    need(isIsoDate(plan.campaign.start) && isIsoDate(plan.campaign.end), "campaign: ngày");
    for (const m of plan.campaign.milestones) {
      cite(m.source, `milestone ${m.day}`);
      need(isIsoDate(m.date), `milestone ${m.day}: ngày`);
    }
  }
  if (plan.weighted) {
    cite(plan.weighted.source, "weighted");
    need(inputIds.has(plan.weighted.scoreInput), "weighted.scoreInput");
    for (const c of plan.weighted.criteria) {
      cite(c.source, `weighted ${c.id}`);
      need(inputIds.has(c.input), `weighted ${c.id}: input`);
    }
  }
  if (plan.groups) {
    cite(plan.groups.source, "groups");
    for (const g of [...plan.groups.classic, ...plan.groups.portal]) {
      cite(g.source, `group ${g.id}`);
      need(g.maxPoints > 0, `group ${g.id}: maxPoints`);
    }
    for (const set of [plan.groups.classic, plan.groups.portal]) {
      need(set.reduce((s, g) => s + g.maxPoints, 0) === 100, "groups: tổng điểm ≠ 100");
    }
  }
  for (const n of plan.notes ?? []) cite(n.source, `note ${n.id}`);
  return p;
}

export function validatePlan(plan: Plan): Plan {
  const problems = planProblems(plan);
  if (problems.length > 0) throw new PlanDefinitionError(String(plan?.id), problems);
  return plan;
}
