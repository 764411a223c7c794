/**
 * The words of a plan sheet ("Kế hoạch DVC"): its titles, labels, the note on each column, the words
 * of every kind column and what they mean, and what the reader says of a cell it cannot read. The
 * sheet is for an official to read and edit, so every label is Vietnamese; the codes it keeps (ids of
 * inputs, criteria, awards) are the ones rows refer to each other by.
 */

/** A kind column's words: the plan's value → the word written in the sheet, with what it means. */
export interface Vocab<V extends string | null> {
  value: V;
  word: string;
  meaning: string;
}

export const PLAN_KINDS: Vocab<"ratio_points" | "targets" | "weighted_mean" | "index_groups" | "imported_points">[] = [
  { value: "ratio_points", word: "chấm điểm theo tỷ lệ", meaning: "mỗi tiêu chí là một tỷ lệ a/b được chấm điểm (bảng Tiêu chí); xếp hạng theo tổng điểm" },
  { value: "targets", word: "đạt chỉ tiêu", meaning: "mỗi đơn vị được so với các chỉ tiêu (bảng Chỉ tiêu): đạt hay không đạt" },
  { value: "weighted_mean", word: "bình quân có trọng số", meaning: "điểm là bình quân có trọng số của các tỷ lệ (bảng Tiêu chí bình quân)" },
  { value: "index_groups", word: "nhóm chỉ số QĐ 766", meaning: "điểm Bộ chỉ số phục vụ người dân, doanh nghiệp theo nhóm, mỗi nhóm có điểm tối đa (bảng Nhóm chỉ số)" },
  {
    value: "imported_points",
    word: "điểm nhóm công bố",
    meaning: "điểm từng nhóm lấy đúng như Cổng Dịch vụ công quốc gia công bố (bảng Nhóm điểm), cộng lại thành tổng điểm; xếp hạng theo tổng điểm, có thể xếp loại (bảng Xếp loại)",
  },
];

export const INPUT_KINDS: Vocab<"count" | "ratio" | "text" | "date" | "boolean" | "number" | "signed">[] = [
  { value: "count", word: "số đếm", meaning: "số nguyên từ 0 trở lên (số hồ sơ, số tài khoản)" },
  { value: "ratio", word: "tỷ lệ", meaning: "từ 0% đến 100%, ghi 90% hoặc 0,9" },
  { value: "number", word: "số", meaning: "một số từ 0 trở lên, ví dụ điểm cộng được công nhận, điểm nhóm công bố" },
  { value: "signed", word: "số có dấu", meaning: "một số có thể âm, ví dụ điểm điều chỉnh −2" },
  { value: "text", word: "chữ", meaning: "tên đơn vị, tên huyện hoặc cụm, cấp" },
  { value: "date", word: "ngày", meaning: "ngày dd/mm/yyyy" },
  { value: "boolean", word: "có/không", meaning: "có hoặc không" },
];

export const BELOW_KINDS: Vocab<"proportional" | "to_threshold" | "bands">[] = [
  { value: "proportional", word: "tỷ lệ thuận", meaning: "dưới ngưỡng: tỷ lệ × điểm tối đa (để trống cũng là cách này)" },
  { value: "to_threshold", word: "so với ngưỡng", meaning: "dưới ngưỡng: tỷ lệ ÷ ngưỡng × điểm tối đa (đạt 60% của ngưỡng 80% → 75% số điểm)" },
  { value: "bands", word: "theo bậc", meaning: "điểm của bậc cao nhất đạt được (cột Bậc), dưới mọi bậc: 0 điểm; ngưỡng là bậc cao nhất" },
];

