/**
 * The sheets the add-in owns, as data: "Quy tắc DVC" (rules: plan, version, every threshold and
 * reading with its clause, when the scoring ran; the cutoff cells) and "Kết quả DVC" (results).
 * The results' conditional formatting, and with `formulas` the points and totals, read the cutoffs
 * from the rules sheet, so an official can change a cutoff in the file and see the effect.
 */
import { awardReasonText, dateText, formatNumberVi, normalizeKey, THRESHOLD_TOLERANCE } from "../engine";
import type { CellInput, Level, Plan, RatioCriterion, Status, TierDef, UnitResult } from "../engine";
import { moveVi } from "../messages/moves";
import { NO_ACTIVITY_STATUS, nextTierVi, TIER_RULES_TEXT } from "../messages/tier-results";
import { tierRangeVi } from "../messages/tiers";
import { cohortRankHeader, RESULT_HEADERS } from "./result-headers";
import { FORMULA_VALUE_TEXT, fillFormulaText } from "../messages/formula-values";
import { absRef, cellRef, columnLetter } from "./a1";
import { formulaInput, formulaValueCells, quotedContent, readingText, rowNoteText, shownInputs, whyText } from "./formula-inputs";
import type { FormulaValueCell } from "./formula-inputs";
import { LEVEL_LABELS } from "./read";
import { planSheetModel } from "./plan-sheet";
import { originText, PLAN_ORIGIN_TEXT } from "../messages/plan-origin";
import { fillPlanSheetText } from "../messages/plan-sheet";
import { LINE_POINTS, wrappedLines } from "./text-lines";
import type { CellOut, CellStyle, ConditionalRule, RulesLayout, ScoredSheet, SheetModel } from "./types";

export const RESULTS_SHEET = "Kết quả DVC";
/** The results sheet's column that says why a unit got no award. */
export const AWARD_REASON_HEADER = "Lý do không được khen thưởng";
export const RULES_SHEET = "Quy tắc DVC";

export const STATUS_LABELS: Record<Status, string> = {
  scored: "Đã chấm",
  not_eligible: "Không xét",
  no_data: "Không có dữ liệu",
  invalid_input: "Số liệu lỗi",
};

/**
 * The results' number formats, in Excel's invariant format codes: in a code "." is the decimal point
 * and "," the thousands separator, and Excel (LibreOffice too) shows them with the separators of the
 * reader's regional settings. On a Vietnamese system (vi-VN) "#,##0" shows 20.000.000, "0.00" shows
 * 91,60 and "0.00%" 95,62%, as official tables write them; an English system shows 20,000,000 and
 * 91.60. No code can choose the separators itself, so the file follows the reader's system, as every
 * number in Excel does.
 */
export const NUMBER_FORMATS = { count: "#,##0", money: "#,##0", points: "0.00", percent: "0.00%" } as const;

/** The signature block printed under the results table. */
export const SIGNATURE = {
  preparer: "Người lập biểu",
  preparerHint: "(Ký, ghi rõ họ tên)",
  head: "Thủ trưởng đơn vị",
  headHint: "(Ký, ghi rõ họ tên, đóng dấu)",
  /** the place is the signing office's, which no plan names: left dotted, to be written by hand */
  place: "…………………",
} as const;

/**
 * "ngày 05 tháng 02 năm 2026", in local time of the machine that scored. NĐ 30/2020/NĐ-CP, Phụ lục I
 * (địa danh và thời gian ban hành văn bản): a day below 10 and the months 1 and 2 take a leading 0.
 */
export function dateLineVi(d: Date): string {
  const day = d.getDate();
  const month = d.getMonth() + 1;
  return `ngày ${day < 10 ? "0" + day : day} tháng ${month <= 2 ? "0" + month : month} năm ${d.getFullYear()}`;
}

/** Excel's own "light red fill, dark red text" and "yellow fill, dark yellow text". */
export const HIGHLIGHT = {
  red: { fill: "FFC7CE", font: "9C0006" },
  amber: { fill: "FFEB9C", font: "9C5700" },
  /** Excel's "green fill, dark green text": the top tier */
  green: { fill: "C6EFCE", font: "006100" },
  /** the Office theme's light blue (Accent 1, 80% lighter) with its dark blue: tiers between, no alarm */
  blue: { fill: "DDEBF7", font: "1F4E78" },
} as const;

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/** "23/11/2026 13:45" in local time of the machine that scored. */
export function stamp(now: Date): string {
  return `${two(now.getDate())}/${two(now.getMonth() + 1)}/${now.getFullYear()} ${two(now.getHours())}:${two(now.getMinutes())}`;
}

export function criterionKey(c: { id: string; level: Level }, part: "threshold" | "maxPoints" | "floor" | `band${number}.min` | `band${number}.points`): string {
  return `${c.id}@${c.level}.${part}`;
}

/** The rules sheet's cell of a bonus's maximum. */
export function bonusKey(b: { id: string; level: Level }): string {
  return `${b.id}@${b.level}.bonusMax`;
}

/** What the plan's groups are, as a header: "Cụm thi đua" (Plan.groupNoun), "Huyện" for a plan of districts. */
export function groupHeader(plan: Plan): string {
  const noun = plan.groupNoun?.vi;
  return noun ? noun.charAt(0).toUpperCase() + noun.slice(1) : "Huyện";
}

/** The points below a criterion's threshold in words, for the rules sheet (absent: r × maximum, said nowhere else). */
const BELOW_WORDS = {
  to_threshold: "dưới ngưỡng: tỷ lệ ÷ ngưỡng đủ điểm × điểm tối đa",
  band: "bậc: từ tỷ lệ này (≥) được số điểm bên cạnh",
  none: "dưới mọi bậc: 0 điểm",
} as const;

export interface RulesOptions {
  now: Date;
  /** scored result, for quota use, options and the mapping used */
  scored?: ScoredSheet;
  /** extra lines (e.g. the command that was run) */
  notes?: string[];
  /** the results are written with formulas: say which of their input cells are values, and why */
  formulas?: boolean;
}

/** The rules sheet lists at most this many value cells; the rest are noted on their rows. */
const VALUE_CELLS_LISTED = 500;

