/**
 * The built add-in under its Content Security Policy, in Debian's headless Chromium with the stubbed
 * Office host and the fake Excel:
 * - dist/taskpane.html carries the policy of webpack.config.js, before anything loads;
 * - the bundles hold no sink that turns a string into code or markup but the known third-party ones;
 * - the pane renders, styled, and ranks a table with the policy in force, and no violation is reported;
 * - the policy is really enforced (eval, inline script and style, images, other hosts are refused);
 * - text from the workbook (unit names, headers, cell values) is shown as text, never as markup.
 */
import * as fs from "fs";
import type { Browser } from "playwright-core";
import { launchChromium } from "./helpers/browser";
import { DIST, distFile } from "./helpers/dist";
import { fakeHostScript, openHostedPane, type HostedPane } from "./helpers/fake-host";
import { serveDirectory, type StaticServer } from "./helpers/static-server";
import { builtPagePolicy, CONTENT_SECURITY_POLICY } from "../security/csp";
import { findSinks } from "../security/sinks";
import { KNOWN_BUNDLE_SINKS } from "../security/bundle-sinks";

const SHEET = "Số liệu 2023";

let server: StaticServer;
let browser: Browser;
const opened: HostedPane[] = [];

beforeAll(async () => {
  distFile("taskpane.html");
  server = await serveDirectory(DIST);
  browser = await launchChromium();
});

