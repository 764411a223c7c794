import { awardReasonText, message, MESSAGES } from "../../src/messages";

// The full list of reason codes, typed out from src/engine/types.ts so a code added there without
// a message shows up here as well as in the compiler.
const CODES = [
  "ok", "missing_input", "invalid_input", "negative_count", "not_integer", "zero_denominator", "numerator_exceeds_denominator",
  "percent_out_of_range", "percent_ambiguous", "below_floor", "missing_communes", "unknown_group", "unknown_unit", "unknown_level", "unknown_indicator", "unknown_plan",
  "invalid_date", "before_campaign", "tie_unresolved", "tie_needs_account_data", "target_met", "target_not_met", "not_applicable",
  "invalid_option", "estimate", "duplicate_unit", "bonus_out_of_range", "communes_left_out",
  "points_over_max", "no_activity", "adjustment_without_reason", "reason_without_adjustment", "adjustment_out_of_range", "imported_total_differs",
  "award_rank_no_prize", "award_places_taken", "award_group_full", "award_tie_pending", "award_waits_for_tie", "award_no_group",
  "award_group_not_in_table", "award_duplicates", "award_mean_incomplete", "award_data_flag", "award_condition_not_met", "condition_target_not_met", "condition_target_missing",
  "condition_no_solution",
] as const;

describe("messages", () => {
  it("the catalogue has exactly the known codes", () => expect(Object.keys(MESSAGES).sort()).toEqual([...CODES].sort()));
  it.each(CODES)("%s has vi and en text, distinct, NFC, no placeholder left", (code) => {
    const vi = message(code, undefined, "vi");
    const en = message(code, undefined, "en");
    expect(vi.length).toBeGreaterThan(2);
    expect(en.length).toBeGreaterThan(2);
    expect(vi).not.toBe(en);
    expect(vi).toBe(vi.normalize("NFC"));
    expect(vi).not.toMatch(/[{}[\]]/);
    expect(en).not.toMatch(/[{}[\]]/);
  });
  it("fills details", () => {
    expect(message("numerator_exceeds_denominator", { a: 110, b: 100 })).toBe("Lỗi số liệu: tử số a lớn hơn mẫu số b (110 > 100); tỷ lệ được giới hạn ở 100% khi tính điểm.");
    expect(message("below_floor", { ratio: "65,00%", floor: "70%" })).toBe("Không xét thi đua: tỷ lệ hồ sơ trực tuyến 65,00% dưới 70%.");
    expect(message("below_floor", { ratio: "65,00%", floor: "70%" }, "en")).toBe("Not considered: online dossier ratio 65,00% below 70%.");
  });
  it("names an input by its label, not by the plan's id; words already given stay as they are", () => {
    expect(message("zero_denominator", { input: "all_dossiers" })).toBe(
      "Mẫu số b bằng 0 hoặc để trống: Tổng số hồ sơ phát sinh (trực tiếp, trực tuyến) (b): không có dữ liệu để tính tỷ lệ, đơn vị không được chấm 0.",
    );
    expect(message("percent_out_of_range", { input: "ii_2", value: "85" })).toContain("II.2. Tỷ lệ hồ sơ được tiếp nhận và xử lý trực tuyến (\"85\")");
    expect(message("missing_input", { input: "số hồ sơ trực tuyến" })).toContain(": số hồ sơ trực tuyến (ô trống)");
  });
  it("Vietnamese texts carry diacritics", () => {
    for (const c of CODES) expect(MESSAGES[c].vi).toMatch(/[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i);
  });
  it("a plan's source is cited by the plan's document and clause, never by its seed file", () => {
    expect(message("below_floor", { ratio: "65,00%", floor: "70%", source: "000_e8cf8ffdb6dfbfb5.txt §III.2.b" })).toBe(
      "Không xét thi đua: tỷ lệ hồ sơ trực tuyến 65,00% dưới 70% (KH 165/KH-UBND §III.2.b).",
    );
    expect(message("award_places_taken", { limit: 7, cutoff: 9, source: "000_e8cf8ffdb6dfbfb5.txt §IV.2.b" }, "en")).toBe(
      "All 7 award places are taken, the last at rank 9 (KH 165/KH-UBND §IV.2.b).",
    );
  });
  it("a reason for no award: its words, then the findings it turned on", () => {
    const r = { code: "award_data_flag" as const, causes: [{ code: "zero_denominator" as const, input: "all_dossiers", detail: { input: "all_dossiers" } }] };
    expect(awardReasonText(r)).toBe(`${message("award_data_flag")} ${message("zero_denominator", { input: "all_dossiers" })}`);
    expect(awardReasonText(r, "en")).toMatch(/^Not ranked or considered for an award: the figures cannot be used\. Denominator b is zero/);
  });
  it("unknown code throws", () => expect(() => message("nope" as never)).toThrow());
});
