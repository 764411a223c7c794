/**
 * Excel custom functions, namespace DVC. functions.json is generated from the JSDoc below by
 * custom-functions-metadata-plugin (the first lines are the description, `@param` lines the help).
 * This file must not touch Office globals at import time: Jest and the command line import it.
 *
 * Each function is a thin wrapper: cells → engine → a value or an error value (errors.ts). Every
 * per-unit argument is declared as a range and broadcast (broadcast.ts), so one formula over whole
 * columns spills one result per row, a bad row giving an error in its own cell.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over `any` cells; JSDoc types drive functions.json */
import {
  campaignDay,
  checkTarget,
  competitionRank,
  formatPercentVi,
  gapToFull,
  isBareOne,
  meetsThreshold,
  parseCount,
  parseLevel,
  parsePercent,
  parseNumberText,
  prizeForRank,
  readRatio,
  scoreUnit,
  targetOf,
  type UnitOutcome,
  wholePercentExample,
} from "../engine";
import type { CellInput, Level } from "../engine/types";
import { broadcast, nonBlankCells, asGrid, rowsInUse, spill, toCellInput, type Cell } from "./broadcast";
import { errorForFinding, errorForReason, isXlError, xlError } from "./errors";
import { message } from "../messages";
import { getPlan, hg165Criterion, HG165, HG126, LS170, IATOR32 } from "./plan-data";
import { columnLetter, isSpecialInput, mapColumns, readPlanSheet } from "../workbook";
import type { Plan } from "../engine/types";
import { fillPlanSheetText } from "../messages/plan-sheet";
import { PLAN_SCORE_TEXT } from "../messages/plan-origin";

type Communes = { rows: CellInput[][] | null; all: CellInput[] | null };

/**
 * The communes' ratios for district row i. Reading (documented): with one unit, every non-blank
 * cell of the range belongs to that district; with several units (a column of districts), row i of
 * the range holds district i's communes across columns. Blank cells are the unused rest of the range.
 */
function communesArg(x: unknown, units: number): Communes | Cell {
  if (x === null || x === undefined) return { rows: null, all: null };
  if (units <= 1) return { rows: null, all: nonBlankCells(x) };
  const grid = asGrid(x);
  if (grid.length !== units) {
    return xlError("#VALUE!", `Vùng tỷ lệ của các xã phải có ${units} dòng, mỗi dòng là các xã của một huyện (đang có ${grid.length} dòng).`);
  }
  return { rows: grid.map((r) => nonBlankCells([r])), all: null };
}

function communesFor(c: Communes, row: number): CellInput[] | undefined {
  if (c.all) return c.all;
  if (c.rows) return c.rows[row];
  return undefined;
}

function unitCount(...args: unknown[]): number {
  return Math.max(1, ...args.map((a) => asGrid(a).length));
}

/** An engine outcome as an error value, or null when it has a usable result. */
function outcomeError(o: { status: string; reason: UnitOutcome["reason"]; message: string; findings?: UnitOutcome["findings"] }): Cell | null {
  const aOverB = o.findings?.find((f) => f.code === "numerator_exceeds_denominator");
  // a > b is a data error (PLANS.md readings): a cell cannot carry a flag beside its number, so the
  // function refuses to show a number at all rather than a capped one that looks clean.
  if (aOverB) return errorForFinding(aOverB);
  if (o.status === "scored") return null;
  if (o.status === "not_eligible") {
    const text = /không xét/i.test(o.message) ? o.message : `Không xét thi đua: ${o.message}`;
    return errorForReason(o.reason, text);
  }
  // The finding names the input in Vietnamese (the outcome's message may carry the raw input id).
  const first = o.findings?.find((f) => f.code === o.reason) ?? o.findings?.[0];
  if (first) return errorForFinding(first);
  return errorForReason(o.reason, o.message);
}

function scoreHg(cells: CellInput[], communes: CellInput[] | undefined): UnitOutcome {
  const [online, all, eid, cccd, levelCell] = cells;
  const level = parseLevel(levelCell);
  if (!level.ok) throw errorForFinding(level.finding);
  const values: Record<string, CellInput> = {};
  if (cells.length > 2) {
    values.online_dossiers = online;
    values.all_dossiers = all;
    values.eid_activated = eid;
    values.citizens_with_cccd = cccd;
  }
  return scoreUnit(getPlan(HG165), level.value, values, communes === undefined ? undefined : { communeRatios: communes });
}

