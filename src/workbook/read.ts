/**
 * Reading units from a table: one row per unit, values keyed by the plan's input ids. The engine
 * coerces the values (never this module), so that the CLI, the task pane and the custom functions
 * read a "1.234" or a "90%" the same way; this module only places each unit and each finding on
 * the sheet (sheet, row, column letter) so an official can find the cell.
 */
import { dateText, isBlank, message, normalizeKey, normalizeKey as normalizeKeyRaw, parseLevel } from "../engine";
import type { CellInput, Level, UnitRow } from "../engine";
import { DISTRICT_KIND, expandPrefix } from "../engine/keys";
import type { Plan } from "../engine/types";
import { isSpecialInput } from "./mapping";
import { cellRef, columnLetter } from "./a1";
import { headerTexts } from "./table";
import type { ColumnMapping, Problem, ReadResult, TableRegion, UnitSource } from "./types";

/** The level of a "Cấp" cell: the engine's words (tỉnh / huyện / xã, phường, thị xã, sở ...), as the functions read them. */
export function levelOf(x: CellInput): Level | null {
  const p = parseLevel(x);
  return p.ok ? p.value : null;
}

export const LEVEL_LABELS: Record<Level, string> = { tinh: "Tỉnh", huyen: "Huyện", xa: "Xã" };

/**
 * Totals rows are not units. Reading: a row whose unit cell says "Tổng", "Tổng cộng", "Cộng",
 * "Toàn tỉnh" or "Toàn huyện", or is a summary of the rows above ("Bình quân", "Trung bình",
 * "Tỷ lệ chung", "Tỷ lệ bình quân", "Trung bình chung", "Bình quân chung", "Bình quân toàn tỉnh"), is a
 * totals row and is left out (and said so): no unit of any plan is named so.
 */
function isTotalsRow(name: string): boolean {
  // every totals word starts with t, c or b and is short: most names need no normalising (one per row)
  if (name.length > 24 || !/^[tTcCbB]/.test(name)) return false;
  const k = normalizeKey(name).replace(/[\s:.]+$/, "");
  return /^(tong|tong cong|cong|toan tinh|toan huyen|tong so|total|binh quan|binh quan chung|binh quan toan tinh|binh quan toan huyen|trung binh|trung binh chung|ty le chung|ty le binh quan|average)$/.test(k);
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
 * and a Long Mỹ district, so a bare "Long Mỹ" matches neither and is reported). Names are compared
 * with their abbreviated prefix written out (reading unit_prefixes: "TP. Ngã Bảy" is "Thành phố Ngã
 * Bảy", "TX. Long Mỹ" is "Thị xã Long Mỹ" and never "Huyện Long Mỹ").
 */
const DISTRICT_PREFIX = DISTRICT_KIND;

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

/** A cell as text; names are compared and shown in NFC, so a name typed in NFD is the same name. */
function textOf(v: CellInput): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return dateText(v);
  if (typeof v === "object") return v.error;
  return String(v).trim().normalize("NFC");
}

const isErrorCell = (v: CellInput): v is { error: string } => typeof v === "object" && v !== null && !(v instanceof Date);

/** A count or a ratio, typed or as text: what makes a row below the table look like a unit's. */
const looksLikeFigure = (v: CellInput) => typeof v === "number" || (typeof v === "string" && /^\s*[-+]?\d[\d.,\s\u00a0]*%?\s*$/.test(v));

