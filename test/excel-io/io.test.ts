/**
 * src/excel-io against the fake Excel: batching (nothing readable before sync), one round trip per
 * read and per write, the rendering of a SheetModel, and the ownership rules for the add-in's sheets.
 */
import { createFakeExcel, FakeWorkbook } from "../fake-excel/fake-excel";
import { HG165_HEADER, hg165Large, hg165Sheet } from "../fake-excel/sample-hg165";
import { FIRST_READ_ROWS } from "../../src/excel-io/read";
import { PAYLOAD_LIMIT_BYTES } from "../../src/excel-io/payload";
import { BELOW_ROWS, isDateFormat, readSnapshot, serialToDate, sheetAligned, toCellInputs, selectCell } from "../../src/excel-io/read";
import { excelText, markerName, planOwnership, queueWrite, type OwnedSheet } from "../../src/excel-io/write";
import { parseAddress, sheetOfFormula } from "../../src/excel-io/a1";
import { WorkflowError, type ExcelRunner, type WorkbookSnapshot } from "../../src/excel-io/types";
import type { SheetModel } from "../../src/workbook/types";

function setup() {
  const wb = new FakeWorkbook();
  wb.setValues("Số liệu", "B3", [
    ["Đơn vị", "HS trực tuyến", "Tổng HS"],
    ["Xã A", 9, 10],
    ["Xã B", null, { error: "#DIV/0!" }],
  ]);
  wb.select("Số liệu", "C4");
  const excel = createFakeExcel(wb);
  return { wb, run: excel.run.bind(excel) as unknown as ExcelRunner };
}

const model = (name: string, extra: Partial<SheetModel> = {}): SheetModel => ({
  name,
  cells: [
    ["Tiêu đề"],
    ["Đơn vị", "Điểm", "Ghi chú"],
    ["1/2", 53.4, { formula: "B3*2" }],
    ["=không phải công thức", 40, null],
  ],
  numberFormats: [{ range: "B3:B4", format: "0.00" }],
  conditionalFormats: [{ range: "B3:B4", formula: "B3<'Quy tắc'!$B$1", style: "amber", priority: 2 }],
  columnWidths: [20, 10],
  freezeRows: 2,
  ...extra,
});

