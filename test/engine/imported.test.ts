/**
 * Plan kind "imported_points": the groups' published points read as they are and checked against
 * their maxima, the period's dossier count, the adjustment with its reason, the published total and
 * the ranking per level. Every expected figure is worked out by hand in the comments.
 */
import { scoreTable, scoreUnit, type UnitResult } from "../../src/engine";
import { message } from "../../src/messages";
import { bacNinhPlan, unit } from "./index-plans";

const plan = bacNinhPlan();
const byKey = (units: UnitResult[], k: string) => units.find((u) => u.key === k)!;
const codes = (u: { findings: { code: string }[] }) => u.findings.map((f) => f.code);

describe("group points as published", () => {
  it("are summed: 17,5 + 19 + 11,25 + 9 + 21 + 16 = 93,75 of 100", () => {
    const u = scoreUnit(plan, "xa", unit("A", [17.5, 19, 11.25, 9, 21, 16]).values);
    expect(u.status).toBe("scored");
    expect(u.total).toBe(93.75);
    expect(u.maxTotal).toBe(100);
    expect(u.criteria.map((c) => c.points)).toEqual([17.5, 19, 11.25, 9, 21, 16]);
    expect(u.explanation).toBe(
      "Công khai, minh bạch 17,50/18; Tiến độ, kết quả giải quyết 19,00/20; Dịch vụ công trực tuyến 11,25/12; Thanh toán trực tuyến 9,00/10; Số hóa hồ sơ 21,00/22; Mức độ hài lòng 16,00/18 = 93,75",
    );
    expect(u.message).toBe("Tổng điểm 93,75/100.");
    expect(u.adjustment).toBeNull();
    expect(u.publishedTotal).toBeNull();
  });

  it("text with the decimal comma is read: \"17,5\"", () => {
    expect(scoreUnit(plan, "xa", unit("A", ["17,5", 19, 11, 9, 21, 16]).values).total).toBe(93.5);
  });

  it("12,5 in the 12-point group is an error naming the cell, never capped", () => {
    const u = scoreUnit(plan, "xa", unit("A", [17.5, 19, 12.5, 9, 21, 16]).values);
    expect(u.status).toBe("invalid_input");
    expect(u.reason).toBe("points_over_max");
    expect(u.total).toBeNull();
    expect(u.findings).toEqual([{ code: "points_over_max", input: "truc_tuyen", detail: { input: "Dịch vụ công trực tuyến", value: "12,5", max: "12" } }]);
    expect(u.message).toBe("Điểm nhóm vượt điểm tối đa: Dịch vụ công trực tuyến ghi 12,5, tối đa 12; điểm công bố lớn hơn tối đa là lỗi số liệu, không được tự hạ về mức tối đa.");
  });

  it("the maximum itself is allowed: 18 + 20 + 12 + 10 + 22 + 18 = 100", () => {
    const u = scoreUnit(plan, "xa", unit("A", [18, 20, 12, 10, 22, 18]).values);
    expect(u.total).toBe(100);
    expect(u.criteria.every((c) => c.full)).toBe(true);
  });

  it("a negative group score, a text, an error value are bad input on their cells", () => {
    const neg = scoreUnit(plan, "xa", unit("A", [-1, 19, 11, 9, 21, 16]).values);
    expect(neg.status).toBe("invalid_input");
    expect(neg.findings).toEqual([{ code: "invalid_input", input: "cong_khai", detail: { input: "Công khai, minh bạch", value: "-1" } }]);
    const text = scoreUnit(plan, "xa", unit("A", [17, "chưa có", 11, 9, 21, 16]).values);
    expect(text.status).toBe("invalid_input");
    expect(text.findings).toEqual([{ code: "invalid_input", input: "tien_do", detail: { input: "Tiến độ, kết quả giải quyết", value: "chưa có" } }]);
    const err = scoreUnit(plan, "xa", unit("A", [17, 19, 11, 9, { error: "#N/A" }, 16]).values);
    expect(err.findings.map((f) => [f.code, f.input])).toEqual([["invalid_input", "so_hoa"]]);
    expect(err.total).toBeNull();
  });

  it("a blank group cell is a missing figure, not 0", () => {
    const u = scoreUnit(plan, "xa", unit("A", [17, 19, 11, 9, 21, null]).values);
    expect(u.status).toBe("no_data");
    expect(u.reason).toBe("missing_input");
    expect(u.total).toBeNull();
    expect(u.findings).toEqual([{ code: "missing_input", input: "hai_long", detail: { input: "Mức độ hài lòng" } }]);
  });

  it("a blank beside a bad cell: the bad cell is the reason, both are named", () => {
    const u = scoreUnit(plan, "xa", unit("A", [null, 19, 13, 9, 21, 16]).values);
    expect(u.status).toBe("invalid_input");
    expect(u.reason).toBe("points_over_max");
    expect(u.findings.map((f) => f.input)).toEqual(["cong_khai", "truc_tuyen"]);
  });

  it("a level the plan does not rank is not applicable", () => {
    expect(scoreUnit(plan, "huyen", unit("A", [17, 19, 11, 9, 21, 16]).values).reason).toBe("not_applicable");
  });
});

