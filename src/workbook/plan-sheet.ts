/**
 * A plan sheet: a whole plan laid out for a person to read and edit in Excel, top to bottom — the
 * facts of the plan as label/value rows, then one table per part of the plan (inputs, criteria one
 * row per criterion, bonuses, targets, tie-break, quotas, awards, readings, notes), each under a title
 * row and a header row, with a drop-down list on every kind column, a note on every header and the
 * meaning of every kind in a block on the right.
 *
 * planSheetModel(plan) lays a plan out; readPlanSheet(grid) reads a sheet in this layout back into a
 * plan, reading values as people type them (90%, "90%", 0,9; có / không; xã, Xã, cấp xã), and places
 * every problem — of the reading, and of the plan check — on the cell it comes from. The layout is
 * found by its words (block titles in column A, headers by their text), not by fixed positions, so
 * rows and columns a person inserts, moves or adds do not break it. Pure: no exceljs, Office or Node.
 */
import { isBlank, isoToEpochDay, normalizeKey, parseDate, parseLevel, parseNumberText } from "../engine/coerce";
import { parseYesNo } from "../engine/score-other";
import type {
  AwardDef, BonusDef, CellInput, ImportedGroup, IndexGroup, InputDef, Level, Milestone, Plan, QuotaDef, RatioCriterion, Reading, TargetDef, TargetRule, TierBound,
  TierDef, WeightedCriterion,
} from "../engine/types";
import {
  ANY_LEVEL, BELOW_KINDS, BLOCK_TEXT, FACT_TEXT, fillPlanSheetText, INDEX_SETS, INPUT_KINDS, LEVEL_WORDS, PLAN_KINDS, PLAN_SHEET_PROBLEMS as P,
  PLAN_SHEET_TEXT as T, SCOPES, SUBJECTS, TARGET_KINDS, TIE_ORDERS, TIER_WORDS, YES_NO, type Vocab,
} from "../messages/plan-sheet";
import { checkPlan } from "../plans/validate";
import { learnInputLabels } from "../messages";
import { cellRef, columnLetter } from "./a1";
import TEMPLATE from "./plan-template.json";
import { LINE_POINTS, textWidth, wrappedLines } from "./text-lines";
import type { CellComment, CellOut, CellStyle, ListValidation, SheetModel } from "./types";

/** The plan sheet's name when we write one; a plan sheet of any name is recognised by its layout. */
export const PLAN_SHEET = "Kế hoạch DVC";

/** A problem of a plan sheet, on the cell it comes from ("C7"; the sheet is the caller's). */
export interface PlanSheetProblem {
  cell: string;
  message: string;
}

export interface PlanSheetRead {
  /** the plan, when the sheet has no problem at all; null otherwise */
  plan: Plan | null;
  problems: PlanSheetProblem[];
}

/** A path into the plan value, as the plan check names what it finds: ["criteria", 2, "threshold"]. */
export type PlanPath = (string | number)[];

// ---------------------------------------------------------------------------------------------
// The layout

type Format = "percent" | "money" | "date" | "points" | "whole";

const FORMATS: Record<Format, string> = { percent: "0.00%", money: "#,##0", date: "dd/mm/yyyy", points: "0.##", whole: "0" };

type BlockKey = keyof typeof BLOCK_TEXT;
type FactKey = keyof typeof FACT_TEXT;

interface ColumnSpec {
  key: string;
  /** a blank cell is a problem, and a table without the column cannot be read */
  need?: boolean;
  words?: readonly Vocab<string | null>[];
  format?: Format;
}

const YES_NO_WORDS: Vocab<string>[] = [
  { value: "yes", word: YES_NO.yes, meaning: "" },
  { value: "no", word: YES_NO.no, meaning: "" },
];
const LEVEL_OR_ANY: readonly Vocab<string | null>[] = [...LEVEL_WORDS, ANY_LEVEL];

const BLOCKS: { key: BlockKey; columns: ColumnSpec[] }[] = [
  {
    key: "inputs",
    columns: [
      { key: "id", need: true }, { key: "label", need: true }, { key: "kind", need: true, words: INPUT_KINDS },
      { key: "required", need: true, words: YES_NO_WORDS }, { key: "headers", need: true },
    ],
  },
  {
    key: "criteria",
    columns: [
      { key: "level", need: true, words: LEVEL_WORDS }, { key: "id", need: true }, { key: "label", need: true },
      { key: "numerator", need: true }, { key: "denominator", need: true }, { key: "maxPoints", need: true, format: "points" },
      { key: "threshold", need: true, format: "percent" }, { key: "below", words: BELOW_KINDS }, { key: "bands" },
      { key: "floor", format: "percent" }, { key: "source", need: true }, { key: "floorSource" }, { key: "combine", words: YES_NO_WORDS },
      { key: "combineSource" },
    ],
  },
  {
    key: "bonuses",
    columns: [
      { key: "id", need: true }, { key: "label", need: true }, { key: "level", need: true, words: LEVEL_WORDS }, { key: "input", need: true },
      { key: "maxPoints", need: true, format: "points" }, { key: "blankReading" }, { key: "source", need: true },
    ],
  },
  {
    key: "targets",
    columns: [
      { key: "id", need: true }, { key: "code" }, { key: "label", need: true }, { key: "aliases" }, { key: "levels", need: true },
      { key: "kind", need: true, words: TARGET_KINDS }, { key: "value", format: "percent" }, { key: "detail" }, { key: "source", need: true },
    ],
  },
  {
    key: "milestones",
    columns: [{ key: "day", need: true, format: "whole" }, { key: "date", need: true, format: "date" }, { key: "label", need: true }, { key: "source", need: true }],
  },
  {
    key: "weighted",
    columns: [{ key: "id", need: true }, { key: "label", need: true }, { key: "input", need: true }, { key: "source", need: true }],
  },
  {
    key: "groups",
    columns: [
      { key: "set", need: true, words: INDEX_SETS }, { key: "id", need: true }, { key: "label", need: true }, { key: "maxPoints", need: true, format: "points" },
      { key: "source", need: true },
    ],
  },
  {
    key: "imported",
    columns: [
      { key: "id", need: true }, { key: "label", need: true }, { key: "input", need: true }, { key: "maxPoints", need: true, format: "points" },
      { key: "source", need: true },
    ],
  },
  {
    key: "tiers",
    columns: [
      { key: "id", need: true }, { key: "label", need: true }, { key: "min" }, { key: "max" }, { key: "attention", words: YES_NO_WORDS },
    ],
  },
  {
    key: "tieBreak",
    columns: [
      { key: "input", need: true }, { key: "per", need: true }, { key: "order", need: true, words: TIE_ORDERS }, { key: "levels", need: true },
      { key: "source", need: true },
    ],
  },
  {
    key: "quotas",
    columns: [
      { key: "id", need: true }, { key: "label", need: true }, { key: "subject", need: true, words: SUBJECTS }, { key: "level", need: true, words: LEVEL_OR_ANY },
      { key: "scope", need: true, words: SCOPES }, { key: "limit", need: true, format: "whole" }, { key: "byGroup" }, { key: "awardCodes" },
      { key: "source", need: true },
    ],
  },
  {
    key: "awards",
    columns: [
      { key: "code", need: true }, { key: "label", need: true }, { key: "level", need: true, words: LEVEL_OR_ANY }, { key: "rank", format: "whole" },
      { key: "prize", format: "money" }, { key: "prizeSource" }, { key: "bonusPoints", format: "points" }, { key: "bonusSource" }, { key: "condition" },
      { key: "maxCollectives", format: "whole" }, { key: "individualsEach", format: "whole" }, { key: "source", need: true },
    ],
  },
  {
    key: "readings",
    columns: [
      { key: "id", need: true }, { key: "vi", need: true }, { key: "en" }, { key: "source", need: true }, { key: "option" }, { key: "default" },
      { key: "values" },
    ],
  },
  {
    key: "notes",
    columns: [{ key: "id", need: true }, { key: "text", need: true }, { key: "source", need: true }],
  },
];

const BLOCK_OF = new Map(BLOCKS.map((b) => [b.key, b]));

interface FactSpec {
  key: FactKey;
  need?: boolean;
  words?: readonly Vocab<string | null>[];
  format?: Format;
}

