/**
 * The chart sheet: a small table of totals split into three series (all criteria at full points /
 * below a full-points threshold / not considered) and a native stacked bar chart over it, so the
 * units below a cutoff stand out by colour. Each unit has its total in exactly one series. Pure.
 */
import type { UnitResult } from "../engine";
import { resultOrder } from "../workbook";
import type { CellOut, ChartSpec, SheetModel } from "../workbook";

export const CHART_SHEET = "Biểu đồ DVC";

/** Above this many units a bar per unit is unreadable; the pane says the chart was left out. */
export const CHART_MAX_UNITS = 300;

export const SERIES = [
  { header: "Đạt ngưỡng điểm tối đa", color: "#0F6CBD" },
  { header: "Dưới ngưỡng", color: "#F2C811" },
  { header: "Không xét / lỗi số liệu", color: "#C50F1F" },
] as const;

/** 0 = every criterion at full points, 1 = scored but some criterion below its threshold, 2 = not ranked. */
export function seriesOf(u: UnitResult): 0 | 1 | 2 {
  if (u.status !== "scored") return 2;
  return u.criteria.every((c) => c.full) ? 0 : 1;
}

export function chartSheet(units: UnitResult[]): { model: SheetModel; chart: ChartSpec } | null {
  // counted before they are sorted: a table too long for a chart is not sorted for nothing
  const withTotals = units.filter((u) => u.total !== null || u.status !== "scored");
  if (withTotals.length === 0 || withTotals.length > CHART_MAX_UNITS) return null;
  const cells: CellOut[][] = [["Đơn vị", ...SERIES.map((s) => s.header)]];
  for (const u of resultOrder(withTotals)) {
    const row: CellOut[] = [u.key, null, null, null];
    // a unit not considered has no total to draw; it still gets its row (an empty bar) so it is listed
    row[1 + seriesOf(u)] = u.total;
    cells.push(row);
  }
  const last = cells.length;
  const model: SheetModel = {
    name: CHART_SHEET,
    cells,
    columnWidths: [28, 14, 14, 14],
    numberFormats: [{ range: `B2:D${last}`, format: "0.00" }],
    conditionalFormats: [],
    boldRows: [0],
    freezeRows: 1,
  };
  const height = Math.max(16, Math.ceil(withTotals.length * 1.2) + 4);
  return {
    model,
    chart: {
      dataRange: `A1:D${last}`,
      title: "Tổng điểm theo đơn vị",
      seriesColors: SERIES.map((s) => s.color),
      position: ["F2", `P${height}`],
    },
  };
}
