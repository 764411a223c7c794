/**
 * Random hg-165-2023 tables for the property tests: realistic ones (districts each with communes,
 * whole counts, a ≤ b) mixed with the hostile inputs of issue 5 (blanks, text, negative and
 * fractional counts, a > b, error values, duplicate names, unknown or ambiguous districts, NFD names,
 * a missing level, a totals row).
 *
 * Ties are made likely on purpose: every clean ratio is drawn from a handful of values over a
 * handful of denominators, so equal totals (and equal tie-break ratios) come up in most tables.
 */
import fc from "fast-check";
import { normalizeKey, type CellInput, type Level, type UnitRow } from "../../src/engine";

/** A cell that a workbook can hold (no Date: Excel keeps dates as numbers; the engine tests add them). */
export type SheetCell = string | number | boolean | null | { error: string };

/** Includes the plan's thresholds (70%, 80%, 90%, 100%) and values just under them. */
export const RATIOS = [0.5, 0.69, 0.7, 0.75, 0.8, 0.89, 0.9, 0.95, 1];
export const BASES = [100, 200, 1000];

const ERRORS = ["#N/A", "#VALUE!", "#DIV/0!", "#REF!", "#NAME?", "#NUM!"];

export const errorCell: fc.Arbitrary<{ error: string }> = fc.constantFrom(...ERRORS).map((error) => ({ error }));

/** One bad or odd cell, each kind the issue names. */
export const hostileCell: fc.Arbitrary<SheetCell> = fc.oneof(
  fc.constantFrom<SheetCell>(null, "", "   "),
  fc.constantFrom("abc", "chín mươi", "N/A", "-", "không có"),
  fc.integer({ min: -1000, max: -1 }),
  fc.constantFrom(0.5, 2.5, 99.9, 1e-7),
  errorCell,
  // numbers as text with Vietnamese separators, percent signs, spaces
  fc.constantFrom("1.234", "1,5", "85%", "90,5%", "0", " 90 ", "1.000", "12 345"),
  fc.boolean(),
  fc.integer({ min: 0, max: 5000 }),
);

/** Whole counts a ≤ b with a / b from RATIOS: the common case, and ties. */
const cleanPair: fc.Arbitrary<[SheetCell, SheetCell]> = fc
  .tuple(fc.constantFrom(...RATIOS), fc.constantFrom(...BASES))
  .map(([r, b]) => [Math.round(r * b), b]);

/** a > b: a data error, flagged and capped at 100%. */
const overPair: fc.Arbitrary<[SheetCell, SheetCell]> = fc
  .tuple(fc.constantFrom(...BASES), fc.integer({ min: 1, max: 50 }))
  .map(([b, k]) => [b + k, b]);

/** Any counts at all, zero denominators included. */
const anyPair: fc.Arbitrary<[SheetCell, SheetCell]> = fc.tuple(fc.integer({ min: 0, max: 1200 }), fc.constantFrom(0, 1, 7, 100, 1000));

const badPair: fc.Arbitrary<[SheetCell, SheetCell]> = fc.oneof(
  fc.tuple(hostileCell, fc.constantFrom(...BASES)),
  fc.tuple(fc.integer({ min: 0, max: 100 }), hostileCell),
  fc.tuple(hostileCell, hostileCell),
);

/** A ratio's two cells; `bad` of every 20 pairs (about) hold a bad or odd cell. */
export function pair(bad = 2): fc.Arbitrary<[SheetCell, SheetCell]> {
  return fc.oneof(
    { arbitrary: cleanPair, weight: 14 },
    { arbitrary: overPair, weight: 2 },
    { arbitrary: anyPair, weight: 2 },
    { arbitrary: badPair, weight: bad },
  );
}

