/**
 * Sample hg-165-2023 tables as an official would keep them: a title line, then the header row, then
 * districts each followed by their communes (the "Huyện" column says which district a commune
 * belongs to; a district row leaves it blank). No imports: the browser test inlines this file.
 */
export type SampleCell = string | number | null | { error: string };

export const HG165_HEADER = [
  "STT",
  "Đơn vị",
  "Huyện",
  "Số hồ sơ trực tuyến",
  "Tổng số hồ sơ phát sinh",
  "Số tài khoản định danh mức 2 đã kích hoạt",
  "Số người có CCCD",
];

/** Three districts of Hậu Giang with two communes each; figures invented for the example. */
export const HG165_UNITS: SampleCell[][] = [
  [1, "Huyện Châu Thành", null, 900, 1000, 8500, 10000],
  [2, "Xã Đông Phước", "Huyện Châu Thành", 95, 100, 900, 1000],
  [3, "Thị trấn Ngã Sáu", "Huyện Châu Thành", 80, 100, 950, 1000],
  [4, "Huyện Phụng Hiệp", null, 700, 1000, 7000, 10000],
  [5, "Xã Hòa An", "Huyện Phụng Hiệp", 100, 100, 950, 1000],
  [6, "Xã Phương Bình", "Huyện Phụng Hiệp", 60, 100, 800, 1000],
  [7, "Thành phố Ngã Bảy", null, 500, 1000, 9000, 10000],
  [8, "Phường Lái Hiếu", "Thành phố Ngã Bảy", 85, 100, 700, 1000],
  [9, "Xã Đại Thành", "Thành phố Ngã Bảy", 90, 100, 880, 1000],
];

/** Title, blank line, header, units: what goes at A1 of the user's sheet. */
export function hg165Sheet(units: SampleCell[][] = HG165_UNITS): SampleCell[][] {
  return [
    ["Số liệu phong trào “Người dân Hậu Giang nộp dịch vụ công trực tuyến” năm 2023", null, null, null, null, null, null],
    [null, null, null, null, null, null, null],
    HG165_HEADER,
    ...units,
  ];
}

/**
 * A large table: `districts` districts with communes up to `rows` rows in all. Figures vary with the
 * row so that scores differ; every count is a whole number with a ≤ b.
 */
export function hg165Large(rows: number, districts = 8): SampleCell[][] {
  const out: SampleCell[][] = [];
  const perDistrict = Math.max(1, Math.floor(rows / districts) - 1);
  let n = 0;
  for (let d = 0; d < districts && n < rows; d++) {
    const district = `Huyện Số ${d + 1}`;
    // wrapped so that a ≤ b holds for any number of districts (the first 11 are as before)
    out.push([++n, district, null, 600 + ((d * 37) % 400), 1000, 7000 + ((d * 211) % 3000), 10000]);
    for (let c = 0; c < perDistrict && n < rows; c++) {
      const i = n;
      out.push([++n, `Xã ${d + 1}-${c + 1}`, district, 60 + (i * 7) % 41, 100, 700 + (i * 13) % 301, 1000]);
    }
  }
  return out;
}