export const TARGET_KINDS: Vocab<"fixed" | "by_level" | "assigned_plus" | "milestones">[] = [
  { value: "fixed", word: "cố định", meaning: "một chỉ tiêu cho mọi cấp: cột Giá trị (ví dụ 90%)" },
  { value: "by_level", word: "theo cấp", meaning: "chỉ tiêu riêng từng cấp: cột Theo cấp / theo mốc, ví dụ \"tỉnh: 70%; huyện: 60%; xã: 55%\"" },
  { value: "assigned_plus", word: "được giao cộng thêm", meaning: "chỉ tiêu được giao của đơn vị (cột số liệu) cộng thêm cột Giá trị (5% là thêm 5 điểm phần trăm)" },
  { value: "milestones", word: "theo mốc", meaning: "chỉ tiêu theo ngày của chiến dịch: cột Theo cấp / theo mốc, ví dụ \"ngày 50: 30%; ngày 100: 60%\"" },
];

export const SUBJECTS: Vocab<"collective" | "individual">[] = [
  { value: "collective", word: "tập thể", meaning: "hạn mức đếm tập thể (đơn vị)" },
  { value: "individual", word: "cá nhân", meaning: "hạn mức đếm cá nhân" },
];

export const SCOPES: Vocab<"total" | "per_group">[] = [
  { value: "total", word: "toàn bộ", meaning: "một giới hạn cho cả kế hoạch" },
  { value: "per_group", word: "mỗi nhóm", meaning: "một giới hạn cho mỗi huyện hoặc cụm (riêng từng nhóm: cột Riêng từng nhóm)" },
];

export const LEVEL_WORDS: Vocab<"tinh" | "huyen" | "xa">[] = [
  { value: "tinh", word: "tỉnh", meaning: "cơ quan, đơn vị cấp tỉnh (sở, ban, ngành)" },
  { value: "huyen", word: "huyện", meaning: "cấp huyện (huyện, thị xã, thành phố thuộc tỉnh)" },
  { value: "xa", word: "xã", meaning: "cấp xã (xã, phường, thị trấn, đặc khu)" },
];

/** A quota's or an award's level may be every level. */
export const ANY_LEVEL: Vocab<null> = { value: null, word: "mọi cấp", meaning: "hạn mức hoặc khen thưởng không riêng một cấp" };

export const TIE_ORDERS: Vocab<"desc">[] = [{ value: "desc", word: "cao hơn xếp trên", meaning: "đơn vị có tỷ số cao hơn xếp trên" }];

export const INDEX_SETS: Vocab<"classic" | "portal">[] = [
  { value: "portal", word: "6 nhóm (Cổng DVC)", meaning: "sáu nhóm như Cổng Dịch vụ công quốc gia công bố (trực tuyến 12 và thanh toán 10 tách riêng)" },
  { value: "classic", word: "5 nhóm (QĐ 766)", meaning: "năm nhóm của Quyết định 766/QĐ-TTg (dịch vụ trực tuyến 22)" },
];

export const YES_NO = { yes: "có", no: "không" } as const;

/** The words of a tier's bounds as a plan writes them: "trên 94", "từ 90", "đến 94", "dưới 90". */
export const TIER_WORDS = { above: "trên", from: "từ", to: "đến", below: "dưới" } as const;

export const PLAN_SHEET_TEXT = {
  title: "BẢNG KẾ HOẠCH THI ĐUA",
  intro:
    "Sửa các ô bên dưới, rồi chấm: npx dvc-thidua score số-liệu.xlsx --plan <tệp này>. Mỗi tiêu chí một dòng; " +
    "tỷ lệ ghi dạng phần trăm (90%); căn cứ ghi \"<văn bản> §<mục>\"; nhiều giá trị trong một ô cách nhau bởi \"; \". " +
    "Giải thích các loại ở bên phải.",
  factsTitle: "THÔNG TIN CHUNG",
  explainTitle: "GIẢI THÍCH CÁC LOẠI",
  explainHeader: ["Cột", "Giá trị", "Ý nghĩa"],
  explainPercent: ["Tỷ lệ (ngưỡng, chỉ tiêu)", "90% hoặc 0,9", "ghi 90 là lỗi (không đoán 90 là 90%); 100% là 1"],
  explainSource: ["Căn cứ", "KH 165/KH-UBND §III.2.b", "văn bản và mục của kế hoạch quy định dòng đó; không được để trống"],
  explainList: ["Nhiều giá trị", "Đơn vị; Tên đơn vị", "các giá trị trong một ô cách nhau bởi dấu chấm phẩy"],
  explainBands: ["Bậc", "≥60%: 20; ≥40%: 15", "tỷ lệ từ 60% được 20 điểm, từ 40% được 15 điểm; dưới mọi bậc: 0 điểm"],
  explainYesNo: ["Bắt buộc, Gộp với các xã, Cần chú ý", "có / không", "để trống ô Gộp với các xã hoặc Cần chú ý là không"],
  explainTierMin: ["Xếp loại: Mốc dưới", "trên 94; từ 90", "trên 94: hơn 94 điểm (94 không thuộc); từ 90: 90 điểm trở lên (90 thuộc). Cũng đọc > 94, ≥ 90"],
  explainTierMax: ["Xếp loại: Mốc trên", "đến 94; dưới 90", "đến 94: 94 điểm trở xuống (94 thuộc); dưới 90: ít hơn 90 điểm (90 không thuộc). Cũng đọc ≤ 94, < 90"],
} as const;