const FACTS: FactSpec[] = [
  { key: "id", need: true }, { key: "title", need: true }, { key: "titleEn" }, { key: "document", need: true }, { key: "documentDate", format: "date" },
  { key: "version", need: true }, { key: "seed" }, { key: "source", need: true }, { key: "kind", need: true, words: PLAN_KINDS },
  { key: "periodFrom", format: "date" }, { key: "periodTo", format: "date" }, { key: "periodSource" }, { key: "levels", need: true },
  { key: "groupNoun" }, { key: "groupNounEn" }, { key: "totalPoints", format: "points" },
  { key: "campaignStart", format: "date" }, { key: "campaignEnd", format: "date" }, { key: "campaignSource" },
  { key: "weightedScore" }, { key: "weightedSource" }, { key: "groupsSource" },
  { key: "importedSource" }, { key: "importedTotal" }, { key: "importedTotalSource" }, { key: "activityInput" }, { key: "activitySource" },
  { key: "adjustmentInput" }, { key: "adjustmentReason" }, { key: "adjustmentLabel" }, { key: "adjustmentMax", format: "points" }, { key: "adjustmentSource" },
  { key: "tiersSource" }, { key: "tiersLevels" }, { key: "cohortInput" }, { key: "cohortLabel" }, { key: "cohortSource" },
];

/** The tables' columns: as many as the widest table (criteria). */
const TABLE_COLUMNS = Math.max(...BLOCKS.map((b) => b.columns.length));
/**
 * A column is as wide as its widest cell among the stacked tables, within these bounds (in digits):
 * a longer text wraps.
 */
const MIN_WIDTH = 10;
const MAX_WIDTH = 42;
/** The kinds' meanings: beside the tables, one empty column to their right, wide enough that most take one line. */
const EXPLAIN_COL = TABLE_COLUMNS + 1;
const EXPLAIN_WIDTHS = [34, 26, 110];
/** Empty rows left in each table, with its lists and formats, for rows a person adds. */
const SPARE_ROWS = 2;

// ---------------------------------------------------------------------------------------------
// Values as the sheet shows them

const LEVEL_ORDER: Level[] = ["tinh", "huyen", "xa"];

function wordOf<V extends string | null>(words: readonly Vocab<V>[], value: V): string {
  return words.find((w) => w.value === value)?.word ?? String(value);
}

function levelWord(l: Level | null): string {
  return l === null ? ANY_LEVEL.word : wordOf(LEVEL_WORDS, l);
}

/** 0.905 → "90,5%": what a person types, decimal comma; ten significant digits drop float noise (0.55 × 100). */
function percentText(r: number): string {
  return String(Number((r * 100).toPrecision(10))).replace(".", ",") + "%";
}

function numberText(n: number): string {
  return String(n).replace(".", ",");
}

/** ISO yyyy-mm-dd → Excel's serial day (dates from March 1900 on: the plans' dates). */
function serialOf(iso: string): number {
  return isoToEpochDay(iso) + 25_569;
}

/**
 * A clause as a person reads it: a built-in plan cites its seed file ("000_….txt §III.2"), which the
 * sheet shows as the document ("KH 165/KH-UBND §III.2") and reads back to the seed file.
 */
function shownSource(src: string | undefined, seed: string | null, document: string): string {
  if (src === undefined) return "";
  return seed !== null && src.startsWith(seed + " §") ? document + src.slice(seed.length) : src;
}

function storedSource(text: string, seed: string | null, document: string | undefined): string {
  return seed !== null && document && text.startsWith(document + " §") ? seed + text.slice(document.length) : text;
}

const list = (xs: readonly (string | number)[] | undefined): string => (xs ?? []).join("; ");

// ---------------------------------------------------------------------------------------------
// Writing

type Row = Record<string, CellOut | undefined>;

class SheetBuilder {
  readonly cells: CellOut[][] = [];
  readonly bold: number[] = [];
  readonly formats: { range: string; format: string }[] = [];
  readonly validations: ListValidation[] = [];
  readonly comments: CellComment[] = [];
  readonly styles: CellStyle[] = [];
  /** 0-based rows whose text cells wrap (every row but the title and intro) */
  readonly wrapped = new Set<number>();

  push(row: CellOut[], bold = false): number {
    if (bold) this.bold.push(this.cells.length);
    this.cells.push(row);
    return this.cells.length - 1;
  }

  format(range: string, f: Format | undefined): void {
    if (f) this.formats.push({ range, format: FORMATS[f] });
  }

  list(range: string, words: readonly Vocab<string | null>[], what: string): void {
    this.validations.push({
      range,
      values: words.map((w) => w.word),
      errorTitle: what,
      error: `Chọn một giá trị trong danh sách: ${words.map((w) => w.word).join(", ")}.`,
    });
  }
}

function facts(plan: Plan): { key: FactKey; value: CellOut }[] {
  const src = (s: string | undefined) => shownSource(s, plan.seed, plan.document);
  const out: { key: FactKey; value: CellOut }[] = [
    { key: "id", value: plan.id },
    { key: "title", value: plan.title },
    { key: "titleEn", value: plan.titleEn === plan.title ? "" : plan.titleEn },
    { key: "document", value: plan.document },
    { key: "documentDate", value: plan.documentDate ? serialOf(plan.documentDate) : null },
    { key: "version", value: plan.version },
    { key: "seed", value: plan.seed ?? "" },
    { key: "source", value: src(plan.source) },
    { key: "kind", value: wordOf(PLAN_KINDS, plan.kind) },
    { key: "periodFrom", value: plan.period?.from ? serialOf(plan.period.from) : null },
    { key: "periodTo", value: plan.period ? serialOf(plan.period.to) : null },
    { key: "periodSource", value: src(plan.period?.source) },
    { key: "levels", value: plan.levels.map(levelWord).join("; ") },
    { key: "groupNoun", value: plan.groupNoun?.vi ?? "" },
    { key: "groupNounEn", value: plan.groupNoun && plan.groupNoun.en !== plan.groupNoun.vi ? plan.groupNoun.en : "" },
    { key: "totalPoints", value: plan.totalPoints ?? null },
  ];
  // the rows of a model the plan does not use are left out: a ratio plan has no campaign
  if (plan.campaign || plan.kind === "targets") {
    out.push(
      { key: "campaignStart", value: plan.campaign ? serialOf(plan.campaign.start) : null },
      { key: "campaignEnd", value: plan.campaign ? serialOf(plan.campaign.end) : null },
      { key: "campaignSource", value: src(plan.campaign?.source) },
    );
  }
  if (plan.weighted || plan.kind === "weighted_mean") {
    out.push({ key: "weightedScore", value: plan.weighted?.scoreInput ?? "" }, { key: "weightedSource", value: src(plan.weighted?.source) });
  }
  if (plan.groups || plan.kind === "index_groups") out.push({ key: "groupsSource", value: src(plan.groups?.source) });
  // the options of ranking on the index: shown blank on an imported-points plan, for a person to fill in
  const index = plan.kind === "imported_points";
  if (plan.imported || index) {
    out.push(
      { key: "importedSource", value: src(plan.imported?.source) },
      { key: "importedTotal", value: plan.imported?.total?.input ?? "" },
      { key: "importedTotalSource", value: src(plan.imported?.total?.source) },
    );
  }
  if (plan.activity || index) out.push({ key: "activityInput", value: plan.activity?.input ?? "" }, { key: "activitySource", value: src(plan.activity?.source) });
  if (plan.adjustment || index) {
    const a = plan.adjustment;
    out.push(
      { key: "adjustmentInput", value: a?.input ?? "" }, { key: "adjustmentReason", value: a?.reasonInput ?? "" }, { key: "adjustmentLabel", value: a?.label ?? "" },
      { key: "adjustmentMax", value: a?.maxPoints ?? null }, { key: "adjustmentSource", value: src(a?.source) },
    );
  }
  if (plan.tiers || index) {
    out.push({ key: "tiersSource", value: src(plan.tiers?.source) }, { key: "tiersLevels", value: (plan.tiers?.levels ?? []).map(levelWord).join("; ") });
  }
  if (plan.cohort || index) {
    out.push({ key: "cohortInput", value: plan.cohort?.input ?? "" }, { key: "cohortLabel", value: plan.cohort?.label ?? "" }, { key: "cohortSource", value: src(plan.cohort?.source) });
  }
  return out;
}

/** A tier's bound as a person writes it: "trên 94", "từ 90" below; "đến 94", "dưới 90" above. */
function boundText(side: "min" | "max", b: TierBound | undefined): string {
  if (!b) return "";
  const word = side === "min" ? (b.inclusive ? TIER_WORDS.from : TIER_WORDS.above) : b.inclusive ? TIER_WORDS.to : TIER_WORDS.below;
  return `${word} ${numberText(b.value)}`;
}

