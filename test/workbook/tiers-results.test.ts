/**
 * The results and rules sheets of a plan ranked on published points with tiers, a cohort,
 * adjustments and a unit with no dossiers (tiered-fixture.ts), and the same sheets for a ratio plan
 * given tiers: the columns a later period reads back, the tier formulas and their fills against the
 * rules sheet's cutoff cells (evaluated here at the exact bounds, and with a cutoff changed), the
 * rules sheet's rows, --json and the pane's counts per tier.
 */
import * as fs from "fs";
import * as path from "path";
import { readInput } from "../../src/cli/read";
import type { CellInput, Plan, TableOutcome } from "../../src/engine";
import { moveVi } from "../../src/messages/moves";
import { nextTierVi } from "../../src/messages/tier-results";
import { tierRangeVi } from "../../src/messages/tiers";
import { layoutResults, layoutRules, RESULTS_HEADER_ROW, scoreSheet, toJsonPrevious, toJsonRows, type CellOut, type SheetModel } from "../../src/workbook";
import { tierFormula } from "../../src/workbook/layout";
import { RESULT_HEADERS } from "../../src/workbook/result-headers";
import { tierCounts } from "../../src/workflow/summary";
import { stringsFor } from "../../src/taskpane/strings";
import { importedPlan, outcome, scoredSheet, TIERS_AG, TIERS_BN } from "./tiered-fixture";

const now = new Date(2026, 10, 30, 9, 0);

function sheets(plan: Plan, o: TableOutcome = outcome(), formulas = false) {
  const scored = scoredSheet(o);
  const rules = layoutRules(plan, { now, scored, formulas });
  const results = layoutResults(scored, plan, { formulas, rules, now });
  return { scored, rules, results };
}

const headers = (m: SheetModel) => m.cells[RESULTS_HEADER_ROW] as string[];
const col = (m: SheetModel, h: string) => {
  const i = headers(m).indexOf(h);
  if (i < 0) throw new Error(`no column ${h}`);
  return i;
};
/** the data rows (up to the blank row before the signature) */
const rows = (m: SheetModel) => {
  const out: CellOut[][] = [];
  for (let r = RESULTS_HEADER_ROW + 1; m.cells[r]?.length; r++) out.push(m.cells[r]);
  return out;
};
const shown = (v: CellOut) => (v !== null && typeof v === "object" ? v.result : v);
const column = (m: SheetModel, h: string) => rows(m).map((r) => shown(r[col(m, h)]));

/** The value of a rules-sheet cell named by an absolute reference ('Quy tắc DVC'!$D$12), following a formula such as "D9". */
function rulesValue(rules: SheetModel, ref: string, override: Record<string, number> = {}): number {
  const m = /\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  const abs = `'Quy tắc DVC'!$${m[1]}$${m[2]}`;
  if (override[abs] !== undefined) return override[abs];
  const cell = rules.cells[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
  if (cell !== null && typeof cell === "object") return rulesValue(rules, cell.formula, override);
  return cell as number;
}

/**
 * A formula of the tier column or of a fill, worked out on a total and the rules sheet's cells (with
 * `override` standing for an official's edit of a cutoff cell). Only what those formulas use: IF, AND,
 * OR, ISNUMBER, ROUND, comparisons, text.
 */
function evaluate(formula: string, totalRef: string, total: number | "", rules: SheetModel, override: Record<string, number> = {}): unknown {
  const refRe = /'[^']+'!\$[A-Z]+\$\d+/g;
  let js = formula.replace(refRe, (r) => String(rulesValue(rules, r, override)));
  js = js.split(totalRef).join(JSON.stringify(total));
  js = js.replace(/<>/g, "!==").replace(/([^<>!=])=([^=])/g, "$1===$2");
  const IF = (c: boolean, a: unknown, b: unknown) => (c ? a : b);
  const AND = (...x: boolean[]) => x.every(Boolean);
  const OR = (...x: boolean[]) => x.some(Boolean);
  const ISNUMBER = (x: unknown) => typeof x === "number";
  const ROUND = (x: number, n: number) => Math.round(x * 10 ** n) / 10 ** n;
  return new Function("IF", "AND", "OR", "ISNUMBER", "ROUND", `return ${js};`)(IF, AND, OR, ISNUMBER, ROUND);
}

