/**
 * Checks a plan at load, whatever it was written in (a built-in data file, a plan file, a plan
 * sheet). A broken plan (a clause not cited, a threshold of 90 where 90% was meant, maxima that do
 * not add up, a criterion pointing at an unknown input…) must stop the add-in at once rather than
 * score with a wrong rule. Every problem carries the path of the value it is about, so that a front
 * end can name the line of a file or the cell of a sheet, and a Vietnamese sentence that names the
 * field as a person reads it ("Tiêu chí 3 (online_ratio, cấp xã): ngưỡng 90 — …").
 */
import { normalizeKey } from "../engine/coerce";
import type { Level, Plan } from "../engine/types";
import { INPUT_KINDS, LEVEL_NAMES, PLAN_KINDS, PLAN_TYPE, type Field, type Fields, type FieldType } from "./model";
import { tierRangeVi } from "../messages/tiers";

export type PlanPath = (string | number)[];

export interface PlanProblem {
  /** where the value is: ["criteria", 2, "threshold"]; a missing field's path ends in its key */
  path: PlanPath;
  /** Vietnamese, beginning with the part of the plan it is about */
  message: string;
}

export interface PlanCheck {
  /** the plan when there is no problem (absent lists as [], an absent seed as null); else null */
  plan: Plan | null;
  problems: PlanProblem[];
}

export class PlanDefinitionError extends Error {
  readonly problems: PlanProblem[];
  constructor(planId: string, problems: PlanProblem[]) {
    super(`Kế hoạch "${planId}" định nghĩa sai: ${problems.map((p) => p.message).join("; ")}`);
    this.name = "PlanDefinitionError";
    this.problems = problems;
  }
}

/** Checks any value as a plan: its fields' types first, then the rules that relate them. */
export function checkPlan(value: unknown): PlanCheck {
  const ctx = new Ctx(value);
  walk(ctx, value, PLAN_TYPE, [], "kế hoạch");
  if (isObject(value)) relations(ctx, value);
  if (ctx.problems.length > 0 || !isObject(value)) return { plan: null, problems: ctx.problems };
  const { $schema: _editorsOnly, ...rest } = value;
  const plan = {
    ...rest,
    seed: rest.seed ?? null,
    readings: rest.readings ?? [],
    criteria: rest.criteria ?? [],
    targets: rest.targets ?? [],
    quotas: rest.quotas ?? [],
    awards: rest.awards ?? [],
  } as unknown as Plan;
  return { plan, problems: [] };
}

/** The problems' messages (the registry's check; a plan file's loader adds lines to them). */
export function planProblems(plan: Plan): string[] {
  return checkPlan(plan).problems.map((p) => p.message);
}

/** The plan itself when it has no problem; else throws PlanDefinitionError. */
export function validatePlan(plan: Plan): Plan {
  const { problems } = checkPlan(plan);
  if (problems.length > 0) throw new PlanDefinitionError(String((plan as { id?: unknown } | null)?.id), problems);
  return plan;
}

// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

class Ctx {
  readonly problems: PlanProblem[] = [];
  constructor(readonly root: unknown) {}
  add(path: PlanPath, text: string): void {
    this.problems.push({ path, message: `${placeOf(this.root, path)}: ${text}` });
  }
}

/**
 * The part of the plan a path is in, as a person names it: "Tiêu chí 3 (online_ratio, cấp xã)",
 * "Chỉ tiêu 2 (ii_1), quy tắc, mốc 1", "Kế hoạch". The path's last key is the field the message
 * itself names, so it is left out.
 */
export function placeOf(root: unknown, path: PlanPath): string {
  const parts: string[] = [];
  let type: FieldType | undefined = PLAN_TYPE;
  let value: unknown = root;
  for (let i = 0; i < path.length && type; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    while (type && type.t === "nullable") type = type.of;
    if (!type) break;
    if (type.t === "array") {
      if (typeof seg !== "number") break;
      value = Array.isArray(value) ? value[seg] : undefined;
      if (type.item) parts.push(type.item(value, seg));
      type = type.of;
      continue;
    }
    if (type.t === "map") {
      value = isObject(value) ? value[seg] : undefined;
      type = type.of;
      continue;
    }
    const fields: Fields | undefined = type.t === "object" ? type.fields : type.t === "union" ? unionFields(type, value) : undefined;
    const f: Field | undefined = fields && typeof seg === "string" && Object.prototype.hasOwnProperty.call(fields, seg) ? fields[seg] : undefined;
    if (!f) break;
    const element = f.type.t === "array" && f.type.item !== undefined;
    if (!last && !element) parts.push(f.name);
    value = isObject(value) ? value[seg as string] : undefined;
    type = f.type;
  }
  if (parts.length === 0) return "Kế hoạch";
  const s = parts.join(", ");
  return s[0].toUpperCase() + s.slice(1);
}

function unionFields(type: Extract<FieldType, { t: "union" }>, value: unknown): Fields {
  const tag = isObject(value) ? value[type.tag] : undefined;
  const variant = typeof tag === "string" && Object.prototype.hasOwnProperty.call(type.variants, tag) ? type.variants[tag] : {};
  return { [type.tag]: tagField(type), ...variant };
}

function tagField(type: Extract<FieldType, { t: "union" }>): Field {
  return { name: "loại", desc: "", type: { t: "enum", values: Object.keys(type.variants), labels: type.labels }, required: true };
}

// ---- the fields' types -------------------------------------------------------------------------

/** A value as a message quotes it. */
function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? v.slice(0, 57) + "…" : v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  if (Array.isArray(v)) return "một danh sách";
  if (v === undefined) return "trống";
  return "một đối tượng";
}

