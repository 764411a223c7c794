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