describe("words", () => {
  test("tier ranges as plans write them", () => {
    expect(TIERS_BN.tiers.map(tierRangeVi)).toEqual(["trên 94", "từ 90 đến 94", "dưới 90"]);
    expect(TIERS_AG.tiers.map(tierRangeVi)).toEqual(["từ 90 trở lên", "từ 80 đến dưới 90", "dưới 80"]);
    expect(tierRangeVi({ min: { value: 95, inclusive: true } })).toBe("từ 95 trở lên");
    expect(tierRangeVi({ min: { value: 80.5, inclusive: false }, max: { value: 90, inclusive: false } })).toBe("trên 80,5 đến dưới 90");
  });

  test("the next tier: an exclusive bound needs more than the gap", () => {
    const xs = TIERS_BN.tiers[0];
    expect(nextTierVi({ id: xs.id, label: xs.label, attention: false, bound: { value: 94, inclusive: false }, gap: 3.25 }, xs)).toBe("hơn 3,25 để lên Xuất sắc (trên 94)");
    const tot = TIERS_BN.tiers[1];
    expect(nextTierVi({ id: tot.id, label: tot.label, attention: false, bound: { value: 90, inclusive: true }, gap: 3.25 }, tot)).toBe("3,25 để lên Tốt (từ 90 đến 94)");
  });

  test("moves", () => {
    const m = { previousRank: 3, previousTotal: 90, previousTier: "Tốt", pointsChange: 1, tierChanged: false };
    expect(moveVi({ ...m, kind: "up", move: 2 })).toBe("▲ 2");
    expect(moveVi({ ...m, kind: "down", move: -1 })).toBe("▼ 1");
    expect(moveVi({ ...m, kind: "same", move: 0 })).toBe("=");
    expect(moveVi({ ...m, kind: "new", move: null, previousRank: null })).toBe("mới");
    expect(moveVi({ ...m, kind: "ambiguous", move: null, candidates: ["Xã A", "Phường A"] })).toBe("chưa rõ (trùng tên)");
  });
});

