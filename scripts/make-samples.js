#!/usr/bin/env node
/**
 * Writes the bundled sample workbooks of assets/samples/ (run: node scripts/make-samples.js).
 * Unit names are real (2023 administrative units); every figure is INVENTED, from a fixed seed,
 * so the files are the same on every run. Each workbook says so on its first rows.
 */
const path = require("path");
const ExcelJS = require("exceljs");

const OUT = path.join(__dirname, "..", "assets", "samples");
const NOTE = "SỐ LIỆU MINH HỌA (GIẢ ĐỊNH), KHÔNG PHẢI SỐ LIỆU THẬT — chỉ để chạy thử công cụ chấm điểm.";

// a small deterministic generator (mulberry32)
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hậu Giang's 8 district-level units and their 75 commune-level units (2023). */
const HAU_GIANG = [
  ["Thành phố Vị Thanh", ["Phường I", "Phường III", "Phường IV", "Phường V", "Phường VII", "Xã Hỏa Lựu", "Xã Hỏa Tiến", "Xã Tân Tiến", "Xã Vị Tân"]],
  ["Thành phố Ngã Bảy", ["Phường Ngã Bảy", "Phường Lái Hiếu", "Phường Hiệp Thành", "Xã Đại Thành", "Xã Tân Thành"]],
  ["Thị xã Long Mỹ", ["Phường Bình Thạnh", "Phường Thuận An", "Phường Trà Lồng", "Phường Vĩnh Tường", "Xã Long Bình", "Xã Long Phú", "Xã Long Trị", "Xã Long Trị A", "Xã Tân Phú"]],
  ["Huyện Châu Thành", ["Thị trấn Ngã Sáu", "Thị trấn Mái Dầm", "Xã Đông Phú", "Xã Đông Phước", "Xã Đông Phước A", "Xã Đông Thạnh", "Xã Phú An", "Xã Phú Hữu", "Xã Phú Tân"]],
  ["Huyện Châu Thành A", ["Thị trấn Một Ngàn", "Thị trấn Bảy Ngàn", "Thị trấn Cái Tắc", "Thị trấn Rạch Gòi", "Xã Nhơn Nghĩa A", "Xã Tân Hòa", "Xã Tân Phú Thạnh", "Xã Thạnh Xuân", "Xã Trường Long A", "Xã Trường Long Tây"]],
  ["Huyện Phụng Hiệp", ["Thị trấn Cây Dương", "Thị trấn Kinh Cùng", "Thị trấn Búng Tàu", "Xã Bình Thành", "Xã Hiệp Hưng", "Xã Hòa An", "Xã Hòa Mỹ", "Xã Long Thạnh", "Xã Phụng Hiệp", "Xã Phương Bình", "Xã Phương Phú", "Xã Tân Bình", "Xã Tân Long", "Xã Tân Phước Hưng", "Xã Thạnh Hòa"]],
  ["Huyện Vị Thủy", ["Thị trấn Nàng Mau", "Xã Vị Bình", "Xã Vị Đông", "Xã Vị Thanh", "Xã Vị Thắng", "Xã Vị Thủy", "Xã Vị Trung", "Xã Vĩnh Thuận Tây", "Xã Vĩnh Trung", "Xã Vĩnh Tường"]],
  ["Huyện Long Mỹ", ["Thị trấn Vĩnh Viễn", "Xã Lương Nghĩa", "Xã Lương Tâm", "Xã Thuận Hòa", "Xã Thuận Hưng", "Xã Vĩnh Thuận Đông", "Xã Vĩnh Viễn A", "Xã Xà Phiên"]],
];

const LANG_SON = [
  "Thành phố Lạng Sơn", "Huyện Tràng Định", "Huyện Văn Lãng", "Huyện Văn Quan", "Huyện Bình Gia", "Huyện Bắc Sơn",
  "Huyện Hữu Lũng", "Huyện Chi Lăng", "Huyện Cao Lộc", "Huyện Lộc Bình", "Huyện Đình Lập",
];

