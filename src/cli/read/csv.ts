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
    throw new InputFileError(M.notUtf8(file));
  }
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
  const firstLines = text.split(/\r?\n/).slice(0, 10).join("\n");
  const count = (ch: string) => firstLines.split(ch).length;
  const delimiter = [";", "\t", ","].sort((a, b) => count(b) - count(a))[0];
  let records: string[][];
  // csv-parse builds an error object (and its stack) for every record whose length differs from the
  // first record's, even when relax_column_count lets it pass: under a one-cell title line that is
  // every row of the table. Without stacks those objects are cheap (100,000 rows: ~1.7 s less).
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
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