describe("the results sheet of a plan ranked on published points", () => {
  const plan = importedPlan();

  test("columns: the groups as read, the published total, the adjustment and its reason, our total, the tier, ranks and gaps", () => {
    const { results } = sheets(plan);
    expect(headers(results)).toEqual([
      "STT", "Đơn vị", "Cấp", "Huyện", "Khối",
      "Công khai, minh bạch", "Tiến độ, kết quả giải quyết", "Dịch vụ công trực tuyến", "Thanh toán trực tuyến", "Số hóa hồ sơ", "Mức độ hài lòng",
      "Số hồ sơ trong kỳ",
      RESULT_HEADERS.publishedTotal, RESULT_HEADERS.adjustment, RESULT_HEADERS.adjustmentReason, RESULT_HEADERS.total, RESULT_HEADERS.tier,
      "Trạng thái", "Lý do", RESULT_HEADERS.rank, "Hạng trong khối", RESULT_HEADERS.gapAbove, RESULT_HEADERS.nextTier,
      "Khen thưởng", "Giải thích",
    ]);
  });

  test("units in rank order; the unit with no dossiers last, under its own status, after the unit with bad figures", () => {
    const { results } = sheets(plan);
    expect(column(results, "Đơn vị")).toEqual(["Phường Kinh Bắc", "Xã Tiên Du", "Phường Từ Sơn", "Xã Yên Phong", "Xã Quế Võ", "Xã Lương Tài", "Xã Gia Bình"]);
    expect(column(results, "Trạng thái")).toEqual(["Đã chấm", "Đã chấm", "Đã chấm", "Đã chấm", "Đã chấm", "Số liệu lỗi", "Không phát sinh hồ sơ"]);
    expect(column(results, RESULT_HEADERS.rank)).toEqual([1, 2, 2, 4, 5, null, null]);
    expect(column(results, "Hạng trong khối")).toEqual([1, 1, 2, 2, 3, null, null]);
  });

  test("values: totals, tiers, the adjustment with its reason, gaps in words", () => {
    const { results } = sheets(plan);
    expect(column(results, RESULT_HEADERS.total)).toEqual([95, 94, 94, 90, 89.75, null, null]);
    expect(column(results, RESULT_HEADERS.tier)).toEqual(["Xuất sắc", "Tốt", "Tốt", "Tốt", "Cần cải thiện", "", ""]);
    expect(column(results, RESULT_HEADERS.publishedTotal)).toEqual([95, 94, 96, 90, 89.75, 90, null]);
    expect(column(results, RESULT_HEADERS.adjustment)).toEqual([null, null, -2, null, null, 1, null]);
    expect(column(results, RESULT_HEADERS.adjustmentReason)).toEqual([null, null, "Lỗi hệ thống ngày 25/11", null, null, null, null]);
    expect(column(results, RESULT_HEADERS.gapAbove)).toEqual([null, 1, 1, 4, 0.25, null, null]);
    expect(column(results, RESULT_HEADERS.nextTier)).toEqual([
      "", "hơn 0 để lên Xuất sắc (trên 94)", "hơn 0 để lên Xuất sắc (trên 94)", "hơn 4 để lên Xuất sắc (trên 94)", "0,25 để lên Tốt (từ 90 đến 94)", "", "",
    ]);
    // points with two decimals, as the portal publishes them
    const c = String.fromCharCode(65 + col(results, "Số hóa hồ sơ"));
    expect(results.numberFormats).toContainEqual({ range: `${c}5:${c}11`, format: "0.00" });
  });

  test("no move columns without a previous period; with one, the figures then and the move in words", () => {
    expect(headers(sheets(plan).results)).not.toContain(RESULT_HEADERS.move);
    const o = outcome();
    const base = { previousTotal: null, previousTier: null, pointsChange: null, tierChanged: false };
    o.units[0].move = { ...base, kind: "up", previousRank: 3, previousTotal: 92, previousTier: "Tốt", move: 2, pointsChange: 3, tierChanged: true };
    o.units[1].move = { ...base, kind: "down", previousRank: 1, previousTotal: 95.5, previousTier: "Xuất sắc", move: -1, pointsChange: -1.5, tierChanged: true };
    o.units[2].move = { ...base, kind: "new", previousRank: null, move: null };
    o.units[3].move = { ...base, kind: "same", previousRank: 4, previousTotal: 90, previousTier: "Tốt", move: 0, pointsChange: 0 };
    const { results } = sheets(plan, o);
    const h = headers(results);
    expect(h.slice(h.indexOf("Hạng trong khối"), h.indexOf(RESULT_HEADERS.gapAbove) + 1)).toEqual([
      "Hạng trong khối", RESULT_HEADERS.previousRank, RESULT_HEADERS.previousTotal, RESULT_HEADERS.move, RESULT_HEADERS.previousTier, RESULT_HEADERS.gapAbove,
    ]);
    expect(column(results, RESULT_HEADERS.move)).toEqual(["▲ 2", "▼ 1", "mới", "=", "", "", ""]);
    expect(column(results, RESULT_HEADERS.previousRank)).toEqual([3, 1, null, 4, null, null, null]);
    expect(column(results, RESULT_HEADERS.previousTotal)).toEqual([92, 95.5, null, 90, null, null, null]);
    expect(column(results, RESULT_HEADERS.previousTier)).toEqual(["Tốt", "Xuất sắc", "", "Tốt", "", "", ""]);
  });
});

