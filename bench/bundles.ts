/**
 * The add-in's bundles and the task pane's first render. The production build runs here (into
 * build/bench/dist, so that a dist/ in use by the browser tests is left alone); every emitted .js
 * file is measured raw and gzipped at level 9. Then the built pane is served on localhost with the
 * Office stub of the browser tests and opened in headless Chromium, each time in a new browser
 * context (no cache, no code cache), and the page records when the plan picker first holds the plans.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { Browser } from "playwright-core";
import { launchChromium } from "../test/e2e/helpers/browser";
import { OFFICE_JS_URL, officeStubScript } from "../test/e2e/helpers/office-stub";
import { serveDirectory } from "../test/e2e/helpers/static-server";
import { ROOT } from "./paths";
import { median, runOk } from "./stats";

export const BENCH_DIST = path.join(ROOT, "build", "bench", "dist");

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface FirstRender {
  loads: number;
  /** navigation start → the plan picker holding hg-165-2023 is in the page (React's first commit) */
  planPickerMs: number[];
  planPickerMedianMs: number;
  /** navigation start → first contentful paint, as Chromium reports it */
  firstContentfulPaintMs: number[];
  firstContentfulPaintMedianMs: number;
  chromium: string;
}

/** `webpack --mode production` into BENCH_DIST; returns the build's wall time. */
export async function buildProduction(): Promise<number> {
  const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  const r = await runOk(process.execPath, [webpack, "--mode", "production", "--output-path", BENCH_DIST], { cwd: ROOT, timeoutMs: 300_000 });
  return r.ms;
}

export function bundleSizes(dir = BENCH_DIST): BundleFile[] {
  const out: BundleFile[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js")) {
        const body = fs.readFileSync(p);
        out.push({ file: path.relative(dir, p), bytes: body.length, gzipBytes: zlib.gzipSync(body, { level: 9 }).length });
      }
    }
  };
  walk(dir);
  // the two named bundles first, any other chunk after them
  const order = (f: string) => ["taskpane.js", "functions.js"].indexOf(f) >>> 0;
  return out.sort((a, b) => order(a.file) - order(b.file) || a.file.localeCompare(b.file));
}

// Runs in the page before any of its scripts: records performance.now() (ms since navigation start)
// the first time the plan picker has its plans.
const MARK_FIRST_RENDER = `(() => {
  const ready = () => document.querySelector('select option[value="hg-165-2023"]') !== null;
  const obs = new MutationObserver(() => {
    if (window.__benchFirstRender === undefined && ready()) {
      window.__benchFirstRender = performance.now();
      obs.disconnect();
    }
  });
  obs.observe(document, { childList: true, subtree: true });
})();`;

async function loadOnce(browser: Browser, baseUrl: string, stub: string): Promise<{ picker: number; fcp: number }> {
  const context = await browser.newContext({ viewport: { width: 350, height: 700 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARK_FIRST_RENDER);
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS_URL) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: stub });
      if (url.startsWith(baseUrl)) return route.continue();
      return route.abort();
    });
    await page.goto(new URL("taskpane.html", baseUrl).toString());
    await page.waitForFunction(() => (window as unknown as { __benchFirstRender?: number }).__benchFirstRender !== undefined, undefined, { timeout: 60_000 });
    // the paint entry is queued after the frame is drawn; poll until Chromium has it
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, undefined, { timeout: 10_000 });
    return await page.evaluate(() => ({
      picker: (window as unknown as { __benchFirstRender: number }).__benchFirstRender,
      fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime,
    }));
  } finally {
    await context.close();
  }
}

export async function firstRender(loads: number, dir = BENCH_DIST): Promise<FirstRender> {
  const server = await serveDirectory(dir);
  const browser = await launchChromium();
  try {
    const stub = officeStubScript();
    // one untimed load: the browser's first page pays for starting its renderer machinery
    await loadOnce(browser, server.url, stub);
    const picker: number[] = [];
    const fcp: number[] = [];
    for (let i = 0; i < loads; i++) {
      const r = await loadOnce(browser, server.url, stub);
      picker.push(r.picker);
      fcp.push(r.fcp);
    }
    return {
      loads,
      planPickerMs: picker,
      planPickerMedianMs: median(picker),
      firstContentfulPaintMs: fcp,
      firstContentfulPaintMedianMs: median(fcp),
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
