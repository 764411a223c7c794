/**
 * Column mapping: which column of a table holds which input of the plan. One mapper for the
 * command line and the task pane.
 *
 * It weighs evidence, never takes the first match:
 * - header words (header-words.ts): concept words after folding diacritics, case and
 *   abbreviations, matched against every wording of the input; roles that words give ("tỷ lệ" is a
 *   ratio, not a count; a total of "trực tiếp + trực tuyến" is not the online figure; "kế hoạch",
 *   "chỉ tiêu" are targets, not what was done; a "Trong đó:" sub-header borrows the noun of its
 *   total); years against the plan's period; a hidden column weighs less than a visible one;
 * - contents (column-content.ts): names, level words, whole counts, ratios, dates, yes/no;
 * - relations between columns: a numerator never exceeds its denominator across the rows.
 * Then one assignment of columns to inputs (each column serves one input at most, each input one
 * column) that maximises the total evidence, found by branch and bound.
 *
 * Doubt is said, never hidden: an input whose best column is a weak match, or for which another
 * assignment is nearly as good, is reported in `doubts` with its candidates, and front ends score
 * nothing until the user confirms or picks a column (`--map`, or the pane's mapping section).
 */
import type { CellInput, InputDef, Level, Plan } from "../engine/types";
import { columnIndex, columnLetter } from "./a1";
import { contentFit, exceedShare, profileColumn, sampleRows, type ColumnProfile, type ContentKind } from "./column-content";
import { foldText, headerWords, OBJECT_WORDS, TARGET_WORDS, wordsMatch, type HeaderWords } from "./header-words";
import type { ColumnMapping, MappingDoubt, MappingEntry, SpecialField } from "./types";

/** A table as the mapper sees it: each column's header and its data cells (rows aligned across columns). */
export interface TableView {
  headers: string[];
  /** the data cells under each column's header, the same rows for every column */
  columns: CellInput[][];
  /** columns hidden in the sheet (a hidden copy of a column is not the figure shown) */
  hidden?: boolean[];
  /** 0-based sheet column of headers[0] */
  firstCol: number;
}

/** Wordings of the columns the module reads besides the plan's figures (ours; a plan may add its own). */
export const SPECIAL_HEADERS: Record<SpecialField, { label: string; headers: string[] }> = {
  unit: {
    label: "Đơn vị",
    headers: [
      "Đơn vị", "Tên đơn vị", "Đơn vị hành chính", "Tên xã", "Xã, phường, thị trấn", "Tên xã, phường, thị trấn", "Địa phương",
      "Tên địa phương", "Cơ quan, đơn vị", "Tên cơ quan", "Cơ quan", "Sở, ban, ngành", "Tên huyện", "Huyện, thị xã, thành phố",
      "UBND xã", "Xã", "Phường", "Tên", "Địa bàn", "Tên tập thể", "Tập thể", "Unit", "Name",
    ],
  },
  group: {
    label: "Huyện (nhóm)",
    headers: [
      "Huyện", "Thuộc huyện", "Huyện, thị xã, thành phố", "Đơn vị cấp huyện", "Quận huyện", "Trực thuộc",
      "District", "Group", "Nhóm", "Cụm",
    ],
  },
  level: {
    label: "Cấp",
    headers: ["Cấp", "Cấp hành chính", "Cấp đơn vị", "Loại đơn vị", "Level"],
  },
};

/** Below this, a column is not a candidate for an input at all. */
const MIN_CANDIDATE = 0.3;
/** Below this, the best column of a required input is a guess (doubt: "weak"). */
const CONFIDENT = 0.5;
/** When another assignment's total is within this of the best, the inputs it changes are doubtful. */
const DOUBT_MARGIN = 0.12;
/** What a column holding distinct names is worth as the unit column when its header says nothing. */
const UNIT_BY_CONTENT = 0.35;
const UNIT_ONLY_NAMES = 0.6;

/** Evidence factors of the roles header words give (see headerEvidence). */
const RATIO_FOR_COUNT = 0.25;
const BOTH_CHANNELS_FOR_ONLINE = 0.2;
const TARGET_FOR_ACTUAL = 0.35;
const OTHER_YEAR = 0.4;
const HIDDEN = 0.7;
const COUNT_FOR_RATIO = 0.4;
const POINTS_FOR_RATIO = 0.35;
const START_DATE = 0.6;
/** A quarter's or a month's figure beside the cumulative one of the same indicator. */
const SUB_PERIOD = 0.6;
/** Columns that are never a plan's figure: notes, signatures, classes, ranks, units of measure. */
const NOT_FIGURES = new Set(["ghichu", "kyten", "xeploai", "xephang", "tucham", "notes", "note"]);

