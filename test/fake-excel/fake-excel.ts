/**
 * A small, honest fake of the part of the Office.js Excel object model that src/excel-io uses.
 *
 * Shared by the Jest tests (imported) and the browser test (transpiled to a plain script by
 * test/e2e/taskpane-stub.ts), so this file has no imports.
 *
 * What it keeps from the real batching model:
 * - nothing happens when a method is called or a property set: the command is queued and runs at
 *   `context.sync()`, in order;
 * - a property can be read only after `load()` and `sync()`; before, reading throws PropertyNotLoaded;
 * - object lookups (getItem, getSelectedRange, ...) bind when their command runs, so a sheet deleted
 *   and re-added in the same batch is a new sheet;
 * - a failing command rejects the sync and drops the rest of the batch, but commands that ran before
 *   it stay applied (Office.js batches are not transactions);
 * - writing `values` parses text as Excel does (a leading "'" keeps text, "=" makes a formula,
 *   a numeric string becomes a number), and the 2-D array must match the range's size.
 * Every `sync()` (and the flush that `Excel.run` does for commands left unsynced) is counted, with the
 * bytes it would carry (see `SyncRecord`); a workbook can be given Excel on the web's 5 MB limits, and
 * then a sync over them is refused as the host refuses it.
 * Formulas are stored, never evaluated. A formula cell reads back in `values` as the value cached with
 * it, as Excel returns a formula's last result: a test gives that value ({ f, v } to setValues, or a
 * FakeCell with both); a formula the add-in writes has none (the fake does not compute it) and reads
 * back as "" until a test sets one. `formulas` gives the formula. A formula that names a sheet that
 * does not exist is refused (Excel could only turn it into #REF! or an external link), and renaming a
 * sheet rewrites the formulas that name it, as Excel does.
 * The current region (getSurroundingRegion) takes a merged area as filled when its top-left cell is,
 * and never cuts a merged area, as Excel's Ctrl+* does.
 * `values`, `formulas` and `numberFormat` take a 2-D array of the range's size, or one value for every
 * cell ("Update all cells in a range", https://learn.microsoft.com/office/dev/add-ins/excel/performance#update-all-cells-in-a-range:
 * "specify a single value instead of an array of values"); an array of another size is refused.
 * Formats other than bold and column widths (wrap, alignment, italic) and the rows' autofit are
 * recorded per range, in the order they ran. `worksheet.pageLayout` (ExcelApi 1.9) records what
 * was set, with Excel's checks of the values (an orientation or paper size Excel does not know, margins
 * in an unknown unit, print title "rows" that are not whole rows).
 */

export type FakeScalar = string | number | boolean;
export interface FakeCell {
  v: FakeScalar;
  f?: string;
  err?: boolean;
  nf?: string;
}
export interface FakeConditionalFormat {
  sheet: string;
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  font?: string;
  priority?: number;
}
export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  name?: string;
  title?: string;
  position?: [string, string | undefined];
  seriesFill: Record<number, string>;
  seriesNames: Record<number, string>;
  axisReversed?: boolean;
}
export interface FakeSheet {
  id: string;
  name: string;
  visibility: string;
  cells: Map<string, FakeCell>;
  columnWidths: Map<number, number>;
  boldRanges: string[];
  merges: string[];
  frozenRows: number;
  charts: FakeChart[];
  /** format properties set on ranges besides bold and widths: [address, property, value], in order */
  rangeFormats: [string, string, unknown][];
  /** ranges whose rows Excel was asked to fit to their contents */
  autofitRows: string[];
  pageLayout: FakePageLayout;
  /** threaded comments (`worksheet.comments`) and notes (`worksheet.notes`) by cell ("r,c"): their text */
  comments: Map<string, string>;
  notes: Map<string, string>;
}
/** What was set through `worksheet.pageLayout`; margins in points, as Excel keeps them. */
export interface FakePageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins?: { left?: number; right?: number; top?: number; bottom?: number; header?: number; footer?: number };
  /** absolute address on the sheet, e.g. "$A$1:$W$95" */
  printArea?: string;
  /** whole rows, e.g. "$4:$4" */
  printTitleRows?: string;
}
export interface FakeName {
  name: string;
  sheetId: string | null;
  address: string;
  comment?: string;
}
export interface FakeTable {
  name: string;
  sheetId: string;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/**
 * What one round trip carries. An approximation of Office.js's wire format, not a copy of it:
 * requestBytes is the UTF-8 length of the JSON of every queued command as [name, object path, ...arguments]
 * (the 2-D values/formulas/numberFormat arrays, addresses, names, formulas) plus COMMAND_OVERHEAD_BYTES
 * per command for the action ids and object-path bookkeeping the real request adds; responseBytes is the
 * UTF-8 length of the JSON of every property loaded in the batch ({"values": [[...]]} and so on).
 */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** the RichApi error code when the sync was refused or a command failed */
  error?: string;
}
/** Per command, for what the real request adds around the arguments (action id, type, object path ids). */
export const COMMAND_OVERHEAD_BYTES = 64;
/** Excel on the web's limit on a request and on a response: "5MB" (read here as 5 MiB). */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** UTF-8 length of a string, without encoding it (a surrogate pair is 2 + 2 = 4 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}
/** UTF-8 length of a value's JSON, as the fake measures a payload. */
export function fakeJsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "null");
}

export class FakeExcelError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = "RichApi.Error";
  }
}

// ---------- A1 helpers (kept here so that the fake has no dependency on the code it tests) ----------

export function colLetters(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
interface Box {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}
function parseAddress(a: string): { sheet: string | null; box: Box } {
  let sheet: string | null = null;
  let ref = a.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    ref = ref.slice(bang + 1);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const parts = ref.replace(/\$/g, "").split(":");
  const cell = (p: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(p);
    if (!m) throw new FakeExcelError("InvalidArgument", `Bad address: ${a}`);
    return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
  };
  const p0 = cell(parts[0]);
  const p1 = parts.length > 1 ? cell(parts[1]) : p0;
  return {
    sheet,
    box: {
      r0: Math.min(p0.r, p1.r),
      c0: Math.min(p0.c, p1.c),
      rows: Math.abs(p1.r - p0.r) + 1,
      cols: Math.abs(p1.c - p0.c) + 1,
    },
  };
}
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
}
function boxAddress(b: Box, absolute = false): string {
  const d = absolute ? "$" : "";
  const tl = d + colLetters(b.c0) + d + (b.r0 + 1);
  if (b.rows === 1 && b.cols === 1) return tl;
  return tl + ":" + d + colLetters(b.c0 + b.cols - 1) + d + (b.r0 + b.rows);
}
const key = (r: number, c: number) => r + "," + c;
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** The fake stores cells one by one: a whole-column format would be a million of them. */
const MAX_BROADCAST_CELLS = 5_000_000;