function blockRows(plan: Plan): { key: BlockKey; rows: Row[] }[] {
  const src = (s: string | undefined) => shownSource(s, plan.seed, plan.document);
  const yesNo = (b: boolean | undefined) => (b === undefined ? "" : b ? YES_NO.yes : YES_NO.no);
  const blocks: { key: BlockKey; rows: Row[] }[] = [];
  blocks.push({
    key: "inputs",
    rows: plan.inputs.map((i) => ({ id: i.id, label: i.label, kind: wordOf(INPUT_KINDS, i.kind), required: yesNo(i.required), headers: list(i.headers) })),
  });
  blocks.push({
    key: "criteria",
    rows: plan.criteria.map((c) => ({
      level: levelWord(c.level), id: c.id, label: c.label, numerator: c.numerator, denominator: c.denominator, maxPoints: c.maxPoints,
      threshold: c.threshold, below: c.below ? wordOf(BELOW_KINDS, c.below) : "",
      bands: c.bands ? c.bands.map((b) => `≥${percentText(b.min)}: ${numberText(b.points)}`).join("; ") : "",
      floor: c.floor ?? null, source: src(c.source), floorSource: src(c.floorSource), combine: yesNo(c.combineWithCommunes), combineSource: src(c.combineSource),
    })),
  });
  blocks.push({
    key: "bonuses",
    rows: (plan.bonuses ?? []).map((b) => ({
      id: b.id, label: b.label, level: levelWord(b.level), input: b.input, maxPoints: b.maxPoints, blankReading: b.blankReading ?? "", source: src(b.source),
    })),
  });
  blocks.push({
    key: "targets",
    rows: plan.targets.map((t) => {
      const r = t.rule;
      let value: CellOut = null;
      let detail = "";
      if (r.kind === "fixed") value = r.value;
      else if (r.kind === "assigned_plus") value = r.points;
      else if (r.kind === "by_level") detail = LEVEL_ORDER.filter((l) => r.values[l] !== undefined).map((l) => `${levelWord(l)}: ${percentText(r.values[l]!)}`).join("; ");
      else detail = r.steps.map((s) => `ngày ${s.day}: ${percentText(s.value)}`).join("; ");
      return {
        id: t.id, code: t.code ?? "", label: t.label, aliases: list(t.aliases), levels: t.levels.map(levelWord).join("; "), kind: wordOf(TARGET_KINDS, r.kind),
        value, detail, source: src(t.source),
      };
    }),
  });
  if (plan.campaign || plan.kind === "targets") {
    blocks.push({
      key: "milestones",
      rows: (plan.campaign?.milestones ?? []).map((m) => ({ day: m.day, date: serialOf(m.date), label: m.label, source: src(m.source) })),
    });
  }
  if (plan.weighted || plan.kind === "weighted_mean") {
    blocks.push({ key: "weighted", rows: (plan.weighted?.criteria ?? []).map((c) => ({ id: c.id, label: c.label, input: c.input, source: src(c.source) })) });
  }
  if (plan.groups || plan.kind === "index_groups") {
    const g = plan.groups;
    const rows = (set: "classic" | "portal", gs: IndexGroup[]) =>
      gs.map((x) => ({ set: wordOf(INDEX_SETS, set), id: x.id, label: x.label, maxPoints: x.maxPoints, source: src(x.source) }));
    blocks.push({ key: "groups", rows: g ? [...rows("portal", g.portal), ...rows("classic", g.classic)] : [] });
  }
  if (plan.imported || plan.kind === "imported_points") {
    blocks.push({
      key: "imported",
      rows: (plan.imported?.groups ?? []).map((g) => ({ id: g.id, label: g.label, input: g.input, maxPoints: g.maxPoints, source: src(g.source) })),
    });
  }
  if (plan.tiers || plan.kind === "imported_points") {
    blocks.push({
      key: "tiers",
      rows: (plan.tiers?.tiers ?? []).map((t) => ({
        id: t.id, label: t.label, min: boundText("min", t.min), max: boundText("max", t.max), attention: yesNo(t.attention),
      })),
    });
  }
  const tb = plan.tieBreak;
  blocks.push({
    key: "tieBreak",
    rows: tb ? [{ input: tb.input, per: tb.per, order: wordOf(TIE_ORDERS, tb.order), levels: tb.levels.map(levelWord).join("; "), source: src(tb.source) }] : [],
  });
  blocks.push({
    key: "quotas",
    rows: plan.quotas.map((q) => ({
      id: q.id, label: q.label, subject: wordOf(SUBJECTS, q.subject), level: levelWord(q.level), scope: wordOf(SCOPES, q.scope), limit: q.limit,
      byGroup: q.byGroup ? Object.entries(q.byGroup).map(([g, n]) => `${g}: ${n}`).join("; ") : "", awardCodes: list(q.awardCodes), source: src(q.source),
    })),
  });
  blocks.push({
    key: "awards",
    rows: plan.awards.map((a) => ({
      code: a.code, label: a.label, level: levelWord(a.level), rank: a.rank ?? null, prize: a.prize ?? null, prizeSource: src(a.prizeSource),
      bonusPoints: a.bonusPoints ?? null, bonusSource: src(a.bonusSource), condition: a.condition ?? "", maxCollectives: a.maxCollectives ?? null,
      individualsEach: a.individualsEach ?? null, source: src(a.source),
    })),
  });
  blocks.push({
    key: "readings",
    rows: plan.readings.map((r) => ({
      id: r.id, vi: r.text.vi, en: r.text.en === r.text.vi ? "" : r.text.en, source: src(r.source), option: r.option?.name ?? "",
      default: r.option ? optionCell(r.option.default) : null, values: r.option ? r.option.values.map(optionText).join("; ") : "",
    })),
  });
  blocks.push({ key: "notes", rows: (plan.notes ?? []).map((n) => ({ id: n.id, text: n.text, source: src(n.source) })) });
  return blocks;
}

function optionText(v: unknown): string {
  return String(v);
}

function optionCell(v: unknown): CellOut {
  return typeof v === "boolean" || typeof v === "number" ? v : String(v);
}

/** The kinds' meanings, for the block beside the tables. */
function explanation(): string[][] {
  const rows: string[][] = [];
  const add = (column: string, words: readonly Vocab<string | null>[]) => {
    words.forEach((w, i) => rows.push([i === 0 ? column : "", w.word, w.meaning]));
  };
  add(FACT_TEXT.kind.label, PLAN_KINDS);
  add(`${BLOCK_TEXT.inputs.title}: ${BLOCK_TEXT.inputs.columns.kind.header}`, INPUT_KINDS);
  add(`${BLOCK_TEXT.criteria.title}: ${BLOCK_TEXT.criteria.columns.below.header}`, BELOW_KINDS);
  rows.push([...T.explainBands]);
  add(`${BLOCK_TEXT.targets.title}: ${BLOCK_TEXT.targets.columns.kind.header}`, TARGET_KINDS);
  add(`${BLOCK_TEXT.quotas.title}: ${BLOCK_TEXT.quotas.columns.subject.header}`, SUBJECTS);
  add(`${BLOCK_TEXT.quotas.title}: ${BLOCK_TEXT.quotas.columns.scope.header}`, SCOPES);
  add(BLOCK_TEXT.criteria.columns.level.header, LEVEL_OR_ANY);
  add(`${BLOCK_TEXT.groups.title}: ${BLOCK_TEXT.groups.columns.set.header}`, INDEX_SETS);
  add(`${BLOCK_TEXT.tieBreak.title}: ${BLOCK_TEXT.tieBreak.columns.order.header}`, TIE_ORDERS);
  rows.push([...T.explainTierMin], [...T.explainTierMax]);
  rows.push([...T.explainYesNo], [...T.explainPercent], [...T.explainSource], [...T.explainList]);
  return rows;
}

