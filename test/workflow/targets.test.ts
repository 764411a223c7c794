/**
 * Check targets (hg-126, ls-170 with assigned targets from a column, iator-32 with a date) through
 * the same job: met / not met per indicator and unit, highlighted, input untouched, 2 round trips.
 */
import { createFakeExcel, FakeWorkbook, type FakeScalar } from "../fake-excel/fake-excel";
import { runJob, type JobRequest } from "../../src/workflow/job";
import type { ExcelRunner } from "../../src/excel-io/types";
import { RESULTS_SHEET } from "../../src/workbook";
import type { UnitResult } from "../../src/engine";
import { failure } from "./failure";

function book(rows: (FakeScalar | null)[][]) {
  const wb = new FakeWorkbook();
  wb.setValues("Chỉ tiêu", "A1", rows);
  wb.select("Chỉ tiêu", "A2");
  const excel = createFakeExcel(wb);
  return { wb, run: excel.run.bind(excel) as unknown as ExcelRunner };
}

function check(u: UnitResult, indicator: string) {
  const c = u.criteria.find((x) => x.id === indicator);
  if (!c) throw new Error(`no ${indicator} for ${u.key}`);
  return c.reason;
}

async function runTargets(rows: (FakeScalar | null)[][], req: Omit<JobRequest, "source">) {
  const { wb, run } = book(rows);
  const before = wb.snapshot()["Chỉ tiêu"];
  const result = await runJob(run, { ...req, source: { kind: "selection" } });
  expect(wb.snapshot()["Chỉ tiêu"]).toEqual(before);
  expect(wb.syncCount).toBe(2);
  const results = wb.sheetByName(RESULTS_SHEET)!;
  const cfs = wb.conditionalFormats.filter((c) => c.sheet === results.id);
  return { wb, result, cfs, unit: (k: string) => result.scored.outcome.units.find((u) => u.key === k)! };
}

test("hg-126-2023: commune targets, exactly at a target meets it (Annex I)", async () => {
  const { result, cfs, unit } = await runTargets(
    [
      ["Đơn vị", "Tỷ lệ hồ sơ được tiếp nhận và xử lý trực tuyến", "Tỷ lệ hồ sơ được giải quyết trước hạn và đúng hạn"],
      ["Xã Tân Hòa", 0.9, 0.94],
      ["Xã Vị Thanh", 0.5, 0.99],
    ],
    { planId: "hg-126-2023", level: "xa" },
  );
  // II.2 target 90%, IV target 95%
  expect(check(unit("Xã Tân Hòa"), "ii_2")).toBe("target_met");
  expect(check(unit("Xã Tân Hòa"), "iv")).toBe("target_not_met");
  expect(check(unit("Xã Vị Thanh"), "ii_2")).toBe("target_not_met");
  expect(check(unit("Xã Vị Thanh"), "iv")).toBe("target_met");
  expect(result.summary.targets).toEqual({ met: 2, notMet: 2 });
  expect(cfs.length).toBeGreaterThan(0);
  // a target plan has no totals: no chart sheet
  expect(result.summary.sheets).not.toContain("Biểu đồ DVC");
});

test("ls-170-2023: assigned targets come from a column, plus 5 points (§II.2)", async () => {
  const { unit } = await runTargets(
    [
      // every column the award rests on (§V.2.b) is required
      ["Đơn vị", "Tỷ lệ hồ sơ trực tuyến", "Chỉ tiêu giao hồ sơ trực tuyến", "Tỷ lệ số hóa", "Tỷ lệ DVC phát sinh hồ sơ trực tuyến", "Chỉ tiêu giao DVC phát sinh hồ sơ", "Có giải pháp"],
      ["Xã Mai Pha", 0.45, 0.4, 0.55, 0.9, 0.8, "có"],
      ["Xã Hoàng Đồng", 0.44, 0.4, 0.5, 0.9, 0.8, "không"],
    ],
    { planId: "ls-170-2023", level: "xa" },
  );
  // assigned 40% + 5 points = 45%: 0.45 meets, 0.44 does not; so_hoa at commune level is 55%
  expect(check(unit("Xã Mai Pha"), "ho_so_truc_tuyen")).toBe("target_met");
  expect(check(unit("Xã Hoàng Đồng"), "ho_so_truc_tuyen")).toBe("target_not_met");
  expect(check(unit("Xã Mai Pha"), "so_hoa")).toBe("target_met");
  expect(check(unit("Xã Hoàng Đồng"), "so_hoa")).toBe("target_not_met");
});

test("ls-170-2023: a table without a column the award rests on is not checked, and the column is named", async () => {
  const wb = new FakeWorkbook();
  wb.setValues("Chỉ tiêu", "A1", [
    ["Đơn vị", "Tỷ lệ hồ sơ trực tuyến", "Chỉ tiêu giao hồ sơ trực tuyến", "Tỷ lệ DVC phát sinh hồ sơ trực tuyến", "Chỉ tiêu giao DVC phát sinh hồ sơ", "Có giải pháp"],
    ["Xã Mai Pha", 0.45, 0.4, 0.9, 0.8, "có"],
  ]);
  wb.select("Chỉ tiêu", "A2");
  const excel = createFakeExcel(wb);
  const e = await failure(runJob(excel.run.bind(excel) as unknown as ExcelRunner, { planId: "ls-170-2023", source: { kind: "selection" }, level: "xa" }));
  expect(e.code).toBe("missing_column");
  expect(e.message).toMatch(/số hóa/);
  expect(wb.sheets).toHaveLength(1);
});

test("iator-32-2024: the date picked chooses the milestone in force (§III.1)", async () => {
  const rows: (FakeScalar | null)[][] = [
    ["Đơn vị", "Tỷ lệ DVC trực tuyến", "Tỷ lệ thanh toán trực tuyến"],
    ["Xã Ia Tơr", 0.35, 0.25],
  ];
  // 1/5/2024 is before day 50 (10/5/2024): targets 30% and 20%
  const before50 = await runTargets(rows, { planId: "iator-32-2024", date: "2024-05-01" });
  expect(check(before50.unit("Xã Ia Tơr"), "dvc_truc_tuyen")).toBe("target_met");
  expect(check(before50.unit("Xã Ia Tơr"), "thanh_toan")).toBe("target_met");
  // 1/6/2024 is after day 50: the day-100 targets 60% and 55% are in force
  const after50 = await runTargets(rows, { planId: "iator-32-2024", date: "2024-06-01" });
  expect(check(after50.unit("Xã Ia Tơr"), "dvc_truc_tuyen")).toBe("target_not_met");
  expect(check(after50.unit("Xã Ia Tơr"), "thanh_toan")).toBe("target_not_met");
});
