/**
 * The columns of a weekly national-index table, as a portal export or a provincial office writes it,
 * found for the weekly index plan (test/plan-file/fixtures/index-weekly.plan.json): the six groups
 * ("Dịch vụ công trực tuyến" is not "Thanh toán trực tuyến"), the published total ("Tổng điểm" is
 * no group), the dossier count ("Số hồ sơ" is not "Số hóa hồ sơ"), a sparse adjustment column and
 * its reason, the cohort. Through the whole reading: findTable, tableView, mapColumns.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellInput, Plan } from "../../src/engine";
import { checkPlan } from "../../src/plans";
import { findTable, mapColumns, planHeaderScore, tableView } from "../../src/workbook";

const FIXTURE = path.join(__dirname, "..", "plan-file", "fixtures", "index-weekly.plan.json");
const plan: Plan = checkPlan(JSON.parse(fs.readFileSync(FIXTURE, "utf8"))).plan!;

const GROUPS = ["cong_khai", "tien_do", "dvc_truc_tuyen", "thanh_toan", "so_hoa", "hai_long"];

/** Ten communes' weekly points, by what each column holds; two adjusted (−2 technical points), one with no dossiers. */
function records(): Record<string, CellInput>[] {
  const names = ["Phường Kinh Bắc", "Phường Võ Cường", "Xã Tiên Du", "Xã Phật Tích", "Phường Từ Sơn", "Xã Tam Giang", "Xã Yên Phong", "Phường Quế Võ", "Xã Gia Bình", "Xã Lương Tài"];
  return names.map((name, i) => {
    const g = [17.5 - (i % 3) * 0.5, 19.25 - (i % 4) * 0.75, 11.5 - (i % 2), 9.5 - (i % 5) * 0.5, 21 - (i % 3), 17.75 - (i % 2) * 0.5];
    const adjusted = i === 3 || i === 7;
    return {
      stt: i + 1, unit: name, khoi: name.startsWith("Phường") ? "Khối phường" : "Khối xã", so_ho_so: i === 9 ? 0 : 120 + i * 37,
      ...Object.fromEntries(GROUPS.map((id, k) => [id, g[k]])),
      tong_cong_bo: Math.round(g.reduce((sum, x) => sum + x, 0) * 100) / 100,
      dieu_chinh: adjusted ? -2 : null, ly_do: adjusted ? "Lỗi hệ thống đồng bộ hồ sơ, trừ điểm kỹ thuật" : null, hang: i + 1, ghi_chu: null,
    };
  });
}

/** A sheet as offices send it: a title above the table, then `columns` ([header, what the column holds]). */
function grid(columns: [string, string][]): CellInput[][] {
  const top: CellInput[][] = [["UBND TỈNH MẪU"], ["KẾT QUẢ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP TUẦN 48 (23–29/11/2026)"], []];
  return [...top, columns.map(([h]) => h), ...records().map((r) => columns.map(([, k]) => r[k] ?? null))];
}

function mapped(columns: [string, string][]) {
  const g = grid(columns);
  const t = findTable(g, planHeaderScore(plan))!;
  expect(t).not.toBeNull();
  const m = mapColumns(plan, tableView(g, t), {}, 0, { level: "xa" });
  return { m, col: (input: string) => (m.mapping[input] === undefined ? null : columns[m.mapping[input]][0]) };
}

const OFFICE: [string, string][] = [
  ["STT", "stt"], ["Tên đơn vị", "unit"], ["Khối", "khoi"], ["Tổng số hồ sơ tiếp nhận", "so_ho_so"], ["Công khai, minh bạch", "cong_khai"],
  ["Tiến độ, kết quả giải quyết", "tien_do"], ["Dịch vụ công trực tuyến", "dvc_truc_tuyen"], ["Thanh toán trực tuyến", "thanh_toan"], ["Số hóa hồ sơ", "so_hoa"],
  ["Mức độ hài lòng", "hai_long"], ["Tổng điểm", "tong_cong_bo"], ["Điểm điều chỉnh", "dieu_chinh"], ["Lý do điều chỉnh", "ly_do"], ["Xếp hạng", "hang"],
  ["Ghi chú", "ghi_chu"],
];

