/**
 * normalizeKey with a memory. Tables name the same districts again and again (every commune row names
 * its district, and the same workbook is ranked again after each edit), and Unicode decomposition of
 * a name costs microseconds: each distinct text is normalised once. The result is normalizeKey's own.
 */
import { normalizeKey } from "./coerce";

/** Enough for every district and commune name of a province many times over; emptied when full. */
const LIMIT = 20_000;
const memo = new Map<string, string>();

export function cachedKey(s: string): string {
  let k = memo.get(s);
  if (k === undefined) {
    if (memo.size >= LIMIT) memo.clear();
    k = normalizeKey(s);
    memo.set(s, k);
  }
  return k;
}