describe("tiers with formulas: the rules sheet's cutoff cells decide", () => {
  const plan = importedPlan();
  const { rules, results } = sheets(plan, outcome(), true);
  const tierCol = col(results, RESULT_HEADERS.tier);
  const totalCol = col(results, RESULT_HEADERS.total);
  const first = RESULTS_HEADER_ROW + 1;
  const totalRef = `${String.fromCharCode(65 + totalCol)}${first + 1}`;
  const formula = (results.cells[first][tierCol] as { formula: string }).formula;

  test("the formula compares the total cell with the cutoff cells, highest tier first", () => {
    const ref = (k: string) => rules.refs[k];
    expect(formula).toBe(
      `IF(ISNUMBER(${totalRef}),IF(ROUND(${totalRef},9)>${ref("tier:xuat_sac.min")},"Xuất sắc",` +
        `IF(AND(ROUND(${totalRef},9)>=${ref("tier:tot.min")},ROUND(${totalRef},9)<=${ref("tier:tot.max")}),"Tốt",` +
        `IF(ROUND(${totalRef},9)<${ref("tier:can_cai_thien.max")},"Cần cải thiện",""))),"")`,
    );
    expect(tierFormula(plan.tiers!.tiers, totalRef, rules.refs)).toBe(formula);
  });

  test.each<[number | "", string]>([
    [95, "Xuất sắc"], [94.01, "Xuất sắc"], [94, "Tốt"], [93.999999999999, "Tốt"], [90, "Tốt"], [89.99, "Cần cải thiện"], [0, "Cần cải thiện"], ["", ""],
  ])("a total of %s is %s", (total, tier) => {
    expect(evaluate(formula, totalRef, total, rules.sheet)).toBe(tier);
  });

  test("one cell per boundary: raising 94 to 95 moves 94,5 from Xuất sắc to Tốt, and no total falls between", () => {
    const boundary = rules.refs["tier:xuat_sac.min"];
    expect(evaluate(formula, totalRef, 94.5, rules.sheet)).toBe("Xuất sắc");
    // the upper cutoff of Tốt is a formula on that very cell
    const m = /\$([A-Z]+)\$(\d+)$/.exec(rules.refs["tier:tot.max"])!;
    expect(rules.sheet.cells[Number(m[2]) - 1][m[1].charCodeAt(0) - 65]).toEqual({ formula: `D${/\$(\d+)$/.exec(boundary)![1]}`, result: 94 });
    // the one edited cell, the upper cutoff of Tốt following it as Excel recalculates
    const shared = { [boundary]: 95 };
    expect(evaluate(formula, totalRef, 94.5, rules.sheet, shared)).toBe("Tốt");
    expect(evaluate(formula, totalRef, 95, rules.sheet, shared)).toBe("Tốt");
    expect(evaluate(formula, totalRef, 95.25, rules.sheet, shared)).toBe("Xuất sắc");
  });

  test("the total is the sum of the groups as read (each within its maximum on the rules sheet) plus the adjustment, on scored rows", () => {
    const row = first + 2; // Phường Từ Sơn: 96 − 2
    const cell = results.cells[row][totalCol] as { formula: string; result: number };
    expect(cell.result).toBe(94);
    expect(cell.formula).toContain(`+IF(ISNUMBER(`);
    expect(cell.formula).toMatch(/^IF\(AND\(ISNUMBER\(F7\),F7>=0,F7<='Quy tắc DVC'!\$D\$\d+,/);
    expect(cell.formula).toMatch(/ROUND\(F7\+G7\+H7\+I7\+J7\+K7\+IF\(ISNUMBER\(N7\),N7,0\),9\),""\)$/);
    // the group cells refer to the data sheet
    expect(results.cells[row][col(results, "Số hóa hồ sơ")]).toEqual({ formula: "IF(ISBLANK('Chỉ số tuần 48'!G4),\"\",'Chỉ số tuần 48'!G4)", result: 21.5 });
    // rows the engine did not score keep its blank
    expect(results.cells[first + 6][totalCol]).toBeNull();
  });
});

describe("fills by tier: Excel's conditional formatting on the cutoff cells", () => {
  test("Bắc Ninh: green for the top tier, blue between, red for the tier needing attention", () => {
    const plan = importedPlan();
    const { rules, results } = sheets(plan);
    const letter = String.fromCharCode(65 + col(results, RESULT_HEADERS.tier));
    const t = `$${String.fromCharCode(65 + col(results, RESULT_HEADERS.total))}5`;
    const tierRules = results.conditionalFormats.filter((r) => r.range === `${letter}5:${letter}11`);
    expect(tierRules.map((r) => r.style)).toEqual(["green", "blue", "red"]);
    expect(tierRules[0].formula).toBe(`AND(ISNUMBER(${t}),ROUND(${t},9)>${rules.refs["tier:xuat_sac.min"]})`);
    // each fill agrees with the tier the formula gives, at the bounds
    for (const [total, fills] of [[94.5, ["green"]], [94, ["blue"]], [90, ["blue"]], [89.99, ["red"]], ["", []]] as const) {
      const on = tierRules.filter((r) => evaluate(r.formula, t, total, rules.sheet)).map((r) => r.style);
      expect(on).toEqual(fills);
    }
    // the red of bad rows still covers the unit to the total, not the tier column
    expect(results.conditionalFormats[0]).toMatchObject({ style: "red", priority: 1 });
    expect(results.conditionalFormats[0].range).toMatch(/^B5:P11$/);
    expect(new Set(results.conditionalFormats.map((r) => r.priority)).size).toBe(results.conditionalFormats.length);
  });

  test("An Giang: two tiers needing attention, amber for the upper, red for the lowest", () => {
    const { results } = sheets(importedPlan(TIERS_AG));
    const letter = String.fromCharCode(65 + col(results, RESULT_HEADERS.tier));
    expect(results.conditionalFormats.filter((r) => r.range.startsWith(letter)).map((r) => r.style)).toEqual(["green", "amber", "red"]);
  });
});

describe("the rules sheet", () => {
  const plan = importedPlan();
  const { rules } = sheets(plan);
  const lines = rules.sheet.cells.map((r) => r.map(shown));
  const after = (title: string, n: number) => {
    const i = lines.findIndex((r) => r[0] === title);
    if (i < 0) throw new Error(`no block ${title}`);
    return lines.slice(i + 1, i + 1 + n);
  };

  test("the imported groups with their maxima, the maximum total", () => {
    expect(after("Điểm thành phần công bố", 8).map((r) => r.slice(0, 4))).toEqual([
      ["Mã nhóm", "Cột số liệu", "Nội dung", "Điểm tối đa"],
      ["cong_khai", "Công khai, minh bạch", "Công khai, minh bạch", 18],
      ["tien_do", "Tiến độ, kết quả giải quyết", "Tiến độ, kết quả giải quyết", 20],
      ["dvc_tt", "Dịch vụ công trực tuyến", "Dịch vụ công trực tuyến", 12],
      ["thanh_toan", "Thanh toán trực tuyến", "Thanh toán trực tuyến", 10],
      ["so_hoa", "Số hóa hồ sơ", "Số hóa hồ sơ", 22],
      ["hai_long", "Mức độ hài lòng", "Mức độ hài lòng", 18],
      ["Tổng điểm tối đa", "", "", 100],
    ]);
    expect(rulesValue(rules.sheet, rules.refs["imported:so_hoa.max"])).toBe(22);
  });

  test("the tiers in words with their cutoff cells", () => {
    expect(after("Xếp loại theo tổng điểm", 5).slice(1)).toEqual([
      ["Loại", "Cấp áp dụng", "Khoảng điểm", "Từ (ngưỡng dưới)", "Đến (ngưỡng trên)", "Cần chú ý", "Nguồn"],
      ["Xuất sắc", "mọi cấp", "trên 94", 94, null, "", "KH 12/KH-UBND §III.1"],
      ["Tốt", "mọi cấp", "từ 90 đến 94", 90, 94, "", "KH 12/KH-UBND §III.1"],
      ["Cần cải thiện", "mọi cấp", "dưới 90", null, 90, "có", "KH 12/KH-UBND §III.1"],
    ]);
    for (const [k, v] of [["tier:xuat_sac.min", 94], ["tier:tot.min", 90], ["tier:tot.max", 94], ["tier:can_cai_thien.max", 90]] as const) {
      expect(rulesValue(rules.sheet, rules.refs[k])).toBe(v);
    }
  });

  test("the adjustment rule and the adjustments made this run; the activity and cohort rules", () => {
    const adj = after("Điều chỉnh điểm", 4);
    expect(adj[0][0]).toMatch(/bắt buộc ghi lý do \(cột "Lý do"\).*không quá 5 điểm/);
    expect(adj[0][6]).toBe("KH 12/KH-UBND §III.4");
    expect(adj.slice(1)).toEqual([["Các điều chỉnh trong lần chấm này (1)"], ["Đơn vị", "Cấp", "Điểm điều chỉnh", "Lý do"], ["Phường Từ Sơn", "Xã", -2, "Lỗi hệ thống ngày 25/11"]]);
    expect(after("Đơn vị không phát sinh hồ sơ", 1)[0][0]).toMatch(/cột "Số hồ sơ trong kỳ"\) bằng 0.*"Không phát sinh hồ sơ".*không bị xếp cuối/);
    expect(after("Xếp hạng trong khối", 1)[0][0]).toMatch(/trong khối của mình \(cột "Khối"\)/);
  });
});

