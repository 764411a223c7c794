/**
 * Units of a ratio-points plan (hg-165) in two steps: the numbers of every unit go into columns
 * (typed arrays, no object per unit), and a unit's outcome object — criteria, findings, message and
 * Vietnamese explanation — is built from those columns when it is asked for. A table of 100,000
 * units is scored and ranked on the columns alone; its per-unit objects are built once, later.
 */
import { message, MESSAGES } from "../messages";
import {
  formatNumberVi, formatPercentVi, formatThresholdVi, fractionKey, fractionTextVi, meetsThreshold, numberKey, percentKey, TABLE_SIZE,
} from "./numbers";
import { readBonus } from "./bonus";
import { bandsDesc, belowText, pointsBelow, readRatio } from "./ratio";
import type { BonusOutcome, CriterionOutcome, UnitOutcome } from "./outcomes";
import type { BonusDef, CellInput, Finding, Level, Plan, RatioCriterion, ReasonCode, Status } from "./types";

const SHORT: Record<string, string> = { online_ratio: "Hồ sơ trực tuyến", eid_ratio: "Định danh mức 2" };

/** Statuses worst first: a unit's status is the worst of its criteria's, so a code is also its rank. */
const STATUSES: Status[] = ["not_eligible", "invalid_input", "no_data", "scored"];
const SCORED = 3;
const STATUS_CODE: Record<Status, number> = { not_eligible: 0, invalid_input: 1, no_data: 2, scored: 3 };

/** Reason codes as small numbers for the columns: their place in the message catalogue, which has every code. */
const REASONS = Object.keys(MESSAGES) as ReasonCode[];
const REASON_CODE = new Map<ReasonCode, number>(REASONS.map((r, i) => [r, i]));
const OK = REASONS.indexOf("ok");
const BELOW_FLOOR = REASONS.indexOf("below_floor");
const MISSING_COMMUNES = REASONS.indexOf("missing_communes");
const INVALID_INPUT = REASONS.indexOf("invalid_input");

/** Findings of a unit with none: shared, never written to (pushFinding copies it first). */
export const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** Adds a finding to a unit whose findings may be the shared empty list. */
export function pushFinding(u: { findings: Finding[] }, f: Finding): void {
  if (u.findings === NO_FINDINGS) u.findings = [f];
  else u.findings.push(f);
}

/**
 * What a plan level's criteria need on every unit, worked out once per plan and level: the fixed
 * pieces of each explanation ("Hồ sơ trực tuyến: ", " ≥ 90% → 60 điểm tối đa", …), so that
 * explaining a unit only formats its own numbers.
 */
export interface LevelCriteria {
  crits: RatioCriterion[];
  /** "Hồ sơ trực tuyến: ": the head of each criterion's part of the unit's explanation */
  heads: string[];
  /** the heads after the first with their "; " */
  sepHeads: string[];
  /** " < 70% → không xét thi đua" (below the floor); "" without a floor */
  belowFloor: string[];
  /** the floor as shown ("70%"); "" without a floor */
  floors: string[];
  /** " ≥ 90% → 60 điểm tối đa" (ratioPoints, full points) */
  fullTail: string[];
  /** " < 90% → " and " × 60 = " (ratioPoints, r × maxPoints) */
  partTail: string[];
  timesTail: string[];
  /** each criterion's bands, highest bound first (empty unless below = "bands") */
  bands: { min: number; points: number }[][];
  /** the plan's stated total (Plan.totalPoints), else the sum of the criteria's maxima */
  maxTotal: number;
  /** the level's bonus points (Plan.bonuses), their inputs' labels and their heads ("; Sáng kiến: ") */
  bonuses: BonusDef[];
  bonusLabels: string[];
  bonusHeads: string[];
}

const levelCriteriaCache = new WeakMap<Plan, Map<Level, LevelCriteria>>();

