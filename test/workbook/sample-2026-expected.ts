/**
 * The hand-worked results of the sample plan of 2026 (assets/samples/minh-son-2026.plan.json) on its
 * sample workbook (assets/samples/minh-son-2026.xlsx), for every front end's test to check against.
 * Each figure is worked out by hand from the workbook's counts and the plan's rules, the arithmetic
 * in the comments:
 *   online dossiers (§III.1), 30: r ≥ 80% → 30, else r ÷ 80% × 30; below 50% not considered (§IV.1);
 *   online payment (§III.2), 20: bands ≥ 60% → 20, ≥ 40% → 15, ≥ 20% → 10, else 0;
 *   digitisation (§III.3), 30: r × 30 (30 at 100%);
 *   satisfaction (§III.4), 20: r ≥ 100% → 20, else r × 20;
 *   initiative bonus (§III.5): the cell's 0–5 points, a blank cell none (reading bonus_blank_none);
 *   the top 5 awarded (§V.1), at most 1 per cluster (§V.2), ties broken by the online ratio (§IV.2).
 */
export type Row = [name: string, cluster: string | null, online: number | null, payment: number | null, digitisation: number | null, satisfaction: number | null, bonus: number | null, total: number | null, rank: number | null];

// name, cluster, points of online / payment / digitisation / satisfaction, bonus, total, rank
export const EXPECTED: Row[] = [
  // 900/1000 = 90% ≥ 80% → 30; 130/200 = 65% ≥ 60% → 20; 950/1000 = 95% × 30 = 28,5; 300/300 = 100% → 20; +5 → 103,5
  ["Phường Minh Khai", "Cụm 1", 30, 20, 28.5, 20, 5, 103.5, 1],
  // 85% → 30; 120/200 = 60%, exactly the top band → 20; 90% × 30 = 27; 196/200 = 98% × 20 = 19,6; blank → 0 → 96,6
  ["Xã Tân Lập", "Cụm 1", 30, 20, 27, 19.6, 0, 96.6, 2],
  // 70% ÷ 80% × 30 = 26,25; 35% → band ≥ 20% → 10; 70% × 30 = 21; 90% × 20 = 18 → 75,25
  ["Xã Yên Hòa", "Cụm 1", 26.25, 10, 21, 18, 0, 75.25, 16],
  // 64% ÷ 80% × 30 = 24; 25% → 10; 50% × 30 = 15; 85% × 20 = 17; 0 typed → 66
  ["Xã Đồng Tâm", "Cụm 1", 24, 10, 15, 17, 0, 66, 23],
  // 76% ÷ 80% × 30 = 28,5; 39/200 = 19,5% < 20% → 0; 80% × 30 = 24; 95% × 20 = 19; +1 → 72,5
  ["Phường Quang Trung", "Cụm 1", 28.5, 0, 24, 19, 1, 72.5, 18],
  // 800/1000 = exactly 80% → 30; 50/100 = 50% → 15; 96% × 30 = 28,8; 250/250 → 20; +2 → 95,8
  ["Phường Đông Hòa", "Cụm 2", 30, 15, 28.8, 20, 2, 95.8, 3],
  // 78% ÷ 80% × 30 = 29,25; 40/200 = exactly 20% → 10; 90% × 30 = 27; 94% × 20 = 18,8 → 85,05
  ["Phường Nam Sơn", "Cụm 2", 29.25, 10, 27, 18.8, 0, 85.05, 12],
  // 60% ÷ 80% × 30 = 22,5; 30% → 10; 40% × 30 = 12; 80% × 20 = 16 → 60,5
  ["Xã Lộc Hà", "Cụm 2", 22.5, 10, 12, 16, 0, 60.5, 25],
  // 56% ÷ 80% × 30 = 21; 50% → 15; 65% × 30 = 19,5; 75% × 20 = 15 → 70,5
  ["Xã Hà Trung", "Cụm 2", 21, 15, 19.5, 15, 0, 70.5, 20],
  // 68% ÷ 80% × 30 = 25,5; 10% → 0; 72% × 30 = 21,6; 88% × 20 = 17,6 → 64,7
  ["Xã Thạch Bàn", "Cụm 2", 25.5, 0, 21.6, 17.6, 0, 64.7, 24],
  // 95% → 30; 70% → 20; 80% × 30 = 24; 95% × 20 = 19; 0 → 93, tied with Phú Mỹ: 95% online > 88% → 7th
  ["Xã Bình An", "Cụm 3", 30, 20, 24, 19, 0, 93, 7],
  // 500/1000 = exactly 50%, at the floor: considered; 50% ÷ 80% × 30 = 18,75; 15% → 0; 60% × 30 = 18; 90% × 20 = 18 → 54,75
  ["Xã Suối Đá", "Cụm 3", 18.75, 0, 18, 18, 0, 54.75, 27],
  // 82% → 30; 45% → 15; 75% × 30 = 22,5; 92% × 20 = 18,4 → 85,9
  ["Xã An Phú", "Cụm 3", 30, 15, 22.5, 18.4, 0, 85.9, 11],
  // 74% ÷ 80% × 30 = 27,75; 55% → 15; 88% × 30 = 26,4; 100% → 20 → 89,15
  ["Phường Bình Minh", "Cụm 3", 27.75, 15, 26.4, 20, 0, 89.15, 10],
  // 62% ÷ 80% × 30 = 23,25; 80/200 = exactly 40% → 15; 55% × 30 = 16,5; 83% × 20 = 16,6 → 71,35
  ["Xã Cát Tiên", "Cụm 3", 23.25, 15, 16.5, 16.6, 0, 71.35, 19],
  // 88% → 30; 70% → 20; 80% × 30 = 24; 95% × 20 = 19 → 93, tied with Bình An, lower online ratio → 8th
  ["Xã Phú Mỹ", "Cụm 4", 30, 20, 24, 19, 0, 93, 8],
  // 499/1000 = 49,9% < 50%: not considered, no total, no rank (its other criteria are still scored)
  ["Xã Đá Bạc", "Cụm 4", null, 15, 15, 18, 0, null, null],
  // 66% ÷ 80% × 30 = 24,75; 35% → 10; 68% × 30 = 20,4; 89% × 20 = 17,8 → 72,95
  ["Xã Long Hưng", "Cụm 4", 24.75, 10, 20.4, 17.8, 0, 72.95, 17],
  // 79% ÷ 80% × 30 = 29,625; 121/200 = 60,5% → 20; 87% × 30 = 26,1; 80% × 20 = 16 → 91,725
  ["Phường Tân Tiến", "Cụm 4", 29.625, 20, 26.1, 16, 0, 91.725, 9],
  // 54% ÷ 80% × 30 = 20,25; 45/200 = 22,5% → 10; 45% × 30 = 13,5; 75% × 20 = 15 → 58,75
  ["Xã Hợp Thành", "Cụm 4", 20.25, 10, 13.5, 15, 0, 58.75, 26],
  // 72% ÷ 80% × 30 = 27; 45% → 15; 100% → 30; 100% → 20; +2 → 94
  ["Xã Hòa Thuận", "Cụm 5", 27, 15, 30, 20, 2, 94, 5],
  // 58% ÷ 80% × 30 = 21,75; 30% → 10; 62% × 30 = 18,6; 85% × 20 = 17 → 67,35
  ["Xã Vĩnh Hảo", "Cụm 5", 21.75, 10, 18.6, 17, 0, 67.35, 22],
  // 69% ÷ 80% × 30 = 25,875; 65% → 20; 70% × 30 = 21; 90% × 20 = 18 → 84,875
  ["Xã Tam Đa", "Cụm 5", 25.875, 20, 21, 18, 0, 84.875, 13],
  // 81% → 30; 30% → 10; 83% × 30 = 24,9; 93% × 20 = 18,6 → 83,5
  ["Phường Hưng Đạo", "Cụm 5", 30, 10, 24.9, 18.6, 0, 83.5, 15],
  // 45% < 50%: not considered
  ["Xã Ngọc Lâm", "Cụm 5", null, 15, 15, 17, 0, null, null],
  // a bonus of 6 > 5: an error on its cell, never lowered to 5; its criteria give 30 + 20 + 30 + 20, but no total
  ["Xã Sơn Thủy", "Cụm 6", 30, 20, 30, 20, null, null, null],
  // 1000/1000 → 30; 40% → 15; 85% × 30 = 25,5; 100% → 20; +3 → 93,5
  ["Phường Thanh Bình", "Cụm 6", 30, 15, 25.5, 20, 3, 93.5, 6],
  // 63% ÷ 80% × 30 = 23,625; 25% → 10; 59% × 30 = 17,7; 82% × 20 = 16,4 → 67,725
  ["Xã Kim Sơn", "Cụm 6", 23.625, 10, 17.7, 16.4, 0, 67.725, 21],
  // 75% ÷ 80% × 30 = 28,125; 50% → 15; 77% × 30 = 23,1; 91% × 20 = 18,2 → 84,425
  ["Xã Thượng Lâm", "Cụm 6", 28.125, 15, 23.1, 18.2, 0, 84.425, 14],
  // no cluster: 82% → 30; 62% → 20; 85% × 30 = 25,5; 98% × 20 = 19,6 → 95,1
  ["Xã Hưng Long", null, 30, 20, 25.5, 19.6, 0, 95.1, 4],
];

/**
 * The awards, by rank: 1 Minh Khai (Cụm 1) awarded; 2 Tân Lập: Cụm 1 has its 1; 3 Đông Hòa (Cụm 2)
 * awarded; 4 Hưng Long: no cluster to check the limit against; 5 Hòa Thuận (Cụm 5), 6 Thanh Bình
 * (Cụm 6), 7 Bình An (Cụm 3) awarded: the 5 places are used; 8 Phú Mỹ and every later unit: no place.
 */
export const AWARDED: [number, string][] = [[1, "Phường Minh Khai"], [3, "Phường Đông Hòa"], [5, "Xã Hòa Thuận"], [6, "Phường Thanh Bình"], [7, "Xã Bình An"]];
