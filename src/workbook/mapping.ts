/**
 * Column mapping: which column of the table holds which input of the plan, found by header.
 *
 * Headers are written every which way ("Số hồ sơ trực tuyến", "So ho so nop truc tuyen",
 * "HS trực tuyến"). A header matches a wording when, after normalizeKey (no diacritics, no case,
 * folded spacing) and expanding common abbreviations (HS → hồ sơ, DVC → dịch vụ công, ...), every
 * word of the wording is in the header. The best match wins: an exact match, then the wording that
 * covers the largest share of the header's words. Each column serves one input at most.
 */
import { normalizeKey } from "../engine";
import type { Plan } from "../engine/types";
import type { ColumnMapping, MappingEntry, SpecialField } from "./types";

/** Abbreviations seen in officials' headers, expanded before matching (normalized spelling). */
const ABBREVIATIONS: Record<string, string> = {
  hs: "ho so",
  dvc: "dich vu cong",
  dvctt: "dich vu cong truc tuyen",
  tthc: "thu tuc hanh chinh",
  tk: "tai khoan",
  ddđt: "dinh danh dien tu",
  dddt: "dinh danh dien tu",
  tp: "thanh pho",
  tx: "thi xa",
  sl: "so luong",
  tl: "ty le",
};

/** Words that carry no meaning for matching ("số" is in almost every header). */
const STOPWORDS = new Set(["so", "cua", "cac", "va", "nop", "da", "duoc", "luong"]);

/** The least share of a header's words a wording must cover (see headerMatchScore). */
const MIN_SHARE = 0.25;

/** Wordings of the columns the module reads besides the plan's inputs. */
export const SPECIAL_HEADERS: Record<SpecialField, { label: string; headers: string[] }> = {
  unit: {
    label: "Đơn vị",
    headers: [
      "Đơn vị", "Tên đơn vị", "Đơn vị hành chính", "Tên xã", "Xã, phường, thị trấn", "Xã phường thị trấn",
      "Địa phương", "Tên địa phương", "Cơ quan, đơn vị", "Unit", "Name",
    ],
  },
  group: {
    label: "Huyện (nhóm)",
    headers: [
      "Huyện", "Thuộc huyện", "Huyện, thị xã, thành phố", "Huyện thị xã thành phố", "Đơn vị cấp huyện",
      "Quận huyện", "District", "Group", "Nhóm",
    ],
  },
  level: {
    label: "Cấp",
    headers: ["Cấp", "Cấp hành chính", "Cấp đơn vị", "Level"],
  },
};

// findTable scores every text cell near the top of a sheet against each of the plan's ~90 wordings:
// the words of a text are worked out once (the lists returned are never modified)
const wordsCache = new Map<string, string[]>();
const meaningfulCache = new Map<string, Set<string>>();
const CACHE_LIMIT = 5000;

function words(text: string): string[] {
  let w = wordsCache.get(text);
  if (w === undefined) {
    if (wordsCache.size >= CACHE_LIMIT) wordsCache.clear();
    wordsCache.set(text, (w = wordsOf(text)));
  }
  return w;
}

function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of normalizeKey(text).split(/[^a-z0-9]+/)) {
    if (!w) continue;
    const expanded = ABBREVIATIONS[w];
    if (expanded) out.push(...expanded.split(" "));
    else out.push(w);
  }
  return out;
}

function meaningful(text: string): Set<string> {
  let m = meaningfulCache.get(text);
  if (m === undefined) {
    if (meaningfulCache.size >= CACHE_LIMIT) meaningfulCache.clear();
    meaningfulCache.set(text, (m = meaningfulOf(text)));
  }
  return m;
}

function meaningfulOf(text: string): Set<string> {
  const all = words(text);
  const kept = all.filter((w) => !STOPWORDS.has(w));
  return new Set(kept.length ? kept : all);
}

/**
 * How well a header matches one wording: 0 = no match; 1000 = the same words; else the share
 * (in thousandths) of the header's words that the wording covers, when it covers all of its own.
 */
export function headerMatchScore(header: string, wording: string): number {
  const h = words(header).join(" ");
  const w = words(wording).join(" ");
  if (!h || !w) return 0;
  if (h === w) return 1000;
  const hs = meaningful(header);
  const ws = meaningful(wording);
  for (const x of ws) if (!hs.has(x)) return 0;
  // a long title that happens to contain "cấp huyện" is not a "Cấp" or "Huyện" column
  const share = ws.size / hs.size;
  if (share < MIN_SHARE) return 0;
  return Math.floor(share * 999);
}