/**
 * Calls `fn` on every sheet name a formula refers to ('Quoted name'!A1 or Bare!A1; text in "..." is
 * skipped) and puts back what it returns.
 */
function mapSheetRefs(f: string, fn: (sheet: string) => string): string {
  if (!f.includes("!")) return f;
  // split on '"': the even pieces are outside text literals (a doubled "" keeps the parity)
  return f
    .split('"')
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(/'((?:[^']|'')+)'!|(^|[^A-Za-z0-9_.'#])([A-Za-z_][A-Za-z0-9_.]*)!/g, (_m, quoted, pre, bare) =>
            quoted !== undefined ? quoteSheet(fn(quoted.replace(/''/g, "'"))) + "!" : pre + quoteSheet(fn(bare)) + "!",
          ),
    )
    .join('"');
}

// ---------- The workbook state ----------

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  tables: FakeTable[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; box: Box } | null = null;
  syncCount = 0;
  /** one record per sync of every context on this workbook, in order */
  syncLog: SyncRecord[] = [];
  /** set to EXCEL_WEB_PAYLOAD_LIMIT to refuse, as Excel on the web does, a request over it (nothing runs) */
  requestLimitBytes?: number;
  /** set to refuse a response over it (RichApi "ResponsePayloadSizeLimitExceeded"; the commands have run) */
  responseLimitBytes?: number;
  /**
   * Test hook: called with the 1-based number of each sync of the workbook; an error code returned makes
   * that sync fail after `afterCommands` of its commands have run (default: half of them), as when Excel
   * rejects a command in the middle of a batch.
   */
  failSync?: (n: number) => { code: string; afterCommands?: number } | undefined;
  private nextId = 1;

  addSheet(name: string): FakeSheet {
    validateSheetName(name);
    if (this.sheetByName(name)) throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    const s: FakeSheet = {
      id: `{00000000-0001-0000-${String(this.nextId++).padStart(4, "0")}-000000000000}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      columnWidths: new Map(),
      boldRanges: [],
      merges: [],
      frozenRows: 0,
      charts: [],
      rangeFormats: [],
      autofitRows: [],
      pageLayout: {},
      comments: new Map(),
      notes: new Map(),
    };
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }
  sheetByName(name: string): FakeSheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }
  sheetById(id: string | null): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }
  deleteSheet(s: FakeSheet): void {
    if (this.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
      throw new FakeExcelError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    this.sheets = this.sheets.filter((x) => x !== s);
    this.conditionalFormats = this.conditionalFormats.filter((cf) => cf.sheet !== s.id);
    this.tables = this.tables.filter((t) => t.sheetId !== s.id);
    // names that referred to the sheet survive as #REF!, as in Excel
    for (const n of this.names) if (n.sheetId === s.id) n.sheetId = null;
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets[0]?.id ?? null;
    if (this.selection?.sheetId === s.id) this.selection = null;
  }

  /**
   * Test helper: put a 2-D block of values at a top-left cell (an {error} object makes an error cell;
   * { f, v } a formula cell whose last computed value is v, itself a scalar or an {error}).
   */
  setValues(
    sheetName: string,
    topLeft: string,
    rows: (FakeScalar | null | { error: string } | { f: string; v: FakeScalar | { error: string } })[][],
  ): void {
    const s = this.sheetByName(sheetName) ?? this.addSheet(sheetName);
    const { box } = parseAddress(topLeft);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const k = key(box.r0 + i, box.c0 + j);
        if (v === null || v === "") s.cells.delete(k);
        else if (typeof v === "object" && "f" in v) {
          const f = v.f.startsWith("=") ? v.f : "=" + v.f;
          s.cells.set(k, typeof v.v === "object" ? { v: v.v.error, f, err: true } : { v: v.v, f });
        } else if (typeof v === "object") s.cells.set(k, { v: v.error, err: true });
        else s.cells.set(k, { v });
      }),
    );
  }
  /** Test helper: a threaded comment (or, with kind "note", a note) on a cell. */
  addComment(sheetName: string, address: string, text: string, kind: "comments" | "notes" = "comments"): void {
    const s = this.sheetByName(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    const { box } = parseAddress(address);
    s[kind].set(key(box.r0, box.c0), text);
  }
  /** Test helper: the values of a block, as `Range.values` would read them. */
  getValues(sheetName: string, address?: string): FakeScalar[][] {
    const s = this.sheetByName(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    const box = address ? parseAddress(address).box : usedBox(s);
    if (!box) return [];
    return readGrid(s, box, "values");
  }
  getFormulas(sheetName: string, address: string): FakeScalar[][] {
    const s = this.sheetByName(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    return readGrid(s, parseAddress(address).box, "formulas");
  }
  cell(sheetName: string, address: string): FakeCell | undefined {
    const s = this.sheetByName(sheetName);
    const { box } = parseAddress(address);
    return s?.cells.get(key(box.r0, box.c0));
  }
  addTable(name: string, sheetName: string, address: string): void {
    const s = this.sheetByName(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    const { box } = parseAddress(address);
    this.tables.push({ name, sheetId: s.id, ...box });
  }
  select(sheetName: string, address: string): void {
    const s = this.sheetByName(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    this.selection = { sheetId: s.id, box: parseAddress(address).box };
    this.activeSheetId = s.id;
  }
  /** Excel rewrites every formula that names a renamed sheet. */
  renameReferences(from: string, to: string): void {
    const rw = (f: string) => mapSheetRefs(f, (s) => (s.toLowerCase() === from.toLowerCase() ? to : s));
    for (const s of this.sheets) for (const c of s.cells.values()) if (c.f) c.f = rw(c.f);
    for (const cf of this.conditionalFormats) if (cf.formula) cf.formula = rw(cf.formula);
    for (const s of this.sheets) for (const ch of s.charts) ch.source = rw("=" + ch.source).slice(1);
  }
  nameFormula(n: FakeName): string {
    const s = this.sheetById(n.sheetId);
    return s ? `=${quoteSheet(s.name)}!${n.address}` : `=#REF!${n.address}`;
  }
  /** A deep copy of every sheet's cells, for "nothing changed" assertions. */
  snapshot(): Record<string, Record<string, FakeCell>> {
    const out: Record<string, Record<string, FakeCell>> = {};
    for (const s of this.sheets) {
      const cells: Record<string, FakeCell> = {};
      for (const [k, c] of s.cells) cells[k] = { ...c };
      out[s.name] = cells;
    }
    return out;
  }
}

function validateSheetName(name: string): void {
  if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name))
    throw new FakeExcelError("InvalidArgument", `Invalid sheet name: ${name}`);
}

