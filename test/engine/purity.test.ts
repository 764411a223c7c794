/**
 * The engine, the plans and the messages are pure (DESIGN.md): they import nothing but each other, so the
 * same code runs in Excel's JavaScript runtime, in the browser and in Node. src/engine/tsconfig.json
 * (no DOM, no Node, no Office types) catches the use of globals; this test catches the imports.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../../src");
const PURE = ["engine", "plans", "messages"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every module an import, export-from, dynamic import or require names, as TypeScript itself reads them. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The pure folder an import resolves into, or null when it leaves them (a package, Node, the DOM side). */
function pureTarget(fromFile: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const rel = path.relative(ROOT, path.resolve(path.dirname(fromFile), spec));
  const top = rel.split(path.sep)[0];
  return PURE.includes(top) ? top : null;
}

describe("pure engine", () => {
  const files = PURE.flatMap((d) => sourceFiles(path.join(ROOT, d)));

  test("there are engine, plan and message sources to check", () => {
    for (const d of PURE) expect(files.some((f) => f.includes(`${path.sep}${d}${path.sep}`))).toBe(true);
  });

  test.each(files.map((f) => [path.relative(ROOT, f), f]))("%s imports only the engine, plans and messages", (_name, file) => {
    const bad = importsOf(fs.readFileSync(file, "utf8")).filter((spec) => pureTarget(file, spec) === null);
    expect(bad).toEqual([]);
  });

  // the engine takes a plan value (a built-in plan, a plan sheet, a plan file alike): it never looks one up
  test.each(files.filter((f) => f.includes(`${path.sep}engine${path.sep}`)).map((f) => [path.relative(ROOT, f), f]))("%s does not import src/plans", (_name, file) => {
    const plans = importsOf(fs.readFileSync(file, "utf8")).filter((spec) => pureTarget(file, spec) === "plans");
    expect(plans).toEqual([]);
  });

  test("the import check itself rejects packages, Node modules and front-end folders", () => {
    const file = path.join(ROOT, "engine", "score.ts");
    expect(pureTarget(file, "fs")).toBeNull();
    expect(pureTarget(file, "exceljs")).toBeNull();
    expect(pureTarget(file, "../excel-io/read")).toBeNull();
    expect(pureTarget(file, "../plans")).toBe("plans");
    expect(importsOf(`import x from "react";\nconst y = require('fs');\nexport * from "./rank";`)).toEqual(["react", "fs", "./rank"]);
  });
});
