/**
 * The Rank job end to end against the fake Excel: round trips, what is written, what is never
 * touched, and failures that write nothing.
 */
import { createFakeExcel, FakeWorkbook } from "../fake-excel/fake-excel";
import { hg165Large, hg165Sheet, HG165_UNITS } from "../fake-excel/sample-hg165";
import { runJob, type JobRequest } from "../../src/workflow/job";
import { skippedLines } from "../../src/workflow/summary";
import type { ExcelRunner } from "../../src/excel-io/types";
import { failure } from "./failure";
import { markerName } from "../../src/excel-io/write";
import { CHART_SHEET } from "../../src/workflow/chart";
import { RESULTS_SHEET, RULES_SHEET } from "../../src/workbook";

const NOW = new Date(2023, 11, 20, 9, 30);
const RANK: JobRequest = { planId: "hg-165-2023", source: { kind: "selection" }, now: NOW };

function book(rows = hg165Sheet(), at = "B2", sheet = "Số liệu 2023") {
  const wb = new FakeWorkbook();
  wb.setValues(sheet, at, rows);
  // the official clicks somewhere inside the table
  wb.select(sheet, at.replace(/\d+$/, (n) => String(Number(n) + 4)));
  const excel = createFakeExcel(wb);
  return { wb, run: excel.run.bind(excel) as unknown as ExcelRunner };
}