/**
 * Tổng điểm thi đua theo KH 165/KH-UBND Hậu Giang 2023 (thang 100 điểm: hồ sơ trực tuyến 60 + định danh điện tử mức 2 là 40). Cấp huyện dùng tỷ lệ kết hợp (tỷ lệ của huyện + bình quân tỷ lệ các xã) / 2. Xã dưới 70% hồ sơ trực tuyến: lỗi "không xét", không phải điểm 0.
 * @customfunction HG_SCORE
 * @param {any[][]} online_dossiers Số hồ sơ TTHC nộp trực tuyến (a). Một ô hoặc cả cột.
 * @param {any[][]} all_dossiers Tổng số hồ sơ phát sinh, trực tiếp và trực tuyến (b). Một ô hoặc cả cột.
 * @param {any[][]} eid_activated Số tài khoản định danh điện tử mức 2 đã kích hoạt. Một ô hoặc cả cột.
 * @param {any[][]} citizens_with_cccd Số công dân có căn cước công dân (CCCD). Một ô hoặc cả cột.
 * @param {any[][]} level Cấp: "huyen" hoặc "xa" (có dấu hoặc không, hoặc district / commune).
 * @param {any[][]} [commune_ratios] Cấp huyện: tỷ lệ hồ sơ trực tuyến của các xã thuộc huyện (vùng ô, 0,9 hoặc 90%). Nhiều huyện: mỗi dòng là các xã của một huyện.
 * @returns {any[][]} Tổng điểm (tối đa 100) của mỗi đơn vị.
 */
export function hgScore(online_dossiers: any[][], all_dossiers: any[][], eid_activated: any[][], citizens_with_cccd: any[][], level: any[][], commune_ratios?: any[][]): any[][] {
  return eachHgUnit([online_dossiers, all_dossiers, eid_activated, citizens_with_cccd, level], commune_ratios, (o) => outcomeError(o) ?? (o.total as number));
}

/** Scores every unit of the five hg-165 arguments (cells or ranges, broadcast row-wise) and turns each outcome into a cell. */
function eachHgUnit(args: any[][][], commune_ratios: any[][] | undefined, cell: (o: UnitOutcome) => Cell): any[][] {
  const communes = communesArg(commune_ratios, unitCount(...args));
  if (!("rows" in (communes as object))) return spill([[communes as Cell]]);
  return spill(broadcast(args, (cells, row) => cell(scoreHg(cells, communesFor(communes as Communes, row)))));
}

/**
 * Cách tính điểm KH 165/KH-UBND của một đơn vị, bằng lời và số, ví dụ "r = 89,00% < 90% → 0,89 × 60 = 53,40".
 * @customfunction HG_EXPLAIN
 * @param {any[][]} online_dossiers Số hồ sơ TTHC nộp trực tuyến (a).
 * @param {any[][]} all_dossiers Tổng số hồ sơ phát sinh (b).
 * @param {any[][]} eid_activated Số tài khoản định danh điện tử mức 2 đã kích hoạt.
 * @param {any[][]} citizens_with_cccd Số công dân có CCCD.
 * @param {any[][]} level Cấp: "huyen" hoặc "xa".
 * @param {any[][]} [commune_ratios] Cấp huyện: tỷ lệ hồ sơ trực tuyến của các xã thuộc huyện.
 * @returns {any[][]} Lời giải thích cách tính điểm.
 */
export function hgExplain(online_dossiers: any[][], all_dossiers: any[][], eid_activated: any[][], citizens_with_cccd: any[][], level: any[][], commune_ratios?: any[][]): any[][] {
  return eachHgUnit([online_dossiers, all_dossiers, eid_activated, citizens_with_cccd, level], commune_ratios, (o) =>
    // A commune that is not considered is explained (that is the point), not turned into an error.
    o.status === "not_eligible" ? o.explanation || o.message : (outcomeError(o) ?? o.explanation),
  );
}

/** One criterion of hg-165 ("online_ratio" / "eid_ratio") of one unit, as points or an error value. */
function hgCriterion(id: "online_ratio" | "eid_ratio", cells: CellInput[], communes: CellInput[] | undefined, want: "points" | "ratio"): Cell {
  const [a, b, levelCell] = cells;
  const level = parseLevel(levelCell);
  if (!level.ok) return errorForFinding(level.finding);
  const def = hg165Criterion(level.value, id);
  if (!def) return errorForReason("not_applicable", `KH 165/KH-UBND không chấm cấp "${String(levelCell)}" (chỉ cấp huyện và cấp xã).`);
  const values: Record<string, CellInput> = { [def.numerator]: a, [def.denominator]: b };
  const o = scoreUnit(getPlan(HG165), level.value, values, communes === undefined ? undefined : { communeRatios: communes });
  const c = o.criteria.find((x) => x.id === id);
  // Findings about this criterion's own inputs (or about the communes) are what the user must fix.
  const mine = o.findings.filter((f) => f.input === undefined || f.input === def.numerator || f.input === def.denominator || f.input === "commune_ratios");
  const err = outcomeError({ status: c?.status ?? o.status, reason: c?.reason ?? o.reason, message: "", findings: mine });
  if (err) return err;
  if (!c || c.status !== "scored") return errorForReason(o.reason, o.message);
  if (want === "ratio") return c.ratio as number;
  return c.points as number;
}

