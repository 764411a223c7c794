/**
 * Bonus points (Plan.bonuses): the unit's cell holds the points the council granted, from 0 to the
 * plan's maximum. More than the maximum, less than 0, or anything that is not a number is an error
 * on that cell, never capped or read as 0; a blank cell is no bonus only where the plan says so in a
 * reading (BonusDef.blankReading), and otherwise a missing figure like any blank.
 */
import { isBlank, parseNumber } from "./coerce";
import type { BonusDef, CellInput, Finding, ReasonCode } from "./types";

export interface BonusRead {
  /** the points granted; null when the cell cannot be used */
  points: number | null;
  /** blank, read as no bonus by the plan's reading */
  blank: boolean;
  reason: ReasonCode;
  finding?: Finding;
}

const BLANK_NONE: BonusRead = { points: 0, blank: true, reason: "ok" };

/**
 * Reads bonus `def` from its cell. `label` names the input in messages (the plan's own label: a
 * plan's input ids are not words an official reads).
 */
export function readBonus(cell: CellInput, def: BonusDef, label: string): BonusRead {
  if (typeof cell === "number" && cell >= 0 && cell <= def.maxPoints) return { points: cell, blank: false, reason: "ok" };
  if (isBlank(cell)) {
    if (def.blankReading !== undefined) return BLANK_NONE;
    return { points: null, blank: false, reason: "missing_input", finding: { code: "missing_input", input: def.input, detail: { input: label } } };
  }
  const n = parseNumber(cell, def.input);
  if (!n.ok) {
    const code = n.finding.code;
    return { points: null, blank: false, reason: code, finding: { code, input: def.input, detail: { ...n.finding.detail, input: label } } };
  }
  if (n.value < 0 || n.value > def.maxPoints) {
    const value = typeof cell === "string" ? cell.trim() : String(cell);
    return { points: null, blank: false, reason: "bonus_out_of_range", finding: { code: "bonus_out_of_range", input: def.input, detail: { input: label, value, max: def.maxPoints } } };
  }
  return { points: n.value, blank: false, reason: "ok" };
}
