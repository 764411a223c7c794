/**
 * How much one `context.sync()` may carry. Excel on the web refuses a request or a response over
 * 5 MB (RichApi.Error "RequestPayloadSizeLimitExceeded" / "ResponsePayloadSizeLimitExceeded"); the
 * desktop hosts have no such limit, but the add-in runs in both, so every round trip is kept under it.
 *
 * Reading of DESIGN's "at most 3 syncs for any table size" against this limit: both cannot hold for
 * 100,000 rows (the table read back is ~12 MB, the results sheet ~43 MB of values, more as formulas).
 * So: a Rank takes 2 round trips (read, write) whenever each fits, and only a payload over the limit is
 * split, one more round trip per PAYLOAD_LIMIT_BYTES of it. The count grows with the bytes, never
 * with rows that fit.
 */

/**
 * "5 MB" read as 5,000,000 bytes (the smaller of the two readings), less 10% for what this estimate
 * does not see of Office.js's wire format (its JSON envelope around the commands).
 */
export const PAYLOAD_LIMIT_BYTES = 4_500_000;

/**
 * Per command, for its action id, type, property name and object path in the request JSON; generous
 * on purpose (a range path with its sheet name and indexes is well under it), so that the estimate stays
 * above the bytes really sent.
 */
export const COMMAND_BYTES = 256;

/**
 * UTF-8 length of `JSON.stringify(v)`, worked out without building the string (a 100,000-row grid would
 * make one of tens of MB). Values that JSON cannot hold count as `null`, as JSON.stringify writes them in
 * arrays.
 */
export function jsonBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  switch (typeof v) {
    case "string":
      return stringBytes(v);
    case "number":
      return Number.isFinite(v) ? String(v).length : 4;
    case "boolean":
      return v ? 4 : 5;
    case "object": {
      if (Array.isArray(v)) {
        let n = 2 + Math.max(0, v.length - 1);
        for (const x of v) n += jsonBytes(x);
        return n;
      }
      let n = 2;
      let first = true;
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (x === undefined || typeof x === "function") continue;
        n += (first ? 0 : 1) + stringBytes(k) + 1 + jsonBytes(x);
        first = false;
      }
      return n;
    }
    default:
      return 4;
  }
}

/** A JSON string literal's UTF-8 length: quotes, escapes, 1–3 bytes a character (4 for a surrogate pair). */
function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) (n += 4), i++;
    else if (c >= 0xd800 && c <= 0xdfff) n += 6; // a lone surrogate is written as \udXXX
    else n += 3;
  }
  return n;
}

/** The host refused a round trip for its size: the caller may split it and try again. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