/** The rules sheet. Row/column positions of the cutoff cells are returned in `refs`. */
export function layoutRules(plan: Plan, opts: RulesOptions): RulesLayout {
  const cells: CellOut[][] = [];
  const refs: Record<string, string> = {};
  const bold: number[] = [];
  const formats: { range: string; format: string }[] = [];
  const push = (row: CellOut[], isBold = false) => {
    if (isBold) bold.push(cells.length);
    cells.push(row);
    return cells.length - 1;
  };
  push([`Quy tắc chấm điểm — ${plan.title}`], true);
  // a user's plan names where it was read from after the cells a built-in plan has (their places stay)
  push([
    "Kế hoạch", plan.id, "Phiên bản", plan.version, "Văn bản nguồn", plan.document, plan.seed ?? "", plan.source,
    ...(plan.origin ? [PLAN_ORIGIN_TEXT.originLabel, originText(plan.origin)] : []),
  ]);
  push(["Thời điểm chấm", stamp(opts.now), "Nguồn số liệu", opts.scored ? opts.scored.sheet : ""]);
  push([
    "Các ô ngưỡng và điểm tối đa dưới đây có thể sửa: định dạng màu của trang \"" + RESULTS_SHEET +
      "\" đọc trực tiếp các ô này, và khi chấm với --formulas thì điểm và tổng điểm cũng tính lại theo chúng. " +
      "Trạng thái, hạng và khen thưởng là kết quả tại thời điểm chấm (giá trị, không tự tính lại).",
  ]);
  for (const n of opts.notes ?? []) push([n]);
  push([]);

  if (plan.criteria.length) {
    push(["Tiêu chí chấm điểm"], true);
    push(["Mã tiêu chí", "Cấp", "Nội dung", "Ngưỡng đủ điểm (≥)", "Điểm tối đa", "Ngưỡng xét (dưới mức này: không xét)", "Nguồn"], true);
    for (const c of plan.criteria) {
      const r = push([
        c.id, LEVEL_LABELS[c.level], c.label, c.threshold, c.maxPoints, c.floor ?? null,
        [c.source, c.floorSource && c.floorSource !== c.source ? c.floorSource : "", c.combineWithCommunes ? `tỷ lệ kết hợp với các xã: ${c.combineSource ?? c.source}` : ""].filter(Boolean).join("; "),
      ]);
      refs[criterionKey(c, "threshold")] = absRef(RULES_SHEET, r, 3);
      refs[criterionKey(c, "maxPoints")] = absRef(RULES_SHEET, r, 4);
      if (c.floor !== undefined) refs[criterionKey(c, "floor")] = absRef(RULES_SHEET, r, 5);
      formats.push({ range: `D${r + 1}`, format: "0.00%" }, { range: `F${r + 1}`, format: "0.00%" });
    }
    if (plan.totalPoints !== undefined) push(["Tổng điểm tối đa", "", "Tổng điểm các tiêu chí theo kế hoạch" + (plan.bonuses?.length ? ", chưa kể điểm thưởng" : ""), null, plan.totalPoints, null, plan.source]);
    push([]);
    // the rules below the threshold other than r × maximum (hg-165's, the default): the plan's own words and cells
    const ruled = plan.criteria.filter((c) => c.below === "to_threshold" || c.below === "bands");
    if (ruled.length) {
      push(["Điểm dưới ngưỡng đủ điểm"], true);
      push(["Mã tiêu chí", "Cấp", "Cách tính", "Từ tỷ lệ (≥)", "Điểm", "", "Nguồn"], true);
      for (const c of ruled) {
        if (c.below === "to_threshold") {
          push([c.id, LEVEL_LABELS[c.level], BELOW_WORDS.to_threshold, null, null, null, c.source]);
          continue;
        }
        (c.bands ?? []).slice().sort((x, y) => y.min - x.min).forEach((b, j) => {
          const r = push([c.id, LEVEL_LABELS[c.level], BELOW_WORDS.band, b.min, b.points, null, c.source]);
          refs[criterionKey(c, `band${j}.min`)] = absRef(RULES_SHEET, r, 3);
          refs[criterionKey(c, `band${j}.points`)] = absRef(RULES_SHEET, r, 4);
          formats.push({ range: `D${r + 1}`, format: "0.00%" });
        });
        push([c.id, LEVEL_LABELS[c.level], BELOW_WORDS.none, null, 0, null, c.source]);
      }
      push([]);
    }
  }
  if (plan.bonuses?.length) {
    push(["Điểm thưởng"], true);
    push(["Mã", "Cấp", "Nội dung", "Cột số liệu", "Tối đa", "Ô trống", "Nguồn"], true);
    for (const b of plan.bonuses) {
      const reading = b.blankReading !== undefined ? plan.readings.find((x) => x.id === b.blankReading) : undefined;
      const blank = reading ? `không có điểm thưởng (cách hiểu ${reading.id}: ${reading.source})` : "thiếu số liệu (không tính là 0)";
      const r = push([b.id, LEVEL_LABELS[b.level], b.label, plan.inputs.find((d) => d.id === b.input)?.label ?? b.input, b.maxPoints, blank, b.source]);
      refs[bonusKey(b)] = absRef(RULES_SHEET, r, 4);
    }
    push([]);
  }

  rankingRules(plan, opts, push, refs);

  if (plan.targets.length) {
    push(["Chỉ tiêu"], true);
    push(["Mã chỉ tiêu", "Số hiệu", "Nội dung", "Cấp", "Chỉ tiêu", "Cách tính", "Nguồn"], true);
    for (const t of plan.targets) {
      const rule = t.rule;
      if (rule.kind === "fixed") {
        const r = push([t.id, t.code ?? "", t.label, t.levels.map((l) => LEVEL_LABELS[l]).join(", "), rule.value, "cố định", t.source]);
        for (const l of t.levels) refs[`${t.id}@${l}.target`] = absRef(RULES_SHEET, r, 4);
        formats.push({ range: `E${r + 1}`, format: "0.00%" });
      } else if (rule.kind === "by_level") {
        for (const [l, v] of Object.entries(rule.values) as [Level, number][]) {
          const r = push([t.id, t.code ?? "", t.label, LEVEL_LABELS[l], v, "theo cấp", t.source]);
          refs[`${t.id}@${l}.target`] = absRef(RULES_SHEET, r, 4);
          formats.push({ range: `E${r + 1}`, format: "0.00%" });
        }
      } else if (rule.kind === "assigned_plus") {
        const r = push([t.id, t.code ?? "", t.label, t.levels.map((l) => LEVEL_LABELS[l]).join(", "), rule.points, "chỉ tiêu được giao + mức này", t.source]);
        for (const l of t.levels) refs[`${t.id}@${l}.margin`] = absRef(RULES_SHEET, r, 4);
        formats.push({ range: `E${r + 1}`, format: "0.00%" });
      } else {
        for (const s of rule.steps) {
          const r = push([t.id, t.code ?? "", t.label, t.levels.map((l) => LEVEL_LABELS[l]).join(", "), s.value, `từ ngày thứ ${s.day} của chiến dịch (mốc)`, t.source]);
          refs[`${t.id}@day${s.day}.target`] = absRef(RULES_SHEET, r, 4);
          formats.push({ range: `E${r + 1}`, format: "0.00%" });
        }
      }
    }
    push([]);
  }

  const tolRow = push(["Dung sai so với ngưỡng", THRESHOLD_TOLERANCE, "Tỷ lệ đúng bằng ngưỡng là đạt; chênh lệch do làm tròn dấu phẩy động dưới mức này được bỏ qua."]);
  refs.tolerance = absRef(RULES_SHEET, tolRow, 1);
  push([]);

  if (plan.quotas.length) {
    push(["Hạn mức khen thưởng"], true);
    push(["Mã", "Nội dung", "Giới hạn", "Đã dùng", groupHeader(plan), "Nguồn"], true);
    const used = opts.scored?.outcome.quotas ?? [];
    for (const q of plan.quotas) {
      const uses = used.filter((u) => u.id === q.id);
      if (!uses.length) push([q.id, q.label, q.limit, null, "", q.source]);
      for (const u of uses) push([q.id, u.label || q.label, u.limit, u.used, u.group ?? "", u.source ?? q.source]);
      if (q.byGroup) {
        for (const [g, n] of Object.entries(q.byGroup)) if (n !== q.limit) push([q.id, `riêng ${g}`, n, null, g, q.source]);
      }
    }
    push([]);
  }
  if (plan.awards.length) {
    push(["Khen thưởng"], true);
    push(["Mã", "Nội dung", "Hạng", "Tiền thưởng (đồng)", "Điểm cộng thi đua", "Nguồn"], true);
    for (const a of plan.awards) {
      push([a.code, a.label, a.rank ?? null, a.prize ?? null, a.bonusPoints ?? null,
        [a.source, a.prizeSource && a.prizeSource !== a.source ? a.prizeSource : "", a.bonusSource ?? ""].filter(Boolean).join("; ")]);
    }
    push([]);
  }
  push(["Cách hiểu đã áp dụng"], true);
  push(["Mã", "Nội dung", "Nguồn", "Tùy chọn", "Giá trị dùng"], true);
  for (const rd of plan.readings) {
    const opt = rd.option;
    const usedValue = opt ? opts.scored?.outcome.options?.[opt.name] ?? opt.default : null;
    push([rd.id, rd.text.vi, rd.source, opt ? opt.name : "", opt ? String(usedValue) : ""]);
  }
  for (const n of plan.notes ?? []) push([n.id, n.text, n.source]);
  if (opts.scored) {
    push([]);
    push(["Cột đã dùng (trang " + opts.scored.sheet + ")"], true);
    push(["Đầu vào", "Nội dung", "Tiêu đề cột", "Cột"], true);
    for (const e of opts.scored.mapping.report) {
      push([e.input, e.label, e.header ?? "(không có)", e.column === null ? "" : columnLetter(e.column)]);
    }
  }
  if (opts.formulas && opts.scored) {
    const scored = opts.scored;
    const valueCells = formulaValueCells(plan, scored);
    const valueColumns = shownInputs(plan, scored).filter((d) => d.kind !== "count" && d.kind !== "ratio" && d.kind !== "number");
    if (valueCells.length || valueColumns.length) {
      push([]);
      push([FORMULA_VALUE_TEXT.title], true);
      push([fillFormulaText(FORMULA_VALUE_TEXT.intro, { results: RESULTS_SHEET })]);
      for (const d of valueColumns) {
        const col = columnLetter(scored.mapping.mapping[d.id]);
        push([`Cột ${col}`, "", d.label, "", "", FORMULA_VALUE_TEXT.column]);
      }
      if (valueCells.length) {
        push([...FORMULA_VALUE_TEXT.header], true);
        for (const c of valueCells.slice(0, VALUE_CELLS_LISTED)) {
          push([c.source, c.unit, c.input.label, quotedContent(c.raw), readingText(c.input.kind, c.value), whyText(c)]);
        }
        if (valueCells.length > VALUE_CELLS_LISTED) {
          push([fillFormulaText(FORMULA_VALUE_TEXT.more, { n: valueCells.length - VALUE_CELLS_LISTED, results: RESULTS_SHEET })]);
        }
      }
    }
  }
  if (plan.origin) loadedPlanBlock(plan, plan.origin, push, formats);
  return {
    sheet: {
      name: RULES_SHEET,
      cells,
      columnWidths: [22, 18, 60, 16, 14, 22, 40],
      numberFormats: formats,
      conditionalFormats: [],
      boldRows: bold,
    },
    refs,
  };
}

