/** Which sheet a name given on the command line means, and in which order sheets are tried for the table. */
import type { InputBook, InputSheet } from "./types";

/** --sheet NAME: the sheet of exactly that name, else the one whose name differs only in case; null when none. */
export function findSheet(names: string[], wanted: string): string | null {
  return names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted.toLowerCase()) ?? null;
}

/**
 * The sheets in the order the table is looked for: the active sheet first when it is visible, then the
 * other visible sheets in workbook order, then the hidden ones. A sheet the user hid (often last
 * year's copy of the table) is scored only when no visible sheet holds the table, and the command says so.
 */
export function sheetsInSearchOrder(book: Pick<InputBook, "sheets" | "activeSheet">, sheets: InputSheet[] = book.sheets): InputSheet[] {
  const visible = sheets.filter((s) => s.state === "visible");
  const active = visible.find((s) => s.name === book.activeSheet);
  return [...(active ? [active] : []), ...visible.filter((s) => s !== active), ...sheets.filter((s) => s.state !== "visible")];
}
