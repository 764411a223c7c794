/**
 * The scored copy: `writeScoredCopy(book, sheets, output)`.
 *
 * - .xlsx / .xlsm input: the input's own package with our sheets added (package.ts). Every part of the
 *   user's workbook — charts, pivots, images, comments, validation, tables, external links, custom
 *   XML, the VBA project — is in the copy as it was; an .xlsm stays an .xlsm.
 * - CSV, .xls, .ods input: a new .xlsx holding the user's sheets as values, and ours (new-book.ts).
 *
 * The input file is never written (output.ts): an output that is the input is refused first, and the
 * copy is written to a temporary file renamed into place once complete.
 */
import { fillCopyText, SCORED_COPY_TEXT as T } from "../../messages/scored-copy";
import { newBookParts, type UserSheet } from "./new-book";
import { CONTENT_TYPE, contentTypeOf, parseContentTypes, parseRels, STRICT, TRANSITIONAL } from "./opc";
import * as fs from "fs";
import type { SheetModel } from "../../workbook";
import { checkOutput, checkTarget, OutputError, writeAtomically, type CopyKind } from "./output";
import { Package, PackageError, writePackage, type SourcePart } from "./package";
import type { OurSheet } from "./types";
import { XmlPartError } from "./xml";
import { readZip, ZipReadError, ZipWriter } from "./zip";

export { OutputError, checkOutput, checkTarget, sameFile, type CopyKind } from "./output";
export type { OurSheet } from "./types";

/** What the writer needs of the reader's InputBook. */
export interface BookToCopy {
  kind: "xlsx" | "xlsm" | "xls" | "ods" | "csv";
  file: string;
  sheets: UserSheet[];
  /** the workbook's active tab, when the reader knows it */
  activeSheet?: string | null;
  /** xlsx/xlsm: the input's own bytes */
  package?: Buffer;
  /** sheets an earlier scoring wrote (a non-.xlsx input has no names to mark them: they are left out of the new workbook) */
  ownSheets?: { role: string; name: string }[];
}

/**
 * Deflate level of the parts we write. Level 1 deflates a 10,000-unit results sheet (about 10 MB of
 * XML) in about a quarter of level 6's time for a part about a third larger.
 */
const LEVEL = 1;

/** The kind of copy an input gets, as far as its name tells (the package's content type has the last word). */
export function copyKindOf(book: Pick<BookToCopy, "kind">): CopyKind {
  return book.kind === "xlsm" ? "xlsm" : "xlsx";
}

/** .xlsm when the package's workbook part is macro-enabled (it holds a VBA project), else .xlsx. */
function packageKind(pkg: Package): CopyKind {
  const ctText = pkg.xml("[Content_Types].xml");
  const relsText = pkg.xml("_rels/.rels");
  if (!ctText || !relsText) throw new PackageError("no [Content_Types].xml or _rels/.rels");
  const doc = parseRels(relsText.text, "_rels/.rels", "").rels.find(
    (r) => !r.external && (r.type === TRANSITIONAL.rel("officeDocument") || r.type === STRICT.rel("officeDocument")),
  );
  if (!doc?.part) throw new PackageError("no workbook part");
  const type = contentTypeOf(parseContentTypes(ctText.text), doc.part) ?? "";
  return type === CONTENT_TYPE.macroWorkbook || /macroEnabled/i.test(type) ? "xlsm" : "xlsx";
}

export async function writeScoredCopy(book: BookToCopy, sheets: OurSheet[], output: string): Promise<{ notes: string[] }> {
  const notes: string[] = [];
  const broken = (e: unknown) => new OutputError(fillCopyText(T.brokenPackage, { file: book.file, detail: (e as Error).message }));
  let pkg: Package;
  let kind: CopyKind;
  if (book.kind === "xlsx" || book.kind === "xlsm") {
    if (!book.package) throw new Error("an .xlsx input without its bytes");
    try {
      pkg = new Package((await readZip(book.package)).map((entry): SourcePart => ({ name: entry.name, entry })));
      kind = packageKind(pkg);
    } catch (e) {
      if (e instanceof ZipReadError || e instanceof PackageError || e instanceof XmlPartError) throw broken(e);
      throw e;
    }
  } else {
    const own = new Set((book.ownSheets ?? []).map((s) => s.name));
    const kept = book.sheets.filter((s) => !own.has(s.name));
    pkg = new Package(newBookParts(kept, book.activeSheet ?? null));
    kind = "xlsx";
    const dates = kept.some((s) => s.grid.some((row) => row?.some((c) => c instanceof Date)));
    notes.push(
      fillCopyText(T.newBook, {
        kind: book.kind.toUpperCase(),
        sheets: kept.length === 1 ? `trang "${kept[0].name}"` : `${kept.length} trang`,
        formats: dates ? T.newBookFormats : "",
      }),
    );
  }
  checkOutput(book.file, output, kind);
  try {
    await writeAtomically(output, async (fd) => {
      const zip = new ZipWriter(fd, LEVEL);
      await writePackage(pkg, sheets, zip);
      zip.end();
    });
  } catch (e) {
    if (e instanceof ZipReadError || e instanceof PackageError || e instanceof XmlPartError) throw broken(e);
    throw e;
  }
  return { notes };
}

/**
 * A new .xlsx holding `sheets`, laid out in full (`plan new`'s plan sheet): the user's sheets from the
 * start, not marked as ours. A file already at `output` is never replaced: it may be a plan someone
 * has edited.
 */
export async function writeNewBook(sheets: SheetModel[], output: string): Promise<void> {
  checkTarget(output, "xlsx");
  if (fs.existsSync(output)) throw new OutputError(fillCopyText(T.newBookExists, { output }));
  const pkg = new Package(newBookParts(sheets.map((m) => ({ name: m.name, grid: [], model: m })), sheets[0]?.name ?? null));
  await writeAtomically(output, async (fd) => {
    const zip = new ZipWriter(fd, LEVEL);
    await writePackage(pkg, [], zip);
    zip.end();
  });
}
