/**
 * Reading units from a table: one row per unit, values keyed by the plan's input ids. The engine
 * coerces the values (never this module), so that the CLI, the task pane and the custom functions
 * read a "1.234" or a "90%" the same way; this module only places each unit and each finding on
 * the sheet (sheet, row, column letter) so an official can find the cell.
 */
import { isBlank, message, normalizeKey, normalizeKey as normalizeKeyRaw, parseLevel } from "../engine";
import type { CellInput, Level, UnitRow } from "../engine";
import type { Plan } from "../engine/types";
import { isSpecialInput } from "./mapping";
import { cellRef, columnLetter } from "./a1";
import type { ColumnMapping, Problem, ReadResult, TableRegion, UnitSource } from "./types";

/**
 * Words of a "Cấp" column beyond tinh/huyen/xa. Reading: a phường or thị trấn is commune level and
 * a thị xã, thành phố (thuộc tỉnh) or quận is district level (the Law on Local Government's tiers);
 * a sở / ban / ngành is a province-level agency.
 */
const LEVEL_WORDS: Record<string, Level> = {
  "thi xa": "huyen", "thanh pho": "huyen", quan: "huyen", "cap huyen": "huyen",
  phuong: "xa", "thi tran": "xa", "cap xa": "xa",
  so: "tinh", "so nganh": "tinh", "ban nganh": "tinh", "co quan cap tinh": "tinh",
};

export function levelOf(x: CellInput): Level | null {
  if (typeof x === "string" && LEVEL_WORDS[normalizeKey(x)]) return LEVEL_WORDS[normalizeKey(x)];
  const p = parseLevel(x);
  return p.ok ? p.value : null;
}

export const LEVEL_LABELS: Record<Level, string> = { tinh: "Tỉnh", huyen: "Huyện", xa: "Xã" };

/**
 * Totals rows are not units. Reading: a row whose unit cell says "Tổng", "Tổng cộng", "Cộng",
 * "Toàn tỉnh" or "Toàn huyện" is a totals row and is left out (and said so).
 */
function isTotalsRow(name: string): boolean {
  const k = normalizeKey(name);
  return /^(tong|tong cong|cong|toan tinh|toan huyen|tong so|total)$/.test(k);
}

/** A row of column numbers under the header: "(1) (2) (3)" or "A B 1 2". */
function isNumberingRow(row: CellInput[], first: number, last: number): boolean {
  let any = false;
  for (let c = first; c <= last; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    any = true;
    const s = String(v).trim();
    if (!/^\(?(\d{1,2}|[A-Za-z])\)?$/.test(s)) return false;
  }
  return any;
}

/**
 * Commune-to-district matching. Reading: the district column names the district as its row does
 * ("Huyện Châu Thành"); a name without its prefix ("Châu Thành") matches when exactly one district
 * row has that name after dropping "huyện / thị xã / thành phố" (Hậu Giang has both a Long Mỹ town
 * and a Long Mỹ district, so a bare "Long Mỹ" matches neither and is reported).
 */
const DISTRICT_PREFIX = /^(huyen|thi xa|thanh pho|quan|tp|tx|h)\s+/;

function groupResolver(districts: string[], normalizeKey: (s: string) => string): (name: string) => string | null {
  // keys computed once: a table of 10,000 communes must not normalise every district name per row
  const exact = new Map<string, string>();
  const bare = new Map<string, string[]>();
  for (const d of districts) {
    const k = normalizeKey(d);
    if (!exact.has(k)) exact.set(k, d);
    const b = k.replace(DISTRICT_PREFIX, "");
    bare.set(b, [...(bare.get(b) ?? []), d]);
  }
  return (name) => {
    const k = normalizeKey(name);
    const hit = exact.get(k);
    if (hit) return hit;
    const hits = bare.get(k.replace(DISTRICT_PREFIX, "")) ?? [];
    return hits.length === 1 ? hits[0] : null;
  };
}

function textOf(v: CellInput): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") return v.error;
  return String(v).trim();
}

export interface ReadOptions {
  sheet: string;
  /** level of every row when the table has no level column and no district column */
  level?: Level;
}