export function levelCriteria(plan: Plan, level: Level): LevelCriteria {
  let byLevel = levelCriteriaCache.get(plan);
  if (!byLevel) levelCriteriaCache.set(plan, (byLevel = new Map()));
  let lc = byLevel.get(level);
  if (!lc) {
    const crits = plan.criteria.filter((c) => c.level === level);
    const bonuses = (plan.bonuses ?? []).filter((b) => b.level === level);
    const floors = crits.map((c) => (c.floor === undefined ? "" : formatPercentVi(c.floor, 0)));
    lc = {
      crits,
      heads: crits.map((c) => `${SHORT[c.id] ?? c.label}: `),
      sepHeads: crits.map((c, k) => `${k ? "; " : ""}${SHORT[c.id] ?? c.label}: `),
      floors,
      belowFloor: floors.map((f) => ` < ${f} → không xét thi đua`),
      fullTail: crits.map((c) => ` ≥ ${formatThresholdVi(c.threshold)} → ${c.maxPoints} điểm tối đa`),
      partTail: crits.map((c) => ` < ${formatThresholdVi(c.threshold)} → `),
      timesTail: crits.map((c) => ` × ${c.maxPoints} = `),
      bands: crits.map(bandsDesc),
      maxTotal: plan.totalPoints ?? crits.reduce((s, c) => s + c.maxPoints, 0),
      bonuses,
      bonusLabels: bonuses.map((b) => plan.inputs.find((d) => d.id === b.input)?.label ?? b.label),
      bonusHeads: bonuses.map((b, j) => `${crits.length || j ? "; " : ""}${b.label}: `),
    };
    byLevel.set(level, lc);
  }
  return lc;
}

/**
 * A non-negative whole number that parseCount reads as itself: the common case, with no parse result
 * built. Must accept exactly what parseCount passes unchanged, so the 2^53 bound is repeated here.
 */
export function isPlainCount(x: CellInput): x is number {
  return typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= Number.MAX_SAFE_INTEGER;
}

/**
 * The numbers of n units, criterion by criterion. Unit i's criterion k is slot i × width + k.
 * NaN stands for "none" (a ratio that cannot be computed, no points, no total): every real value
 * here is a finite number.
 */
export interface RatioColumns {
  width: number;
  status: Uint8Array;
  reason: Uint8Array;
  total: Float64Array;
  cStatus: Uint8Array;
  cReason: Uint8Array;
  /** the ratio used for points (capped at 1, combined for a district); the unit's own ratio when combining failed */
  ratio: Float64Array;
  capped: Uint8Array;
  full: Uint8Array;
  points: Float64Array;
  /** district combined ratio, by slot */
  combined: Map<number, CombinedRatio>;
  /** what reading the cells found (blank, text, a > b, b = 0…), by slot: rare, so kept apart */
  cellFindings: Map<number, Finding[]>;
  /** bonus slots per unit: unit i's bonus j is slot i × bonusWidth + j */
  bonusWidth: number;
  /** the points granted (NaN: the cell cannot be used), blank read as none (1), the cell's finding */
  bonusPoints: Float64Array;
  bonusBlank: Uint8Array;
  bonusFindings: Map<number, Finding>;
}

/**
 * Columns for n units. They start as zeros, not NaN: scoreRatioRow writes every field of the unit and
 * criteria it scores, and nothing reads a unit it did not score.
 */
export function ratioColumns(n: number, width: number, bonusWidth = 0): RatioColumns {
  const slots = n * width;
  return {
    width,
    status: new Uint8Array(n),
    reason: new Uint8Array(n),
    total: new Float64Array(n),
    cStatus: new Uint8Array(slots),
    cReason: new Uint8Array(slots),
    ratio: new Float64Array(slots),
    capped: new Uint8Array(slots),
    full: new Uint8Array(slots),
    points: new Float64Array(slots),
    combined: new Map(),
    cellFindings: new Map(),
    bonusWidth,
    bonusPoints: new Float64Array(n * bonusWidth),
    bonusBlank: new Uint8Array(n * bonusWidth),
    bonusFindings: new Map(),
  };
}