function isEmpty(c: FakeCell | undefined): boolean {
  return !c || (c.v === "" && !c.f);
}
function usedBox(s: FakeSheet): Box | null {
  let r0 = Infinity,
    c0 = Infinity,
    r1 = -1,
    c1 = -1;
  for (const [k, c] of s.cells) {
    if (isEmpty(c)) continue;
    const [r, col] = k.split(",").map(Number);
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, col);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, col);
  }
  return r1 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}
function currentRegion(s: FakeSheet, b: Box): Box {
  let { r0, c0 } = b;
  let r1 = b.r0 + b.rows - 1,
    c1 = b.c0 + b.cols - 1;
  const merges = s.merges.map((m) => parseAddress(m).box);
  // a cell of a merged area shows its top-left cell's value: filled when that one is
  const filledMerge = merges.filter((m) => !isEmpty(s.cells.get(key(m.r0, m.c0))));
  const filled = (r: number, c: number) =>
    !isEmpty(s.cells.get(key(r, c))) || filledMerge.some((m) => r >= m.r0 && r < m.r0 + m.rows && c >= m.c0 && c < m.c0 + m.cols);
  const any = (ra: number, rb: number, ca: number, cb: number) => {
    for (let r = Math.max(0, ra); r <= rb; r++) for (let c = Math.max(0, ca); c <= cb; c++) if (filled(r, c)) return true;
    return false;
  };
  // grow greedily side by side until no filled cell touches the block (diagonals included)
  for (let changed = true; changed; ) {
    changed = false;
    while (r0 > 0 && any(r0 - 1, r0 - 1, c0 - 1, c1 + 1)) (r0--, (changed = true));
    while (any(r1 + 1, r1 + 1, c0 - 1, c1 + 1)) (r1++, (changed = true));
    while (c0 > 0 && any(r0, r1, c0 - 1, c0 - 1)) (c0--, (changed = true));
    while (any(r0, r1, c1 + 1, c1 + 1)) (c1++, (changed = true));
    // the region never cuts a merged area: it takes the whole of one it touches
    for (const m of merges) {
      const mr1 = m.r0 + m.rows - 1;
      const mc1 = m.c0 + m.cols - 1;
      if (m.r0 > r1 || mr1 < r0 || m.c0 > c1 || mc1 < c0) continue;
      if (m.r0 < r0 || mr1 > r1 || m.c0 < c0 || mc1 > c1) {
        (r0 = Math.min(r0, m.r0)), (r1 = Math.max(r1, mr1)), (c0 = Math.min(c0, m.c0)), (c1 = Math.max(c1, mc1));
        changed = true;
      }
    }
  }
  return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}
function readGrid(s: FakeSheet, b: Box, what: "values" | "formulas" | "numberFormat" | "valueTypes"): any[][] {
  const out: any[][] = [];
  for (let i = 0; i < b.rows; i++) {
    const row: any[] = [];
    for (let j = 0; j < b.cols; j++) {
      const c = s.cells.get(key(b.r0 + i, b.c0 + j));
      if (what === "numberFormat") row.push(c?.nf ?? "General");
      else if (what === "formulas") row.push(c?.f ?? c?.v ?? "");
      else if (what === "valueTypes")
        row.push(
          !c || (c.v === "" && !c.f)
            ? "Empty"
            : c.err
              ? "Error"
              : typeof c.v === "number"
                ? "Double"
                : typeof c.v === "boolean"
                  ? "Boolean"
                  : "String",
        );
      else row.push(c ? c.v : "");
    }
    out.push(row);
  }
  return out;
}
/** Excel's parsing of a typed/written value. */
function parseInput(v: unknown, wb: FakeWorkbook): FakeCell | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return { v };
  if (typeof v !== "string") throw new FakeExcelError("InvalidArgument", `Unsupported cell value ${String(v)}`);
  if (v.startsWith("'")) return { v: v.slice(1) };
  if (v.startsWith("=")) {
    // Excel could only make such a reference #REF! or a link to another file: refused, so a test sees it
    mapSheetRefs(v, (s) => {
      if (!wb.sheetByName(s)) throw new FakeExcelError("InvalidArgument", `The formula ${v} refers to a sheet that does not exist: ${s}.`);
      return s;
    });
    return { v: "", f: v };
  }
  const t = v.trim();
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return { v: Number(t) };
  if (/^[-+]?\d+(\.\d+)?%$/.test(t)) return { v: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === "true" };
  return { v };
}
function checkShape(b: Box, v: unknown, what: string): any[][] {
  // one value for every cell of the range (see the header comment)
  if (!Array.isArray(v) && (typeof v === "string" || typeof v === "number" || typeof v === "boolean")) {
    if (b.rows * b.cols > MAX_BROADCAST_CELLS)
      throw new FakeExcelError("InvalidArgument", `fake: one ${what} over ${b.rows}×${b.cols} cells is more than it models.`);
    return Array.from({ length: b.rows }, () => new Array(b.cols).fill(v));
  }
  if (!Array.isArray(v) || v.length !== b.rows || v.some((r) => !Array.isArray(r) || r.length !== b.cols))
    throw new FakeExcelError(
      "InvalidArgument",
      `The ${what} array does not match the range size ${b.rows}×${b.cols}.`,
    );
  return v as any[][];
}

// ---------- The request context and proxies ----------

type Op = () => void;
interface Queued {
  op: Op;
  cmd: unknown[];
}
const NOT_LOADED = (p: string) =>
  new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export class FakeRequestContext {
  wb: FakeWorkbook;
  queue: Queued[] = [];
  syncCount = 0;
  syncLog: SyncRecord[] = [];
  workbook: FakeWorkbookProxy;
  private responseBytes = 0;
  constructor(wb: FakeWorkbook) {
    this.wb = wb;
    this.workbook = new FakeWorkbookProxy(this);
  }
  /** Queues a command; `cmd` is what the request would carry for it: [name, object path, ...arguments]. */
  q(op: Op, cmd: unknown[]): void {
    this.queue.push({ op, cmd });
  }
  /** A loaded property on its way back: counted into the response of the running sync. */
  respond(prop: string, value: unknown): void {
    this.responseBytes += fakeJsonBytes({ [prop]: value });
  }
  async sync(): Promise<void> {
    this.syncCount++;
    this.wb.syncCount++;
    const batch = this.queue;
    this.queue = [];
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0 };
    for (const { cmd } of batch) record.requestBytes += fakeJsonBytes(cmd) + COMMAND_OVERHEAD_BYTES;
    this.syncLog.push(record);
    this.wb.syncLog.push(record);
    const failure = this.wb.failSync?.(this.wb.syncCount);
    // the round trip is asynchronous in a real host
    await Promise.resolve();
    const limit = this.wb.requestLimitBytes;
    if (limit !== undefined && record.requestBytes > limit) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw new FakeExcelError(record.error, `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`);
    }
    this.responseBytes = 0;
    try {
      const stop = failure ? Math.min(batch.length, failure.afterCommands ?? Math.floor(batch.length / 2)) : batch.length;
      for (let i = 0; i < stop; i++) batch[i].op();
      if (failure) throw new FakeExcelError(failure.code, `fake: sync ${this.wb.syncCount} fails at command ${stop}`);
    } catch (e) {
      record.error = (e as FakeExcelError).code ?? "GeneralException";
      throw e;
    } finally {
      record.responseBytes = this.responseBytes;
    }
    const rlimit = this.wb.responseLimitBytes;
    if (rlimit !== undefined && record.responseBytes > rlimit) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      throw new FakeExcelError(record.error, `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`);
    }
  }
}

