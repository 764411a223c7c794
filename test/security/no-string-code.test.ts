/**
 * No string ever becomes code or markup in our own code: no eval, no Function constructor, no string
 * timer, no innerHTML / outerHTML / insertAdjacentHTML / document.write / dangerouslySetInnerHTML, in
 * src/ and in the scripts that ship or build (bin/, scripts/). The scanner reads syntax trees; the first
 * tests show what it does and does not count. The built bundles are checked after the build, by
 * test/e2e/security.e2e.test.ts against the list in bundle-sinks.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { findSinks, type Sink } from "./sinks";

const ROOT = path.resolve(__dirname, "../..");
const kinds = (code: string, file = "x.tsx", mode: "source" | "bundle" = "source") =>
  findSinks(file, code, mode).map((s: Sink) => (s.input ? `${s.kind} ${s.input}` : s.kind));

describe("the scanner", () => {
  it.each([
    ['eval("1+1")', ['eval "1+1"']],
    ["window.eval(code)", ["eval Identifier"]],
    ['globalThis["eval"](code)', ["eval Identifier"]],
    ["(0, eval)(code)", ["eval Identifier"]],
    ["const run = eval;", ["eval"]],
    ['new Function("return 1")', ['Function "return 1"']],
    ['Function("a", "return a")', ['Function "a", "return a"']],
    ["const F = Function;", ["Function"]],
    ['setTimeout("go()", 10)', ['string-timer "go()"']],
    ["setTimeout(`go(${x})`, 10)", ["string-timer TemplateExpression"]],
    ["el.innerHTML = html", ["innerHTML Identifier"]],
    ['el["outerHTML"] = "<b>x</b>"', ['outerHTML "<b>x</b>"']],
    ["const t = el.innerHTML;", ["innerHTML"]],
    ['frame.srcdoc = "<p>"', ['srcdoc "<p>"']],
    ['el.insertAdjacentHTML("beforeend", html)', ["insertAdjacentHTML Identifier"]],
    ["range.createContextualFragment(html)", ["createContextualFragment Identifier"]],
    ["document.write(html)", ["document.write Identifier"]],
    ["window.document.writeln(html)", ["document.write Identifier"]],
    ["const x = <div dangerouslySetInnerHTML={{ __html: h }} />;", ["dangerouslySetInnerHTML"]],
    ['React.createElement("div", { "dangerouslySetInnerHTML": { __html: h } })', ["dangerouslySetInnerHTML"]],
  ])("finds %s", (code, expected) => {
    expect(kinds(code)).toEqual(expected);
  });

  it.each([
    "// eval(x); el.innerHTML = y; new Function('z')",
    "/* document.write(x) */ const a = 1;",
    'const s = "eval(1) innerHTML dangerouslySetInnerHTML";',
    "const msg = `new Function(${x})`;",
    "type Handler = Function;",
    "function f(cb: Function) { return cb; }",
    "setTimeout(() => go(), 10)",
    "el.textContent = html",
    "mathjs.evaluate(expr)",
    "const myEval = (s: string) => s;",
    "out.write(text)",
  ])("leaves %s alone", (code) => {
    expect(kinds(code, "x.ts")).toEqual([]);
  });

  it("in the bundle mode, counts writes and calls but not the names libraries read and compare", () => {
    const code = [
      'switch (k) { case "innerHTML": case "dangerouslySetInnerHTML": break; }',
      "if (props.dangerouslySetInnerHTML != null) check(props.dangerouslySetInnerHTML.__html);",
      "el.innerHTML = html;",
      "render({ dangerouslySetInnerHTML: { __html: css } });",
      'try { g = this || new Function("return this")(); } catch (e) {}',
    ].join("\n");
    expect(kinds(code, "bundle.js", "bundle")).toEqual(["innerHTML Identifier", "dangerouslySetInnerHTML ObjectLiteralExpression", 'Function "return this"']);
  });
});

/** Our code and the scripts that ship or build: .ts, .tsx and .js files, recursively. */
function ownFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(tsx?|[cm]?js)$/.test(e.name)) out.push(p);
    }
  };
  for (const d of ["src", "bin", "scripts"]) walk(path.join(ROOT, d));
  out.push(path.join(ROOT, "webpack.config.js"));
  return out;
}

test("no string becomes code or markup anywhere in src/, bin/, scripts/ or the build config", () => {
  const files = ownFiles();
  // the scan covers the pane, the custom functions and the command line
  for (const f of ["src/taskpane/App.tsx", "src/functions/functions.ts", "src/cli/write/package.ts", "src/cli/read/xlsx.ts", "bin/dvc-thidua.js"]) {
    expect(files).toContain(path.join(ROOT, f));
  }
  const hits = files.flatMap((f) => findSinks(path.relative(ROOT, f), fs.readFileSync(f, "utf8"), "source"));
  expect(hits).toEqual([]);
});
