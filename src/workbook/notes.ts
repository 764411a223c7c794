/**
 * Notes a user left on our results sheet. A re-run replaces the sheet whole, so what the user added
 * to it would go without a word. Reading (not a rule of any plan; the add-in's own promise never to
 * overwrite a user's cell): a note is a comment on any cell, or a value typed in a column that has no
 * header of ours in the header row (an empty column beside the table, or further right). Such notes
 * stop the run, naming the cells, rather than being carried over: the new sheet's rows are re-ranked
 * and its columns follow the plan and the mapping, so a carried note could land against another unit
 * or another figure without anyone noticing; the user moves the notes (to a sheet of their own) and
 * runs again. A value typed over one of our cells is an edit of our output, replaced like the rest.
 */
import { cellRef } from "./a1";
import { RESULTS_HEADER_ROW } from "./layout";

export interface SheetCellAt {
  /** 0-based */
  row: number;
  col: number;
}

/** At most this many cells are named; the count says how many more there are. */
export const NOTES_NAMED = 10;

/**
 * The cells of an old results sheet that replacing it would lose, A1 style, in sheet order:
 * `filled` are its non-blank cells, `comments` the cells that carry a comment.
 */
export function notesOnResults(filled: SheetCellAt[], comments: SheetCellAt[]): string[] {
  const headed = new Set(filled.filter((c) => c.row === RESULTS_HEADER_ROW).map((c) => c.col));
  const lost = new Map<string, SheetCellAt>();
  for (const c of filled) if (!headed.has(c.col)) lost.set(cellRef(c.row, c.col), c);
  for (const c of comments) lost.set(cellRef(c.row, c.col), c);
  return [...lost.entries()].sort(([, a], [, b]) => a.row - b.row || a.col - b.col).map(([ref]) => ref);
}

/** "B5, Z7 và 3 ô khác": the cells named in a message. */
export function notesList(refs: string[]): string {
  const shown = refs.slice(0, NOTES_NAMED).join(", ");
  return refs.length > NOTES_NAMED ? `${shown} và ${refs.length - NOTES_NAMED} ô khác` : shown;
}
