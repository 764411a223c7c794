/**
 * The task pane's Content Security Policy, directive by directive, and the page the build makes from the
 * template: the policy is the page's first <meta> after the charset, before anything loads. The built
 * dist/ page and the pane running under the policy are checked by test/e2e/security.e2e.test.ts.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { builtPagePolicy, CONTENT_SECURITY_POLICY, DEV_SERVER_HEADERS, parsePolicy, policyString } from "./csp";

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const EMPTY_STYLE = `'sha256-${crypto.createHash("sha256").update("").digest("base64")}'`;

describe("the policy", () => {
  it("is exactly this, directive by directive", () => {
    expect(EMPTY_STYLE).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(CONTENT_SECURITY_POLICY).toEqual({
      "default-src": ["'none'"],
      "script-src": ["'self'", OFFICE_CDN],
      "style-src": [EMPTY_STYLE],
      "connect-src": ["'self'"],
      "frame-src": [OFFICE_CDN],
      "base-uri": ["'none'"],
      "form-action": ["'none'"],
    });
  });

  it("allows no wildcard, no unsafe keyword, no scheme-wide source and no host but Office's CDN", () => {
    const sources = Object.values(CONTENT_SECURITY_POLICY).flat();
    for (const s of sources) {
      expect(s).not.toContain("*");
      expect(s).not.toMatch(/^'unsafe-|^'strict-dynamic'|^'wasm-/);
      // scheme sources (https:, data:, blob:, ...) would let in a whole scheme
      expect(s).not.toMatch(/^[a-z][a-z0-9+.-]*:$/i);
      if (!s.startsWith("'")) expect(s).toBe(OFFICE_CDN);
    }
  });

  it("renders as one string that reads back as the same policy", () => {
    expect(parsePolicy(policyString(CONTENT_SECURITY_POLICY))).toEqual(CONTENT_SECURITY_POLICY);
    expect(() => parsePolicy("default-src 'none'; default-src *")).toThrow("given twice");
  });

  it("is also what the dev server sends with every response", () => {
    expect(parsePolicy(DEV_SERVER_HEADERS["Content-Security-Policy"])).toEqual(CONTENT_SECURITY_POLICY);
  });
});

describe("the page built from the template", () => {
  it("builtPagePolicy tells a policy that comes before what the page loads from one that comes too late", () => {
    const late = builtPagePolicy(`<head><script src=a.js></script><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>`);
    expect(late).toEqual({ policies: [{ "default-src": ["'none'"] }], beforeLoads: false, metasBefore: [] });
    const minified = builtPagePolicy(`<head><meta charset=UTF-8><meta http-equiv=Content-Security-Policy content="script-src &#39;self&#39;"><script src=a.js></script>`);
    expect(minified).toEqual({ policies: [{ "script-src": ["'self'"] }], beforeLoads: true, metasBefore: ["<meta charset=UTF-8>"] });
    expect(builtPagePolicy("<head><script src=a.js></script></head>")).toEqual({ policies: [], beforeLoads: false, metasBefore: [] });
  });

  it("carries the policy as its first <meta> after the charset, before office.js and the bundles", async () => {
    // the real HtmlWebpackPlugin of webpack.config.js, on two empty entries, into a scratch folder
    const make = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<webpack.Configuration>;
    const real = await make({}, { mode: "production" });
    const htmlPlugin = real.plugins!.find((p) => p && p.constructor.name === "HtmlWebpackPlugin")!;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-csp-"));
    for (const f of ["functions.js", "taskpane.js"]) fs.writeFileSync(path.join(tmp, f), "export {};\n");
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(
        {
          mode: "production",
          context: ROOT,
          entry: { functions: path.join(tmp, "functions.js"), taskpane: path.join(tmp, "taskpane.js") },
          output: { path: path.join(tmp, "dist") },
          plugins: [htmlPlugin],
        },
        (err, s) => (err || !s ? reject(err) : resolve(s)),
      ),
    );
    expect(stats.hasErrors()).toBe(false);
    const html = fs.readFileSync(path.join(tmp, "dist", "taskpane.html"), "utf8");
    expect(html).toContain("<script");
    expect(builtPagePolicy(html)).toEqual({
      policies: [CONTENT_SECURITY_POLICY],
      beforeLoads: true,
      metasBefore: [expect.stringMatching(/charset/i)],
    });
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 60_000);
});
