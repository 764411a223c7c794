import * as fs from "fs";
import * as path from "path";
import * as functions from "../../src/functions/functions";
import { catalogueMarkdown, loadCatalogue } from "../../src/cli/functions-list";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { replaceCatalogue } = require("../../scripts/readme-catalogue.js") as { replaceCatalogue: (r: string, md: string) => string };

describe("function catalogue (the metadata functions.json is built from)", () => {
  const list = loadCatalogue();

  test("HG_SCORE and LS_TARGET with their parameters", () => {
    const hg = list.find((f) => f.id === "HG_SCORE");
    expect(hg?.parameters.map((p) => p.name)).toEqual(["online_dossiers", "all_dossiers", "eid_activated", "citizens_with_cccd", "level", "commune_ratios"]);
    expect(hg?.parameters[5].optional).toBe(true);
    const ls = list.find((f) => f.id === "LS_TARGET");
    expect(ls?.parameters.map((p) => [p.name, p.optional])).toEqual([["level", false], ["indicator", false], ["assigned_target", true]]);
  });

  test("every function has a Vietnamese description, described parameters and an implementation", () => {
    expect(list.length).toBeGreaterThanOrEqual(18);
    for (const f of list) {
      expect(f.description.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(p.description.length).toBeGreaterThan(3);
      expect(typeof (functions as Record<string, unknown>)[f.functionName]).toBe("function");
    }
    expect(new Set(list.map((f) => f.id)).size).toBe(list.length);
  });

  test("README's catalogue section is the generated one (run: npm run build:cli && node scripts/readme-catalogue.js)", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    expect(replaceCatalogue(readme, catalogueMarkdown())).toBe(readme);
  });

  test("replaceCatalogue only touches the text between the markers", () => {
    const before = "A\n<!-- catalogue:start -->\nold\n<!-- catalogue:end -->\nB\n";
    expect(replaceCatalogue(before, "NEW")).toBe("A\n<!-- catalogue:start -->\nNEW\n<!-- catalogue:end -->\nB\n");
    expect(() => replaceCatalogue("no markers", "x")).toThrow();
  });
});