/** Distinct filing accounts: blank, a share of the online dossiers (few shares, so tie-breaks tie too), or bad. */
function accountsFor(a: SheetCell): fc.Arbitrary<SheetCell> {
  const n = typeof a === "number" && Number.isInteger(a) && a >= 0 ? a : 100;
  return fc.oneof(
    { arbitrary: fc.constantFrom(0.2, 0.5, 1).map((s) => Math.round(s * n)), weight: 6 },
    { arbitrary: fc.constant<SheetCell>(null), weight: 2 },
    { arbitrary: hostileCell, weight: 1 },
  );
}

export const DISTRICT_POOL = [
  "Huyện Châu Thành",
  "Huyện Châu Thành A",
  "Huyện Phụng Hiệp",
  "Thành phố Ngã Bảy",
  "Huyện Long Mỹ",
  "Thị xã Long Mỹ",
  "Huyện Vị Thủy",
];

const COMMUNE_POOL = [
  "Xã Đông Phước",
  "Xã Hòa An",
  "Phường Lái Hiếu",
  "Thị trấn Ngã Sáu",
  "Xã Tân Hòa",
  "Xã Phương Bình",
  "Xã Vĩnh Viễn",
  "Phường 1",
  "Xã Long Bình",
];

/** Names an official might type, and a few that Excel or the reader could misread. */
const ODD_NAMES = ["123", "=1+1", "-Xã Âm", "TRUE", "Xã  Hai  Khoảng", "'Xã Nháy", "Tổng cộng", ""];

/** The same name in NFD (decomposed diacritics): looks the same, differs byte for byte. */
export const nfd = (s: string) => s.normalize("NFD");

export interface GenUnit {
  name: string;
  level: "huyen" | "xa";
  /** the "Huyện" cell: blank for a district row, the district's name (in some spelling) for a commune */
  district: SheetCell;
  /** the "Cấp" cell, when the table has a level column */
  levelText: SheetCell;
  online: SheetCell;
  all: SheetCell;
  eid: SheetCell;
  cccd: SheetCell;
  accounts: SheetCell;
}

export interface GenTable {
  units: GenUnit[];
  levelColumn: boolean;
  accountsColumn: boolean;
  sttColumn: boolean;
  /** order of the data columns (a permutation of COLUMN_IDS) */
  order: number[];
  title: boolean;
}

/** Spellings of a district in a commune's "Huyện" cell: exact, bare, other case, NFD, unknown, blank. */
function districtRef(districts: string[]): fc.Arbitrary<SheetCell> {
  const known = districts.length ? districts : ["Huyện Châu Thành"];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 12 },
    { arbitrary: fc.constantFrom(...known).map((d) => d.replace(/^(Huyện|Thị xã|Thành phố)\s+/, "")), weight: 2 },
    { arbitrary: fc.constantFrom(...known).map((d) => d.toUpperCase()), weight: 1 },
    { arbitrary: fc.constantFrom(...known).map(nfd), weight: 1 },
    { arbitrary: fc.constantFrom<SheetCell>("Huyện Không Có", "Long Mỹ"), weight: 1 },
    { arbitrary: fc.constantFrom<SheetCell>(null, "  "), weight: 1 },
  );
}

const levelText = (level: "huyen" | "xa"): fc.Arbitrary<SheetCell> =>
  fc.oneof(
    { arbitrary: fc.constantFrom<SheetCell>(...(level === "huyen" ? ["Huyện", "Thành phố", "Thị xã", "huyen"] : ["Xã", "Phường", "Thị trấn", "xa"])), weight: 10 },
    { arbitrary: fc.constantFrom<SheetCell>(null, "abc", 3), weight: 1 },
  );

function unitArb(name: fc.Arbitrary<string>, level: "huyen" | "xa", district: fc.Arbitrary<SheetCell>, bad: number): fc.Arbitrary<GenUnit> {
  return fc
    .record({ name, district, levelText: levelText(level), online: pair(bad), eid: pair(bad) })
    .chain((u) =>
      accountsFor(u.online[0]).map(
        (accounts): GenUnit => ({
          name: u.name,
          level,
          district: u.district,
          levelText: u.levelText,
          online: u.online[0],
          all: u.online[1],
          eid: u.eid[0],
          cccd: u.eid[1],
          accounts,
        }),
      ),
    );
}

