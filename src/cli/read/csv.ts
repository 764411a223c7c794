/** CSV (and .txt) files: the encoding found or given, the delimiter guessed, one sheet of text and plain numbers. */
import { parse as parseCsv } from "csv-parse/sync";
import * as iconv from "iconv-lite";
import type { CellInput } from "../../engine";
import { READ_MESSAGES as M } from "./messages";
import { CSV_SHEET, InputFileError, type InputBook } from "./types";

/** UTF-16 without a byte-order mark: ASCII letters leave a zero byte beside each of them. */
function looksUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 4096);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros > n / 8;
}

function decodeCsv(bytes: Buffer, file: string, encoding?: string): string {
  if (encoding) {
    if (!iconv.encodingExists(encoding)) throw new InputFileError(M.unknownEncoding(encoding));
    return iconv.decode(bytes, encoding);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), "utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), "utf16be");
  if (looksUtf16(bytes)) throw new InputFileError(M.utf16NoBom(file));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstBadUtf8(bytes);
    if (!at) throw new InputFileError(M.notUtf8(file));
    // a few stray bytes in a text that is otherwise UTF-8 (its Vietnamese letters decode) are a typing
    // accident at one place; a file in another code page fails at nearly every accented letter
    const loose = new TextDecoder("utf-8").decode(bytes);
    const bad = loose.split("\uFFFD").length - 1;
    const accented = (loose.match(/[^\x00-\x7F\uFFFD]/g) ?? []).length;
    if (bad <= STRAY_BYTES && accented >= bad) throw new InputFileError(M.badUtf8At(file, at.line, at.column, at.byte));
    throw new InputFileError(M.notUtf8(file) + " " + M.firstNonUtf8(at.line, at.column));
  }
}

/** At most this many bytes that are not UTF-8 in a UTF-8 text are named one by one as stray bytes. */
const STRAY_BYTES = 3;

/**
 * Where the first byte that is not UTF-8 sits (1-based line, 1-based character within the line), so
 * that one stray byte in an otherwise UTF-8 file names its place instead of condemning the whole file.
 * null when the decoder's refusal cannot be pinned to one byte.
 */
function firstBadUtf8(bytes: Buffer): { line: number; column: number; byte: number } | null {
  let lo = 0;
  let hi = bytes.length;
  // the longest prefix that decodes (a cut inside a sequence counts as bad, so step back over it)
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  if (lo >= bytes.length) return null;
  const good = new TextDecoder("utf-8").decode(bytes.subarray(0, lo), { stream: true });
  const lines = good.split(/\r\n|\n|\r/);
  return { line: lines.length, column: [...lines[lines.length - 1]].length + 1, byte: bytes[lo] };
}

/** A CSV cell: plain whole numbers and decimals become numbers; everything else stays text for the engine. */
function csvCell(s: string): CellInput {
  const t = s.trim();
  if (t === "") return null;
  if (/^-?\d+$/.test(t) && t.length < 16) return Number(t);
  if (/^-?\d+\.\d+$/.test(t) && !/^-?\d{1,3}\.\d{3}$/.test(t)) return Number(t); // "1.234" is a thousands group: leave it
  return s;
}

export function readCsv(bytes: Buffer, file: string, encoding?: string): InputBook {
  // Windows-1258 writes Vietnamese with combining tone marks: compose them (NFC) so names and headers match
  const text = decodeCsv(bytes, file, encoding).normalize("NFC");
  if (text.includes("\u0000")) throw new InputFileError(M.nulInCsv(file));
  const firstLines = text.split(/\r\n|\n|\r/).slice(0, 10).join("\n");
  const count = (ch: string) => firstLines.split(ch).length;
  const delimiter = [";", "\t", ","].sort((a, b) => count(b) - count(a))[0];
  let records: string[][];
  // csv-parse builds an error object (and its stack) for every record whose length differs from the
  // first record's, even when relax_column_count lets it pass: under a one-cell title line that is
  // every row of the table. Without stacks those objects are cheap (100,000 rows: ~1.7 s less).
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      // csv-parse takes the first line's ending for the whole file: a file whose lines end partly in
      // CRLF and partly in LF (rows pasted in from another export) would glue records together
      record_delimiter: ["\r\n", "\n", "\r"],
    }) as string[][];
  } catch (e) {
    throw new InputFileError(M.badCsv(file, (e as Error).message));
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
  const grid = records.map((r) => r.map(csvCell));
  return {
    kind: "csv",
    file,
    sheets: [{ name: CSV_SHEET, grid, hiddenRows: [], hiddenColumns: [], state: "visible" }],
    activeSheet: CSV_SHEET,
    ownSheets: [],
  };
}
