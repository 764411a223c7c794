/**
 * The golden dump: every output of the built-in plans (points, ranks, awards, explanations, the
 * results and rules sheets, --json rows, the plan itself as the engine sees it) on fixed tables,
 * compared with test/plans/golden/*.json. The plans moved from TypeScript to data files with this
 * dump unchanged; any change to it is a change of what officials are told, to be made on purpose:
 * `GOLDEN_UPDATE=1 npx jest test/plans/golden` rewrites it, and the diff is the review.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellInput, Plan } from "../../src/engine";
import { getPlan, listPlans } from "../../src/plans";
import { layoutResults, layoutRules, LEVEL_LABELS, scoreSheet, toJsonRows } from "../../src/workbook";

const DIR = path.join(__dirname, "golden");
const NOW = new Date(Date.UTC(2024, 4, 10, 3, 0, 0));

/** A fixed pseudo-random sequence (a plain LCG): the same tables on every machine. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DISTRICTS = ["Vị Thanh", "TP. Ngã Bảy", "Long Mỹ", "Châu Thành", "Châu Thành A", "H. Phụng Hiệp", "Vị Thủy"];

/** One cell for an input: mostly good figures, now and then a blank, a text, an a > b, a whole percent. */
function cell(kind: string, id: string, rnd: () => number, row: number): CellInput {
  const r = rnd();
  if (id === "date") return row % 7 === 3 ? "31/02/2024" : ["2024-03-22", "2024-05-10", "2024-06-30"][row % 3];
  if (kind === "boolean") return r < 0.1 ? null : r < 0.6 ? "Có" : "Không";
  if (kind === "count") {
    if (r < 0.04) return null;
    if (r < 0.06) return "n/a";
    return Math.floor(rnd() * 1000);
  }
  if (kind === "ratio") {
    if (r < 0.04) return null;
    if (r < 0.07) return Math.round(50 + rnd() * 50);
    // ratios near the thresholds, exactly at some of them
    return [0.9, 0.8, 0.7, 1, 0.55, 0.6][row % 6] - (r < 0.5 ? 0 : Math.round(rnd() * 300) / 1000);
  }
  return `x${row}`;
}

/** A table for a plan: a header row of its first wordings, then units of every level it scores. */
function tableFor(plan: Plan, seed: number): CellInput[][] {
  const rnd = lcg(seed);
  const inputs = plan.inputs;
  const header = inputs.map((d) => d.headers[0] ?? d.label);
  const rows: CellInput[][] = [header];
  const n = 36;
  for (let i = 0; i < n; i++) {
    // the districts once each (a repeated one would hold every award), then communes
    const level = plan.levels.includes("huyen") && i < DISTRICTS.length ? "huyen" : plan.levels[i % plan.levels.length] === "huyen" ? "xa" : plan.levels[i % plan.levels.length];
    const district = DISTRICTS[i % DISTRICTS.length];
    const values: Record<string, CellInput> = {};
    for (const d of inputs) values[d.id] = cell(d.kind, d.id, rnd, i);
    if (level === "huyen") values.unit = district;
    else values.unit = `Xã ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) || ""}`;
    values.group = level === "xa" ? DISTRICTS[(i * 3) % DISTRICTS.length] : null;
    values.level = LEVEL_LABELS[level];
    // a denominator at least the numerator on most rows, so most units score
    for (const c of plan.criteria) {
      const a = values[c.numerator];
      if (typeof a === "number" && rnd() < 0.85) values[c.denominator] = a + Math.floor(rnd() * 200);
      if (i % 11 === 5) values[c.denominator] = 0;
    }
    rows.push(inputs.map((d) => values[d.id] ?? null));
  }
  // a duplicate unit on one table in three
  if (seed % 3 === 0) rows.push([...rows[2]]);
  return rows;
}

interface Run {
  name: string;
  plan: string;
  engine?: Record<string, unknown>;
  date?: string;
  seed: number;
}

const RUNS: Run[] = [
  ...listPlans().flatMap((p, i) => [
    { name: `${p.id}-a`, plan: p.id, seed: 11 + i, date: "2024-05-10" },
    { name: `${p.id}-b`, plan: p.id, seed: 30 + i, date: "2024-03-22" },
  ]),
  { name: "ls-170-relative", plan: "ls-170-2023", seed: 41, engine: { plusMode: "relative" } },
  { name: "qd-766-classic", plan: "qd-766", seed: 42, engine: { scheme: "classic" } },
  { name: "np-236-weights", plan: "np-236-2022", seed: 43, engine: { weights: [3, 1, 1, 1, 1] } },
];

/** Everything a person or a program is told about one table. */
function dump(run: Run): unknown {
  const plan = getPlan(run.plan);
  const grid = tableFor(plan, run.seed);
  let scored;
  try {
    // qd-766's table has no level column: its units are the province's
    const level = plan.inputs.some((d) => d.id === "level") ? undefined : "tinh";
    scored = scoreSheet(plan, grid, { sheet: "Số liệu", date: run.date, engine: run.engine, level });
  } catch (e) {
    return { error: String((e as Error).message) };
  }
  const rules = layoutRules(plan, { now: NOW, scored });
  const results = layoutResults(scored, plan, { formulas: false, rules, now: NOW });
  const withFormulas = layoutResults(scored, plan, { formulas: true, rules, now: NOW });
  return {
    outcome: scored.outcome,
    problems: scored.problems,
    json: toJsonRows(scored),
    results: results.cells,
    formulas: withFormulas.cells,
    conditional: results.conditionalFormats,
    rules: rules.sheet.cells,
    refs: rules.refs,
  };
}

const update = process.env.GOLDEN_UPDATE === "1";

describe("golden dump of the built-in plans", () => {
  beforeAll(() => fs.mkdirSync(DIR, { recursive: true }));

  it("the plans, as the engine receives them", () => {
    const file = path.join(DIR, "plans.json");
    const now = JSON.parse(JSON.stringify(listPlans()));
    if (update) fs.writeFileSync(file, JSON.stringify(now, null, 1) + "\n");
    expect(now).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
  });

  it.each(RUNS.map((r) => [r.name, r] as const))("%s", (name, run) => {
    const file = path.join(DIR, `${name}.json`);
    const now = JSON.parse(JSON.stringify(dump(run)));
    if (update) fs.writeFileSync(file, JSON.stringify(now) + "\n");
    expect(now).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
  });
});
