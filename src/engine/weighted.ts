/** Weighted mean (np-236 reading: the user's own weighting of the five criteria, equal by default). */
export function weightedMean(values: number[], weights?: number[]): number {
  if (values.length === 0) throw new Error("Không có giá trị để tính trung bình.");
  const w = weights ?? values.map(() => 1);
  if (w.length !== values.length) throw new Error(`Số trọng số (${w.length}) khác số tiêu chí (${values.length}).`);
  let sw = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new Error(`Giá trị thứ ${i + 1} không phải là số.`);
    if (!Number.isFinite(w[i]) || w[i] < 0) throw new Error(`Trọng số thứ ${i + 1} phải là số không âm.`);
    sw += w[i];
    s += values[i] * w[i];
  }
  if (sw === 0) throw new Error("Tổng trọng số bằng 0.");
  return s / sw;
}
