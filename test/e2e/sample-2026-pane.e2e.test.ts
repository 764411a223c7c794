/**
 * The sample of 2026 ranked in the built task pane (headless Chromium, the fake Excel of
 * helpers/fake-host.ts): a workbook holding the sample's data sheet (assets/samples/minh-son-2026.xlsx)
 * and the sample plan (assets/samples/minh-son-2026.plan.json) laid out as a plan sheet by
 * planSheetModel; that plan sheet picked in the pane, Xếp hạng, and every unit's total, rank and award
 * on the results sheet are the figures worked out by hand (test/workbook/sample-2026-expected.ts), the
 * ones the command line gives (test/cli/sample-2026.test.ts).
 */
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { resolvePlanArg } from "../../src/cli/plan-source";
import { readInput } from "../../src/cli/read";
import type { Plan } from "../../src/engine";
import { planSheetModel } from "../../src/workbook";
import { AWARDED, EXPECTED } from "../workbook/sample-2026-expected";
import { launchChromium } from "./helpers/browser";
import { DIST, distFile } from "./helpers/dist";
import { fakeHostScript, openHostedPane } from "./helpers/fake-host";
import { serveDirectory, type StaticServer } from "./helpers/static-server";

const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");
const DATA_SHEET = "Số liệu 2026";
const PLAN_SHEET = "Kế hoạch 2026";
const RESULTS = "Kết quả DVC";

type Cell = string | number | boolean;

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];
let plan: Plan;

beforeAll(async () => {
  distFile("taskpane.html");
  plan = await resolvePlanArg(path.join(SAMPLES, "minh-son-2026.plan.json"));
  const book = await readInput(path.join(SAMPLES, "minh-son-2026.xlsx"));
  const data = book.sheets.find((s) => s.name === DATA_SHEET)!.grid;
  // the plan sheet as the pane's "new plan sheet" writes it, its cells as typed values
  const planCells = planSheetModel(plan, PLAN_SHEET).cells.map((row) =>
    row.map((v) => (v !== null && typeof v === "object" ? { f: v.formula, v: v.result ?? "" } : v)),
  );
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  ({ page, errors } = await openHostedPane(
    browser,
    server.url,
    fakeHostScript(
      `wb.setValues(${JSON.stringify(DATA_SHEET)}, "A1", ${JSON.stringify(data)});
       wb.setValues(${JSON.stringify(PLAN_SHEET)}, "A1", ${JSON.stringify(planCells)});
       wb.select(${JSON.stringify(DATA_SHEET)}, "B5");`,
    ),
  ));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const wbEval = <T,>(fn: string): Promise<T> => page.evaluate(fn) as Promise<T>;
const snapshotOf = (sheet: string) => wbEval<string>(`JSON.stringify(window.__wb.snapshot()[${JSON.stringify(sheet)}])`);

test("the sample plan sheet picked in the pane: every unit's total, rank and award as worked out by hand", async () => {
  await page.getByRole("heading", { name: "DVC Thi đua" }).waitFor();
  const dataBefore = await snapshotOf(DATA_SHEET);
  const planBefore = await snapshotOf(PLAN_SHEET);

  // the picker lists the plan sheet once the pane has read the workbook's sheets
  const option = `sheet:${PLAN_SHEET}`;
  await page.locator(`option[value="${option}"]`).waitFor({ state: "attached" });
  await page.getByLabel("Kế hoạch").selectOption(option);
  await page.getByRole("button", { name: "Xếp hạng" }).click();
  await page.getByText(/^Đã ghi “Kết quả DVC”/).waitFor();

  const results = await wbEval<Cell[][]>(`window.__wb.getValues(${JSON.stringify(RESULTS)})`);
  const h = results.findIndex((r) => r.includes("Đơn vị"));
  const col = (name: string) => {
    const c = results[h].indexOf(name);
    expect(c).toBeGreaterThanOrEqual(0);
    return c;
  };
  const [unit, total, rank, award] = ["Đơn vị", "Tổng điểm", "Hạng", "Khen thưởng"].map(col);
  const rows = results.slice(h + 1).filter((r) => typeof r[unit] === "string" && r[unit] !== "");
  expect(rows.map((r) => r[unit]).sort()).toEqual(EXPECTED.map((e) => e[0]).sort());

  // a blank cell reads back as ""; the expected figures say null for no total and no rank
  const blankAsNull = (v: Cell | undefined) => (v === "" || v === undefined ? null : v);
  const close = (v: Cell | null) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v);
  const awardLabel = plan.awards.find((a) => a.code === "commune_merit")!.label;
  const awardedNames = new Set(AWARDED.map(([, n]) => n));
  const differ: string[] = [];
  for (const [name, , , , , , , wantTotal, wantRank] of EXPECTED) {
    const r = rows.find((x) => x[unit] === name)!;
    const got = { total: close(blankAsNull(r[total])), rank: blankAsNull(r[rank]), award: blankAsNull(r[award]) };
    const want = { total: wantTotal, rank: wantRank, award: awardedNames.has(name) ? awardLabel : null };
    if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${name}: pane ${JSON.stringify(got)}, by hand ${JSON.stringify(want)}`);
  }
  expect(differ).toEqual([]);
  // the awarded, by rank, as the command line gives them
  const awarded = rows.filter((r) => r[award] !== "").map((r) => [r[rank], r[unit]]).sort((a, b) => Number(a[0]) - Number(b[0]));
  expect(awarded).toEqual(AWARDED);

  // the pane scored with the plan sheet: the rules sheet records the sample plan's document
  const rules = await wbEval<Cell[][]>(`window.__wb.getValues("Quy tắc DVC")`);
  expect(rules.flat().some((v) => typeof v === "string" && v.includes("KH 45/KH-UBND"))).toBe(true);

  // the bonus of 6 is listed with its cell, not lowered to 5
  const summary = page.getByRole("region", { name: "Kết quả" });
  await summary.getByRole("button", { name: /Dòng 30, cột L — Xã Sơn Thủy/ }).waitFor();

  // neither the data nor the plan sheet changed
  expect(await snapshotOf(DATA_SHEET)).toBe(dataBefore);
  expect(await snapshotOf(PLAN_SHEET)).toBe(planBefore);
  expect(errors).toEqual([]);
});