/**
 * Điểm tiêu chí hồ sơ trực tuyến (tối đa 60) theo KH 165/KH-UBND: huyện đạt đủ khi tỷ lệ kết hợp ≥ 90%, xã khi đạt 100%; thấp hơn thì tỷ lệ × 60. Xã dưới 70%: lỗi "không xét".
 * @customfunction HG_ONLINE_POINTS
 * @param {any[][]} online_dossiers Số hồ sơ TTHC nộp trực tuyến (a).
 * @param {any[][]} all_dossiers Tổng số hồ sơ phát sinh (b).
 * @param {any[][]} level Cấp: "huyen" hoặc "xa".
 * @param {any[][]} [commune_ratios] Cấp huyện: tỷ lệ hồ sơ trực tuyến của các xã thuộc huyện.
 * @returns {any[][]} Điểm tiêu chí hồ sơ trực tuyến.
 */
export function hgOnlinePoints(online_dossiers: any[][], all_dossiers: any[][], level: any[][], commune_ratios?: any[][]): any[][] {
  const communes = communesArg(commune_ratios, unitCount(online_dossiers, all_dossiers, level));
  if (!("rows" in (communes as object))) return spill([[communes as Cell]]);
  return spill(broadcast([online_dossiers, all_dossiers, level], (cells, row) => hgCriterion("online_ratio", cells, communesFor(communes as Communes, row), "points")));
}

/**
 * Điểm tiêu chí định danh điện tử mức 2 (tối đa 40) theo KH 165/KH-UBND: huyện đạt đủ khi tỷ lệ ≥ 80%, xã khi ≥ 90%; thấp hơn thì tỷ lệ × 40.
 * @customfunction HG_EID_POINTS
 * @param {any[][]} eid_activated Số tài khoản định danh điện tử mức 2 đã kích hoạt (a).
 * @param {any[][]} citizens_with_cccd Số công dân có CCCD (b).
 * @param {any[][]} level Cấp: "huyen" hoặc "xa".
 * @returns {any[][]} Điểm tiêu chí định danh điện tử.
 */
export function hgEidPoints(eid_activated: any[][], citizens_with_cccd: any[][], level: any[][]): any[][] {
  return spill(broadcast([eid_activated, citizens_with_cccd, level], (cells) => hgCriterion("eid_ratio", cells, undefined, "points")));
}

/**
 * Tỷ lệ hồ sơ trực tuyến kết hợp của một huyện theo KH 165/KH-UBND: (tỷ lệ của huyện + bình quân tỷ lệ các xã) / 2.
 * @customfunction HG_DISTRICT_RATIO
 * @param {any[][]} online_dossiers Số hồ sơ TTHC nộp trực tuyến của huyện (a).
 * @param {any[][]} all_dossiers Tổng số hồ sơ phát sinh của huyện (b).
 * @param {any[][]} commune_ratios Tỷ lệ hồ sơ trực tuyến của các xã thuộc huyện (vùng ô). Nhiều huyện: mỗi dòng là các xã của một huyện.
 * @returns {any[][]} Tỷ lệ kết hợp (0–1).
 */
export function hgDistrictRatio(online_dossiers: any[][], all_dossiers: any[][], commune_ratios: any[][]): any[][] {
  const communes = communesArg(commune_ratios, unitCount(online_dossiers, all_dossiers));
  if (!("rows" in (communes as object))) return spill([[communes as Cell]]);
  return spill(
    broadcast([online_dossiers, all_dossiers], (cells, row) => {
      const list = communesFor(communes as Communes, row) ?? [];
      if (list.length === 0) return errorForReason("missing_communes", "Thiếu tỷ lệ của các xã để tính tỷ lệ kết hợp của huyện (KH 165 §III.2.a).");
      return hgCriterion("online_ratio", [cells[0], cells[1], "huyen"], list, "ratio");
    }),
  );
}

/**
 * Đơn vị có được xét thi đua theo KH 165/KH-UBND không: xã có tỷ lệ hồ sơ trực tuyến dưới 70% là "không xét" (FALSE); huyện không có ngưỡng này (TRUE).
 * @customfunction HG_ELIGIBLE
 * @param {any[][]} online_dossiers Số hồ sơ TTHC nộp trực tuyến (a).
 * @param {any[][]} all_dossiers Tổng số hồ sơ phát sinh (b).
 * @param {any[][]} level Cấp: "huyen" hoặc "xa".
 * @returns {any[][]} TRUE nếu được xét, FALSE nếu không xét.
 */
export function hgEligible(online_dossiers: any[][], all_dossiers: any[][], level: any[][]): any[][] {
  return spill(
    broadcast([online_dossiers, all_dossiers, level], (cells) => {
      const r = ownRatio(cells[0], cells[1]);
      if (typeof r !== "number") return r;
      const lv = parseLevel(cells[2]);
      if (!lv.ok) return errorForFinding(lv.finding);
      const def = hg165Criterion(lv.value, "online_ratio");
      if (!def) return errorForReason("not_applicable", `KH 165/KH-UBND không chấm cấp "${String(cells[2])}" (chỉ cấp huyện và cấp xã).`);
      return def.floor === undefined ? true : meetsThreshold(r, def.floor);
    }),
  );
}