export function bestScore(header: string, wordings: string[]): number {
  let best = 0;
  for (const w of wordings) best = Math.max(best, headerMatchScore(header, w));
  return best;
}

interface Field {
  input: string;
  label: string;
  required: boolean;
  headers: string[];
}

const SPECIAL_IDS = new Set<string>(["unit", "group", "level"]);

export function isSpecialInput(id: string): boolean {
  return SPECIAL_IDS.has(id);
}

/** The columns to find: unit, group, level (the plan's wordings plus ours), then the plan's figures. */
export function mappingFields(plan: Plan): Field[] {
  const planDef = (id: string) => plan.inputs.find((d) => d.id === id);
  const fields: Field[] = (["unit", "group", "level"] as SpecialField[]).map((id) => {
    const def = planDef(id);
    const ours = SPECIAL_HEADERS[id];
    return {
      input: id,
      label: def?.label ?? ours.label,
      required: id === "unit",
      headers: [...(def ? [def.label, ...def.headers] : []), ...ours.headers],
    };
  });
  for (const def of plan.inputs) {
    if (SPECIAL_IDS.has(def.id)) continue;
    fields.push({ input: def.id, label: def.label, required: def.required, headers: [def.label, ...def.headers] });
  }
  return fields;
}

/** A scoring function for findTable: does this text look like one of the plan's headers? */
export function planHeaderScore(plan: Plan): (text: string) => number {
  const fields = mappingFields(plan);
  return (text) => Math.max(0, ...fields.map((f) => bestScore(text, f.headers)));
}

/**
 * @param headers header texts of the table, left to right (index = position in the table)
 * @param overrides input id → header text (from `--map input=Header` or the task pane); an
 *   override may also name a column by letter relative to the sheet when `firstCol` is given.
 * @param firstCol 0-based sheet column of headers[0]; columns in the result are sheet columns.
 */
export function mapColumns(
  plan: Plan,
  headers: string[],
  overrides: Record<string, string> = {},
  firstCol = 0,
): ColumnMapping {
  const fields = mappingFields(plan);
  const byInput = new Map(fields.map((f) => [f.input, f]));
  const taken = new Set<number>();
  const chosen = new Map<string, { col: number; via: "override" | "header" }>();
  const badOverrides: ColumnMapping["badOverrides"] = [];

  for (const [input, header] of Object.entries(overrides)) {
    if (!byInput.has(input)) {
      badOverrides.push({ input, header, why: `"${input}" không phải là đầu vào của kế hoạch ${plan.id}` });
      continue;
    }
    const key = normalizeKey(header);
    let col = headers.findIndex((h) => normalizeKey(h) === key);
    if (col < 0 && /^[A-Za-z]{1,3}$/.test(header.trim())) {
      // a column letter, e.g. --map online_dossiers=E
      const letters = header.trim().toUpperCase();
      let n = 0;
      for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
      const idx = n - 1 - firstCol;
      if (idx >= 0 && idx < headers.length) col = idx;
    }
    if (col < 0) {
      badOverrides.push({ input, header, why: `không có cột tiêu đề "${header}" trong bảng` });
      continue;
    }
    chosen.set(input, { col, via: "override" });
    taken.add(col);
  }

  // every (field, column) pair that matches, best first; ties keep field order then column order
  const pairs: { input: string; col: number; score: number; order: number }[] = [];
  fields.forEach((f, order) => {
    if (chosen.has(f.input)) return;
    headers.forEach((h, col) => {
      if (!h || taken.has(col)) return;
      const score = bestScore(h, f.headers);
      if (score > 0) pairs.push({ input: f.input, col, score, order });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.order - b.order || a.col - b.col);
  for (const p of pairs) {
    if (chosen.has(p.input) || taken.has(p.col)) continue;
    chosen.set(p.input, { col: p.col, via: "header" });
    taken.add(p.col);
  }

  const mapping: Record<string, number> = {};
  const report: MappingEntry[] = [];
  const missing: string[] = [];
  for (const f of fields) {
    const c = chosen.get(f.input);
    if (c) mapping[f.input] = c.col + firstCol;
    else if (f.required) missing.push(f.input);
    report.push({
      input: f.input,
      label: f.label,
      required: f.required,
      header: c ? headers[c.col] : null,
      column: c ? c.col + firstCol : null,
      via: c ? c.via : null,
    });
  }
  return { mapping, missing, report, badOverrides };
}