/** The rules sheet's cell of a tier's lower or upper cutoff. */
export function tierKey(t: { id: string }, side: "min" | "max"): string {
  return `tier:${t.id}.${side}`;
}

/** The rules sheet's cell of an imported group's maximum. */
export function importedMaxKey(g: { id: string }): string {
  return `imported:${g.id}.max`;
}

/**
 * The rules of ranking on published points (Plan.imported, activity, adjustment, tiers, cohort), each
 * block only when the plan has it, so the rules sheets of other plans keep every row where it was.
 */
function rankingRules(plan: Plan, opts: RulesOptions, push: (row: CellOut[], isBold?: boolean) => number, refs: Record<string, string>): void {
  const T = TIER_RULES_TEXT;
  const inputLabel = (id: string) => plan.inputs.find((d) => d.id === id)?.label ?? id;
  const imported = plan.imported;
  if (imported) {
    push([T.importedTitle], true);
    push([...T.importedHeader], true);
    for (const g of imported.groups) {
      const r = push([g.id, inputLabel(g.input), g.label, g.maxPoints, null, null, g.source]);
      refs[importedMaxKey(g)] = absRef(RULES_SHEET, r, 3);
    }
    push([T.maxTotal, "", "", plan.totalPoints ?? imported.groups.reduce((a, g) => a + g.maxPoints, 0), null, null, plan.source]);
    push([T.importedNote]);
    if (imported.total) push([T.importedTotal(inputLabel(imported.total.input)), "", "", "", "", "", imported.total.source]);
    push([]);
  }
  if (plan.activity) {
    push([T.activityTitle], true);
    push([T.activityText(inputLabel(plan.activity.input)), "", "", "", "", "", plan.activity.source]);
    push([]);
  }
  const adj = plan.adjustment;
  if (adj) {
    push([T.adjustmentTitle], true);
    push([T.adjustmentText(inputLabel(adj.input), inputLabel(adj.reasonInput), adj.maxPoints), "", "", "", "", "", adj.source]);
    const made = resultOrder(opts.scored?.outcome.units ?? []).filter((u) => u.adjustment);
    push([T.adjustmentsMade(made.length)]);
    if (made.length) {
      push([...T.adjustmentsHeader], true);
      for (const u of made) push([u.key, LEVEL_LABELS[u.level], u.adjustment!.points, u.adjustment!.reason]);
    }
    push([]);
  }
  const tiers = plan.tiers;
  if (tiers) {
    push([T.tiersTitle], true);
    push([T.tiersNote]);
    push([...T.tiersHeader], true);
    const levels = tiers.levels?.length ? tiers.levels.map((l) => LEVEL_LABELS[l]).join(", ") : T.allLevels;
    let above: { def: TierDef; row: number } | null = null;
    for (const t of tiers.tiers) {
      // one cell per boundary: the upper cutoff of a tier is the cell of the lower cutoff of the tier
      // above when they are the same figure ("tốt" up to 94, "xuất sắc" above 94), so that editing the
      // boundary moves both tiers and no total falls between them
      const shared = above?.def.min && t.max && above.def.min.value === t.max.value;
      const max: CellOut = shared ? { formula: `D${above!.row + 1}`, result: t.max!.value } : t.max?.value ?? null;
      const r = push([t.label, levels, tierRangeVi(t), t.min?.value ?? null, max, t.attention ? T.attentionYes : "", tiers.source]);
      if (t.min) refs[tierKey(t, "min")] = absRef(RULES_SHEET, r, 3);
      if (t.max) refs[tierKey(t, "max")] = absRef(RULES_SHEET, r, 4);
      above = { def: t, row: r };
    }
    push([]);
  }
  if (plan.cohort) {
    push([T.cohortTitle], true);
    push([T.cohortText(plan.cohort.label, inputLabel(plan.cohort.input)), "", "", "", "", "", plan.cohort.source]);
    push([]);
  }
}

/**
 * A user's plan as it was read, laid out as a plan sheet under the rules: the plan sheet or file may
 * be changed after the scoring, and whoever receives the workbook still has the very rules that were
 * used. Last on the sheet, so the cells above keep their places, and a copy of the block from its
 * plan title down reads back as the same plan (readPlanSheet). The block keeps the plan sheet's
 * number formats; its drop-down lists and notes are for editing, and this is a record.
 */