/** One label/value row of the facts block: its label and the note on the label. */
export interface FactText {
  label: string;
  note: string;
}

export const FACT_TEXT = {
  id: { label: "Mã kế hoạch", note: "Mã ngắn, chữ thường không dấu, số và gạch nối (ví dụ kh-01-2026)." },
  title: { label: "Tên kế hoạch", note: "Tên đầy đủ, như trên trang kết quả." },
  titleEn: { label: "Tên tiếng Anh", note: "Để trống: dùng tên tiếng Việt." },
  document: { label: "Văn bản", note: "Số hiệu văn bản như khi trích dẫn, ví dụ KH 165/KH-UBND." },
  documentDate: { label: "Ngày văn bản", note: "Ngày ban hành, dd/mm/yyyy." },
  version: { label: "Phiên bản", note: "Đổi khi sửa kế hoạch (ví dụ 2026.1), để biết bản chấm dùng quy tắc nào." },
  seed: { label: "Tệp nguồn", note: "Tệp văn bản gốc của kế hoạch có sẵn; để trống với kế hoạch tự lập." },
  source: { label: "Căn cứ", note: "Mục của văn bản quy định cách chấm, ví dụ KH 165/KH-UBND §III." },
  kind: { label: "Cách chấm", note: "Chọn trong danh sách (giải thích ở bên phải)." },
  periodFrom: { label: "Kỳ: từ ngày", note: "Ngày đầu kỳ thi đua; để trống nếu văn bản không ghi." },
  periodTo: { label: "Kỳ: đến ngày", note: "Ngày cuối kỳ thi đua." },
  periodSource: { label: "Căn cứ của kỳ", note: "Mục của văn bản ghi kỳ thi đua." },
  levels: { label: "Cấp", note: "Các cấp dự thi đua, cách nhau bởi \"; \": tỉnh; huyện; xã." },
  groupNoun: { label: "Nhóm (huyện / cụm thi đua)", note: "Đơn vị nhóm của cột nhóm: huyện (đến 2025) hoặc cụm thi đua, khối thi đua. Để trống: huyện." },
  groupNounEn: { label: "Nhóm (tiếng Anh)", note: "Để trống: dùng tiếng Việt." },
  totalPoints: { label: "Tổng điểm", note: "Tổng điểm tối đa các tiêu chí của một cấp phải cộng đúng bằng số này. Để trống: 100." },
  campaignStart: { label: "Chiến dịch: ngày bắt đầu", note: "Ngày thứ 1 của chiến dịch (chỉ tiêu theo mốc tính từ ngày này)." },
  campaignEnd: { label: "Chiến dịch: ngày kết thúc", note: "Ngày cuối của chiến dịch." },
  campaignSource: { label: "Căn cứ của chiến dịch", note: "Mục của văn bản ghi thời gian chiến dịch." },
  weightedScore: { label: "Bình quân: cột điểm", note: "Mã đầu vào của cột điểm bình quân đã tính sẵn (nếu có)." },
  weightedSource: { label: "Căn cứ của bình quân", note: "Mục của văn bản quy định cách tính bình quân." },
  groupsSource: { label: "Căn cứ của nhóm chỉ số", note: "Văn bản quy định các nhóm chỉ số và điểm tối đa." },
  importedSource: { label: "Căn cứ của nhóm điểm", note: "Văn bản quy định các nhóm điểm lấy theo Cổng Dịch vụ công quốc gia (bảng Nhóm điểm)." },
  importedTotal: { label: "Tổng điểm công bố: đầu vào", note: "Mã đầu vào (loại số) của cột tổng điểm như cổng công bố, nếu có: chỉ để đối chiếu với tổng các nhóm, không dùng để xếp hạng." },
  importedTotalSource: { label: "Căn cứ của tổng điểm công bố", note: "Mục của văn bản nói về tổng điểm công bố." },
  activityInput: { label: "Số hồ sơ trong kỳ: đầu vào", note: "Mã đầu vào (loại số đếm) của số hồ sơ trong kỳ: đơn vị có 0 hồ sơ được nêu riêng, không xếp hạng; ô trống là thiếu số liệu." },
  activitySource: { label: "Căn cứ của số hồ sơ trong kỳ", note: "Mục của văn bản nói về đơn vị không có hồ sơ trong kỳ." },
  adjustmentInput: { label: "Điều chỉnh: đầu vào điểm", note: "Mã đầu vào (loại số có dấu) của điểm điều chỉnh; −2 là trừ 2 điểm; ô trống là không điều chỉnh." },
  adjustmentReason: { label: "Điều chỉnh: đầu vào lý do", note: "Mã đầu vào (loại chữ) của lý do điều chỉnh: có điểm điều chỉnh thì phải có lý do." },
  adjustmentLabel: { label: "Điều chỉnh: tên", note: "Tên điều chỉnh như văn bản ghi, ví dụ Điều chỉnh điểm kỹ thuật." },
  adjustmentMax: { label: "Điều chỉnh: tối đa", note: "Mức điều chỉnh lớn nhất mỗi chiều (cộng hoặc trừ), nếu văn bản ghi; để trống: không giới hạn riêng." },
  adjustmentSource: { label: "Căn cứ của điều chỉnh", note: "Mục của văn bản quy định việc điều chỉnh điểm." },
  tiersSource: { label: "Căn cứ của xếp loại", note: "Mục của văn bản quy định các mức xếp loại (bảng Xếp loại); bắt buộc khi có xếp loại." },
  tiersLevels: { label: "Xếp loại: các cấp", note: "Các cấp được xếp loại, cách nhau bởi \"; \"; để trống: mọi cấp." },
  cohortInput: { label: "Khối: đầu vào", note: "Mã đầu vào (loại chữ) của cột khối (khối sở, ngành; khối phường; khối xã; cụm): xếp hạng riêng trong từng khối." },
  cohortLabel: { label: "Khối: tên", note: "Tên của cột như người đọc thấy, ví dụ Khối." },
  cohortSource: { label: "Căn cứ của khối", note: "Mục của văn bản quy định xếp hạng theo khối." },
} satisfies Record<string, FactText>;