/** The plan as a plan sheet (see the module comment); `name` is the sheet's name. */
export function planSheetModel(plan: Plan, name = PLAN_SHEET): SheetModel {
  const b = new SheetBuilder();
  const lastCol = columnLetter(TABLE_COLUMNS - 1);
  b.push([T.title], true);
  b.push([T.intro]);
  b.push([]);

  const factsTitle = b.push([T.factsTitle], true);
  for (const f of facts(plan)) {
    const spec = FACTS.find((s) => s.key === f.key)!;
    const r = b.push([FACT_TEXT[f.key].label, f.value]);
    b.wrapped.add(r);
    b.comments.push({ cell: cellRef(r, 0), text: FACT_TEXT[f.key].note });
    b.format(cellRef(r, 1), spec.format);
    if (spec.words) b.list(cellRef(r, 1), spec.words, FACT_TEXT[f.key].label);
  }
  b.push([]);

  for (const block of blockRows(plan)) {
    const spec = BLOCK_OF.get(block.key)!;
    const text = BLOCK_TEXT[block.key];
    const columns = text.columns as Record<string, { header: string; note: string }>;
    b.push([text.title], true);
    const header = b.push(spec.columns.map((c) => columns[c.key].header), true);
    b.wrapped.add(header);
    spec.columns.forEach((c, j) => b.comments.push({ cell: cellRef(header, j), text: columns[c.key].note }));
    for (const row of block.rows) b.wrapped.add(b.push(spec.columns.map((c) => row[c.key] ?? null)));
    for (let k = 0; k < SPARE_ROWS; k++) b.push([]);
    const first = header + 1;
    const last = b.cells.length - 1;
    spec.columns.forEach((c, j) => {
      const range = `${columnLetter(j)}${first + 1}:${columnLetter(j)}${last + 1}`;
      b.format(range, c.format);
      if (c.words) b.list(range, c.words, columns[c.key].header);
    });
    b.styles.push({ range: `A${header + 1}:${lastCol}${last + 1}`, wrap: true }, { range: `A${header + 1}:${lastCol}${last + 1}`, middle: true });
    b.push([]);
  }
  b.styles.push({ range: `A${factsTitle + 2}:B${factsTitle + 1 + facts(plan).length}`, wrap: true });

  // the meanings of the kinds, beside the tables from the facts' title down
  const ex = explanation();
  const exRows = [[T.explainTitle], [...T.explainHeader], ...ex];
  exRows.forEach((cells, k) => {
    const r = factsTitle + k;
    const row = (b.cells[r] ??= []);
    while (row.length < EXPLAIN_COL) row.push(null);
    row.splice(EXPLAIN_COL, cells.length, ...cells);
    if (k >= 1) b.wrapped.add(r);
  });
  const exFirst = columnLetter(EXPLAIN_COL);
  const exLast = columnLetter(EXPLAIN_COL + EXPLAIN_WIDTHS.length - 1);
  b.styles.push({ range: `${exFirst}${factsTitle + 2}:${exLast}${factsTitle + exRows.length}`, wrap: true });

  const boldRows = new Set(b.bold);
  const widths: number[] = [];
  for (let c = 0; c < TABLE_COLUMNS; c++) {
    let w = MIN_WIDTH;
    for (const r of b.wrapped) {
      const v = b.cells[r][c];
      const text = typeof v === "string" ? v : typeof v === "number" ? numberText(v) : "";
      // a cell of several words may wrap; a single word is kept whole
      w = Math.max(w, Math.min(MAX_WIDTH, textWidth(text, boldRows.has(r)) + 1));
    }
    widths.push(Math.ceil(w));
  }
  widths.push(3, ...EXPLAIN_WIDTHS);
  const rowHeights: Record<number, number> = {};
  b.cells.forEach((row, r) => {
    if (!b.wrapped.has(r)) return;
    let lines = 1;
    row.forEach((v, c) => {
      if (typeof v === "string" && v && widths[c]) lines = Math.max(lines, wrappedLines(v, widths[c], boldRows.has(r)));
    });
    if (lines > 1) rowHeights[r] = lines * LINE_POINTS;
  });
  return {
    name,
    cells: b.cells,
    columnWidths: widths,
    numberFormats: b.formats,
    conditionalFormats: [],
    boldRows: b.bold,
    styles: b.styles,
    rowHeights,
    dataValidations: b.validations,
    comments: b.comments,
    // on paper the tables, one page wide; the kinds' meanings are for the screen
    print: { paper: "A4", landscape: true, fitToWidth: true, printArea: `A1:${lastCol}${b.cells.length}` },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

const TITLE_PREFIX = /^(?:[ivxlc]+|\d+)\s+/;

/** A title or label as compared: no case, marks or punctuation, nor a leading "1." or "II.". */
function wordKey(x: CellInput): string {
  return typeof x === "string" ? normalizeKey(x).replace(TITLE_PREFIX, "") : "";
}

const BLOCK_TITLES = new Map<string, BlockKey>(BLOCKS.map((b) => [wordKey(BLOCK_TEXT[b.key].title), b.key]));
const FACT_LABELS = new Map<string, FactKey>(FACTS.map((f) => [wordKey(FACT_TEXT[f.key].label), f.key]));

function headerKeyMap(key: BlockKey): Map<string, string> {
  const columns = BLOCK_TEXT[key].columns as Record<string, { header: string }>;
  return new Map(BLOCK_OF.get(key)!.columns.map((c) => [wordKey(columns[c.key].header), c.key]));
}
const HEADER_KEYS = new Map(BLOCKS.map((b) => [b.key, headerKeyMap(b.key)]));

interface FoundBlock {
  key: BlockKey;
  titleRow: number;
  headerRow: number;
  /** column key → 0-based column */
  columns: Map<string, number>;
  /** the rows below the header up to the next block (exclusive) */
  end: number;
}

function cellAt(grid: CellInput[][], r: number, c: number): CellInput {
  return grid[r]?.[c] ?? null;
}

/** A block's title row: its title in column A, and its header row (the next row that is not blank) under it. */
function findBlocks(grid: CellInput[][]): FoundBlock[] {
  const found: FoundBlock[] = [];
  for (let r = 0; r < grid.length; r++) {
    const key = BLOCK_TITLES.get(wordKey(cellAt(grid, r, 0)));
    if (!key) continue;
    let h = r + 1;
    while (h < grid.length && (grid[h] ?? []).every((v) => isBlank(v))) h++;
    const keys = HEADER_KEYS.get(key)!;
    const columns = new Map<string, number>();
    const row = grid[h] ?? [];
    // the header runs from column A to its first blank cell: what lies beyond (the kinds' meanings) is not the table's
    for (let c = 0; c < row.length && !isBlank(row[c]); c++) {
      const k = keys.get(wordKey(row[c]));
      if (k && !columns.has(k)) columns.set(k, c);
    }
    if (columns.size === 0) continue; // an input or criterion named like a title, in a table's column A
    found.push({ key, titleRow: r, headerRow: h, columns, end: grid.length });
  }
  for (let i = 0; i + 1 < found.length; i++) found[i].end = found[i + 1].titleRow;
  return found;
}

/** How far down the facts of a plan sheet are looked for when a sheet is only being recognised. */
const RECOGNISE_ROWS = 60;

/** Whether a sheet is laid out as a plan sheet: the plan's title among its facts, and the inputs' table. */
export function isPlanSheet(grid: CellInput[][]): boolean {
  let title = false;
  for (let r = 0; r < Math.min(grid.length, RECOGNISE_ROWS) && !title; r++) title = FACT_LABELS.get(wordKey(cellAt(grid, r, 0))) === "title";
  return title && findBlocks(grid).some((b) => b.key === "inputs");
}

const pathKey = (p: PlanPath) => p.join("\u0001");

type Got<T> = T | undefined;

/** What the reader keeps while reading: the problems, and the cell of every path of the plan. */
class Reading_ {
  readonly problems: PlanSheetProblem[] = [];
  private readonly cells = new Map<string, string>();
  /** paths of parts that could not be read at all (a table without a needed column): the plan check is not told twice */
  readonly dead: PlanPath[] = [];

  place(path: PlanPath, cell: string): void {
    if (!this.cells.has(pathKey(path))) this.cells.set(pathKey(path), cell);
  }

  /** The cell of a path, or of the nearest part above it that has one. */
  cellOf(path: PlanPath): string {
    for (let k = path.length; k >= 0; k--) {
      const c = this.cells.get(pathKey(path.slice(0, k)));
      if (c) return c;
    }
    return "A1";
  }

  problem(cell: string, template: string, values: Record<string, string | number>): void {
    this.problems.push({ cell, message: fillPlanSheetText(template, values) });
  }
}

/** A cell's value as a problem quotes it. */
function quoted(x: CellInput): string {
  if (x instanceof Date) return Number.isFinite(x.getTime()) ? x.toISOString().slice(0, 10) : String(x);
  if (typeof x === "object" && x !== null) return x.error;
  return String(x).trim();
}

/** A decimal typed with a comma or a point ("90,5"), as an exact decimal string for Number(). */
function decimalText(s: string): string | null {
  const t = s.trim();
  return /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/.test(t) ? t.replace(",", ".") : null;
}

type RatioRead = { ok: true; value: number } | { ok: false; whole?: number };

/**
 * A ratio as people type it: a number 0–1 (a cell formatted as percent holds 0.9), "90%", "90,5 %",
 * "0,9". A bare number above 1 and up to 100 (90) is a percent typed without its sign: an error,
 * never guessed. "90%" reads as Number("90e-2"), the same double as 0.9 typed.
 */
function readRatio(x: CellInput): RatioRead {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) return { ok: false };
    if (x > 1 && x <= 100) return { ok: false, whole: x };
    return { ok: true, value: x };
  }
  if (typeof x !== "string") return { ok: false };
  const s = x.trim();
  const pct = /^(.*?)\s*%$/.exec(s);
  if (pct) {
    const d = decimalText(pct[1]);
    return d === null ? { ok: false } : { ok: true, value: Number(`${d}e-2`) };
  }
  const d = decimalText(s);
  if (d === null) return { ok: false };
  const n = Number(d);
  return n > 1 && n <= 100 ? { ok: false, whole: n } : { ok: true, value: n };
}

