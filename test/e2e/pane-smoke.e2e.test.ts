import * as fs from "fs";
import * as path from "path";
import type { Browser, Locator } from "playwright-core";
import { launchChromium, openPane, type OpenedPane } from "./helpers/browser";
import { DIST, ROOT, distFile } from "./helpers/dist";
import { serveDirectory, type StaticServer } from "./helpers/static-server";

const SCREENSHOT = path.join(ROOT, "test-output", "pane.png");

let server: StaticServer;
let browser: Browser;
let pane: OpenedPane;

beforeAll(async () => {
  distFile("taskpane.html");
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  pane = await openPane(browser, { baseUrl: server.url });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits for an element; on failure the message carries the page's script errors, which usually explain it. */
async function appears(locator: Locator): Promise<void> {
  try {
    await locator.waitFor({ timeout: 15000 });
  } catch (e) {
    throw new Error(`${(e as Error).message}\nPage errors:\n${pane.errors.join("\n") || "(none)"}`);
  }
}

test("the pane renders its title and the plans", async () => {
  const { page } = pane;
  await appears(page.getByRole("heading", { name: "DVC Thi đua" }));
  // the plans are offered in the pane's plan picker
  await appears(page.getByLabel("Kế hoạch"));
  expect(await page.getByLabel("Kế hoạch").locator("option").allTextContents()).toContainEqual(expect.stringContaining("hg-165-2023"));
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(0);
});

test("functions.js registered HG_SCORE and LS_TARGET through CustomFunctions.associate", async () => {
  const registered = await pane.page.evaluate(() => {
    const w = window as unknown as { __cfOrder: string[]; __cf: Record<string, unknown> };
    return { ids: w.__cfOrder, callable: Object.keys(w.__cf).filter((k) => typeof w.__cf[k] === "function") };
  });
  expect(registered.ids).toEqual(expect.arrayContaining(["HG_SCORE", "LS_TARGET"]));
  expect(registered.callable).toEqual(expect.arrayContaining(["HG_SCORE", "LS_TARGET"]));
});

test("the registered LS_TARGET runs in the browser: commune digitisation target is 55%", async () => {
  // Excel hands a "matrix" parameter a 2-D array even for one cell; mimic that from functions.json.
  const meta = JSON.parse(fs.readFileSync(distFile("functions.json"), "utf8")) as {
    functions: { id: string; parameters: { dimensionality?: string }[] }[];
  };
  const params = meta.functions.find((f) => f.id === "LS_TARGET")?.parameters ?? [];
  const args = ["xa", "so_hoa"].map((v, i) => (params[i]?.dimensionality === "matrix" ? [[v]] : v));
  // ls-170-2023 §II.1: so_hoa at least 55% at commune level. One cell may come back as a scalar or a 1×1 spill.
  const value = await pane.page.evaluate(async (a) => {
    const w = window as unknown as { __cf: Record<string, (...x: unknown[]) => unknown> };
    try {
      const r = await w.__cf.LS_TARGET(...a);
      return Array.isArray(r) ? (r as unknown[][]).flat() : [r];
    } catch (e) {
      // Report a CustomFunctions.Error as Excel would show it, so a failure names the problem.
      const err = e as { code?: string; message?: string };
      return [`${err.code ?? "error"}: ${err.message ?? String(e)}`];
    }
  }, args);
  expect(value).toEqual([0.55]);
});

test("the page loaded without script errors and made no request outside the local server", () => {
  expect(pane.errors).toEqual([]);
  expect(pane.blocked).toEqual([]);
});
