/** The pane's own words, Vietnamese first; English when Office's display language is not Vietnamese. */
export type Lang = "vi" | "en";

/** "Xuất sắc" → "xuất sắc" inside a sentence; an abbreviation ("DVC tốt") keeps its capitals. */
function lowerFirst(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

const vi = {
  title: "DVC Thi đua",
  outcome: "Kết quả",
  subtitle: "Chấm điểm, xếp hạng và kiểm tra chỉ tiêu dịch vụ công trực tuyến.",
  plan: "Kế hoạch",
  planSheet: (name: string) => `Trang kế hoạch “${name}” (trong sổ)`,
  newPlan: "Tạo kế hoạch mới",
  newPlanFrom: (id: string) => `Chép từ ${id}`,
  newPlanEmpty: "Mẫu trống",
  newPlanWritten: (name: string) => `Đã tạo trang “${name}”: sửa các ô rồi chọn trang này trong danh sách Kế hoạch.`,
  newPlanNoNotes: "Excel này chưa hỗ trợ ghi chú ô (notes): các ghi chú giải thích tiêu đề cột không được ghi.",
  planProblemsTitle: "Các ô cần sửa",
  level: "Cấp",
  levelAuto: "Theo cột “Cấp” / tự nhận biết",
  levels: { tinh: "Tỉnh (sở, ban, ngành)", huyen: "Huyện", xa: "Xã" },
  source: "Bảng số liệu",
  sourceSelection: "Vùng quanh ô đang chọn",
  sourceLast: (addr: string) => `Bảng đã đọc lần trước (${addr})`,
  sourceTable: (name: string) => `Bảng Excel “${name}”`,
  readTable: "Đọc bảng",
  date: "Ngày đánh giá",
  dateHint: "Chỉ tiêu của mốc đang có hiệu lực vào ngày này.",
  mapping: "Cột dữ liệu",
  mappingHint: (addr: string, row: number) => `Bảng ${addr}, dòng tiêu đề ${row}. Đổi cột nếu nhận sai; lựa chọn được lưu trong sổ.`,
  notMapped: "— không có —",
  required: "bắt buộc",
  doubtful: "Chưa chắc chắn: kiểm tra cột này (chọn lại nếu sai).",
  mappingDoubts: (n: number) => `${n} cột chưa chắc chắn được đánh dấu bên dưới. Chưa chấm điểm: kiểm tra rồi xác nhận.`,
  confirmAndRank: "Xác nhận cột và xếp hạng",
  confirmAndCheck: "Xác nhận cột và kiểm tra",
  rank: "Xếp hạng",
  check: "Kiểm tra chỉ tiêu",
  formulas: "Ghi công thức (trỏ về bảng số liệu)",
  steps: { read: "Đọc bảng…", score: "Chấm điểm…", check: "Kiểm tra…", write: "Ghi kết quả…", done: "Xong" },
  failed: "Chưa ghi gì vào sổ",
  where: (sheet: string, row?: number, column?: string) =>
    `Trang “${sheet}”` + (row ? `, dòng ${row}` : "") + (column ? `, cột ${column}` : ""),
  done: (sheets: string[], syncs: number) => `Đã ghi ${sheets.map((s) => `“${s}”`).join(", ")} (${syncs} lượt đồng bộ với Excel).`,
  counts: { scored: "Đã chấm", not_eligible: "Không xét", no_data: "Không có dữ liệu", invalid_input: "Số liệu lỗi" },
  targets: (met: number, notMet: number) => `Chỉ tiêu: ${met} đạt, ${notMet} chưa đạt`,
  tierLevels: { tinh: "Sở, ban, ngành", huyen: "Huyện", xa: "Xã, phường" },
  tierCounts: (level: string, tiers: { label: string; count: number }[], none: number, noActivity: number) =>
    `${level}: ${tiers.map((t) => `${t.count} ${lowerFirst(t.label)}`).join(", ")}` +
    (none ? `; ${none} chưa xếp loại` : "") + (noActivity ? `; ${noActivity} không phát sinh hồ sơ` : ""),
  top: "Dẫn đầu",
  rankLabel: (r: number) => `Hạng ${r}`,
  points: "điểm",
  problems: (n: number) => `Dòng cần xem lại (${n})`,
  noProblems: "Không có dòng nào cần xem lại.",
  problemAt: (row: number, column: string) => `Dòng ${row}, cột ${column}`,
  skipped: (n: number) => `Bỏ qua ${n} dòng không chấm điểm:`,
  chartOmitted: "Quá nhiều đơn vị để vẽ biểu đồ cột; xem trang kết quả.",
  unexpected: "Có lỗi khi làm việc với Excel",
  unexpectedHint: "Thử lại; nếu vẫn lỗi, lưu sổ, đóng rồi mở lại ngăn DVC Thi đua.",
  moreProblems: (n: number) => `… và ${n} dòng khác (xem cột “Lý do” ở trang kết quả).`,
  withheld: (n: number) => `Chưa được khen thưởng (${n})`,
  withheldUnits: (names: string[], more: number) => names.join(", ") + (more > 0 ? ` và ${more} đơn vị khác` : ""),
  moreWithheld: (n: number, column: string) => `… và ${n} lý do khác (xem cột “${column}” ở trang kết quả).`,
  notesTitle: "Trang kết quả cũ có ghi chú của người dùng",
  notesFound: (sheet: string, cells: string) =>
    `Trang “${sheet}” do DVC Thi đua ghi lần trước có ghi chú ở ${cells} (ô nhập ở cột không có tiêu đề của trang kết quả, hoặc chú thích). ` +
    "Chấm lại sẽ thay cả trang và làm mất các ghi chú đó, nên chưa ghi gì vào sổ.",
  notesHint: "Chuyển các ghi chú sang một trang khác của sổ rồi bấm lại; hoặc thay trang kết quả và bỏ các ghi chú.",
  notesCells: (cells: string[], shown: number) => cells.slice(0, shown).join(", ") + (cells.length > shown ? ` và ${cells.length - shown} ô khác` : ""),
  showNote: (cell: string) => `Xem ô ${cell}`,
  replaceNotesAndRank: "Thay trang kết quả và xếp hạng",
  replaceNotesAndCheck: "Thay trang kết quả và kiểm tra",
};

export type Strings = typeof vi;

const en: Strings = {
  title: "DVC Thi đua",
  outcome: "Outcome",
  subtitle: "Score, rank and check targets for online public services.",
  plan: "Plan",
  planSheet: (name: string) => `Plan sheet “${name}” (in this workbook)`,
  newPlan: "New plan",
  newPlanFrom: (id: string) => `Copy of ${id}`,
  newPlanEmpty: "Empty template",
  newPlanWritten: (name: string) => `Sheet “${name}” created: edit its cells, then pick it in the Plan list.`,
  newPlanNoNotes: "This Excel cannot write cell notes: the notes explaining the column headers were left out.",
  planProblemsTitle: "Cells to fix",
  level: "Level",
  levelAuto: "From the “Cấp” column / detect",
  levels: { tinh: "Province (departments)", huyen: "District", xa: "Commune" },
  source: "Data table",
  sourceSelection: "Region around the selected cell",
  sourceLast: (addr: string) => `Table read last time (${addr})`,
  sourceTable: (name: string) => `Excel table “${name}”`,
  readTable: "Read table",
  date: "Assessment date",
  dateHint: "Targets of the milestone in force on this date.",
  mapping: "Columns",
  mappingHint: (addr: string, row: number) => `Table ${addr}, header row ${row}. Change a column if it was matched wrongly; the choice is saved in the workbook.`,
  notMapped: "— none —",
  required: "required",
  doubtful: "Not sure: check this column (pick another if it is wrong).",
  mappingDoubts: (n: number) => `${n} column(s) not matched with confidence are marked below. Nothing was scored: check them, then confirm.`,
  confirmAndRank: "Confirm columns and rank",
  confirmAndCheck: "Confirm columns and check",
  rank: "Rank",
  check: "Check targets",
  formulas: "Write formulas (pointing at the data table)",
  steps: { read: "Reading the table…", score: "Scoring…", check: "Checking…", write: "Writing results…", done: "Done" },
  failed: "Nothing was written to the workbook",
  where: (sheet: string, row?: number, column?: string) =>
    `Sheet “${sheet}”` + (row ? `, row ${row}` : "") + (column ? `, column ${column}` : ""),
  done: (sheets: string[], syncs: number) => `Wrote ${sheets.map((s) => `“${s}”`).join(", ")} (${syncs} round trips to Excel).`,
  counts: { scored: "Scored", not_eligible: "Not considered", no_data: "No data", invalid_input: "Bad figures" },
  targets: (met: number, notMet: number) => `Targets: ${met} met, ${notMet} not met`,
  tierLevels: { tinh: "Departments", huyen: "Districts", xa: "Communes and wards" },
  // the tiers keep the plan's own (Vietnamese) names
  tierCounts: (level: string, tiers: { label: string; count: number }[], none: number, noActivity: number) =>
    `${level}: ${tiers.map((t) => `${t.count} ${lowerFirst(t.label)}`).join(", ")}` +
    (none ? `; ${none} not classed` : "") + (noActivity ? `; ${noActivity} with no dossiers` : ""),
  top: "Top",
  rankLabel: (r: number) => `Rank ${r}`,
  points: "points",
  problems: (n: number) => `Rows to review (${n})`,
  noProblems: "No row needs review.",
  problemAt: (row: number, column: string) => `Row ${row}, column ${column}`,
  skipped: (n: number) => `${n} rows left out of the scoring:`,
  chartOmitted: "Too many units for a bar chart; see the results sheet.",
  unexpected: "Something went wrong talking to Excel",
  unexpectedHint: "Try again; if it persists, save, then close and reopen the DVC Thi đua pane.",
  moreProblems: (n: number) => `… and ${n} more (see the results sheet).`,
  withheld: (n: number) => `Not awarded (${n})`,
  withheldUnits: (names: string[], more: number) => names.join(", ") + (more > 0 ? ` and ${more} more` : ""),
  moreWithheld: (n: number, column: string) => `… and ${n} more reasons (see the “${column}” column of the results sheet).`,
  notesTitle: "The old results sheet holds notes of yours",
  notesFound: (sheet: string, cells: string) =>
    `The sheet “${sheet}” that DVC Thi đua wrote last time has notes in ${cells} (cells typed in a column without a results header, or comments). ` +
    "Scoring again replaces the whole sheet and would lose them, so nothing was written.",
  notesHint: "Move the notes to another sheet of the workbook and click again; or replace the results sheet and let the notes go.",
  notesCells: (cells: string[], shown: number) => cells.slice(0, shown).join(", ") + (cells.length > shown ? ` and ${cells.length - shown} more cells` : ""),
  showNote: (cell: string) => `Go to ${cell}`,
  replaceNotesAndRank: "Replace the results sheet and rank",
  replaceNotesAndCheck: "Replace the results sheet and check",
};

export function stringsFor(lang: Lang): Strings {
  return lang === "vi" ? vi : en;
}

/** Vietnamese unless Office says the user works in another language. */
export function langOf(displayLanguage: string | undefined | null): Lang {
  if (!displayLanguage) return "vi";
  return /^vi\b/i.test(displayLanguage) ? "vi" : "en";
}
