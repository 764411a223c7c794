/**
 * Notes the user added to our old results sheet (src/workbook/notes.ts): a Rank over it stops before
 * writing, naming their cells, as the command line does; with the user's word (replaceNotes) it
 * replaces the sheet. Against the fake Excel, which counts the round trips.
 */
import { createFakeExcel, FakeWorkbook, colLetters } from "../fake-excel/fake-excel";
import { hg165Sheet } from "../fake-excel/sample-hg165";
import { NotesWorkflowError, runJob, type JobRequest } from "../../src/workflow/job";
import type { ExcelRunner } from "../../src/excel-io/types";
import { RESULTS_HEADER_ROW, RESULTS_SHEET } from "../../src/workbook";
import { failure } from "./failure";

const NOW = new Date(2023, 11, 20, 9, 30);

/** The sample table, ranked once: the workbook now holds our results sheet. */
async function ranked() {
  const wb = new FakeWorkbook();
  wb.setValues("Số liệu 2023", "B2", hg165Sheet());
  wb.select("Số liệu 2023", "B6");
  const excel = createFakeExcel(wb);
  const run = excel.run.bind(excel) as unknown as ExcelRunner;
  const first = await runJob(run, { planId: "hg-165-2023", source: { kind: "selection" }, now: NOW });
  const rank: JobRequest = { planId: "hg-165-2023", source: first.source, now: NOW };
  // the first column right of ours, and the first data row (1-based)
  const width = wb.getValues(RESULTS_SHEET)[RESULTS_HEADER_ROW].length;
  return { wb, run, rank, free: colLetters(width + 1), row: RESULTS_HEADER_ROW + 2 };
}

describe("notes on the old results sheet", () => {
  test("a value typed beside our columns and a comment stop the Rank, naming both cells; nothing is written", async () => {
    const { wb, run, rank, free, row } = await ranked();
    wb.setValues(RESULTS_SHEET, `${free}${row}`, [["đã gọi điện cho xã"]]);
    wb.addComment(RESULTS_SHEET, `B${row + 1}`, "kiểm tra lại số liệu");
    const before = wb.snapshot();
    const ids = wb.sheets.map((s) => s.id);
    const syncs = wb.syncCount;

    const e = await failure(runJob(run, rank));
    expect(e).toBeInstanceOf(NotesWorkflowError);
    expect(e.code).toBe("notes_would_be_lost");
    expect((e as NotesWorkflowError).cells).toEqual([`${free}${row}`, `B${row + 1}`]);
    expect(e.message).toContain(`${free}${row}, B${row + 1}`);
    expect(wb.snapshot()).toEqual(before);
    expect(wb.sheets.map((s) => s.id)).toEqual(ids);
    // the read, the results sheet's extent and its comments, then the cells that hold the notes
    expect(wb.syncCount - syncs).toBe(3);
  });

  test("a note (ExcelApi 1.18) counts as a comment does", async () => {
    const { wb, run, rank, row } = await ranked();
    wb.addComment(RESULTS_SHEET, `C${row}`, "ghi chú", "notes");
    const e = await failure(runJob(run, rank));
    expect((e as NotesWorkflowError).cells).toEqual([`C${row}`]);
  });

  test("with the user's word the sheet is replaced, the notes with it", async () => {
    const { wb, run, rank, free, row } = await ranked();
    wb.setValues(RESULTS_SHEET, `${free}${row}`, [["đã gọi điện cho xã"]]);
    const old = wb.sheetByName(RESULTS_SHEET)!.id;
    const syncs = wb.syncCount;
    await runJob(run, { ...rank, replaceNotes: true });
    expect(wb.sheetByName(RESULTS_SHEET)!.id).not.toBe(old);
    expect(wb.cell(RESULTS_SHEET, `${free}${row}`)).toBeUndefined();
    // the user has been asked: the results sheet is not read again
    expect(wb.syncCount - syncs).toBe(2);
  });

  test("an edit over one of our cells is ours to replace: no question, one round trip to find that out", async () => {
    const { wb, run, rank, row } = await ranked();
    wb.setValues(RESULTS_SHEET, `B${row}`, [["sửa tay"]]);
    const syncs = wb.syncCount;
    await runJob(run, rank);
    expect(wb.syncCount - syncs).toBe(3);
  });
});
