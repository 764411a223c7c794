/**
 * The Office host the browser tests serve in place of office.js: the stub of office-stub.ts, then the fake
 * Excel of the Jest tests (test/fake-excel, transpiled here into plain scripts) installed as window.Excel,
 * with a workbook that `setup` fills. `setup` is browser JavaScript run with `lib` (fake-excel.ts), `sample`
 * (sample-hg165.ts) and `wb` (the FakeWorkbook, also window.__wb) in scope.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import type { Browser, Page } from "playwright-core";
import { ROOT } from "./dist";
import { OFFICE_JS_URL, officeStubScript } from "./office-stub";

/** A TypeScript file without imports as a browser script that puts its exports on window[global]. */
export function asBrowserScript(file: string, global: string): string {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `(function () { var exports = {}; var module = { exports: exports };\n${js}\nwindow.${global} = exports; })();`;
}

export function fakeHostScript(setup: string, displayLanguage = "vi-VN"): string {
  return [
    officeStubScript({ displayLanguage }),
    asBrowserScript("test/fake-excel/fake-excel.ts", "__fakeExcelLib"),
    asBrowserScript("test/fake-excel/sample-hg165.ts", "__sample"),
    `(function () {
      var lib = window.__fakeExcelLib, sample = window.__sample;
      var wb = new lib.FakeWorkbook();
      window.__wb = wb;
      window.Excel = lib.createFakeExcel(wb);
      window.Office.context.document.settings = lib.createFakeSettings();
      ${setup}
    })();`,
  ].join("\n");
}

export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
}

export interface HostedPane {
  page: Page;
  /** uncaught page errors and console errors */
  errors: string[];
  /** requests that left the local server (aborted) */
  left: string[];
  /** the securitypolicyviolation events the page has fired so far */
  violations(): Promise<CspViolation[]>;
}

/**
 * Opens the built pane from `baseUrl` with `host` served as office.js. Every securitypolicyviolation event
 * is recorded from the first moment of the page on, before any of its own scripts run.
 */
export async function openHostedPane(
  browser: Browser,
  baseUrl: string,
  host: string,
  /** extra scripts served from the add-in's own origin: path under baseUrl → JavaScript */
  scripts: Record<string, string> = {},
): Promise<HostedPane> {
  const p = await browser.newPage({ viewport: { width: 350, height: 1100 } });
  const errors: string[] = [];
  const left: string[] = [];
  p.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  p.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await p.addInitScript(() => {
    const w = window as unknown as { __cspViolations: CspViolation[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__cspViolations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
  await p.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: host });
    const own = url.startsWith(baseUrl) ? scripts[url.slice(baseUrl.length)] : undefined;
    if (own !== undefined) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: own });
    if (url.startsWith(baseUrl)) return route.continue();
    left.push(url);
    return route.abort();
  });
  await p.goto(new URL("taskpane.html", baseUrl).toString());
  return {
    page: p,
    errors,
    left,
    violations: () => p.evaluate(() => (window as unknown as { __cspViolations: CspViolation[] }).__cspViolations.slice()),
  };
}
