/**
 * The built task pane in Debian's headless Chromium, with office.js replaced by the shared stub plus
 * the fake Excel of the Jest tests (test/fake-excel, transpiled here into a plain script) holding an
 * hg-165 table. Picks the plan, reads the table, clicks Xếp hạng, checks what was written and saves
 * the screenshot the README shows (docs/taskpane.png).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./helpers/browser";
import { DIST, ROOT, distFile } from "./helpers/dist";
import { OFFICE_JS_URL, officeStubScript } from "./helpers/office-stub";
import { serveDirectory, type StaticServer } from "./helpers/static-server";

const SCREENSHOT = path.join(ROOT, "docs", "taskpane.png");
const SHEET = "Số liệu 2023";

/** A TypeScript file without imports as a browser script that puts its exports on window[global]. */
function asBrowserScript(file: string, global: string): string {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `(function () { var exports = {}; var module = { exports: exports };\n${js}\nwindow.${global} = exports; })();`;
}

/**
 * The stub of the browser helpers, then the fake Excel with the sample table, installed as window.Excel.
 * `extra` runs after the table is in place (e.g. to add a user's sheet).
 */
function hostScript(displayLanguage = "vi-VN", extra = ""): string {
  return [
    officeStubScript({ displayLanguage }),
    asBrowserScript("test/fake-excel/fake-excel.ts", "__fakeExcelLib"),
    asBrowserScript("test/fake-excel/sample-hg165.ts", "__sample"),
    `(function () {
      var lib = window.__fakeExcelLib, sample = window.__sample;
      var units = sample.HG165_UNITS.map(function (r) { return r.slice(); });
      // an OCR slip in a count: the pane must list it with its row and column
      units[8][3] = "9O";
      var wb = new lib.FakeWorkbook();
      wb.setValues(${JSON.stringify(SHEET)}, "A1", sample.hg165Sheet(units));
      wb.select(${JSON.stringify(SHEET)}, "B5");
      window.__wb = wb;
      window.Excel = lib.createFakeExcel(wb);
      window.Office.context.document.settings = lib.createFakeSettings();
      ${extra}
    })();`,
  ].join("\n");
}

let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

async function openPane(host: string, errs: string[]): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 350, height: 1100 } });
  p.on("pageerror", (e) => errs.push(`pageerror: ${e.message}`));
  p.on("console", (m) => {
    if (m.type() === "error") errs.push(`console: ${m.text()}`);
  });
  await p.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: host });
    if (url.startsWith(server.url)) return route.continue();
    return route.abort();
  });
  await p.goto(new URL("taskpane.html", server.url).toString());
  return p;
}

beforeAll(async () => {
  distFile("taskpane.html");
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  page = await openPane(hostScript(), errors);
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
  await expect(mapping.getByLabel(/Số hồ sơ TTHC nộp trực tuyến/).inputValue()).resolves.toBe("Số hồ sơ trực tuyến");
  await expect(mapping.getByLabel(/Tổng số người dân có căn cước/).inputValue()).resolves.toBe("Số người có CCCD");

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
  await page.waitForFunction(`window.__wb.selection && window.__wb.selection.box.r0 === 11 && window.__wb.selection.box.c0 === 3`);
  expect(await wbEval<string>("window.__wb.sheetById(window.__wb.activeSheetId).name")).toBe(SHEET);

  expect(errors).toEqual([]);
});

test("a user's sheet named like the results sheet: the pane says why and nothing is written", async () => {
  const errs: string[] = [];
  const p = await openPane(hostScript("vi-VN", `wb.setValues("Kết quả DVC", "A1", [["Bảng tự lập của phòng"]]);`), errs);
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

test("English when Office's display language is not Vietnamese", async () => {
  const errs: string[] = [];
  const p = await openPane(hostScript("en-US"), errs);
  await p.getByRole("button", { name: "Rank" }).click();
  await p.getByText(/^Wrote “Kết quả DVC”/).waitFor();
  await p.getByRole("heading", { name: /Top — District/ }).waitFor();
  expect(errs).toEqual([]);
  await p.close();
});

test("Kiểm tra chỉ tiêu for iator-32 with the date picker: the milestone in force on the date chosen", async () => {
  const errs: string[] = [];
  const p = await openPane(
    hostScript(
      "vi-VN",
      `wb.setValues("Ia Tơr", "A1", [["Đơn vị", "Tỷ lệ DVC trực tuyến", "Tỷ lệ thanh toán trực tuyến"], ["Xã Ia Tơr", 0.35, 0.25]]);
       wb.select("Ia Tơr", "A2");`,
    ),
    errs,
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
