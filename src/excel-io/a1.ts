/** A1 addresses as Office.js hands them back ("'Kết quả DVC'!B3:D9") and as we write them. */
import { columnIndex, columnLetter, quoteSheet } from "../workbook/a1";

export { columnIndex, columnLetter, quoteSheet };

export interface Box {
  /** 0-based first row and column */
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** Splits "Sheet!A1:B2" (sheet quoted or not) into the sheet name and the 0-based box. */
export function parseAddress(address: string): { sheet: string | null; box: Box } {
  let ref = address.trim();
  let sheet: string | null = null;
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    ref = ref.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const cell = (p: string) => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(p);
    if (!m) throw new Error(`Địa chỉ ô không hợp lệ: ${address}`);
    return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
  };
  const [a, b] = ref.split(":");
  const p0 = cell(a);
  const p1 = b ? cell(b) : p0;
  return {
    sheet,
    box: {
      r0: Math.min(p0.r, p1.r),
      c0: Math.min(p0.c, p1.c),
      rows: Math.abs(p1.r - p0.r) + 1,
      cols: Math.abs(p1.c - p0.c) + 1,
    },
  };
}

export function boxAddress(b: Box): string {
  const tl = columnLetter(b.c0) + (b.r0 + 1);
  if (b.rows === 1 && b.cols === 1) return tl;
  return `${tl}:${columnLetter(b.c0 + b.cols - 1)}${b.r0 + b.rows}`;
}

/** Shared with the command line, which marks and recognises the same sheets in .xlsx files. */
export { sheetOfRef as sheetOfFormula, sameSheetName, nameKey } from "../workbook/ownership";
