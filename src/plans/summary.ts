/**
 * A plan in one Vietnamese paragraph: what `plan check` prints for a good plan, so that the person
 * who wrote it sees the plan as the tool read it (levels, criteria and their maxima, awards) before
 * scoring with it.
 */
import type { Level, Plan } from "../engine/types";
import { tierRangeVi } from "../messages/tiers";
import { LEVEL_NAMES, PLAN_KINDS } from "./model";

const dmy = (iso: string) => iso.split("-").reverse().join("/");
const n = (x: number) => String(Number(x.toPrecision(12))).replace(".", ",");

export function planSummary(plan: Plan): string {
  const doc = [plan.document, plan.documentDate ? `ngày ${dmy(plan.documentDate)}` : ""].filter(Boolean).join(" ");
  const levels = plan.levels.map((l) => LEVEL_NAMES[l]).join(", ");
  const s: string[] = [`Kế hoạch "${plan.title}" (${doc}; mã ${plan.id}, phiên bản ${plan.version}): ${PLAN_KINDS[plan.kind] ?? plan.kind}, cấp ${levels}.`];
  if (plan.kind === "ratio_points") {
    for (const level of plan.levels) s.push(levelText(plan, level));
  } else if (plan.kind === "targets") {
    s.push(`${plan.targets.length} chỉ tiêu (${plan.targets.map((t) => t.code ?? t.id).join(", ")}).`);
  } else if (plan.kind === "weighted_mean" && plan.weighted) {
    s.push(`${plan.weighted.criteria.length} tiêu chí bình quân có trọng số (${plan.weighted.criteria.map((c) => c.id).join(", ")}).`);
  } else if (plan.kind === "index_groups" && plan.groups) {
    s.push(`${plan.groups.portal.length} nhóm chỉ số (${plan.groups.portal.map((g) => `${g.id} ${n(g.maxPoints)}`).join(", ")}).`);
  } else if (plan.kind === "imported_points" && plan.imported) {
    const gs = plan.imported.groups;
    const max = plan.totalPoints ?? gs.reduce((sum, g) => sum + g.maxPoints, 0);
    s.push(`${gs.length} nhóm điểm công bố (${gs.map((g) => `${g.id} ${n(g.maxPoints)}`).join(", ")}; tổng ${n(max)} điểm).`);
  }
  if (plan.tiers) s.push(`Xếp loại: ${plan.tiers.tiers.map((t) => `${t.label} (${tierRangeVi(t)})`).join(", ")}.`);
  const extras = [
    plan.activity ? `đơn vị không có hồ sơ trong kỳ (${inputLabel(plan, plan.activity.input)} = 0) được nêu riêng, không xếp hạng` : "",
    plan.adjustment ? `${plan.adjustment.label.replace(/^./, (c) => c.toLowerCase())} kèm lý do${plan.adjustment.maxPoints !== undefined ? `, tối đa ${n(plan.adjustment.maxPoints)} điểm` : ""}` : "",
    plan.cohort ? `xếp hạng riêng theo ${plan.cohort.label.toLowerCase()}` : "",
  ].filter(Boolean);
  if (extras.length) s.push(`${extras.join("; ")}.`.replace(/^./, (c) => c.toUpperCase()));
  const counts = [
    [plan.quotas.length, "hạn mức"],
    [plan.awards.length, "hình thức khen thưởng"],
    [plan.readings.length, "cách hiểu"],
    [plan.notes?.length ?? 0, "ghi chú"],
  ].filter(([k]) => (k as number) > 0).map(([k, w]) => `${k} ${w}`);
  if (counts.length) s.push(`${counts.join(", ")}.`.replace(/^./, (c) => c.toUpperCase()));
  const required = plan.inputs.filter((i) => i.required).length;
  s.push(`Bảng số liệu đọc theo ${plan.inputs.length} đầu vào (${required} bắt buộc)${plan.groupNoun ? `; nhóm đơn vị là ${plan.groupNoun.vi}` : ""}.`);
  if (plan.period) s.push(`Thời gian: ${plan.period.from ? `${dmy(plan.period.from)} – ` : "đến "}${dmy(plan.period.to)}.`);
  if (plan.campaign) s.push(`Đợt thi đua ${dmy(plan.campaign.start)} – ${dmy(plan.campaign.end)}, ${plan.campaign.milestones.length} mốc.`);
  return s.join(" ");
}

const inputLabel = (plan: Plan, id: string) => plan.inputs.find((i) => i.id === id)?.label ?? id;

function levelText(plan: Plan, level: Level): string {
  const crits = plan.criteria.filter((c) => c.level === level);
  const total = crits.reduce((sum, c) => sum + c.maxPoints, 0);
  const bonuses = (plan.bonuses ?? []).filter((b) => b.level === level);
  const bonus = bonuses.length ? `; ${bonuses.length} điểm cộng tối đa ${n(bonuses.reduce((sum, b) => sum + b.maxPoints, 0))} điểm` : "";
  return `Cấp ${LEVEL_NAMES[level]}: ${crits.length} tiêu chí, tổng ${n(total)} điểm (${crits.map((c) => `${c.id} ${n(c.maxPoints)}`).join(", ")})${bonus}.`;
}
