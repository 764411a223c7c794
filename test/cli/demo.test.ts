import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { demoCommand, DEMO_CASES } from "../../src/cli/demo";

describe("npm run demo (the README's main job)", () => {
  // a folder that does not exist yet, as out/demo on a fresh clone
  const outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dvc-demo-")), "out", "demo");
  let code: number;
  let out = "";
  beforeAll(async () => {
    code = await demoCommand(["-o", outDir], { out: (s) => (out += s), err: () => undefined });
  });

  it("scores every bundled sample and writes one scored workbook each, into a folder it makes", async () => {
    expect(code).toBe(0);
    expect(out).toContain(`Đã tạo thư mục kết quả ${outDir}`);
    for (const c of DEMO_CASES) {
      const file = path.join(outDir, c.file.replace(/\.xlsx$/, "-ket-qua.xlsx"));
      expect(out).toContain(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Kết quả DVC", "Quy tắc DVC"]));
    }
  });

  it("prints the head of the Hậu Giang ranking with the three district prizes", () => {
    const hg = out.slice(out.indexOf("Hậu Giang"), out.indexOf("Lạng Sơn"));
    expect(hg).toMatch(/ 1\. .*Hạng Nhất.*20\.000\.000 đồng/);
    expect(hg).toMatch(/ 2\. .*Hạng Nhì.*15\.000\.000 đồng/);
    expect(hg).toMatch(/ 3\. .*Hạng Ba.*10\.000\.000 đồng/);
  });

  it("shows targets met, not points, for the target plans", () => {
    const ls = out.slice(out.indexOf("Lạng Sơn"), out.indexOf("Chư Prông"));
    expect(ls).toMatch(/\d\/4 chỉ tiêu đạt/);
    expect(ls).not.toMatch(/điểm/);
  });

  it("scores the 2026 sample from its plan file: the head of its ranking, awards by cluster", () => {
    const ms = out.slice(out.indexOf("Minh Sơn"));
    // hand-worked in test/workbook/sample-2026.test.ts: 103,5 with its bonus of 5, then Tân Lập's 96,6 (its cluster has its one award); 30 units, 8 shown
    expect(ms).toMatch(/ 1\. Phường Minh Khai\s+103,50 điểm\s+Bằng khen/);
    expect(ms).toMatch(/ 2\. Xã Tân Lập\s+96,60 điểm\s*\n/);
    expect(ms).toMatch(/… 22 đơn vị nữa; 2 không xét \(dưới ngưỡng\)/);
  });
});
