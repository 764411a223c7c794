/**
 * Where a user's plan came from, as the rules sheet and the task pane name it, and the pane's words
 * for the plans of the workbook (src/taskpane, src/workflow).
 */
import { fillPlanSheetText } from "./plan-sheet";

export const PLAN_ORIGIN_TEXT = {
  sheet: 'trang "{name}"',
  file: 'tệp "{name}"',
  /** the label beside the origin on the rules sheet's header row */
  originLabel: "Nguồn kế hoạch",
  /** the title of the rules sheet's block holding the plan as it was read */
  loadedTitle: "Kế hoạch như đã nạp ({origin})",
  loadedIntro:
    "Kế hoạch đúng như lúc chấm, bố cục như một trang kế hoạch: nếu trang hay tệp kế hoạch được sửa sau đó, " +
    "các ô dưới đây vẫn là quy tắc đã dùng (có thể chép sang một trang mới để đọc lại làm kế hoạch).",
} as const;

/** 'trang "Kế hoạch DVC"' / 'tệp "minh-son.plan.json"'. */
export function originText(origin: { kind: "sheet" | "file"; name: string }): string {
  return fillPlanSheetText(PLAN_ORIGIN_TEXT[origin.kind], { name: origin.name });
}

/** What DVC.PLAN_SCORE says when the plan of its range or the columns of its table cannot be used. */
export const PLAN_SCORE_TEXT = {
  planProblems:
    "Kế hoạch trong vùng chưa dùng được ({n} lỗi), chưa chấm. Sửa trước ô {cell} (tính từ ô đầu của vùng kế hoạch): {message}",
  notRatio: 'Kế hoạch "{id}" là loại "{kind}": hàm này chỉ chấm kế hoạch chấm điểm theo tỷ lệ; hãy chấm bằng nút Xếp hạng.',
  widths: "Vùng số liệu có {values} cột nhưng hàng tiêu đề có {headers} cột: hai vùng phải cùng các cột.",
  levelRows: "Vùng cấp có {levels} dòng nhưng vùng số liệu có {rows} dòng: một ô cấp cho mọi dòng, hoặc một ô cho mỗi dòng.",
  missing: "Hàng tiêu đề không có cột của: {inputs}. Thêm cột (hoặc sửa tiêu đề cho giống cột Tiêu đề cột của bảng Đầu vào trong kế hoạch).",
  doubt: 'Chưa chắc cột của "{input}": {candidates}. Sửa tiêu đề cho rõ (giống cột Tiêu đề cột của bảng Đầu vào), rồi tính lại.',
} as const;

/** What the Rank job and the task pane say about a plan sheet of the workbook. */
export const PLAN_JOB_TEXT = {
  problems: 'Trang kế hoạch "{sheet}" có {n} lỗi, nên chưa chấm và chưa ghi gì vào sổ.',
  hint: "Sửa các ô được nêu (bấm vào một ô để tới ô đó), rồi bấm lại.",
} as const;
