/**
 * The notes a user left on our old results sheet, which a Rank would replace (src/workbook/notes.ts says
 * what a note is and why they stop the run rather than being carried over): the pane asks before it
 * loses them, as the command line stops.
 *
 * Round trips: only when a results sheet of ours is to be replaced, one to read its used range, its
 * header row and how many comments and notes it has; one more only when that shows notes, to name
 * their cells (the run stops there, so a re-run without notes costs one round trip more than a first
 * run, and a re-run that asks costs two). The whole sheet is never read: a results sheet of 10,000
 * units is megabytes, and only the columns without our header can hold a note.
 */
import { notesOnResults, RESULTS_HEADER_ROW, type SheetCellAt } from "../workbook";
import { parseAddress } from "./a1";

/** Excel's last column (XFD): the header row is read this wide, at a few bytes per empty cell. */
const MAX_COLUMNS = 16384;

/** A comment collection (threaded comments, ExcelApi 1.10; notes, ExcelApi 1.18) as far as it is read here. */
interface CellNotes {
  load(props: string): unknown;
  items: { getLocation(): Excel.Range }[];
}

/**
 * Whether the host has an ExcelApi requirement set: Office.js has every proxy whatever the host, and a
 * host without the set refuses the whole round trip that uses one. Outside Office (the tests' fake
 * Excel) there is no Office to ask, and the fake has what it models.
 */
function hostHas(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (set: string, v: string) => boolean } } } }).Office;
  const req = office?.context?.requirements;
  return typeof req?.isSetSupported === "function" ? req.isSetSupported("ExcelApi", version) : true;
}

/** The sheet's threaded comments (ExcelApi 1.10) and notes (ExcelApi 1.18), where the host has them. */
function cellNoteCollections(ws: Excel.Worksheet): CellNotes[] {
  const out: CellNotes[] = [];
  const found: [unknown, string][] = [[(ws as { comments?: unknown }).comments, "1.10"], [(ws as { notes?: unknown }).notes, "1.18"]];
  for (const [c, version] of found) {
    if (c && typeof (c as CellNotes).load === "function" && hostHas(version)) out.push(c as CellNotes);
  }
  return out;
}

/** The cells of results sheet `sheet` that replacing it would lose, A1 style (notesOnResults), in sheet order. */
export async function notesOnOldResults(context: Excel.RequestContext, sheet: string, sync: () => Promise<void>): Promise<string[]> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const used = ws.getUsedRange(true).load("address");
  const header = ws.getRangeByIndexes(RESULTS_HEADER_ROW, 0, 1, MAX_COLUMNS).load("values");
  const collections = cellNoteCollections(ws);
  for (const c of collections) c.load("items/id");
  await sync();

  const headed: SheetCellAt[] = [];
  (header.values[0] ?? []).forEach((v, col) => {
    if (v !== "" && v !== null) headed.push({ row: RESULTS_HEADER_ROW, col });
  });
  const heads = new Set(headed.map((c) => c.col));
  const { box } = parseAddress(used.address);
  const lastCol = box.c0 + box.cols - 1;
  // the used columns without our header: the only ones a typed note can be in
  const bare: number[] = [];
  for (let c = box.c0; c <= lastCol; c++) if (!heads.has(c)) bare.push(c);
  const located = collections.flatMap((c) => c.items.map((item) => item.getLocation().load("address")));
  if (!bare.length && !located.length) return [];

  const columns = bare.map((c) => ({ col: c, range: ws.getRangeByIndexes(box.r0, c, box.rows, 1).load("values") }));
  await sync();
  const filled: SheetCellAt[] = [...headed];
  for (const { col, range } of columns) {
    range.values.forEach((row, i) => {
      if (row[0] !== "" && row[0] !== null) filled.push({ row: box.r0 + i, col });
    });
  }
  const comments = located.map((r) => {
    const { box: at } = parseAddress(r.address);
    return { row: at.r0, col: at.c0 };
  });
  return notesOnResults(filled, comments);
}