function readNumber(x: CellInput): number | null {
  if (typeof x === "number") return Number.isFinite(x) ? x : null;
  if (typeof x !== "string") return null;
  const n = parseNumberText(x);
  return n !== null && Number.isFinite(n) ? n : null;
}

type BoundRead = { side: "min" | "max"; bound: TierBound } | { bare: number } | null;

const BOUND_SYMBOLS: Record<string, { side: "min" | "max"; inclusive: boolean }> = {
  ">": { side: "min", inclusive: false }, "≥": { side: "min", inclusive: true }, ">=": { side: "min", inclusive: true },
  "<": { side: "max", inclusive: false }, "≤": { side: "max", inclusive: true }, "<=": { side: "max", inclusive: true },
};
const BOUND_WORDS: Record<string, { side: "min" | "max"; inclusive: boolean }> = {
  [normalizeKey(TIER_WORDS.above)]: { side: "min", inclusive: false },
  [normalizeKey(TIER_WORDS.from)]: { side: "min", inclusive: true },
  [normalizeKey(TIER_WORDS.to)]: { side: "max", inclusive: true },
  [normalizeKey(TIER_WORDS.below)]: { side: "max", inclusive: false },
};

/**
 * A tier's bound as people write it: "trên 94", "từ 90", "từ 90 trở lên", "đến 94", "dưới 90",
 * "> 94", "≥ 90", "<= 94", "< 90" (a comma or a point for decimals). A bare number does not say
 * whether the bound itself belongs to the tier: it is refused, never guessed; so is anything else.
 */
function readBound(x: CellInput): BoundRead {
  if (typeof x === "number") return Number.isFinite(x) ? { bare: x } : null;
  if (typeof x !== "string") return null;
  const m = /^(.*?)\s*([+-]?\d+(?:[.,]\d+)?)\s*(.*)$/u.exec(x.normalize("NFC").trim());
  if (!m) return null;
  const value = Number(m[2].replace(",", "."));
  const head = m[1].trim();
  const tail = normalizeKey(m[3]);
  if (head === "" && tail === "") return { bare: value };
  const how = BOUND_SYMBOLS[head.replace(/\s+/g, "")] ?? BOUND_WORDS[normalizeKey(head)];
  if (!how) return null;
  // "từ 90 trở lên", "đến 94 trở xuống" say the same once more
  if (tail !== "" && !(how.inclusive && tail === (how.side === "min" ? "tro len" : "tro xuong"))) return null;
  return { side: how.side, bound: { value, inclusive: how.inclusive } };
}

/** One cell of the sheet, with what it is for: the path it fills and the words of its column. */
interface Cell {
  value: CellInput;
  ref: string;
  what: string;
  path: PlanPath;
}

class CellReader {
  constructor(private readonly rd: Reading_) {}

  private blank(c: Cell, need: boolean): boolean {
    if (!isBlank(c.value)) return false;
    if (need) this.rd.problem(c.ref, P.blank, { what: c.what });
    return true;
  }

  text(c: Cell, need = false): Got<string> {
    if (this.blank(c, need)) return undefined;
    if (typeof c.value === "string") return c.value.trim();
    // a version "2023.1" or a code "5" that Excel took for a number is what was typed
    if (typeof c.value === "number") return String(c.value);
    this.rd.problem(c.ref, P.notText, { what: c.what, value: quoted(c.value) });
    return undefined;
  }

  list(c: Cell, need = false): Got<string[]> {
    const t = this.text(c, need);
    return t === undefined ? undefined : t.split(";").map((s) => s.trim()).filter((s) => s !== "");
  }

  word<V extends string | null>(c: Cell, words: readonly Vocab<V>[], need = false): { value: V } | undefined {
    if (this.blank(c, need)) return undefined;
    const k = typeof c.value === "string" ? normalizeKey(c.value) : "";
    const hit = words.find((w) => normalizeKey(w.word) === k || (w.value !== null && normalizeKey(w.value) === k));
    if (hit) return { value: hit.value };
    this.rd.problem(c.ref, P.unknownWord, { what: c.what, value: quoted(c.value), words: words.map((w) => w.word).join(", ") });
    return undefined;
  }

  yesNo(c: Cell, need = false): Got<boolean> {
    if (this.blank(c, need)) return undefined;
    const v = parseYesNo(c.value);
    if (typeof v === "boolean") return v;
    this.rd.problem(c.ref, P.notYesNo, { what: c.what, value: quoted(c.value) });
    return undefined;
  }

  ratio(c: Cell, need = false): Got<number> {
    if (this.blank(c, need)) return undefined;
    const r = readRatio(c.value);
    if (r.ok) return r.value;
    if (r.whole !== undefined) this.rd.problem(c.ref, P.wholePercent, { what: c.what, value: numberText(r.whole), ratio: numberText(r.whole / 100) });
    else this.rd.problem(c.ref, P.notPercent, { what: c.what, value: quoted(c.value) });
    return undefined;
  }

  number(c: Cell, need = false): Got<number> {
    if (this.blank(c, need)) return undefined;
    const n = readNumber(c.value);
    if (n !== null) return n;
    this.rd.problem(c.ref, P.notNumber, { what: c.what, value: quoted(c.value) });
    return undefined;
  }

  whole(c: Cell, need = false): Got<number> {
    const n = this.number(c, need);
    if (n === undefined || Number.isInteger(n)) return n;
    this.rd.problem(c.ref, P.notWhole, { what: c.what, value: quoted(c.value) });
    return undefined;
  }

  date(c: Cell, need = false): Got<string> {
    if (this.blank(c, need)) return undefined;
    const d = parseDate(c.value);
    if (d.ok) return d.value;
    this.rd.problem(c.ref, P.notDate, { what: c.what, value: quoted(c.value) });
    return undefined;
  }

  level(c: Cell, need = false): Got<Level> {
    if (this.blank(c, need)) return undefined;
    const l = parseLevel(c.value);
    if (l.ok) return l.value;
    this.rd.problem(c.ref, P.notLevel, { what: c.what, value: quoted(c.value) });
    return undefined;
  }

  /** A level, or "mọi cấp" (null). */
  levelOrAny(c: Cell, need = false): Got<Level | null> {
    if (!isBlank(c.value) && normalizeKey(String(c.value)) === normalizeKey(ANY_LEVEL.word)) return null;
    return this.level(c, need);
  }

  levels(c: Cell, need = false): Got<Level[]> {
    if (this.blank(c, need)) return undefined;
    if (typeof c.value !== "string") {
      this.rd.problem(c.ref, P.notLevel, { what: c.what, value: quoted(c.value) });
      return undefined;
    }
    const out: Level[] = [];
    for (const part of c.value.split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
      const l = parseLevel(part);
      if (!l.ok) {
        this.rd.problem(c.ref, P.notLevel, { what: c.what, value: part });
        return undefined;
      }
      out.push(l.value);
    }
    return out;
  }

  /** A tier's bound on its side ("min": the lower bound); another side's words or a bare number are named. */
  bound(c: Cell, side: "min" | "max", other: string): Got<TierBound> {
    if (this.blank(c, false)) return undefined;
    const r = readBound(c.value);
    if (r && "bound" in r && r.side === side) return r.bound;
    const value = quoted(c.value);
    if (r && "bound" in r) this.rd.problem(c.ref, side === "min" ? P.tierMaxInMin : P.tierMinInMax, { what: c.what, value, other });
    else if (r && "bare" in r) {
      const words = side === "min" ? { incl: TIER_WORDS.from, excl: TIER_WORDS.above } : { incl: TIER_WORDS.to, excl: TIER_WORDS.below };
      this.rd.problem(c.ref, P.tierBareNumber, { what: c.what, value: numberText(r.bare), ...words });
    } else this.rd.problem(c.ref, side === "min" ? P.badTierMin : P.badTierMax, { what: c.what, value });
    return undefined;
  }

