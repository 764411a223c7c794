/** What is said when a text we write had to be changed to fit in a cell (src/workbook/cell-text.ts). */
export const CELL_TEXT = {
  xml:
    "{sheet}!{cell}: văn bản có ký tự mà tệp Excel không chứa được (ký tự điều khiển hoặc U+FFFE/U+FFFF); " +
    "đã thay bằng \uFFFD. Hãy sửa ô gốc của tên đơn vị hoặc số liệu này.",
  long: "{sheet}!{cell}: văn bản dài {length} ký tự, quá giới hạn {max} ký tự của một ô Excel; đã cắt bớt, cuối ô là “…”.",
} as const;

/** A template with its {name} placeholders filled. */
export function fillCellText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