/** What leaving a required input without a column costs the assignment. */
const REQUIRED_MISSING = 1;
/** A numerator column larger than its denominator in most rows: that pairing is upside down. */
const UPSIDE_DOWN = 0.8;

interface Field {
  input: string;
  label: string;
  required: boolean;
  kind: ContentKind;
  headers: string[];
  wordings: HeaderWords[];
  /** concept words some wording of the field uses (for the role rules) */
  vocabulary: Set<string>;
  /** the input is a target or plan figure itself (its label says "chỉ tiêu", "kế hoạch") */
  target: boolean;
  /** the weighty words of its label ("kích hoạt" for the e-ID accounts), with their weights */
  core: Map<string, number>;
}

const SPECIAL_IDS = new Set<string>(["unit", "group", "level"]);

export function isSpecialInput(id: string): boolean {
  return SPECIAL_IDS.has(id);
}

function contentKindOf(def: InputDef): ContentKind {
  // an adjustment (−2) is points like a bonus: its column is told apart by its header, not its sign
  return def.kind === "signed" ? "number" : def.kind;
}

function field(input: string, label: string, required: boolean, kind: ContentKind, headers: string[]): Field {
  const wordings = headers.map(headerWords);
  const vocabulary = new Set<string>();
  for (const w of wordings) for (const k of w.words.keys()) vocabulary.add(k);
  const target = [...headerWords(label).words.keys()].some((w) => TARGET_WORDS.has(w));
  // the label is the plan's own description of the figure: its weighty words are what it is
  const core = new Map([...headerWords(label).words].filter(([, weight]) => weight >= 0.5));
  return { input, label, required, kind, headers, wordings, vocabulary, target, core };
}

/**
 * The columns to find: unit, group, level (the plan's wordings plus ours), then the plan's figures.
 * A table of one level above the communes (`level` given: districts, departments) has no group
 * column: its units are the groups.
 */
export function mappingFields(plan: Plan, level?: Level): Field[] {
  const planDef = (id: string) => plan.inputs.find((d) => d.id === id);
  const special = (["unit", "group", "level"] as SpecialField[]).filter((id) => !(id === "group" && level && level !== "xa"));
  const fields: Field[] = special.map((id) => {
    const def = planDef(id);
    const ours = SPECIAL_HEADERS[id];
    return field(id, def?.label ?? ours.label, id === "unit", id, [...(def ? [def.label, ...def.headers] : []), ...ours.headers]);
  });
  for (const def of plan.inputs) {
    if (SPECIAL_IDS.has(def.id)) continue;
    fields.push(field(def.id, def.label, def.required, contentKindOf(def), [def.label, ...def.headers]));
  }
  return fields;
}

/** How well one header matches one wording, in thousandths (0 = not at all). */
export function headerMatchScore(header: string, wording: string): number {
  return Math.round(wordsMatch(headerWords(header), headerWords(wording)) * 1000);
}

/** How well each word tells one input from the plan's others: 1 + 1/(number of inputs using it). */
function distinctiveness(fields: Field[]): (word: string) => number {
  const df = new Map<string, number>();
  for (const f of fields) for (const w of f.vocabulary) df.set(w, (df.get(w) ?? 0) + 1);
  return (w) => 1 + 1 / (df.get(w) ?? 1);
}

function bestWording(h: HeaderWords, f: Field, distinctive?: (word: string) => number): number {
  let best = 0;
  for (const w of f.wordings) best = Math.max(best, wordsMatch(h, w, distinctive));
  return best;
}

/** A scoring function for findTable: does this text look like a header of the plan's columns? */
export function planHeaderScore(plan: Plan): (text: string) => number {
  const fields = mappingFields(plan);
  const distinctive = distinctiveness(fields);
  return (text) => {
    const h = headerWords(text);
    let best = 0;
    for (const f of fields) best = Math.max(best, bestWording(h, f, distinctive));
    return best >= CONFIDENT ? best : 0;
  };
}

/** What a bare "Tỷ lệ (%)" does not take from its siblings: their totals, points and ranks are not its meaning. */
const NOT_INHERITED = new Set(["tong", "so", "diem", "xephang", "xeploai", "soluong"]);

/** Words that only say a figure is a ratio: a "Tỷ lệ (%)" sub-column is the ratio of its group's counts. */
const RATIO_ONLY = new Set(["tyle"]);