const CHU_PRONG = [
  "Thị trấn Chư Prông", "Xã Bàu Cạn", "Xã Bình Giáo", "Xã Ia Băng", "Xã Ia Bang", "Xã Ia Boòng", "Xã Ia Drăng", "Xã Ia Ga",
  "Xã Ia Kly", "Xã Ia Lâu", "Xã Ia Me", "Xã Ia Mơ", "Xã Ia O", "Xã Ia Phìn", "Xã Ia Pia", "Xã Ia Piơr", "Xã Ia Púch",
  "Xã Ia Tơr", "Xã Ia Vê", "Xã Thăng Hưng",
];

function sheetWithTitle(wb, name, title, headers, widths) {
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell("A2").value = NOTE;
  ws.getCell("A2").font = { italic: true, color: { argb: "FFC00000" } };
  ws.mergeCells(2, 1, 2, headers.length);
  const h = ws.getRow(4);
  headers.forEach((t, i) => { h.getCell(i + 1).value = t; });
  h.font = { bold: true };
  h.alignment = { wrapText: true, vertical: "middle" };
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  return ws;
}

function hauGiang() {
  const r = rng(165);
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithTitle(
    wb, "Số liệu 2023",
    "TỔNG HỢP KẾT QUẢ PHONG TRÀO \"NGƯỜI DÂN HẬU GIANG NỘP DỊCH VỤ CÔNG TRỰC TUYẾN\" NĂM 2023 (KH 165/KH-UBND)",
    ["STT", "Đơn vị", "Cấp", "Thuộc huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh",
      "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD", "Số tài khoản nộp hồ sơ"],
    [6, 28, 8, 22, 14, 14, 18, 14, 14],
  );
  let row = 5;
  let n = 1;
  // districts' own figures: online ratio 78–96%, e-ID 62–88%
  const districtOnline = [0.93, 0.88, 0.81, 0.9, 0.95, 0.84, 0.79, 0.86];
  const districtEid = [0.78, 0.75, 0.71, 0.77, 0.79, 0.68, 0.74, 0.65];
  HAU_GIANG.forEach(([d], i) => {
    const b = 18000 + Math.floor(r() * 22000);
    const c = 60000 + Math.floor(r() * 140000);
    ws.getRow(row++).values = [n++, d, "Huyện", "", Math.round(b * districtOnline[i]), b, Math.round(c * districtEid[i]), c, null];
  });
  // communes: most 72–100% online, a few below 70% (not considered); Châu Thành A and Vị Thanh
  // have several strong communes so that the limit of 2 per district matters
  const strong = new Set(["Huyện Châu Thành A", "Thành phố Vị Thanh"]);
  const weak = new Set(["Xã Hòa Mỹ", "Xã Vĩnh Thuận Đông", "Xã Long Trị A", "Xã Tân Phước Hưng", "Xã Vị Bình", "Xã Thuận Hưng"]);
  for (const [d, communes] of HAU_GIANG) {
    for (const c of communes) {
      const b = 900 + Math.floor(r() * 3100);
      let online = strong.has(d) ? 0.9 + r() * 0.1 : 0.72 + r() * 0.26;
      if (weak.has(c)) online = 0.55 + r() * 0.13;
      if (strong.has(d) && r() < 0.35) online = 1;
      const a = Math.min(b, Math.round(b * online));
      const cccd = 5000 + Math.floor(r() * 20000);
      const eid = Math.round(cccd * (0.62 + r() * 0.33));
      const accounts = Math.max(1, Math.round(a * (0.3 + r() * 0.6)));
      ws.getRow(row++).values = [n++, c, "Xã", d, a, b, eid, cccd, accounts];
    }
  }
  const notes = wb.addWorksheet("Ghi chú");
  notes.getColumn(1).width = 110;
  [
    NOTE,
    "Tên 8 đơn vị cấp huyện và 75 đơn vị cấp xã của tỉnh Hậu Giang năm 2023; mọi con số đều do máy sinh ngẫu nhiên (cố định, tái tạo được bằng scripts/make-samples.js).",
    "Chấm thử: npx dvc-thidua score assets/samples/hau-giang-2023.xlsx --plan hg-165",
  ].forEach((t, i) => { notes.getCell(i + 1, 1).value = t; });
  return wb;
}