const communeName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...COMMUNE_POOL), weight: 10 },
  { arbitrary: fc.constantFrom(...COMMUNE_POOL).map(nfd), weight: 1 },
  { arbitrary: fc.constantFrom(...ODD_NAMES), weight: 1 },
);

/**
 * A table: 0–4 districts (a duplicate now and then) and 0–24 communes, in a random row order, with
 * or without the level, accounts and STT columns, columns in any order. `bad`: see pair().
 */
export function genTable(opts: { maxCommunes?: number; maxDistricts?: number; bad?: number } = {}): fc.Arbitrary<GenTable> {
  const maxCommunes = opts.maxCommunes ?? 24;
  const bad = opts.bad ?? 2;
  return fc
    .record({
      districts: fc.uniqueArray(fc.constantFrom(...DISTRICT_POOL), { maxLength: opts.maxDistricts ?? 4 }),
      duplicateDistrict: fc.boolean(),
    })
    .chain(({ districts, duplicateDistrict }) => {
      const names = duplicateDistrict && districts.length ? [...districts, districts[0]] : districts;
      const ds = fc.tuple(...names.map((n) => unitArb(fc.constant(n), "huyen", fc.constantFrom<SheetCell>(null, null, null, n), bad)));
      const cs = fc.array(unitArb(communeName, "xa", districtRef(districts), bad), { maxLength: maxCommunes });
      return fc.record({
        units: fc.tuple(ds, cs).chain(([d, c]) => fc.shuffledSubarray([...d, ...c], { minLength: d.length + c.length })),
        levelColumn: fc.boolean(),
        accountsColumn: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
        sttColumn: fc.boolean(),
        order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7 }),
        title: fc.boolean(),
      });
    });
}

// ---------- the table as a grid, as an official lays it out ----------

export const HEADERS = {
  stt: "STT",
  unit: "Đơn vị",
  level: "Cấp",
  group: "Huyện",
  online: "Số hồ sơ trực tuyến",
  all: "Tổng số hồ sơ phát sinh",
  eid: "Số tài khoản định danh mức 2 đã kích hoạt",
  cccd: "Số người có CCCD",
  accounts: "Số tài khoản nộp hồ sơ",
};

type Col = { header: string; cell: (u: GenUnit, i: number) => SheetCell };

const DATA_COLS: Col[] = [
  { header: HEADERS.unit, cell: (u) => u.name },
  { header: HEADERS.group, cell: (u) => u.district },
  { header: HEADERS.online, cell: (u) => u.online },
  { header: HEADERS.all, cell: (u) => u.all },
  { header: HEADERS.eid, cell: (u) => u.eid },
  { header: HEADERS.cccd, cell: (u) => u.cccd },
  { header: HEADERS.level, cell: (u) => u.levelText },
];

export function columnsOf(t: GenTable): Col[] {
  const cols: Col[] = [];
  if (t.sttColumn) cols.push({ header: HEADERS.stt, cell: (_u, i) => i + 1 });
  for (const k of t.order) {
    const c = DATA_COLS[k];
    if (c.header === HEADERS.level && !t.levelColumn) continue;
    cols.push(c);
  }
  if (t.accountsColumn) cols.push({ header: HEADERS.accounts, cell: (u) => u.accounts });
  return cols;
}

/** Title line and a blank line (when `title`), the header row, one row per unit; nothing to the left or above. */
export function tableRows(t: GenTable): SheetCell[][] {
  const cols = columnsOf(t);
  const rows: SheetCell[][] = [];
  if (t.title) {
    rows.push(["Số liệu phong trào “Người dân Hậu Giang nộp dịch vụ công trực tuyến” (số liệu thử)", ...cols.slice(1).map(() => null)]);
    rows.push(cols.map(() => null));
  }
  rows.push(cols.map((c) => c.header));
  t.units.forEach((u, i) => rows.push(cols.map((c) => c.cell(u, i))));
  return rows;
}