/** a / b through the engine's ratio reader; no data, bad figures and a > b are error values. */
function ratioOrError(a: CellInput, b: CellInput, aId: string, bId: string): { a: number; b: number; r: number } | Cell {
  const rr = readRatio(a, b, aId, bId);
  const bad = rr.findings.find((f) => f.code !== "ok");
  if (bad) return errorForFinding(bad);
  if (rr.ratio === null || rr.a === null || rr.b === null) return errorForReason(rr.reason, rr.reason);
  return { a: rr.a, b: rr.b, r: rr.ratio };
}

function ownRatio(a: CellInput, b: CellInput): number | Cell {
  const rr = ratioOrError(a, b, "online_dossiers", "all_dossiers");
  return typeof rr === "object" && "r" in rr ? rr.r : (rr as Cell);
}

function gapFor(id: "online_ratio" | "eid_ratio", cells: CellInput[], communes: CellInput[] | undefined): Cell {
  const [aCell, bCell, levelCell] = cells;
  const lv = parseLevel(levelCell);
  if (!lv.ok) return errorForFinding(lv.finding);
  const def = hg165Criterion(lv.value, id);
  if (!def) return errorForReason("not_applicable", `KH 165/KH-UBND không chấm cấp "${String(levelCell)}" (chỉ cấp huyện và cấp xã).`);
  const rr = ratioOrError(aCell, bCell, def.numerator, def.denominator);
  if (!(typeof rr === "object" && "r" in rr)) return rr as Cell;
  let threshold = def.threshold;
  if (def.combineWithCommunes) {
    // Reading: the district's own dossiers are what it can move; its communes' ratios are held as
    // given. (own + m) / 2 ≥ t  ⇔  own ≥ 2t − m.
    if (!communes || communes.length === 0) return errorForReason("missing_communes", "Thiếu tỷ lệ của các xã để tính tỷ lệ kết hợp của huyện (KH 165 §III.2.a).");
    const ratios: number[] = [];
    for (const [i, c] of communes.entries()) {
      const p = parsePercent(c, "commune_ratios");
      if (!p.ok) return errorForFinding(p.finding, `Xã thứ ${i + 1}`);
      ratios.push(p.value);
    }
    const mean = ratios.reduce((s, x) => s + x, 0) / ratios.length;
    threshold = 2 * def.threshold - mean;
    if (meetsThreshold(1 - threshold, 0) === false) {
      return errorForReason("not_applicable", `Không thể đạt đủ điểm chỉ bằng hồ sơ của huyện: bình quân tỷ lệ các xã ${formatPercentVi(mean)} quá thấp, kể cả khi huyện đạt 100%.`);
    }
    if (threshold <= 0) return 0;
  }
  return gapToFull(rr.a, rr.b, threshold);
}

/**
 * Số hồ sơ trực tuyến cần thêm để đạt điểm tối đa tiêu chí hồ sơ trực tuyến (KH 165/KH-UBND), giữ nguyên tổng số hồ sơ phát sinh b. Cấp huyện cần tỷ lệ của các xã.
 * @customfunction HG_GAP_ONLINE
 * @param {any[][]} online_dossiers Số hồ sơ TTHC nộp trực tuyến (a).
 * @param {any[][]} all_dossiers Tổng số hồ sơ phát sinh (b).
 * @param {any[][]} level Cấp: "huyen" hoặc "xa".
 * @param {any[][]} [commune_ratios] Cấp huyện: tỷ lệ hồ sơ trực tuyến của các xã thuộc huyện.
 * @returns {any[][]} Số hồ sơ trực tuyến còn thiếu (0 nếu đã đạt).
 */
export function hgGapOnline(online_dossiers: any[][], all_dossiers: any[][], level: any[][], commune_ratios?: any[][]): any[][] {
  const communes = communesArg(commune_ratios, unitCount(online_dossiers, all_dossiers, level));
  if (!("rows" in (communes as object))) return spill([[communes as Cell]]);
  return spill(broadcast([online_dossiers, all_dossiers, level], (cells, row) => gapFor("online_ratio", cells, communesFor(communes as Communes, row))));
}

/**
 * Số tài khoản định danh điện tử mức 2 cần kích hoạt thêm để đạt điểm tối đa (KH 165/KH-UBND: huyện 80%, xã 90%).
 * @customfunction HG_GAP_EID
 * @param {any[][]} eid_activated Số tài khoản định danh điện tử mức 2 đã kích hoạt (a).
 * @param {any[][]} citizens_with_cccd Số công dân có CCCD (b).
 * @param {any[][]} level Cấp: "huyen" hoặc "xa".
 * @returns {any[][]} Số tài khoản còn thiếu (0 nếu đã đạt).
 */