  /** "a: b; c: d" pairs, each read by `pair` (null: the whole cell is refused with `bad`). */
  pairs<T>(c: Cell, bad: string, pair: (left: string, right: string) => T | null): Got<T[]> {
    const t = this.text(c);
    if (t === undefined) return undefined;
    const out: T[] = [];
    for (const part of t.split(";").map((s) => s.trim()).filter(Boolean)) {
      const i = part.lastIndexOf(":");
      const v = i > 0 ? pair(part.slice(0, i).trim(), part.slice(i + 1).trim()) : null;
      if (v === null) {
        this.rd.problem(c.ref, bad, { what: c.what, value: t });
        return undefined;
      }
      out.push(v);
    }
    return out;
  }
}

/** Sets `key` when the value was read (an optional field stays absent, as in a plan file). */
function put<T extends object, K extends keyof T>(o: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) o[key] = value;
}

/** Reads a plan sheet back into a plan; every problem is on its cell (see the module comment). */
export function readPlanSheet(grid: CellInput[][], sheetName: string): PlanSheetRead {
  const rd = new Reading_();
  const read = new CellReader(rd);
  const blocks = findBlocks(grid);
  const firstBlock = blocks.length ? blocks[0].titleRow : grid.length;

  // --- the facts: label in column A, value in column B, above the first table
  const factAt = new Map<FactKey, number>();
  for (let r = 0; r < firstBlock; r++) {
    const key = FACT_LABELS.get(wordKey(cellAt(grid, r, 0)));
    if (!key) continue;
    if (factAt.has(key)) {
      rd.problem(cellRef(r, 0), P.duplicateFact, { label: FACT_TEXT[key].label, cell: cellRef(factAt.get(key)!, 0) });
      continue;
    }
    factAt.set(key, r);
  }
  const factsTitleRow = grid.findIndex((row) => wordKey(row?.[0] ?? null) === wordKey(T.factsTitle));
  const factsCell = cellRef(Math.max(0, factsTitleRow), 0);
  const fact = (key: FactKey, path: PlanPath): Cell => {
    const r = factAt.get(key);
    if (r === undefined) {
      const spec = FACTS.find((f) => f.key === key)!;
      if (spec.need) rd.problem(factsCell, P.missingFact, { label: FACT_TEXT[key].label, facts: T.factsTitle });
      return { value: null, ref: factsCell, what: FACT_TEXT[key].label, path };
    }
    rd.place(path, cellRef(r, 1));
    return { value: cellAt(grid, r, 1), ref: cellRef(r, 1), what: FACT_TEXT[key].label, path };
  };

  const plan: Record<string, unknown> = {};
  const id = read.text(fact("id", ["id"]), true);
  const title = read.text(fact("title", ["title"]), true);
  const titleEn = read.text(fact("titleEn", ["titleEn"]));
  const document = read.text(fact("document", ["document"]), true);
  const seed = read.text(fact("seed", ["seed"])) ?? null;
  const src = (c: Cell, need: boolean): Got<string> => {
    const t = read.text(c, need);
    return t === undefined ? undefined : storedSource(t, seed, document);
  };
  put(plan, "id", id);
  put(plan, "version", read.text(fact("version", ["version"]), true));
  put(plan, "title", title);
  put(plan, "titleEn", titleEn ?? title);
  put(plan, "document", document);
  plan.seed = seed;
  put(plan, "source", src(fact("source", ["source"]), true));
  put(plan, "documentDate", read.date(fact("documentDate", ["documentDate"])));
  const kindFact = fact("kind", ["kind"]);
  put(plan, "kind", read.word(kindFact, PLAN_KINDS, true)?.value);
  {
    const from = fact("periodFrom", ["period", "from"]);
    const to = fact("periodTo", ["period", "to"]);
    const ps = fact("periodSource", ["period", "source"]);
    if (![from, to, ps].every((c) => isBlank(c.value))) {
      rd.place(["period"], isBlank(to.value) ? (isBlank(from.value) ? ps.ref : from.ref) : to.ref);
      const period: Record<string, unknown> = { from: read.date(from) ?? null };
      put(period, "to", read.date(to, true));
      put(period, "source", src(ps, true));
      plan.period = period;
    }
  }
  plan.levels = read.levels(fact("levels", ["levels"]), true) ?? [];
  {
    const vi = read.text(fact("groupNoun", ["groupNoun", "vi"]));
    const en = read.text(fact("groupNounEn", ["groupNoun", "en"]));
    if (vi !== undefined || en !== undefined) {
      if (vi === undefined) rd.problem(rd.cellOf(["groupNoun", "vi"]), P.blank, { what: FACT_TEXT.groupNoun.label });
      else plan.groupNoun = { vi, en: en ?? vi };
    }
  }
  put(plan, "totalPoints", read.number(fact("totalPoints", ["totalPoints"])));

  // --- the tables
  const seen = new Map<BlockKey, FoundBlock>();
  for (const b of blocks) {
    const was = seen.get(b.key);
    if (was) rd.problem(cellRef(b.titleRow, 0), P.duplicateBlock, { block: BLOCK_TEXT[b.key].title, cell: cellRef(was.titleRow, 0) });
    else seen.set(b.key, b);
  }
  /** The rows of a table, each as a function from a column key to its cell; none when the table cannot be read. */
  const rowsOf = (key: BlockKey, path: PlanPath): ((col: string, path: PlanPath) => Cell)[] => {
    const b = seen.get(key);
    const text = BLOCK_TEXT[key];
    const columns = text.columns as Record<string, { header: string }>;
    if (!b) return [];
    rd.place(path, cellRef(b.titleRow, 0));
    const missing = BLOCK_OF.get(key)!.columns.filter((c) => c.need && !b.columns.has(c.key));
    for (const c of missing) rd.problem(cellRef(b.headerRow, 0), P.missingColumn, { block: text.title, column: columns[c.key].header });
    if (missing.length) {
      rd.dead.push(path);
      return [];
    }
    const rows: ((col: string, path: PlanPath) => Cell)[] = [];
    for (let r = b.headerRow + 1; r < b.end; r++) {
      if ([...b.columns.values()].every((c) => isBlank(cellAt(grid, r, c)))) continue;
      const k = rows.length;
      rows.push((col, p) => {
        const c = b.columns.get(col);
        const ref = cellRef(r, c ?? 0);
        const full = [...path, k, ...p];
        if (c !== undefined) rd.place(full, ref);
        return { value: c === undefined ? null : cellAt(grid, r, c), ref, what: `${text.title}, ${columns[col].header}`, path: full };
      });
      rd.place([...path, k], cellRef(r, 0));
    }
    return rows;
  };

  plan.inputs = rowsOf("inputs", ["inputs"]).map((cell): InputDef => {
    const o = {} as InputDef;
    put(o, "id", read.text(cell("id", ["id"]), true));
    put(o, "label", read.text(cell("label", ["label"]), true));
    put(o, "kind", read.word(cell("kind", ["kind"]), INPUT_KINDS, true)?.value);
    put(o, "required", read.yesNo(cell("required", ["required"]), true));
    put(o, "headers", read.list(cell("headers", ["headers"]), true));
    return o;
  });

  plan.criteria = rowsOf("criteria", ["criteria"]).map((cell): RatioCriterion => {
    const o = {} as RatioCriterion;
    put(o, "id", read.text(cell("id", ["id"]), true));
    put(o, "label", read.text(cell("label", ["label"]), true));
    put(o, "source", src(cell("source", ["source"]), true));
    put(o, "level", read.level(cell("level", ["level"]), true));
    put(o, "numerator", read.text(cell("numerator", ["numerator"]), true));
    put(o, "denominator", read.text(cell("denominator", ["denominator"]), true));
    put(o, "maxPoints", read.number(cell("maxPoints", ["maxPoints"]), true));
    put(o, "threshold", read.ratio(cell("threshold", ["threshold"]), true));
    put(o, "below", read.word(cell("below", ["below"]), BELOW_KINDS)?.value);
    put(
      o,
      "bands",
      read.pairs(cell("bands", ["bands"]), P.badBands, (left, right) => {
        const m = /^(?:≥|>=)?\s*(.+)$/.exec(left);
        const min = m ? readRatio(m[1]) : { ok: false as const };
        const points = readNumber(right);
        return min.ok && points !== null ? { min: min.value, points } : null;
      }),
    );
    put(o, "floor", read.ratio(cell("floor", ["floor"])));
    put(o, "floorSource", src(cell("floorSource", ["floorSource"]), false));
    put(o, "combineWithCommunes", read.yesNo(cell("combine", ["combineWithCommunes"])));
    put(o, "combineSource", src(cell("combineSource", ["combineSource"]), false));
    return o;
  });

  const bonuses = rowsOf("bonuses", ["bonuses"]).map((cell): BonusDef => {
    const o = {} as BonusDef;
    put(o, "id", read.text(cell("id", ["id"]), true));
    put(o, "label", read.text(cell("label", ["label"]), true));
    put(o, "source", src(cell("source", ["source"]), true));
    put(o, "level", read.level(cell("level", ["level"]), true));
    put(o, "input", read.text(cell("input", ["input"]), true));
    put(o, "maxPoints", read.number(cell("maxPoints", ["maxPoints"]), true));
    put(o, "blankReading", read.text(cell("blankReading", ["blankReading"])));
    return o;
  });
  if (bonuses.length) plan.bonuses = bonuses;

  plan.targets = rowsOf("targets", ["targets"]).map((cell): TargetDef => {
    const o = {} as TargetDef;
    put(o, "id", read.text(cell("id", ["id"]), true));
    put(o, "code", read.text(cell("code", ["code"])));
    put(o, "label", read.text(cell("label", ["label"]), true));
    put(o, "aliases", read.list(cell("aliases", ["aliases"])));
    put(o, "source", src(cell("source", ["source"]), true));
    put(o, "levels", read.levels(cell("levels", ["levels"]), true));
    const kindCell = cell("kind", ["rule", "kind"]);
    placeParent(rd, kindCell);
    const kind = read.word(kindCell, TARGET_KINDS, true)?.value;
    let rule: Partial<TargetRule> & Record<string, unknown> = {};
    if (kind === "fixed") rule = { kind, value: read.ratio(cell("value", ["rule", "value"]), true) };
    else if (kind === "assigned_plus") rule = { kind, points: read.ratio(cell("value", ["rule", "points"]), true) };
    else if (kind === "by_level") {
      const c = cell("detail", ["rule", "values"]);
      const pairs = read.pairs(c, P.badByLevel, (left, right) => {
        const l = parseLevel(left);
        const v = readRatio(right);
        return l.ok && v.ok ? ([l.value, v.value] as const) : null;
      });
      if (pairs === undefined && isBlank(c.value)) rd.problem(c.ref, P.blank, { what: c.what });
      rule = { kind, values: pairs ? Object.fromEntries(pairs) : undefined };
    } else if (kind === "milestones") {
      const c = cell("detail", ["rule", "steps"]);
      const steps = read.pairs(c, P.badSteps, (left, right) => {
        const m = /^(?:ng[aà]y(?:\s+th[uứ])?\s*)?(\d+)$/i.exec(left.normalize("NFC"));
        const v = readRatio(right);
        return m && v.ok ? { day: Number(m[1]), value: v.value } : null;
      });
      if (steps === undefined && isBlank(c.value)) rd.problem(c.ref, P.blank, { what: c.what });
      rule = { kind, steps };
    }
    if (kind !== undefined) o.rule = Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as unknown as TargetRule;
    return o;
  });

  {
    const start = fact("campaignStart", ["campaign", "start"]);
    const end = fact("campaignEnd", ["campaign", "end"]);
    const cs = fact("campaignSource", ["campaign", "source"]);
    const milestones = rowsOf("milestones", ["campaign", "milestones"]).map((cell): Milestone => {
      const o = {} as Milestone;
      put(o, "day", read.whole(cell("day", ["day"]), true));
      put(o, "date", read.date(cell("date", ["date"]), true));
      put(o, "label", read.text(cell("label", ["label"]), true));
      put(o, "source", src(cell("source", ["source"]), true));
      return o;
    });
    if (milestones.length || ![start, end, cs].every((c) => isBlank(c.value))) {
      rd.place(["campaign"], start.ref);
      const campaign: Record<string, unknown> = { milestones };
      put(campaign, "start", read.date(start, true));
      put(campaign, "end", read.date(end, true));
      put(campaign, "source", src(cs, true));
      plan.campaign = campaign;
    }
  }
  {
    const score = fact("weightedScore", ["weighted", "scoreInput"]);
    const ws = fact("weightedSource", ["weighted", "source"]);
    const criteria = rowsOf("weighted", ["weighted", "criteria"]).map((cell): WeightedCriterion => {
      const o = {} as WeightedCriterion;
      put(o, "id", read.text(cell("id", ["id"]), true));
      put(o, "label", read.text(cell("label", ["label"]), true));
      put(o, "source", src(cell("source", ["source"]), true));
      put(o, "input", read.text(cell("input", ["input"]), true));
      return o;
    });
    if (criteria.length || !isBlank(score.value) || !isBlank(ws.value)) {
      rd.place(["weighted"], ws.ref);
      const weighted: Record<string, unknown> = { criteria };
      put(weighted, "scoreInput", read.text(score, true));
      put(weighted, "source", src(ws, true));
      plan.weighted = weighted;
    }
  }
  {
    const gs = fact("groupsSource", ["groups", "source"]);
    const sets: Record<"classic" | "portal", IndexGroup[]> = { classic: [], portal: [] };
    const b = seen.get("groups");
    if (b) rd.place(["groups"], cellRef(b.titleRow, 0));
    // the rows of the two sets share one table: each row's path is its place in its own set
    for (const cell of rowsOf("groups", ["groups", "rows"])) {
      const set = read.word(cell("set", ["set"]), INDEX_SETS, true)?.value;
      if (!set) continue;
      const k = sets[set].length;
      const at = (col: string, key: string): Cell => {
        const c = cell(col, [key]);
        const p: PlanPath = ["groups", set, k, key];
        rd.place(p, c.ref);
        rd.place(["groups", set, k], c.ref);
        return { ...c, path: p };
      };
      const o = {} as IndexGroup;
      put(o, "id", read.text(at("id", "id"), true));
      put(o, "label", read.text(at("label", "label"), true));
      put(o, "maxPoints", read.number(at("maxPoints", "maxPoints"), true));
      put(o, "source", src(at("source", "source"), true));
      sets[set].push(o);
    }
    if (sets.classic.length || sets.portal.length || !isBlank(gs.value)) {
      const groups: Record<string, unknown> = { classic: sets.classic, portal: sets.portal };
      put(groups, "source", src(gs, true));
      plan.groups = groups;
    }
  }
  {
    const is = fact("importedSource", ["imported", "source"]);
    const total = fact("importedTotal", ["imported", "total", "input"]);
    const ts = fact("importedTotalSource", ["imported", "total", "source"]);
    const groups = rowsOf("imported", ["imported", "groups"]).map((cell): ImportedGroup => {
      const o = {} as ImportedGroup;
      put(o, "id", read.text(cell("id", ["id"]), true));
      put(o, "label", read.text(cell("label", ["label"]), true));
      put(o, "source", src(cell("source", ["source"]), true));
      put(o, "input", read.text(cell("input", ["input"]), true));
      put(o, "maxPoints", read.number(cell("maxPoints", ["maxPoints"]), true));
      return o;
    });
    const b = seen.get("imported");
    if (groups.length || ![is, total, ts].every((c) => isBlank(c.value))) {
      rd.place(["imported"], b ? cellRef(b.titleRow, 0) : is.ref);
      const imported: Record<string, unknown> = { groups };
      put(imported, "source", src(is, true));
      if (!isBlank(total.value) || !isBlank(ts.value)) {
        rd.place(["imported", "total"], total.ref);
        const t: Record<string, unknown> = {};
        put(t, "input", read.text(total, true));
        put(t, "source", src(ts, true));
        imported.total = t;
      }
      plan.imported = imported;
    }
  }
  {
    // the options of ranking on the index: each is there when any of its cells is filled, and then needs its others
    const option = (key: string, cells: { fact: FactKey; field: string; need: boolean; as?: "number" | "source" }[]) => {
      const got = cells.map((c) => ({ ...c, cell: fact(c.fact, [key, c.field]) }));
      if (got.every((c) => isBlank(c.cell.value))) return;
      rd.place([key], got[0].cell.ref);
      const o: Record<string, unknown> = {};
      for (const c of got) put(o, c.field, c.as === "number" ? read.number(c.cell, c.need) : c.as === "source" ? src(c.cell, c.need) : read.text(c.cell, c.need));
      plan[key] = o;
    };
    option("activity", [{ fact: "activityInput", field: "input", need: true }, { fact: "activitySource", field: "source", need: true, as: "source" }]);
    option("adjustment", [
      { fact: "adjustmentInput", field: "input", need: true }, { fact: "adjustmentReason", field: "reasonInput", need: true },
      { fact: "adjustmentLabel", field: "label", need: true }, { fact: "adjustmentMax", field: "maxPoints", need: false, as: "number" },
      { fact: "adjustmentSource", field: "source", need: true, as: "source" },
    ]);
    option("cohort", [
      { fact: "cohortInput", field: "input", need: true }, { fact: "cohortLabel", field: "label", need: true },
      { fact: "cohortSource", field: "source", need: true, as: "source" },
    ]);
  }
  {
    const tsrc = fact("tiersSource", ["tiers", "source"]);
    const tl = fact("tiersLevels", ["tiers", "levels"]);
    const cols = BLOCK_TEXT.tiers.columns;
    const tiers = rowsOf("tiers", ["tiers", "tiers"]).map((cell): TierDef => {
      const o = {} as TierDef;
      put(o, "id", read.text(cell("id", ["id"]), true));
      put(o, "label", read.text(cell("label", ["label"]), true));
      const before = rd.problems.length;
      put(o, "min", read.bound(cell("min", ["min"]), "min", cols.max.header));
      put(o, "max", read.bound(cell("max", ["max"]), "max", cols.min.header));
      // a bound that could not be read is not an open end: the order of the tiers is checked once it reads
      if (rd.problems.length > before) rd.dead.push(["tiers"]);
      put(o, "attention", read.yesNo(cell("attention", ["attention"])));
      return o;
    });
    const b = seen.get("tiers");
    if (tiers.length || !isBlank(tsrc.value) || !isBlank(tl.value)) {
      rd.place(["tiers"], b ? cellRef(b.titleRow, 0) : tsrc.ref);
      const t: Record<string, unknown> = { tiers };
      put(t, "source", src(tsrc, true));
      put(t, "levels", read.levels(tl));
      plan.tiers = t;
    }
  }
  {
    const rows = rowsOf("tieBreak", ["tieBreak", "rows"]);
    if (rows.length > 1) rd.problem(rows[1]("input", []).ref, P.oneTieBreak, { block: BLOCK_TEXT.tieBreak.title, n: rows.length });
    if (rows.length) {
      const cell = rows[0];
      const at = (col: string, key: string): Cell => {
        const c = cell(col, [key]);
        rd.place(["tieBreak", key], c.ref);
        rd.place(["tieBreak"], c.ref);
        return { ...c, path: ["tieBreak", key] };
      };
      const o: Record<string, unknown> = {};
      put(o, "input", read.text(at("input", "input"), true));
      put(o, "per", read.text(at("per", "per"), true));
      put(o, "order", read.word(at("order", "order"), TIE_ORDERS, true)?.value);
      put(o, "source", src(at("source", "source"), true));
      put(o, "levels", read.levels(at("levels", "levels"), true));
      plan.tieBreak = o;
    }
  }

  plan.quotas = rowsOf("quotas", ["quotas"]).map((cell): QuotaDef => {
    const o = {} as QuotaDef;
    put(o, "id", read.text(cell("id", ["id"]), true));
    put(o, "label", read.text(cell("label", ["label"]), true));
    put(o, "source", src(cell("source", ["source"]), true));
    put(o, "subject", read.word(cell("subject", ["subject"]), SUBJECTS, true)?.value);
    put(o, "level", read.levelOrAny(cell("level", ["level"]), true));
    put(o, "scope", read.word(cell("scope", ["scope"]), SCOPES, true)?.value);
    put(o, "limit", read.whole(cell("limit", ["limit"]), true));
    const byGroup = read.pairs(cell("byGroup", ["byGroup"]), P.badByGroup, (g, n) => {
      const v = readNumber(n);
      return g && v !== null && Number.isInteger(v) ? ([g, v] as const) : null;
    });
    if (byGroup) o.byGroup = Object.fromEntries(byGroup);
    put(o, "awardCodes", read.list(cell("awardCodes", ["awardCodes"])));
    return o;
  });

  plan.awards = rowsOf("awards", ["awards"]).map((cell): AwardDef => {
    const o = {} as AwardDef;
    put(o, "code", read.text(cell("code", ["code"]), true));
    put(o, "label", read.text(cell("label", ["label"]), true));
    put(o, "source", src(cell("source", ["source"]), true));
    put(o, "level", read.levelOrAny(cell("level", ["level"]), true));
    put(o, "rank", read.whole(cell("rank", ["rank"])));
    put(o, "prize", read.number(cell("prize", ["prize"])));
    put(o, "prizeSource", src(cell("prizeSource", ["prizeSource"]), false));
    put(o, "bonusPoints", read.number(cell("bonusPoints", ["bonusPoints"])));
    put(o, "bonusSource", src(cell("bonusSource", ["bonusSource"]), false));
    put(o, "condition", read.text(cell("condition", ["condition"])));
    put(o, "maxCollectives", read.whole(cell("maxCollectives", ["maxCollectives"])));
    put(o, "individualsEach", read.whole(cell("individualsEach", ["individualsEach"])));
    return o;
  });

  plan.readings = rowsOf("readings", ["readings"]).map((cell): Reading => {
    const o = {} as Reading;
    put(o, "id", read.text(cell("id", ["id"]), true));
    const vi = read.text(cell("vi", ["text", "vi"]), true);
    const en = read.text(cell("en", ["text", "en"]));
    if (vi !== undefined) o.text = { vi, en: en ?? vi };
    put(o, "source", src(cell("source", ["source"]), true));
    const nameCell = cell("option", ["option", "name"]);
    placeParent(rd, nameCell);
    const name = read.text(nameCell);
    const defCell = cell("default", ["option", "default"]);
    const valuesCell = cell("values", ["option", "values"]);
    if (name !== undefined || !isBlank(defCell.value) || !isBlank(valuesCell.value)) {
      if (name === undefined) rd.problem(nameCell.ref, P.blank, { what: nameCell.what });
      const values = read.list(valuesCell, true)?.map(optionValue);
      const def = isBlank(defCell.value) ? undefined : typeof defCell.value === "boolean" ? defCell.value : optionValue(String(defCell.value).trim());
      if (isBlank(defCell.value)) rd.problem(defCell.ref, P.blank, { what: defCell.what });
      if (name !== undefined && values !== undefined && def !== undefined) o.option = { name, default: def, values };
    }
    return o;
  });

  const notes = rowsOf("notes", ["notes"]).map((cell) => {
    const o = {} as { id: string; text: string; source: string };
    put(o, "id", read.text(cell("id", ["id"]), true));
    put(o, "text", read.text(cell("text", ["text"]), true));
    put(o, "source", src(cell("source", ["source"]), true));
    return o;
  });
  if (notes.length) plan.notes = notes;
  if (!seen.has("inputs")) rd.problem(factsCell, P.missingBlock, { block: BLOCK_TEXT.inputs.title });

  plan.origin = { kind: "sheet", name: sheetName };

  // --- the plan check, each of its problems on the cell its path came from; a cell the reading
  // already found wrong is not reported again
  const wrong = new Set(rd.problems.map((p) => p.cell));
  for (const p of modelProblems(plan)) {
    if (rd.dead.some((d) => d.every((x, i) => p.path[i] === x))) continue;
    const cell = rd.cellOf(p.path);
    if (!wrong.has(cell)) rd.problems.push({ cell, message: p.message });
  }
  if (rd.problems.length) return { plan: null, problems: rd.problems };
  learnInputLabels(plan as unknown as Plan);
  return { plan: plan as unknown as Plan, problems: [] };
}

/** The part a cell stands for as a whole: a target's rule is its kind cell, a reading's option its name cell. */
function placeParent(rd: Reading_, c: Cell): void {
  rd.place(c.path.slice(0, -1), c.ref);
}

/** An option's value as typed: true / false are booleans (np-236's switches), anything else the word itself. */
function optionValue(s: string): unknown {
  const k = s.trim().toLowerCase();
  return k === "true" ? true : k === "false" ? false : s.trim();
}

/** The plan check's problems, each with the path of the value it is about. */
function modelProblems(plan: unknown): { path: PlanPath; message: string }[] {
  return checkPlan(plan).problems;
}

/** The plan of `plan new` without --from: one example row in each table, to be edited. */
export function templatePlan(): Plan {
  return JSON.parse(JSON.stringify(TEMPLATE)) as Plan;
}