describe("a weekly index table as an office writes it", () => {
  it("every column found, none in doubt", () => {
    const { m, col } = mapped(OFFICE);
    expect(m.missing).toEqual([]);
    expect(m.doubts).toEqual([]);
    expect(Object.fromEntries([...GROUPS, "unit", "khoi", "so_ho_so", "tong_cong_bo", "dieu_chinh", "ly_do"].map((i) => [i, col(i)]))).toEqual({
      unit: "Tên đơn vị", khoi: "Khối", so_ho_so: "Tổng số hồ sơ tiếp nhận",
      cong_khai: "Công khai, minh bạch", tien_do: "Tiến độ, kết quả giải quyết", dvc_truc_tuyen: "Dịch vụ công trực tuyến", thanh_toan: "Thanh toán trực tuyến",
      so_hoa: "Số hóa hồ sơ", hai_long: "Mức độ hài lòng", tong_cong_bo: "Tổng điểm", dieu_chinh: "Điểm điều chỉnh", ly_do: "Lý do điều chỉnh",
    });
  });

  it("the other wordings: short names, points and maxima in the header, columns in another order", () => {
    const headers: [string, string][] = [
      ["TT", "stt"], ["Đơn vị", "unit"], ["Số hồ sơ", "so_ho_so"], ["Tổng điểm", "tong_cong_bo"], ["Mức độ hài lòng (18 điểm)", "hai_long"],
      ["Số hóa hồ sơ (22 điểm)", "so_hoa"], ["Thanh toán trực tuyến (10 điểm)", "thanh_toan"], ["Dịch vụ công trực tuyến (12 điểm)", "dvc_truc_tuyen"],
      ["Tiến độ, kết quả giải quyết (20 điểm)", "tien_do"], ["Công khai, minh bạch (18 điểm)", "cong_khai"], ["Khối", "khoi"], ["Điều chỉnh", "dieu_chinh"],
      ["Lý do", "ly_do"],
    ];
    const { m, col } = mapped(headers);
    expect([m.missing, m.doubts]).toEqual([[], []]);
    expect(GROUPS.map(col)).toEqual([
      "Công khai, minh bạch (18 điểm)", "Tiến độ, kết quả giải quyết (20 điểm)", "Dịch vụ công trực tuyến (12 điểm)", "Thanh toán trực tuyến (10 điểm)",
      "Số hóa hồ sơ (22 điểm)", "Mức độ hài lòng (18 điểm)",
    ]);
    expect([col("so_ho_so"), col("tong_cong_bo"), col("dieu_chinh"), col("ly_do"), col("khoi")]).toEqual(["Số hồ sơ", "Tổng điểm", "Điều chỉnh", "Lý do", "Khối"]);
  });

  it("a sparse adjustment column (two of ten rows filled) is found by its header", () => {
    const { m, col } = mapped(OFFICE);
    expect(col("dieu_chinh")).toBe("Điểm điều chỉnh");
    expect(m.report.find((e) => e.input === "dieu_chinh")!.doubtful).toBeUndefined();
  });

  it("a table without the published total or the adjustment: those optional columns stay unmapped, nothing else moves", () => {
    const headers = OFFICE.filter(([, k]) => !["tong_cong_bo", "dieu_chinh", "ly_do"].includes(k));
    const { m, col } = mapped(headers);
    expect([m.missing, m.doubts]).toEqual([[], []]);
    expect(["tong_cong_bo", "dieu_chinh", "ly_do"].map((i) => m.mapping[i])).toEqual([undefined, undefined, undefined]);
    expect([col("so_hoa"), col("so_ho_so")]).toEqual(["Số hóa hồ sơ", "Tổng số hồ sơ tiếp nhận"]);
  });
});

describe("a plan that names each column once, by its label only", () => {
  // an IT officer's first plan: no "Điểm …" wordings; the table's "(18 điểm)" must not turn a group's column into "not points"
  const bare: Plan = { ...plan, inputs: plan.inputs.map((i) => ({ ...i, headers: [i.label] })) };
  it("the groups with their maxima in the headers, the total apart, the sparse adjustment", () => {
    const columns: [string, string][] = [
      ["STT", "stt"], ["Tên đơn vị", "unit"], ["Khối", "khoi"], ["Số hồ sơ trong kỳ", "so_ho_so"], ["Công khai, minh bạch (18 điểm)", "cong_khai"],
      ["Tiến độ, kết quả giải quyết (20 điểm)", "tien_do"], ["Dịch vụ công trực tuyến (12 điểm)", "dvc_truc_tuyen"], ["Thanh toán trực tuyến (10 điểm)", "thanh_toan"],
      ["Số hóa hồ sơ (22 điểm)", "so_hoa"], ["Mức độ hài lòng (18 điểm)", "hai_long"], ["Tổng điểm công bố", "tong_cong_bo"], ["Điểm điều chỉnh", "dieu_chinh"],
      ["Lý do điều chỉnh", "ly_do"],
    ];
    const g = grid(columns);
    const m = mapColumns(bare, tableView(g, findTable(g, planHeaderScore(bare))!), {}, 0, { level: "xa" });
    expect([m.missing, m.doubts]).toEqual([[], []]);
    expect(Object.fromEntries(Object.entries(m.mapping).map(([k, c]) => [k, columns[c][1]]))).toEqual(
      Object.fromEntries(columns.filter(([, k]) => k !== "stt").map(([, k]) => [k, k])),
    );
  });
});