export function hgGapEid(eid_activated: any[][], citizens_with_cccd: any[][], level: any[][]): any[][] {
  return spill(broadcast([eid_activated, citizens_with_cccd, level], (cells) => gapFor("eid_ratio", cells, undefined)));
}

function rankCell(x: CellInput): number | Cell {
  const r = parseCount(x, "rank");
  if (!r.ok) return errorForFinding(r.finding);
  if (r.value < 1) return errorForFinding({ code: "invalid_input", input: "rank", detail: { value: String(x) } });
  return r.value;
}

function prizeCell(x: CellInput, pick: "prize" | "bonusPoints" | "award"): Cell {
  const rank = rankCell(x);
  if (typeof rank !== "number") return rank;
  const p = prizeForRank(getPlan(HG165), rank);
  if (!p) return errorForReason("not_applicable", `Hạng ${rank} không có giải: KH 165/KH-UBND chỉ trao giải Nhất, Nhì, Ba cho cấp huyện (§IV).`);
  return p[pick];
}

/**
 * Tiền thưởng (đồng) của hạng cấp huyện theo KH 165/KH-UBND: Nhất 20.000.000, Nhì 15.000.000, Ba 10.000.000.
 * @customfunction HG_PRIZE
 * @param {any[][]} rank Thứ hạng (1, 2, 3).
 * @returns {any[][]} Tiền thưởng (đồng).
 */
export function hgPrize(rank: any[][]): any[][] {
  return spill(broadcast([rank], (cells) => prizeCell(cells[0], "prize")));
}

/**
 * Điểm cộng vào điểm thi đua phát triển kinh tế - xã hội của huyện theo hạng (KH 165/KH-UBND): Nhất +3, Nhì +2, Ba +1.
 * @customfunction HG_BONUS
 * @param {any[][]} rank Thứ hạng (1, 2, 3).
 * @returns {any[][]} Điểm cộng.
 */
export function hgBonus(rank: any[][]): any[][] {
  return spill(broadcast([rank], (cells) => prizeCell(cells[0], "bonusPoints")));
}

/**
 * Tên giải của hạng cấp huyện theo KH 165/KH-UBND (Hạng Nhất, Nhì, Ba — Bằng khen của Chủ tịch UBND tỉnh).
 * @customfunction HG_AWARD
 * @param {any[][]} rank Thứ hạng (1, 2, 3).
 * @returns {any[][]} Tên giải.
 */
export function hgAward(rank: any[][]): any[][] {
  return spill(broadcast([rank], (cells) => prizeCell(cells[0], "award")));
}

/** A score or tie-break figure: a number (or numeric text); blank is "no score". */
const isBlankCell = (x: CellInput) => x === null || x === undefined || (typeof x === "string" && x.trim() === "");

function scoreOf(x: CellInput, input: string): number | null | Cell {
  if (x === null || x === undefined || (typeof x === "string" && x.trim() === "")) return null;
  if (typeof x === "number" && Number.isFinite(x)) return x;
  const n = typeof x === "string" ? parseNumberText(x) : null;
  if (n === null) return errorForFinding({ code: "invalid_input", input, detail: { value: typeof x === "object" && x !== null && "error" in x ? x.error : String(x) } });
  return n;
}

/**
 * Xếp hạng theo điểm, cao xếp trước; bằng điểm thì xét tiêu chí phụ (cao xếp trước); không phân định được thì cùng hạng ("1, 2, 2, 4"). Trả về một cột thứ hạng.
 * @customfunction RANK
 * @param {any[][]} scores Vùng điểm (một cột hoặc một dòng).
 * @param {any[][]} [tiebreak] Vùng tiêu chí phụ cùng kích thước, ví dụ số tài khoản nộp hồ sơ ÷ số hồ sơ trực tuyến (KH 165 §III.2.b).
 * @returns {any[][]} Thứ hạng của mỗi điểm, cùng hình dạng với vùng điểm.
 */