function loadedPlanBlock(
  plan: Plan,
  origin: NonNullable<Plan["origin"]>,
  push: (row: CellOut[], isBold?: boolean) => number,
  formats: { range: string; format: string }[],
): void {
  push([]);
  push([fillPlanSheetText(PLAN_ORIGIN_TEXT.loadedTitle, { origin: originText(origin) })], true);
  push([PLAN_ORIGIN_TEXT.loadedIntro]);
  push([]);
  const model = planSheetModel(plan);
  const bold = new Set(model.boldRows ?? []);
  let first = -1;
  model.cells.forEach((row, r) => {
    const at = push([...row], bold.has(r));
    if (r === 0) first = at;
  });
  for (const f of model.numberFormats ?? []) formats.push({ range: shiftRows(f.range, first), format: f.format });
}

/** "B3:B9" moved down `by` rows. */
function shiftRows(range: string, by: number): string {
  return range.replace(/([A-Z]+)(\d+)/g, (_m, col: string, row: string) => `${col}${Number(row) + by}`);
}

function cellValue(v: CellInput): CellOut {
  if (v === undefined) return null;
  if (v instanceof Date) return dateText(v);
  if (typeof v === "object" && v !== null) return v.error;
  return v;
}

/** Distinct criteria ids of a ratio plan, in plan order, with each level's definition. */
function criteriaById(plan: Plan): { id: string; label: string; byLevel: Partial<Record<Level, RatioCriterion>>; combine: boolean }[] {
  const out: { id: string; label: string; byLevel: Partial<Record<Level, RatioCriterion>>; combine: boolean }[] = [];
  for (const c of plan.criteria) {
    let e = out.find((x) => x.id === c.id);
    if (!e) out.push((e = { id: c.id, label: c.label, byLevel: {}, combine: false }));
    e.byLevel[c.level] = c;
    if (c.combineWithCommunes) e.combine = true;
  }
  return out;
}

/** Short Vietnamese names for the headers of the results sheet. */
const SHORT: Record<string, string> = { online_ratio: "hồ sơ trực tuyến", eid_ratio: "định danh mức 2" };

export interface ResultsOptions {
  formulas: boolean;
  rules: RulesLayout;
  now: Date;
}

/** Header row of the results sheet (0-based row index); data starts on the next row. */
export const RESULTS_HEADER_ROW = 3;

/**
 * The order units are shown in: by level (province, district, commune), then rank, then input order;
 * units with no dossiers in the period (Plan.activity) last in their level, apart from the ranked
 * ones and from those whose figures are wrong: they had nothing to score, which is not a last place.
 */
export function resultOrder(units: UnitResult[]): UnitResult[] {
  const lv: Record<Level, number> = { tinh: 0, huyen: 1, xa: 2 };
  const apart = (u: UnitResult) => (isNoActivity(u) ? 1 : 0);
  return units
    .map((u, i) => ({ u, i }))
    .sort((a, b) =>
      lv[a.u.level] - lv[b.u.level] ||
      apart(a.u) - apart(b.u) ||
      (a.u.rank ?? Infinity) - (b.u.rank ?? Infinity) ||
      a.i - b.i)
    .map((x) => x.u);
}

/** A unit with no dossiers in the period (Plan.activity): nothing to score, shown apart. */
export function isNoActivity(u: UnitResult): boolean {
  return u.status === "no_data" && u.reason === "no_activity";
}

/** The status as the results sheet writes it: a unit with no dossiers under its own words. */
export function statusText(u: UnitResult): string {
  return isNoActivity(u) ? NO_ACTIVITY_STATUS : STATUS_LABELS[u.status];
}

interface Col {
  header: string;
  width: number;
  format?: string;
  /** long text (names, reasons, awards): wraps in its narrow column rather than running over the next */
  wrap?: boolean;
  /** a count input: "#,##0" on the rows that hold a whole number (see countFormats) */
  counts?: boolean;
  /**
   * short text or a rank, centred: right-aligned figures against the next column's left-aligned text
   * read as one ("1 UBND tỉnh", "50,00%Chưa đạt")
   */
  center?: boolean;
  /** value mode */
  value: (u: UnitResult, row: number) => CellOut;
}

