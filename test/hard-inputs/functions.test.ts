/**
 * The hard inputs through the custom functions: each case's calls (cases.json) run on the case's
 * cells as Excel hands them to a function — a 2-D array per range, a blank as null, an error cell as
 * a CustomFunctions.Error, a date as its serial number — and every output row is checked: the rows
 * of the case's bad cells give an error naming the input, the others still compute.
 */
import * as fns from "../../src/functions/functions";
import {
  allCases, baseOf, buildSheets, cellAt, DATA, disposition, excelSerial, expectFor, isRange, parseCell, parseRange, plainOf,
  type BuiltSheet, type Expect, type FnCall, type HardCase,
} from "./cases";

/** CustomFunctions.Error as the Office runtime provides it: the functions build their errors with it. */
class OfficeError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
const g = globalThis as { CustomFunctions?: unknown };
beforeAll(() => (g.CustomFunctions = { Error: OfficeError }));
afterAll(() => delete g.CustomFunctions);

const BY_NAME: Record<string, (...a: any[]) => any[][]> = {
  HG_SCORE: fns.hgScore,
  IATOR_MET: fns.iatorMet,
  LS_MET: fns.lsMet,
  HG126_MET: fns.hg126Met,
};

/** One cell as Excel passes it inside a range argument. */
function excelArg(s: BuiltSheet, r: number, c: number, blank: null | ""): unknown {
  const v = plainOf(cellAt(s, r, c));
  if (v === null) return blank;
  if (typeof v === "object" && "error" in v) return new OfficeError(v.error);
  if (typeof v === "object" && "date" in v) return excelSerial(v.date);
  return v;
}

function rangeArg(s: BuiltSheet, a: string, blank: null | ""): unknown[][] {
  const { r0, c0, r1, c1 } = parseRange(a);
  const out: unknown[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: unknown[] = [];
    for (let c = c0; c <= c1; c++) row.push(excelArg(s, r, c, blank));
    out.push(row);
  }
  return out;
}

/**
 * Runs a call the way Excel does: a thrown error is the whole result. A blank cell arrives as null,
 * or as "" (`blank`), as some hosts hand it. Checks that the arguments are left as they were.
 */
function call(s: BuiltSheet, f: FnCall, blank: null | "" = null): unknown[][] | OfficeError {
  const fn = BY_NAME[f.call];
  if (!fn) throw new Error(`no function ${f.call} in the runner`);
  const args = f.args.map((a) => (isRange(a) ? rangeArg(s, a, blank) : [[(a as { value: unknown }).value]]));
  const before = args.map((a) => a.map((r) => r.slice()));
  let out: unknown[][] | OfficeError;
  try {
    out = fn(...args);
  } catch (e) {
    if (!(e instanceof OfficeError)) throw e;
    out = e;
  }
  // a function never writes to the cells it is given
  args.forEach((a, i) => a.forEach((r, j) => r.forEach((v, k) => {
    if (v !== before[i][j][k]) throw new Error(`${f.call} changed argument ${i + 1} at [${j}][${k}]`);
  })));
  return out;
}

const isError = (x: unknown): x is OfficeError => x instanceof OfficeError;

/** The expected cell of call k at sheet row `row` (1-based). */
type Want =
  | { kind: "error"; codes: string[]; message: RegExp }
  | { kind: "value" }
  | { kind: "exact"; value: number | boolean }
  | { kind: "empty" };

const EMPTY: Want = { kind: "empty" };

function wantAt(c: HardCase, e: Expect, calls: FnCall[], k: number, row: number): Want {
  if (e.fnEmptyRows?.some(([a, b]) => row >= a && row <= b)) return EMPTY;
  const f = calls[k];
  // the argument columns of this call, with what an error about each must name
  const cols = new Map<number, string | null>();
  f.args.forEach((a, i) => {
    if (!isRange(a)) return;
    const { c0 } = parseRange(a);
    cols.set(c0, f.names[i]);
  });
  const bad = (e.problems ?? []).filter((p) => parseCell(p.cell).r === row - 1 && cols.has(parseCell(p.cell).c));
  if (bad.length) {
    const names = bad.map((p) => p.fnMessage ?? cols.get(parseCell(p.cell).c)).filter((n): n is string => !!n);
    return {
      kind: "error",
      codes: bad.map((p) => p.fn ?? DATA.excelErrorFor[p.code]),
      message: new RegExp(names.length ? names.join("|") : "."),
    };
  }
  const fixed = e.fnRows?.[String(row)]?.[k];
  if (fixed !== undefined && fixed !== null) {
    if (typeof fixed === "object") return { kind: "error", codes: [fixed.error], message: new RegExp(fixed.message ?? ".") };
    return { kind: "exact", value: fixed };
  }
  // the base's rows only: a case with rows of its own has its own districts
  const always = c.generate || c.sheet?.rows ? undefined : baseOf(c).fnRowErrors?.[String(row)]?.[k];
  if (always) return { kind: "error", codes: [always.error], message: new RegExp(always.message) };
  return { kind: "value" };
}