abstract class Proxy {
  protected ctx: FakeRequestContext;
  protected loaded: Record<string, unknown> = {};
  /** how the request names this object (for the byte count): e.g. ["getRange", "A1:B2"] */
  path: unknown[];
  constructor(ctx: FakeRequestContext, path: unknown[] = []) {
    this.ctx = ctx;
    this.path = path;
  }
  protected get_(p: string): any {
    if (!(p in this.loaded)) throw NOT_LOADED(p);
    return this.loaded[p];
  }
  protected abstract snapshot(p: string): unknown;
  load(props?: string | string[] | Record<string, unknown>): this {
    const list =
      typeof props === "string"
        ? props.split(",").map((x) => x.trim())
        : Array.isArray(props)
          ? props
          : props && typeof props === "object"
            ? Object.keys(props)
            : [];
    this.ctx.q(() => this.fill(list.filter(Boolean)), ["load", this.path, list]);
    return this;
  }
  /** the properties as they are now, counted into the response */
  fill(list: string[]): void {
    for (const p of list) {
      const v = this.snapshot(p);
      this.loaded[p] = v;
      this.ctx.respond(p, v);
    }
  }
}

/**
 * A collection proxy as in Office.js: `items` is readable only after load() and a sync, and each item
 * carries the properties named in the load ("items/name" or "name").
 */
abstract class FakeCollection<T extends { fill(list: string[]): void }> extends Proxy {
  private items_: T[] | null = null;
  protected snapshot(): unknown {
    return undefined;
  }
  get items(): T[] {
    if (!this.items_) throw NOT_LOADED("items");
    return this.items_;
  }
  /** proxies for the items as they are when the queued load runs */
  protected abstract current(): T[];
  override load(props?: string | string[] | Record<string, unknown>): this {
    const list = (typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : ["items/name"])
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this.ctx.q(() => {
      this.items_ = this.current();
      for (const item of this.items_) item.fill(list);
    }, ["load", this.path, list]);
    return this;
  }
}

