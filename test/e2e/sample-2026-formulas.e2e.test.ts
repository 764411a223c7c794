/**
 * The sample plan of 2026 by formula: its workbook scored with --formulas, recalculated by LibreOffice
 * from the formulas alone (cached results not trusted), gives on the results sheet the ratios, points
 * of every rule (to the threshold, bands, r × max), bonus points and totals the engine gives; the
 * bands' bounds and points and the bonus maximum are read from the rules sheet's cells.
 */
import * as fs from "fs";
import * as path from "path";
import { resolvePlanArg } from "../../src/cli/plan-source";
import { runScore } from "../../src/cli/score";
import type { Plan } from "../../src/engine";
import { layoutResults, layoutRules, RESULTS_HEADER_ROW, RESULTS_SHEET, type ScoredSheet } from "../../src/workbook";
import { ensureLibreOffice, exportCsvAllSheets, tempDir } from "./helpers/libreoffice";

const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");
const quiet = { out: () => undefined, err: () => undefined };
const NOW = new Date(Date.UTC(2026, 9, 31, 3, 0, 0));

let dir: string;
let plan: Plan;
let scored: ScoredSheet;
let csv: string[][];

beforeAll(async () => {
  ensureLibreOffice();
  dir = tempDir("dvc-sample-2026-");
  // as `score --plan minh-son-2026.plan.json --formulas` loads it
  plan = await resolvePlanArg(path.join(SAMPLES, "minh-son-2026.plan.json"));
  const output = path.join(dir, "formulas.xlsx");
  const run = await runScore({ input: path.join(SAMPLES, "minh-son-2026.xlsx"), plan, output, json: false, formulas: true, map: {}, quiet: true }, quiet, NOW);
  expect(run.code).toBe(0);
  scored = run.scored!;
  csv = exportCsvAllSheets(output).get(RESULTS_SHEET)!;
}, 300_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("every ratio, points, bonus and total cell LibreOffice computes is the engine's", () => {
  const rules = layoutRules(plan, { now: NOW, scored, formulas: true });
  const values = layoutResults(scored, plan, { formulas: false, rules, now: NOW }).cells;
  const header = values[RESULTS_HEADER_ROW] as string[];
  expect(csv[RESULTS_HEADER_ROW]).toEqual(header);
  const computed = header.map((h, i) => (/^(Tỷ lệ|Điểm|Tổng điểm)/.test(h) && h !== "Điểm thưởng sáng kiến" ? i : -1)).filter((i) => i >= 0);
  // 4 ratios, 4 points, the bonus and the total
  expect(computed).toHaveLength(10);
  const mismatches: string[] = [];
  for (let r = RESULTS_HEADER_ROW + 1; r < RESULTS_HEADER_ROW + 1 + scored.outcome.units.length; r++) {
    for (const c of computed) {
      const v = values[r][c];
      const text = csv[r]?.[c] ?? "";
      const n = text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
      const same = v === null || v === undefined ? text === "" : typeof v === "number" && text !== "" && Math.abs(n - v) <= 1e-9;
      if (!same) mismatches.push(`${values[r][1]} "${header[c]}": LibreOffice ${JSON.stringify(text)}, engine ${JSON.stringify(v)}`);
    }
  }
  expect(mismatches).toEqual([]);
});

test("the formulas give the hand-worked figures of the sample's boundary rows", () => {
  const header = csv[RESULTS_HEADER_ROW];
  const row = (name: string) => csv.find((r) => r[1] === name)!;
  const at = (name: string, h: string) => row(name)[header.indexOf(h)];
  // 72% ÷ 80% × 30 = 27; 45% → band ≥ 40% → 15; +2 → 94
  expect([at("Xã Hòa Thuận", "Điểm hồ sơ trực tuyến"), at("Xã Hòa Thuận", "Điểm thanh toán trực tuyến"), at("Xã Hòa Thuận", "Tổng điểm")].map(Number)).toEqual([27, 15, 94]);
  // 19,5% < 20% → 0; exactly 20% → 10; the bonus of 6 gives no bonus and no total
  expect(Number(at("Phường Quang Trung", "Điểm thanh toán trực tuyến"))).toBe(0);
  expect(Number(at("Phường Nam Sơn", "Điểm thanh toán trực tuyến"))).toBe(10);
  expect([at("Xã Sơn Thủy", "Điểm thưởng"), at("Xã Sơn Thủy", "Tổng điểm")]).toEqual(["", ""]);
  // 49,9% online: below the floor, no points and no total; a blank bonus is 0 by the plan's reading
  expect([at("Xã Đá Bạc", "Điểm hồ sơ trực tuyến"), at("Xã Đá Bạc", "Tổng điểm"), at("Xã Đá Bạc", "Điểm thưởng")]).toEqual(["", "", "0"]);
  expect(Number(at("Phường Minh Khai", "Tổng điểm"))).toBeCloseTo(103.5, 9);
});
