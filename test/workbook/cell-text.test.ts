import { EXCEL_CELL_MAX, fitCellText, fitSheetTexts, isWritableText, type SheetModel } from "../../src/workbook";

describe("fitCellText", () => {
  test("characters XML 1.0 forbids become U+FFFD; tab, line feed, CR and a surrogate pair stay", () => {
    expect(fitCellText("Xã\uFFFE A\u0001\uFFFF\uD800B\uDC00").text).toBe("Xã\uFFFD A\uFFFD\uFFFD\uFFFDB\uFFFD");
    const ok = "Xã A\tB\nC\rD \uD83D\uDE00";
    expect(fitCellText(ok)).toEqual({ text: ok, replaced: false, cutFrom: null });
  });

  test("a text over 32,767 characters is cut to exactly the limit, ending in an ellipsis", () => {
    const f = fitCellText("a".repeat(40_000));
    expect(f.text.length).toBe(EXCEL_CELL_MAX);
    expect(f.text.endsWith("…")).toBe(true);
    expect(f.cutFrom).toBe(40_000);
    expect(fitCellText("a".repeat(EXCEL_CELL_MAX)).cutFrom).toBeNull();
  });

  test("the cut never splits a surrogate pair", () => {
    // the pair straddles the last place kept before the ellipsis
    const s = "a".repeat(EXCEL_CELL_MAX - 2) + "\uD83D\uDE00" + "b".repeat(10);
    const f = fitCellText(s);
    expect(isWritableText(f.text)).toBe(true);
    expect(f.text.endsWith("a…")).toBe(true);
  });
});

describe("fitSheetTexts", () => {
  test("texts and formula results are fixed in place, each changed cell named", () => {
    const model: SheetModel = {
      name: "Kết quả DVC",
      cells: [["STT", "Đơn vị"], [1, "Xã\uFFFF"], [2, { formula: "=A1", result: "x".repeat(EXCEL_CELL_MAX + 1) }], [3, "Xã Hòa An"]],
      conditionalFormats: [],
    };
    const notes = fitSheetTexts(model);
    expect(model.cells[1][1]).toBe("Xã\uFFFD");
    expect((model.cells[2][1] as { result: string }).result.length).toBe(EXCEL_CELL_MAX);
    expect(model.cells[3][1]).toBe("Xã Hòa An");
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^Kết quả DVC!B2: /);
    expect(notes[1]).toMatch(/^Kết quả DVC!B3: .*32\.768 ký tự.*32\.767/);
  });
});