function withWords(h: HeaderWords, from: Iterable<[string, number]>, keep: (w: string) => boolean): HeaderWords {
  const words = new Map(h.words);
  let total = h.total;
  for (const [w, weight] of from) {
    if (keep(w) && !words.has(w)) {
      words.set(w, weight);
      total += weight;
    }
  }
  return { ...h, words, total, own: h.own ?? h.words, head: h.head ?? [...words.keys()].find((w) => OBJECT_WORDS.has(w)) ?? null };
}

/**
 * A sub-header's words with its group title's (headerTexts joins them "Title — Sub"): the title's
 * words count half, since a long title ("Hồ sơ trên Hệ thống thông tin giải quyết TTHC tỉnh")
 * says what the group is about, not which of its columns this is.
 */
function groupedWords(text: string): HeaderWords {
  const parts = text.split(" — ");
  if (parts.length < 2) return headerWords(text);
  const sub = headerWords(parts[parts.length - 1]);
  const title = headerWords(parts.slice(0, -1).join(" "));
  const words = new Map(sub.words);
  let total = sub.total;
  for (const [w, weight] of title.words) {
    if (words.has(w)) continue;
    words.set(w, weight / 2);
    total += weight / 2;
  }
  return {
    words,
    total,
    own: sub.words,
    head: sub.head ?? title.head,
    years: [...title.years, ...sub.years],
    dates: [...title.dates, ...sub.dates],
    ratio: sub.ratio || (title.ratio && !sub.words.has("diem")),
    code: sub.code ?? title.code,
    subPeriod: sub.subPeriod || title.subPeriod,
    wholePeriod: sub.wholePeriod || title.wholePeriod,
  };
}

/**
 * The headers' words, with what a sub-header leaves to its neighbours: a "Trong đó: …" sub-total
 * borrows the nouns of the total to its left ("Tổng số hồ sơ tiếp nhận | Trong đó: nộp trực
 * tuyến"), and a bare "Tỷ lệ (%)" under a group title borrows the words of its sibling counts
 * ("Kết quả giải quyết hồ sơ — Tổng số | Trước hạn, đúng hạn | Tỷ lệ (%)").
 */
function viewWords(headers: string[]): HeaderWords[] {
  const out: HeaderWords[] = headers.map(groupedWords);
  let lastTotal: HeaderWords | null = null;
  headers.forEach((text, i) => {
    const folded = foldText(text.split(" — ").pop() ?? text);
    if (/^(trong do|trong so|gom|bao gom)\b/.test(folded) && lastTotal) {
      out[i] = withWords(out[i], lastTotal.words, (w) => OBJECT_WORDS.has(w));
      return;
    }
    if (out[i].words.size) lastTotal = out[i];
  });
  headers.forEach((text, i) => {
    const parts = text.split(" — ");
    if (parts.length < 2) return;
    const sub = headerWords(parts[parts.length - 1]);
    if (!sub.ratio || [...sub.words.keys()].some((w) => !RATIO_ONLY.has(w))) return;
    const group = parts.slice(0, -1).join(" — ");
    const siblings = headers.flatMap((t, j) => (j !== i && t.startsWith(group + " — ") ? [...headerWords(t.split(" — ").pop() ?? t).words] : []));
    out[i] = withWords(out[i], siblings, (w) => !NOT_INHERITED.has(w));
  });
  return out;
}

interface Evidence {
  score: number;
  /** why the evidence was lowered, for the note on the choice */
  why: string[];
}

function yearFactor(years: number[], plan: Plan, latestYear: number | null, dates: string[] = []): { factor: number; why?: string } {
  // "Trước đợt thi đua (đến 19/8/2023)": figures up to a day before the campaign began
  if (plan.period?.from && dates.length && dates.every((d) => d < (plan.period!.from as string))) {
    return { factor: OTHER_YEAR, why: `số liệu đến ${dates.map(dateVi).join(", ")}, trước kỳ của kế hoạch` };
  }
  if (!years.length) return { factor: 1 };
  if (plan.period) {
    const from = Number((plan.period.from ?? plan.period.to).slice(0, 4));
    const to = Number(plan.period.to.slice(0, 4));
    return years.some((y) => y >= from && y <= to)
      ? { factor: 1 }
      : { factor: OTHER_YEAR, why: `năm ${years.join(", ")} ngoài kỳ của kế hoạch (${from === to ? from : `${from}–${to}`})` };
  }
  return latestYear !== null && !years.includes(latestYear)
    ? { factor: OTHER_YEAR, why: `không phải năm gần nhất (${latestYear})` }
    : { factor: 1 };
}

