#!/usr/bin/env node
/**
 * Writes the bundled sample workbooks of assets/samples/ (run: node scripts/make-samples.js, or with
 * file names to write only those: the zip container of a rewritten file differs byte for byte even
 * when its content does not).
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

/**
 * A made-up province's communes and wards under the sample plan of 2026
 * (assets/samples/minh-son-2026.plan.json): 30 units in 6 clusters, no districts. Names and figures
 * are invented and chosen, not drawn: each row is a case test/workbook/sample-2026.test.ts works
 * out by hand (exactly 80% and 50% online, just below 50%, the payment bands' bounds, a tie broken
 * by the online ratio, a cluster with two of the best five, a bonus of 5 and one of 6, a blank cluster).
 */
const MINH_SON = [
  // name, cluster, online a / b, paid online a / b, digitised a / b, satisfied a / b, bonus (null: blank)
  ["Phường Minh Khai", "Cụm 1", 900, 1000, 130, 200, 950, 1000, 300, 300, 5],
  ["Xã Tân Lập", "Cụm 1", 850, 1000, 120, 200, 900, 1000, 196, 200, null],
  ["Xã Yên Hòa", "Cụm 1", 700, 1000, 70, 200, 700, 1000, 180, 200, null],
  ["Xã Đồng Tâm", "Cụm 1", 640, 1000, 50, 200, 500, 1000, 170, 200, 0],
  ["Phường Quang Trung", "Cụm 1", 760, 1000, 39, 200, 800, 1000, 190, 200, 1],
  ["Phường Đông Hòa", "Cụm 2", 800, 1000, 50, 100, 960, 1000, 250, 250, 2],
  ["Phường Nam Sơn", "Cụm 2", 780, 1000, 40, 200, 900, 1000, 188, 200, null],
  ["Xã Lộc Hà", "Cụm 2", 600, 1000, 60, 200, 400, 1000, 160, 200, null],
  ["Xã Hà Trung", "Cụm 2", 560, 1000, 100, 200, 650, 1000, 150, 200, null],
  ["Xã Thạch Bàn", "Cụm 2", 680, 1000, 20, 200, 720, 1000, 176, 200, null],
  ["Xã Bình An", "Cụm 3", 950, 1000, 140, 200, 800, 1000, 190, 200, 0],
  ["Xã Suối Đá", "Cụm 3", 500, 1000, 30, 200, 600, 1000, 180, 200, null],
  ["Xã An Phú", "Cụm 3", 820, 1000, 90, 200, 750, 1000, 184, 200, null],
  ["Phường Bình Minh", "Cụm 3", 740, 1000, 110, 200, 880, 1000, 200, 200, null],
  ["Xã Cát Tiên", "Cụm 3", 620, 1000, 80, 200, 550, 1000, 166, 200, null],
  ["Xã Phú Mỹ", "Cụm 4", 880, 1000, 140, 200, 800, 1000, 190, 200, null],
  ["Xã Đá Bạc", "Cụm 4", 499, 1000, 100, 200, 500, 1000, 180, 200, null],
  ["Xã Long Hưng", "Cụm 4", 660, 1000, 70, 200, 680, 1000, 178, 200, null],
  ["Phường Tân Tiến", "Cụm 4", 790, 1000, 121, 200, 870, 1000, 160, 200, null],
  ["Xã Hợp Thành", "Cụm 4", 540, 1000, 45, 200, 450, 1000, 150, 200, null],
  ["Xã Hòa Thuận", "Cụm 5", 720, 1000, 90, 200, 1000, 1000, 200, 200, 2],
  ["Xã Vĩnh Hảo", "Cụm 5", 580, 1000, 60, 200, 620, 1000, 170, 200, null],
  ["Xã Tam Đa", "Cụm 5", 690, 1000, 130, 200, 700, 1000, 180, 200, null],
  ["Phường Hưng Đạo", "Cụm 5", 810, 1000, 60, 200, 830, 1000, 186, 200, null],
  ["Xã Ngọc Lâm", "Cụm 5", 450, 1000, 80, 200, 500, 1000, 170, 200, null],
  ["Xã Sơn Thủy", "Cụm 6", 900, 1000, 120, 200, 1000, 1000, 200, 200, 6],
  ["Phường Thanh Bình", "Cụm 6", 1000, 1000, 80, 200, 850, 1000, 200, 200, 3],
  ["Xã Kim Sơn", "Cụm 6", 630, 1000, 50, 200, 590, 1000, 164, 200, null],
  ["Xã Thượng Lâm", "Cụm 6", 750, 1000, 100, 200, 770, 1000, 182, 200, null],
  ["Xã Hưng Long", "", 820, 1000, 124, 200, 850, 1000, 196, 200, null],
];

function minhSon() {
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithTitle(
    wb, "Số liệu 2026",
    "KẾT QUẢ THI ĐUA DỊCH VỤ CÔNG TRỰC TUYẾN CỦA XÃ, PHƯỜNG NĂM 2026 — TỈNH MINH SƠN (GIẢ ĐỊNH), KH 45/KH-UBND (KẾ HOẠCH MẪU)",
    ["STT", "Xã, phường", "Cụm thi đua", "Số hồ sơ nộp trực tuyến", "Tổng số hồ sơ tiếp nhận", "Số hồ sơ thanh toán trực tuyến",
      "Số hồ sơ có phí, lệ phí", "Số hồ sơ được số hóa kết quả", "Số hồ sơ đã giải quyết", "Số lượt đánh giá hài lòng",
      "Tổng số lượt đánh giá", "Điểm thưởng sáng kiến"],
    [6, 22, 10, 12, 12, 12, 12, 12, 12, 12, 12, 10],
  );
  MINH_SON.forEach((u, i) => {
    ws.getRow(5 + i).values = [i + 1, ...u.map((v) => (v === "" ? null : v))];
  });
  const notes = wb.addWorksheet("Ghi chú");
  notes.getColumn(1).width = 110;
  [
    "SỐ LIỆU VÀ KẾ HOẠCH MINH HỌA (GIẢ ĐỊNH): tỉnh Minh Sơn, tên xã, phường, cụm thi đua và KH 45/KH-UBND đều không có thật.",
    "Kế hoạch: assets/samples/minh-son-2026.plan.json (tiêu chí, bậc điểm, điểm thưởng, hạn mức khen thưởng và cách hiểu, kèm điều khoản).",
    "Ô điểm thưởng để trống: không có điểm thưởng (cách hiểu bonus_blank_none, §III.5). Xã Sơn Thủy ghi 6 điểm thưởng (> 5): lỗi số liệu, cố ý để minh họa.",
    "Chấm thử: npx dvc-thidua score assets/samples/minh-son-2026.xlsx --plan assets/samples/minh-son-2026.plan.json",
  ].forEach((t, i) => { notes.getCell(i + 1, 1).value = t; });
  return wb;
}

async function main() {
  const files = [
    ["hau-giang-2023.xlsx", hauGiang()],
    ["lang-son-2023.xlsx", langSon()],
    ["chu-prong-2024.xlsx", chuProng()],
    ["minh-son-2026.xlsx", minhSon()],
  ];
  const only = process.argv.slice(2);
  for (const [name, wb] of files) {
    if (only.length && !only.includes(name)) continue;
    wb.creator = "dvc-thidua";
    // fixed dates so that regenerating gives the same content
    wb.created = wb.modified = new Date(Date.UTC(2024, 0, 1));
    await wb.xlsx.writeFile(path.join(OUT, name));
    console.log(path.join("assets", "samples", name));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
