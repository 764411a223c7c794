import { formatNumberVi, formatPercentVi, formatThresholdVi, meetsThreshold, parsePercent } from "../../src/engine";

describe("meetsThreshold: a ratio exactly at a threshold meets it whatever the route", () => {
  const routes: [string, number][] = [
    ["9/10", 9 / 10], ["27/30", 27 / 30], ["0.9", 0.9], ["0.7 + 0.2", 0.7 + 0.2], ["0.3 × 3", 0.3 * 3],
    ["(0.85 + 0.95) / 2", (0.85 + 0.95) / 2], ["1 - 0.1", 1 - 0.1],
  ];
  it.each(routes)("%s meets 90%%", (_, r) => expect(meetsThreshold(r, 0.9)).toBe(true));
  it.each(["90%", "90,0%", "0,9", "90.0%"])("typed %s meets 90%%", (s) => {
    const p = parsePercent(s);
    expect(p.ok && meetsThreshold(p.value, 0.9)).toBe(true);
  });
  it("0.7 + 0.2 really is below 0.9 in floating point (why the tolerance exists)", () => expect(0.7 + 0.2 < 0.9).toBe(true));
  it("just below does not meet", () => {
    expect(meetsThreshold(8999 / 10000, 0.9)).toBe(false);
    expect(meetsThreshold(26 / 30, 0.9)).toBe(false);
    expect(meetsThreshold(8_999_999 / 10_000_000, 0.9)).toBe(false);
    expect(meetsThreshold(0.79, 0.8)).toBe(false);
    expect(meetsThreshold(99 / 100, 1)).toBe(false);
  });
  it("100% and 70% routes", () => {
    expect(meetsThreshold(37 / 37, 1)).toBe(true);
    expect(meetsThreshold(7 / 10, 0.7)).toBe(true);
    expect(meetsThreshold(0.1 * 7, 0.7)).toBe(true);
  });
});

describe("Vietnamese formats", () => {
  it("numbers", () => {
    expect(formatNumberVi(53.4)).toBe("53,40");
    expect(formatNumberVi(20000000, 0)).toBe("20.000.000");
    expect(formatNumberVi(1234.5)).toBe("1.234,50");
    expect(formatNumberVi(-2.5, 1)).toBe("-2,5");
  });
  it("percents", () => {
    expect(formatPercentVi(0.89)).toBe("89,00%");
    expect(formatPercentVi(0.9024)).toBe("90,24%");
    expect(formatThresholdVi(0.9)).toBe("90%");
    expect(formatThresholdVi(0.905)).toBe("90,5%");
    expect(formatThresholdVi(1)).toBe("100%");
  });
});
