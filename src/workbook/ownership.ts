/**
 * How the add-in knows its own sheets, in Excel (src/excel-io) and in files the command line writes
 * (src/cli): each sheet it writes is marked by a workbook name DVC_THIDUA_<ROLE> that refers to the
 * sheet's A1 cell. Excel keeps such a name when the sheet is renamed, turns it into #REF! when the
 * sheet is deleted, and saves it in the .xlsx; so on the next run a sheet called "Kết quả DVC" that the
 * marker does not point at is the user's, and is never overwritten.
 */
export type SheetRole = "results" | "rules" | "chart" | "targets";

export function markerName(role: SheetRole): string {
  return `DVC_THIDUA_${role.toUpperCase()}`;
}

/** 'Kết quả DVC'!$A$1: the marker's reference to a sheet (quotes doubled inside a quoted name). */
export function markerRef(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!$A$1`;
}

/** The sheet a reference such as "='Kết quả DVC'!$A$1" or "Sheet1!A1" names; null for #REF! and the like. */
export function sheetOfRef(ref: string): string | null {
  const f = ref.replace(/^=/, "");
  if (f.startsWith("#REF!")) return null;
  const m = /^('(?:[^']|'')+'|[^'!]+)!/.exec(f);
  if (!m) return null;
  const s = m[1];
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/**
 * A sheet or defined name as Excel compares names: case-insensitively, and with composed and
 * decomposed spellings of one letter ("ế" as one character or as "e" + two combining marks) the same,
 * so that our "Kết quả DVC" written in NFC is never put beside a user's "KẾT QUẢ DVC" or an NFD one.
 */
export function nameKey(s: string): string {
  return s.normalize("NFC").toLocaleLowerCase("vi").normalize("NFC");
}

export function sameSheetName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
