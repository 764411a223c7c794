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

/**
 * A normalised unit name with its administrative prefix written out: "tp nga bay" (from "TP. Ngã Bảy")
 * is "thanh pho nga bay", "h phung hiep" is "huyen phung hiep", "tx long my" is "thi xa long my" (and
 * never "huyen long my": Hậu Giang has both). Reading unit_prefixes: TP., TX., H., Q., P., TT., X. are
 * the usual abbreviations of thành phố, thị xã, huyện, quận, phường, thị trấn, xã.
 */
const PREFIXES: Record<string, string> = { tp: "thanh pho", tx: "thi xa", h: "huyen", q: "quan", p: "phuong", tt: "thi tran", x: "xa" };
const ABBREVIATED = /^(tp|tx|tt|h|q|p|x)\s+(?=\S)/;

export function expandPrefix(key: string): string {
  const m = ABBREVIATED.exec(key);
  return m ? PREFIXES[m[1]] + " " + key.slice(m[0].length) : key;
}

/** A district's name with its kind dropped, as a plan's list writes it ("Ngã Bảy"): thị xã and huyện Long Mỹ meet here. */
export const DISTRICT_KIND = /^(huyen|thi xa|thanh pho|quan)\s+/;
