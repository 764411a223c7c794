import { FormulaSyntaxError, parseFormula } from "../../src/cli/formula";

describe("parseFormula", () => {
  test("name with or without = and DVC., any case", () => {
    expect(parseFormula('=DVC.LS_TARGET("xa","so_hoa")')).toEqual({ name: "LS_TARGET", args: ["xa", "so_hoa"] });
    expect(parseFormula('ls_target("xa", "so_hoa")')).toEqual({ name: "LS_TARGET", args: ["xa", "so_hoa"] });
    expect(parseFormula('  = dvc.Ls_Target ( "xa" , "so_hoa" ) ')).toEqual({ name: "LS_TARGET", args: ["xa", "so_hoa"] });
  });

  test("numbers, percent literals, booleans, error literals", () => {
    expect(parseFormula("F(1, -2.5, .5, 1e3, 90%, TRUE, false, #N/A)").args).toEqual([1, -2.5, 0.5, 1000, 0.9, true, false, { error: "#N/A" }]);
  });

  test("strings with commas, doubled quotes, Vietnamese text", () => {
    expect(parseFormula('F("a, b", "say ""hi""", "xã", "")').args).toEqual(["a, b", 'say "hi"', "xã", ""]);
  });

  test("array constants: ',' between columns, ';' between rows", () => {
    expect(parseFormula("F({0.9,0.95;0.8,1})").args).toEqual([[[0.9, 0.95], [0.8, 1]]]);
    expect(parseFormula('F({"a";"b"}, {1})').args).toEqual([[["a"], ["b"]], [[1]]]);
  });

  test("empty arguments are null", () => {
    expect(parseFormula('F("xa",,3)').args).toEqual(["xa", null, 3]);
    expect(parseFormula("F(1,)").args).toEqual([1, null]);
    expect(parseFormula("F()").args).toEqual([]);
  });

  test.each([
    ["F(1", /\)/],
    ['F("abc)', /nháy/],
    ["F(1;2)", /dấu phẩy/],
    ["F(G(1))", /lồng/],
    ["F(A1)", /tham chiếu/],
    ["F({1,2;3})", /cùng số cột/],
    ["F({1,{2}})", /lồng/],
    ["F(1) + 1", /thừa/],
    ["(1)", /tên hàm/i],
    ["F 1", /\(/],
    ["X.F(1)", /không hợp lệ/],
  ])("malformed %s", (src, re) => {
    let err: unknown;
    try {
      parseFormula(src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormulaSyntaxError);
    expect((err as Error).message).toMatch(re);
  });
});