export function rank(scores: any[][], tiebreak?: any[][]): any[][] {
  let grid = asGrid(scores);
  let flat = grid.flat().map(toCellInput);
  let tbFlat = tiebreak === null || tiebreak === undefined ? null : asGrid(tiebreak).flat().map(toCellInput);
  if (tbFlat && tbFlat.length !== flat.length) {
    return spill([[xlError("#VALUE!", `Vùng tiêu chí phụ phải có cùng số ô với vùng điểm (${tbFlat.length} ≠ ${flat.length}).`)]]);
  }
  // The rows in use, as in broadcast(): the rows after the last score or tie-break (E:E's unused end) are
  // left out, so the ranks spill anywhere; a blank between scores keeps its cell and its error. Along a
  // single row of scores (1:1), the columns after the last.
  let last = flat.length - 1;
  while (last > 0 && isBlankCell(flat[last]) && (!tbFlat || isBlankCell(tbFlat[last]))) last--;
  const width = grid[0].length;
  const keep = grid.length === 1 ? last + 1 : (Math.floor(last / width) + 1) * width;
  if (keep < flat.length) {
    grid = grid.length === 1 ? [grid[0].slice(0, keep)] : grid.slice(0, keep / width);
    flat = flat.slice(0, keep);
    tbFlat = tbFlat && tbFlat.slice(0, keep);
  }
  const bad: (Cell | null)[] = flat.map(() => null);
  const nums = flat.map((x, i) => {
    const s = scoreOf(x, "scores");
    if (s !== null && typeof s !== "number") {
      bad[i] = s;
      return null;
    }
    return s;
  });
  const tbs = tbFlat?.map((x, i) => {
    const s = scoreOf(x, "tiebreak");
    if (s !== null && typeof s !== "number") {
      bad[i] = bad[i] ?? s;
      return null;
    }
    return s;
  });
  const ranks = competitionRank(nums, tbs);
  const out: Cell[][] = grid.map((r) => r.map(() => 0 as Cell));
  ranks.forEach((r, i) => {
    const cell: Cell =
      bad[i] ?? (r.rank === null ? errorForReason("missing_input", "Ô điểm trống: không xếp hạng (ô trống không được tính là 0).") : r.rank);
    out[Math.floor(i / width)][i % width] = cell;
  });
  return spill(out);
}

function targetCell(planId: string, level: Level | null, indicator: CellInput, opts?: { date?: CellInput; assigned?: CellInput }): Cell {
  if (indicator === null || indicator === undefined || (typeof indicator === "string" && indicator.trim() === "")) {
    return errorForFinding({ code: "missing_input", input: "indicator" });
  }
  const t = targetOf(getPlan(planId), level, typeof indicator === "string" ? indicator : String(typeof indicator === "object" && "error" in indicator ? indicator.error : indicator), opts);
  return t.ok ? t.value : errorForFinding(t.finding);
}

function metCell(planId: string, level: Level | null, indicator: CellInput, value: CellInput, opts?: { date?: CellInput; assigned?: CellInput }, wholePercent?: string): Cell {
  const t = targetCell(planId, level, indicator, opts);
  if (typeof t !== "number") return t;
  // reading percent_ambiguous_one: the value range is the table's column, read as the table reads it
  if (wholePercent !== undefined && isBareOne(value)) return errorForReason("percent_ambiguous", message("percent_ambiguous", { input: "value", value: wholePercent }));
  const c = checkTarget(getPlan(planId), level, String(indicator), value, opts);
  if (c.met === null) {
    const f = c.reason;
    return f === "missing_input" || f === "invalid_input" || f === "percent_out_of_range" ? errorForFinding({ code: f, input: "value", detail: { value: String(value) } }) : errorForReason(f, c.message);
  }
  return c.met;
}

function levelOf(x: CellInput): Level | Cell {
  const lv = parseLevel(x);
  return lv.ok ? lv.value : errorForFinding(lv.finding);
}

/**
 * Chỉ tiêu theo KH 170/KH-UBND Lạng Sơn 2023 (100 ngày cao điểm) của một cấp: so_hoa (tỉnh 70%, huyện 60%, xã 55%), dvc_co_ho_so và ho_so_truc_tuyen (chỉ tiêu được giao + 5%), he_thong (100%).
 * @customfunction LS_TARGET
 * @param {any[][]} level Cấp: "tinh", "huyen" hoặc "xa".
 * @param {any[][]} indicator Mã chỉ tiêu (so_hoa, dvc_co_ho_so, ho_so_truc_tuyen, he_thong) hoặc tên tiếng Việt.
 * @param {any[][]} [assigned_target] Chỉ tiêu được giao theo QĐ 533/QĐ-UBND (cho dvc_co_ho_so, ho_so_truc_tuyen), ví dụ 80%.
 * @returns {any[][]} Chỉ tiêu (tỷ lệ 0–1).
 */
export function lsTarget(level: any[][], indicator: any[][], assigned_target?: any[][]): any[][] {
  const args = assigned_target === null || assigned_target === undefined ? [level, indicator] : [level, indicator, assigned_target];
  return spill(
    broadcast(args, (cells) => {
      const lv = levelOf(cells[0]);
      if (typeof lv !== "string" || !["tinh", "huyen", "xa"].includes(lv)) return lv as Cell;
      return targetCell(LS170, lv as Level, cells[1], cells.length > 2 ? { assigned: cells[2] } : undefined);
    }),
  );
}

/**
 * Giá trị có đạt chỉ tiêu KH 170/KH-UBND Lạng Sơn không (đạt khi ≥ chỉ tiêu).
 * @customfunction LS_MET
 * @param {any[][]} level Cấp: "tinh", "huyen" hoặc "xa".
 * @param {any[][]} indicator Mã chỉ tiêu (so_hoa, dvc_co_ho_so, ho_so_truc_tuyen, he_thong) hoặc tên tiếng Việt.
 * @param {any[][]} value Tỷ lệ đạt được (0,9; 90% hoặc "90,5%").
 * @param {any[][]} [assigned_target] Chỉ tiêu được giao theo QĐ 533/QĐ-UBND (cho dvc_co_ho_so, ho_so_truc_tuyen).
 * @returns {any[][]} TRUE nếu đạt, FALSE nếu chưa đạt.
 */
