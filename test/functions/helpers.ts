import { isXlError, type XlError } from "../../src/functions/errors";

/** Runs a custom function the way Excel does: a 1×1 error is thrown, anything else is a 2-D array. */
export function run(fn: (...a: any[]) => any[][], ...args: unknown[]): unknown {
  try {
    const v = fn(...args);
    return v.length === 1 && v[0].length === 1 ? v[0][0] : v;
  } catch (e) {
    if (isXlError(e)) return e;
    throw e;
  }
}

export function expectError(v: unknown, code: string, msg?: RegExp): void {
  expect(isXlError(v)).toBe(true);
  expect((v as XlError).code).toBe(code);
  if (msg) expect((v as XlError).message ?? "").toMatch(msg);
}
