/** A unit's move since last period in the words of the results sheet's "Thay đổi hạng" column. */
import type { UnitMove } from "../engine/outcomes";

/** "▲ 2", "▼ 1", "=", "mới", "chưa rõ (trùng tên)": ranks gained are ▲, as provincial reports mark them. */
export function moveVi(m: UnitMove): string {
  switch (m.kind) {
    case "up":
      return `▲ ${m.move ?? ""}`.trim();
    case "down":
      return `▼ ${m.move === null ? "" : Math.abs(m.move)}`.trim();
    case "same":
      return "=";
    case "new":
      return "mới";
    case "ambiguous":
      return "chưa rõ (trùng tên)";
    case "unranked":
      return "chưa rõ (một kỳ không xếp hạng)";
  }
}