export function lsMet(level: any[][], indicator: any[][], value: any[][], assigned_target?: any[][]): any[][] {
  const args = assigned_target === null || assigned_target === undefined ? [level, indicator, value] : [level, indicator, value, assigned_target];
  const whole = wholePercentExample(nonBlankCells(value));
  return spill(
    broadcast(args, (cells) => {
      const lv = levelOf(cells[0]);
      if (typeof lv !== "string" || !["tinh", "huyen", "xa"].includes(lv)) return lv as Cell;
      return metCell(LS170, lv as Level, cells[1], cells[2], cells.length > 3 ? { assigned: cells[3] } : undefined, whole);
    }),
  );
}

/**
 * Chỉ tiêu năm 2023 của một mã chỉ tiêu theo Phụ lục I, KH 126/KH-UBND Hậu Giang (ví dụ II.2 → 90%).
 * @customfunction HG126_TARGET
 * @param {any[][]} indicator Mã chỉ tiêu (I.1, II.1, II.2, II.3, II.4, III.1, III.2, IV, V) hoặc tên.
 * @returns {any[][]} Chỉ tiêu (tỷ lệ 0–1).
 */
export function hg126Target(indicator: any[][]): any[][] {
  return spill(broadcast([indicator], (cells) => targetCell(HG126, null, cells[0])));
}

/**
 * Giá trị có đạt chỉ tiêu Phụ lục I, KH 126/KH-UBND Hậu Giang không (đạt khi ≥ chỉ tiêu).
 * @customfunction HG126_MET
 * @param {any[][]} indicator Mã chỉ tiêu (I.1, II.1, …, V) hoặc tên.
 * @param {any[][]} value Tỷ lệ đạt được (0,9; 90% hoặc "90,5%").
 * @returns {any[][]} TRUE nếu đạt, FALSE nếu chưa đạt.
 */
export function hg126Met(indicator: any[][], value: any[][]): any[][] {
  const whole = wholePercentExample(nonBlankCells(value));
  return spill(broadcast([indicator, value], (cells) => metCell(HG126, null, cells[0], cells[1], undefined, whole)));
}

/**
 * Chỉ tiêu có hiệu lực vào một ngày theo KH 32/KH-UBND xã Ia Tơr 2024 (chiến dịch 100 ngày từ 22/3/2024): mốc 50 ngày hoặc mốc 100 ngày.
 * @customfunction IATOR_TARGET
 * @param {any[][]} indicator Mã chỉ tiêu: cong_khai, tien_do, dvc_truc_tuyen, thanh_toan, hai_long, so_hoa.
 * @param {any[][]} date Ngày (ngày của Excel, "dd/mm/yyyy" hoặc "yyyy-mm-dd").
 * @returns {any[][]} Chỉ tiêu (tỷ lệ 0–1).
 */
export function iatorTarget(indicator: any[][], date: any[][]): any[][] {
  return spill(broadcast([indicator, date], (cells) => targetCell(IATOR32, null, cells[0], { date: cells[1] })));
}

/**
 * Giá trị có đạt chỉ tiêu KH 32/KH-UBND xã Ia Tơr có hiệu lực vào ngày đã cho không.
 * @customfunction IATOR_MET
 * @param {any[][]} indicator Mã chỉ tiêu: cong_khai, tien_do, dvc_truc_tuyen, thanh_toan, hai_long, so_hoa.
 * @param {any[][]} date Ngày (ngày của Excel, "dd/mm/yyyy" hoặc "yyyy-mm-dd").
 * @param {any[][]} value Tỷ lệ đạt được (0,3; 30% hoặc "30,5%").
 * @returns {any[][]} TRUE nếu đạt, FALSE nếu chưa đạt.
 */
export function iatorMet(indicator: any[][], date: any[][], value: any[][]): any[][] {
  const whole = wholePercentExample(nonBlankCells(value));
  return spill(broadcast([indicator, date, value], (cells) => metCell(IATOR32, null, cells[0], cells[2], { date: cells[1] }, whole)));
}

/**
 * Ngày thứ mấy của chiến dịch 100 ngày KH 32/KH-UBND xã Ia Tơr (22/3/2024 là ngày 1, 10/5/2024 là ngày 50).
 * @customfunction IATOR_DAY
 * @param {any[][]} date Ngày (ngày của Excel, "dd/mm/yyyy" hoặc "yyyy-mm-dd").
 * @returns {any[][]} Số thứ tự ngày của chiến dịch.
 */
export function iatorDay(date: any[][]): any[][] {
  return spill(
    broadcast([date], (cells) => {
      const d = campaignDay(getPlan(IATOR32), cells[0]);
      return d.ok ? d.value : errorForFinding(d.finding);
    }),
  );
}

