/**
 * The column mapper on tables headed the way offices head them (test/workbook/mapping-corpus/): a
 * case is right when every input maps to the expected column, or stays unmapped where none is
 * expected, with no doubt raised (or exactly the doubt the case expects). A wrong column is
 * tolerated only on an input reported as doubtful (the run stops and asks); a wrong column that
 * was not reported fails the test. The share right without any --map must be at least 95%.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellInput, Level } from "../../src/engine";
import { getPlan, listPlans } from "../../src/plans";
import { checkMapping, columnIndex, findTable, mapColumns, MappingError, planHeaderScore, plansForTable, tableView } from "../../src/workbook";

interface Case {
  id: string;
  plan: string;
  style: string;
  level?: string;
  hiddenColumns?: string[];
  rows: CellInput[][];
  expect: Record<string, string | null>;
  doubt?: string[];
  wrongPlan?: boolean;
  tablePlan?: string;
}

const DIR = path.join(__dirname, "mapping-corpus");
const cases: Case[] = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as Case[]);

type Verdict = { kind: "right" } | { kind: "doubtful"; detail: string } | { kind: "wrong"; detail: string };

function judge(c: Case): Verdict {
  const plan = getPlan(c.plan);
  const table = findTable(c.rows, planHeaderScore(plan));
  if (!table) return c.wrongPlan ? { kind: "right" } : { kind: "doubtful", detail: "no table found (the run stops and says so)" };
  const view = tableView(c.rows, table, (c.hiddenColumns ?? []).map(columnIndex));
  // the level a user gives for a table of one level (--level, the pane's level)
  const m = mapColumns(plan, view, {}, 0, { level: c.level as Level | undefined });
  const letter = (input: string) => {
    const col = m.mapping[input];
    return col === undefined ? null : String.fromCharCode(65 + col);
  };
  const doubts = new Set(m.doubts.map((d) => d.input));

  if (c.wrongPlan) {
    // nothing the table does not hold may be mapped without a doubt, and the run must stop
    let stopped = false;
    try {
      checkMapping(plan, { table, view, mapping: m }, listPlans());
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
      stopped = true;
    }
    const wrongly = Object.entries(c.expect).filter(([input, want]) => letter(input) !== want && !doubts.has(input));
    if (!stopped && wrongly.length) return { kind: "wrong", detail: `scored as ${c.plan}: ${wrongly.map(([i]) => `${i}→${letter(i)}`).join(", ")}` };
    if (!stopped) return { kind: "doubtful", detail: "not stopped, but nothing mapped wrongly" };
    if (c.tablePlan && !plansForTable(view, listPlans(), c.plan).includes(c.tablePlan)) {
      return { kind: "doubtful", detail: `stopped, but ${c.tablePlan} not named as the table's plan` };
    }
    return { kind: "right" };
  }

  const wrong: string[] = [];
  const unsure: string[] = [];
  for (const [input, want] of Object.entries(c.expect)) {
    const got = letter(input);
    // nothing where nothing is expected is right, even when the mapper offers unclaimed columns for it
    if (got === want && (want === null || !doubts.has(input))) continue;
    const line = `${input}: want ${want ?? "none"}, got ${got ?? "none"}${doubts.has(input) ? " (doubt)" : ""}`;
    if (doubts.has(input) || (got === null && m.missing.includes(input))) unsure.push(line);
    else wrong.push(line);
  }
  // a doubt the case expects is the right answer
  const expected = new Set(c.doubt ?? []);
  const unexpectedDoubts = [...doubts].filter((d) => !expected.has(d) && !(c.expect[d] === null && letter(d) === null));
  if (wrong.length) return { kind: "wrong", detail: wrong.join("; ") };
  if (expected.size) {
    const missed = [...expected].filter((d) => !doubts.has(d));
    return missed.length ? { kind: "doubtful", detail: `expected a doubt on ${missed.join(", ")}` } : { kind: "right" };
  }
  if (unsure.length || unexpectedDoubts.length) return { kind: "doubtful", detail: [...unsure, ...unexpectedDoubts.map((d) => `doubt on ${d}`)].join("; ") };
  return { kind: "right" };
}

describe("the mapping corpus", () => {
  const verdicts = cases.map((c) => ({ c, v: judge(c) }));

  it("holds at least 80 cases, of every plan", () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((c) => c.plan))).toEqual(new Set(listPlans().map((p) => p.id)));
  });

  it.each(verdicts.map(({ c, v }) => [c.id, c, v] as const))("%s: never silently wrong", (_id, c, v) => {
    if (v.kind === "wrong") throw new Error(`${c.id} (${c.style}): ${v.detail}`);
  });

  it("maps at least 95% of the cases right without any --map", () => {
    const right = verdicts.filter(({ v }) => v.kind === "right").length;
    const doubtful = verdicts.filter(({ v }) => v.kind === "doubtful");
    const share = right / verdicts.length;
    // the figure the README quotes, and what was asked about
    console.log(
      `mapping corpus: ${right}/${verdicts.length} right (${(share * 100).toFixed(1)}%), ${doubtful.length} reported as doubtful:\n` +
        doubtful.map(({ c, v }) => `  ${c.id}: ${v.kind === "doubtful" ? v.detail : ""}`).join("\n"),
    );
    expect(share).toBeGreaterThanOrEqual(0.95);
  });
});
