/**
 * `dvc-thidua calc '<formula>'`: evaluates one custom-function call outside Excel through the very
 * functions Excel runs (same coercion, same errors), and prints what Excel would show.
 */
import * as functions from "../functions/functions";
import { isXlError, type XlError } from "../functions/errors";
import { FormulaSyntaxError, parseFormula, type Argument } from "./formula";
import { loadCatalogue, NAMESPACE } from "./functions-list";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

type Fn = (...args: unknown[]) => unknown;

export const CALC_USAGE =
  "Cách dùng / Usage: dvc-thidua calc [--json] '<công thức / formula>'\n" +
  "  ví dụ / e.g.: dvc-thidua calc '=DVC.LS_TARGET(\"xa\",\"so_hoa\")'\n";

/** How Excel would show a number in General format, close enough: no float noise (0.1+0.2 → 0.3). */
function showNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function showCell(v: unknown): string {
  if (isXlError(v)) return v.code;
  if (typeof v === "number") return showNumber(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v === null || v === undefined) return "";
  return String(v);
}

function jsonCell(v: unknown): unknown {
  if (isXlError(v)) return { error: v.code, message: v.message ?? "" };
  if (typeof v === "number") return Number(v.toPrecision(15));
  return v ?? null;
}

/** A 1×1 result is shown as the single value Excel shows. */
function unwrap(v: unknown): unknown {
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
  return v;
}

/** Arguments as Excel hands them over: a value for a matrix parameter arrives as a 1×1 range. */
function toExcelArgument(a: Argument, matrix: boolean): unknown {
  if (a === null) return null;
  if (Array.isArray(a)) return a;
  return matrix ? [[a]] : a;
}

export async function evaluateFormula(src: string): Promise<unknown> {
  const call = parseFormula(src);
  const meta = loadCatalogue().find((f) => f.id === call.name);
  const impl = meta ? (functions as unknown as Record<string, Fn>)[meta.functionName] : undefined;
  if (!meta || typeof impl !== "function") {
    const known = loadCatalogue().map((f) => f.id).join(", ");
    throw new FormulaSyntaxError(`Không có hàm ${NAMESPACE}.${call.name} / Unknown function (${known})`, 0);
  }
  const params = meta.parameters;
  if (call.args.length > params.length) {
    throw new FormulaSyntaxError(`${NAMESPACE}.${meta.id} nhận tối đa ${params.length} đối số / takes at most ${params.length} arguments`, 0);
  }
  const required = params.filter((p) => !p.optional).length;
  if (call.args.length < required) {
    throw new FormulaSyntaxError(`${NAMESPACE}.${meta.id} cần ít nhất ${required} đối số / needs at least ${required} arguments`, 0);
  }
  const args = params.map((p, i) => (i < call.args.length ? toExcelArgument(call.args[i], p.dimensionality === "matrix") : null));
  try {
    return unwrap(await impl(...args));
  } catch (e) {
    if (isXlError(e)) return e;
    throw e;
  }
}

export async function calcCommand(argv: string[], io: Io): Promise<number> {
  const json = argv.includes("--json");
  const rest = argv.filter((a) => a !== "--json");
  if (rest.length !== 1 || rest[0].trim() === "") {
    io.err(CALC_USAGE);
    return 2;
  }
  let value: unknown;
  try {
    value = await evaluateFormula(rest[0]);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) {
      if (json) io.out(JSON.stringify({ error: "formula", message: e.message }) + "\n");
      else io.err(`Công thức không hợp lệ / Bad formula: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (isXlError(value)) {
    const err = value as XlError;
    if (json) io.out(JSON.stringify({ error: err.code, message: err.message ?? "" }) + "\n");
    else {
      io.out(err.code + "\n");
      if (err.message) io.err(err.message + "\n");
    }
    return 1;
  }
  if (json) {
    const v = Array.isArray(value) ? (value as unknown[][]).map((r) => r.map(jsonCell)) : jsonCell(value);
    io.out(JSON.stringify({ value: v }) + "\n");
    return 0;
  }
  if (Array.isArray(value)) {
    const rows = value as unknown[][];
    io.out(rows.map((r) => r.map(showCell).join("\t")).join("\n") + "\n");
    rows.forEach((r, i) =>
      r.forEach((c, j) => {
        if (isXlError(c) && c.message) io.err(`[${i + 1},${j + 1}] ${c.code} ${c.message}\n`);
      }),
    );
  } else {
    io.out(showCell(value) + "\n");
  }
  return 0;
}