describe("reading", () => {
  test("values are not readable before the sync, and the whole read is one round trip", async () => {
    const { wb, run } = setup();
    const snap = await run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange().getSurroundingRegion().load("values");
      expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
      return readSnapshot(ctx, { kind: "selection" }, () => ctx.sync());
    });
    expect(wb.syncCount).toBe(1);
    expect(snap.source.address).toBe("'Số liệu'!B3:D5");
    expect(snap.source.rowIndex).toBe(2);
    expect(snap.source.columnIndex).toBe(1);
    // blanks are null, error values are {error}, never "" or 0
    expect(snap.source.block).toEqual([
      ["Đơn vị", "HS trực tuyến", "Tổng HS"],
      ["Xã A", 9, 10],
      ["Xã B", null, { error: "#DIV/0!" }],
    ]);
    // sheet-aligned: grid[row][col] is the sheet's cell
    expect(snap.source.grid[3][1]).toBe("Xã A");
    expect(snap.source.grid[0]).toEqual([]);
    expect(snap.sheetNames).toEqual(["Số liệu"]);
  });

  test("an Excel table is read with its header row", async () => {
    const { wb, run } = setup();
    wb.addTable("BangXa", "Số liệu", "B3:D5");
    const snap = await run(async (ctx) => readSnapshot(ctx, { kind: "table", name: "BangXa" }, () => ctx.sync()));
    expect(snap.source.address).toBe("'Số liệu'!B3:D5");
    expect(snap.source.block[0][0]).toBe("Đơn vị");
  });

  describe("a table longer than the first read", () => {
    const rows = hg165Sheet(hg165Large(FIRST_READ_ROWS + 5000));
    const big = () => {
      const wb = new FakeWorkbook();
      wb.setValues("Số liệu", "B2", rows);
      wb.select("Số liệu", "C9");
      const excel = createFakeExcel(wb);
      return { wb, run: excel.run.bind(excel) as unknown as ExcelRunner };
    };
    const read = (run: ExcelRunner) => run(async (ctx) => readSnapshot(ctx, { kind: "selection" }, () => ctx.sync()));
    // the block around the selection: the header and the units (a blank line sets the title apart)
    const expected = rows.slice(2).map((r) => r.map((c) => c ?? null));

    test("is read on in blocks after the first round trip, every row once, in order", async () => {
      const { wb, run } = big();
      const snap = await read(run);
      expect(snap.source.address).toBe(`'Số liệu'!B4:H${rows.length + 1}`);
      expect(snap.source.block).toEqual(expected);
      expect(snap.source.grid[3][1]).toBe("STT");
      expect(snap.source.grid[rows.length][1]).toBe(rows[rows.length - 1][0]);
      expect(wb.syncCount).toBe(2);
      for (const r of wb.syncLog) expect(r.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    });

    test("a table of exactly FIRST_READ_ROWS rows is one round trip, one more row is two", async () => {
      for (const [n, syncs] of [[FIRST_READ_ROWS, 1], [FIRST_READ_ROWS + 1, 2]]) {
        const wb = new FakeWorkbook();
        wb.setValues("Số liệu", "A1", [HG165_HEADER, ...hg165Large(n - 1, 1)]);
        wb.select("Số liệu", "B5");
        const excel = createFakeExcel(wb);
        const snap = await read(excel.run.bind(excel) as unknown as ExcelRunner);
        expect(snap.source.block).toHaveLength(n);
        expect(wb.syncCount).toBe(syncs);
      }
    });

    test("when the host refuses a response for its size, smaller blocks are read until it takes them", async () => {
      const { wb, run } = big();
      wb.responseLimitBytes = 300_000;
      const snap = await read(run);
      expect(snap.source.block).toEqual(expected);
      const refused = wb.syncLog.filter((r) => r.error);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) expect(r.error).toBe("ResponsePayloadSizeLimitExceeded");
      for (const r of wb.syncLog.filter((x) => !x.error)) expect(r.responseBytes).toBeLessThanOrEqual(300_000);
    });
  });

  test("a number shown as a date arrives as a Date, in the same round trip; other numbers stay numbers", async () => {
    const { wb, run } = setup();
    const s = wb.sheetByName("Số liệu")!;
    // C4 = 9 shown as a date, D4 = 10 as a fixed-point number
    s.cells.set("3,2", { v: 44931, nf: "dd/mm/yyyy" });
    s.cells.set("3,3", { v: 10, nf: "0.00" });
    const snap = await run(async (ctx) => readSnapshot(ctx, { kind: "selection" }, () => ctx.sync()));
    expect(wb.syncCount).toBe(1);
    expect(snap.source.block[1]).toEqual(["Xã A", new Date(Date.UTC(2023, 0, 5)), 10]);
  });

  test("isDateFormat: days, months, years, hours, seconds outside text, escapes and brackets", () => {
    for (const f of ["dd/mm/yyyy", "m/d/yy", "[$-42A]d mmmm yyyy", "h:mm AM/PM", "[h]:mm", "yyyy-mm-dd hh:mm:ss", "[Red]d/m"])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ["General", "0", "0.00", "#,##0", "0.00%", "0.0E+00", "@", '#,##0 "hồ sơ"', "#,##0\\d", "_(* #,##0_)", "[Red]#,##0", "", null])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
  });

  test("serialToDate: Excel's serials as exceljs gives them, with Excel's 29/02/1900 counted", () => {
    expect(serialToDate(44931).toISOString()).toBe("2023-01-05T00:00:00.000Z");
    expect(serialToDate(61).toISOString()).toBe("1900-03-01T00:00:00.000Z");
    expect(serialToDate(59).toISOString()).toBe("1900-02-28T00:00:00.000Z");
    expect(serialToDate(1).toISOString()).toBe("1900-01-01T00:00:00.000Z");
    expect(serialToDate(44931.5).toISOString()).toBe("2023-01-05T12:00:00.000Z");
  });

  test("the rows under a blank row that ends the block are read in the same round trip, into the grid only", async () => {
    const { wb, run } = setup();
    wb.setValues("Số liệu", "B7", [["Xã C", 5, 10]]);
    wb.setValues("Số liệu", "B" + (6 + BELOW_ROWS), [["Xã ngoài tầm", 1, 1]]);
    const snap = await run(async (ctx) => readSnapshot(ctx, { kind: "selection" }, () => ctx.sync()));
    expect(wb.syncCount).toBe(1);
    expect(snap.source.address).toBe("'Số liệu'!B3:D5");
    expect(snap.source.block).toHaveLength(3);
    // sheet rows 6 to 5 + BELOW_ROWS: the blank row, then Xã C; the row after the last one read is not there
    expect(snap.source.grid).toHaveLength(5 + BELOW_ROWS);
    expect(snap.source.grid[5]).toEqual([null, null, null, null]);
    expect(snap.source.grid[6]).toEqual([null, "Xã C", 5, 10]);
  });

  test("an Excel table is read without the rows under it", async () => {
    const { wb, run } = setup();
    wb.setValues("Số liệu", "B7", [["Xã C", 5, 10]]);
    wb.addTable("BangXa", "Số liệu", "B3:D5");
    const snap = await run(async (ctx) => readSnapshot(ctx, { kind: "table", name: "BangXa" }, () => ctx.sync()));
    expect(snap.source.grid).toHaveLength(5);
  });

  test("toCellInputs and sheetAligned", () => {
    expect(toCellInputs([["", 0, "#N/A", "x"]], [["Empty", "Double", "Error", "String"]])).toEqual([[null, 0, { error: "#N/A" }, "x"]]);
    expect(sheetAligned([[1, 2]], 1, 2)).toEqual([[], [null, null, 1, 2]]);
  });

  test("selectCell activates the sheet and selects the cell in one round trip", async () => {
    const { wb, run } = setup();
    wb.addSheet("Khác");
    wb.select("Khác", "A1");
    await selectCell(run, "Số liệu", "D5");
    expect(wb.syncCount).toBe(1);
    expect(wb.selection).toEqual({ sheetId: wb.sheetByName("Số liệu")!.id, box: parseAddress("D5").box });
  });
});