function describe(v: unknown): string {
  if (typeof v === "string") return `chuỗi ${show(v)}`;
  if (typeof v === "number") return `số ${v}`;
  return show(v);
}

/** "ngưỡng" + " 90 — phải…": a message that starts with the field's name, when it has one. */
function say(name: string, rest: string): string {
  return name ? `${name} ${rest}` : rest;
}

/** r as a Vietnamese percent for messages: 0.9 → "90%", 0.925 → "92,5%". */
function pct(r: number): string {
  return `${vi(r * 100)}%`;
}

function vi(x: number): string {
  return String(Number(x.toPrecision(12))).replace(".", ",");
}

/** Levenshtein distance, for "có lẽ là …?" on a misspelt key or kind. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/** The allowed value a mistyped one most likely meant: the same word without accents or case, or one or two letters off. */
function closest(v: string, allowed: string[], labels?: Record<string, string>): string | undefined {
  const key = normalizeKey(v).replace(/ /g, "_");
  const exact = allowed.find((a) => normalizeKey(a).replace(/ /g, "_") === key || (labels && labels[a] !== undefined && normalizeKey(labels[a]) === normalizeKey(v)));
  if (exact) return exact;
  const near = allowed.map((a) => ({ a, d: distance(v.toLowerCase(), a.toLowerCase()) })).filter((x) => x.d <= Math.min(2, Math.floor(x.a.length / 3)));
  near.sort((x, y) => x.d - y.d);
  return near[0]?.a;
}

const NONBLANK = "\\S";
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(v: unknown): v is string {
  const m = typeof v === "string" ? DATE_RE.exec(v) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function boundsText(type: Extract<FieldType, { t: "number" }>): string {
  if (type.percent) {
    const top = type.le === 1 ? "không quá 100%" : "nhỏ hơn 100%";
    return `phải là tỷ lệ lớn hơn 0 và ${top}, ghi dạng số thập phân (0.9 là 90%)`;
  }
  const parts: string[] = [];
  if (type.integer) parts.push("là số nguyên");
  if (type.gt !== undefined) parts.push(`lớn hơn ${vi(type.gt)}`);
  if (type.ge !== undefined) parts.push(`từ ${vi(type.ge)} trở lên`);
  if (type.lt !== undefined) parts.push(`nhỏ hơn ${vi(type.lt)}`);
  if (type.le !== undefined) parts.push(`không quá ${vi(type.le)}`);
  return `phải ${parts.join(" và ")}`;
}

function inBounds(type: Extract<FieldType, { t: "number" }>, v: number): boolean {
  return (
    (!type.integer || Number.isInteger(v)) &&
    (type.gt === undefined || v > type.gt) &&
    (type.ge === undefined || v >= type.ge) &&
    (type.lt === undefined || v < type.lt) &&
    (type.le === undefined || v <= type.le)
  );
}

const TYPE_NOUN: Record<string, string> = {
  string: "chuỗi văn bản",
  boolean: "true hoặc false",
  array: "danh sách [ … ]",
  object: "đối tượng { … }",
  union: "đối tượng { … }",
  map: "đối tượng { tên: số, … }",
};

function walk(ctx: Ctx, v: unknown, type: FieldType, path: PlanPath, name: string): void {
  const wrong = (noun: string, hint = "") => ctx.add(path, say(name, `phải là ${noun}, không phải ${describe(v)}${hint}`));
  switch (type.t) {
    case "any":
      return;
    case "nullable":
      if (v !== null) walk(ctx, v, type.of, path, name);
      return;
    case "string":
      if (typeof v !== "string") return wrong(TYPE_NOUN.string, typeof v === "number" ? ` (trong tệp YAML, đặt trong ngoặc kép: "${v}")` : "");
      if (type.pattern === NONBLANK && !/\S/.test(v)) return ctx.add(path, say(name, `để trống${type.hint ? `: ${type.hint}` : ""}`));
      if (type.pattern && !new RegExp(type.pattern, "u").test(v)) return ctx.add(path, say(name, `${show(v)} không hợp lệ: ${type.hint ?? `phải khớp ${type.pattern}`}`));
      return;
    case "number": {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        const m = typeof v === "string" ? /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(v) : null;
        const n = m ? Number(m[1].replace(",", ".")) : NaN;
        const hint = !m ? "" : type.percent ? `; ghi ${Number(((m[2] ? n : n > 1 ? n : n * 100) / 100).toPrecision(12))} không có ngoặc kép` : `; ghi ${n} không có ngoặc kép`;
        return wrong(type.integer ? "số nguyên" : "số", hint);
      }
      if (inBounds(type, v)) return;
      const guess = type.percent && v > 1 && v <= 100 ? `; có lẽ là ${vi(v)}%, tức ${Number((v / 100).toPrecision(12))}?` : "";
      return ctx.add(path, say(name, `${vi(v)} — ${boundsText(type)}${guess}`));
    }
    case "boolean":
      if (typeof v !== "boolean") return wrong(TYPE_NOUN.boolean, typeof v === "string" ? " (ghi true hoặc false, không có ngoặc kép)" : "");
      return;
    case "enum": {
      if (typeof v === "string" && type.values.includes(v)) return;
      const list = type.values.map((x) => (type.labels?.[x] ? `${x} (${type.labels[x]})` : x)).join(", ");
      const guess = typeof v === "string" ? closest(v, [...type.values], type.labels) : undefined;
      return ctx.add(path, say(name, `${show(v)} không có; dùng một trong: ${list}${guess ? `. Có lẽ là "${guess}"?` : ""}`));
    }
    case "date":
      if (isIsoDate(v)) return;
      {
        const m = typeof v === "string" ? /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(v) : null;
        const guess = m ? `; có lẽ là "${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}"?` : "";
        return ctx.add(path, say(name, `${show(v)} — phải là một ngày có thật, dạng yyyy-mm-dd (ví dụ 2025-07-01)${guess}`));
      }
    case "array": {
      if (!Array.isArray(v)) return wrong(TYPE_NOUN.array);
      if (type.minItems !== undefined && v.length < type.minItems) return ctx.add(path, say(name, `không được để trống: cần ít nhất ${type.minItems}`));
      v.forEach((x, i) => walk(ctx, x, type.of, [...path, i], type.item ? "" : `mục thứ ${i + 1}`));
      if (type.unique) {
        v.forEach((x, i) => {
          const j = v.findIndex((y) => y === x);
          if (j < i) ctx.add([...path, i], `${show(x)} ghi hai lần (mục thứ ${j + 1} và ${i + 1})`);
        });
      }
      return;
    }
    case "map":
      if (!isObject(v)) return wrong(TYPE_NOUN.map);
      for (const [k, x] of Object.entries(v)) walk(ctx, x, type.of, [...path, k], `số của ${JSON.stringify(k)}`);
      return;
    case "union": {
      if (!isObject(v)) return wrong(TYPE_NOUN.union);
      const tag = tagField(type);
      if (v[type.tag] === undefined) return ctx.add([...path, type.tag], `thiếu ${tag.name} ("${type.tag}")`);
      walk(ctx, v[type.tag], tag.type, [...path, type.tag], tag.name);
      if (typeof v[type.tag] === "string" && type.variants[v[type.tag] as string]) walkFields(ctx, v, unionFields(type, v), [], path);
      return;
    }
    case "object":
      if (!isObject(v)) return wrong(TYPE_NOUN.object);
      walkFields(ctx, v, type.fields, type.dependent ?? [], path);
      return;
  }
}