export function readUnits(
  plan: Plan,
  grid: CellInput[][],
  table: TableRegion,
  mapping: ColumnMapping,
  opts: ReadOptions,
): ReadResult {
  const m = mapping.mapping;
  const header = grid[table.headerRow] ?? [];
  const problems: Problem[] = [];
  const skipped: ReadResult["skipped"] = [];
  const headerText = (col: number) => textOf(header[col]);
  const problem = (row: number, col: number, unit: string | undefined, code: Problem["code"], detail?: Record<string, string | number>) =>
    problems.push({
      sheet: opts.sheet,
      row: row + 1,
      column: columnLetter(col),
      header: headerText(col),
      unit,
      code,
      message: message(code, detail),
    });

  // first pass: the rows that are units
  const unitRows: { r: number; name: string }[] = [];
  for (let r = table.headerRow + 1; r <= table.lastRow; r++) {
    const row = grid[r] ?? [];
    if (r === table.headerRow + 1 && isNumberingRow(row, table.firstCol, table.lastCol)) {
      skipped.push({ row: r + 1, why: "dòng đánh số cột" });
      continue;
    }
    const name = m.unit !== undefined ? textOf(row[m.unit]) : "";
    if (name && isTotalsRow(name)) {
      skipped.push({ row: r + 1, why: `dòng tổng "${name}"` });
      continue;
    }
    if (!name) {
      if (m.unit !== undefined) problem(r, m.unit, undefined, "missing_input", { input: "Đơn vị" });
      continue;
    }
    unitRows.push({ r, name });
  }

  // a few distinct texts (levels, district names) repeat on thousands of rows: normalise each once
  const keys = new Map<string, string>();
  const normalizeKey = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = normalizeKeyRaw(s)));
    return k;
  };
  const levels0 = new Map<string, Level | null>();
  const levelOfCell = (x: CellInput) => {
    if (typeof x !== "string") return levelOf(x);
    let l = levels0.get(x);
    if (l === undefined) levels0.set(x, (l = levelOf(x)));
    return l;
  };
  // levels: a level column, else --level, else inferred from the district column
  const groupOf = (r: number) => (m.group !== undefined ? textOf((grid[r] ?? [])[m.group]) : "");
  const groupNames = new Set(unitRows.map((u) => normalizeKey(groupOf(u.r))).filter(Boolean));
  const levels = new Map<number, Level | null>();
  for (const u of unitRows) {
    let level: Level | null = null;
    if (m.level !== undefined) {
      const cell = (grid[u.r] ?? [])[m.level];
      level = isBlank(cell) ? opts.level ?? null : levelOfCell(cell);
      if (!level) problem(u.r, m.level, u.name, isBlank(cell) ? "missing_input" : "unknown_level", { value: textOf(cell), input: "Cấp" });
    } else if (opts.level) {
      level = opts.level;
    } else if (plan.levels.length === 1) {
      level = plan.levels[0];
    } else if (m.group !== undefined) {
      // Reading: without a level column, a row named in the district column of other rows is a
      // district, and a row with a district is a commune.
      const g = normalizeKey(groupOf(u.r));
      if (groupNames.has(normalizeKey(u.name)) && (!g || g === normalizeKey(u.name))) level = "huyen";
      else if (g) level = "xa";
    }
    if (!level && m.level === undefined) {
      problems.push({
        sheet: opts.sheet, row: u.r + 1, column: columnLetter(m.unit ?? table.firstCol), header: headerText(m.unit ?? table.firstCol),
        unit: u.name, code: "unknown_level",
        message: "Không xác định được cấp của đơn vị: thêm cột \"Cấp\" hoặc chọn cấp (--level xa|huyen|tinh).",
      });
    }
    levels.set(u.r, level);
  }

  const districts = unitRows.filter((u) => levels.get(u.r) === "huyen").map((u) => u.name);
  const resolveGroup = groupResolver(districts, normalizeKey);
  const usedKeys = new Set<string>();
  // Ia Băng and Ia Bang are two communes of Chư Prông: keys differ by diacritics, so compare exact names
  const exactKey = (s: string) => s.normalize("NFC").trim().toLowerCase();
  const rows: UnitRow[] = [];
  const sources: UnitSource[] = [];
  for (const u of unitRows) {
    const level = levels.get(u.r);
    if (!level) continue;
    const row = grid[u.r] ?? [];
    let group: string | undefined;
    if (level === "huyen") group = u.name;
    else if (m.group !== undefined) {
      const g = groupOf(u.r);
      if (g) group = resolveGroup(g) ?? g;
    }
    // two communes may share a name in different districts: the key must still be unique
    let key = u.name;
    if (usedKeys.has(exactKey(key)) && group) key = `${u.name} (${group})`;
    let n = 2;
    while (usedKeys.has(exactKey(key))) key = `${u.name} (${n++})`;
    usedKeys.add(exactKey(key));

    const values: Record<string, CellInput> = {};
    const cells: Record<string, string> = {};
    for (const def of plan.inputs) {
      if (isSpecialInput(def.id)) continue;
      const col = m[def.id];
      if (col === undefined) continue;
      values[def.id] = row[col] ?? null;
      cells[def.id] = cellRef(u.r, col);
    }
    rows.push({ key, group, level, values });
    sources.push({ key, row: u.r + 1, cells, values });
  }
  return { rows, sources, problems, skipped };
}