/** "9–10, 12" from sorted 1-based rows, for messages that list rows. */
export function rowRuns(rows: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    out.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return out.join(", ");
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
  const headers = headerTexts(grid, table);
  const problems: Problem[] = [];
  const skipped: ReadResult["skipped"] = [];
  const headerText = (col: number) => headers[col - table.firstCol] ?? "";
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
  // each unit row with its district cell's text, read once
  const unitRows: { r: number; name: string; group: string }[] = [];
  const groupOf = (r: number) => (m.group !== undefined ? textOf((grid[r] ?? [])[m.group]) : "");
  const rowBlank = (row: CellInput[]) => {
    for (let c = table.firstCol; c <= table.lastCol; c++) if (!isBlank(row[c])) return false;
    return true;
  };
  let firstDataRow = true;
  for (let r = table.headerRow + 1; r <= table.lastRow; r++) {
    const row = grid[r] ?? [];
    // the empty rows of a header merged downwards (findTable lets the data start after them)
    if (rowBlank(row)) continue;
    const first = firstDataRow;
    firstDataRow = false;
    if (first && isNumberingRow(row, table.firstCol, table.lastCol)) {
      skipped.push({ row: r + 1, why: "dòng đánh số cột" });
      continue;
    }
    const cell = m.unit !== undefined ? row[m.unit] : null;
    if (m.unit !== undefined && isErrorCell(cell)) {
      problems.push({
        sheet: opts.sheet, row: r + 1, column: columnLetter(m.unit), header: headerText(m.unit), code: "invalid_input",
        message: `Ô tên đơn vị có giá trị lỗi ${cell.error}, không đọc được tên: dòng này không được chấm.`,
      });
      continue;
    }
    const name = textOf(cell);
    // a totals row names itself in the unit column, or in the first column when its label is merged across
    const label = name || textOf(row.slice(table.firstCol, table.lastCol + 1).find((v) => !isBlank(v)) ?? null);
    if (label && isTotalsRow(label)) {
      skipped.push({ row: r + 1, why: `dòng tổng "${label}"` });
      continue;
    }
    if (!name) {
      if (m.unit !== undefined) problem(r, m.unit, undefined, "missing_input", { input: "Đơn vị" });
      continue;
    }
    unitRows.push({ r, name, group: groupOf(r) });
  }
  const below = rowsBelowGap(grid, table, m, plan);
  if (below.length) {
    skipped.push({
      row: below[0],
      why:
        `các dòng ${rowRuns(below)} có số liệu nhưng nằm dưới dòng trống ${table.lastRow + 2}, ngoài bảng, nên không được chấm; ` +
        `xóa dòng trống nếu đó là số liệu của bảng`,
    });
  }

  // a few distinct texts (levels, district names) repeat on thousands of rows: normalise each once
  const keys = new Map<string, string>();
  const normalizeKey = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = expandPrefix(normalizeKeyRaw(s))));
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
  const groupNames = new Set(unitRows.map((u) => normalizeKey(u.group)).filter(Boolean));
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
      const g = normalizeKey(u.group);
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
  // name and district → the row where that unit first appeared
  const firstRowOf = new Map<string, number>();
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
      const g = u.group.normalize("NFC");
      if (g) group = resolveGroup(g) ?? g;
    }
    // two communes may share a name in different districts: the key must still be unique
    let key = u.name;
    const exactName = exactKey(u.name);
    const nameInGroup = `${exactName}|${group === undefined ? "" : normalizeKey(group)}`;
    const twin = firstRowOf.get(nameInGroup);
    if (twin !== undefined) {
      // the same name in the same district is a row typed twice: it would count twice in the
      // district's mean and could take two places, so it is named, and the engine gives no award
      // while it remains (reading duplicate_units)
      problems.push({
        sheet: opts.sheet, row: u.r + 1, column: columnLetter(m.unit ?? table.firstCol), header: headerText(m.unit ?? table.firstCol),
        unit: u.name, code: "duplicate_unit",
        message: `Tên đơn vị trùng với dòng ${twin + 1}${group ? ` (cùng ${group})` : ""}: kiểm tra lại, có thể một dòng bị nhập hai lần; không đơn vị nào được khen thưởng khi còn dòng trùng.`,
      });
    } else firstRowOf.set(nameInGroup, u.r);
    let exact = exactName;
    if (usedKeys.has(exact) && group) {
      key = `${u.name} (${group})`;
      exact = exactKey(key);
    }
    let n = 2;
    while (usedKeys.has(exact)) {
      key = `${u.name} (${n++})`;
      exact = exactKey(key);
    }
    usedKeys.add(exact);

    const values: Record<string, CellInput> = {};
    const cells: Record<string, string> = {};
    for (const def of plan.inputs) {
      if (isSpecialInput(def.id)) continue;
      const col = m[def.id];
      if (col === undefined) continue;
      values[def.id] = row[col] ?? null;
      cells[def.id] = cellRef(u.r, col);
    }
    rows.push(key === u.name ? { key, group, level, values } : { key, name: u.name, group, level, values });
    sources.push({ key, row: u.r + 1, cells, values });
  }
  return { rows, sources, problems, skipped };
}

/**
 * Rows under the table's closing blank row that look like more of its units (a name, and a figure in
 * a column the plan reads): the table ends at its first blank row, so they are not scored, and the
 * official is told which rows they are. Notes and signatures (no figures) are not reported.
 */
function rowsBelowGap(grid: CellInput[][], table: TableRegion, m: Record<string, number>, plan: Plan): number[] {
  if (m.unit === undefined) return [];
  const figureCols = plan.inputs.filter((d) => !isSpecialInput(d.id) && m[d.id] !== undefined).map((d) => m[d.id]);
  const out: number[] = [];
  for (let r = table.lastRow + 2; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const name = textOf(row[m.unit] ?? null);
    if (!name || isTotalsRow(name)) continue;
    if (figureCols.some((c) => looksLikeFigure(row[c] ?? null))) out.push(r + 1);
  }
  return out;
}

/** A row left out of the scoring, as the command line prints it and the pane lists it ("bỏ qua dòng 9: …"). */
export function skippedRowText(s: { row: number; why: string }): string {
  return `bỏ qua dòng ${s.row}: ${s.why}`;
}
