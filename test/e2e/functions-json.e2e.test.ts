import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ROOT, distFile } from "./helpers/dist";

const SOURCE = path.join(ROOT, "src/functions/functions.ts");

interface Declared {
  id: string;
  name: string;
  params: string[];
}

/**
 * The custom functions declared in the source, read from the JSDoc tags with the TypeScript parser:
 * `@customfunction [ID [NAME]]` on an exported function declaration. The id defaults to the function's
 * name, upper-cased (the metadata generator's rule).
 */
function declaredFunctions(): Declared[] {
  const sf = ts.createSourceFile(SOURCE, fs.readFileSync(SOURCE, "utf8"), ts.ScriptTarget.Latest, true);
  const out: Declared[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name) {
      const tag = ts.getJSDocTags(node).find((t) => t.tagName.text.toLowerCase() === "customfunction");
      if (tag) {
        const words = (ts.getTextOfJSDocComment(tag.comment) ?? "").trim().split(/\s+/).filter(Boolean);
        const id = (words[0] ?? node.name.text).toUpperCase();
        out.push({
          id,
          name: words[1] ?? id,
          // The trailing CustomFunctions.Invocation parameter is not a worksheet argument.
          params: node.parameters
            .filter((p) => !/Invocation/.test(p.type?.getText() ?? ""))
            .map((p) => p.name.getText()),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

interface MetaParam {
  name: string;
  description?: string;
  optional?: boolean;
}
interface MetaFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetaParam[];
}

const metadata: { functions: MetaFunction[] } = JSON.parse(fs.readFileSync(distFile("functions.json"), "utf8"));
const declared = declaredFunctions();
const byId = new Map(metadata.functions.map((f) => [f.id, f]));

test("the source declares custom functions, HG_SCORE and LS_TARGET among them", () => {
  const ids = declared.map((d) => d.id);
  expect(ids).toEqual(expect.arrayContaining(["HG_SCORE", "LS_TARGET"]));
});

test("functions.json lists exactly the functions declared in the source", () => {
  expect(metadata.functions.map((f) => f.id).sort()).toEqual(declared.map((d) => d.id).sort());
});

test("HG_SCORE and LS_TARGET are in functions.json under those names", () => {
  expect(byId.get("HG_SCORE")?.name).toBe("HG_SCORE");
  expect(byId.get("LS_TARGET")?.name).toBe("LS_TARGET");
});

describe.each(declared.map((d) => [d.id, d] as const))("%s", (_id, fn) => {
  const meta = () => {
    const m = byId.get(fn.id);
    if (!m) throw new Error(`${fn.id} is missing from functions.json`);
    return m;
  };

  test("has the declared name and a non-empty description in NFC", () => {
    expect(meta().name).toBe(fn.name);
    const description = meta().description ?? "";
    expect(description.trim()).not.toBe("");
    expect(description.normalize("NFC")).toBe(description);
  });

  test("every parameter is listed with help text", () => {
    expect(meta().parameters.map((p) => p.name)).toEqual(fn.params);
    for (const p of meta().parameters) expect({ name: p.name, description: (p.description ?? "").trim() !== "" }).toEqual({ name: p.name, description: true });
  });
});