/** The rows placed at (r0, c0) of an otherwise empty sheet, as the readers hand grids over (ragged, 0-based). */
export function placeAt(rows: SheetCell[][], r0: number, c0: number): CellInput[][] {
  const grid: CellInput[][] = [];
  for (let r = 0; r < r0; r++) grid.push([]);
  for (const row of rows) grid.push([...new Array(c0).fill(null), ...row]);
  return grid;
}

// ---------- rows for the engine directly ----------

/** Values the workbook readers never hand over but the engine must survive (custom functions pass anything). */
export const exoticCell: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constantFrom<CellInput>(undefined, NaN, Infinity, -Infinity, -0, 1e20, Number.MAX_SAFE_INTEGER, "１２", "\u00a01.234", "1e999", "%", "90%%"),
  // an Invalid Date too: exceljs reads a date-formatted cell holding 1e20 as one
  fc.date({ min: new Date(1899, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: false }),
  fc.constantFrom<CellInput>({ error: "" }, { error: "#GETTING_DATA" }),
);

/** The rows readUnits would make of a GenTable (names as keys, districts as their own group). */
export function unitRowsOf(t: GenTable): UnitRow[] {
  return t.units.map((u) => {
    const group = u.level === "huyen" ? u.name : typeof u.district === "string" && u.district.trim() ? u.district : undefined;
    const values: Record<string, CellInput> = {
      online_dossiers: u.online, all_dossiers: u.all, eid_activated: u.eid, citizens_with_cccd: u.cccd,
    };
    if (t.accountsColumn) values.filing_accounts = u.accounts;
    return { key: u.name, group, level: u.level, values };
  });
}

/**
 * Engine rows straight from a GenTable, then roughened: exotic values dropped into some cells, a
 * unit at a level the plan does not have, inputs missing from `values` altogether.
 */
export const engineRows: fc.Arbitrary<UnitRow[]> = genTable().chain((t) => {
  // each unit once: a unit on two rows holds back every award of the table (reading
  // duplicate_units), so quotas and tie cut-offs would never be reached; duplicates have their own
  // property (engineRowsWithDuplicate)
  const rows = unitRowsOf(t);
  return fc
    .array(
      fc.record({
        at: fc.nat(),
        field: fc.constantFrom("online_dossiers", "all_dossiers", "eid_activated", "citizens_with_cccd", "filing_accounts", "__level", "__drop"),
        value: exoticCell,
        level: fc.constantFrom<Level>("tinh", "huyen", "xa"),
      }),
      { maxLength: rows.length ? 3 : 0 },
    )
    .map((edits) => {
      const out = rows.map((r) => ({ ...r, values: { ...r.values } }));
      for (const e of edits) {
        const r = out[e.at % out.length];
        if (e.field === "__level") r.level = e.level;
        else if (e.field === "__drop") delete r.values.all_dossiers;
        else r.values[e.field] = e.value;
      }
      return onceEach(out);
    });
});

/** The rows without a second row of the same unit, as the engine tells them (level, name, district). */
function onceEach(rows: UnitRow[]): UnitRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.level}|${r.key.normalize("NFC").trim().toLowerCase()}|${r.group === undefined ? "" : normalizeKey(r.group)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Engine rows with one unit's row repeated (a row typed twice). */
export const engineRowsWithDuplicate: fc.Arbitrary<UnitRow[]> = engineRows
  .filter((rows) => rows.length > 0)
  .chain((rows) => fc.nat({ max: rows.length - 1 }).map((i) => [...rows, { ...rows[i], values: { ...rows[i].values } }]));

/** fast-check's settings for this folder; FC_SEED / FC_RUNS_SCALE reproduce a run or search longer. */
export function runs(n: number): fc.Parameters<unknown> {
  const scale = Number(process.env.FC_RUNS_SCALE ?? "1");
  const p: fc.Parameters<unknown> = { numRuns: Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1))) };
  if (process.env.FC_SEED) p.seed = Number(process.env.FC_SEED);
  return p;
}