/** The most criteria one level of the plan has: the width of its columns. */
export function criteriaWidth(plan: Plan): number {
  let w = 1;
  for (const level of plan.levels) w = Math.max(w, levelCriteria(plan, level).crits.length);
  return w;
}

/** The most bonuses one level of the plan has (0 for most plans). */
export function bonusWidth(plan: Plan): number {
  let w = 0;
  for (const level of plan.levels) w = Math.max(w, levelCriteria(plan, level).bonuses.length);
  return w;
}

/** A district's own ratio and its communes' mean and count (NaN and 0 when it has none). */
export interface CombinedRatio {
  own: number;
  mean: number;
  count: number;
}

/**
 * The district ratio of hg-165 §III.2.a for slot s, recorded in the columns: (own + plain mean of the
 * communes) / 2 as combinedDistrictRatio computes it (reading hg165_commune_mean); NaN when the
 * communes could not be read (count -1) or there are none (0). A function of its own because only
 * district rows come here: inlined, a branch the commune rows never take made V8 drop the optimised
 * row loop each time a district reached it.
 */
function combineWithCommunes(cols: RatioColumns, s: number, own: number, communeCount: number, communeSum: number): number {
  const combined: CombinedRatio = { own, mean: NaN, count: 0 };
  cols.combined.set(s, combined);
  if (communeCount <= 0) return NaN;
  combined.mean = communeSum / communeCount;
  combined.count = communeCount;
  const r = (own + combined.mean) / 2;
  cols.ratio[s] = r;
  return r;
}

/**
 * Scores unit i into the columns: ratio, points, status and reason of each criterion, and the unit's
 * total. `communeCount` and `communeSum` are the district's communes' ratios (count -1: they could
 * not be read; 0: there are none), summed in the order the communes come.
 */
export function scoreRatioRow(lc: LevelCriteria, values: Record<string, CellInput>, cols: RatioColumns, i: number, communeCount = 0, communeSum = 0): void {
  const crits = lc.crits;
  let status = SCORED;
  let reason = OK;
  let total = 0;
  for (let k = 0; k < crits.length; k++) {
    const c = crits[k];
    const s = i * cols.width + k;
    const aCell = values[c.numerator];
    const bCell = values[c.denominator];
    let r: number;
    let cs = SCORED;
    let cr = OK;
    let capped = 0;
    // whole, non-negative, 0 < b, a ≤ b: readRatio would give the plain ratio with no finding
    if (isPlainCount(aCell) && isPlainCount(bCell) && bCell > 0 && aCell <= bCell) {
      r = aCell / bCell;
    } else {
      const rr = readRatio(aCell, bCell, c.numerator, c.denominator);
      if (rr.findings.length) cols.cellFindings.set(s, rr.findings);
      r = rr.ratio === null ? NaN : rr.ratio;
      cs = STATUS_CODE[rr.status];
      cr = REASON_CODE.get(rr.reason) as number;
      if (rr.capped) capped = 1;
    }
    cols.ratio[s] = r;
    cols.capped[s] = capped;
    cols.full[s] = 0;
    cols.points[s] = NaN;
    if (r === r && c.combineWithCommunes) {
      r = combineWithCommunes(cols, s, r, communeCount, communeSum);
      if (r !== r) {
        cs = communeCount < 0 ? STATUS_CODE.invalid_input : STATUS_CODE.no_data;
        cr = communeCount < 0 ? INVALID_INPUT : MISSING_COMMUNES;
      }
    }
    if (r === r) {
      if (c.floor !== undefined && !meetsThreshold(r, c.floor)) {
        cs = STATUS_CODE.not_eligible;
        cr = BELOW_FLOOR;
      } else {
        // ratioPoints: r ≥ threshold → maxPoints, else r × maxPoints (hg-165 §III.2) or the rule of c.below
        const full = meetsThreshold(r, c.threshold);
        const points = full ? c.maxPoints : c.below === undefined ? r * c.maxPoints : pointsBelow(c, r, lc.bands[k]).points;
        cols.full[s] = full ? 1 : 0;
        cols.points[s] = points;
        total += points;
      }
    }
    cols.cStatus[s] = cs;
    cols.cReason[s] = cr;
    if (cs < status) {
      status = cs;
      reason = cr;
    } else if (status === SCORED && cr !== OK && reason === OK) reason = cr;
  }
  const bonuses = lc.bonuses;
  for (let j = 0; j < bonuses.length; j++) {
    const b = bonuses[j];
    const s = i * cols.bonusWidth + j;
    const cell = values[b.input];
    cols.bonusBlank[s] = 0;
    if (typeof cell === "number" && cell >= 0 && cell <= b.maxPoints) {
      cols.bonusPoints[s] = cell;
      total += cell;
      continue;
    }
    const read = readBonus(cell, b, lc.bonusLabels[j]);
    if (read.finding) {
      cols.bonusPoints[s] = NaN;
      cols.bonusFindings.set(s, read.finding);
      // a bonus that cannot be used is bad input: the unit has no total until it is fixed
      if (STATUS_CODE.invalid_input < status) {
        status = STATUS_CODE.invalid_input;
        reason = REASON_CODE.get(read.reason) as number;
      }
    } else {
      cols.bonusPoints[s] = read.points as number;
      cols.bonusBlank[s] = read.blank ? 1 : 0;
      total += read.points as number;
    }
  }
  cols.status[i] = status;
  cols.reason[i] = reason;
  cols.total[i] = status === SCORED ? total : NaN;
}

