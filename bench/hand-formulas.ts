/**
 * The same hg-165 table scored the way officials do it by hand today: plain Excel formulas next to
 * the figures, no add-in. Written with no cached results, so whoever opens it must calculate.
 *
 *   H level      =IF(C="","Huyện","Xã")               (a district row leaves the district column blank)
 *   I online r   =MIN(1,D/E)   (a > b counts as 100%, the plan's reading the command line follows)
 *   J mean       =AVERAGEIF(district column, own name, I)   district rows only (hg-165 §III.2.a)
 *   K r scored   district: (I+J)/2, commune: I
 *   L points     district: ≥90% → 60 else r×60; commune: <70% not considered, ≥100% → 60 else r×60
 *   M e-ID r     =MIN(1,F/G)
 *   N points     district: ≥80% → 40 else r×40; commune: ≥90% → 40 else r×40
 *   O total      L+N, or "Không xét" when L is not a number
 *   P rank       COUNTIFS over the same level with a higher total, +1 (ties share a rank: 1, 2, 2, 4)
 */
import * as ExcelJS from "exceljs";
import { HG165_HEADER, hg165Sheet, type SampleCell } from "../test/fake-excel/sample-hg165";

export const SHEET = "Số liệu 2023";
/** 1-based row of the header in hg165Sheet(): a title line, a blank line, then the header. */
export const HEADER_ROW = 3;
export const NOT_CONSIDERED = "Không xét";

export const HAND_COLUMNS = {
  level: "H",
  onlineRatio: "I",
  communeMean: "J",
  scoredRatio: "K",
  onlinePoints: "L",
  eidRatio: "M",
  eidPoints: "N",
  total: "O",
  rank: "P",
} as const;

const HAND_HEADERS = [
  "Cấp", "Tỷ lệ HS trực tuyến", "Bình quân tỷ lệ các xã", "Tỷ lệ tính điểm", "Điểm HS trực tuyến",
  "Tỷ lệ định danh", "Điểm định danh", "Tổng điểm", "Xếp hạng",
];

function cellValue(v: SampleCell): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object") return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

function fillSheet(ws: ExcelJS.Worksheet, units: SampleCell[][]): void {
  hg165Sheet(units).forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, j) => {
      if (v !== null) r.getCell(j + 1).value = cellValue(v);
    });
  });
}

/** The input of the command line: the title, header and figures only. */
export async function writeInputWorkbook(units: SampleCell[][], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  fillSheet(wb.addWorksheet(SHEET), units);
  await wb.xlsx.writeFile(file);
}

/** The same sheet with the officials' formula columns H:P, no cached results. */
export async function writeHandWorkbook(units: SampleCell[][], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  fillSheet(ws, units);
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + units.length;
  const abs = (col: string) => `$${col}$${first}:$${col}$${last}`;
  const c = HAND_COLUMNS;
  const header = ws.getRow(HEADER_ROW);
  HAND_HEADERS.forEach((h, k) => (header.getCell(HG165_HEADER.length + 1 + k).value = h));
  for (let r = first; r <= last; r++) {
    const f: Record<keyof typeof HAND_COLUMNS, string> = {
      level: `IF(C${r}="","Huyện","Xã")`,
      onlineRatio: `MIN(1,D${r}/E${r})`,
      communeMean: `IF(${c.level}${r}="Huyện",AVERAGEIF(${abs("C")},B${r},${abs(c.onlineRatio)}),"")`,
      scoredRatio: `IF(${c.level}${r}="Huyện",(${c.onlineRatio}${r}+${c.communeMean}${r})/2,${c.onlineRatio}${r})`,
      onlinePoints:
        `IF(${c.level}${r}="Huyện",IF(${c.scoredRatio}${r}>=0.9,60,${c.scoredRatio}${r}*60),` +
        `IF(${c.scoredRatio}${r}<0.7,"${NOT_CONSIDERED}",IF(${c.scoredRatio}${r}>=1,60,${c.scoredRatio}${r}*60)))`,
      eidRatio: `MIN(1,F${r}/G${r})`,
      eidPoints: `IF(${c.level}${r}="Huyện",IF(${c.eidRatio}${r}>=0.8,40,${c.eidRatio}${r}*40),IF(${c.eidRatio}${r}>=0.9,40,${c.eidRatio}${r}*40))`,
      total: `IF(ISNUMBER(${c.onlinePoints}${r}),${c.onlinePoints}${r}+${c.eidPoints}${r},"${NOT_CONSIDERED}")`,
      rank: `IF(ISNUMBER(${c.total}${r}),COUNTIFS(${abs(c.level)},${c.level}${r},${abs(c.total)},">"&${c.total}${r})+1,"")`,
    };
    const row = ws.getRow(r);
    for (const k of Object.keys(HAND_COLUMNS) as (keyof typeof HAND_COLUMNS)[]) row.getCell(HAND_COLUMNS[k]).value = { formula: f[k] } as ExcelJS.CellFormulaValue;
  }
  await wb.xlsx.writeFile(file);
}
