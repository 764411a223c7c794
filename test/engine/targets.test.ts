import { campaignDay, checkTarget, targetOf } from "../../src/engine";
import { getPlan } from "../../src/plans";

const v = (p: { ok: boolean; value?: number }) => (p.ok ? p.value : undefined);
const code = (p: { ok: boolean; finding?: { code: string } }) => (p.ok ? "ok" : p.finding!.code);

describe("ls-170 targets (§II)", () => {
  const L = getPlan("ls-170-2023");
  it("so_hoa 70% / 60% / 55%", () => {
    expect(v(targetOf(L, "tinh", "so_hoa"))).toBe(0.7);
    expect(v(targetOf(L, "huyen", "so_hoa"))).toBe(0.6);
    expect(v(targetOf(L, "xa", "so_hoa"))).toBe(0.55);
    expect(v(targetOf(L, "xa", "Số hóa"))).toBe(0.55);
    expect(v(targetOf(L, "xa", "SO HOA"))).toBe(0.55);
  });
  it("so_hoa needs a level", () => expect(code(targetOf(L, null, "so_hoa"))).toBe("missing_input"));
  it("so_hoa at exactly 55% meets, 54.99% does not", () => {
    expect(checkTarget(L, "xa", "so_hoa", "55%").met).toBe(true);
    expect(checkTarget(L, "xa", "so_hoa", 0.55).met).toBe(true);
    expect(checkTarget(L, "xa", "so_hoa", "54,99%").met).toBe(false);
    expect(checkTarget(L, "xa", "so_hoa", "54,99%").reason).toBe("target_not_met");
  });
  it("assigned + 5 percentage points by default: 60% → 65%; relative option → 63%", () => {
    expect(v(targetOf(L, "xa", "ho_so_truc_tuyen", { assigned: "60%" }))).toBe(0.65);
    expect(v(targetOf(L, "huyen", "dvc_co_ho_so", { assigned: 0.6, plusMode: "relative" }))).toBeCloseTo(0.63, 12);
    expect(checkTarget(L, "xa", "ho_so_truc_tuyen", "65%", { assigned: "60%" }).met).toBe(true);
    expect(checkTarget(L, "xa", "ho_so_truc_tuyen", "64,9%", { assigned: "60%" }).met).toBe(false);
    expect(code(targetOf(L, "xa", "ho_so_truc_tuyen", { assigned: 0.6, plusMode: "gấp đôi" }))).toBe("invalid_option");
  });
  it("assigned 97% + 5 points is capped at 100%", () => expect(v(targetOf(L, "xa", "dvc_co_ho_so", { assigned: 0.97 }))).toBe(1));
  it("assigned missing or typed as 85 → error, not a guess", () => {
    expect(code(targetOf(L, "xa", "dvc_co_ho_so"))).toBe("missing_input");
    expect(code(targetOf(L, "xa", "dvc_co_ho_so", { assigned: 85 }))).toBe("percent_out_of_range");
  });
  it("he_thong 100%", () => {
    expect(v(targetOf(L, "tinh", "he_thong"))).toBe(1);
    expect(checkTarget(L, "tinh", "he_thong", "99,9%").met).toBe(false);
  });
  it("unknown indicator", () => {
    const c = checkTarget(L, "xa", "thanh_toan", 0.5);
    expect(c.reason).toBe("unknown_indicator");
    expect(c.status).toBe("invalid_input");
  });
  it("bad values", () => {
    expect(checkTarget(L, "xa", "so_hoa", "").reason).toBe("missing_input");
    expect(checkTarget(L, "xa", "so_hoa", 55).reason).toBe("percent_out_of_range");
    expect(checkTarget(L, "xa", "so_hoa", { error: "#N/A" }).reason).toBe("invalid_input");
  });
  it("messages are Vietnamese with numbers", () => expect(checkTarget(L, "xa", "so_hoa", "60%").message).toBe("Đạt chỉ tiêu: 60,00% ≥ 55%."));
  it("a failed check names the input that failed, with the cell's value: the value or the assigned target", () => {
    expect(checkTarget(L, "xa", "dvc_co_ho_so", 60, { assigned: "60%" }).finding).toEqual({ code: "percent_out_of_range", input: "dvc_co_ho_so", detail: { input: "dvc_co_ho_so", value: "60" } });
    const c = checkTarget(L, "xa", "dvc_co_ho_so", "70%", { assigned: 60 });
    expect(c.finding).toEqual({ code: "percent_out_of_range", input: "assigned_dvc_co_ho_so", detail: { input: "assigned_dvc_co_ho_so", value: "60" } });
    expect(c.message).toContain('"60"');
    expect(checkTarget(L, "xa", "dvc_co_ho_so", "70%").finding).toMatchObject({ code: "missing_input", input: "assigned_dvc_co_ho_so" });
    expect(checkTarget(L, "xa", "so_hoa", "60%").finding).toBeUndefined();
  });
});