function walkFields(ctx: Ctx, v: Obj, fields: Fields, dependent: { if: string; is?: unknown; then: string }[], path: PlanPath): void {
  const known = Object.keys(fields);
  for (const [key, f] of Object.entries(fields)) {
    if (v[key] === undefined) {
      if (f.required) ctx.add([...path, key], `thiếu ${f.name} ("${key}")`);
    } else walk(ctx, v[key], f.type, [...path, key], f.name);
  }
  for (const key of Object.keys(v)) {
    if (Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const guess = closest(key, known);
    ctx.add([...path, key], `trường "${key}" không có trong mẫu kế hoạch${guess ? ` (có lẽ là "${guess}"?)` : ""}; các trường ở đây: ${known.join(", ")}`);
  }
  for (const d of dependent) {
    if (v[d.if] === undefined || (d.is !== undefined && v[d.if] !== d.is) || v[d.then] !== undefined) continue;
    ctx.add([...path, d.then], `thiếu ${fields[d.then].name} ("${d.then}"): cần khi có ${fields[d.if].name} ("${d.if}")`);
  }
}

// ---- the rules between fields ------------------------------------------------------------------

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Obj => (isObject(v) ? v : {});
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const isLevel = (v: unknown): v is Level => typeof v === "string" && Object.prototype.hasOwnProperty.call(LEVEL_NAMES, v);
const levelName = (l: Level) => LEVEL_NAMES[l];
const levelsText = (ls: Level[]) => ls.map(levelName).join(", ");

/** Ids that appear twice in a list: each later one is a problem, naming the first. */
function duplicates(ctx: Ctx, items: unknown[], path: PlanPath, key: string, what: (item: Obj) => string | undefined, noun: string): void {
  const seen = new Map<string, number>();
  items.forEach((x, i) => {
    const k = what(rec(x));
    if (k === undefined) return;
    const j = seen.get(k);
    if (j !== undefined) ctx.add([...path, i, key], `${noun} ${JSON.stringify(text(rec(x)[key]) ?? k)} đã dùng ở mục thứ ${j + 1}`);
    else seen.set(k, i);
  });
}

const UNKNOWN = "?";

interface InputsIndex {
  kind(id: unknown): string | undefined;
  ofKind(kind: string): string[];
}

function relations(ctx: Ctx, p: Obj): void {
  const kind = text(p.kind);
  const planLevels = list(p.levels).filter(isLevel);
  const inputs = inputChecks(ctx, p);
  const levelIn = (path: PlanPath, v: unknown) => {
    if (isLevel(v) && planLevels.length > 0 && !planLevels.includes(v)) ctx.add(path, `cấp ${levelName(v)} không có trong các cấp của kế hoạch (${levelsText(planLevels)})`);
  };
  const inputOf = (path: PlanPath, v: unknown, want: string, role: string) => {
    if (typeof v !== "string") return;
    const k = inputs.kind(v);
    const choices = inputs.ofKind(want);
    if (k === undefined) ctx.add(path, `${role} "${v}" không phải mã đầu vào nào của kế hoạch; các đầu vào loại ${want}: ${choices.length ? choices.join(", ") : "chưa có"}`);
    else if (k !== want && k !== UNKNOWN) ctx.add(path, `${role} "${v}" là đầu vào loại ${k}; ở đây cần đầu vào loại ${want}`);
  };

  const readings = list(p.readings);
  duplicates(ctx, readings, ["readings"], "id", (r) => text(r.id), "mã cách hiểu");
  readings.forEach((r, i) => {
    const o = rec(rec(r).option);
    if (Array.isArray(o.values) && o.default !== undefined && !o.values.some((x) => JSON.stringify(x) === JSON.stringify(o.default))) {
      ctx.add(["readings", i, "option", "default"], `giá trị mặc định ${JSON.stringify(o.default)} không nằm trong các giá trị được chọn (${o.values.map((x) => JSON.stringify(x)).join(", ")})`);
    }
  });

  criteriaChecks(ctx, p, kind, planLevels, levelIn, inputOf);
  targetChecks(ctx, p, kind, levelIn, inputs);

  const awards = list(p.awards);
  duplicates(ctx, awards, ["awards"], "code", (a) => text(a.code), "mã khen thưởng");
  const ranks = new Map<string, string>();
  awards.forEach((a, i) => {
    const o = rec(a);
    levelIn(["awards", i, "level"], o.level);
    const r = num(o.rank);
    if (r === undefined) return;
    const k = `${String(o.level)}:${r}`;
    const other = ranks.get(k);
    if (other !== undefined) ctx.add(["awards", i, "rank"], `hạng ${r}${isLevel(o.level) ? ` cấp ${levelName(o.level)}` : ""} đã có giải "${other}"`);
    else ranks.set(k, String(o.code));
  });
  const awardLevel = new Map(awards.map((a) => [text(rec(a).code), rec(a).level] as const));
  const quotas = list(p.quotas);
  duplicates(ctx, quotas, ["quotas"], "id", (q) => text(q.id), "mã hạn mức");
  quotas.forEach((q, i) => {
    const o = rec(q);
    levelIn(["quotas", i, "level"], o.level);
    if (o.byGroup !== undefined && o.scope === "total") ctx.add(["quotas", i, "byGroup"], 'số tối đa theo nhóm chỉ dùng với phạm vi mỗi nhóm ("scope": "per_group")');
    const codes = list(o.awardCodes);
    codes.forEach((c, j) => {
      if (typeof c !== "string") return;
      if (!awardLevel.has(c)) {
        const known = [...awardLevel.keys()].filter((x): x is string => x !== undefined);
        ctx.add(["quotas", i, "awardCodes", j], `"${c}" không phải mã khen thưởng nào của kế hoạch; các mã: ${known.length ? known.join(", ") : "chưa có hình thức khen thưởng nào"}`);
        return;
      }
      const al = awardLevel.get(c);
      if (isLevel(al) && isLevel(o.level) && al !== o.level) ctx.add(["quotas", i, "awardCodes", j], `khen thưởng "${c}" là của cấp ${levelName(al)}, còn hạn mức đếm cấp ${levelName(o.level)}`);
    });
    // A collective quota limits what the tool awards, so it must say which award it limits. The
    // individuals a plan lets each unit propose (hg-165 §IV.2.c) are chosen by the council, not
    // awarded by the tool: such a quota may stand alone, shown as the number of places.
    if (codes.length === 0 && o.subject === "collective") {
      ctx.add(["quotas", i, "awardCodes"], 'không hình thức khen thưởng nào dùng hạn mức này: ghi mã khen thưởng vào "awardCodes" (hạn mức tập thể phải gắn với hình thức khen thưởng mà nó giới hạn)');
    }
  });

  const bonuses = list(p.bonuses);
  duplicates(ctx, bonuses, ["bonuses"], "id", (b) => text(b.id), "mã điểm cộng");
  bonuses.forEach((b, i) => {
    const o = rec(b);
    levelIn(["bonuses", i, "level"], o.level);
    inputOf(["bonuses", i, "input"], o.input, "number", "đầu vào");
    // the reading by which a blank is no bonus must be one the plan states (and the rules sheet shows)
    if (typeof o.blankReading === "string" && !readings.some((r) => rec(r).id === o.blankReading)) {
      ctx.add(["bonuses", i, "blankReading"], `"${o.blankReading}" không phải mã cách hiểu nào của kế hoạch`);
    }
  });

  const tb = p.tieBreak;
  if (isObject(tb)) {
    inputOf(["tieBreak", "input"], tb.input, "count", "đầu vào");
    inputOf(["tieBreak", "per"], tb.per, "count", "đầu vào chia cho");
    list(tb.levels).forEach((l, i) => levelIn(["tieBreak", "levels", i], l));
  }

  const period = rec(p.period);
  if (isIsoDate(period.from) && isIsoDate(period.to) && period.from > period.to) ctx.add(["period", "to"], `đến ngày ${period.to} trước ngày bắt đầu ${period.from}`);
  campaignChecks(ctx, p);

  if (kind === "weighted_mean" && p.weighted === undefined) ctx.add(["weighted"], 'kế hoạch loại weighted_mean cần "weighted" (các tiêu chí bình quân)');
  const w = p.weighted;
  if (isObject(w)) {
    inputOf(["weighted", "scoreInput"], w.scoreInput, "ratio", "đầu vào điểm");
    const wc = list(w.criteria);
    duplicates(ctx, wc, ["weighted", "criteria"], "id", (c) => text(c.id), "mã tiêu chí");
    wc.forEach((c, i) => inputOf(["weighted", "criteria", i, "input"], rec(c).input, "ratio", "đầu vào"));
  }

  if (kind === "index_groups" && p.groups === undefined) ctx.add(["groups"], 'kế hoạch loại index_groups cần "groups" (các nhóm chỉ số)');
  const g = p.groups;
  if (isObject(g)) {
    for (const set of ["classic", "portal"]) {
      const items = list(g[set]);
      duplicates(ctx, items, ["groups", set], "id", (x) => text(x.id), "mã nhóm");
      const maxima = items.map((x) => num(rec(x).maxPoints));
      if (maxima.length > 0 && maxima.every((m) => m !== undefined)) {
        const sum = maxima.reduce((s: number, m) => s + (m as number), 0);
        if (Math.abs(sum - 100) > 1e-9) ctx.add(["groups", set], `các nhóm cộng lại ${vi(sum)} điểm tối đa ≠ 100`);
      }
    }
  }
  importedChecks(ctx, p, kind, inputOf);
  tierChecks(ctx, p, kind, levelIn);
  duplicates(ctx, list(p.notes), ["notes"], "id", (n) => text(n.id), "mã ghi chú");
}

/** The kinds a plan's tiers may class: those whose total is points (a targets plan has no total). */
const TIER_KINDS = ["ratio_points", "imported_points"];

function importedChecks(ctx: Ctx, p: Obj, kind: string | undefined, inputOf: (path: PlanPath, v: unknown, want: string, role: string) => void): void {
  const im = p.imported;
  if (kind === "imported_points" && im === undefined) ctx.add(["imported"], 'kế hoạch loại imported_points cần "imported" (các nhóm điểm công bố)');
  const misplaced = im !== undefined && kind !== undefined && kind !== "imported_points" && kind in PLAN_KINDS;
  if (misplaced) ctx.add(["imported"], `kế hoạch loại ${kind} (${PLAN_KINDS[kind]}) không đọc điểm nhóm công bố: bỏ "imported" hoặc đổi loại kế hoạch thành imported_points`);
  // the engine of imported points ranks, it does not award: awards given on a rank it never computed would be a guess
  if (kind === "imported_points") {
    for (const key of ["awards", "quotas"] as const) {
      if (list(p[key]).length > 0) {
        ctx.add([key], `kế hoạch loại imported_points (${PLAN_KINDS.imported_points}) chỉ xếp hạng và xếp loại, chưa xét khen thưởng: bỏ "${key}" (${key === "awards" ? "các hình thức khen thưởng" : "các hạn mức"}); Hội đồng xét khen thưởng theo bảng xếp hạng`);
      }
    }
  }
  if (isObject(im) && !misplaced) {
    const groups = list(im.groups);
    duplicates(ctx, groups, ["imported", "groups"], "id", (g) => text(g.id), "mã nhóm");
    duplicates(ctx, groups, ["imported", "groups"], "input", (g) => text(g.input), "đầu vào");
    groups.forEach((g, i) => inputOf(["imported", "groups", i, "input"], rec(g).input, "number", "đầu vào"));
    const maxima = groups.map((g) => num(rec(g).maxPoints));
    const total = num(p.totalPoints);
    if (total !== undefined && maxima.length > 0 && maxima.every((m) => m !== undefined && m > 0)) {
      const sum = (maxima as number[]).reduce((s, m) => s + m, 0);
      // maxima are written with at most a few decimals: 1e-9 tells a real difference from float noise
      if (Math.abs(sum - total) > 1e-9) {
        const parts = groups.map((g) => `${String(rec(g).id)} ${vi(num(rec(g).maxPoints) as number)}`).join(" + ");
        ctx.add(["totalPoints"], `các nhóm điểm cộng lại ${vi(sum)} điểm tối đa (${parts}) ≠ tổng ${vi(total)} điểm của kế hoạch ("totalPoints")`);
      }
    }
    const t = im.total;
    if (isObject(t)) {
      inputOf(["imported", "total", "input"], t.input, "number", "đầu vào");
      if (typeof t.input === "string" && groups.some((g) => rec(g).input === t.input)) ctx.add(["imported", "total", "input"], `đầu vào "${t.input}" là cột của một nhóm điểm, không phải cột tổng điểm`);
    }
  }
  const a = p.activity;
  if (isObject(a)) inputOf(["activity", "input"], a.input, "count", "đầu vào");
  const adj = p.adjustment;
  if (isObject(adj)) {
    inputOf(["adjustment", "input"], adj.input, "signed", "đầu vào");
    inputOf(["adjustment", "reasonInput"], adj.reasonInput, "text", "đầu vào lý do");
  }
  const c = p.cohort;
  if (isObject(c)) inputOf(["cohort", "input"], c.input, "text", "đầu vào");
}

interface Bound {
  value: number;
  inclusive: boolean;
}

function boundOf(v: unknown): Bound | undefined {
  const o = rec(v);
  return typeof o.value === "number" && Number.isFinite(o.value) && typeof o.inclusive === "boolean" ? { value: o.value, inclusive: o.inclusive } : undefined;
}

/** A number between two values, for "92 thuộc cả hai": their midpoint, or the value itself when they meet. */
function between(a: number, b: number): number {
  return a === b ? a : Number(((a + b) / 2).toPrecision(12));
}

/**
 * Tiers, highest first: each tier's range not empty; each tier above the next one, the two meeting
 * exactly (no total in both, none in neither). The ends (above the top tier, below the bottom) may
 * stay open or uncovered: a total there has no tier, which the results show.
 */
function tierChecks(ctx: Ctx, p: Obj, kind: string | undefined, levelIn: (path: PlanPath, v: unknown) => void): void {
  const t = p.tiers;
  if (t === undefined) return;
  if (kind !== undefined && !TIER_KINDS.includes(kind) && kind in PLAN_KINDS) {
    ctx.add(["tiers"], `kế hoạch loại ${kind} (${PLAN_KINDS[kind]}) không có tổng điểm để xếp loại: xếp loại chỉ dùng với ${TIER_KINDS.map((k) => `${k} (${PLAN_KINDS[k]})`).join(", ")}`);
  }
  if (!isObject(t)) return;
  list(t.levels).forEach((l, i) => levelIn(["tiers", "levels", i], l));
  const tiers = list(t.tiers);
  duplicates(ctx, tiers, ["tiers", "tiers"], "id", (x) => text(x.id), "mã xếp loại");
  const read = tiers.map((x, i) => {
    const o = rec(x);
    return { i, name: `"${typeof o.label === "string" ? o.label : String(o.id)}"`, min: boundOf(o.min), max: boundOf(o.max), minGiven: o.min !== undefined, maxGiven: o.max !== undefined };
  });
  const at = (i: number, key: string): PlanPath => ["tiers", "tiers", i, key];
  const ok: boolean[] = read.map((r) => {
    if (!r.minGiven && !r.maxGiven) {
      if (tiers.length > 1) ctx.add(["tiers", "tiers", r.i], `xếp loại ${r.name} không có mốc dưới ("min") lẫn mốc trên ("max"): mọi điểm đều thuộc nó`);
      return tiers.length === 1;
    }
    if ((r.minGiven && !r.min) || (r.maxGiven && !r.max)) return false; // the field's own problem is told where it is
    if (r.min && r.max && (r.min.value > r.max.value || (r.min.value === r.max.value && !(r.min.inclusive && r.max.inclusive)))) {
      ctx.add(at(r.i, "max"), `xếp loại ${r.name} (${tierRangeVi(r)}) không chứa điểm nào: mốc trên phải lớn hơn mốc dưới`);
      return false;
    }
    return true;
  });
  for (let k = 0; k + 1 < read.length; k++) {
    const hi = read[k];
    const lo = read[k + 1];
    if (!ok[k] || !ok[k + 1]) continue;
    const range = (r: typeof hi) => `${r.name} (${tierRangeVi(r)})`;
    // listed the wrong way round: the next tier lies wholly above this one
    if (lo.min && hi.max && (lo.min.value > hi.max.value || (lo.min.value === hi.max.value && !(lo.min.inclusive && hi.max.inclusive)))) {
      ctx.add(["tiers", "tiers", lo.i], `xếp loại ${range(lo)} cao hơn xếp loại ${range(hi)} ghi trước nó: ghi các xếp loại từ cao xuống thấp`);
      continue;
    }
    // the two ranges share a total: the highest of the shared part (the lower tier's top, or the higher tier's bottom)
    const top = !lo.max ? hi.max : !hi.max ? lo.max : lo.max.value < hi.max.value || (lo.max.value === hi.max.value && !lo.max.inclusive) ? lo.max : hi.max;
    const bottom = !hi.min ? lo.min : !lo.min ? hi.min : hi.min.value > lo.min.value || (hi.min.value === lo.min.value && !hi.min.inclusive) ? hi.min : lo.min;
    const shared =
      !top || !bottom ? true : bottom.value < top.value || (bottom.value === top.value && bottom.inclusive && top.inclusive);
    if (shared) {
      const witness =
        top && bottom ? between(bottom.value, top.value) : top ? (top.inclusive ? top.value : top.value - 1) : bottom ? (bottom.inclusive ? bottom.value : bottom.value + 1) : 0;
      ctx.add(["tiers", "tiers", lo.i], `xếp loại ${range(hi)} và ${range(lo)} chồng nhau: ${vi(witness)} điểm thuộc cả hai`);
      continue;
    }
    // no shared total: then the higher tier's bottom and the lower tier's top are both given; they must meet
    const b = hi.min;
    const m = lo.max;
    if (b && m && (m.value < b.value || (m.value === b.value && !m.inclusive && !b.inclusive))) {
      ctx.add(["tiers", "tiers", lo.i], `giữa xếp loại ${range(hi)} và ${range(lo)} để hở: ${vi(between(m.value, b.value))} điểm không thuộc xếp loại nào`);
    }
  }
}

function inputChecks(ctx: Ctx, p: Obj): InputsIndex {
  const inputs = list(p.inputs);
  const kinds = new Map<string, string>();
  inputs.forEach((x) => {
    const o = rec(x);
    // an input of an unknown kind is reported once, where its kind is: not again by each rule that reads it
    if (typeof o.id === "string" && !kinds.has(o.id)) kinds.set(o.id, typeof o.kind === "string" && INPUT_KINDS.includes(o.kind) ? o.kind : UNKNOWN);
  });
  duplicates(ctx, inputs, ["inputs"], "id", (i) => text(i.id), "mã đầu vào");
  if (Array.isArray(p.inputs) && p.inputs.length > 0) {
    if (!kinds.has("unit")) ctx.add(["inputs"], 'thiếu đầu vào "unit" (tên đơn vị, loại text): mỗi dòng của bảng là một đơn vị');
    else if (kinds.get("unit") !== "text") ctx.add(["inputs", inputs.findIndex((x) => rec(x).id === "unit"), "kind"], 'đầu vào "unit" (tên đơn vị) phải là loại text');
  }
  // one column cannot be two inputs: a wording shared by two would map the column to whichever comes first
  const owner = new Map<string, { input: number; id: string }>();
  inputs.forEach((x, i) => {
    const o = rec(x);
    list(o.headers).forEach((h, k) => {
      if (typeof h !== "string" || !/\S/.test(h)) return;
      const key = normalizeKey(h);
      const prev = owner.get(key);
      if (prev && prev.input !== i) ctx.add(["inputs", i, "headers", k], `tiêu đề "${h}" cũng là tiêu đề của đầu vào ${prev.input + 1} (${prev.id}): một cột không khớp được với hai đầu vào`);
      else if (!prev) owner.set(key, { input: i, id: String(o.id) });
    });
  });
  return {
    kind: (id) => (typeof id === "string" ? kinds.get(id) : undefined),
    ofKind: (k) => [...kinds].filter(([, v]) => v === k).map(([id]) => id),
  };
}

function criteriaChecks(
  ctx: Ctx,
  p: Obj,
  kind: string | undefined,
  planLevels: Level[],
  levelIn: (path: PlanPath, v: unknown) => void,
  inputOf: (path: PlanPath, v: unknown, want: string, role: string) => void,
): void {
  const criteria = list(p.criteria);
  if (kind !== undefined && kind !== "ratio_points" && criteria.length > 0 && kind in PLAN_KINDS) {
    ctx.add(["criteria"], `kế hoạch loại ${kind} (${PLAN_KINDS[kind]}) không chấm theo tiêu chí: bỏ "criteria" hoặc đổi loại kế hoạch thành ratio_points`);
  }
  duplicates(ctx, criteria, ["criteria"], "id", (c) => (typeof c.id === "string" ? `${String(c.level)}:${c.id}` : undefined), "mã tiêu chí (cùng cấp)");
  criteria.forEach((c, i) => {
    const o = rec(c);
    const at = (...rest: PlanPath): PlanPath => ["criteria", i, ...rest];
    levelIn(at("level"), o.level);
    inputOf(at("numerator"), o.numerator, "count", "tử số");
    inputOf(at("denominator"), o.denominator, "count", "mẫu số");
    if (typeof o.numerator === "string" && o.numerator === o.denominator) ctx.add(at("denominator"), `tử số và mẫu số cùng là đầu vào "${o.numerator}"`);
    const threshold = num(o.threshold);
    const max = num(o.maxPoints);
    const floor = num(o.floor);
    if (floor !== undefined && threshold !== undefined && floor >= threshold && floor <= 1) ctx.add(at("floor"), `ngưỡng xét ${pct(floor)} phải nhỏ hơn ngưỡng ${pct(threshold)}`);
    if (o.combineWithCommunes === true && (o.level !== "huyen" || !planLevels.includes("xa"))) {
      ctx.add(at("combineWithCommunes"), "kết hợp với các xã chỉ dùng cho tiêu chí cấp huyện của kế hoạch có cấp xã");
    }
    if (o.bands !== undefined && o.below !== "bands") {
      ctx.add(at("bands"), `có các bậc nhưng cách tính dưới ngưỡng là ${o.below === undefined ? "proportional (mặc định)" : String(o.below)}: ghi "below": "bands", hoặc bỏ "bands"`);
    }
    if (o.below === "bands") bandChecks(ctx, list(o.bands), at("bands"), threshold, max);
  });
  // maxima are added only when every criterion can be read: else the sum would blame the wrong field
  if (kind !== "ratio_points" || criteria.some((c) => !isObject(c) || !isLevel(c.level) || num(c.maxPoints) === undefined)) return;
  const total = num(p.totalPoints) ?? 100;
  const stated = p.totalPoints !== undefined;
  for (const level of planLevels) {
    const mine = criteria.map(rec).filter((c) => c.level === level);
    const maxima = mine.map((c) => num(c.maxPoints));
    if (maxima.some((m) => m === undefined)) continue;
    const sum = (maxima as number[]).reduce((s, m) => s + m, 0);
    if (Math.abs(sum - total) <= 1e-9) continue;
    const where = stated ? `tổng ${vi(total)} điểm của kế hoạch ("totalPoints")` : `${vi(total)} điểm (kế hoạch không ghi "totalPoints": mặc định 100)`;
    const parts = mine.map((c) => `${String(c.id)} ${vi(c.maxPoints as number)}`).join(" + ");
    ctx.add(stated ? ["totalPoints"] : ["criteria"], mine.length === 0 ? `cấp ${levelName(level)} không có tiêu chí nào` : `các tiêu chí cấp ${levelName(level)} cộng lại ${vi(sum)} điểm tối đa (${parts}) ≠ ${where}`);
  }
}

function bandChecks(ctx: Ctx, bands: unknown[], path: PlanPath, threshold: number | undefined, max: number | undefined): void {
  const ok = bands.map((b, i) => ({ i, min: num(rec(b).min), points: num(rec(b).points) })).filter((b): b is { i: number; min: number; points: number } => b.min !== undefined && b.points !== undefined && b.min > 0 && b.min <= 1);
  if (max !== undefined) for (const b of ok) if (b.points > max) ctx.add([...path, b.i, "points"], `điểm ${vi(b.points)} lớn hơn điểm tối đa ${vi(max)} của tiêu chí`);
  const seen = new Map<number, number>();
  for (const b of ok) {
    const j = seen.get(b.min);
    if (j !== undefined) ctx.add([...path, b.i, "min"], `mức ${pct(b.min)} đã có ở bậc ${j + 1}`);
    else seen.set(b.min, b.i);
  }
  const sorted = [...ok].sort((a, b) => a.min - b.min);
  for (let k = 1; k < sorted.length; k++) {
    const lo = sorted[k - 1];
    const hi = sorted[k];
    if (hi.min > lo.min && hi.points < lo.points) {
      ctx.add([...path, hi.i, "points"], `bậc ≥ ${pct(hi.min)} cho ${vi(hi.points)} điểm, ít hơn bậc ≥ ${pct(lo.min)} (${vi(lo.points)} điểm): tỷ lệ cao hơn không được ít điểm hơn`);
    }
  }
  const top = sorted[sorted.length - 1];
  if (!top || ok.length !== bands.length) return;
  if (threshold !== undefined && threshold > 0 && threshold <= 1 && Math.abs(top.min - threshold) > 1e-12) {
    ctx.add([...path, top.i, "min"], `bậc cao nhất (≥ ${pct(top.min)}) phải bắt đầu ở ngưỡng ${pct(threshold)}: từ ngưỡng trở lên tiêu chí được điểm tối đa`);
  }
  if (max !== undefined && top.points !== max && top.points <= max) {
    ctx.add([...path, top.i, "points"], `bậc cao nhất (≥ ${pct(top.min)}) cho ${vi(top.points)} điểm, khác điểm tối đa ${vi(max)}: từ ngưỡng trở lên tiêu chí được điểm tối đa`);
  }
}

function targetChecks(ctx: Ctx, p: Obj, kind: string | undefined, levelIn: (path: PlanPath, v: unknown) => void, inputs: InputsIndex): void {
  const targets = list(p.targets);
  if (kind === "targets" && targets.length === 0) ctx.add(["targets"], "kế hoạch loại targets (đối chiếu chỉ tiêu) cần ít nhất một chỉ tiêu");
  duplicates(ctx, targets, ["targets"], "id", (t) => text(t.id), "mã chỉ tiêu");
  const days = campaignDays(p);
  targets.forEach((t, i) => {
    const o = rec(t);
    const at = (...rest: PlanPath): PlanPath => ["targets", i, ...rest];
    const levels = list(o.levels).filter(isLevel);
    list(o.levels).forEach((l, j) => levelIn(at("levels", j), l));
    // the engine reads a target's value from the input of the same id (and an assigned target from assigned_<id>)
    const need = (id: string, why: string, path: PlanPath) => {
      const k = inputs.kind(id);
      if (k === undefined) ctx.add(path, `không có đầu vào "${id}" (loại ratio) ${why}`);
      else if (k !== "ratio" && k !== UNKNOWN) ctx.add(path, `đầu vào "${id}" là loại ${k}; ${why} cần loại ratio`);
    };
    if (kind === "targets" && typeof o.id === "string") need(o.id, "để đọc giá trị của chỉ tiêu", at("id"));
    const rule = rec(o.rule);
    if (rule.kind === "by_level" && isObject(rule.values)) {
      const values = rule.values;
      for (const l of levels) if (values[l] === undefined) ctx.add(at("rule", "values", l), `thiếu chỉ tiêu cấp ${levelName(l)} (chỉ tiêu áp dụng cho ${levelsText(levels)})`);
      for (const l of Object.keys(values)) if (isLevel(l) && !levels.includes(l)) ctx.add(at("rule", "values", l), `chỉ tiêu cấp ${levelName(l)} không dùng: chỉ tiêu chỉ áp dụng cho ${levelsText(levels)}`);
    }
    if (rule.kind === "assigned_plus" && kind === "targets" && typeof o.id === "string") need(`assigned_${o.id}`, "để đọc chỉ tiêu được giao", at("rule", "kind"));
    if (rule.kind === "milestones") {
      if (p.campaign === undefined) ctx.add(at("rule", "kind"), 'chỉ tiêu theo mốc ngày cần đợt thi đua ("campaign") có ngày bắt đầu');
      let prev: number | undefined;
      list(rule.steps).forEach((s, j) => {
        const d = num(rec(s).day);
        if (d === undefined) return;
        if (prev !== undefined && d <= prev) ctx.add(at("rule", "steps", j, "day"), `ngày thứ ${d} phải sau mốc trước (ngày thứ ${prev})`);
        else if (days !== undefined && d > days) ctx.add(at("rule", "steps", j, "day"), `ngày thứ ${d} nằm ngoài đợt thi đua (${days} ngày)`);
        prev = d;
      });
    }
  });
}

const DAY_MS = 86_400_000;

/** The campaign's length in days (start is day 1), when its dates can be read. */
function campaignDays(p: Obj): number | undefined {
  const c = rec(p.campaign);
  if (!isIsoDate(c.start) || !isIsoDate(c.end) || c.start > c.end) return undefined;
  return Math.round((Date.parse(c.end) - Date.parse(c.start)) / DAY_MS) + 1;
}

function campaignChecks(ctx: Ctx, p: Obj): void {
  const c = p.campaign;
  if (!isObject(c) || !isIsoDate(c.start)) return;
  if (isIsoDate(c.end) && c.start > c.end) ctx.add(["campaign", "end"], `ngày kết thúc ${c.end} trước ngày bắt đầu ${c.start}`);
  const days = campaignDays(p);
  list(c.milestones).forEach((m, i) => {
    const o = rec(m);
    const d = num(o.day);
    if (d === undefined || !Number.isInteger(d) || d < 1) return;
    const expected = new Date(Date.parse(c.start as string) + (d - 1) * DAY_MS).toISOString().slice(0, 10);
    if (days !== undefined && d > days) ctx.add(["campaign", "milestones", i, "day"], `ngày thứ ${d} nằm ngoài đợt thi đua (${days} ngày, ${c.start} – ${String(c.end)})`);
    else if (isIsoDate(o.date) && o.date !== expected) ctx.add(["campaign", "milestones", i, "date"], `ngày thứ ${d} của đợt bắt đầu ${c.start} là ${expected}, không phải ${o.date}`);
  });
}