/** The plan laid out in a range as a plan sheet, or the error naming the first cell to fix. */
function planOfRange(range: unknown): Plan | Cell {
  const grid = asGrid(range).map((r) => r.map(toCellInput));
  const read = readPlanSheet(grid, "vùng kế hoạch");
  if (read.plan) return read.plan;
  const first = read.problems[0] ?? { cell: "A1", message: "" };
  return xlError("#VALUE!", fillPlanSheetText(PLAN_SCORE_TEXT.planProblems, { n: read.problems.length, cell: first.cell, message: first.message }));
}

/**
 * Tổng điểm của đơn vị theo kế hoạch ghi trong sổ (một trang kế hoạch, ví dụ "Kế hoạch DVC"). Số liệu được ghép với các đầu vào của kế hoạch theo hàng tiêu đề, như nút Xếp hạng. Kế hoạch có lỗi: lỗi #VALUE! nêu ô cần sửa. Sửa trang kế hoạch thì điểm tự tính lại.
 * @customfunction PLAN_SCORE
 * @param {any[][]} plan_range Vùng của trang kế hoạch, ví dụ 'Kế hoạch DVC'!A1:Z300 (bắt đầu từ A1 thì ô báo lỗi đúng là ô của trang).
 * @param {any[][]} level Cấp: "tinh", "huyen" hoặc "xa". Một ô cho mọi dòng, hoặc cả cột.
 * @param {any[][]} values Số liệu của đơn vị: một dòng của bảng (nhiều dòng: mỗi dòng một đơn vị).
 * @param {any[][]} headers Hàng tiêu đề của bảng, cùng các cột với vùng số liệu.
 * @returns {any[][]} Tổng điểm của mỗi đơn vị.
 */
export function planScore(plan_range: any[][], level: any[][], values: any[][], headers: any[][]): any[][] {
  const plan = planOfRange(plan_range);
  if (isXlError(plan)) return spill([[plan]]);
  const p = plan as Plan;
  if (p.kind !== "ratio_points") return spill([[xlError("#VALUE!", fillPlanSheetText(PLAN_SCORE_TEXT.notRatio, { id: p.id, kind: p.kind }))]]);
  const head = asGrid(headers)[0].map((h) => {
    const v = toCellInput(h);
    return v === null || typeof v === "object" ? "" : String(v);
  });
  let rows = asGrid(values).map((r) => r.map(toCellInput));
  if (rows[0].length !== head.length) return spill([[xlError("#VALUE!", fillPlanSheetText(PLAN_SCORE_TEXT.widths, { values: rows[0].length, headers: head.length }))]]);
  let levels = asGrid(level).map((r) => toCellInput(r[0]));
  if (levels.length !== 1 && levels.length !== rows.length) {
    return spill([[xlError("#VALUE!", fillPlanSheetText(PLAN_SCORE_TEXT.levelRows, { levels: levels.length, rows: rows.length }))]]);
  }
  // as broadcast(): the rows after the last one in use are the unused end of a whole-column range
  const used = rowsInUse(levels.length > 1 ? [values, level] : [values]);
  const last = used.last;
  rows = rows.slice(0, last + 1);
  if (levels.length > 1) levels = levels.slice(0, last + 1);
  const one = levels.length === 1 ? parseLevel(levels[0]) : null;
  // the mapper sees the headers and what the columns hold, as it does for the pane and the command line
  const view = { headers: head, columns: head.map((_, c) => rows.map((r) => r[c] ?? null)), firstCol: 0 };
  const mapping = mapColumns(p, view, {}, 0, one?.ok ? { level: one.value } : {});
  const label = (id: string) => mapping.report.find((e) => e.input === id)?.label ?? id;
  const missing = mapping.missing.filter((id) => !isSpecialInput(id));
  if (missing.length) return spill([[xlError("#VALUE!", fillPlanSheetText(PLAN_SCORE_TEXT.missing, { inputs: missing.map(label).join("; ") }))]]);
  const doubt = mapping.doubts.find((d) => !isSpecialInput(d.input));
  if (doubt) {
    const candidates = doubt.candidates.map((c) => `${columnLetter(c.column)} "${c.header}"`).join(" hoặc ");
    return spill([[xlError("#VALUE!", fillPlanSheetText(PLAN_SCORE_TEXT.doubt, { input: doubt.label, candidates }))]]);
  }
  const figures = p.inputs.filter((d) => !isSpecialInput(d.id) && d.id in mapping.mapping);
  const out: Cell[][] = rows.map((row, i) => {
    if (i < used.first) return [""];
    const lv = parseLevel(levels.length === 1 ? levels[0] : levels[i]);
    if (!lv.ok) return [errorForFinding(lv.finding)];
    const vals: Record<string, CellInput> = {};
    for (const d of figures) vals[d.id] = row[mapping.mapping[d.id]];
    const o = scoreUnit(p, lv.value, vals);
    return [outcomeError(o) ?? (o.total as number)];
  });
  return spill(out);
}