describe("--json and the pane's counts", () => {
  const plan = importedPlan();

  test("the unit's tier, gaps, cohort, adjustment, published total and move, as the engine gave them", () => {
    const o = outcome();
    o.units[0].move = { kind: "up", previousRank: 3, previousTotal: 92, previousTier: "Tốt", move: 2, pointsChange: 3, tierChanged: true };
    o.previous = { source: "tuan-47.xlsx", ambiguous: [{ name: "Xã An Bình", candidates: ["Xã An Bình", "Phường An Bình"] }], gone: [{ name: "Xã Cũ", level: "xa", rank: 60 }] };
    const scored = scoredSheet(o);
    const json = toJsonRows(scored);
    const byName = Object.fromEntries(json.map((j) => [j.unit, j]));
    expect(byName["Phường Kinh Bắc"]).toMatchObject({
      tier: { id: "xuat_sac", label: "Xuất sắc", attention: false }, nextTier: null, gapAbove: null, cohort: "Phường", cohortRank: 1,
      adjustment: null, publishedTotal: 95, move: { kind: "up", move: 2, previousRank: 3 },
    });
    expect(byName["Xã Quế Võ"]).toMatchObject({
      tier: { id: "can_cai_thien", attention: true }, nextTier: { id: "tot", gap: 0.25, bound: { value: 90, inclusive: true } }, gapAbove: 0.25,
    });
    expect(byName["Phường Từ Sơn"].adjustment).toEqual({ points: -2, reason: "Lỗi hệ thống ngày 25/11" });
    expect(byName["Xã Tiên Du"]).not.toHaveProperty("move");
    expect(toJsonPrevious(scored)).toEqual(o.previous);
    expect(toJsonPrevious(scoredSheet())).toBeNull();
    // the order of the sheet: the unit with no dossiers last
    expect(json[json.length - 1].unit).toBe("Xã Gia Bình");
  });

  test("counts per tier per level, in the plan's order, and the units apart", () => {
    const counts = tierCounts(outcome().units, plan)!;
    expect(counts).toEqual([{
      level: "xa",
      tiers: [
        { id: "xuat_sac", label: "Xuất sắc", attention: false, count: 1 },
        { id: "tot", label: "Tốt", attention: false, count: 3 },
        { id: "can_cai_thien", label: "Cần cải thiện", attention: true, count: 1 },
      ],
      none: 1,
      noActivity: 1,
    }]);
    const s = stringsFor("vi");
    expect(s.tierCounts(s.tierLevels.xa, counts[0].tiers, counts[0].none, counts[0].noActivity)).toBe(
      "Xã, phường: 1 xuất sắc, 3 tốt, 1 cần cải thiện; 1 chưa xếp loại; 1 không phát sinh hồ sơ",
    );
    expect(tierCounts(outcome().units, { tiers: undefined })).toBeUndefined();
  });
});

