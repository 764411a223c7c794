import { getPlan } from "../../src/plans";
import { findTable, mapColumns, planHeaderScore, headerMatchScore, readUnits, headerTexts } from "../../src/workbook";
import type { CellInput } from "../../src/engine";

const plan = getPlan("hg-165-2023");

describe("header mapping", () => {
  it.each([
    ["Số hồ sơ trực tuyến", "online_dossiers"],
    ["So ho so nop truc tuyen", "online_dossiers"],
    ["HS trực tuyến", "online_dossiers"],
    ["  SỐ  HỒ SƠ   TRỰC TUYẾN ", "online_dossiers"],
    ["Tổng số hồ sơ phát sinh", "all_dossiers"],
    ["Số người có CCCD", "citizens_with_cccd"],
    ["TK định danh mức 2", "eid_activated"],
  ])("maps %p to %p", (header, input) => {
    const headers = ["Đơn vị", header, "Ghi chú"];
    const m = mapColumns(plan, headers);
    expect(m.mapping[input]).toBe(1);
    expect(m.mapping.unit).toBe(0);
  });

  it("maps a full Vietnamese header row and reports what is missing", () => {
    const m = mapColumns(plan, ["STT", "Tên đơn vị", "Thuộc huyện", "Cấp", "HS trực tuyến", "Tổng số hồ sơ phát sinh"]);
    expect(m.mapping).toMatchObject({ unit: 1, group: 2, level: 3, online_dossiers: 4, all_dossiers: 5 });
    expect(m.missing.sort()).toEqual(["citizens_with_cccd", "eid_activated"]);
    expect(m.report.find((e) => e.input === "eid_activated")).toMatchObject({ header: null, column: null });
  });

  it("a header matching nothing maps to nothing", () => {
    expect(headerMatchScore("Ghi chú", "Số hồ sơ trực tuyến")).toBe(0);
    const m = mapColumns(plan, ["Đơn vị", "Ghi chú", "Người lập biểu"]);
    expect(Object.keys(m.mapping)).toEqual(["unit"]);
  });

  it("--map overrides a header match, by header text or by column letter", () => {
    const headers = ["Đơn vị", "HS trực tuyến", "Cột lạ"];
    expect(mapColumns(plan, headers).mapping.online_dossiers).toBe(1);
    const byText = mapColumns(plan, headers, { online_dossiers: "cot la" });
    expect(byText.mapping.online_dossiers).toBe(2);
    expect(byText.report.find((e) => e.input === "online_dossiers")?.via).toBe("override");
    // the table starts at column B: letter D is its third column
    const byLetter = mapColumns(plan, headers, { online_dossiers: "D" }, 1);
    expect(byLetter.mapping.online_dossiers).toBe(3);
  });

  it("reports overrides naming an unknown input or a header not in the table", () => {
    const m = mapColumns(plan, ["Đơn vị", "HS trực tuyến"], { nonsense: "Đơn vị", all_dossiers: "Không có" });
    expect(m.badOverrides.map((b) => b.input).sort()).toEqual(["all_dossiers", "nonsense"]);
    expect(m.mapping.all_dossiers).toBeUndefined();
  });
});

