/**
 * The mapper weighs headers, contents and relations between columns: the cases that a header-word
 * mapper got wrong (issue: "Read the tables officials already have"), each pinned here.
 */
import { getPlan } from "../../src/plans";
import { findTable, mapColumns, tableView, type TableView } from "../../src/workbook";
import type { CellInput } from "../../src/engine";

const hg = getPlan("hg-165-2023");
const ls = getPlan("ls-170-2023");

/** A table from a header row and data rows, as tableView builds it from a sheet. */
function view(rows: CellInput[][], hidden: number[] = []): TableView {
  const t = findTable(rows);
  if (!t) throw new Error("no table");
  return tableView(rows, t, hidden);
}

const letter = (m: ReturnType<typeof mapColumns>, input: string) => {
  const c = m.mapping[input];
  return c === undefined ? null : String.fromCharCode(65 + c);
};

describe("mapping by evidence", () => {
  it('"Đơn vị cấp xã" holding commune names is the unit column, not the level', () => {
    const m = mapColumns(hg, view([
      ["STT", "Đơn vị cấp xã", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số TK định danh mức 2 đã kích hoạt", "Số công dân có CCCD"],
      [1, "Xã Vị Tân", 95, 100, 90, 100],
      [2, "Xã Hỏa Lựu", 80, 100, 85, 100],
      [3, "Phường IV", 70, 90, 60, 80],
    ]));
    expect(letter(m, "unit")).toBe("B");
    expect(letter(m, "level")).toBeNull();
    expect(m.doubts).toEqual([]);
  });

  it('"Tổng hồ sơ tiếp nhận (trực tiếp + trực tuyến)" is b and "Trong đó: nộp trực tuyến (toàn trình, một phần)" is a', () => {
    const m = mapColumns(hg, view([
      ["STT", "Tên đơn vị", "Tổng hồ sơ tiếp nhận (trực tiếp + trực tuyến)", "Trong đó: nộp trực tuyến (toàn trình, một phần)", "Tài khoản VNeID mức 2 đã kích hoạt", "Công dân đã được cấp thẻ CCCD"],
      [1, "Xã Vị Tân", 1200, 1100, 900, 1000],
      [2, "Xã Hỏa Lựu", 800, 650, 700, 900],
      [3, "Phường IV", 500, 480, 450, 700],
    ]), {}, 0);
    expect(letter(m, "all_dossiers")).toBe("C");
    expect(letter(m, "online_dossiers")).toBe("D");
    expect(letter(m, "eid_activated")).toBe("E");
    expect(letter(m, "citizens_with_cccd")).toBe("F");
    expect(m.doubts).toEqual([]);
  });

  it("of two count columns worded alike, the larger across the rows is b", () => {
    const m = mapColumns(hg, view([
      ["Đơn vị", "Số lượng hồ sơ (1)", "Số lượng hồ sơ (2)", "TK định danh mức 2", "Số người có CCCD"],
      ["Xã A", 100, 90, 9, 10],
      ["Xã B", 200, 150, 8, 10],
      ["Xã C", 300, 299, 7, 10],
    ]));
    // the headers cannot tell them apart: a guess is said, never made silently
    expect(m.doubts.map((d) => d.input).sort()).toEqual(expect.arrayContaining(["online_dossiers"]));
  });

  it("the year of the plan's period is taken, and the choice is said", () => {
    const m = mapColumns(hg, view([
      ["Đơn vị", "Số hồ sơ trực tuyến năm 2022", "Số hồ sơ trực tuyến năm 2023", "Tổng số hồ sơ phát sinh năm 2023", "TK định danh mức 2", "Số người có CCCD"],
      ["Xã A", 50, 90, 100, 9, 10],
      ["Xã B", 40, 80, 100, 8, 10],
    ]));
    expect(letter(m, "online_dossiers")).toBe("C");
    expect(m.doubts).toEqual([]);
    expect(m.report.find((e) => e.input === "online_dossiers")?.note).toMatch(/2022/);
  });

  it("the actual sub-column is taken, not the plan's (Kế hoạch / Thực hiện)", () => {
    const rows: CellInput[][] = [
      ["Đơn vị", "Số hồ sơ trực tuyến", null, "Tổng số hồ sơ phát sinh", "TK định danh mức 2", "Số người có CCCD"],
      [null, "Kế hoạch", "Thực hiện", null, null, null],
      ["Xã A", 95, 90, 100, 9, 10],
      ["Xã B", 95, 80, 100, 8, 10],
    ];
    const m = mapColumns(hg, view(rows));
    expect(letter(m, "online_dossiers")).toBe("C");
    expect(m.doubts).toEqual([]);
  });

  it("a hidden copy of a column is not the one taken", () => {
    const rows: CellInput[][] = [
      ["Đơn vị", "Số hồ sơ trực tuyến", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "TK định danh mức 2", "Số người có CCCD"],
      ["Xã A", 90, 90, 100, 9, 10],
      ["Xã B", 80, 80, 100, 8, 10],
    ];
    const m = mapColumns(hg, view(rows, [1]));
    expect(letter(m, "online_dossiers")).toBe("C");
    expect(m.doubts).toEqual([]);
  });

  it('"Số tài khoản định danh mức 2 đã cấp" is the e-ID column, never the filing-accounts tie-break', () => {
    const m = mapColumns(hg, view([
      ["Đơn vị", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã cấp", "Số công dân có CCCD"],
      ["Xã A", 90, 100, 9, 10],
      ["Xã B", 80, 100, 8, 10],
    ]));
    expect(letter(m, "eid_activated")).toBe("D");
    expect(letter(m, "filing_accounts")).toBeNull();
  });

  it("ls-170: the plan's own words for digitisation are found", () => {
    const m = mapColumns(ls, view([
      ["Cơ quan, đơn vị", "Cấp", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC (hồ sơ từ 2018 đến 30/11/2023)", "Tỷ lệ DVC phát sinh hồ sơ trực tuyến", "Chỉ tiêu giao DVC phát sinh hồ sơ", "Tỷ lệ hồ sơ tiếp nhận, xử lý trực tuyến", "Chỉ tiêu giao hồ sơ trực tuyến", "Có giải pháp"],
      ["Sở Tư pháp", "Tỉnh", "72%", "81%", "75%", "85%", "80%", "Có"],
      ["Huyện Lộc Bình", "Huyện", "61%", "70%", "70%", "66%", "60%", "Không"],
    ]));
    expect(letter(m, "so_hoa")).toBe("C");
    expect(letter(m, "dvc_co_ho_so")).toBe("D");
    expect(letter(m, "assigned_dvc_co_ho_so")).toBe("E");
    expect(letter(m, "ho_so_truc_tuyen")).toBe("F");
    expect(letter(m, "assigned_ho_so_truc_tuyen")).toBe("G");
    expect(letter(m, "giai_phap")).toBe("H");
    expect(m.doubts).toEqual([]);
  });

  it("an override is a command: one naming no column is reported", () => {
    const m = mapColumns(hg, view([
      ["Đơn vị", "HS trực tuyến", "Tổng số HS"],
      ["Xã A", 1, 2],
    ]), { online_dossiers: "Không có cột này" });
    expect(m.badOverrides.map((b) => b.input)).toEqual(["online_dossiers"]);
  });
});