afterEach(async () => {
  while (opened.length) await opened.pop()!.page.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(setup: string, scripts: Record<string, string> = {}): Promise<HostedPane> {
  const pane = await openHostedPane(browser, server.url, fakeHostScript(setup), scripts);
  opened.push(pane);
  await pane.page.getByRole("heading", { name: "DVC Thi đua" }).waitFor();
  return pane;
}

describe("the build", () => {
  test("dist/taskpane.html carries exactly the policy, as its first <meta> after the charset", () => {
    const html = fs.readFileSync(distFile("taskpane.html"), "utf8");
    expect(builtPagePolicy(html)).toEqual({
      policies: [CONTENT_SECURITY_POLICY],
      beforeLoads: true,
      metasBefore: [expect.stringMatching(/charset/i)],
    });
  });

  test.each(Object.keys(KNOWN_BUNDLE_SINKS) as (keyof typeof KNOWN_BUNDLE_SINKS)[])(
    "dist/%s: no string becomes code or markup but in the known, justified places",
    (bundle) => {
      const found = findSinks(bundle, fs.readFileSync(distFile(bundle), "utf8"), "bundle");
      const counts = new Map<string, number>();
      for (const s of found) counts.set(`${s.kind} ${s.input}`, (counts.get(`${s.kind} ${s.input}`) ?? 0) + 1);
      const known = new Map(KNOWN_BUNDLE_SINKS[bundle].map((k) => [`${k.kind} ${k.input}`, k.count]));
      expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(known));
    },
  );
});

/** The sample table in the user's sheet, the selection inside it. */
const SAMPLE_SETUP = `wb.setValues(${JSON.stringify(SHEET)}, "A1", sample.hg165Sheet()); wb.select(${JSON.stringify(SHEET)}, "B5");`;

describe("the pane with the policy in force", () => {
  test("renders with its styles, ranks a table, and no violation is reported", async () => {
    const pane = await open(SAMPLE_SETUP);
    const { page } = pane;
    await page.getByLabel("Kế hoạch").selectOption("hg-165-2023");
    await page.getByRole("button", { name: "Đọc bảng" }).click();
    await page.getByRole("region", { name: "Cột dữ liệu" }).waitFor();
    await page.getByRole("button", { name: "Xếp hạng" }).click();
    await page.getByText(/^Đã ghi “Kết quả DVC”/).waitFor();
    await page.getByRole("region", { name: "Kết quả" }).getByText("Huyện Châu Thành").first().waitFor();
    expect(await page.evaluate(`window.__wb.sheets.map(function (s) { return s.name; })`)).toEqual([SHEET, "Kết quả DVC", "Quy tắc DVC", "Biểu đồ DVC"]);

    // Fluent's style sheets were let in: the layout is the pane's, not the browser's defaults
    const styled = (await page.evaluate(() => ({
      main: getComputedStyle(document.querySelector("main")!).display,
      sheets: Array.from(document.querySelectorAll("style")).filter((s) => s.sheet && s.sheet.cssRules.length > 0).length,
      emptyOwnText: Array.from(document.querySelectorAll("style")).every((s) => s.textContent === ""),
    }))) as { main: string; sheets: number; emptyOwnText: boolean };
    expect(styled.main).toBe("flex");
    expect(styled.sheets).toBeGreaterThan(5);
    // every <style> element is empty text, its rules added through CSSOM: what the policy's hash allows
    expect(styled.emptyOwnText).toBe(true);

    expect(await pane.violations()).toEqual([]);
    expect(pane.errors).toEqual([]);
    expect(pane.left).toEqual([]);
  });

  /**
   * Runs as a script of the add-in's own origin, as the pane's code does (code that page.evaluate sends
   * in through the DevTools protocol is exempt from the policy), and tries what the policy forbids.
   */
  const PROBE = `(async function () {
    var result = {};
    try { result.eval = String(eval("1 + 1")); } catch (e) { result.eval = e.name; }
    try { result.Function = String(new Function("return 2")()); } catch (e) { result.Function = e.name; }
    var script = document.createElement("script");
    script.textContent = "window.__inline = 1;";
    document.head.appendChild(script);
    result.inline = String(window.__inline);
    var style = document.createElement("style");
    style.textContent = "body { --probe: 1; }";
    document.head.appendChild(style);
    result.style = style.sheet === null ? "refused" : "applied";
    var img = document.createElement("img");
    img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
    document.body.appendChild(img);
    try { await fetch("https://example.com/collect"); result.fetch = "sent"; } catch (e) { result.fetch = e.name; }
    await new Promise(function (r) { setTimeout(r, 100); });
    img.remove();
    style.remove();
    window.__probe = result;
  })();`;

  test("is enforced: eval, the Function constructor, inline script and style, images and other hosts are refused", async () => {
    const pane = await open(SAMPLE_SETUP, { "csp-probe.js": PROBE });
    // the policy itself says nothing against the pane's own origin: the probe loads and runs
    await pane.page.evaluate(() => {
      const s = document.createElement("script");
      s.src = "csp-probe.js";
      document.head.appendChild(s);
    });
    // a function, not a string: Playwright evaluates a string predicate with eval on every poll, which the
    // policy refuses once the poll no longer runs inside a DevTools call
    await pane.page.waitForFunction(() => (window as unknown as { __probe?: object }).__probe !== undefined);
    const tried = await pane.page.evaluate("window.__probe");
    expect(tried).toEqual({ eval: "EvalError", Function: "EvalError", inline: "undefined", style: "refused", fetch: "TypeError" });
    const directives = new Set((await pane.violations()).map((v) => v.directive));
    expect(directives).toEqual(new Set(["script-src", "script-src-elem", "style-src-elem", "img-src", "connect-src"]));
    expect(pane.left).toEqual([]);
  });
});

describe("text from the workbook is shown as text", () => {
  const IMG = `<img src=x onerror="window.__pwned=1">`;
  const BOLD = "<b>x</b>";
  const SCRIPT = "<script>window.__pwned=2</script>";
  const BAD_VALUE = `<img src=y onerror="window.__pwned=3">`;
  const HEADER = `<b>Ghi chú</b><img src=z onerror="window.__pwned=4">`;

  test("unit names, a header and a cell value holding HTML appear literally in the summary, the problem rows and the mapping", async () => {
    // a district named <b>x</b> with its communes; one commune named with an <img onerror>, one with a
    // <script> whose online count holds markup too; an extra column whose header is markup
    const setup = `
      var units = [
        [1, ${JSON.stringify(BOLD)}, null, 900, 1000, 8500, 10000, ""],
        [2, ${JSON.stringify(IMG)}, ${JSON.stringify(BOLD)}, 95, 100, 900, 1000, ""],
        [3, "Xã Hòa An", ${JSON.stringify(BOLD)}, 90, 100, 950, 1000, ""],
        [4, ${JSON.stringify(SCRIPT)}, ${JSON.stringify(BOLD)}, ${JSON.stringify(BAD_VALUE)}, 100, 950, 1000, ""],
      ];
      var sheet = sample.hg165Sheet(units);
      sheet[2] = sheet[2].concat([${JSON.stringify(HEADER)}]);
      wb.setValues(${JSON.stringify(SHEET)}, "A1", sheet);
      wb.select(${JSON.stringify(SHEET)}, "B5");`;
    const pane = await open(setup);
    const { page } = pane;

    await page.getByRole("button", { name: "Đọc bảng" }).click();
    const mapping = page.getByRole("region", { name: "Cột dữ liệu" });
    await mapping.waitFor();
    // every column's dropdown offers every header, the markup one as its literal text
    const options = await mapping.locator("option").allTextContents();
    expect(options.filter((o) => /^[A-Z]+ — /.test(o) && o.replace(/^[A-Z]+ — /, "") === HEADER).length).toBeGreaterThanOrEqual(4);

    await page.getByRole("button", { name: "Xếp hạng" }).click();
    await page.getByText(/^Đã ghi “Kết quả DVC”/).waitFor();
    const summary = page.getByRole("region", { name: "Kết quả" });
    // the leaders: the district <b>x</b> and the commune <img …>, as text
    await summary.getByRole("heading", { name: /Dẫn đầu — Huyện/ }).waitFor();
    const leaders = await summary.locator("li").allInnerTexts();
    expect(leaders.some((t) => t.startsWith(`${BOLD} `))).toBe(true);
    expect(leaders.some((t) => t.startsWith(`${IMG} `))).toBe(true);
    // the problem row: the unit <script>… at its cell, and the message quoting the markup value
    const problem = summary.getByRole("button", { name: `Dòng 7, cột D — ${SCRIPT}` });
    await problem.waitFor();
    expect(await summary.innerText()).toContain(`("${BAD_VALUE}")`);
    await problem.click();
    await page.waitForFunction(() => {
      const sel = (window as unknown as { __wb: { selection?: { box: { r0: number; c0: number } } | null } }).__wb.selection;
      return sel?.box.r0 === 6 && sel.box.c0 === 3;
    });

    const dom = (await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      img: document.querySelectorAll("img").length,
      bold: document.querySelectorAll("body b").length,
      scripts: document.querySelectorAll("body script").length,
    }))) as Record<string, number | null>;
    expect(dom).toEqual({ pwned: null, img: 0, bold: 0, scripts: 0 });
    // markup would have set off img-src or script-src: nothing did
    expect(await pane.violations()).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});
