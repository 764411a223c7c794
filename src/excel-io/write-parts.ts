/**
 * Writing the add-in's sheets when one request would be over Excel on the web's limit (payload.ts):
 * a results sheet of 100,000 units is ~43 MB of values.
 *
 * The new sheets are written under temporary names, hidden, in blocks of rows, each round trip under
 * PAYLOAD_LIMIT_BYTES. Only the last round trip touches what the user sees: it deletes our old sheets,
 * gives the new ones their names, shows them, and adds what refers to sheets by name (conditional
 * formats, workbook names, the chart) and what needs the cells written (merges, row heights). Should any block fail, the temporary sheets are deleted and
 * the workbook is as it was: the user's sheets and our previous results untouched.
 *
 * Formulas in the new sheets name the other new sheets by their temporary names ("'~Quy tắc DVC'!$D$8"):
 * the old sheets still hold the final names while the blocks are written, and Excel rewrites the
 * references when the temporary sheets are renamed at the end.
 */
import { markerName } from "../workbook/ownership";
import { quoteSheet, sameSheetName } from "./a1";
import { PAYLOAD_LIMIT_BYTES } from "./payload";
import { WorkflowError, type WorkbookSnapshot } from "./types";
import {
  addSheet,
  cellsBytes,
  findLeftovers,
  queueAfterCells,
  queueCells,
  queueLook,
  queueRemovals,
  queueRules,
  queueShow,
  queueWrite,
  removalBytes,
  renderSheet,
  tempMarkerName,
  wholeWriteBytes,
  type Leftovers,
  type Ownership,
  type RenderedSheet,
  type WritePlan,
} from "./write";

/**
 * Writes the plan: in one round trip when it fits, else in parts as above. `sync` is the job's counted
 * `context.sync()`. A failure of the one-batch write propagates as Office.js reports it (the sheets it
 * added are marked, so the next run replaces them); a failure of a split write is a WorkflowError.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  plan: WritePlan,
  own: Ownership,
  snap: WorkbookSnapshot,
  sync: () => Promise<void>,
): Promise<void> {
  const left = findLeftovers(snap, own);
  const rendered = plan.sheets.map((s) => renderSheet(s));
  if (wholeWriteBytes(rendered, own, left) <= PAYLOAD_LIMIT_BYTES) {
    queueWrite(context, plan, own, left, rendered);
    await sync();
    return;
  }
  await writeInParts(context, plan, own, left, snap.sheetNames, rendered, sync);
}

/** "~Kết quả DVC", or "~Kết quả DVC 2" if the user has a sheet of that name. */
function tempName(name: string, taken: string[]): string {
  const base = ("~" + name).slice(0, 31);
  let out = base;
  for (let k = 2; taken.some((t) => sameSheetName(t, out)); k++) out = base.slice(0, 31 - String(k).length - 1) + " " + k;
  taken.push(out);
  return out;
}

