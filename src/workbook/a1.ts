/** A1 notation helpers (0-based indexes in, Excel letters out). */

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "E7" from 0-based row and column. */
export function cellRef(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

/** "'Quy tắc DVC'!$D$8": sheet names are always quoted (they hold spaces and diacritics). */
export function absRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!$${columnLetter(col)}$${row + 1}`;
}

export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}