export function isScored(cols: RatioColumns, i: number): boolean {
  return cols.status[i] === SCORED;
}

function detailOf(f: Finding | undefined): Record<string, string | number> {
  return { input: f?.input ?? "", ...(f?.detail ?? {}) };
}

type Texts = (string | undefined)[];

const FULL = 0;
const BELOW = 1;
const PART = 2;

/**
 * One kind of criterion text of one criterion, by the percent key of its ratio: the text, and the
 * same with its head ("; Định danh mức 2: r = …") for the unit's explanation. A text with points
 * also hangs on its fraction and points texts, whose keys `check` holds (the same percent can, at
 * its edges, show another fraction or other points: those are made afresh).
 */
interface Slots {
  text: Texts;
  headed: Texts;
  check: Int32Array | undefined;
}

/**
 * The explanation texts of one table's units, each made once and shared by every unit that shows it:
 * a criterion's text with its plain ratio ("r = 74,00% < 100% → 0,74 × 60 = 44,40") hangs on the
 * ratio's, fraction's and points' texts, a total's on the total's text, so they are kept by those
 * texts' keys (numbers.ts), at most TABLE_SIZE of each. Made per table and dropped with its outcome:
 * nothing stays behind.
 */
export class UnitTexts {
  /** by kind × criterion */
  private readonly slots: (Slots | undefined)[] = [];
  private readonly belowMessage: Texts[] = [];
  private readonly totalTail: Texts[] = [];
  private readonly totalMessage: Texts[] = [];
  /** the last criterion text with its head, set by criterionText */
  headed = "";

  /** `keep = false`: make every text afresh (one unit: no tables to fill) */
  constructor(readonly lc: LevelCriteria, private readonly keep = true) {}