describe("findTable", () => {
  const grid: CellInput[][] = [
    ["BÁO CÁO KẾT QUẢ DỊCH VỤ CÔNG TRỰC TUYẾN NĂM 2023 (số liệu minh họa)"],
    ["Kèm theo Công văn số 12/STTTT"],
    [],
    [null, "STT", "Đơn vị", "Cấp", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "TK định danh mức 2", "Số người có CCCD"],
    [null, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
    [null, 1, "Thành phố Vị Thanh", "Huyện", null, 900, 1000, 80, 100],
    [null, 2, "Phường I", "Xã", "Thành phố Vị Thanh", 95, 100, 9, 10],
    [null, 3, "Phường III", "Xã", "Vị Thanh", 65, 100, 5, 10],
    [null, null, "Tổng cộng", null, null, 1060, 1200, 94, 120],
    [],
    [null, "Người lập biểu", "Thủ trưởng đơn vị"],
  ];

  it("finds the header under a title and stops at the blank row", () => {
    const t = findTable(grid, planHeaderScore(plan));
    expect(t).toEqual({ headerRow: 3, firstCol: 1, lastCol: 8, lastRow: 8 });
  });

  it("without a hint takes the row with most text cells (not the one-cell title)", () => {
    expect(findTable(grid)?.headerRow).toBe(3);
  });

  it("looks past the first 30 rows (to 100) only when no header is in them", () => {
    const preamble = (n: number): CellInput[][] => Array.from({ length: n }, (_, i) => [`Căn cứ văn bản số ${i + 1}`]);
    expect(findTable([...preamble(60), ...grid], planHeaderScore(plan))?.headerRow).toBe(63);
    expect(findTable([...preamble(100), ...grid], planHeaderScore(plan))).toBeNull();
    // a second table lower down never replaces the one at the top
    const lower = [...grid, ...preamble(40), ...grid.slice(3)];
    expect(findTable(lower, planHeaderScore(plan))?.headerRow).toBe(3);
  });

  it("returns null when there is no header-like row", () => {
    expect(findTable([["x"], [1, 2, 3]], planHeaderScore(plan))).toBeNull();
    expect(findTable([])).toBeNull();
  });

  it("reads units with 1-based sheet rows, skipping the numbering and totals rows", () => {
    const t = findTable(grid, planHeaderScore(plan))!;
    const m = mapColumns(plan, headerTexts(grid, t), {}, t.firstCol);
    expect(m.missing).toEqual([]);
    const r = readUnits(plan, grid, t, m, { sheet: "Số liệu" });
    expect(r.rows.map((u) => [u.key, u.level, u.group])).toEqual([
      ["Thành phố Vị Thanh", "huyen", "Thành phố Vị Thanh"],
      ["Phường I", "xa", "Thành phố Vị Thanh"],
      // "Vị Thanh" without its prefix matches the one district of that name
      ["Phường III", "xa", "Thành phố Vị Thanh"],
    ]);
    expect(r.sources[1]).toMatchObject({ row: 7, cells: { online_dossiers: "F7", all_dossiers: "G7" } });
    expect(r.skipped.map((s) => s.row)).toEqual([5, 9]);
    expect(r.problems).toEqual([]);
  });

  it("infers levels from the district column when there is no level column", () => {
    const g: CellInput[][] = [
      ["Đơn vị", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh"],
      ["Huyện Long Mỹ", "", 1, 2],
      ["Thị xã Long Mỹ", "", 1, 2],
      ["Xã Lương Tâm", "Huyện Long Mỹ", 1, 2],
      ["Phường Thuận An", "Thị xã Long Mỹ", 1, 2],
      ["Xã Không Rõ", "Long Mỹ", 1, 2],
    ];
    const t = findTable(g, planHeaderScore(plan))!;
    const m = mapColumns(plan, headerTexts(g, t), {}, t.firstCol);
    const r = readUnits(plan, g, t, m, { sheet: "S" });
    expect(r.rows.map((u) => [u.level, u.group])).toEqual([
      ["huyen", "Huyện Long Mỹ"],
      ["huyen", "Thị xã Long Mỹ"],
      ["xa", "Huyện Long Mỹ"],
      ["xa", "Thị xã Long Mỹ"],
      // two districts are called Long Mỹ: a bare "Long Mỹ" is left as written for the engine to flag
      ["xa", "Long Mỹ"],
    ]);
  });

  it("reports a blank unit name and an unknown level by sheet, row and column", () => {
    const g: CellInput[][] = [
      ["Đơn vị", "Cấp", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh"],
      ["Xã A", "Xã", 1, 2],
      ["", "Xã", 1, 2],
      ["Xã B", "ấp", 1, 2],
    ];
    const t = findTable(g, planHeaderScore(plan))!;
    const m = mapColumns(plan, headerTexts(g, t), {}, t.firstCol);
    const r = readUnits(plan, g, t, m, { sheet: "Dữ liệu" });
    expect(r.problems.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([
      ["Dữ liệu", 3, "A", "missing_input"],
      ["Dữ liệu", 4, "B", "unknown_level"],
    ]);
    expect(r.rows.map((u) => u.key)).toEqual(["Xã A"]);
  });
});

describe("a header of two rows (group titles merged across their sub-headers, the unit's columns merged down)", () => {
  // as exceljs and Office.js give a merged cell: its value in its top-left cell only
  const GROUPS: CellInput[] = ["STT", "Đơn vị", "Cấp", "Huyện", "Hồ sơ thủ tục hành chính", null, "Định danh điện tử", null];
  const SUBS: CellInput[] = [null, null, null, null, "Số lượng trực tuyến", "Tổng số phát sinh", "Số tài khoản mức 2 đã kích hoạt", "Số người có CCCD"];
  const DATA: CellInput[][] = [
    [1, "Xã A", "Xã", "Huyện X", 95, 100, 9000, 10000],
    [2, "Xã B", "Xã", "Huyện X", 80, 100, 950, 1000],
  ];
  const grid: CellInput[][] = [["Số liệu năm 2023"], [], GROUPS, SUBS, ...DATA];

  it("is found as one header over both rows, whichever row looks more like headers", () => {
    expect(findTable(grid, planHeaderScore(plan))).toEqual({ headerFirstRow: 2, headerRow: 3, firstCol: 0, lastCol: 7, lastRow: 5 });
    expect(findTable(grid)).toEqual({ headerFirstRow: 2, headerRow: 3, firstCol: 0, lastCol: 7, lastRow: 5 });
  });

  it("gives each sub-header with its group's title, and a column merged down its one text", () => {
    const t = findTable(grid, planHeaderScore(plan))!;
    expect(headerTexts(grid, t)).toEqual([
      "STT", "Đơn vị", "Cấp", "Huyện",
      "Hồ sơ thủ tục hành chính — Số lượng trực tuyến", "Hồ sơ thủ tục hành chính — Tổng số phát sinh",
      "Định danh điện tử — Số tài khoản mức 2 đã kích hoạt", "Định danh điện tử — Số người có CCCD",
    ]);
    // the group's words are what tell "Số lượng trực tuyến" to be the online dossiers
    const m = mapColumns(plan, headerTexts(grid, t), {}, t.firstCol);
    expect(m.missing).toEqual([]);
    expect(m.mapping).toMatchObject({ unit: 1, level: 2, group: 3, online_dossiers: 4, all_dossiers: 5, eid_activated: 6, citizens_with_cccd: 7 });
    const r = readUnits(plan, grid, t, m, { sheet: "S" });
    expect(r.rows.map((u) => u.key)).toEqual(["Xã A", "Xã B"]);
    expect(r.sources[0]).toMatchObject({ row: 5, cells: { online_dossiers: "E5" } });
  });

  it("a group ends at a column merged down: a sub-header right of it has no title", () => {
    const g: CellInput[][] = [
      ["Đơn vị", "Hồ sơ", null, "Huyện", null],
      [null, "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", null, "Số người có CCCD"],
      ["Xã A", 1, 2, "Huyện X", 3],
    ];
    const t = findTable(g, planHeaderScore(plan))!;
    expect(t).toMatchObject({ headerFirstRow: 0, headerRow: 1 });
    expect(headerTexts(g, t)).toEqual(["Đơn vị", "Hồ sơ — Số hồ sơ trực tuyến", "Hồ sơ — Tổng số hồ sơ phát sinh", "Huyện", "Số người có CCCD"]);
  });

  it("a title line right above a full header row, or a row of column numbers under it, is no second header row", () => {
    const header: CellInput[] = ["Đơn vị", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh"];
    const titled = findTable([["Báo cáo năm 2023"], header, ["(1)", "(2)", "(3)"], ["Xã A", 1, 2]], planHeaderScore(plan))!;
    expect(titled).toEqual({ headerRow: 1, firstCol: 0, lastCol: 2, lastRow: 3 });
    // two texts above the header (the state's motto beside the issuing body) are no group titles either
    const motto = findTable([["UBND TỈNH", null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], header, ["Xã A", 1, 2]], planHeaderScore(plan))!;
    expect(motto.headerFirstRow).toBeUndefined();
  });
});
