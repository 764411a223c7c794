/**
 * The built task pane in Debian's headless Chromium, with office.js replaced by the shared stub plus
 * the fake Excel of the Jest tests (helpers/fake-host.ts) holding an hg-165 table. Picks the plan, reads the table, clicks Xếp hạng, checks what was written and saves
 * the screenshot the README shows (docs/taskpane.png).
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./helpers/browser";
import { DIST, ROOT, distFile } from "./helpers/dist";
import { fakeHostScript, openHostedPane } from "./helpers/fake-host";
import { serveDirectory, type StaticServer } from "./helpers/static-server";

const SCREENSHOT = path.join(ROOT, "docs", "taskpane.png");
const SHEET = "Số liệu 2023";

/** The fake Excel with the sample table; `extra` runs after the table is in place (e.g. to add a user's sheet). */
function hostScript(displayLanguage = "vi-VN", extra = ""): string {
  return fakeHostScript(
    `var units = sample.HG165_UNITS.map(function (r) { return r.slice(); });
      // an OCR slip in a count: the pane must list it with its row and column
      units[8][3] = "9O";
      wb.setValues(${JSON.stringify(SHEET)}, "A1", sample.hg165Sheet(units));
      wb.select(${JSON.stringify(SHEET)}, "B5");
      ${extra}`,
    displayLanguage,
  );
}

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[] = [];

async function openPane(host: string): Promise<{ page: Page; errors: string[] }> {
  return openHostedPane(browser, server.url, host);
}

