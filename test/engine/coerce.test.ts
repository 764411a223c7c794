import { INVALID_DATE_TEXT, normalizeKey, parseCount, parseDate, parseLevel, parsePercent, scoreTable } from "../../src/engine";
import { getPlan } from "../../src/plans";

const val = (p: { ok: boolean; value?: unknown }) => (p.ok ? p.value : undefined);
const code = (p: { ok: boolean; finding?: { code: string } }) => (p.ok ? "ok" : p.finding!.code);

describe("parseCount", () => {
  it.each([
    [42, 42], ["42", 42], [" 7 ", 7], ["1.234", 1234], ["1,234", 1234], ["1.234.567", 1234567], [0, 0], ["0", 0],
  ])("reads %p as %p", (x, n) => expect(val(parseCount(x))).toBe(n));
  it.each([
    [null, "missing_input"], [undefined, "missing_input"], ["", "missing_input"], ["   ", "missing_input"],
    ["abc", "invalid_input"], [true, "invalid_input"], [{ error: "#N/A" }, "invalid_input"], [NaN, "invalid_input"],
    [-1, "negative_count"], ["-5", "negative_count"], [1.5, "not_integer"], ["1,5", "not_integer"], ["12.34", "not_integer"],
    [new Date(2024, 0, 1), "invalid_input"],
  ])("rejects %p with %s", (x, c) => expect(code(parseCount(x as never))).toBe(c));
  it("reads a formula's floating-point noise as the whole number it shows, a typed fraction not", () => {
    expect(val(parseCount(0.1 * 3 * 100))).toBe(30); // 30.000000000000004
    expect(val(parseCount(99.99999999999999))).toBe(100);
    expect(code(parseCount(95 + 1e-9))).toBe("not_integer");
    expect(code(parseCount(1_000_000.001))).toBe("not_integer");
  });
  it("refuses counts beyond exact whole numbers (2^53) rather than change them", () => {
    expect(val(parseCount(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(code(parseCount(2 ** 53))).toBe("invalid_input");
    expect(code(parseCount("123456789012345678901"))).toBe("invalid_input");
    expect(code(parseCount(1e21))).toBe("invalid_input");
  });
  it("names the input in the finding", () => {
    const p = parseCount("x", "all_dossiers");
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.finding.input).toBe("all_dossiers");
  });
});

describe("parsePercent", () => {
  it.each([
    [0.9, 0.9], ["90%", 0.9], ["90,0%", 0.9], ["90.0%", 0.9], ["0,9", 0.9], ["0.9", 0.9], ["90,5%", 0.905], ["0,905", 0.905],
    [1, 1], ["100%", 1], [0, 0], ["0%", 0], [" 55 % ", 0.55],
  ])("reads %p as %p", (x, r) => expect(val(parsePercent(x))).toBeCloseTo(r as number, 12));
  it.each([
    [85, "percent_out_of_range"], ["85", "percent_out_of_range"], ["120%", "percent_out_of_range"], [-0.1, "percent_out_of_range"],
    ["-5%", "percent_out_of_range"], ["", "missing_input"], [null, "missing_input"], ["abc%", "invalid_input"], ["cao", "invalid_input"],
    [{ error: "#DIV/0!" }, "invalid_input"], [false, "invalid_input"],
  ])("rejects %p with %s", (x, c) => expect(code(parsePercent(x as never))).toBe(c));
  it("keeps 1.0000000000000002 (float noise) as 100%", () => expect(val(parsePercent(1 + 2e-16))).toBe(1));
  it("reads one separator in a ratio as a decimal point: a thousands group cannot be a ratio", () => {
    expect(val(parsePercent("31,125%"))).toBeCloseTo(0.31125, 12);
    expect(val(parsePercent("20,000%"))).toBeCloseTo(0.2, 12);
    expect(val(parsePercent("1.234%"))).toBeCloseTo(0.01234, 12);
    expect(val(parsePercent("1,000"))).toBe(1);
    expect(code(parsePercent("85,000"))).toBe("percent_out_of_range");
    expect(code(parsePercent("1.234.567%"))).toBe("percent_out_of_range");
    expect(code(parsePercent("1,2,3%"))).toBe("invalid_input");
  });
});

describe("parseLevel", () => {
  it.each([
    ["tinh", "tinh"], ["Tỉnh", "tinh"], ["TỈNH", "tinh"], ["province", "tinh"], ["huyện", "huyen"], ["HUYEN", "huyen"],
    ["District", "huyen"], ["Cấp huyện", "huyen"], ["xã", "xa"], ["Xa", "xa"], ["commune", "xa"],
    ["Phường", "xa"], ["Thị trấn", "xa"], ["Thị xã", "huyen"], ["Thành phố", "huyen"], ["Quận", "huyen"], ["Sở", "tinh"], ["Ban, ngành", "tinh"],
  ])("reads %p as %p", (x, l) => expect(val(parseLevel(x))).toBe(l));
  it.each([["thôn"], ["ấp"], [3]])("rejects %p", (x) => expect(code(parseLevel(x as never))).toBe("unknown_level"));
});

describe("parseDate", () => {
  it.each([
    ["22/3/2024", "2024-03-22"], ["10/05/2024", "2024-05-10"], ["2024-06-29", "2024-06-29"], [45373, "2024-03-22"],
    [45422, "2024-05-10"], [45472, "2024-06-29"], [new Date(Date.UTC(2024, 2, 22)), "2024-03-22"], ["29/02/2024", "2024-02-29"],
  ])("reads %p as %p", (x, d) => expect(val(parseDate(x as never))).toBe(d));
  it.each([["31/02/2024"], ["29/02/2023"], ["hôm nay"], [true], [-3]])("rejects %p", (x) => expect(code(parseDate(x as never))).toBe("invalid_date"));
  it("blank is missing", () => expect(code(parseDate(""))).toBe("missing_input"));
});

describe("normalizeKey", () => {
  it("folds diacritics, đ, case and spacing", () => {
    expect(normalizeKey("Ia Tơr")).toBe(normalizeKey("IA  TOR"));
    expect(normalizeKey("Ia Tôr")).toBe("ia tor");
    expect(normalizeKey("Đơn vị")).toBe("don vi");
    expect(normalizeKey("Phụng Hiệp")).toBe("phung hiep");
    expect(normalizeKey("HS trực tuyến")).toBe(normalizeKey("hs truc-tuyen"));
    expect(normalizeKey("Châu Thành A")).not.toBe(normalizeKey("Châu Thành"));
  });
});

// exceljs reads a date-formatted cell holding a number beyond any date (1e20) as an Invalid Date,
// whose toISOString throws RangeError
describe("an Invalid Date", () => {
  const bad = new Date(NaN);
  it("is a finding in every parser, shown as what it is", () => {
    expect(parseCount(bad, "online_dossiers")).toEqual({ ok: false, finding: { code: "invalid_input", input: "online_dossiers", detail: { value: INVALID_DATE_TEXT } } });
    expect(code(parsePercent(bad))).toBe("invalid_input");
    expect(parseDate(bad)).toEqual({ ok: false, finding: { code: "invalid_date", input: "date", detail: { value: INVALID_DATE_TEXT } } });
  });
  it("in a table is that unit's invalid_input, never an exception; the other rows are still scored", () => {
    const out = scoreTable(getPlan("hg-165-2023"), [
      { key: "Xã A", group: "Huyện X", level: "xa", values: { online_dossiers: bad, all_dossiers: 100, eid_activated: 90, citizens_with_cccd: 100 } },
      { key: "Xã B", group: "Huyện X", level: "xa", values: { online_dossiers: 90, all_dossiers: 100, eid_activated: 90, citizens_with_cccd: 100 } },
    ]);
    expect(out.units[0]).toMatchObject({ status: "invalid_input", reason: "invalid_input", total: null });
    expect(out.units[0].findings).toContainEqual(expect.objectContaining({ code: "invalid_input", input: "online_dossiers" }));
    expect(out.units[1].status).toBe("scored");
  });
});
