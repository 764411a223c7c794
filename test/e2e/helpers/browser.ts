import { chromium, type Browser, type Page } from "playwright-core";
import { OFFICE_JS_URL, officeStubScript, type OfficeStubOptions } from "./office-stub";

/** Debian's Chromium; playwright-core ships no browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// No --user-data-dir: launch() rejects it and already uses a fresh temporary profile.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface OpenPaneOptions {
  /** Base URL of the static server over dist/ (with a trailing slash). */
  baseUrl: string;
  /** Page inside dist/, default taskpane.html. */
  page?: string;
  stub?: OfficeStubOptions;
  viewport?: { width: number; height: number };
}

export interface OpenedPane {
  page: Page;
  /** Uncaught page errors and console errors, so a test can assert the pane loaded cleanly. */
  errors: string[];
  /** Requests that were blocked because they left the local server (the page must work offline). */
  blocked: string[];
}

/**
 * Opens the built task pane with office.js replaced by the stub. Requests to the local server go
 * through; office.js gets the stub; anything else is aborted and listed in `blocked`.
 */
export async function openPane(browser: Browser, options: OpenPaneOptions): Promise<OpenedPane> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 350, height: 700 } });
  const errors: string[] = [];
  const blocked: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  const stub = officeStubScript(options.stub);
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: stub });
    }
    if (url.startsWith(options.baseUrl)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await page.goto(new URL(options.page ?? "taskpane.html", options.baseUrl).toString());
  return { page, errors, blocked };
}
