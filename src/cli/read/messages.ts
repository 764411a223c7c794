/** What the reader tells the user (Vietnamese, as the rest of the command line's messages). */

export const READ_MESSAGES = {
  directory: (file: string) => `"${file}" là một thư mục, không phải tệp.`,
  notFound: (file: string) => `Không tìm thấy tệp "${file}".`,
  noAccess: (file: string) => `Không có quyền đọc tệp "${file}".`,
  unreadable: (file: string, why: string) => `Không đọc được tệp "${file}": ${why}`,
  encrypted: (file: string) =>
    `Tệp "${file}" được bảo vệ bằng mật khẩu (mã hóa) hoặc không phải sổ Excel đọc được: hãy mở bằng Excel, ` +
    `gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) hoặc lưu lại dưới dạng .xlsx rồi chấm lại.`,
  notXlsx: (file: string) => `Tệp "${file}" không phải là tệp .xlsx hợp lệ (hỏng hoặc sai định dạng).`,
  corrupt: (file: string, why: string) => `Tệp "${file}" bị hỏng, không mở được như một sổ làm việc .xlsx (${why}).`,
  corruptLegacy: (file: string, kind: string, why: string) => `Tệp "${file}" bị hỏng, không mở được như một sổ làm việc ${kind} (${why}).`,
  notSpreadsheet: (file: string, type: string) =>
    `Tệp "${file}" không phải sổ làm việc Excel (nội dung chính của tệp là "${type}").`,
  binaryWorkbook: (file: string) =>
    `Tệp "${file}" là sổ Excel dạng nhị phân (.xlsb), chưa đọc được: hãy mở bằng Excel và lưu lại dưới dạng .xlsx rồi chấm lại.`,
  noSheets: (file: string) => `Tệp "${file}" không có trang tính nào.`,
  tooManyCells: (file: string, sheet: string, limit: string) =>
    `Trang "${sheet}" của tệp "${file}" có hơn ${limit} ô có dữ liệu: quá lớn để chấm trong giới hạn bộ nhớ. ` +
    `Hãy để bảng số liệu trên một trang riêng (chỉ các cột cần chấm), hoặc chỉ rõ trang đó bằng --sheet.`,
  unknownEncoding: (encoding: string) => `Không biết bảng mã "${encoding}" (ví dụ: utf8, utf16le, windows-1258).`,
  utf16NoBom: (file: string) => `Tệp "${file}" có vẻ là UTF-16 không có BOM; hãy dùng --encoding utf16le (hoặc lưu lại dạng "CSV UTF-8").`,
  notUtf8: (file: string) =>
    `Tệp "${file}" không phải văn bản UTF-8 (có thể là Windows-1258, TCVN3 hoặc bảng mã khác). ` +
    `Hãy lưu lại tệp CSV dạng "CSV UTF-8", hoặc chỉ rõ bảng mã: --encoding windows-1258.`,
  badUtf8At: (file: string, line: number, column: number, byte: number) =>
    `Tệp "${file}" có một byte không phải UTF-8 (0x${byte.toString(16).toUpperCase().padStart(2, "0")}) ở dòng ${line}, ký tự thứ ${column}: ` +
    `hãy sửa ô đó (gõ lại chữ), hoặc nếu cả tệp dùng bảng mã khác thì chỉ rõ: --encoding windows-1258.`,
  firstNonUtf8: (line: number, column: number) => `(Chỗ đầu tiên không đọc được: dòng ${line}, ký tự thứ ${column}.)`,
  workbookNamedCsv: (file: string, kind: string) =>
    `Tệp "${file}" mang đuôi .csv nhưng thật ra là sổ làm việc ${kind}: đã đọc như ${kind}.`,
  nulInCsv: (file: string) => `Tệp "${file}" có ký tự rỗng: có lẽ là UTF-16 không có BOM; hãy dùng --encoding utf16le.`,
  badCsv: (file: string, why: string) => `Tệp CSV "${file}" không đọc được: ${why}`,
};

/** A date-formatted cell holding a number beyond any date: Excel shows it as ####. */
export const OUT_OF_RANGE_DATE = "#### (ô định dạng ngày chứa một số ngoài khoảng ngày của Excel)";

/** A formula saved without a value (a file written by a program, never opened in Excel). */
export function uncalculated(formula: string): string {
  return `=${formula} (công thức chưa được tính, chưa có giá trị)`;
}