describe("a ratio plan given tiers (the 2026 sample) shows the tier after its total", () => {
  const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");
  const base = JSON.parse(fs.readFileSync(path.join(SAMPLES, "minh-son-2026.plan.json"), "utf8")) as Plan;
  const plan: Plan = { ...base, tiers: TIERS_BN };
  let grid: CellInput[][];
  let sheetName: string;
  beforeAll(async () => {
    const book = await readInput(path.join(SAMPLES, "minh-son-2026.xlsx"));
    grid = book.sheets[0].grid;
    sheetName = book.sheets[0].name;
  });

  test("the engine's tiers in the column, the formula on the total formula's cell", () => {
    const scored = scoreSheet(base, grid, { sheet: sheetName });
    // the tiers as the engine is to set them, from the totals
    for (const u of scored.outcome.units) {
      if (u.total === null) continue;
      const t = plan.tiers!.tiers.find((d) => (!d.min || (d.min.inclusive ? u.total! >= d.min.value : u.total! > d.min.value)) && (!d.max || (d.max.inclusive ? u.total! <= d.max.value : u.total! < d.max.value)))!;
      u.tier = { id: t.id, label: t.label, attention: t.attention ?? false };
    }
    const rules = layoutRules(plan, { now, scored, formulas: true });
    const results = layoutResults(scored, plan, { formulas: true, rules, now });
    const h = headers(results);
    expect(h[h.indexOf("Tổng điểm") + 1]).toBe(RESULT_HEADERS.tier);
    const first = RESULTS_HEADER_ROW + 1;
    const totalRef = `${String.fromCharCode(65 + h.indexOf("Tổng điểm"))}${first + 1}`;
    const cell = results.cells[first][h.indexOf(RESULT_HEADERS.tier)] as { formula: string; result: string };
    expect(cell.formula).toBe(tierFormula(TIERS_BN.tiers, totalRef, rules.refs));
    const total = shown(results.cells[first][h.indexOf("Tổng điểm")]) as number;
    expect(evaluate(cell.formula, totalRef, total, rules.sheet)).toBe(cell.result);
  });
});