function langSon() {
  const r = rng(170);
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithTitle(
    wb, "Số liệu",
    "KẾT QUẢ CAO ĐIỂM 100 NGÀY (20/8–30/11/2023) THEO KH 170/KH-UBND — CẤP HUYỆN, TỈNH LẠNG SƠN",
    ["STT", "Đơn vị", "Cấp", "Tỷ lệ số hóa", "Chỉ tiêu giao DVC phát sinh hồ sơ", "Tỷ lệ DVC phát sinh hồ sơ trực tuyến",
      "Chỉ tiêu giao hồ sơ trực tuyến", "Tỷ lệ hồ sơ trực tuyến", "Tỷ lệ hồ sơ trên Hệ thống", "Có giải pháp"],
    [6, 24, 8, 12, 14, 14, 14, 14, 14, 10],
  );
  LANG_SON.forEach((u, i) => {
    const round = (x) => Math.round(x * 1000) / 1000;
    const assignedDvc = round(0.4 + r() * 0.2);
    const assignedHs = round(0.3 + r() * 0.2);
    ws.getRow(5 + i).values = [
      i + 1, u, "Huyện", round(0.5 + r() * 0.25), assignedDvc, round(assignedDvc + (r() - 0.3) * 0.2),
      assignedHs, round(assignedHs + (r() - 0.3) * 0.2), r() < 0.7 ? 1 : round(0.95 + r() * 0.05), r() < 0.6 ? "Có" : "Không",
    ];
    for (const c of [4, 5, 6, 7, 8, 9]) ws.getCell(5 + i, c).numFmt = "0.0%";
  });
  return wb;
}

function chuProng() {
  const r = rng(32);
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithTitle(
    wb, "Số liệu",
    "CHIẾN DỊCH 100 NGÀY \"NÂNG CAO HIỆU QUẢ SỬ DỤNG DỊCH VỤ CÔNG\" — CÁC XÃ, THỊ TRẤN HUYỆN CHƯ PRÔNG (mốc 50 ngày)",
    ["STT", "Đơn vị", "Cấp", "Công khai, minh bạch", "Tiến độ giải quyết", "Tỷ lệ DVC trực tuyến",
      "Tỷ lệ thanh toán trực tuyến", "Mức độ hài lòng", "Tỷ lệ số hóa"],
    [6, 22, 8, 12, 12, 12, 12, 12, 12],
  );
  CHU_PRONG.forEach((u, i) => {
    const round = (x) => Math.round(x * 1000) / 1000;
    ws.getRow(5 + i).values = [
      i + 1, u, "Xã", 1, r() < 0.6 ? 1 : round(0.9 + r() * 0.1), round(0.15 + r() * 0.3), round(0.05 + r() * 0.25),
      r() < 0.8 ? 1 : round(0.95 + r() * 0.05), round(0.3 + r() * 0.35),
    ];
    for (const c of [4, 5, 6, 7, 8, 9]) ws.getCell(5 + i, c).numFmt = "0.0%";
  });
  return wb;
}

async function main() {
  const files = [
    ["hau-giang-2023.xlsx", hauGiang()],
    ["lang-son-2023.xlsx", langSon()],
    ["chu-prong-2024.xlsx", chuProng()],
  ];
  for (const [name, wb] of files) {
    wb.creator = "dvc-thidua";
    // fixed dates so that regenerating gives the same content
    wb.created = wb.modified = new Date(Date.UTC(2024, 0, 1));
    await wb.xlsx.writeFile(path.join(OUT, name));
    console.log(path.join("assets", "samples", name));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