describe("the period's dossier count", () => {
  it("0 dossiers: nothing to score, shown apart (not ranked last), its blank group cells are no error", () => {
    const t = scoreTable(plan, [
      unit("A", [17, 19, 11, 9, 21, 16]), // 93
      unit("Z", [null, null, null, null, null, null], { ho_so: 0 }),
      unit("B", [16, 19, 11, 9, 21, 16]), // 92
    ]);
    const z = byKey(t.units, "Z");
    expect(z.status).toBe("no_data");
    expect(z.reason).toBe("no_activity");
    expect(z.total).toBeNull();
    expect(z.rank).toBeNull();
    expect(z.tier).toBeNull();
    expect(codes(z)).toEqual(["no_activity"]);
    expect(z.message).toBe(message("no_activity", { input: "Số hồ sơ trong kỳ" }));
    expect([byKey(t.units, "A").rank, byKey(t.units, "B").rank]).toEqual([1, 2]);
  });

  it("0 dossiers with points written: still not scored", () => {
    const z = scoreUnit(plan, "xa", unit("Z", [17, 19, 11, 9, 21, 16], { ho_so: 0 }).values);
    expect(z.reason).toBe("no_activity");
    expect(z.total).toBeNull();
  });

  it("a blank count is a missing figure, a negative one bad input", () => {
    const blank = scoreUnit(plan, "xa", unit("A", [17, 19, 11, 9, 21, 16], { ho_so: null }).values);
    expect(blank.total).toBeNull();
    expect(blank.findings).toEqual([{ code: "missing_input", input: "ho_so", detail: { input: "Số hồ sơ trong kỳ" } }]);
    const neg = scoreUnit(plan, "xa", unit("A", [17, 19, 11, 9, 21, 16], { ho_so: -3 }).values);
    expect(neg.status).toBe("invalid_input");
    expect(codes(neg)).toEqual(["negative_count"]);
  });
});

describe("the adjustment and its reason", () => {
  const pts = [17.5, 19, 11.25, 9, 21, 16]; // 93,75

  it("−2 for a system error: 93,75 − 2 = 91,75, tier tốt, said in the explanation", () => {
    const t = scoreTable(plan, [unit("A", pts, { dieu_chinh: -2, ly_do: "lỗi hệ thống" })]);
    const u = t.units[0];
    expect(u.total).toBe(91.75);
    expect(u.adjustment).toEqual({ points: -2, reason: "lỗi hệ thống" });
    expect(u.explanation).toBe(
      "Công khai, minh bạch 17,50/18; Tiến độ, kết quả giải quyết 19,00/20; Dịch vụ công trực tuyến 11,25/12; Thanh toán trực tuyến 9,00/10; Số hóa hồ sơ 21,00/22; Mức độ hài lòng 16,00/18 = 93,75; điều chỉnh −2,00 (lỗi hệ thống) → 91,75; xếp loại tốt (từ 90 đến 94)",
    );
    expect(u.message).toBe("Tổng điểm 91,75/100 (gồm điều chỉnh −2,00: lỗi hệ thống). Xếp loại tốt.");
  });

  it("the minus sign as typed (−2 with U+2212) and text \"+1,5\"", () => {
    expect(scoreUnit(plan, "xa", unit("A", pts, { dieu_chinh: "−2", ly_do: "lỗi" }).values).total).toBe(91.75);
    expect(scoreUnit(plan, "xa", unit("A", pts, { dieu_chinh: "+1,5", ly_do: "bù" }).values).total).toBe(95.25);
  });

  it("an adjustment without its reason is an error on the reason cell; the unit is not scored", () => {
    const u = scoreUnit(plan, "xa", unit("A", pts, { dieu_chinh: -2, ly_do: "  " }).values);
    expect(u.status).toBe("invalid_input");
    expect(u.total).toBeNull();
    expect(u.findings).toEqual([{ code: "adjustment_without_reason", input: "ly_do", detail: { input: "Lý do điều chỉnh", value: "−2,00" } }]);
  });

  it("a reason without an adjustment is an error on the adjustment cell", () => {
    const u = scoreUnit(plan, "xa", unit("A", pts, { ly_do: "lỗi hệ thống" }).values);
    expect(u.total).toBeNull();
    expect(u.findings).toEqual([{ code: "reason_without_adjustment", input: "dieu_chinh", detail: { input: "Điều chỉnh điểm", value: "lỗi hệ thống" } }]);
  });

  it("0 with a reason is allowed: the total stays 93,75", () => {
    const u = scoreUnit(plan, "xa", unit("A", pts, { dieu_chinh: 0, ly_do: "đã xem xét, không trừ" }).values);
    expect(u.total).toBe(93.75);
    expect(u.adjustment).toEqual({ points: 0, reason: "đã xem xét, không trừ" });
  });

  it("beyond the plan's ±5: −6 is out of range, never brought back to −5", () => {
    const u = scoreUnit(plan, "xa", unit("A", pts, { dieu_chinh: -6, ly_do: "lỗi" }).values);
    expect(u.total).toBeNull();
    expect(u.findings).toEqual([{ code: "adjustment_out_of_range", input: "dieu_chinh", detail: { value: "−6,00", limit: "tối đa ±5 điểm" } }]);
  });

  it("a total taken above 100 (99 + 2 = 101) or below 0 (1 − 2 = −1) is out of range", () => {
    const high = scoreUnit(plan, "xa", unit("A", [18, 20, 12, 10, 22, 17], { dieu_chinh: 2, ly_do: "bù" }).values);
    expect(high.total).toBeNull();
    expect(high.findings.map((f) => [f.code, f.input])).toEqual([["adjustment_out_of_range", "dieu_chinh"]]);
    const low = scoreUnit(plan, "xa", unit("A", [0.5, 0.5, 0, 0, 0, 0], { dieu_chinh: -2, ly_do: "lỗi" }).values);
    expect(low.total).toBeNull();
    expect(codes(low)).toEqual(["adjustment_out_of_range"]);
    // exactly 100 after it is within range: 98 + 2
    expect(scoreUnit(plan, "xa", unit("A", [18, 20, 12, 10, 22, 16], { dieu_chinh: 2, ly_do: "bù" }).values).total).toBe(100);
  });

  it("an adjustment that is not a number is bad input", () => {
    const u = scoreUnit(plan, "xa", unit("A", pts, { dieu_chinh: "trừ hai", ly_do: "lỗi" }).values);
    expect(u.findings).toEqual([{ code: "invalid_input", input: "dieu_chinh", detail: { input: "Điều chỉnh điểm", value: "trừ hai" } }]);
  });
});

