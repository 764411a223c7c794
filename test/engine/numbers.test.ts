import { formatNumberVi, formatPercentVi, formatThresholdVi, fractionTextVi, meetsThreshold, parsePercent } from "../../src/engine";

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

/**
 * The formats take their common values (0…100, 2 decimals; fractions 0…1, 4 decimals) from tables
 * filled by whole-number arithmetic instead of toFixed: they must give toFixed's text for every
 * number, the halves toFixed rounds by their exact binary value above all.
 */
describe("Vietnamese formats agree with toFixed everywhere", () => {
  // the formats as first written, straight from toFixed
  const viaToFixed = (x: number, decimals: number): string => {
    if (!Number.isFinite(x)) return String(x);
    const fixed = Math.abs(x).toFixed(decimals);
    const [intPart, frac] = fixed.split(".");
    const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    const negative = x < 0 && Number(fixed) !== 0;
    return (negative ? "-" : "") + grouped + (frac !== undefined ? "," + frac : "");
  };
  const fractionViaToFixed = (r: number): string => {
    let s = viaToFixed(r, 4);
    while (s.length > 0 && s.endsWith("0") && s.length - s.indexOf(",") > 3) s = s.slice(0, -1);
    return s;
  };
  // a seeded generator: the same values on every run
  let seed = 20231;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const ulpSteps = (x: number): number[] => {
    const f = new Float64Array([x]);
    const i = new BigInt64Array(f.buffer);
    const out: number[] = [];
    for (const d of [-2n, -1n, 0n, 1n, 2n]) {
      const g = new BigInt64Array([i[0] + d]);
      out.push(new Float64Array(g.buffer)[0]);
    }
    return out;
  };
  const values: number[] = [0, -0, 1, 100, 100.005, 99.995, 0.005, 0.015, 1.005, 2.675, 10.235, 0.125, 0.375, 1e-12, -1e-12,
    -0.004, -0.005, -2.5, 1000, 1234.5, 1e6 + 0.005, 2 ** 53, 1e21, 1.5e21, -1e21, NaN, Infinity, -Infinity, Number.MIN_VALUE,
    Number.MAX_VALUE, 0.1 + 0.2, 0.7 + 0.2, 57.599999999999994, 32.160000000000004, 95.19999999999999];
  // every half-step of 2 and 4 decimals in the tables' range, and their neighbours one and two ulps away
  for (let k = 0; k <= 20000; k++) values.push(...ulpSteps(k / 200));
  for (let k = 0; k <= 20000; k += 1) values.push(...ulpSteps((2 * k + 1) / 20000));
  for (let i = 0; i < 15000; i++) {
    const b = 1 + Math.floor(rnd() ** 3 * 2e7);
    const a = Math.floor(rnd() * b);
    values.push(a / b, (a / b) * 100, ((a / b) * 100 + 0.5 * rnd()) / 2, (a / b) * 60, (a / b) * 40 + 60, rnd() * 200 - 50, (rnd() - 0.5) * 1e9);
  }

  it("formatNumberVi, 0 to 4 decimals", () => {
    const bad: string[] = [];
    for (const x of values) {
      for (const d of [0, 1, 2, 4]) {
        const want = viaToFixed(x, d);
        if (formatNumberVi(x, d) !== want) bad.push(`${x} (${d}): ${formatNumberVi(x, d)} ≠ ${want}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
  it("formatPercentVi", () => {
    const bad = values.filter((r) => formatPercentVi(r) !== viaToFixed(r * 100, 2) + "%" || formatPercentVi(r, 0) !== viaToFixed(r * 100, 0) + "%");
    expect(bad.slice(0, 10)).toEqual([]);
  });
  it("fractionTextVi", () => {
    const bad = values.filter((r) => fractionTextVi(r) !== fractionViaToFixed(r));
    expect(bad.slice(0, 10)).toEqual([]);
  });
  it("the halves that toFixed rounds down because their binary value is below the half", () => {
    // 1.005 is 1.00499999999999989… and 2.675 is 2.67499999999999982…; 0.125 is exact and rounds up
    expect(formatNumberVi(1.005)).toBe("1,00");
    expect(formatNumberVi(2.675)).toBe("2,67");
    expect(formatNumberVi(0.125)).toBe("0,13");
    expect(fractionTextVi(0.00005)).toBe("0,0001");
    expect(fractionTextVi(0.89)).toBe("0,89");
    expect(fractionTextVi(1)).toBe("1,00");
    expect(formatPercentVi(-0)).toBe("0,00%");
  });
});