const dateVi = (iso: string) => iso.split("-").reverse().join("/");

/** Words that name a planned figure whatever else the header says ("Kế hoạch", "Dự kiến"). */
const PLANNED = new Set(["kehoach", "dukien"]);
/** Words that mean the figure done beside a planned one ("Thực hiện", "Kết quả", "Đạt"). */
const DONE = new Set(["thuchien", "ketqua", "dat"]);

/** A header's words without the plan/actual words: two columns with the same rest are a plan/actual pair. */
function baseKey(h: HeaderWords): string {
  return [...h.words.keys()].filter((w) => !TARGET_WORDS.has(w) && !DONE.has(w) && w !== "giao").sort().join(" ");
}

interface Context {
  plan: Plan;
  latestYear: number | null;
  distinctive: (word: string) => number;
  /** base keys of the columns that hold no plan/target word (the "actual" side of a pair) */
  actualBases: Set<string>;
  /** base keys of the columns of the whole period to date ("Lũy kế", "Cả năm") */
  wholeBases: Set<string>;
}

function headerEvidence(f: Field, h: HeaderWords, cx: Context): Evidence {
  let score = bestWording(h, f, cx.distinctive);
  const why: string[] = [];
  if (score === 0) return { score, why };
  // of two headers that both contain a wording, the one whose every word the input's wordings
  // explain is it ("… mức 2 đã kích hoạt" beside "… mức 2 đã cấp")
  // (under a group title, by the sub-header's own words: "— Đã cấp" beside "— Đã kích hoạt")
  let explained = 0;
  let own = 0;
  for (const [w, weight] of h.own ?? h.words) {
    own += weight;
    if (f.vocabulary.has(w)) explained += weight;
  }
  score *= 0.75 + 0.25 * (own ? explained / own : 1);
  // and of two, the one holding the words most wordings share
  let core = 0;
  let coreTotal = 0;
  for (const [w, weight] of f.core) {
    coreTotal += weight;
    if (h.words.has(w)) core += weight;
  }
  if (coreTotal) score *= 0.85 + 0.15 * (core / coreTotal);
  // (an input of points — a bonus, a published group score, an adjustment — is what a "… (18 điểm)" column holds)
  if (h.words.has("diem") && !f.vocabulary.has("diem") && f.kind !== "number") {
    score *= POINTS_FOR_RATIO;
    why.push("cột điểm, không phải tỷ lệ");
  }
  if (h.words.has("tucham") && !f.vocabulary.has("tucham")) {
    score *= POINTS_FOR_RATIO;
    why.push("điểm tự chấm, không phải điểm được thẩm định");
  }
  // a report of one period: "Đến ngày" is the day its figures stand at, "Từ ngày" its first day
  if (f.kind === "date" && h.words.has("tu") && !h.words.has("den")) {
    score *= START_DATE;
    why.push("ngày bắt đầu kỳ, không phải ngày số liệu");
  }
  if (f.kind === "count" && h.ratio && !f.vocabulary.has("tyle")) {
    score *= RATIO_FOR_COUNT;
    why.push("cột tỷ lệ, không phải số lượng");
  }
  // "Tổng hồ sơ tiếp nhận (trực tiếp + trực tuyến)" is the total of both channels, not the online part
  if (h.words.has("tructiep") && h.words.has("tructuyen") && f.vocabulary.has("tructuyen") && !f.vocabulary.has("tructiep")) {
    score *= BOTH_CHANNELS_FOR_ONLINE;
    why.push("tổng cả trực tiếp và trực tuyến");
  }
  // "Số hồ sơ nộp trực tiếp" or "… trực tuyến" is one channel, not the total of "trực tiếp, trực tuyến"
  if (h.words.has("tructiep") !== h.words.has("tructuyen") && f.vocabulary.has("tructiep") && f.vocabulary.has("tructuyen")) {
    score *= BOTH_CHANNELS_FOR_ONLINE;
    why.push("một kênh (trực tiếp hoặc trực tuyến), không phải tổng");
  }
  // "Kế hoạch" is always the plan; "Chỉ tiêu" is the plan only beside a column of what was done
  // (in hg-126's annex "Chỉ tiêu II.2" names the indicator itself)
  const target = [...h.words.keys()].find((w) => PLANNED.has(w) || (TARGET_WORDS.has(w) && cx.actualBases.has(baseKey(h))));
  if (target && !f.target) {
    score *= TARGET_FOR_ACTUAL;
    why.push("cột kế hoạch/chỉ tiêu, không phải số thực hiện");
  }
  // and an assigned target ("Chỉ tiêu giao …") is never a column of what was done
  if (f.target && ![...h.words.keys()].some((w) => TARGET_WORDS.has(w) || w === "giao")) {
    score *= TARGET_FOR_ACTUAL;
    why.push("không phải cột chỉ tiêu được giao");
  }
  if (f.kind === "count" || f.kind === "ratio" || f.kind === "boolean") {
    const y = yearFactor(h.years, cx.plan, cx.latestYear, h.dates);
    if (y.why) {
      score *= y.factor;
      why.push(y.why);
    }
  }
  return { score, why };
}