describe("the published total", () => {
  const pts = [17.5, 19, 11.25, 9, 21, 16]; // 93,75

  it("93,50 published for groups adding to 93,75: a finding, the unit stays scored and ranked on 93,75", () => {
    const t = scoreTable(plan, [unit("A", pts, { tong: 93.5 }), unit("B", [17.5, 19, 11.25, 9, 21, 15.8])]); // B: 93,55
    const a = byKey(t.units, "A");
    expect(a.status).toBe("scored");
    expect(a.total).toBe(93.75);
    expect(a.publishedTotal).toBe(93.5);
    expect(a.findings).toEqual([{ code: "imported_total_differs", input: "tong", detail: { published: "93,50", sum: "93,75" } }]);
    expect(a.rank).toBe(1);
    expect(byKey(t.units, "B").rank).toBe(2);
    expect(t.findings).toContainEqual({ code: "imported_total_differs", input: "tong", detail: { published: "93,50", sum: "93,75" }, key: "A" });
  });

  it("a published total within 0,005 of the sum (93,754) agrees; it is compared before the adjustment", () => {
    expect(codes(scoreUnit(plan, "xa", unit("A", pts, { tong: 93.754 }).values))).toEqual([]);
    // the portal publishes 93,75; the province takes 2 off: 91,75, no difference to report
    const adj = scoreUnit(plan, "xa", unit("A", pts, { tong: 93.75, dieu_chinh: -2, ly_do: "lỗi" }).values);
    expect(adj.total).toBe(91.75);
    expect(codes(adj)).toEqual([]);
  });
});

describe("ranking per level: competition ranks with ties", () => {
  it("95, 92, 92, 88 → 1, 2, 2, 4; departments apart from communes", () => {
    const t = scoreTable(plan, [
      unit("A", [18, 20, 12, 10, 22, 13]), // 95
      unit("B", [18, 20, 12, 10, 22, 10]), // 92
      unit("S", [18, 20, 12, 10, 10, 10], {}, "tinh"), // 80
      unit("C", [17, 20, 12, 10, 22, 11]), // 92
      unit("D", [18, 20, 12, 10, 18, 10]), // 88
    ]);
    expect(t.units.map((u) => [u.key, u.total, u.rank, u.tied])).toEqual([
      ["A", 95, 1, false], ["B", 92, 2, true], ["S", 80, 1, false], ["C", 92, 2, true], ["D", 88, 4, false],
    ]);
    expect(t.units.map((u) => u.award)).toEqual([null, null, null, null, null]);
  });

  it("sums that are equal as decimals tie: 17,1 + 19,2 + 11,3 + 9,4 + 21,7 + 15,3 and 17,6 + 19,7 + 11,1 + 9,3 + 21,1 + 15,2 are both 94", () => {
    const t = scoreTable(plan, [unit("A", [17.1, 19.2, 11.3, 9.4, 21.7, 15.3]), unit("B", [17.6, 19.7, 11.1, 9.3, 21.1, 15.2])]);
    expect(t.units.map((u) => [u.total, u.rank, u.tied])).toEqual([[94, 1, true], [94, 1, true]]);
  });
});