  /**
   * Criterion k's text for ratio r shown by `rText` (kind FULL "r = 95,00% ≥ 90% → 60 điểm tối đa",
   * BELOW "r = 67,00% < 70% → không xét thi đua", PART "r = 74,00% < 100% → 0,74 × 60 = 44,40"),
   * and in `headed` the same after its head. Texts of plain ratios are kept.
   */
  criterionText(kind: number, k: number, r: number, points: number, rText: (r: number) => string, band = -1): string {
    const key = this.keep && rText === plainRatio ? percentKey(r) : -1;
    let check = 0;
    if (kind === PART && key >= 0) {
      const pk = numberKey(points);
      if (this.lc.crits[k].below === undefined) {
        const fk = fractionKey(r);
        check = fk < 0 || pk < 0 ? -1 : fk * 16384 + pk;
      } else {
        // the text shows r's percent (the key), the points and, for bands, the band reached
        check = pk < 0 || band >= 62 ? -1 : pk * 64 + band + 1;
      }
    }
    if (key < 0 || check < 0) {
      const text = this.makeText(kind, k, r, points, rText, band);
      this.headed = this.lc.sepHeads[k] + text;
      return text;
    }
    const at = kind * this.lc.crits.length + k;
    const slots = this.slots[at] ?? (this.slots[at] = { text: new Array(TABLE_SIZE), headed: new Array(TABLE_SIZE), check: kind === PART ? new Int32Array(TABLE_SIZE) : undefined });
    let text = slots.text[key];
    if (text === undefined || (slots.check !== undefined && slots.check[key] !== check)) {
      text = this.makeText(kind, k, r, points, rText, band);
      slots.text[key] = text;
      slots.headed[key] = this.lc.sepHeads[k] + text;
      if (slots.check !== undefined) slots.check[key] = check;
    }
    this.headed = slots.headed[key] as string;
    return text;
  }

  private makeText(kind: number, k: number, r: number, points: number, rText: (r: number) => string, band: number): string {
    const lc = this.lc;
    if (kind === FULL) return rText(r) + lc.fullTail[k];
    if (kind === BELOW) return rText(r) + lc.belowFloor[k];
    const c = lc.crits[k];
    if (c.below !== undefined) return rText(r) + belowText(c, r, points, band, lc.bands[k]);
    return rText(r) + lc.partTail[k] + fractionTextVi(r) + lc.timesTail[k] + formatNumberVi(points);
  }

  /** the unit's message when criterion k is below its floor with ratio r (the floor's finding detail) */
  belowMessageText(k: number, r: number, detail: Record<string, string | number>): string {
    const key = this.keep ? percentKey(r) : -1;
    if (key < 0) return message("below_floor", detail);
    const t = row(this.belowMessage, k);
    return t[key] ?? (t[key] = message("below_floor", detail));
  }

  /** " → tổng = 73,44/100" */
  totalTailText(total: number): string {
    const key = this.keep ? numberKey(total) : -1;
    if (key < 0) return " → tổng = " + this.shownTotal(total);
    const t = row(this.totalTail, 0);
    return t[key] ?? (t[key] = " → tổng = " + this.shownTotal(total));
  }

  /** "Tổng điểm 73,44/100." */
  totalMessageText(total: number): string {
    const key = this.keep ? numberKey(total) : -1;
    if (key < 0) return "Tổng điểm " + this.shownTotal(total) + ".";
    const t = row(this.totalMessage, 0);
    return t[key] ?? (t[key] = "Tổng điểm " + this.shownTotal(total) + ".");
  }

  private shownTotal(total: number): string {
    return formatNumberVi(total) + "/" + this.lc.maxTotal;
  }

  /** "Tổng điểm 103,50/100 (gồm 5 điểm thưởng)." (few units have a bonus: made afresh) */
  totalWithBonusMessage(total: number, bonus: number): string {
    return `Tổng điểm ${this.shownTotal(total)} (gồm ${pointsText(bonus)} điểm thưởng).`;
  }

  /** " → tổng = 98,50 + 5 điểm thưởng = 103,50/100" */
  totalWithBonusTail(total: number, bonus: number): string {
    return ` → tổng = ${formatNumberVi(total - bonus)} + ${pointsText(bonus)} điểm thưởng = ${this.shownTotal(total)}`;
  }
}

function row(tables: Texts[], k: number): Texts {
  return tables[k] ?? (tables[k] = new Array(TABLE_SIZE));
}

function plainRatio(r: number): string {
  return "r = " + formatPercentVi(r);
}

/**
 * Unit i's outcome from the columns: its criteria, findings (`base` first: the commune ratios of a
 * single district), message and explanation. `explain = false` skips the Vietnamese explanation
 * strings of scored units; everything else is the same either way.
 */
