/**
 * What the command line says about the scored copy it writes (src/cli/write): where it may write it,
 * what the copy is, and why it will not write one.
 */
export const SCORED_COPY_TEXT = {
  sameAsInput:
    'Tệp kết quả "{output}" chính là tệp vào "{input}" (cùng một tệp, dù viết khác đi hay qua một liên kết): ' +
    "chương trình không bao giờ ghi vào tệp vào. Hãy chọn một tên khác với -o.",
  outputIsFolder: '"{output}" là một thư mục; hãy cho -o một tên tệp, ví dụ -o ket-qua{ext}.',
  extension: 'Tệp kết quả "{output}" phải có đuôi {ext}: {why}. Hãy dùng -o {suggest}.',
  whyMacro: "sổ làm việc có macro (VBA), bản kết quả giữ nguyên macro, và Excel chỉ mở sổ có macro với đuôi .xlsm",
  whyPlain: "sổ làm việc không có macro, và Excel không mở một sổ như vậy với đuôi {got}",
  whyNew: "bản kết quả là một sổ Excel .xlsx mới",
  newBook:
    "Tệp vào là tệp {kind}: bản kết quả là một sổ Excel .xlsx mới, gồm số liệu của {sheets} (giá trị{formats}) " +
    "và các trang của DVC Thi đua; tệp vào vẫn giữ nguyên.",
  newBookFormats: ", và định dạng ngày",
  notOurSheet:
    'Sổ đã có trang "{sheet}" không do DVC Thi đua tạo ra, nên không ghi đè. Đổi tên trang đó rồi chạy lại. / ' +
    'The workbook has a sheet "{sheet}" that dvc-thidua did not write; rename it and run again.',
  notOurName:
    'Tên "{name}" đã được dùng trong sổ (trỏ tới trang "{sheet}"), nên không tạo lại được. ' +
    'Xoá hoặc đổi tên "{name}" trong Name Manager (Công thức → Quản lý tên), rồi chạy lại.',
  noFolder:
    'Thư mục "{dir}" của tệp kết quả "{output}" không tồn tại; chương trình không tự tạo thư mục (có thể tên bị gõ nhầm). ' +
    "Hãy kiểm tra lại đường dẫn sau -o, hoặc tạo thư mục đó trước.",
  writeDenied: 'Không có quyền ghi tệp kết quả "{output}" (thư mục "{dir}" chỉ đọc hoặc bị khoá). Hãy chọn nơi khác với -o.',
  diskFull: 'Ổ đĩa chứa "{output}" đã đầy (hoặc vượt hạn mức): chưa ghi được tệp kết quả, không có tệp dở dang nào được để lại. Hãy giải phóng chỗ trống hoặc chọn nơi khác với -o.',
  writeFailed: 'Không ghi được tệp kết quả "{output}" (mã lỗi hệ thống {code}); không có tệp dở dang nào được để lại.',
  notesWouldBeLost:
    'Trang "{sheet}" do DVC Thi đua ghi lần trước có ghi chú của người dùng ở {cells} (ô được nhập ở cột không có ' +
    "tiêu đề của trang kết quả, hoặc chú thích): chấm lại sẽ thay cả trang và làm mất các ghi chú đó, nên chưa ghi gì. " +
    "Hãy chuyển các ghi chú sang một trang khác của sổ (hoặc xoá nếu không cần), rồi chạy lại.",
  newBookExists:
    'Tệp "{output}" đã có: chương trình không ghi đè một tệp đã có (có thể là kế hoạch đã sửa). ' +
    "Hãy chọn một tên khác với -o, hoặc xoá tệp cũ trước.",
  brokenPackage: 'Tệp "{file}" bị hỏng, không đọc được gói .xlsx của nó ({detail}).',
  markerComment: "DVC Thi đua: trang do phần bổ trợ ghi ra",
} as const;

/** A template with its {name} placeholders filled. */
export function fillCopyText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
