import { ERROR_FOR_REASON, FallbackXlError, errorForFinding, isXlError, xlError } from "../../src/functions/errors";
import { asGrid, broadcast, toCellInput } from "../../src/functions/broadcast";

describe("error values", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  test("without the Office runtime: a plain object with code and message", () => {
    const e = xlError("#N/A", "Thiếu số liệu");
    expect(e).toBeInstanceOf(FallbackXlError);
    expect(e).toEqual({ code: "#N/A", message: "Thiếu số liệu" });
    expect(isXlError(e)).toBe(true);
    expect(isXlError({ code: "nope" })).toBe(false);
  });

  test("with the Office runtime: CustomFunctions.Error", () => {
    class CfError {
      constructor(public code: string, public message?: string) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: CfError };
    const e = xlError("#VALUE!", "x");
    expect(e).toBeInstanceOf(CfError);
    expect(e.code).toBe("#VALUE!");
  });

  test("a finding's error names the input in Vietnamese", () => {
    const e = errorForFinding({ code: "negative_count", input: "all_dossiers", detail: { value: "-3" } });
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("tổng số hồ sơ phát sinh");
    expect(e.message).toContain("-3");
  });

  test("every error code in the table can carry a message in Excel (#VALUE! or #N/A)", () => {
    for (const code of Object.values(ERROR_FOR_REASON)) expect(["#VALUE!", "#N/A"]).toContain(code);
  });
});

describe("broadcast", () => {
  test("grids and cell inputs", () => {
    expect(asGrid(5)).toEqual([[5]]);
    expect(asGrid([1, 2])).toEqual([[1, 2]]);
    expect(toCellInput(xlError("#N/A"))).toEqual({ error: "#N/A" });
    expect(toCellInput(undefined)).toBeNull();
  });

  test("rows and columns broadcast; a throw stays in its cell", () => {
    const out = broadcast([[[1], [2], [3]], [[10, 20]]], (c) => {
      if (c[0] === 2 && c[1] === 20) throw new Error("boom");
      return (c[0] as number) + (c[1] as number);
    });
    expect(out[0]).toEqual([11, 21]);
    expect(out[1][0]).toBe(12);
    expect(isXlError(out[1][1])).toBe(true);
    expect(out[2]).toEqual([13, 23]);
  });
});