/** The results sheet, for every plan kind: criteria with points, or targets met / not met. */
export function layoutResults(scored: ScoredSheet, plan: Plan, opts: ResultsOptions): SheetModel {
  const units = resultOrder(scored.outcome.units);
  const srcByKey = new Map(scored.read.sources.map((s) => [s.key, s]));
  const refs = opts.rules.refs;
  const tol = refs.tolerance ?? String(THRESHOLD_TOLERANCE);
  const first = RESULTS_HEADER_ROW + 1;
  const rowOf = new Map(units.map((u, i) => [u.key, first + i]));
  const mapped = shownInputs(plan, scored);
  const srcSheet = `'${scored.sheet.replace(/'/g, "''")}'`;

  const cols: Col[] = [];
  const colIndex = new Map<string, number>();
  const add = (id: string, c: Col) => {
    colIndex.set(id, cols.length);
    cols.push(c);
  };
  const at = (id: string, row: number) => cellRef(row, colIndex.get(id)!);
  const absCol = (id: string, row: number) => `$${columnLetter(colIndex.get(id)!)}${row + 1}`;

  // widths: the printed page holds every column but the explanation on A4 landscape; headers wrap, so
  // a column is as wide as its figures ("20.000.000", "100,00%"), and long text wraps
  add("stt", { header: "STT", width: 4, value: (_u, r) => r - first + 1 });
  add("unit", { header: "Đơn vị", width: 18, wrap: true, value: (u) => u.key });
  add("level", { header: "Cấp", width: 6, value: (u) => LEVEL_LABELS[u.level] });
  add("group", { header: groupHeader(plan), width: 12, wrap: true, value: (u) => u.group ?? "" });
  /** unit key → the notes of its input cells written as values (the explanation column, further right, shows them) */
  const valueNotes = new Map<string, string[]>();
  // the published total and the adjustment with its reason come after the other inputs (the groups'
  // points as read), under the headers a later period reads back, just before our total
  const late: [string | undefined, string][] = [
    [plan.imported?.total?.input, RESULT_HEADERS.publishedTotal],
    [plan.adjustment?.input, RESULT_HEADERS.adjustment],
    [plan.adjustment?.reasonInput, RESULT_HEADERS.adjustmentReason],
  ];
  const lateHeader = new Map(late.filter((x): x is [string, string] => x[0] !== undefined));
  const inputOrder = [...mapped.filter((d) => !lateHeader.has(d.id)), ...late.flatMap(([id]) => mapped.filter((d) => d.id === id))];
  for (const d of inputOrder) {
    const isPoints = plan.kind === "imported_points" && (d.kind === "number" || d.kind === "signed");
    add(`in:${d.id}`, {
      header: lateHeader.get(d.id) ?? d.label,
      ...(isPoints ? { format: NUMBER_FORMATS.points } : {}),
      // a count needs its every digit ("9.999.999" fits in 9); a ratio in General rounds itself to the width;
      // the reason of an adjustment is a sentence ("lỗi hệ thống ngày 25/11")
      width: d.kind === "count" ? 9 : d.id === plan.adjustment?.reasonInput ? 18 : 8,
      ...(d.id === plan.adjustment?.reasonInput ? { wrap: true } : {}),
      counts: d.kind === "count",
      value: (u, row) => {
        const src = srcByKey.get(u.key);
        if (!src) return null;
        if (opts.formulas && src.cells[d.id]) {
          const raw = src.values[d.id];
          const f = formulaInput(d.kind, raw);
          if (f.ref) {
            const ref = `${srcSheet}!${src.cells[d.id]}`;
            // a blank source must stay blank (a bare reference would read it as 0)
            return { formula: `IF(ISBLANK(${ref}),"",${ref})`, result: resultOf(cellValue(raw)) };
          }
          if (f.why) {
            const c: FormulaValueCell = { unit: u.key, input: d, source: `${srcSheet}!${src.cells[d.id]}`, raw, value: f.value, why: f.why };
            const notes = valueNotes.get(u.key) ?? [];
            notes.push(rowNoteText(c, at(`in:${d.id}`, row)));
            valueNotes.set(u.key, notes);
          }
          return f.value;
        }
        return cellValue(src.values[d.id]);
      },
    });
  }

  const crits = criteriaById(plan);
  const critOf = (u: UnitResult, id: string) => u.criteria.find((c) => c.id === id);
  const levelPick = (byLevel: Partial<Record<Level, string>>, row: number): string => {
    // one reference per level the criterion has; the row's "Cấp" text selects it
    const entries = Object.entries(byLevel) as [Level, string][];
    if (entries.length === 1) return entries[0][1];
    let expr = entries[entries.length - 1][1];
    for (let i = entries.length - 2; i >= 0; i--) expr = `IF(${absCol("level", row)}="${LEVEL_LABELS[entries[i][0]]}",${entries[i][1]},${expr})`;
    return expr;
  };
  const refsFor = (cr: (typeof crits)[number], part: "threshold" | "maxPoints" | "floor") => {
    const out: Partial<Record<Level, string>> = {};
    for (const [l, def] of Object.entries(cr.byLevel) as [Level, RatioCriterion][]) {
      const ref = refs[criterionKey(def, part)];
      if (ref) out[l] = ref;
    }
    return out;
  };

  for (const cr of crits) {
    const short = SHORT[cr.id] ?? midSentence(cr.label);
    const def = (u: UnitResult) => cr.byLevel[u.level];
    const numId = (u: UnitResult) => def(u)?.numerator;
    const ownRatioFormula = (u: UnitResult, row: number): string | null => {
      const d = def(u);
      if (!d || !colIndex.has(`in:${d.numerator}`) || !colIndex.has(`in:${d.denominator}`)) return null;
      const a = at(`in:${d.numerator}`, row);
      const b = at(`in:${d.denominator}`, row);
      // a > b is capped at 100% for points (PLANS.md readings); b = 0 or text → no ratio, never 0
      return `IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),IF(AND(${b}>0,${a}>=0),MIN(${a}/${b},1),""),"")`;
    };
    void numId;
    if (cr.combine) {
      add(`own:${cr.id}`, {
        header: `Tỷ lệ ${short} của đơn vị`, width: 8, format: NUMBER_FORMATS.percent,
        value: (u, row) => {
          const c = critOf(u, cr.id);
          const v = c ? (c.ownRatio !== undefined ? c.ownRatio : c.ratio) : null;
          const f = opts.formulas ? ownRatioFormula(u, row) : null;
          return f ? { formula: f, result: v ?? "" } : v;
        },
      });
      add(`mean:${cr.id}`, {
        header: `Bình quân tỷ lệ các xã`, width: 8, format: NUMBER_FORMATS.percent,
        value: (u) => {
          const c = critOf(u, cr.id);
          if (!def(u)?.combineWithCommunes) return null;
          const v = c?.communeMean ?? null;
          if (!opts.formulas) return v;
          // the engine's members: communes whose district cell names this district, compared as its keys are
          const district = normalizeKey(u.group ?? u.key);
          const members = units.filter((x) => x.level === "xa" && x.group !== null && normalizeKey(x.group) === district).map((x) => at(`own:${cr.id}`, rowOf.get(x.key)!));
          if (!members.length || members.length > 250) return v;
          const list = members.join(",");
          // SUM/COUNT skip the blank ("") ratios of communes with no data, as the engine's mean does
          return { formula: `IF(COUNT(${list})=0,"",SUM(${list})/COUNT(${list}))`, result: v ?? "" };
        },
      });
    }
    add(`ratio:${cr.id}`, {
      header: cr.combine ? `Tỷ lệ ${short} tính điểm` : `Tỷ lệ ${short}`, width: 8, format: NUMBER_FORMATS.percent,
      value: (u, row) => {
        const c = critOf(u, cr.id);
        // a district with no commune ratio to combine with has no ratio for points (the engine keeps
        // its own ratio in `ratio`, shown in the column before): blank, as the formula gives it
        const v = def(u)?.combineWithCommunes && c?.communeMean === undefined ? null : c?.ratio ?? null;
        if (!opts.formulas) return v;
        if (cr.combine) {
          const own = at(`own:${cr.id}`, row);
          if (def(u)?.combineWithCommunes) {
            const mean = at(`mean:${cr.id}`, row);
            return { formula: `IF(AND(ISNUMBER(${own}),ISNUMBER(${mean})),(${own}+${mean})/2,"")`, result: v ?? "" };
          }
          return { formula: `IF(ISNUMBER(${own}),${own},"")`, result: v ?? "" };
        }
        const f = ownRatioFormula(u, row);
        return f ? { formula: f, result: v ?? "" } : v;
      },
    });
    add(`points:${cr.id}`, {
      header: `Điểm ${short}`, width: 7, format: NUMBER_FORMATS.points,
      value: (u, row) => {
        const c = critOf(u, cr.id);
        const v = c?.points ?? null;
        const d = def(u);
        if (!opts.formulas || !d) return v;
        const r = at(`ratio:${cr.id}`, row);
        const thr = refs[criterionKey(d, "threshold")];
        const max = refs[criterionKey(d, "maxPoints")];
        // r ≥ threshold → full points, else the criterion's rule below it; "≥" with the written tolerance
        const pts = `IF(${r}>=${thr}-${tol},${max},${belowFormula(d, r, thr, max, refs, tol)})`;
        // below the floor (§III.2.b) the criterion gives no points: the unit is not considered, not scored 0
        const floor = d.floor !== undefined ? refs[criterionKey(d, "floor")] : undefined;
        const body = floor ? `IF(${r}<${floor}-${tol},"",${pts})` : pts;
        return { formula: `IF(ISNUMBER(${r}),${body},"")`, result: v ?? "" };
      },
    });
  }

  // bonus points granted, as the engine read them (with formulas: from the results' input cell, the
  // same checks: a number from 0 to the maximum, a blank as no bonus only by the plan's reading)
  const bonuses = plan.bonuses ?? [];
  for (const b of bonuses) {
    add(`bonus:${b.id}`, {
      header: bonuses.length === 1 ? "Điểm thưởng" : `Điểm thưởng ${midSentence(b.label)}`, width: 7, format: NUMBER_FORMATS.points,
      value: (u, row) => {
        if (u.level !== b.level) return null;
        const v = u.bonuses?.find((x) => x.id === b.id)?.points ?? null;
        const max = refs[bonusKey(b)];
        if (!opts.formulas || !colIndex.has(`in:${b.input}`) || !max) return v;
        const x = at(`in:${b.input}`, row);
        const blank = b.blankReading !== undefined ? "0" : '""';
        return { formula: `IF(ISNUMBER(${x}),IF(AND(${x}>=0,${x}<=${max}),${x},""),IF(${x}="",${blank},""))`, result: v ?? "" };
      },
    });
  }

  if (crits.length) {
    add("total", {
      header: "Tổng điểm", width: 7, format: NUMBER_FORMATS.points,
      value: (u, row) => {
        const v = u.total;
        if (!opts.formulas) return v;
        const pts = crits.filter((cr) => cr.byLevel[u.level]).map((cr) => at(`points:${cr.id}`, row));
        for (const b of bonuses) if (b.level === u.level) pts.push(at(`bonus:${b.id}`, row));
        if (!pts.length) return v;
        const all = `AND(${pts.map((p) => `ISNUMBER(${p})`).join(",")})`;
        const sum = pts.join("+");
        // the commune floor (§III.2.b): below it the unit is not considered, so it has no total
        const floors = crits
          .map((cr) => ({ cr, d: cr.byLevel[u.level] }))
          .filter((x) => x.d?.floor !== undefined && refs[criterionKey(x.d!, "floor")])
          .map((x) => `${at(colIndex.has(`own:${x.cr.id}`) ? `own:${x.cr.id}` : `ratio:${x.cr.id}`, row)}<${refs[criterionKey(x.d!, "floor")]}-${tol}`);
        const body = floors.length ? `IF(OR(${floors.join(",")}),"",${sum})` : sum;
        return { formula: `IF(${all},${body},"")`, result: v ?? "" };
      },
    });
  }

  // published points: our total is the sum of the groups as read, plus the adjustment
  const imported = plan.kind === "imported_points" ? plan.imported : undefined;
  if (imported) {
    add("total", {
      header: RESULT_HEADERS.total, width: 7, format: NUMBER_FORMATS.points,
      value: (u, row) => {
        const v = u.total;
        // a formula only on the rows the engine scored: the other rows' errors (a reason without its
        // adjustment, no dossiers in the period) are rules no sum can state, and their total stays blank
        if (!opts.formulas || u.status !== "scored") return v;
        const groups = imported.groups.map((g) => ({ id: `in:${g.input}`, max: refs[importedMaxKey(g)] }));
        if (!groups.every((g) => colIndex.has(g.id) && g.max)) return v;
        const checks = groups.map((g) => {
          const x = at(g.id, row);
          return `ISNUMBER(${x}),${x}>=0,${x}<=${g.max}`;
        });
        const adjId = plan.adjustment ? `in:${plan.adjustment.input}` : "";
        const adj = colIndex.has(adjId) ? `+IF(ISNUMBER(${at(adjId, row)}),${at(adjId, row)},0)` : "";
        // published points have at most 2 decimals: the sum rounded to 1e-9 is the exact figure, so a
        // total of 94 compares equal to the cutoff 94 (17,75 + 19,5 + … carries binary noise)
        return { formula: `IF(AND(${checks.join(",")}),ROUND(${groups.map((g) => at(g.id, row)).join("+")}${adj},9),"")`, result: v ?? "" };
      },
    });
  }

  const tiers = plan.tiers;
  const tierApplies = (l: Level) => !tiers?.levels?.length || tiers.levels.includes(l);
  if (tiers) {
    add("tier", {
      header: RESULT_HEADERS.tier, width: 10, wrap: true,
      value: (u, row) => {
        const v = u.tier?.label ?? "";
        if (!opts.formulas || !colIndex.has("total") || !tierApplies(u.level)) return v;
        const f = tierFormula(tiers.tiers, at("total", row), refs);
        return f ? { formula: f, result: v } : v;
      },
    });
  }

  // target plans: value, target and met per indicator, as the engine judged them
  const targetIds = plan.kind === "targets" ? plan.targets.map((t) => t.id) : [];
  for (const id of targetIds) {
    const t = plan.targets.find((x) => x.id === id)!;
    const has = scored.outcome.units.some((u) => critOf(u, id));
    if (!has) continue;
    add(`tval:${id}`, { header: `${t.code ? t.code + " " : ""}${t.label}`, width: 9, format: NUMBER_FORMATS.percent, value: (u) => critOf(u, id)?.ratio ?? null });
    add(`ttarget:${id}`, { header: "Chỉ tiêu", width: 8, format: NUMBER_FORMATS.percent, value: (u) => { const t = critOf(u, id)?.threshold; return t !== undefined && Number.isFinite(t) ? t : null; } });
    add(`tmet:${id}`, {
      header: "Đạt?", width: 8, center: true,
      value: (u) => {
        const c = critOf(u, id);
        if (!c) return null;
        if (c.reason === "target_met" || (c.status === "scored" && c.full)) return "Đạt";
        if (c.reason === "target_not_met" || c.status === "scored") return "Chưa đạt";
        return "";
      },
    });
  }

  add("status", { header: "Trạng thái", width: 10, wrap: true, value: statusText });
  add("reason", { header: "Lý do", width: 20, wrap: true, value: (u) => u.message });
  add("rank", { header: RESULT_HEADERS.rank, width: 5, center: true, value: (u) => u.rank });
  if (plan.cohort) add("cohortRank", { header: cohortRankHeader(plan.cohort.label), width: 6, center: true, value: (u) => u.cohortRank ?? null });
  // since last period (score --previous): the figures then, as its results sheet wrote them
  if (units.some((u) => u.move)) {
    add("previousRank", { header: RESULT_HEADERS.previousRank, width: 6, center: true, value: (u) => u.move?.previousRank ?? null });
    add("previousTotal", { header: RESULT_HEADERS.previousTotal, width: 7, format: NUMBER_FORMATS.points, value: (u) => u.move?.previousTotal ?? null });
    add("move", { header: RESULT_HEADERS.move, width: 8, center: true, wrap: true, value: (u) => (u.move ? moveVi(u.move) : "") });
    add("previousTier", { header: RESULT_HEADERS.previousTier, width: 10, wrap: true, value: (u) => u.move?.previousTier ?? "" });
  }
  if (units.some((u) => u.gapAbove !== undefined)) {
    add("gapAbove", { header: RESULT_HEADERS.gapAbove, width: 8, format: NUMBER_FORMATS.points, value: (u) => u.gapAbove ?? null });
  }
  if (tiers && units.some((u) => u.nextTier !== undefined)) {
    add("nextTier", {
      header: RESULT_HEADERS.nextTier, width: 16, wrap: true,
      value: (u) => (u.nextTier ? nextTierVi(u.nextTier, tiers.tiers.find((t) => t.id === u.nextTier!.id)) : ""),
    });
  }
  add("award", { header: "Khen thưởng", width: 18, wrap: true, value: (u) => u.award ?? "" });
  // why a unit got no award, in words with the plan's clause; the codes are in --json only
  if (plan.awards.length) add("awardReason", { header: AWARD_REASON_HEADER, width: 24, wrap: true, value: (u) => (u.awardReason ? awardReasonText(u.awardReason) : "") });
  if (plan.awards.some((a) => a.prize)) add("prize", { header: "Tiền thưởng (đồng)", width: 11, format: NUMBER_FORMATS.money, value: (u) => u.prize });
  if (plan.awards.some((a) => a.bonusPoints)) add("bonus", { header: "Điểm cộng thi đua", width: 7, value: (u) => u.bonusPoints });
  const indiv = plan.quotas.find((q) => q.subject === "individual" && q.scope === "per_group");
  if (indiv) {
    add("indiv", {
      header: "Số cá nhân được xét", width: 7,
      value: (u) => {
        if (u.level !== indiv.level) return null;
        const hit = Object.entries(indiv.byGroup ?? {}).find(([g]) => norm(g) === norm(u.key) || norm(stripPrefix(u.key)) === norm(g));
        return hit ? hit[1] : indiv.limit;
      },
    });
  }
  // the print area ends before the explanation (long sentences, one per unit): it stays beside its row
  // on screen, where filtering and sorting keep it with the unit, and is left off paper
  const printCols = cols.length;
  add("explain", {
    header: "Giải thích", width: 70,
    value: (u) => {
      const notes = valueNotes.get(u.key);
      return notes ? [u.explanation, ...notes].filter(Boolean).join(" ") : u.explanation;
    },
  });

  const cells: CellOut[][] = [];
  cells.push([`Kết quả chấm điểm — ${plan.title}`]);
  cells.push([
    `${plan.document} (phiên bản ${plan.version}); số liệu: trang "${scored.sheet}"; chấm lúc ${stamp(opts.now)}; ` +
      `quy tắc, ngưỡng và cách hiểu: trang "${RULES_SHEET}".` +
      (opts.formulas ? " Điểm và tổng điểm là công thức Excel: sửa số liệu hoặc ngưỡng thì điểm tự tính lại; trạng thái, hạng, khen thưởng là giá trị lúc chấm." : ""),
  ]);
  cells.push([]);
  cells.push(cols.map((c) => c.header));
  units.forEach((u, i) => cells.push(cols.map((c) => c.value(u, first + i))));

  const last = first + units.length - 1;
  const formats: { range: string; format: string }[] = [];
  cols.forEach((c, i) => {
    if (c.format && units.length) formats.push({ range: `${columnLetter(i)}${first + 1}:${columnLetter(i)}${last + 1}`, format: c.format });
    if (c.counts) {
      for (const f of countFormats(cells.slice(first, last + 1).map((r) => r[i]), first)) {
        formats.push({ range: `${columnLetter(i)}${f.from + 1}:${columnLetter(i)}${f.to + 1}`, format: f.format });
      }
    }
  });

  const styles: CellStyle[] = [{ range: `A${RESULTS_HEADER_ROW + 1}:${columnLetter(cols.length - 1)}${RESULTS_HEADER_ROW + 1}`, wrap: true, center: true, middle: true }];
  cols.forEach((c, i) => {
    if ((c.wrap || c.center) && units.length) {
      styles.push({ range: `${columnLetter(i)}${first + 1}:${columnLetter(i)}${last + 1}`, ...(c.wrap ? { wrap: true } : {}), ...(c.center ? { center: true } : {}) });
    }
  });
  const sig = signatureBlock(cells, cols.slice(0, printCols).map((c) => c.width), opts.now);
  styles.push(...sig.styles);

  // rows as tall as their wrapped text: the header, and units with a long name, reason or award
  const rowHeights: Record<number, number> = {};
  const fit = (row: number, lines: number) => {
    if (lines > 1) rowHeights[row] = lines * LINE_POINTS;
  };
  fit(RESULTS_HEADER_ROW, Math.max(...cols.map((c) => wrappedLines(c.header, c.width, true))));
  // the same texts recur down a column (statuses, awards, districts): each is measured once
  const wrapped = cols.map((c, i) => ({ c, i, seen: new Map<string, number>() })).filter((x) => x.c.wrap);
  for (let r = first; r <= last; r++) {
    let lines = 1;
    for (const { c, i, seen } of wrapped) {
      const v = cells[r][i];
      const text = v !== null && typeof v === "object" ? v.result : v;
      if (text === null || text === undefined || text === "") continue;
      const t = String(text);
      let n = seen.get(t);
      if (n === undefined) seen.set(t, (n = wrappedLines(t, c.width)));
      if (n > lines) lines = n;
    }
    fit(r, lines);
  }

  // conditional formatting, relative to each range's top-left cell (row `first`)
  const rules: ConditionalRule[] = [];
  if (units.length) {
    // by the status as the sheet shows it: the codes are not written where a person reads
    const status = absCol("status", first);
    const redParts = (["not_eligible", "invalid_input", "no_data"] as const).map((st) => `${status}="${STATUS_LABELS[st]}"`);
    for (const cr of crits) {
      const floorRefs = refsFor(cr, "floor");
      for (const [l, ref] of Object.entries(floorRefs) as [Level, string][]) {
        const r = absCol(colIndex.has(`own:${cr.id}`) ? `own:${cr.id}` : `ratio:${cr.id}`, first);
        redParts.push(`AND(${absCol("level", first)}="${LEVEL_LABELS[l]}",ISNUMBER(${r}),${r}<${ref}-${tol})`);
      }
    }
    const lastScoreCol = colIndex.has("total") ? colIndex.get("total")! : colIndex.get("unit")!;
    rules.push({
      range: `${columnLetter(colIndex.get("unit")!)}${first + 1}:${columnLetter(lastScoreCol)}${last + 1}`,
      formula: `OR(${redParts.join(",")})`,
      style: "red",
      priority: 1,
    });
    let prio = 2;
    for (const cr of crits) {
      const r = absCol(`ratio:${cr.id}`, first);
      const thr = levelPick(refsFor(cr, "threshold"), first);
      const range = `${columnLetter(colIndex.get(`ratio:${cr.id}`)!)}${first + 1}:${columnLetter(colIndex.get(`points:${cr.id}`)!)}${last + 1}`;
      rules.push({ range, formula: `AND(ISNUMBER(${r}),${r}<${thr}-${tol})`, style: "amber", priority: prio++ });
    }
    if (tiers && colIndex.has("tier") && colIndex.has("total")) {
      const t = absCol("total", first);
      const range = `${columnLetter(colIndex.get("tier")!)}${first + 1}:${columnLetter(colIndex.get("tier")!)}${last + 1}`;
      const lv = tiers.levels?.length ? tiers.levels.map((l) => `${absCol("level", first)}="${LEVEL_LABELS[l]}"`) : [];
      tiers.tiers.forEach((def, i) => {
        const cond = tierCondition(def, t, refs);
        if (cond === null) return;
        const parts = [`ISNUMBER(${t})`, cond, ...(lv.length ? [lv.length === 1 ? lv[0] : `OR(${lv.join(",")})`] : [])];
        rules.push({ range, formula: `AND(${parts.join(",")})`, style: tierStyle(tiers.tiers, i), priority: prio++ });
      });
    }
    for (const id of targetIds) {
      if (!colIndex.has(`tmet:${id}`)) continue;
      const met = absCol(`tmet:${id}`, first);
      const range = `${columnLetter(colIndex.get(`tval:${id}`)!)}${first + 1}:${columnLetter(colIndex.get(`tmet:${id}`)!)}${last + 1}`;
      // value below the target written in the row (the target in force for that unit and date)
      const v = absCol(`tval:${id}`, first);
      const tg = absCol(`ttarget:${id}`, first);
      rules.push({ range, formula: `OR(${met}="Chưa đạt",AND(ISNUMBER(${v}),ISNUMBER(${tg}),${v}<${tg}-${tol}))`, style: "amber", priority: prio++ });
    }
  }
  return {
    name: RESULTS_SHEET,
    cells,
    columnWidths: cols.map((c) => c.width),
    numberFormats: formats,
    conditionalFormats: rules,
    freezeRows: RESULTS_HEADER_ROW + 1,
    boldRows: [0, RESULTS_HEADER_ROW, sig.boldRow],
    merges: sig.merges,
    styles,
    rowHeights,
    print: {
      paper: "A4",
      landscape: true,
      fitToWidth: true,
      printArea: `A1:${columnLetter(printCols - 1)}${sig.lastRow + 1}`,
      printTitleRows: [RESULTS_HEADER_ROW, RESULTS_HEADER_ROW],
      // narrow sides (Excel's "Narrow" is 0.25"): the width goes to the type
      margins: { left: 0.3, right: 0.3, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  };
}

/**
 * "#,##0" over the rows of a count column, but not on a fractional count (written as a number, or as
 * a formula's cached result): that is an input error the row is flagged for, and the cell must show
 * the figure as it is (95,5), not rounded to 96.
 */
function countFormats(values: CellOut[], first: number): { from: number; to: number; format: string }[] {
  const out: { from: number; to: number; format: string }[] = [];
  let start = -1;
  values.forEach((c, i) => {
    const v = c !== null && typeof c === "object" ? c.result : c;
    const fractional = typeof v === "number" && !Number.isInteger(v);
    if (!fractional && start < 0) start = i;
    if (fractional && start >= 0) {
      out.push({ from: first + start, to: first + i - 1, format: NUMBER_FORMATS.count });
      start = -1;
    }
  });
  if (start >= 0) out.push({ from: first + start, to: first + values.length - 1, format: NUMBER_FORMATS.count });
  return out;
}

/** Printed width (in characters) a signature takes at least, for the place and date line. */
const SIGNATURE_WIDTH = 30;

/**
 * The signature block under the table, after one blank row so that the table stays a block of its
 * own (Ctrl+* and the add-in's table finder stop at the blank row): the place and date line over the
 * head's signature at the right, the preparer's at the left, each centred over a few of the printed
 * columns. Appends its rows to `cells`.
 */
function signatureBlock(cells: CellOut[][], widths: number[], now: Date) {
  const n = widths.length;
  let leftEnd = 0;
  for (let w = widths[0] ?? 0; w < SIGNATURE_WIDTH && leftEnd < n - 1; ) w += widths[++leftEnd];
  let rightStart = n - 1;
  for (let w = widths[n - 1] ?? 0; w < SIGNATURE_WIDTH && rightStart > 0; ) w += widths[--rightStart];
  if (rightStart <= leftEnd) {
    // a narrow table: the two halves
    leftEnd = Math.max(0, Math.floor(n / 2) - 1);
    rightStart = Math.min(n - 1, leftEnd + 1);
  }
  cells.push([]);
  const row = (left: string | null, right: string) => {
    const r: CellOut[] = new Array(rightStart + 1).fill(null);
    r[0] = left;
    r[rightStart] = right;
    cells.push(r);
    return cells.length - 1;
  };
  const dateRow = row(null, `${SIGNATURE.place}, ${dateLineVi(now)}`);
  const titleRow = row(SIGNATURE.preparer, SIGNATURE.head);
  const hintRow = row(SIGNATURE.preparerHint, SIGNATURE.headHint);
  const span = (r: number, a: number, b: number) => `${columnLetter(a)}${r + 1}:${columnLetter(b)}${r + 1}`;
  const merges: string[] = [];
  const styles: CellStyle[] = [];
  for (const r of [dateRow, titleRow, hintRow]) {
    for (const [a, b] of r === dateRow ? [[rightStart, n - 1]] : [[0, leftEnd], [rightStart, n - 1]]) {
      if (b > a) merges.push(span(r, a, b));
      styles.push({ range: span(r, a, b), center: true, italic: r !== titleRow });
    }
  }
  // room to sign, printed with the block
  return { merges, styles, boldRow: titleRow, lastRow: hintRow + 4 };
}

/** A label inside a header ("Tỷ lệ thanh toán trực tuyến"): its first letter lowered, unless it begins an abbreviation (DVC). */
function midSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * Points below the threshold as a formula, by the criterion's rule: r × max (hg-165 §III.2), r ÷
 * threshold × max, or the bands' points from the rules sheet's cells, highest band first, 0 below all.
 */
function belowFormula(d: RatioCriterion, r: string, thr: string, max: string, refs: Record<string, string>, tol: string): string {
  if (d.below === "to_threshold") return `${r}/${thr}*${max}`;
  if (d.below === "bands") {
    let expr = "0";
    const n = d.bands?.length ?? 0;
    for (let j = n - 1; j >= 0; j--) {
      const min = refs[criterionKey(d, `band${j}.min`)];
      const pts = refs[criterionKey(d, `band${j}.points`)];
      if (min && pts) expr = `IF(${r}>=${min}-${tol},${pts},${expr})`;
    }
    return expr;
  }
  return `${r}*${max}`;
}

/**
 * A tier's bounds as a condition on the total cell `t`, against the rules sheet's cutoff cells, null
 * when a cutoff has no cell. The total is rounded to 1e-9 as the engine compares it, so that a sum
 * carrying binary noise (93,999999999999) is the 94 it stands for.
 */
function tierCondition(def: TierDef, t: string, refs: Record<string, string>): string | null {
  const parts: string[] = [];
  for (const side of ["min", "max"] as const) {
    const b = def[side];
    if (!b) continue;
    const ref = refs[tierKey(def, side)];
    if (!ref) return null;
    const op = side === "min" ? (b.inclusive ? ">=" : ">") : b.inclusive ? "<=" : "<";
    parts.push(`ROUND(${t},9)${op}${ref}`);
  }
  if (!parts.length) return "TRUE";
  return parts.length === 1 ? parts[0] : `AND(${parts.join(",")})`;
}

/** The tier whose bounds hold the total cell, highest first, blank in none: the cell reclassifies when a cutoff changes. */
export function tierFormula(tiers: TierDef[], t: string, refs: Record<string, string>): string | null {
  let expr = '""';
  for (let i = tiers.length - 1; i >= 0; i--) {
    const cond = tierCondition(tiers[i], t, refs);
    if (cond === null) return null;
    expr = `IF(${cond},"${tiers[i].label.replace(/"/g, '""')}",${expr})`;
  }
  return `IF(ISNUMBER(${t}),${expr},"")`;
}

/**
 * A tier's fill. The tiers a plan marks for attention take the colours the sheet already uses for
 * problems (red for the lowest of them, amber for the others: An Giang's "cần cải thiện gấp" and
 * "cần chú ý"), so the eye goes where action is due; the others take colours that read as no alarm
 * (green for the top tier, a light blue between), so a good tier is never mistaken for a warning.
 */
function tierStyle(tiers: TierDef[], i: number): ConditionalRule["style"] {
  const t = tiers[i];
  if (t.attention) {
    const lowestAttention = tiers.map((x, j) => (x.attention ? j : -1)).reduce((a, b) => Math.max(a, b), -1);
    return i === lowestAttention ? "red" : "amber";
  }
  return i === 0 ? "green" : "blue";
}

function resultOf(v: CellOut): number | string | boolean | null {
  return v === null || typeof v === "object" ? "" : v;
}

function norm(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

function stripPrefix(s: string): string {
  return norm(s).replace(/^(huyen|thi xa|thanh pho|quan)\s+/, "");
}

/** Display of a number in Vietnamese for messages in front ends. */
export const viNumber = formatNumberVi;