describe("writing a SheetModel", () => {
  const emptySnap = (wb: FakeWorkbook): WorkbookSnapshot => ({
    source: { sheet: "Số liệu", address: "'Số liệu'!B3:D5", rowIndex: 2, columnIndex: 1, grid: [], block: [] },
    sheetNames: wb.sheets.map((s) => s.name),
    names: wb.names.map((n) => ({ name: n.name, formula: wb.nameFormula(n) })),
  });

  test("one round trip writes cells, formulas, formats, rules, names and the marker", async () => {
    const { wb, run } = setup();
    const before = wb.snapshot()["Số liệu"];
    const sheets: OwnedSheet[] = [
      { role: "results", model: model("Kết quả DVC", { names: [{ name: "DVC_NGUONG", ref: "'Kết quả DVC'!$B$3" }] }) },
    ];
    await run(async (ctx) => {
      queueWrite(ctx, { sheets, activate: "Kết quả DVC" }, planOwnership(emptySnap(wb), sheets));
      await ctx.sync();
    });
    expect(wb.syncCount).toBe(1);
    // text that Excel would parse as a date or a formula stays text
    expect(wb.getValues("Kết quả DVC", "A3:B4")).toEqual([
      ["1/2", 53.4],
      ["=không phải công thức", 40],
    ]);
    expect(wb.getFormulas("Kết quả DVC", "C3")).toEqual([["=B3*2"]]);
    expect(wb.cell("Kết quả DVC", "B3")?.nf).toBe("0.00");
    const s = wb.sheetByName("Kết quả DVC")!;
    expect(s.frozenRows).toBe(2);
    expect(s.columnWidths.get(0)).toBeGreaterThan(s.columnWidths.get(1)!);
    expect(wb.conditionalFormats).toEqual([
      { sheet: s.id, address: "B3:B4", type: "Custom", formula: "=B3<'Quy tắc'!$B$1", fill: "#FFEB9C", font: "#9C5700", priority: 2 },
    ]);
    expect(wb.names.map((n) => [n.name, wb.nameFormula(n)])).toEqual([
      [markerName("results"), "='Kết quả DVC'!$A$1"],
      ["DVC_NGUONG", "='Kết quả DVC'!$B$3"],
    ]);
    expect(wb.activeSheetId).toBe(s.id);
    expect(wb.snapshot()["Số liệu"]).toEqual(before);
  });

  test("excelText protects what Excel would parse, and leaves words alone", () => {
    expect(excelText("1/2")).toBe("'1/2");
    expect(excelText("00123")).toBe("'00123");
    expect(excelText("-3")).toBe("'-3");
    expect(excelText("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(excelText("TRUE")).toBe("'TRUE");
    expect(excelText("Xã Hòa An")).toBe("Xã Hòa An");
    expect(excelText("Huyện 2")).toBe("Huyện 2");
  });
});

describe("ownership of the add-in's sheets", () => {
  const snapOf = (wb: FakeWorkbook, source = "Số liệu"): WorkbookSnapshot => ({
    source: { sheet: source, address: "", rowIndex: 0, columnIndex: 0, grid: [], block: [] },
    sheetNames: wb.sheets.map((s) => s.name),
    names: wb.names.map((n) => ({ name: n.name, formula: wb.nameFormula(n) })),
  });
  const results: OwnedSheet[] = [{ role: "results", model: model("Kết quả DVC") }];

  test("a user's sheet with our name and no marker is refused", () => {
    const { wb } = setup();
    wb.addSheet("kết quả dvc");
    expect(() => planOwnership(snapOf(wb), results)).toThrow(WorkflowError);
    try {
      planOwnership(snapOf(wb), results);
    } catch (e) {
      expect((e as WorkflowError).code).toBe("sheet_not_ours");
      expect((e as WorkflowError).where?.sheet).toBe("kết quả dvc");
    }
  });

  test("our marked sheet is replaced; a renamed one is left to the user", async () => {
    const { wb, run } = setup();
    const write = () =>
      run(async (ctx) => {
        queueWrite(ctx, { sheets: results }, planOwnership(snapOf(wb), results));
        await ctx.sync();
      });
    await write();
    const firstId = wb.sheetByName("Kết quả DVC")!.id;
    expect(planOwnership(snapOf(wb), results)).toEqual({ replace: ["Kết quả DVC"], dropNames: [markerName("results")] });
    await write();
    expect(wb.sheetByName("Kết quả DVC")!.id).not.toBe(firstId);
    expect(wb.names.filter((n) => n.name === markerName("results"))).toHaveLength(1);

    // the user renames our sheet to keep it: it is theirs now
    wb.sheetByName("Kết quả DVC")!.name = "Kết quả tháng 9";
    expect(planOwnership(snapOf(wb), results)).toEqual({ replace: [], dropNames: [markerName("results")] });
    await write();
    expect(wb.sheets.map((s) => s.name)).toEqual(["Số liệu", "Kết quả tháng 9", "Kết quả DVC"]);
    expect(wb.nameFormula(wb.names[0])).toBe("='Kết quả DVC'!$A$1");
  });

  test("if Excel rejects a command mid-write, the half-written sheet is still ours for the next run", async () => {
    const { wb, run } = setup();
    const broken: OwnedSheet[] = [{ role: "results", model: model("Kết quả DVC", {
          // a range Excel refuses, met only when the batch runs
          conditionalFormats: [{ range: "B3:B", formula: "B3<1", style: "red", priority: 1 }],
        }) }];
    await expect(
      run(async (ctx) => {
        queueWrite(ctx, { sheets: broken }, planOwnership(snapOf(wb), broken));
        await ctx.sync();
      }),
    ).rejects.toThrow();
    expect(wb.sheetByName("Kết quả DVC")).toBeDefined();
    expect(planOwnership(snapOf(wb), results).replace).toEqual(["Kết quả DVC"]);
  });

  test("a table on one of our sheets is refused", async () => {
    const { wb, run } = setup();
    await run(async (ctx) => {
      queueWrite(ctx, { sheets: results }, planOwnership(snapOf(wb), results));
      await ctx.sync();
    });
    expect(() => planOwnership(snapOf(wb, "Kết quả DVC"), results)).toThrow(/không phải bảng số liệu/);
  });

  test("a workbook name of the user that a model needs is refused", () => {
    const { wb } = setup();
    wb.names.push({ name: "DVC_NGUONG", sheetId: wb.sheetByName("Số liệu")!.id, address: "$A$1" });
    const withName: OwnedSheet[] = [{ role: "rules", model: model("Quy tắc DVC", { names: [{ name: "DVC_NGUONG", ref: "'Quy tắc DVC'!$B$2" }] }) }];
    expect(() => planOwnership(snapOf(wb), withName)).toThrow(/DVC_NGUONG/);
  });

  test("sheetOfFormula reads quoted and bare sheet names and #REF!", () => {
    expect(sheetOfFormula("='Kết quả DVC'!$A$1")).toBe("Kết quả DVC");
    expect(sheetOfFormula("='It''s'!$A$1")).toBe("It's");
    expect(sheetOfFormula("=Sheet1!$A$1")).toBe("Sheet1");
    expect(sheetOfFormula("=#REF!$A$1")).toBeNull();
  });
});

describe("the fake keeps Office.js batch semantics", () => {
  test("a formula naming a sheet that does not exist is refused; renaming a sheet rewrites the formulas naming it", async () => {
    const { wb, run } = setup();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Số liệu").getRange("F1").formulas = [["='Không có'!A1"]];
        await ctx.sync();
      }),
    ).rejects.toThrow(/does not exist/);
    await run(async (ctx) => {
      ctx.workbook.worksheets.add("~Tạm");
      ctx.workbook.worksheets.add("Tam2");
      ctx.workbook.worksheets.getItem("Số liệu").getRange("F1:F2").formulas = [
        [`='~Tạm'!A1+'~tạm'!B2&"'~Tạm'!"`],
        ["=Tam2!A1+#REF!"],
      ];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("~Tạm").name = "Quy tắc";
      ctx.workbook.worksheets.getItem("Tam2").name = "Hai từ";
      await ctx.sync();
    });
    expect(wb.getFormulas("Số liệu", "F1:F2")).toEqual([[`='Quy tắc'!A1+'Quy tắc'!B2&"'~Tạm'!"`], ["='Hai từ'!A1+#REF!"]]);
  });


  test("a failing command rejects the sync but what ran before it stays (batches are not transactions)", async () => {
    const { wb, run } = setup();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.add("Tạm");
        ctx.workbook.worksheets.getItem("Không có");
        await ctx.sync();
      }),
    ).rejects.toThrow(/doesn't exist/);
    expect(wb.sheetByName("Tạm")).toBeDefined();
  });

  test("a formula cell reads back its cached value in values and its formula in formulas; one the add-in wrote reads back as \"\"", async () => {
    const { wb, run } = setup();
    wb.setValues("Số liệu", "F3", [[{ f: "=SUM(90,5)", v: 95 }, { f: "1/0", v: { error: "#DIV/0!" } }]]);
    const got = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Số liệu");
      ws.getRange("H3").formulas = [["=F3+1"]];
      const r = ws.getRange("F3:H3").load("values,formulas,valueTypes");
      await ctx.sync();
      return { values: r.values, formulas: r.formulas, types: r.valueTypes };
    });
    expect(got).toEqual({
      values: [[95, "#DIV/0!", ""]],
      formulas: [["=SUM(90,5)", "=1/0", "=F3+1"]],
      types: [["Double", "Error", "String"]],
    });
  });

  test("the current region takes in the whole merged areas of its cells (a header merged down, a figure merged across)", async () => {
    const wb = new FakeWorkbook();
    // a header merged over rows 2–3, a blank row 3 under the other cells, data from row 4
    wb.setValues("S", "A2", [["Đơn vị", "Số"], [null, null], ["Xã A", 1]]);
    wb.sheetByName("S")!.merges.push("A2:A3", "B2:B3");
    // a figure merged over B5:C7: its whole area is in the region
    wb.setValues("S", "A5", [["Xã B", 2]]);
    wb.sheetByName("S")!.merges.push("B5:C7");
    wb.select("S", "B4");
    const excel = createFakeExcel(wb);
    const address = await excel.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange().getSurroundingRegion().load("address");
      await ctx.sync();
      return r.address;
    });
    expect(address).toBe("S!A2:C7");
    // without the merges, the blank row 3 ends the region, and B5 is a cell like any other
    wb.sheetByName("S")!.merges.length = 0;
    const plain = await excel.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange().getSurroundingRegion().load("address");
      await ctx.sync();
      return r.address;
    });
    expect(plain).toBe("S!A4:B5");
  });

  test("one value sets every cell of a range (values, formulas, number formats); an array must match the range's size", async () => {
    const { wb, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Số liệu");
      (ws.getRange("F1:G3") as unknown as { numberFormat: unknown }).numberFormat = "0.00";
      (ws.getRange("F1:G3") as unknown as { values: unknown }).values = 7;
      await ctx.sync();
    });
    expect(wb.getValues("Số liệu", "F1:G3")).toEqual([[7, 7], [7, 7], [7, 7]]);
    expect(wb.cell("Số liệu", "G3")?.nf).toBe("0.00");
    expect(wb.cell("Số liệu", "H3")).toBeUndefined();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Số liệu").getRange("F1:G3").numberFormat = [["0.00"]];
        await ctx.sync();
      }),
    ).rejects.toThrow(/does not match/);
  });

  test("a values array of the wrong size is refused", async () => {
    const { run } = setup();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Số liệu").getRange("A1:B2").values = [[1, 2]];
        await ctx.sync();
      }),
    ).rejects.toThrow(/does not match/);
  });
});
