/**
 * The command line's reader: .xlsx/.xlsm (the package's own relationships, sheets streamed), .ods,
 * .xls and CSV, each to the same InputBook of plain cell values (see types.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { READ_MESSAGES as M } from "./messages";
import { readOds } from "./ods";
import { InputFileError, type InputBook, type ReadOptions } from "./types";
import { readXlsx } from "./xlsx";

export { OUT_OF_RANGE_DATE } from "./messages";
export { findSheet, sheetsInSearchOrder } from "./sheets";
export { MAX_CELLS } from "./xlsx";
export * from "./types";

// the readers of other formats load their libraries only for a file that needs them: SheetJS alone
// takes a tenth of a second to load, a sixth of scoring a 10,000-unit .xlsx
const xls = () => import("./xls");
const csv = () => import("./csv");

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An OLE2 compound file: an encrypted (password-protected) .xlsx, or an old binary .xls. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

function readBytes(file: string): Buffer {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new InputFileError(M.directory(file));
    return fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputFileError(M.notFound(file));
    if (code === "EACCES" || code === "EPERM") throw new InputFileError(M.noAccess(file));
    throw new InputFileError(M.unreadable(file, (e as Error).message));
  }
}

/** An OpenDocument package starts with its uncompressed "mimetype" entry (ODF 1.2 Part 3 §3.3). */
function isOds(bytes: Buffer, ext: string): boolean {
  const head = bytes.subarray(30, 30 + 8 + ODS_MIME.length).toString("latin1");
  return head === "mimetype" + ODS_MIME || ext === ".ods";
}

export async function readInput(file: string, opts: ReadOptions = {}): Promise<InputBook> {
  const bytes = readBytes(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt") {
    // a workbook renamed .csv (or saved so by a portal) is told by its bytes, not sent to the encoding advice
    const workbook = bytes.subarray(0, 4).equals(ZIP_MAGIC) || bytes.subarray(0, 8).equals(OLE_MAGIC);
    if (!workbook) return (await csv()).readCsv(bytes, file, opts.encoding);
    const book = await readByBytes(bytes, file, ext, opts);
    return { ...book, notes: [...(book.notes ?? []), M.workbookNamedCsv(file, "." + (book.kind === "xlsm" ? "xlsm" : book.kind))] };
  }
  return readByBytes(bytes, file, ext, opts);
}

async function readByBytes(bytes: Buffer, file: string, ext: string, opts: ReadOptions): Promise<InputBook> {
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    const { oleKind, readXls } = await xls();
    if (oleKind(bytes) === "encrypted") throw new InputFileError(M.encrypted(file));
    return readXls(bytes, file, opts);
  }
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return isOds(bytes, ext) ? readOds(bytes, file, opts) : readXlsx(bytes, file, opts);
  // "Excel" exports of web portals: an HTML table or an XML Spreadsheet 2003 saved as .xls
  if (ext === ".xls") return (await xls()).readXls(bytes, file, opts);
  throw new InputFileError(M.notXlsx(file));
}
