/**
 * The byte estimate the split read and write rely on, against the fake's own measure (UTF-8 of
 * JSON.stringify), and the fake's accounting and limits themselves.
 */
import { createFakeExcel, EXCEL_WEB_PAYLOAD_LIMIT, fakeJsonBytes, FakeWorkbook } from "../fake-excel/fake-excel";
import { isPayloadLimitError, jsonBytes, PAYLOAD_LIMIT_BYTES } from "../../src/excel-io/payload";
import type { ExcelRunner } from "../../src/excel-io/types";
import { queueWrite, renderSheet, wholeWriteBytes, type OwnedSheet } from "../../src/excel-io/write";

describe("jsonBytes", () => {
  const cases: [string, unknown][] = [
    ["ASCII", "Huyen 1"],
    ["Vietnamese (2 and 3 bytes a letter)", "Xã Đông Phước — Thị trấn Ngã Sáu"],
    ["quotes and backslashes", 'a "b" \\ c'],
    ["control characters, short and \\u escapes", "dòng 1\ndòng 2\t\r\b\f\u0001\u001f"],
    ["a surrogate pair (4 bytes)", "🏆 Hạng Nhất"],
    ["a lone surrogate (escaped by JSON.stringify)", "x\ud800y"],
    ["numbers", [0, -1, 1.5, 0.7998393574297188, 1e21, -2.5e-7, 20000000]],
    ["values JSON cannot hold become null in arrays", [NaN, Infinity, -Infinity, undefined]],
    ["booleans and null", [true, false, null]],
    ["empty containers", [[], {}, ""]],
    ["a 2-D grid", [["Đơn vị", 1, ""], ["Xã A", 0.95, "'1/2"]]],
    ["an object, undefined members left out", { name: "DVC_NGUONG", ref: "'Quy tắc DVC'!$B$2", none: undefined, n: [1, { x: "ạ" }] }],
  ];
  test.each(cases)("%s: the UTF-8 length of JSON.stringify", (_what, v) => {
    expect(jsonBytes(v)).toBe(fakeJsonBytes(v));
  });
});

describe("the limit", () => {
  test("leaves room under Excel on the web's 5 MB, whichever way 5 MB is read", () => {
    expect(PAYLOAD_LIMIT_BYTES).toBeLessThan(5_000_000);
    expect(PAYLOAD_LIMIT_BYTES).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
  });

  test("payload errors are recognised by their RichApi codes, nothing else", () => {
    expect(isPayloadLimitError({ code: "RequestPayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadLimitError({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadLimitError({ code: "ItemNotFound" })).toBe(false);
    expect(isPayloadLimitError(new Error("payload size"))).toBe(false);
    expect(isPayloadLimitError(null)).toBe(false);
  });
});

describe("the fake's byte accounting", () => {
  function setup() {
    const wb = new FakeWorkbook();
    wb.setValues("Số liệu", "A1", [["Đơn vị", "Số"], ["Xã Hòa An", 95]]);
    const excel = createFakeExcel(wb);
    return { wb, run: excel.run.bind(excel) as unknown as ExcelRunner };
  }
  const grid = (rows: number) => Array.from({ length: rows }, (_, i) => [`Xã số ${i}`, i * 1.5, "Đã chấm"]);

  test("a write counts at least its array's JSON, a read at least the values it brings back", async () => {
    const { wb, run } = setup();
    const own = await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Số liệu").getRange("D1:F100").values = grid(100);
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Số liệu").getRange("D1:F100").load("values");
      await ctx.sync();
      return (ctx as unknown as { syncLog: unknown[] }).syncLog;
    });
    const [write, read] = wb.syncLog;
    expect(write.requestBytes).toBeGreaterThanOrEqual(jsonBytes(grid(100)));
    expect(write.responseBytes).toBe(0);
    expect(read.responseBytes).toBeGreaterThanOrEqual(jsonBytes(grid(100)));
    expect(read.requestBytes).toBeLessThan(1000);
    // the context keeps its own log too
    expect(own).toEqual(wb.syncLog);
  });

  test("a request over the limit is refused and nothing of it runs", async () => {
    const { wb, run } = setup();
    wb.requestLimitBytes = 10_000;
    const before = wb.snapshot();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.add("Mới");
        ctx.workbook.worksheets.getItem("Số liệu").getRange("D1:F1000").values = grid(1000);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(wb.snapshot()).toEqual(before);
    expect(wb.syncLog[0].error).toBe("RequestPayloadSizeLimitExceeded");
    // at the limit: accepted; a byte over: refused
    const write10 = () =>
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Số liệu").getRange("D1:F10").values = grid(10);
        await ctx.sync();
      });
    wb.requestLimitBytes = undefined;
    await write10();
    const bytes = wb.syncLog[1].requestBytes;
    wb.requestLimitBytes = bytes;
    await write10();
    expect(wb.syncLog[2].error).toBeUndefined();
    wb.requestLimitBytes = bytes - 1;
    await expect(write10()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  test("a response over the limit is refused", async () => {
    const { wb, run } = setup();
    wb.setValues("Số liệu", "D1", grid(1000));
    wb.responseLimitBytes = 10_000;
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Số liệu").getRange("D1:F1000").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(wb.syncLog[0].responseBytes).toBeGreaterThan(10_000);
  });
});

describe("number formats in a write", () => {
  const sheet = (rows: number, formats: boolean): OwnedSheet => ({
    role: "results",
    model: {
      name: "Kết quả DVC",
      cells: [["Đơn vị", "Điểm", "Tỉ lệ"], ...Array.from({ length: rows }, (_, i) => [`Xã số ${i}`, i / 7, i / rows])],
      numberFormats: formats ? [{ range: `B2:B${rows + 1}`, format: "0.00" }, { range: `C2:C${rows + 1}`, format: "0.0%" }] : [],
      conditionalFormats: [],
    },
  });
  const write = async (s: OwnedSheet) => {
    const wb = new FakeWorkbook();
    wb.addSheet("Số liệu");
    const excel = createFakeExcel(wb);
    await excel.run(async (ctx) => {
      queueWrite(ctx as never, { sheets: [s] }, { replace: [], dropNames: [] });
      await ctx.sync();
    });
    return wb;
  };

  test("cost the same at 10 rows and at 2,000: one value per block of cells, not one per cell", async () => {
    const extra = async (rows: number) => {
      const [plain, formatted] = [await write(sheet(rows, false)), await write(sheet(rows, true))];
      return formatted.syncLog[0].requestBytes - plain.syncLog[0].requestBytes;
    };
    const few = await extra(10);
    expect(await extra(2_000)).toBe(few + 2 * (String(2_000).length - String(10).length));
    // and every cell of the blocks has its format, the cells around them none
    const wb = await write(sheet(2_000, true));
    expect(wb.cell("Kết quả DVC", "B2001")?.nf).toBe("0.00");
    expect(wb.cell("Kết quả DVC", "C2")?.nf).toBe("0.0%");
    expect(wb.cell("Kết quả DVC", "B1")?.nf).toBeUndefined();
    expect(wb.cell("Kết quả DVC", "B2002")).toBeUndefined();
  });

  test("the estimate stays above what the fake measures", async () => {
    const s = sheet(2_000, true);
    const wb = await write(s);
    expect(wholeWriteBytes([renderSheet(s)], { replace: [], dropNames: [] })).toBeGreaterThanOrEqual(wb.syncLog[0].requestBytes);
  });
});