interface Candidate {
  col: number;
  score: number;
  why: string[];
}

/** The evidence for every (input, column) pair worth considering, best first. */
function candidatesOf(plan: Plan, fields: Field[], view: TableView, profiles: ColumnProfile[]): Map<string, Candidate[]> {
  const words = viewWords(view.headers);
  const allYears = words.flatMap((w) => w.years);
  const cx: Context = {
    plan,
    latestYear: allYears.length ? Math.max(...allYears) : null,
    distinctive: distinctiveness(fields),
    actualBases: new Set(words.filter((h) => ![...h.words.keys()].some((w) => TARGET_WORDS.has(w))).map(baseKey)),
    wholeBases: new Set(words.filter((h) => h.wholePeriod).map(baseKey)),
  };
  const nameColumns = profiles.filter((p) => p.filled >= 2 && contentFit(p, "unit") === 1).length;
  const unitField = fields.find((f) => f.kind === "unit");
  const unitHeader = !!unitField && words.some((h) => headerEvidence(unitField, h, cx).score >= CONFIDENT);
  const out = new Map<string, Candidate[]>();
  for (const f of fields) {
    const list: Candidate[] = [];
    view.headers.forEach((text, col) => {
      const h = words[col];
      const ev = text.trim() ? headerEvidence(f, h, cx) : { score: 0, why: [] as string[] };
      const p = profiles[col];
      const fit = contentFit(p, f.kind);
      let score = ev.score * fit;
      const why = [...ev.why];
      if (fit < 0.5 && ev.score >= MIN_CANDIDATE) why.push("nội dung cột không hợp");
      // a ratio input in a column that neither says "tỷ lệ" nor holds ratios: the count beside it
      if (f.kind === "ratio" && f.vocabulary.has("tyle") && !h.ratio && p.filled > 0 && !(p.percentText > 0.5 || p.unit > 0.8)) {
        score *= COUNT_FOR_RATIO;
        why.push("cột số lượng, không phải tỷ lệ");
      }
      if (f.kind === "unit" && fit === 1 && p.filled >= 2) {
        // the unit column is the one of distinct names, however its header is worded; the only
        // such column of the table is it
        const floor = nameColumns === 1 && !unitHeader ? UNIT_ONLY_NAMES : UNIT_BY_CONTENT;
        if (score < floor) {
          score = floor;
          why.push("nhận theo nội dung (cột tên không trùng nhau)");
        }
      }
      if (h.subPeriod && cx.wholeBases.has(baseKey(h))) {
        score *= SUB_PERIOD;
        why.push("số liệu một phần của kỳ (quý, tháng), có cột lũy kế");
      }
      if (view.hidden?.[col]) {
        score *= HIDDEN;
        why.push("cột đang ẩn");
      }
      if (score >= MIN_CANDIDATE) list.push({ col, score, why });
    });
    list.sort((a, b) => b.score - a.score || a.col - b.col);
    out.set(f.input, list);
  }
  return out;
}

/** Every input's candidate columns with their evidence, best first (what the mapper weighed; for messages and tests). */
export function mappingCandidates(plan: Plan, view: TableView): Record<string, { column: number; score: number; why: string[] }[]> {
  const fields = mappingFields(plan);
  const rows = sampleRows(Math.max(0, ...view.columns.map((c) => c.length)));
  const profiles = view.headers.map((_, c) => profileColumn(view.columns[c] ?? [], rows));
  const out: Record<string, { column: number; score: number; why: string[] }[]> = {};
  for (const [input, list] of candidatesOf(plan, fields, view, profiles)) {
    out[input] = list.map((c) => ({ column: c.col + view.firstCol, score: round2(c.score), why: c.why }));
  }
  return out;
}

/** Pairs of inputs where one never exceeds the other: ratio numerator ≤ denominator, tie-break ≤ its base. */
function orderedPairs(plan: Plan): [string, string][] {
  const pairs: [string, string][] = [];
  for (const c of plan.criteria) pairs.push([c.numerator, c.denominator]);
  if (plan.tieBreak) pairs.push([plan.tieBreak.input, plan.tieBreak.per]);
  return pairs;
}