describe("Rank on the sample table", () => {
  test("writes results, rules and chart in 2 round trips and leaves the input as it was", async () => {
    const { wb, run } = book();
    const before = wb.snapshot()["Số liệu 2023"];
    const steps: string[] = [];
    const { summary } = await runJob(run, RANK, (s) => steps.push(s));

    expect(wb.syncCount).toBe(2);
    expect(summary.syncs).toBe(2);
    expect(steps).toEqual(["read", "score", "check", "write", "done"]);
    expect(wb.snapshot()["Số liệu 2023"]).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Số liệu 2023", RESULTS_SHEET, RULES_SHEET, CHART_SHEET]);

    // every unit of the input is in the results' unit column, once
    const grid = wb.getValues(RESULTS_SHEET);
    const headerRow = grid.findIndex((r) => r.includes("Đơn vị"));
    const unitCol = grid[headerRow].indexOf("Đơn vị");
    const written = grid.slice(headerRow + 1).map((r) => r[unitCol]);
    for (const u of HG165_UNITS) expect(written.filter((v) => v === u[1])).toHaveLength(1);

    // Xã Phương Bình: 60 / 100 online is below the 70% floor → not considered (hg-165 §III.2.b)
    expect(summary.counts.not_eligible).toBe(1);
    expect(summary.counts.scored).toBe(HG165_UNITS.length - 1);
    expect(summary.units).toBe(HG165_UNITS.length);
    // the top district: Châu Thành has the best own ratio (90%) and e-ID (85% ≥ 80%)
    const topDistrict = summary.top.find((t) => t.level === "huyen" && t.rank === 1);
    expect(topDistrict?.key).toBe("Huyện Châu Thành");
    expect(summary.top.filter((t) => t.level === "huyen")).toHaveLength(3);

    // highlighting: Excel conditional formats on the results sheet, red and amber
    const results = wb.sheetByName(RESULTS_SHEET)!;
    const cfs = wb.conditionalFormats.filter((c) => c.sheet === results.id);
    expect(cfs.length).toBeGreaterThan(0);
    expect(new Set(cfs.map((c) => c.fill))).toEqual(new Set(["#FFC7CE", "#FFEB9C"]));
    for (const c of cfs) expect(c.formula).toMatch(/^=/);

    // marker names for each own sheet
    for (const role of ["results", "rules", "chart"] as const)
      expect(wb.names.some((n) => n.name === markerName(role) && n.sheetId !== null)).toBe(true);

    // the chart: a stacked bar per unit, three coloured series
    const chart = wb.sheetByName(CHART_SHEET)!.charts[0];
    expect(chart.type).toBe("BarStacked");
    expect(chart.source).toBe(`'${CHART_SHEET}'!A1:D${HG165_UNITS.length + 1}`);
    expect(Object.keys(chart.seriesFill)).toHaveLength(3);
    // the unit not considered sits in the third series only
    const chartRows = wb.getValues(CHART_SHEET);
    const pb = chartRows.find((r) => r[0] === "Xã Phương Bình")!;
    expect(pb[1]).toBe("");
    expect(pb[2]).toBe("");
    // Xã Hòa An: 100% online and 95% e-ID, full points on both → first series only
    const ha = chartRows.find((r) => r[0] === "Xã Hòa An")!;
    expect(ha[1]).toBe(100);
    expect(ha[2]).toBe("");
    // Thị trấn Ngã Sáu: 80% online < 100% → below a full-points threshold → second series
    const ns = chartRows.find((r) => r[0] === "Thị trấn Ngã Sáu")!;
    expect(ns[1]).toBe("");
    expect(typeof ns[2]).toBe("number");
  });

  test("10 rows and 10,000 rows take the same number of round trips", async () => {
    const counts: number[] = [];
    for (const n of [10, 10_000]) {
      const rows = hg165Sheet(hg165Large(n));
      const { wb, run } = book(rows);
      const before = wb.snapshot()["Số liệu 2023"];
      const { summary, chartOmitted } = await runJob(run, RANK);
      expect(summary.units).toBe(n);
      // a bar per unit is unreadable beyond a few hundred units: the chart is left out, and said so
      expect(chartOmitted).toBe(n > 300);
      expect(summary.sheets.includes(CHART_SHEET)).toBe(n <= 300);
      expect(wb.snapshot()["Số liệu 2023"]).toEqual(before);
      counts.push(wb.syncCount);
    }
    expect(counts[0]).toBeLessThanOrEqual(3);
    expect(counts[1]).toBe(counts[0]);
  });

  test("two Ranks in a row: the second replaces only the add-in's own sheets", async () => {
    const { wb, run } = book();
    wb.setValues("Ghi chú", "A1", [["của người dùng"]]);
    const before = wb.snapshot();
    const first = await runJob(run, RANK);
    const firstIds = wb.sheets.map((s) => s.id);
    const firstResults = wb.getValues(RESULTS_SHEET);
    // the selection is now on the results sheet: the pane re-runs on the table it read the first time
    expect(first.source).toEqual({ kind: "region", sheet: "Số liệu 2023", cell: "B4" });
    await expect(runJob(run, RANK)).rejects.toMatchObject({ code: "source_on_own_sheet" });
    await runJob(run, { ...RANK, source: first.source });

    // 2, 1 refused, then 3: the old results sheet is read once more for notes the user added to it
    expect(wb.syncCount).toBe(6);
    const after = wb.snapshot();
    expect(after["Số liệu 2023"]).toEqual(before["Số liệu 2023"]);
    expect(after["Ghi chú"]).toEqual(before["Ghi chú"]);
    // user sheets keep their identity; ours are new sheets with the same content
    expect(wb.sheetByName("Số liệu 2023")!.id).toBe(firstIds[0]);
    expect(wb.sheetByName("Ghi chú")!.id).toBe(firstIds[1]);
    expect(firstIds).not.toContain(wb.sheetByName(RESULTS_SHEET)!.id);
    expect(wb.getValues(RESULTS_SHEET)).toEqual(firstResults);
    expect(wb.sheets).toHaveLength(5);
    // no duplicate names, none left dangling (#REF!)
    const names = wb.names.map((n) => n.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(wb.names.every((n) => n.sheetId !== null)).toBe(true);
    // conditional formats of the old sheets went with them
    expect(wb.conditionalFormats.every((c) => wb.sheetById(c.sheet))).toBe(true);
  });

  test("an Excel table as the source", async () => {
    const { wb, run } = book(hg165Sheet(), "A1");
    wb.addTable("SoLieu", "Số liệu 2023", `A3:G${3 + HG165_UNITS.length}`);
    wb.select("Số liệu 2023", "A1");
    const { summary } = await runJob(run, { ...RANK, source: { kind: "table", name: "SoLieu" } });
    expect(summary.units).toBe(HG165_UNITS.length);
  });
});

describe("with formulas", () => {
  test("the results refer to the user's cells, written as one formulas array", async () => {
    const { wb, run } = book();
    const before = wb.snapshot()["Số liệu 2023"];
    await runJob(run, { ...RANK, formulas: true });
    expect(wb.syncCount).toBe(2);
    const res = wb.sheetByName(RESULTS_SHEET)!;
    const formulas = [...res.cells.values()].map((c) => c.f).filter((f): f is string => Boolean(f));
    // the online dossiers of the first district (row 5, column E of the user's sheet: table at B2)
    expect(formulas.some((f) => f.includes("'Số liệu 2023'!E5"))).toBe(true);
    expect(wb.snapshot()["Số liệu 2023"]).toEqual(before);
  });
});

describe("problems are placed on the user's sheet", () => {
  test("a text count and a blank denominator name the sheet, row and column", async () => {
    const units = HG165_UNITS.map((r) => [...r]);
    units[1][3] = "chín mươi lăm"; // Xã Đông Phước, online dossiers
    units[4][4] = null; // Xã Hòa An, all dossiers
    // the table starts at B2: title B2, header B4, first unit row 5
    const { run } = book(hg165Sheet(units), "B2");
    const { summary } = await runJob(run, RANK);
    const at = (row: number, column: string) => summary.problems.find((p) => p.row === row && p.column === column);
    expect(at(6, "E")).toMatchObject({ sheet: "Số liệu 2023", code: "invalid_input" });
    expect(at(9, "F")).toMatchObject({ sheet: "Số liệu 2023" });
    expect(at(9, "F")!.code).toMatch(/missing_input|zero_denominator/);
    for (const p of summary.problems) expect(p.message).toMatch(/[ạ-ỹ]/);
  });
});

describe("a failed Rank writes nothing", () => {
  test("a user's sheet named like the results sheet, without the marker", async () => {
    const { wb, run } = book();
    wb.setValues(RESULTS_SHEET, "A1", [["bảng riêng của tôi"]]);
    const before = wb.snapshot();
    const sheetsBefore = wb.sheets.map((s) => s.id);
    const e = await failure(runJob(run, RANK));
    expect(e.code).toBe("sheet_not_ours");
    expect(e.message).toContain(RESULTS_SHEET);
    expect(e.hint).toBeTruthy();
    expect(wb.snapshot()).toEqual(before);
    expect(wb.sheets.map((s) => s.id)).toEqual(sheetsBefore);
    expect(wb.names).toEqual([]);
    expect(wb.conditionalFormats).toEqual([]);
    expect(wb.syncCount).toBe(1);
  });

  test("no unit column: says which column is missing, at the header row", async () => {
    const rows = hg165Sheet().map((r) => r.filter((_c, j) => j !== 1));
    const { wb, run } = book(rows, "A1");
    const before = wb.snapshot();
    const e = await failure(runJob(run, RANK));
    expect(e.code).toBe("missing_column");
    expect(e.message).toMatch(/đơn vị/i);
    expect(e.where).toMatchObject({ sheet: "Số liệu 2023", row: 3 });
    expect(wb.snapshot()).toEqual(before);
    expect(wb.sheets).toHaveLength(1);
  });

  test("a remembered column that is no longer in the table names the input, not its id", async () => {
    const { wb, run } = book();
    const before = wb.snapshot();
    const e = await failure(runJob(run, { ...RANK, overrides: { online_dossiers: "HS nộp qua mạng" } }));
    expect(e.code).toBe("bad_mapping");
    expect(e.message).toContain("Số hồ sơ TTHC nộp trực tuyến");
    expect(e.message).toContain("HS nộp qua mạng");
    expect(wb.snapshot()).toEqual(before);
    expect(wb.sheets).toHaveLength(1);
  });

  test("a selection outside any table", async () => {
    const { wb, run } = book();
    wb.select("Số liệu 2023", "Z100");
    const before = wb.snapshot();
    const e = await failure(runJob(run, RANK));
    expect(e.code).toBe("no_table");
    expect(wb.snapshot()).toEqual(before);
  });

  test("after a failure, a good Rank still works and the earlier failure left no trace", async () => {
    const { wb, run } = book();
    wb.setValues(RESULTS_SHEET, "A1", [["bảng riêng của tôi"]]);
    await failure(runJob(run, RANK));
    wb.sheetByName(RESULTS_SHEET)!.name = "Bảng riêng";
    await runJob(run, RANK);
    expect(wb.getValues("Bảng riêng")).toEqual([["bảng riêng của tôi"]]);
    expect(wb.sheetByName(RESULTS_SHEET)).toBeDefined();
  });
});

describe("units under a blank row of the table", () => {
  test("are not scored, and the summary names their rows as the command line does; still 2 round trips", async () => {
    // a blank row after the first district's communes, the other districts under it
    const rows = hg165Sheet([...HG165_UNITS.slice(0, 3), [null, null, null, null, null, null, null], ...HG165_UNITS.slice(3)]);
    const { wb, run } = book(rows, "A1", "Số liệu");
    const { summary } = await runJob(run, RANK);
    expect(summary.units).toBe(3);
    expect(summary.syncs).toBe(2);
    expect(wb.syncCount).toBe(2);
    // header on row 3, units on rows 4–6, blank row 7, the other six units on rows 8–13
    expect(skippedLines(summary)).toEqual([expect.stringMatching(/^bỏ qua dòng 8: các dòng 8–13 .*dòng trống 7/)]);
  });

  test("notes and signatures under the table are not reported", async () => {
    const rows = [...hg165Sheet(), [null], [null, "Người lập biểu"], [null, "Nguyễn Văn A"]];
    const { run } = book(rows as never, "A1", "Số liệu");
    const { summary } = await runJob(run, RANK);
    expect(summary.units).toBe(HG165_UNITS.length);
    expect(summary.skipped).toEqual([]);
  });
});