const cases = allCases();

/** The cases whose ranges are long (the generated table, whole columns): one run each, more time. */
const big = (c: HardCase) => !!c.generate || (c.fnSpan ?? baseOf(c).fnSpan)[1] - (c.fnSpan ?? baseOf(c).fnSpan)[0] > 10_000;

describe.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
  const d = disposition(c, "functions");
  const noCalls = !c.functions && !baseOf(c).functions;
  if (!d.run || noCalls || c.csv || c.file) {
    const why = !d.run ? d.title : `${c.id} — not applicable: ${c.csv ? "a CSV file" : c.file ? "a file Excel cannot open" : "no function call"}`;
    test.skip(why, () => undefined);
    return;
  }

  test(`${c.kind}: bad rows give an error naming the input, the others compute`, () => {
    const e = expectFor(c, "functions");
    const [sheet] = buildSheets(c);
    const calls = c.functions ?? baseOf(c).functions!;
    const [first, last] = c.fnSpan ?? baseOf(c).fnSpan;
    const results = calls.map((f) => call(sheet, f));
    // the unused end of the ranges (empty rows reaching their last row) is not in the result
    const trailing = e.fnEmptyRows?.find(([, b]) => b === last);
    const end = trailing ? trailing[0] - 1 : last;

    if (e.fnThrows) {
      for (const r of results) {
        expect(isError(r)).toBe(true);
        expect((r as OfficeError).code).toBe(e.fnThrows.code);
        if (e.fnThrows.message) expect((r as OfficeError).message).toMatch(new RegExp(e.fnThrows.message));
      }
      return;
    }
    const allowed = (c.fnAllowedErrors ?? []).map((a) => ({ code: a.error, message: new RegExp(a.message) }));
    // mismatches are collected and compared once: the large case has 100,000 rows per call
    const wrong: string[] = [];
    const wants = new Map<number, Want[]>();
    results.forEach((res, k) => {
      // a spilled result: one row per sheet row of the ranges in use, one column
      expect(Array.isArray(res)).toBe(true);
      const out = res as unknown[][];
      expect(out).toHaveLength(end - first + 1);
      for (let row = first; row <= end; row++) {
        const got = out[row - first][0];
        const want = wantAt(c, e, calls, k, row);
        if (want !== EMPTY) {
          if (!wants.has(row)) wants.set(row, []);
          wants.get(row)!.push(want);
        }
        const where = `${calls[k].call} #${k + 1}, row ${row}`;
        if (want.kind === "error") {
          if (!isError(got)) wrong.push(`${where}: want ${want.codes.join("/")}, got ${String(got)}`);
          else if (!want.codes.includes(got.code) || !want.message.test(got.message ?? ""))
            wrong.push(`${where}: want ${want.codes.join("/")} matching ${want.message}, got ${got.code} "${got.message}"`);
        } else if (want.kind === "empty") {
          if (got !== "") wrong.push(`${where}: want an empty cell, got ${JSON.stringify(got)}`);
        } else if (want.kind === "exact") {
          if (got !== want.value) wrong.push(`${where}: want ${String(want.value)}, got ${JSON.stringify(got)}`);
        } else if (isError(got)) {
          // only the errors the case allows on other rows (a district without its communes' ratios)
          if (!allowed.some((a) => a.code === got.code && a.message.test(got.message ?? ""))) wrong.push(`${where}: unexpected ${got.code} "${got.message}"`);
        } else if (typeof got !== "number" && typeof got !== "boolean") {
          wrong.push(`${where}: not a value: ${JSON.stringify(got)}`);
        }
      }
    });
    expect(wrong).toEqual([]);

    // spot checks where the row computes: hg-165 gives the total, the target plans TRUE per indicator met
    for (const s of e.spot ?? []) {
      if (s.row < first || s.row > last || s.total === undefined) continue;
      if (wants.get(s.row)!.some((w) => w.kind === "error")) continue;
      const cells = results.map((r) => (r as unknown[][])[s.row - first][0]);
      if (baseOf(c).fnTotal === "value") {
        if (s.total === null) expect({ unit: s.unit, error: isError(cells[0]) }).toEqual({ unit: s.unit, error: true });
        else expect({ unit: s.unit, total: cells[0] }).toEqual({ unit: s.unit, total: expect.closeTo(s.total, 9) });
      } else if (s.total !== null) {
        expect({ unit: s.unit, met: cells.filter((x) => x === true).length }).toEqual({ unit: s.unit, met: s.total });
      }
    }
  }, big(c) ? 60_000 : undefined);

  if (!big(c)) {
    test("a blank handed over as \"\" gives the same results as a blank handed over as null", () => {
      const [sheet] = buildSheets(c);
      const calls = c.functions ?? baseOf(c).functions!;
      const shown = (r: unknown[][] | OfficeError) => JSON.stringify(r, (_k, v) => (v instanceof OfficeError ? { code: v.code, message: v.message } : v));
      for (const f of calls) expect(shown(call(sheet, f, ""))).toBe(shown(call(sheet, f, null)));
    });
  }
});
