/**
 * Where the scored copy may go, and how it gets there. The input is never written: an output path
 * that is the input under any spelling (./a/../a.xlsx, another case on a case-insensitive disk, a
 * symbolic or hard link) is refused before anything is written. The copy is written to a new
 * temporary file beside the target and renamed over it only once complete, so a failure half way
 * leaves no partial file, and an earlier copy at the target stays as it was.
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { fillCopyText, SCORED_COPY_TEXT as T } from "../../messages/scored-copy";

/** The copy cannot be written where asked (exit status 2: nothing was written). */
export class OutputError extends Error {
  constructor(msg: string) {
    super(msg);
    this.name = "OutputError";
  }
}

/** The two paths name one file: the same path once resolved, or the same file on disk (links, case). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  let sa: fs.Stats;
  let sb: fs.Stats;
  try {
    sa = fs.statSync(a);
    sb = fs.statSync(b);
  } catch {
    // one of them does not exist (or cannot be reached): they cannot be one file
    return false;
  }
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

export type CopyKind = "xlsx" | "xlsm";

/** Refuses an output that is the input, a folder, or has the wrong extension for the copy's kind. */
export function checkOutput(input: string, output: string, kind: CopyKind): void {
  if (sameFile(input, output)) throw new OutputError(fillCopyText(T.sameAsInput, { output, input }));
  checkTarget(output, kind);
}

/** Refuses an output that is a folder, in a folder that is not there, or with the wrong extension. */
export function checkTarget(output: string, kind: CopyKind): void {
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(output);
  } catch {
    st = null;
  }
  const ext = "." + kind;
  if (st?.isDirectory()) throw new OutputError(fillCopyText(T.outputIsFolder, { output, ext }));
  // a folder given with -o that is not there is most often mistyped: creating it would put the copy
  // where nobody looks
  const dir = path.dirname(path.resolve(output));
  if (!isFolder(dir)) throw new OutputError(fillCopyText(T.noFolder, { output, dir }));
  const got = path.extname(output).toLowerCase();
  if (got !== ext) {
    const why = kind === "xlsm" ? T.whyMacro : got === ".xlsm" ? fillCopyText(T.whyPlain, { got }) : T.whyNew;
    const base = got ? output.slice(0, -got.length) : output;
    throw new OutputError(fillCopyText(T.extension, { output, ext, why, suggest: base + ext }));
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A system error while writing the copy, in the user's words and naming the path (never Node's English text). */
export function writeErrorOf(e: unknown, target: string): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string") return e;
  const output = target;
  const dir = path.dirname(path.resolve(target));
  if (code === "EISDIR") return new OutputError(fillCopyText(T.outputIsFolder, { output, ext: path.extname(target) || ".xlsx" }));
  if (code === "ENOENT" || code === "ENOTDIR") return new OutputError(fillCopyText(T.noFolder, { output, dir }));
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return new OutputError(fillCopyText(T.writeDenied, { output, dir }));
  if (code === "ENOSPC" || code === "EDQUOT") return new OutputError(fillCopyText(T.diskFull, { output }));
  return new OutputError(fillCopyText(T.writeFailed, { output, code }));
}

/**
 * Writes `target` through a temporary file beside it: `write` fills the open file; the file is
 * flushed to disk and renamed into place, or removed if anything fails.
 */
export async function writeAtomically(target: string, write: (fd: number) => Promise<void>): Promise<void> {
  try {
    await writeThroughTemporary(target, write);
  } catch (e) {
    throw writeErrorOf(e, target);
  }
}

async function writeThroughTemporary(target: string, write: (fd: number) => Promise<void>): Promise<void> {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  // "wx": a new file, never an existing one or whatever a link there points at
  const fd = fs.openSync(tmp, "wx", 0o666);
  let done = false;
  try {
    await write(fd);
    fs.fsyncSync(fd);
    done = true;
  } finally {
    fs.closeSync(fd);
    if (!done) fs.rmSync(tmp, { force: true });
  }
  try {
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