describe("hg-126 Annex I targets", () => {
  const H = getPlan("hg-126-2023");
  it.each([
    ["I.1", 0.4], ["II.1", 0.8], ["II.2", 0.9], ["II.3", 0.5], ["II.4", 1], ["III.1", 0.3], ["III.2", 0.5], ["IV", 0.95], ["V", 1],
  ])("%s → %p", (c, t) => expect(v(targetOf(H, "huyen", c))).toBe(t));
  it("by id and by Vietnamese name", () => {
    expect(v(targetOf(H, "xa", "ii_2"))).toBe(0.9);
    expect(v(targetOf(H, "tinh", "Tỷ lệ hồ sơ được tiếp nhận và xử lý trực tuyến"))).toBe(0.9);
    expect(v(targetOf(H, "tinh", "ty le ho so duoc tiep nhan va xu ly truc tuyen"))).toBe(0.9);
  });
  it("II.2 at 90% in each form meets; 89.99% does not", () => {
    for (const x of [0.9, "90%", "90,0%", "0,9", 27 / 30]) expect(checkTarget(H, "huyen", "II.2", x).met).toBe(true);
    expect(checkTarget(H, "huyen", "II.2", "89,99%").met).toBe(false);
  });
  it("unknown code", () => expect(code(targetOf(H, "xa", "VI"))).toBe("unknown_indicator"));
});

describe("iator-32 milestones (§III.1): day 1 = 22/3/2024, day 50 = 10/5/2024, day 100 = 29/6/2024", () => {
  const I = getPlan("iator-32-2024");
  it.each([
    ["22/3/2024", 1], ["09/05/2024", 49], ["10/05/2024", 50], ["11/05/2024", 51], ["29/06/2024", 100], ["30/06/2024", 101],
    [45373, 1], [45422, 50], [45472, 100], ["2024-05-10", 50],
  ])("%p is day %p", (d, n) => expect(v(campaignDay(I, d as never))).toBe(n));
  it("before day 1", () => expect(code(campaignDay(I, "21/03/2024"))).toBe("before_campaign"));
  it.each([
    ["09/05/2024", 0.3, 0.2, 0.5], ["10/05/2024", 0.3, 0.2, 0.5], ["11/05/2024", 0.6, 0.55, 1],
    ["29/06/2024", 0.6, 0.55, 1], ["30/06/2024", 0.6, 0.55, 1], ["22/03/2024", 0.3, 0.2, 0.5],
  ])("on %s: online %p, payment %p, digitisation %p", (date, dvc, pay, sh) => {
    expect(v(targetOf(I, "xa", "dvc_truc_tuyen", { date }))).toBe(dvc);
    expect(v(targetOf(I, "xa", "thanh_toan", { date }))).toBe(pay);
    expect(v(targetOf(I, "xa", "so_hoa", { date }))).toBe(sh);
    expect(v(targetOf(I, "xa", "cong_khai", { date }))).toBe(1);
  });
  it("a date before day 1 and a missing or bad date", () => {
    expect(code(targetOf(I, "xa", "dvc_truc_tuyen", { date: "01/03/2024" }))).toBe("before_campaign");
    expect(code(targetOf(I, "xa", "dvc_truc_tuyen"))).toBe("missing_input");
    expect(code(targetOf(I, "xa", "dvc_truc_tuyen", { date: "32/05/2024" }))).toBe("invalid_date");
  });
  it("a bad date or one before the campaign is a finding on the date, with the date given", () => {
    expect(checkTarget(I, "xa", "dvc_truc_tuyen", "30%", { date: "31/02/2024" }).finding).toEqual({ code: "invalid_date", input: "date", detail: { input: "date", value: "31/02/2024" } });
    const before = checkTarget(I, "xa", "dvc_truc_tuyen", "30%", { date: "01/03/2024" });
    expect(before).toMatchObject({ status: "no_data", finding: { code: "before_campaign", input: "date", detail: { date: "01/03/2024", start: "22/03/2024" } } });
  });
  it("check on day 50: 30% meets, 29.9% does not", () => {
    expect(checkTarget(I, "xa", "dvc_truc_tuyen", "30%", { date: "10/5/2024" }).met).toBe(true);
    expect(checkTarget(I, "xa", "dvc_truc_tuyen", "29,9%", { date: "10/5/2024" }).met).toBe(false);
    expect(checkTarget(I, "xa", "dvc_truc_tuyen", "30%", { date: "11/5/2024" }).met).toBe(false);
  });
});