beforeAll(async () => {
  distFile("taskpane.html");
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  ({ page, errors } = await openPane(hostScript()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Cell = string | number | boolean;
const wbEval = <T,>(fn: string): Promise<T> => page.evaluate(fn) as Promise<T>;

test("rank an hg-165 table from the pane", async () => {
  await page.getByRole("heading", { name: "DVC Thi đua" }).waitFor();
  const inputBefore = await wbEval<string>(`JSON.stringify(window.__wb.snapshot()[${JSON.stringify(SHEET)}])`);

  await page.getByLabel("Kế hoạch").selectOption("hg-165-2023");
  await page.getByRole("button", { name: "Đọc bảng" }).click();
  const mapping = page.getByRole("region", { name: "Cột dữ liệu" });
  await mapping.waitFor();
  // the mapping found by header is shown, one dropdown per input
  // (each option names its column and header: "E — Số hồ sơ trực tuyến")
  const chosen = (label: RegExp) => mapping.getByLabel(label).locator("option:checked").textContent();
  await expect(chosen(/Số hồ sơ TTHC nộp trực tuyến/)).resolves.toMatch(/^[A-Z]+ — Số hồ sơ trực tuyến$/);
  await expect(chosen(/Tổng số người dân có căn cước/)).resolves.toMatch(/^[A-Z]+ — Số người có CCCD$/);

  const syncsBefore = await wbEval<number>("window.__wb.syncCount");
  await page.getByRole("button", { name: "Xếp hạng" }).click();
  await page.getByText(/^Đã ghi “Kết quả DVC”/).waitFor();
  const rankSyncs = (await wbEval<number>("window.__wb.syncCount")) - syncsBefore;
  expect(rankSyncs).toBeLessThanOrEqual(3);

  // what was written: the results sheet, the top district first among districts
  const written = await wbEval<{ sheets: string[]; results: Cell[][]; cfs: { fill: string; formula: string }[]; charts: number }>(`(function () {
    var wb = window.__wb, res = wb.sheetByName("Kết quả DVC");
    return {
      sheets: wb.sheets.map(function (s) { return s.name; }),
      results: wb.getValues("Kết quả DVC"),
      cfs: wb.conditionalFormats.filter(function (c) { return c.sheet === res.id; }),
      charts: wb.sheetByName("Biểu đồ DVC").charts.length
    };
  })()`);
  expect(written.sheets).toEqual([SHEET, "Kết quả DVC", "Quy tắc DVC", "Biểu đồ DVC"]);
  const header = written.results.findIndex((r) => r.includes("Đơn vị"));
  const unitCol = written.results[header].indexOf("Đơn vị");
  const units = written.results.slice(header + 1).map((r) => r[unitCol]);
  // results are listed districts first, in rank order: Châu Thành (90% online, 85% e-ID) leads
  expect(units[0]).toBe("Huyện Châu Thành");
  expect(units).toContain("Xã Phương Bình");
  expect(written.cfs.length).toBeGreaterThan(0);
  expect(written.cfs.every((c) => c.formula.startsWith("="))).toBe(true);
  expect(written.charts).toBe(1);

  // no cell of the user's table changed
  expect(await wbEval<string>(`JSON.stringify(window.__wb.snapshot()[${JSON.stringify(SHEET)}])`)).toBe(inputBefore);

  // the summary: counts, top three, the problem row with its place
  const summary = page.getByRole("region", { name: "Kết quả" });
  await summary.getByRole("heading", { name: /Dẫn đầu — Huyện/ }).waitFor();
  await summary.getByText("Huyện Châu Thành").first().waitFor();
  const problem = summary.getByRole("button", { name: /Dòng 12, cột D — Xã Đại Thành/ });
  await problem.waitFor();

  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

  // clicking a problem selects that cell of the user's sheet
  await problem.click();
  // a function, not a string: the pane's policy forbids eval, which a string condition would need
  await page.waitForFunction(() => {
    const sel = (window as unknown as { __wb: { selection: { box: { r0: number; c0: number } } | null } }).__wb.selection;
    return sel !== null && sel.box.r0 === 11 && sel.box.c0 === 3;
  });
  expect(await wbEval<string>("window.__wb.sheetById(window.__wb.activeSheetId).name")).toBe(SHEET);

  expect(errors).toEqual([]);
});

test("a note the user typed on the old results sheet: the pane asks before it replaces the sheet", async () => {
  // after the Rank above: a note beside the results' columns, and a Rank again
  await wbEval("window.__wb.setValues('Kết quả DVC', 'AF7', [['đã gọi điện cho xã']])");
  const before = await wbEval<string>("JSON.stringify(window.__wb.snapshot())");
  await page.getByRole("button", { name: "Xếp hạng", exact: true }).click();
  await page.getByText("Trang kết quả cũ có ghi chú của người dùng").waitFor();
  await page.getByText(/có ghi chú ở AF7/).waitFor();
  expect(await wbEval<string>("JSON.stringify(window.__wb.snapshot())")).toBe(before);

  await page.getByRole("button", { name: "Thay trang kết quả và xếp hạng" }).click();
  await page.getByText(/^Đã ghi “Kết quả DVC”/).waitFor();
  expect(await wbEval<unknown>("window.__wb.cell('Kết quả DVC', 'AF7') || null")).toBeNull();
  expect(errors).toEqual([]);
});

test("a user's sheet named like the results sheet: the pane says why and nothing is written", async () => {
  const { page: p, errors: errs } = await openPane(hostScript("vi-VN", `wb.setValues("Kết quả DVC", "A1", [["Bảng tự lập của phòng"]]);`));
  const before = await p.evaluate("JSON.stringify(window.__wb.snapshot())");
  await p.getByRole("button", { name: "Xếp hạng" }).click();
  const bar = p.getByText("Chưa ghi gì vào sổ");
  await bar.waitFor();
  await p.getByText(/Sổ đã có trang tính "Kết quả DVC"/).waitFor();
  await p.getByText(/Đổi tên hoặc xoá trang/).waitFor();
  expect(await p.evaluate("JSON.stringify(window.__wb.snapshot())")).toBe(before);
  expect(await p.evaluate("window.__wb.sheets.length")).toBe(2);
  expect(errs).toEqual([]);
  await p.close();
});

test("a unit under a blank row is not scored, and the pane names its row", async () => {
  const { page: p, errors: errs } = await openPane(
    hostScript("vi-VN", `wb.setValues(${JSON.stringify(SHEET)}, "A14", [[10, "Xã Sau Dòng Trống", "Huyện Châu Thành", 90, 100, 900, 1000]]);`),
  );
  await p.getByRole("button", { name: "Xếp hạng" }).click();
  await p.getByText(/^Đã ghi “Kết quả DVC”/).waitFor();
  await p.getByText("Bỏ qua 1 dòng không chấm điểm:").waitFor();
  await p.getByText(/^bỏ qua dòng 14: các dòng 14 có số liệu nhưng nằm dưới dòng trống 13/).waitFor();
  expect(errs).toEqual([]);
  await p.close();
});

test("English when Office's display language is not Vietnamese", async () => {
  const { page: p, errors: errs } = await openPane(hostScript("en-US"));
  await p.getByRole("button", { name: "Rank" }).click();
  await p.getByText(/^Wrote “Kết quả DVC”/).waitFor();
  await p.getByRole("heading", { name: /Top — District/ }).waitFor();
  expect(errs).toEqual([]);
  await p.close();
});

test("Kiểm tra chỉ tiêu for iator-32 with the date picker: the milestone in force on the date chosen", async () => {
  const { page: p, errors: errs } = await openPane(
    hostScript(
      "vi-VN",
      `wb.setValues("Ia Tơr", "A1", [["Đơn vị", "Tỷ lệ DVC trực tuyến", "Tỷ lệ thanh toán trực tuyến"], ["Xã Ia Tơr", 0.35, 0.25]]);
       wb.select("Ia Tơr", "A2");`,
    )
  );
  await p.getByLabel("Kế hoạch").selectOption("iator-32-2024");
  const date = p.getByLabel("Ngày đánh giá");
  // defaults to today
  expect(await date.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // 1/5/2024: before day 50, the day-50 targets (30%, 20%) are in force: both met
  await date.fill("2024-05-01");
  await p.getByRole("button", { name: "Kiểm tra chỉ tiêu" }).click();
  await p.getByText("Chỉ tiêu: 2 đạt, 0 chưa đạt").waitFor();
  // 1/6/2024: past day 50, the day-100 targets (60%, 55%) apply: neither met
  await date.fill("2024-06-01");
  await p.getByRole("button", { name: "Kiểm tra chỉ tiêu" }).click();
  await p.getByText("Chỉ tiêu: 0 đạt, 2 chưa đạt").waitFor();
  const cfs = (await p.evaluate(
    `window.__wb.conditionalFormats.filter(function (c) { return c.sheet === window.__wb.sheetByName("Kết quả DVC").id; }).length`,
  )) as number;
  expect(cfs).toBeGreaterThan(0);
  expect(errs).toEqual([]);
  await p.close();
});