export function describeRatioUnit(lc: LevelCriteria, cols: RatioColumns, i: number, explain: boolean, base: Finding[] = NO_FINDINGS): UnitOutcome {
  const out: UnitOutcome = { status: "scored", reason: "ok", message: "", findings: NO_FINDINGS, criteria: NO_CRITERIA, total: null, maxTotal: 0, explanation: "" };
  describeRatioUnitInto(out, new UnitTexts(lc, false), cols, i, explain, base);
  return out;
}

const NO_CRITERIA: CriterionOutcome[] = [];

/**
 * describeRatioUnit writing into `out`, every field of it, with `texts` (which belongs to the unit's
 * level) keeping the explanations' pieces: a table describes its units one after the other into one
 * `out` and copies each into the unit's own object.
 */
export function describeRatioUnitInto(out: UnitOutcome, texts: UnitTexts, cols: RatioColumns, i: number, explain: boolean, base: Finding[] = NO_FINDINGS): void {
  const lc = texts.lc;
  const crits = lc.crits;
  let findings: Finding[] = base.length ? base.slice() : NO_FINDINGS;
  const criteria: CriterionOutcome[] = new Array(crits.length);
  let ex = "";
  /** the first criterion below its floor, and its finding's detail: the unit's message tells that one */
  let belowAt = -1;
  let belowDetail: Record<string, string | number> | undefined;
  for (let k = 0; k < crits.length; k++) {
    const c = crits[k];
    const s = i * cols.width + k;
    const cs = cols.cStatus[s];
    const cr = cols.cReason[s];
    const ratio = cols.ratio[s];
    const capped = cols.capped[s] === 1;
    const combined = c.combineWithCommunes ? cols.combined.get(s) : undefined;
    const cf = cols.cellFindings.size ? cols.cellFindings.get(s) : undefined;
    if (cf) findings = findings === NO_FINDINGS ? cf.slice() : findings.concat(cf);
    if (cr === MISSING_COMMUNES) {
      findings = findings === NO_FINDINGS ? [] : findings;
      findings.push({ code: "missing_communes" });
    }
    const reason = REASONS[cr];
    let points: number | null = null;
    let full = false;
    let explanation = "";
    // a ratio was used (points or the floor) exactly when the criterion is scored or below the floor
    if (cs === SCORED || cr === BELOW_FLOOR) {
      const r = ratio;
      // the plain "r = 89,00%" unless the ratio was capped or combined with the communes'
      const rText = combined && combined.mean === combined.mean ? combinedRatioText(combined) : capped ? cappedRatio : plainRatio;
      if (cr === BELOW_FLOOR) {
        const detail = { ratio: formatPercentVi(r), floor: lc.floors[k] };
        // without explanations the floor's words stay: they say why the unit is not considered
        if (!explain) explanation = lc.belowFloor[k];
        else explanation = texts.criterionText(BELOW, k, r, 0, rText);
        findings = findings === NO_FINDINGS ? [] : findings;
        findings.push({ code: "below_floor", input: c.numerator, detail });
        if (belowAt < 0) {
          belowAt = k;
          belowDetail = detail;
        }
      } else {
        full = cols.full[s] === 1;
        points = cols.points[s];
        const band = !full && c.below === "bands" ? pointsBelow(c, r, lc.bands[k]).band : -1;
        if (explain) explanation = texts.criterionText(full ? FULL : PART, k, r, points, rText, band);
      }
    } else {
      explanation = message(reason, { input: reason === "zero_denominator" ? c.denominator : c.numerator });
    }
    let co: CriterionOutcome;
    if (!combined) {
      co = {
        id: c.id, label: c.label, source: c.source, status: STATUSES[cs], reason, ratio: ratio === ratio ? ratio : null, capped,
        threshold: c.threshold, maxPoints: c.maxPoints, points, full, explanation,
      };
    } else if (combined.mean === combined.mean) {
      co = {
        id: c.id, label: c.label, source: c.source, status: STATUSES[cs], reason, ratio: ratio === ratio ? ratio : null, capped,
        threshold: c.threshold, maxPoints: c.maxPoints, points, full, explanation, ownRatio: combined.own, communeMean: combined.mean, communeCount: combined.count,
      };
    } else {
      co = {
        id: c.id, label: c.label, source: c.source, status: STATUSES[cs], reason, ratio: ratio === ratio ? ratio : null, capped,
        threshold: c.threshold, maxPoints: c.maxPoints, points, full, explanation, ownRatio: combined.own,
      };
    }
    criteria[k] = co;
    if (explain || cols.status[i] !== SCORED) {
      // criterionText left the text with its head in texts.headed; other texts get theirs here
      const headed = explain && (cs === SCORED || cr === BELOW_FLOOR) ? texts.headed : lc.sepHeads[k] + explanation;
      ex = k ? ex + headed : headed;
    }
  }
  /** the bonus points granted, for the total's words */
  let granted = 0;
  if (lc.bonuses.length) {
    const bonuses: BonusOutcome[] = new Array(lc.bonuses.length);
    for (let j = 0; j < lc.bonuses.length; j++) {
      const b = lc.bonuses[j];
      const s = i * cols.bonusWidth + j;
      const f = cols.bonusFindings.size ? cols.bonusFindings.get(s) : undefined;
      const p = cols.bonusPoints[s];
      const blank = cols.bonusBlank[s] === 1;
      let explanation: string;
      if (f) {
        findings = findings === NO_FINDINGS ? [f] : findings.concat(f);
        explanation = message(f.code, f.detail);
      } else {
        granted += p;
        explanation = bonusText(p, blank);
      }
      bonuses[j] = { id: b.id, label: b.label, source: b.source, input: b.input, maxPoints: b.maxPoints, points: f ? null : p, blank, explanation };
      if (explain || cols.status[i] !== SCORED) ex += lc.bonusHeads[j] + explanation;
    }
    out.bonuses = bonuses;
  } else if (out.bonuses !== undefined) out.bonuses = undefined;
  const status = STATUSES[cols.status[i]];
  const reason = REASONS[cols.reason[i]];
  out.status = status;
  out.reason = reason;
  out.findings = findings;
  out.criteria = criteria;
  out.maxTotal = lc.maxTotal;
  if (status === "scored") {
    const total = cols.total[i];
    out.total = total;
    if (!explain) {
      out.message = "";
      out.explanation = "";
    } else {
      const head = granted > 0 ? texts.totalWithBonusMessage(total, granted) : texts.totalMessageText(total);
      out.message = reason === "ok" ? head : head + " " + message(reason, findings.find((f) => f.code === reason)?.detail);
      out.explanation = ex + (granted > 0 ? texts.totalWithBonusTail(total, granted) : texts.totalTailText(total));
    }
    return;
  }
  out.total = null;
  const msg = belowAt >= 0
    ? texts.belowMessageText(belowAt, cols.ratio[i * cols.width + belowAt], belowDetail as Record<string, string | number>)
    : message(reason, detailOf(findings.find((f) => f.code === reason) ?? findings[0]));
  out.message = msg;
  out.explanation = ex ? ex + " → " + msg : msg;
}

/** Points as a council grants them: "5", "4,50". */
function pointsText(p: number): string {
  return formatNumberVi(p, Number.isInteger(p) ? 0 : 2);
}

/** A bonus's part of the explanation: "+5 điểm thưởng", "0 điểm thưởng", or a blank read as none. */
function bonusText(points: number, blank: boolean): string {
  if (blank) return "ô trống → không có điểm thưởng";
  return points > 0 ? `+${pointsText(points)} điểm thưởng` : "0 điểm thưởng";
}

function combinedRatioText(combined: CombinedRatio): (r: number) => string {
  return (r) => `r = (${formatPercentVi(combined.own)} của huyện + ${formatPercentVi(combined.mean)} bình quân ${combined.count} xã) / 2 = ${formatPercentVi(r)}`;
}

function cappedRatio(r: number): string {
  return `r = ${formatPercentVi(r)} (a > b, lấy 100%)`;
}