export class FakeWorkbookProxy {
  private ctx: FakeRequestContext;
  worksheets: FakeWorksheetCollection;
  names: FakeNameCollection;
  tables: FakeTableCollection;
  constructor(ctx: FakeRequestContext) {
    this.ctx = ctx;
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNameCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
  }
  getSelectedRange(): FakeRange {
    let bound: { s: FakeSheet; b: Box } | null = null;
    this.ctx.q(() => {
      const sel = this.ctx.wb.selection;
      const s = sel && this.ctx.wb.sheetById(sel.sheetId);
      if (!sel || !s) throw new FakeExcelError("InvalidSelection", "Nothing is selected.");
      bound = { s, b: { ...sel.box } };
    }, ["getSelectedRange"]);
    return new FakeRange(this.ctx, () => {
      if (!bound) throw new Error("fake: selection not bound");
      return bound;
    }, ["getSelectedRange"]);
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected current(): FakeWorksheet[] {
    return this.ctx.wb.sheets.map((x) => new FakeWorksheet(this.ctx, () => x));
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.ctx.q(() => {
      created = this.ctx.wb.addSheet(name);
    }, ["worksheets.add", name]);
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new Error("fake: sheet not created");
      return created;
    }, ["worksheets.add", name]);
  }
  getItem(name: string): FakeWorksheet {
    let bound: FakeSheet | null = null;
    this.ctx.q(() => {
      const s = this.ctx.wb.sheetByName(name);
      if (!s) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: sheet ${name}.`);
      bound = s;
    }, ["worksheets.getItem", name]);
    return new FakeWorksheet(this.ctx, () => bound!, ["worksheets.getItem", name]);
  }
  getActiveWorksheet(): FakeWorksheet {
    let bound: FakeSheet | null = null;
    this.ctx.q(() => {
      bound = this.ctx.wb.sheetById(this.ctx.wb.activeSheetId) ?? null;
    }, ["getActiveWorksheet"]);
    return new FakeWorksheet(this.ctx, () => bound!, ["getActiveWorksheet"]);
  }
}

export class FakeWorksheet extends Proxy {
  private resolve: () => FakeSheet;
  charts: FakeChartCollection;
  freezePanes: { freezeRows: (n: number) => void };
  pageLayout: FakePageLayoutProxy;
  /** ExcelApi 1.10 and 1.18 */
  comments: FakeCellNoteCollection;
  notes: FakeCellNoteCollection;
  constructor(ctx: FakeRequestContext, resolve: () => FakeSheet, path: unknown[] = []) {
    super(ctx, path);
    this.resolve = resolve;
    this.comments = new FakeCellNoteCollection(ctx, resolve, "comments", [path, "comments"]);
    this.notes = new FakeCellNoteCollection(ctx, resolve, "notes", [path, "notes"]);
    this.charts = new FakeChartCollection(ctx, resolve, path);
    this.pageLayout = new FakePageLayoutProxy(ctx, resolve, [path, "pageLayout"]);
    this.freezePanes = {
      freezeRows: (n: number) =>
        ctx.q(() => {
          resolve().frozenRows = n;
        }, ["freezeRows", path, n]),
    };
  }
  protected snapshot(p: string): unknown {
    const s = this.resolve();
    if (p === "name") return s.name;
    if (p === "id") return s.id;
    if (p === "visibility") return s.visibility;
    if (p === "position") return this.ctx.wb.sheets.indexOf(s);
    throw new FakeExcelError("InvalidArgument", `fake: Worksheet.${p} is not modelled`);
  }
  get name(): string {
    return this.get_("name");
  }
  set name(v: string) {
    this.ctx.q(() => {
      validateSheetName(v);
      const other = this.ctx.wb.sheetByName(v);
      if (other && other !== this.resolve()) throw new FakeExcelError("ItemAlreadyExists", `Sheet ${v} exists.`);
      const s = this.resolve();
      const old = s.name;
      s.name = v;
      this.ctx.wb.renameReferences(old, v);
    }, ["name", this.path, v]);
  }
  get id(): string {
    return this.get_("id");
  }
  get visibility(): string {
    return this.get_("visibility");
  }
  set visibility(v: string) {
    this.ctx.q(() => {
      this.resolve().visibility = v;
    }, ["visibility", this.path, v]);
  }
  delete(): void {
    this.ctx.q(() => this.ctx.wb.deleteSheet(this.resolve()), ["delete", this.path]);
  }
  activate(): void {
    this.ctx.q(() => {
      this.ctx.wb.activeSheetId = this.resolve().id;
    }, ["activate", this.path]);
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      const b = address ? parseAddress(address).box : (usedBox(s) ?? { r0: 0, c0: 0, rows: 1, cols: 1 });
      return { s, b };
    }, [this.path, "getRange", address ?? null]);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ s: this.resolve(), b: { r0: r, c0: c, rows, cols } }), [this.path, "getRangeByIndexes", r, c, rows, cols]);
  }
  getUsedRange(): FakeRange {
    return this.getRange();
  }
}

const PAPER_TYPES = ["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5"];
const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const INVALID = () => new FakeExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");

/** `worksheet.pageLayout` (ExcelApi 1.9): write-only here, each setting checked as Excel checks it. */
export class FakePageLayoutProxy {
  constructor(
    private ctx: FakeRequestContext,
    private resolve: () => FakeSheet,
    private path: unknown[],
  ) {}
  private set(prop: string, v: unknown, f: (p: FakePageLayout, s: FakeSheet) => void): void {
    this.ctx.q(() => {
      const s = this.resolve();
      f(s.pageLayout, s);
    }, [prop, this.path, v]);
  }
  set paperSize(v: string) {
    this.set("paperSize", v, (p) => {
      if (!PAPER_TYPES.includes(v)) throw INVALID();
      p.paperSize = v;
    });
  }
  set orientation(v: string) {
    this.set("orientation", v, (p) => {
      if (v !== "Portrait" && v !== "Landscape") throw INVALID();
      p.orientation = v;
    });
  }
  /** set as a whole object, as the API asks (`x.zoom = {...}`, not `x.zoom.scale = ...`) */
  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.set("zoom", v, (p) => {
      const bad = (n: number | undefined, lo: number, hi: number) => n !== undefined && (!Number.isInteger(n) || n < lo || n > hi);
      if (typeof v !== "object" || v === null || bad(v.scale, 10, 400) || bad(v.horizontalFitToPages, 0, 32767) || bad(v.verticalFitToPages, 0, 32767))
        throw INVALID();
      p.zoom = { ...v };
    });
  }
  get zoom(): never {
    throw NOT_LOADED("pageLayout/zoom");
  }
  setPrintMargins(unit: string, m: { left?: number; right?: number; top?: number; bottom?: number; header?: number; footer?: number }): void {
    this.set("setPrintMargins", [unit, m], (p) => {
      const k = unit === "Points" ? 1 : unit === "Inches" ? 72 : unit === "Centimeters" ? 72 / 2.54 : NaN;
      if (!Number.isFinite(k)) throw INVALID();
      const out = { ...(p.margins ?? {}) };
      for (const side of ["left", "right", "top", "bottom", "header", "footer"] as const) {
        const x = m[side];
        if (x === undefined) continue;
        if (typeof x !== "number" || !(x >= 0)) throw INVALID();
        out[side] = x * k;
      }
      p.margins = out;
    });
  }
  setPrintArea(area: string | FakeRange): void {
    this.set("setPrintArea", typeof area === "string" ? area : area.path, (p, s) => {
      p.printArea = boxAddress(boxOn(s, area), true);
    });
  }
  setPrintTitleRows(rows: string | FakeRange): void {
    this.set("setPrintTitleRows", typeof rows === "string" ? rows : rows.path, (p, s) => {
      let b: Box;
      if (typeof rows === "string") {
        const m = /^(?:(.+)!)?\$?(\d+):\$?(\d+)$/.exec(rows.trim());
        // only whole rows repeat at the top of a page
        if (!m) throw INVALID();
        if (m[1] !== undefined && parseAddress(m[1] + "!A1").sheet?.toLowerCase() !== s.name.toLowerCase()) throw INVALID();
        const r0 = Number(m[2]) - 1;
        const r1 = Number(m[3]) - 1;
        if (r0 < 0 || r1 < r0 || r1 >= MAX_ROWS) throw INVALID();
        b = { r0, c0: 0, rows: r1 - r0 + 1, cols: MAX_COLS };
      } else b = boxOn(s, rows);
      p.printTitleRows = `$${b.r0 + 1}:$${b.r0 + b.rows}`;
    });
  }
}

/** The block an address or a range names, which must be on sheet `s`. */
function boxOn(s: FakeSheet, a: string | FakeRange): Box {
  if (typeof a !== "string") {
    const { s: on, b } = (a as any).resolve() as { s: FakeSheet; b: Box };
    if (on !== s) throw INVALID();
    return b;
  }
  const parsed = parseAddress(a);
  if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== s.name.toLowerCase()) throw INVALID();
  return parsed.box;
}

export class FakeRange extends Proxy {
  private resolve: () => { s: FakeSheet; b: Box };
  conditionalFormats: FakeConditionalFormatCollection;
  format: {
    font: { bold: boolean; italic: boolean };
    columnWidth: number;
    wrapText: boolean;
    horizontalAlignment: string;
    verticalAlignment: string;
    autofitColumns: () => void;
    autofitRows: () => void;
  };
  constructor(ctx: FakeRequestContext, resolve: () => { s: FakeSheet; b: Box }, path: unknown[] = []) {
    super(ctx, path);
    this.resolve = resolve;
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, resolve, path);
    const record = (prop: string, v: unknown, check?: () => void) =>
      ctx.q(() => {
        check?.();
        const { s, b } = resolve();
        s.rangeFormats.push([boxAddress(b), prop, v]);
      }, ["format/" + prop, path, v]);
    this.format = {
      font: {
        set bold(v: boolean) {
          ctx.q(() => {
            const { s, b } = resolve();
            if (v) s.boldRanges.push(boxAddress(b));
          }, ["format/font/bold", path, v]);
        },
        get bold(): boolean {
          throw NOT_LOADED("format/font/bold");
        },
        set italic(v: boolean) {
          record("font/italic", v);
        },
        get italic(): boolean {
          throw NOT_LOADED("format/font/italic");
        },
      },
      set columnWidth(w: number) {
        ctx.q(() => {
          const { s, b } = resolve();
          for (let j = 0; j < b.cols; j++) s.columnWidths.set(b.c0 + j, w);
        }, ["format/columnWidth", path, w]);
      },
      get columnWidth(): number {
        throw NOT_LOADED("format/columnWidth");
      },
      set wrapText(v: boolean) {
        record("wrapText", v);
      },
      get wrapText(): boolean {
        throw NOT_LOADED("format/wrapText");
      },
      set horizontalAlignment(v: string) {
        record("horizontalAlignment", v, () => {
          if (!H_ALIGN.includes(v)) throw INVALID();
        });
      },
      get horizontalAlignment(): string {
        throw NOT_LOADED("format/horizontalAlignment");
      },
      set verticalAlignment(v: string) {
        record("verticalAlignment", v, () => {
          if (!V_ALIGN.includes(v)) throw INVALID();
        });
      },
      get verticalAlignment(): string {
        throw NOT_LOADED("format/verticalAlignment");
      },
      autofitColumns() {
        ctx.q(() => void resolve(), ["format/autofitColumns", path]);
      },
      autofitRows() {
        ctx.q(() => {
          const { s, b } = resolve();
          s.autofitRows.push(boxAddress(b));
        }, ["format/autofitRows", path]);
      },
    };
  }
  protected snapshot(p: string): unknown {
    const { s, b } = this.resolve();
    switch (p) {
      case "values":
      case "formulas":
      case "numberFormat":
      case "valueTypes":
        return readGrid(s, b, p);
      case "address":
        return `${quoteSheet(s.name)}!${boxAddress(b)}`;
      case "rowIndex":
        return b.r0;
      case "columnIndex":
        return b.c0;
      case "rowCount":
        return b.rows;
      case "columnCount":
        return b.cols;
      default:
        throw new FakeExcelError("InvalidArgument", `fake: Range.${p} is not modelled`);
    }
  }
  get values(): any[][] {
    return this.get_("values");
  }
  set values(v: any[][]) {
    this.write(v, "values");
  }
  get formulas(): any[][] {
    return this.get_("formulas");
  }
  set formulas(v: any[][]) {
    this.write(v, "formulas");
  }
  get valueTypes(): string[][] {
    return this.get_("valueTypes");
  }
  get numberFormat(): any[][] {
    return this.get_("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this.ctx.q(() => {
      const { s, b } = this.resolve();
      const grid = checkShape(b, v, "numberFormat");
      for (let i = 0; i < b.rows; i++)
        for (let j = 0; j < b.cols; j++) {
          const k = key(b.r0 + i, b.c0 + j);
          const c = s.cells.get(k) ?? { v: "" };
          c.nf = String(grid[i][j]);
          s.cells.set(k, c);
        }
    }, ["numberFormat", this.path, v]);
  }
  get address(): string {
    return this.get_("address");
  }
  get rowIndex(): number {
    return this.get_("rowIndex");
  }
  get columnIndex(): number {
    return this.get_("columnIndex");
  }
  get rowCount(): number {
    return this.get_("rowCount");
  }
  get columnCount(): number {
    return this.get_("columnCount");
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.resolve().s, [this.path, "worksheet"]);
  }
  private write(v: any[][], what: string): void {
    this.ctx.q(() => {
      const { s, b } = this.resolve();
      const grid = checkShape(b, v, what);
      for (let i = 0; i < b.rows; i++)
        for (let j = 0; j < b.cols; j++) {
          const k = key(b.r0 + i, b.c0 + j);
          const parsed = parseInput(grid[i][j], this.ctx.wb);
          const nf = s.cells.get(k)?.nf;
          if (parsed) s.cells.set(k, nf ? { ...parsed, nf } : parsed);
          else if (nf) s.cells.set(k, { v: "", nf });
          else s.cells.delete(k);
        }
    }, [what, this.path, v]);
  }
  /** ExcelApi 1.7: the block bounded by blank rows and columns around the range's top-left cell. */
  getSurroundingRegion(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { s, b } = this.resolve();
      return { s, b: currentRegion(s, { r0: b.r0, c0: b.c0, rows: 1, cols: 1 }) };
    }, [this.path, "getSurroundingRegion"]);
  }
  /**
   * ExcelApi 1.13: the merged areas that intersect the range, whole (Excel lists an area once, with
   * its sheet, in one address separated by ", "); a null object when there are none.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const { s, b } = this.resolve();
      const hits = s.merges.filter((m) => {
        const a = parseAddress(m).box;
        return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
      });
      return hits.length ? hits.map((m) => `${quoteSheet(s.name)}!${boxAddress(parseAddress(m).box)}`) : null;
    }, [this.path, "getMergedAreasOrNullObject"]);
  }
  merge(): void {
    this.ctx.q(() => {
      const { s, b } = this.resolve();
      s.merges.push(boxAddress(b));
    }, ["merge", this.path]);
  }
  getCell(r: number, c: number): FakeRange {
    return this.derived(["getCell", r, c], (b) => ({ r0: b.r0 + r, c0: b.c0 + c, rows: 1, cols: 1 }));
  }
  /** ExcelApi 1.2: `count` rows right under the range, as wide as it; Excel refuses rows past the sheet's last. */
  getRowsBelow(count = 1): FakeRange {
    return this.derived(["getRowsBelow", count], (b) => {
      if (count < 1 || b.r0 + b.rows + count > MAX_ROWS)
        throw new FakeExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      return { r0: b.r0 + b.rows, c0: b.c0, rows: count, cols: b.cols };
    });
  }
  /** ExcelApi 1.1: one row of the range (0-based). */
  getRow(r: number): FakeRange {
    return this.derived(["getRow", r], (b) => ({ r0: b.r0 + r, c0: b.c0, rows: 1, cols: b.cols }));
  }
  /** ExcelApi 1.2: the bottom-right corner moved by the deltas; Excel refuses a range off the sheet. */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(["getResizedRange", deltaRows, deltaColumns], (b) => {
      const out = { r0: b.r0, c0: b.c0, rows: b.rows + deltaRows, cols: b.cols + deltaColumns };
      if (out.rows < 1 || out.cols < 1 || out.r0 + out.rows > MAX_ROWS || out.c0 + out.cols > MAX_COLS)
        throw new FakeExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      return out;
    });
  }
  /** ExcelApi 1.1: the rectangular intersection; Excel throws when there is none. */
  getIntersection(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, () => {
      const a = this.resolve();
      const o = other.resolve();
      const r0 = Math.max(a.b.r0, o.b.r0);
      const c0 = Math.max(a.b.c0, o.b.c0);
      const r1 = Math.min(a.b.r0 + a.b.rows, o.b.r0 + o.b.rows);
      const c1 = Math.min(a.b.c0 + a.b.cols, o.b.c0 + o.b.cols);
      if (a.s !== o.s || r1 <= r0 || c1 <= c0) throw new FakeExcelError("InvalidArgument", "The ranges do not intersect.");
      return { s: a.s, b: { r0, c0, rows: r1 - r0, cols: c1 - c0 } };
    }, [this.path, "getIntersection", other.path]);
  }
  private derived(step: unknown[], f: (b: Box) => Box): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { s, b } = this.resolve();
      return { s, b: f(b) };
    }, [this.path, ...step]);
  }
  select(): void {
    this.ctx.q(() => {
      const { s, b } = this.resolve();
      this.ctx.wb.selection = { sheetId: s.id, box: { ...b } };
      this.ctx.wb.activeSheetId = s.id;
    }, ["select", this.path]);
  }
}

export class FakeConditionalFormatCollection {
  constructor(
    private ctx: FakeRequestContext,
    private resolve: () => { s: FakeSheet; b: Box },
    private path: unknown[] = [],
  ) {}
  add(type: string) {
    const ctx = this.ctx;
    let rec: FakeConditionalFormat | null = null;
    const path = [this.path, "conditionalFormats.add", type];
    ctx.q(() => {
      const { s, b } = this.resolve();
      rec = { sheet: s.id, address: boxAddress(b), type };
      ctx.wb.conditionalFormats.push(rec);
    }, path);
    const set = (prop: string, v: unknown, f: (r: FakeConditionalFormat) => void) =>
      ctx.q(() => {
        if (!rec) throw new Error("fake: conditional format not created");
        if (rec.type !== "Custom") throw new FakeExcelError("InvalidArgument", "only custom formats are modelled");
        f(rec);
      }, [prop, path, v]);
    return {
      set priority(p: number) {
        set("priority", p, (r) => (r.priority = p));
      },
      set stopIfTrue(v: boolean) {
        set("stopIfTrue", v, () => undefined);
      },
      custom: {
        rule: {
          set formula(f: string) {
            set("custom/rule/formula", f, (r) => (r.formula = f));
          },
        },
        format: {
          fill: {
            set color(c: string) {
              set("custom/format/fill/color", c, (r) => (r.fill = c));
            },
          },
          font: {
            set color(c: string) {
              set("custom/format/font/color", c, (r) => (r.font = c));
            },
          },
        },
      },
    };
  }
}

export class FakeChartCollection {
  constructor(
    private ctx: FakeRequestContext,
    private resolve: () => FakeSheet,
    private path: unknown[] = [],
  ) {}
  add(type: string, source: FakeRange, seriesBy = "Auto") {
    const ctx = this.ctx;
    let rec: FakeChart | null = null;
    const path = [this.path, "charts.add", type, source.path, seriesBy];
    ctx.q(() => {
      const s = this.resolve();
      const src = (source as any).resolve() as { s: FakeSheet; b: Box };
      rec = { type, source: `${quoteSheet(src.s.name)}!${boxAddress(src.b)}`, seriesBy, seriesFill: {}, seriesNames: {} };
      s.charts.push(rec);
    }, path);
    const set = (prop: string, v: unknown, f: (r: FakeChart) => void) =>
      ctx.q(() => {
        if (!rec) throw new Error("fake: chart not created");
        f(rec);
      }, [prop, path, v]);
    return {
      set name(n: string) {
        set("name", n, (r) => (r.name = n));
      },
      title: {
        set text(t: string) {
          set("title/text", t, (r) => (r.title = t));
        },
      },
      legend: { set position(_p: string) {}, set visible(_v: boolean) {} },
      axes: {
        categoryAxis: {
          set reversePlotOrder(v: boolean) {
            set("axes/categoryAxis/reversePlotOrder", v, (r) => (r.axisReversed = v));
          },
        },
      },
      setPosition(start: string, end?: string) {
        set("setPosition", [start, end ?? null], (r) => (r.position = [start, end]));
      },
      series: {
        getItemAt(i: number) {
          return {
            set name(n: string) {
              set(`series/${i}/name`, n, (r) => (r.seriesNames[i] = n));
            },
            set gapWidth(_g: number) {},
            set overlap(_g: number) {},
            format: {
              fill: {
                setSolidColor(c: string) {
                  set(`series/${i}/format/fill/setSolidColor`, c, (r) => (r.seriesFill[i] = c));
                },
              },
            },
          };
        },
      },
    };
  }
}

/** A comment or a note as far as the add-in reads it: its text and its cell (getLocation). */
export class FakeCellNote extends Proxy {
  constructor(
    ctx: FakeRequestContext,
    private sheet: FakeSheet,
    private cellKey: string,
    private kind: "comments" | "notes",
    path: unknown[] = [],
  ) {
    super(ctx, path);
  }
  protected snapshot(p: string): unknown {
    if (p === "id") return `${this.sheet.id}:${this.cellKey}`;
    if (p === "content") return this.sheet[this.kind].get(this.cellKey) ?? "";
    throw new FakeExcelError("InvalidArgument", `fake: ${this.kind}.${p} is not modelled`);
  }
  get content(): string {
    return this.get_("content");
  }
  getLocation(): FakeRange {
    const [r, c] = this.cellKey.split(",").map(Number);
    return new FakeRange(this.ctx, () => ({ s: this.sheet, b: { r0: r, c0: c, rows: 1, cols: 1 } }), [this.path, "getLocation"]);
  }
}

/** `worksheet.comments` / `worksheet.notes`: the items, in cell order, each with its cell. */
export class FakeCellNoteCollection extends FakeCollection<FakeCellNote> {
  constructor(
    ctx: FakeRequestContext,
    private resolve: () => FakeSheet,
    private kind: "comments" | "notes",
    path: unknown[] = [],
  ) {
    super(ctx, path);
  }
  protected current(): FakeCellNote[] {
    const s = this.resolve();
    return [...s[this.kind].keys()].map((k, i) => new FakeCellNote(this.ctx, s, k, this.kind, [this.path, "items", i]));
  }
}

/** Excel.RangeAreas as far as the reader uses it: its address, or a null object. */
export class FakeRangeAreas extends Proxy {
  private resolve: () => string[] | null;
  constructor(ctx: FakeRequestContext, resolve: () => string[] | null, path: unknown[] = []) {
    super(ctx, path);
    this.resolve = resolve;
  }
  protected snapshot(p: string): unknown {
    const a = this.resolve();
    if (p === "address") return (a ?? []).join(", ");
    if (p === "areaCount") return a?.length ?? 0;
    throw new FakeExcelError("InvalidArgument", `fake: RangeAreas.${p} is not modelled`);
  }
  get address(): string {
    return this.get_("address");
  }
  get isNullObject(): boolean {
    return this.get_("isNullObject");
  }
  override load(props?: string | string[] | Record<string, unknown>): this {
    super.load(props);
    loadNullObject(this.ctx, this.loaded, this.path, () => this.resolve() === null);
    return this;
  }
}

/** A *OrNullObject proxy's load also reads, in the same round trip, whether the object exists. */
function loadNullObject(ctx: FakeRequestContext, loaded: Record<string, unknown>, path: unknown[], isNull: () => boolean): void {
  ctx.q(() => {
    loaded["isNullObject"] = isNull();
    ctx.respond("isNullObject", loaded["isNullObject"]);
  }, ["load", path, "isNullObject"]);
}

export class FakeNamedItem extends Proxy {
  private resolve: () => FakeName | null;
  isNullObject_ = false;
  constructor(ctx: FakeRequestContext, resolve: () => FakeName | null, path: unknown[] = []) {
    super(ctx, path);
    this.resolve = resolve;
  }
  protected snapshot(p: string): unknown {
    const n = this.resolve();
    if (!n) return null;
    if (p === "name") return n.name;
    if (p === "formula") return this.ctx.wb.nameFormula(n);
    if (p === "type") return n.sheetId ? "Range" : "Error";
    if (p === "comment") return n.comment ?? "";
    throw new FakeExcelError("InvalidArgument", `fake: NamedItem.${p} is not modelled`);
  }
  get name(): string {
    return this.get_("name");
  }
  get formula(): string {
    return this.get_("formula");
  }
  get type(): string {
    return this.get_("type");
  }
  get isNullObject(): boolean {
    return this.get_("isNullObject");
  }
  override load(props?: string | string[] | Record<string, unknown>): this {
    super.load(props);
    loadNullObject(this.ctx, this.loaded, this.path, () => this.resolve() === null);
    return this;
  }
  delete(): void {
    this.ctx.q(() => {
      const n = this.resolve();
      if (!n) throw new FakeExcelError("ItemNotFound", "name not found");
      this.ctx.wb.names = this.ctx.wb.names.filter((x) => x !== n);
    }, ["delete", this.path]);
  }
}

export class FakeNameCollection extends FakeCollection<FakeNamedItem> {
  protected current(): FakeNamedItem[] {
    return this.ctx.wb.names.map((x) => new FakeNamedItem(this.ctx, () => x));
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    let rec: FakeName | null = null;
    this.ctx.q(() => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw new FakeExcelError("InvalidArgument", `Invalid name ${name}`);
      if (this.ctx.wb.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new FakeExcelError("ItemAlreadyExists", `The name ${name} already exists.`);
      let sheet: FakeSheet | undefined;
      let address: string;
      if (typeof reference === "string") {
        const parsed = parseAddress(reference.replace(/^=/, ""));
        sheet = parsed.sheet === null ? undefined : this.ctx.wb.sheetByName(parsed.sheet);
        address = boxAddress(parsed.box, true);
      } else {
        const { s, b } = (reference as any).resolve() as { s: FakeSheet; b: Box };
        sheet = s;
        address = boxAddress(b, true);
      }
      if (!sheet) throw new FakeExcelError("InvalidArgument", `Bad reference for name ${name}`);
      rec = { name, sheetId: sheet.id, address, comment };
      this.ctx.wb.names.push(rec);
    }, ["names.add", name, typeof reference === "string" ? reference : reference.path, comment ?? null]);
    return new FakeNamedItem(this.ctx, () => rec, ["names.add", name]);
  }
  getItem(name: string): FakeNamedItem {
    let bound: FakeName | null = null;
    this.ctx.q(() => {
      bound = this.ctx.wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
      if (!bound) throw new FakeExcelError("ItemNotFound", `name ${name} not found`);
    }, ["names.getItem", name]);
    return new FakeNamedItem(this.ctx, () => bound, ["names.getItem", name]);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    let bound: FakeName | null = null;
    this.ctx.q(() => {
      bound = this.ctx.wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
    }, ["names.getItemOrNullObject", name]);
    return new FakeNamedItem(this.ctx, () => bound, ["names.getItemOrNullObject", name]);
  }
}

export class FakeTableProxy extends Proxy {
  constructor(
    ctx: FakeRequestContext,
    private resolve: () => FakeTable,
    path: unknown[] = [],
  ) {
    super(ctx, path);
  }
  protected snapshot(p: string): unknown {
    const t = this.resolve();
    if (p === "name") return t.name;
    throw new FakeExcelError("InvalidArgument", `fake: Table.${p} is not modelled`);
  }
  get name(): string {
    return this.get_("name");
  }
  private rangeOf(part: "all" | "header" | "body"): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      const s = this.ctx.wb.sheetById(t.sheetId)!;
      if (part === "header") return { s, b: { r0: t.r0, c0: t.c0, rows: 1, cols: t.cols } };
      if (part === "body") return { s, b: { r0: t.r0 + 1, c0: t.c0, rows: t.rows - 1, cols: t.cols } };
      return { s, b: { r0: t.r0, c0: t.c0, rows: t.rows, cols: t.cols } };
    }, [this.path, "range", part]);
  }
  getRange(): FakeRange {
    return this.rangeOf("all");
  }
  getHeaderRowRange(): FakeRange {
    return this.rangeOf("header");
  }
  getDataBodyRange(): FakeRange {
    return this.rangeOf("body");
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.wb.sheetById(this.resolve().sheetId)!, [this.path, "worksheet"]);
  }
}

export class FakeTableCollection extends FakeCollection<FakeTableProxy> {
  protected current(): FakeTableProxy[] {
    return this.ctx.wb.tables.map((x) => new FakeTableProxy(this.ctx, () => x));
  }
  getItem(name: string): FakeTableProxy {
    let bound: FakeTable | null = null;
    this.ctx.q(() => {
      bound = this.ctx.wb.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
      if (!bound) throw new FakeExcelError("ItemNotFound", `table ${name} not found`);
    }, ["tables.getItem", name]);
    return new FakeTableProxy(this.ctx, () => bound!, ["tables.getItem", name]);
  }
}

/** The `Excel` namespace as the code under test sees it: `run` plus the enums it uses. */
export function createFakeExcel(wb: FakeWorkbook) {
  return {
    workbook: wb,
    async run<T>(batch: (ctx: FakeRequestContext) => Promise<T>): Promise<T> {
      const ctx = new FakeRequestContext(wb);
      const result = await batch(ctx);
      // Excel.run sends whatever the batch left queued: that is a round trip too
      if (ctx.queue.length) await ctx.sync();
      return result;
    },
    ConditionalFormatType: { custom: "Custom", cellValue: "CellValue" },
    ChartType: { barClustered: "BarClustered", barStacked: "BarStacked", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ChartLegendPosition: { bottom: "Bottom", right: "Right", top: "Top" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  };
}
export type FakeExcel = ReturnType<typeof createFakeExcel>;

/** A fake `Office.context.document.settings` (kept in memory). */
export function createFakeSettings() {
  const store: Record<string, unknown> = {};
  let saved = 0;
  return {
    store,
    get saves() {
      return saved;
    },
    get(name: string): unknown {
      return name in store ? store[name] : null;
    },
    set(name: string, value: unknown): void {
      store[name] = JSON.parse(JSON.stringify(value));
    },
    remove(name: string): void {
      delete store[name];
    },
    saveAsync(cb?: (r: { status: string }) => void): void {
      saved++;
      setTimeout(() => cb?.({ status: "succeeded" }), 0);
    },
  };
}