interface Assignment {
  fields: Field[];
  options: Candidate[][];
  /** fixed columns (overrides), by field index */
  fixed: Map<number, number>;
  pairs: [number, number][];
  profiles: ColumnProfile[];
}

function pairPenalty(p: Assignment, a: number, b: number, colA: number, colB: number): number {
  // the relation tells two columns apart only where the headers could be either: when the
  // headers already say which is which, bad figures must not move a column
  const either = p.options[b].some((c) => c.col === colA) || p.options[a].some((c) => c.col === colB);
  if (!either) return 0;
  const { share, rows } = exceedShare(p.profiles[colA], p.profiles[colB]);
  if (rows >= 2 && share > 0.5) return -UPSIDE_DOWN;
  return share > 0 ? -0.05 : 0;
}

interface Solution {
  total: number;
  cols: (number | null)[];
}

/** The best assignment, optionally with field `avoid.field` kept off column `avoid.col`. */
function solve(p: Assignment, avoid?: { field: number; col: number }): Solution {
  const n = p.fields.length;
  const order = p.fields.map((_, i) => i).filter((i) => !p.fixed.has(i));
  order.sort((a, b) => (p.options[b][0]?.score ?? 0) - (p.options[a][0]?.score ?? 0));
  const cols: (number | null)[] = new Array(n).fill(null);
  const used = new Set<number>();
  for (const [i, c] of p.fixed) {
    cols[i] = c;
    used.add(c);
  }
  const partnersOf = p.fields.map((_, i) => p.pairs.filter(([a, b]) => a === i || b === i));
  let fixedTotal = 0;
  for (const [a, b] of p.pairs) {
    if (cols[a] !== null && cols[b] !== null) fixedTotal += pairPenalty(p, a, b, cols[a] as number, cols[b] as number);
  }
  // the best unary evidence still to come, for the bound (pair terms only ever lower a total)
  const rest = new Array(order.length + 1).fill(0);
  for (let k = order.length - 1; k >= 0; k--) rest[k] = rest[k + 1] + (p.options[order[k]][0]?.score ?? 0);
  let best: Solution = { total: -Infinity, cols: [...cols] };
  const visit = (k: number, total: number) => {
    if (total + rest[k] <= best.total + 1e-12) return;
    if (k === order.length) {
      best = { total, cols: [...cols] };
      return;
    }
    const i = order[k];
    for (const c of p.options[i]) {
      if (used.has(c.col)) continue;
      if (avoid && avoid.field === i && avoid.col === c.col) continue;
      let t = total + c.score;
      for (const [a, b] of partnersOf[i]) {
        const other = a === i ? b : a;
        if (cols[other] === null) continue;
        t += a === i ? pairPenalty(p, a, b, c.col, cols[other] as number) : pairPenalty(p, a, b, cols[other] as number, c.col);
      }
      cols[i] = c.col;
      used.add(c.col);
      visit(k + 1, t);
      used.delete(c.col);
      cols[i] = null;
    }
    // leaving a required input without a column is the worst outcome: any column for it first
    // (not the unit's: a table without a column of names has no units, whatever else it holds)
    visit(k + 1, total - (p.fields[i].required && p.fields[i].kind !== "unit" ? REQUIRED_MISSING : 0));
  };
  visit(0, fixedTotal);
  return best;
}

/** The table as the mapper sees it, from headers alone (no contents to weigh). */
export function headersOnly(headers: string[], firstCol = 0): TableView {
  return { headers, columns: headers.map(() => []), firstCol };
}

/**
 * @param view the table's headers and contents (tableView in table.ts), or just its headers
 * @param opts.level the level of every row, when the user gave it (`--level`, the pane's level)
 * @param overrides input id → header text or column letter (from `--map input=Header` or the task
 *   pane); an override is a command: one that names no column of the table is reported in
 *   badOverrides and the front ends stop.
 * Columns in the result are sheet columns (view.firstCol + index).
 */