async function writeInParts(
  context: Excel.RequestContext,
  plan: WritePlan,
  own: Ownership,
  left: Leftovers,
  sheetNames: string[],
  plain: RenderedSheet[],
  sync: () => Promise<void>,
): Promise<void> {
  const wb = context.workbook;
  const taken = sheetNames.filter((s) => !left.sheets.some((l) => sameSheetName(l, s)));
  const temps = plan.sheets.map((s) => tempName(s.model.name, taken));
  const moves = plan.sheets.map((s, i) => [quoteSheet(s.model.name) + "!", quoteSheet(temps[i]) + "!"]);
  const retarget = (f: string) => (f.includes("'") ? moves.reduce((g, [from, to]) => g.split(from).join(to), f) : f);
  const rendered = plain.map((r) => (r.formulas ? renderSheet({ role: r.role, model: r.model, chart: r.chart }, retarget) : r));
  for (const r of rendered) {
    for (let i = 0; i < r.rows; i++) {
      if (cellsBytes(r, i, i + 1) > PAYLOAD_LIMIT_BYTES)
        throw new WorkflowError("row_too_large", `Dòng ${i + 1} của trang "${r.model.name}" quá lớn để Excel trên web nhận trong một lần ghi.`, {
          hint: "Rút ngắn nội dung các ô của dòng đó rồi bấm lại.",
        });
    }
  }

  const sheets: Excel.Worksheet[] = [];
  try {
    // round trip 1: leftovers out, the temporary sheets in (hidden, marked), then as many rows as fit
    queueRemovals(context, left.names, left.sheets);
    let room = PAYLOAD_LIMIT_BYTES - removalBytes(left.names, left.sheets);
    rendered.forEach((r, i) => {
      const ws = addSheet(context, temps[i], tempMarkerName(r.role));
      ws.visibility = "Hidden";
      queueLook(ws, r);
      sheets.push(ws);
      room -= r.fixedBytes;
    });
    for (let k = 0; k < rendered.length; k++) {
      const r = rendered[k];
      for (let from = 0; from < r.rows; ) {
        const to = lastFitting(r, from, room);
        if (to === from) {
          await sync();
          room = PAYLOAD_LIMIT_BYTES;
          continue;
        }
        queueCells(sheets[k], r, from, to);
        room -= cellsBytes(r, from, to);
        from = to;
      }
    }
    await sync();
  } catch (e) {
    await discard(context, rendered, temps, sync);
    throw new WorkflowError(
      "write_failed",
      `Excel không ghi được kết quả (${message(e)}). Sổ vẫn như trước khi bấm: các trang của bạn và kết quả lần trước không đổi.`,
      { hint: "Bấm lại. Nếu vẫn lỗi, lưu sổ, mở lại rồi thử lại." },
    );
  }

  try {
    // the last round trip: old sheets out, the new ones under their names
    queueRemovals(context, own.dropNames, own.replace);
    rendered.forEach((r, i) => {
      // marked for good before the rename, unmarked as temporary after it: a break in between leaves
      // a sheet the next run knows as ours either way
      wb.names.add(markerName(r.role), `=${quoteSheet(temps[i])}!$A$1`, "DVC Thi đua: trang do phần bổ trợ ghi ra");
      sheets[i].name = r.model.name;
      sheets[i].visibility = "Visible";
      wb.names.getItem(tempMarkerName(r.role)).delete();
      queueAfterCells(sheets[i], r);
    });
    rendered.forEach((r, i) => queueRules(context, sheets[i], r));
    const show = rendered.findIndex((r) => plan.activate && sameSheetName(plan.activate, r.model.name));
    if (show >= 0) queueShow(sheets[show]);
    await sync();
  } catch (e) {
    throw new WorkflowError(
      "write_incomplete",
      `Excel báo lỗi ở bước cuối, khi thay kết quả cũ bằng kết quả mới (${message(e)}); kết quả có thể chưa đủ.`,
      { hint: "Bấm lại: lần chạy sau thay hết các trang do DVC Thi đua ghi ra, trang của bạn không bị đụng tới." },
    );
  }
}

/** The last row `to` (from < to) such that rows from..to fit in `room` bytes; `from` when not even one does. */
function lastFitting(r: RenderedSheet, from: number, room: number): number {
  const fixed = cellsBytes(r, from, from);
  if (fixed + r.at[from + 1] - r.at[from] > room) return from;
  let lo = from + 1;
  let hi = r.rows;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fixed + r.at[mid] - r.at[from] <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Best effort, one round trip: deletes the temporary sheets and their marks, in the order they were
 * added. Office.js stops a batch at its first failing command, so should some not exist (the first
 * round trip broke off), the deletes stop where the adds stopped. Anything left is marked and is
 * removed by the next run.
 */
async function discard(context: Excel.RequestContext, rendered: RenderedSheet[], temps: string[], sync: () => Promise<void>): Promise<void> {
  const wb = context.workbook;
  rendered.forEach((r, i) => {
    wb.worksheets.getItem(temps[i]).delete();
    wb.names.getItem(tempMarkerName(r.role)).delete();
  });
  try {
    await sync();
  } catch {
    // nothing more to do here; see above
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
