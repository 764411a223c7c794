/**
 * The words of a results sheet written with formulas (--formulas, the pane's formulas option) about
 * the input cells written as values instead (src/workbook/formula-inputs.ts decides which). Templates
 * use {name} placeholders, filled by fillFormulaText.
 */

/** Why an input cell is a value and not a reference to its source cell. */
export type FormulaValueWhy = "text_number" | "number_noise" | "not_a_number";

export const FORMULA_VALUE_TEXT = {
  title: "Ô ghi giá trị thay cho công thức",
  intro:
    "Khi chấm với công thức, mỗi ô số liệu của trang \"{results}\" là công thức trỏ về ô nguồn nếu ô nguồn trống, là văn bản hay " +
    "giá trị lỗi mà hệ thống cũng không đọc được thành số, hoặc là một số mà công thức Excel đọc đúng như hệ thống (số đếm: số " +
    "nguyên; tỷ lệ: số từ 0 đến 1). Với các ô dưới đây công thức sẽ đọc khác hệ thống, nên ô được ghi giá trị hệ thống đã đọc " +
    "(hoặc nội dung ô dạng văn bản khi hệ thống không đọc được thành số), có ghi chú ở cột \"Giải thích\". Các ô này không tự tính " +
    "lại khi sửa ô nguồn: sửa ô nguồn rồi chấm lại.",
  header: ["Ô nguồn", "Đơn vị", "Đầu vào", "Nội dung ô nguồn", "Giá trị ghi", "Lý do"],
  why: {
    text_number: "là văn bản: công thức Excel không đọc văn bản thành số, còn hệ thống đọc là {value}",
    number_noise: "có sai số dấu phẩy động của một phép tính: hệ thống đọc là {value}",
    not_a_number:
      "không phải số hệ thống đọc được, nhưng công thức Excel sẽ đọc nó thành số (ngày, TRUE/FALSE, số lẻ, số quá lớn, tỷ lệ " +
      "ngoài 0–100%, công thức chưa được tính): ghi dạng văn bản để công thức cũng bỏ qua như hệ thống",
  } satisfies Record<FormulaValueWhy, string>,
  rowNote: "Ghi chú công thức: ô {cell} ghi giá trị thay cho công thức vì ô nguồn {source} ({content}) {why}.",
  more: "… và {n} ô khác (xem ghi chú ở cột \"Giải thích\" của trang \"{results}\").",
  column:
    "luôn ghi giá trị như hệ thống đọc, không phải công thức: không công thức nào của trang kết quả tính từ cột này, và công " +
    "thức trỏ về một ô ngày sẽ hiện số sê-ri của ngày đó",
} as const;

/** A template with its {name} placeholders filled. */
export function fillFormulaText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