export function mapColumns(
  plan: Plan,
  view: TableView | string[],
  overrides: Record<string, string> = {},
  firstCol = 0,
  opts: { level?: Level } = {},
): ColumnMapping {
  const v = Array.isArray(view) ? headersOnly(view, firstCol) : view;
  const fields = mappingFields(plan, opts.level);
  const byInput = new Map(fields.map((f, i) => [f.input, i]));
  const fixed = new Map<number, number>();
  const badOverrides: ColumnMapping["badOverrides"] = [];

  for (const [input, header] of Object.entries(overrides)) {
    const i = byInput.get(input);
    if (i === undefined) {
      badOverrides.push({ input, header, why: `"${input}" không phải là đầu vào của kế hoạch ${plan.id}` });
      continue;
    }
    const col = overrideColumn(v, header);
    if (col < 0) {
      badOverrides.push({ input, header, why: `không có cột tiêu đề "${header}" trong bảng` });
      continue;
    }
    if ([...fixed.values()].includes(col)) {
      badOverrides.push({ input, header, why: `cột "${header}" đã được chọn cho một đầu vào khác` });
      continue;
    }
    fixed.set(i, col);
  }

  const rows = sampleRows(Math.max(0, ...v.columns.map((c) => c.length)));
  const profiles = v.headers.map((_, c) => profileColumn(v.columns[c] ?? [], rows));
  const cands = candidatesOf(plan, fields, v, profiles);
  const fixedCols = new Set(fixed.values());
  // an optional figure is taken only on good evidence; a poor match is named as possible, not used
  const weakOptional = new Map<number, number>();
  const options = fields.map((f, i) => {
    if (fixed.has(i)) return [];
    const all = (cands.get(f.input) ?? []).filter((c) => !fixedCols.has(c.col));
    if (f.required) return all;
    const good = all.filter((c) => c.score >= CONFIDENT);
    if (!good.length && all.length) weakOptional.set(i, all[0].col);
    return good;
  });
  const pairs = orderedPairs(plan)
    .map(([a, b]) => [byInput.get(a), byInput.get(b)] as [number | undefined, number | undefined])
    .filter((x): x is [number, number] => x[0] !== undefined && x[1] !== undefined);
  const problem: Assignment = { fields, options, fixed, pairs, profiles };
  const best = solve(problem);

  // doubt: the best column is weak, or keeping the input off it costs little
  const words = viewWords(v.headers);
  const doubts: MappingDoubt[] = [];
  const doubtful = new Set<number>();
  fields.forEach((f, i) => {
    const col = best.cols[i];
    if (col === null || fixed.has(i)) return;
    const mine = options[i].find((c) => c.col === col)!;
    const alt = solve(problem, { field: i, col });
    const altCol = alt.cols[i];
    const close = best.total - alt.total < DOUBT_MARGIN && !(altCol !== null && labelDecides(f, words[col], words[altCol]));
    const weak = mine.score < CONFIDENT;
    if (!close && !weak) return;
    doubtful.add(i);
    // the candidates: this column, the one the next-best assignment gives it, and its other options
    const seen = new Set<number>();
    const candidates: MappingDoubt["candidates"] = [];
    const add = (c: number | null) => {
      if (c === null || seen.has(c)) return;
      seen.add(c);
      const ev = options[i].find((o) => o.col === c);
      candidates.push({ column: c + v.firstCol, header: v.headers[c], score: round2(ev?.score ?? 0) });
    };
    add(col);
    add(alt.cols[i]);
    for (const o of options[i].slice(0, 4)) add(o.col);
    doubts.push({ input: f.input, label: f.label, why: weak ? "weak" : "close", candidates });
  });

  // a required input with no column: the columns nobody took that hold what it needs are offered
  const taken = new Set(best.cols.filter((c): c is number => c !== null));
  fields.forEach((f, i) => {
    if (!f.required || best.cols[i] !== null || fixed.has(i) || f.kind === "unit") return;
    const free = v.headers
      .map((h, c) => ({ column: c + v.firstCol, header: h, score: 0, c }))
      .filter(
        ({ c }) =>
          !taken.has(c) &&
          words[c].words.size > 0 &&
          ![...words[c].words.keys()].some((w) => NOT_FIGURES.has(w)) &&
          // a ratio is no count, and points are no ratio
          !(f.kind === "count" && words[c].ratio) &&
          !(f.kind === "ratio" && words[c].words.has("diem")) &&
          profiles[c].filled > 0 &&
          contentFit(profiles[c], f.kind) >= 0.5,
      );
    if (free.length) doubts.push({ input: f.input, label: f.label, why: "weak", candidates: free.map(({ c: _c, ...rest }) => rest) });
  });

  const mapping: Record<string, number> = {};
  const report: MappingEntry[] = [];
  const missing: string[] = [];
  fields.forEach((f, i) => {
    const col = best.cols[i];
    const chosen = col === null ? undefined : fixed.has(i) ? { col, score: 1, why: [] } : options[i].find((c) => c.col === col);
    if (col !== null) mapping[f.input] = col + v.firstCol;
    else if (f.required) missing.push(f.input);
    const entry: MappingEntry = {
      input: f.input,
      label: f.label,
      required: f.required,
      header: col === null ? null : v.headers[col],
      column: col === null ? null : col + v.firstCol,
      via: col === null ? null : fixed.has(i) ? "override" : "header",
    };
    if (chosen && !fixed.has(i)) entry.score = round2(chosen.score);
    if (doubtful.has(i)) entry.doubtful = true;
    const note = col !== null && !fixed.has(i) ? choiceNote(options[i], col, chosen?.why ?? [], v) : undefined;
    if (note) entry.note = note;
    const possible = weakOptional.get(i);
    if (possible !== undefined && col === null && !best.cols.includes(possible)) {
      entry.note = `không dùng: cột ${columnLetter(possible + v.firstCol)} "${v.headers[possible]}" chỉ gần giống (dùng --map nếu đúng là cột này)`;
    }
    report.push(entry);
  });
  const noPlanColumns = fields.every((f) => SPECIAL_IDS.has(f.input) || mapping[f.input] === undefined);
  return { mapping, missing, report, badOverrides, doubts, noPlanColumns };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Two close columns told apart by the plan's own label: the chosen one holds a weighty word of the
 * label that the other lacks, and lacks none the other holds ("… đã kích hoạt" against "… đã cấp"
 * for "Số tài khoản … đã kích hoạt").
 */
function labelDecides(f: Field, chosen: HeaderWords, other: HeaderWords): boolean {
  let gains = false;
  for (const w of f.core.keys()) {
    const a = chosen.words.has(w);
    const b = other.words.has(w);
    if (b && !a) return false;
    if (a && !b) gains = true;
  }
  return gains;
}

/** Why the column chosen and not the runner-up, when a rule (year, plan/actual, hidden) told them apart. */
function choiceNote(options: Candidate[], col: number, chosenWhy: string[], v: TableView): string | undefined {
  const runner = options.find((o) => o.col !== col && o.why.length > chosenWhy.length);
  if (!runner) return chosenWhy.length ? chosenWhy.join("; ") : undefined;
  const extra = runner.why.filter((w) => !chosenWhy.includes(w));
  return `không lấy cột ${columnLetter(runner.col + v.firstCol)} "${v.headers[runner.col]}": ${extra.join("; ")}`;
}

/** The column an override names: its header text (folded), or its letter. -1 when none. */
function overrideColumn(v: TableView, header: string): number {
  const key = foldText(header);
  const byText = v.headers.findIndex((h) => foldText(h) === key);
  if (byText >= 0) return byText;
  // under a two-row header the user may name the sub-header alone ("Thực hiện")
  const bySub = v.headers.map((h, i) => [foldText(h.split(" — ").pop() ?? h), i] as const).filter(([k]) => k === key);
  if (bySub.length === 1) return bySub[0][1];
  if (/^[A-Za-z]{1,3}$/.test(header.trim())) {
    const idx = columnIndex(header.trim()) - v.firstCol;
    if (idx >= 0 && idx < v.headers.length) return idx;
  }
  return -1;
}

/**
 * The built-in plans whose columns this table does have (most of their figures), best first: what
 * to tell a user who picked the wrong plan for a table.
 */
export function plansForTable(view: TableView, plans: Plan[], except?: string): string[] {
  const fits: { id: string; n: number }[] = [];
  for (const p of plans) {
    if (p.id === except) continue;
    const m = mapColumns(p, view);
    if (m.noPlanColumns || m.missing.includes("unit")) continue;
    // the table holds its figures: at least two of them, and at least half of the required ones
    const n = m.report.filter((e) => !SPECIAL_IDS.has(e.input) && e.column !== null && !e.doubtful).length;
    const required = p.inputs.filter((d) => d.required && !SPECIAL_IDS.has(d.id)).length;
    if (n >= 2 && m.missing.length <= required / 2) fits.push({ id: p.id, n });
  }
  fits.sort((a, b) => b.n - a.n);
  return fits.map((f) => f.id);
}

/** The `--map` argument that picks a column for an input: `--map online_dossiers="HS trực tuyến"`. */
export function mapArgument(input: string, header: string, column: number, headers: string[]): string {
  const unique = headers.filter((h) => foldText(h) === foldText(header)).length === 1;
  const value = unique && header.trim() ? header.replace(/"/g, '\\"') : columnLetter(column);
  return `--map ${input}="${value}"`;
}