/** A table's column: its header and the note on the header. */
export interface ColumnText {
  header: string;
  note: string;
}

const SOURCE_NOTE = "Văn bản và mục quy định dòng này, ví dụ KH 165/KH-UBND §III.2.b. Không được để trống.";

export const BLOCK_TEXT = {
  inputs: {
    title: "ĐẦU VÀO",
    columns: {
      id: { header: "Mã", note: "Mã đầu vào: chữ thường không dấu, số và gạch dưới (ví dụ online_dossiers). Các bảng khác ghi mã này." },
      label: { header: "Tên", note: "Tên cột số liệu, như trong các thông báo." },
      kind: { header: "Loại", note: "Chọn trong danh sách: số đếm, tỷ lệ, số, chữ, ngày, có/không." },
      required: { header: "Bắt buộc", note: "có: thiếu cột này thì không chấm; không: cột có thể vắng." },
      headers: { header: "Tiêu đề cột tìm theo", note: "Các cách ghi tiêu đề cột trong bảng số liệu, cách nhau bởi \"; \"." },
    },
  },
  criteria: {
    title: "TIÊU CHÍ",
    columns: {
      level: { header: "Cấp", note: "Cấp của tiêu chí: tỉnh, huyện hoặc xã. Mỗi cấp một dòng." },
      id: { header: "Mã", note: "Mã tiêu chí (ví dụ online_ratio); cùng một tiêu chí ở hai cấp dùng cùng mã." },
      label: { header: "Tên tiêu chí", note: "Nội dung tiêu chí." },
      numerator: { header: "Đầu vào a (tử số)", note: "Mã đầu vào của tử số a (bảng Đầu vào)." },
      denominator: { header: "Đầu vào b (mẫu số)", note: "Mã đầu vào của mẫu số b; tỷ lệ là a/b." },
      maxPoints: { header: "Điểm tối đa", note: "Điểm khi đạt ngưỡng. Các tiêu chí của một cấp cộng lại bằng Tổng điểm." },
      threshold: { header: "Ngưỡng", note: "Tỷ lệ từ đó được đủ điểm, ghi dạng phần trăm (90%); ghi 90 là lỗi." },
      below: { header: "Cách tính dưới ngưỡng", note: "tỷ lệ thuận (để trống), so với ngưỡng, hoặc theo bậc." },
      bands: { header: "Bậc", note: "Chỉ với \"theo bậc\": ≥60%: 20; ≥40%: 15 (tỷ lệ tối thiểu: điểm)." },
      floor: { header: "Ngưỡng xét", note: "Dưới tỷ lệ này đơn vị không được xét (không phải 0 điểm); để trống nếu không có." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
      floorSource: { header: "Căn cứ ngưỡng xét", note: "Mục của văn bản quy định ngưỡng xét." },
      combine: { header: "Gộp với các xã", note: "có: tỷ lệ của huyện = (tỷ lệ của huyện + bình quân tỷ lệ các xã) ÷ 2." },
      combineSource: { header: "Căn cứ gộp", note: "Mục của văn bản quy định cách gộp." },
    },
  },
  bonuses: {
    title: "ĐIỂM CỘNG",
    columns: {
      id: { header: "Mã", note: "Mã điểm cộng." },
      label: { header: "Tên", note: "Nội dung điểm cộng (ví dụ sáng kiến được công nhận)." },
      level: { header: "Cấp", note: "Cấp được cộng điểm." },
      input: { header: "Đầu vào", note: "Mã đầu vào (loại số) ghi số điểm được cộng của từng đơn vị." },
      maxPoints: { header: "Điểm tối đa", note: "Điểm cộng tối đa; ghi nhiều hơn là lỗi số liệu, không tự cắt." },
      blankReading: {
        header: "Ô trống là không cộng (cách hiểu)",
        note: "Mã cách hiểu (bảng CÁCH HIỂU) nói rằng ô điểm cộng để trống là không được cộng điểm; để trống cột này thì ô trống là thiếu số liệu, không tính là 0.",
      },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
    },
  },
  targets: {
    title: "CHỈ TIÊU",
    columns: {
      id: { header: "Mã", note: "Mã chỉ tiêu; cũng là mã đầu vào của cột số liệu của chỉ tiêu." },
      code: { header: "Số hiệu", note: "Số hiệu trong văn bản (ví dụ II.2); có thể để trống." },
      label: { header: "Tên chỉ tiêu", note: "Nội dung chỉ tiêu." },
      aliases: { header: "Tên gọi khác", note: "Các tên khác người dùng có thể ghi, cách nhau bởi \"; \"." },
      levels: { header: "Cấp", note: "Các cấp áp dụng, cách nhau bởi \"; \"." },
      kind: { header: "Loại", note: "cố định, theo cấp, được giao cộng thêm, theo mốc (giải thích ở bên phải)." },
      value: { header: "Giá trị", note: "cố định: chỉ tiêu (90%); được giao cộng thêm: mức cộng thêm (5%)." },
      detail: { header: "Theo cấp / theo mốc", note: "theo cấp: \"tỉnh: 70%; xã: 55%\"; theo mốc: \"ngày 50: 30%; ngày 100: 60%\"." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
    },
  },
  milestones: {
    title: "MỐC CHIẾN DỊCH",
    columns: {
      day: { header: "Ngày thứ", note: "Ngày thứ mấy của chiến dịch (ngày bắt đầu là ngày thứ 1)." },
      date: { header: "Ngày", note: "Ngày của mốc, dd/mm/yyyy." },
      label: { header: "Tên mốc", note: "Ví dụ: sơ kết 50 ngày." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
    },
  },
  weighted: {
    title: "TIÊU CHÍ BÌNH QUÂN",
    columns: {
      id: { header: "Mã", note: "Mã tiêu chí." },
      label: { header: "Tên tiêu chí", note: "Nội dung tiêu chí." },
      input: { header: "Đầu vào", note: "Mã đầu vào (loại tỷ lệ) của tiêu chí." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
    },
  },
  groups: {
    title: "NHÓM CHỈ SỐ",
    columns: {
      set: { header: "Bộ nhóm", note: "6 nhóm (Cổng DVC) hoặc 5 nhóm (QĐ 766); điểm tối đa mỗi bộ cộng lại bằng 100." },
      id: { header: "Mã", note: "Mã nhóm; cũng là mã đầu vào của cột điểm nhóm." },
      label: { header: "Tên nhóm", note: "Tên nhóm chỉ số." },
      maxPoints: { header: "Điểm tối đa", note: "Điểm tối đa của nhóm." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
    },
  },
  imported: {
    title: "NHÓM ĐIỂM",
    columns: {
      id: { header: "Mã", note: "Mã nhóm điểm." },
      label: { header: "Tên nhóm", note: "Tên nhóm như cổng công bố, ví dụ Công khai, minh bạch." },
      input: { header: "Đầu vào", note: "Mã đầu vào (loại số) của cột điểm nhóm trong bảng số liệu." },
      maxPoints: { header: "Điểm tối đa", note: "Điểm tối đa của nhóm; ô lớn hơn là lỗi số liệu, không tự cắt. Các nhóm cộng lại bằng Tổng điểm (nếu ghi)." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
    },
  },
  tiers: {
    title: "XẾP LOẠI",
    columns: {
      id: { header: "Mã", note: "Mã xếp loại (ví dụ xuat_sac)." },
      label: { header: "Tên xếp loại", note: "Tên như văn bản ghi, ví dụ Xuất sắc. Ghi từ xếp loại cao nhất xuống." },
      min: { header: "Mốc dưới", note: "\"trên 94\" (không tính 94) hoặc \"từ 90\" (tính cả 90); để trống: không có mốc dưới." },
      max: { header: "Mốc trên", note: "\"đến 94\" (tính cả 94) hoặc \"dưới 90\" (không tính 90); để trống: không có mốc trên." },
      attention: { header: "Cần chú ý", note: "có: bản tin nêu tên các đơn vị của xếp loại này. Để trống là không." },
    },
  },
  tieBreak: {
    title: "PHÂN ĐỊNH BẰNG ĐIỂM",
    columns: {
      input: { header: "Đầu vào", note: "Khi bằng điểm: mã đầu vào của tử số (ví dụ số tài khoản nộp hồ sơ)." },
      per: { header: "Chia cho", note: "Mã đầu vào của mẫu số (ví dụ số hồ sơ trực tuyến)." },
      order: { header: "Thứ tự", note: "cao hơn xếp trên." },
      levels: { header: "Cấp", note: "Các cấp áp dụng, cách nhau bởi \"; \"." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
    },
  },
  quotas: {
    title: "HẠN MỨC",
    columns: {
      id: { header: "Mã", note: "Mã hạn mức." },
      label: { header: "Nội dung", note: "Hạn mức như văn bản ghi." },
      subject: { header: "Đối tượng", note: "tập thể hoặc cá nhân." },
      level: { header: "Cấp", note: "tỉnh, huyện, xã, hoặc mọi cấp." },
      scope: { header: "Phạm vi", note: "toàn bộ: một giới hạn; mỗi nhóm: một giới hạn cho mỗi huyện hoặc cụm." },
      limit: { header: "Số lượng tối đa", note: "Số nguyên lớn hơn 0." },
      byGroup: { header: "Riêng từng nhóm", note: "Với phạm vi mỗi nhóm: \"Phụng Hiệp: 3; Ngã Bảy: 1\" (nhóm khác theo Số lượng tối đa)." },
      awardCodes: { header: "Khen thưởng", note: "Mã các khen thưởng dùng hạn mức này (bảng Khen thưởng), cách nhau bởi \"; \"." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
    },
  },
  awards: {
    title: "KHEN THƯỞNG",
    columns: {
      code: { header: "Mã", note: "Mã khen thưởng; bảng Hạn mức ghi mã này." },
      label: { header: "Tên", note: "Hình thức khen thưởng." },
      level: { header: "Cấp", note: "tỉnh, huyện, xã, hoặc mọi cấp." },
      rank: { header: "Hạng", note: "Hạng được khen (1, 2, 3) nếu khen theo hạng." },
      prize: { header: "Tiền thưởng (đồng)", note: "Số tiền thưởng, nếu có." },
      prizeSource: { header: "Căn cứ tiền thưởng", note: "Mục của văn bản quy định tiền thưởng." },
      bonusPoints: { header: "Điểm cộng thi đua", note: "Điểm cộng vào kết quả thi đua năm, nếu có." },
      bonusSource: { header: "Căn cứ điểm cộng", note: "Mục của văn bản quy định điểm cộng." },
      condition: { header: "Điều kiện", note: "Điều kiện phải đạt, bằng lời." },
      maxCollectives: { header: "Số tập thể tối đa", note: "Số tập thể được khen tối đa." },
      individualsEach: { header: "Cá nhân kèm mỗi tập thể", note: "Số cá nhân được khen kèm mỗi tập thể." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
    },
  },
  readings: {
    title: "CÁCH HIỂU",
    columns: {
      id: { header: "Mã", note: "Mã cách hiểu." },
      vi: { header: "Nội dung", note: "Cách hiểu một điều khoản chưa rõ của văn bản." },
      en: { header: "Nội dung tiếng Anh", note: "Để trống: dùng tiếng Việt." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
      option: { header: "Tùy chọn", note: "Tên tùy chọn khi người chấm được chọn cách hiểu khác; để trống nếu không có." },
      default: { header: "Mặc định", note: "Giá trị dùng khi không chọn." },
      values: { header: "Các giá trị", note: "Các giá trị được chọn, cách nhau bởi \"; \"." },
    },
  },
  notes: {
    title: "GHI CHÚ",
    columns: {
      id: { header: "Mã", note: "Mã ghi chú." },
      text: { header: "Nội dung", note: "Một mốc, hạn báo cáo hoặc số liệu gốc của văn bản, hiện cho người dùng." },
      source: { header: "Căn cứ", note: SOURCE_NOTE },
    },
  },
} satisfies Record<string, { title: string; columns: Record<string, ColumnText> }>;

/** What the reader says of a cell it cannot read; {what} is the column's header or the fact's label. */
export const PLAN_SHEET_PROBLEMS = {
  blank: "{what}: ô trống.",
  unknownWord: "{what}: \"{value}\" không có trong danh sách; chọn một trong: {words}.",
  wholePercent: "{what}: ghi {value}, nhưng tỷ lệ phải từ 0% đến 100%. Nếu là {value}% hãy ghi {value}% (hoặc {ratio}).",
  notPercent: "{what}: \"{value}\" không đọc được là tỷ lệ; ghi dạng 90% hoặc 0,9.",
  notNumber: "{what}: \"{value}\" không phải một số.",
  notWhole: "{what}: \"{value}\" không phải số nguyên.",
  notDate: "{what}: \"{value}\" không phải ngày; ghi dd/mm/yyyy.",
  notLevel: "{what}: \"{value}\" không phải một cấp; ghi tỉnh, huyện hoặc xã.",
  notYesNo: "{what}: \"{value}\" không phải có hoặc không.",
  notText: "{what}: \"{value}\" không phải chữ.",
  badBands: "{what}: \"{value}\" không đọc được; ghi dạng ≥60%: 20; ≥40%: 15.",
  badByLevel: "{what}: \"{value}\" không đọc được; ghi dạng tỉnh: 70%; huyện: 60%; xã: 55%.",
  badSteps: "{what}: \"{value}\" không đọc được; ghi dạng ngày 50: 30%; ngày 100: 60%.",
  badByGroup: "{what}: \"{value}\" không đọc được; ghi dạng Phụng Hiệp: 3; Ngã Bảy: 1.",
  missingColumn: "Bảng {block} thiếu cột \"{column}\".",
  missingBlock: "Không có bảng {block} (dòng tiêu đề \"{block}\" ở cột A).",
  missingFact: "Thiếu dòng \"{label}\" ở cột A của phần {facts}.",
  duplicateFact: "Dòng \"{label}\" đã ghi ở {cell}.",
  duplicateBlock: "Bảng {block} đã có ở {cell}.",
  badTierMin: "{what}: \"{value}\" không đọc được là mốc dưới; ghi \"trên 94\" (không tính 94) hoặc \"từ 90\" (tính cả 90).",
  badTierMax: "{what}: \"{value}\" không đọc được là mốc trên; ghi \"đến 94\" (tính cả 94) hoặc \"dưới 90\" (không tính 90).",
  tierMinInMax: "{what}: \"{value}\" là mốc dưới; ghi ở cột {other}, hoặc ở đây \"đến …\" / \"dưới …\".",
  tierMaxInMin: "{what}: \"{value}\" là mốc trên; ghi ở cột {other}, hoặc ở đây \"trên …\" / \"từ …\".",
  tierBareNumber: "{what}: {value} chưa nói có tính cả {value} hay không; ghi \"{incl} {value}\" (tính cả) hoặc \"{excl} {value}\" (không tính).",
  oneTieBreak: "Bảng {block} chỉ được có một dòng (đang có {n} dòng): khi bằng điểm chỉ phân định theo một tỷ số.",
} as const;

export function fillPlanSheetText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** What the command line says of the plan sheets of a workbook (src/cli/plan-source.ts, plan.ts, score.ts). */
export const PLAN_SOURCE_TEXT = {
  none: "không có",
  noPlanSheet: 'Sổ "{file}" không có trang kế hoạch nào (một trang như "Kế hoạch DVC": dvc-thidua plan new -o kế-hoạch.xlsx tạo một trang mẫu).',
  noPlan: 'Thiếu --plan: sổ "{file}" không có trang kế hoạch nào để dùng thay. Ghi --plan <mã|kế-hoạch.xlsx|.json>.',
  noSuchPlanSheet: 'Sổ "{file}" không có trang kế hoạch "{sheet}"; các trang kế hoạch: {sheets}.',
  whichPlanSheet: 'Sổ "{file}" có nhiều trang kế hoạch: {sheets}. Hãy chọn một bằng --plan-sheet, ví dụ --plan-sheet "{first}".',
  sheetHasProblems: 'Trang kế hoạch "{sheet}" có {n} lỗi; chưa chấm gì:',
  usedSheet: 'Kế hoạch: trang "{sheet}" của "{file}" ({document}, mã {id}, phiên bản {version}).',
  notDataSheet: 'Trang "{sheet}" là trang kế hoạch, không phải bảng số liệu; hãy chọn trang số liệu với --sheet.',
  written: 'Đã ghi "{output}": trang "{sheet}"{from}. Sửa trang này, rồi kiểm tra: dvc-thidua plan check {output}; chấm: dvc-thidua score số-liệu.xlsx --plan {output}',
  writtenFrom: " (kế hoạch {id})",
  writtenTemplate: " (mẫu: mỗi bảng một dòng ví dụ)",
  sheetOk: "{file}, trang \"{sheet}\": hợp lệ. {summary}",
} as const;
