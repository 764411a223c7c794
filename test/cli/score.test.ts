import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { scoreCommand } from "../../src/cli/score";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "hau-giang-2023.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-score-"));

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await scoreCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("score on the Hậu Giang sample", () => {
  let units: Record<string, unknown>[];
  let err: string;
  beforeAll(async () => {
    const r = await run([SAMPLE, "--plan", "hg-165", "--json"]);
    expect(r.code).toBe(0);
    units = JSON.parse(r.out);
    err = r.err;
  });

  it("prints one JSON array with the documented keys, and the mapping on stderr", () => {
    expect(units).toHaveLength(83);
    for (const u of units) {
      expect(Object.keys(u)).toEqual(expect.arrayContaining(["unit", "group", "status", "reason", "total", "rank", "award", "points"]));
      expect(Object.keys(u.points as object).sort()).toEqual(["eid_ratio", "online_ratio"]);
    }
    // each column by the input's name, its id only as the --map key
    expect(err).toContain('Số hồ sơ TTHC nộp trực tuyến (a): E "Số hồ sơ trực tuyến"  [--map online_dossiers=…]');
    expect(err).toContain("KH 165/KH-UBND (--plan hg-165-2023)");
    expect(err).toContain("dòng tiêu đề 4");
  });

  it("rewards at most 2 communes per district and 7 in all", () => {
    const rewarded = units.filter((u) => u.level === "xa" && u.award);
    expect(rewarded).toHaveLength(7);
    const perDistrict = new Map<string, number>();
    for (const u of rewarded) perDistrict.set(u.group as string, (perDistrict.get(u.group as string) ?? 0) + 1);
    expect(Math.max(...perDistrict.values())).toBeLessThanOrEqual(2);
    // the quota bites: some commune ranked above the 7th award winner is left out for its district
    const lastAwardRank = Math.max(...rewarded.map((u) => u.rank as number));
    expect(units.some((u) => u.level === "xa" && !u.award && (u.rank as number) < lastAwardRank)).toBe(true);
  });

  it("says beside each code why a unit got no award, in words with the plan's clause", () => {
    for (const u of units) {
      const r = u.awardReason as { code: string; text: string; source?: string } | null;
      expect(r === null).toBe(u.award !== null);
      if (r) {
        expect(r.code).toMatch(/^[a-z_]+$/);
        expect(r.text).not.toMatch(/[a-z]+_[a-z]+|\.txt/);
        expect(r.source).toMatch(/^KH 165\/KH-UBND §/);
      }
    }
    const codes = new Set(units.map((u) => (u.awardReason as { code: string } | null)?.code));
    expect([...codes].sort()).toEqual([undefined, "award_group_full", "award_places_taken", "award_rank_no_prize", "below_floor"].sort());
  });

  it("gives the districts' three prizes", () => {
    const prized = units.filter((u) => u.level === "huyen" && u.prize).sort((a, b) => (a.rank as number) - (b.rank as number));
    expect(prized.map((u) => [u.rank, u.prize])).toEqual([[1, 20_000_000], [2, 15_000_000], [3, 10_000_000]]);
  });

  it("communes below 70% are not considered, not scored 0", () => {
    const out = units.filter((u) => u.status === "not_eligible");
    expect(out.length).toBeGreaterThan(0);
    for (const u of out) expect([u.total, u.rank, u.award]).toEqual([null, null, null]);
  });
});

describe("bad rows", () => {
  it("are reported by sheet, row and column and the others still scored", async () => {
    const f = path.join(dir, "bad.csv");
    fs.writeFileSync(
      f,
      "Báo cáo số liệu (minh họa)\n\nĐơn vị;Cấp;Huyện;HS trực tuyến;Tổng số hồ sơ phát sinh;TK định danh mức 2;Số người có CCCD\n" +
        "Huyện A;Huyện;;90;100;80;100\n" +
        "Xã 1;Xã;Huyện A;95;100;90;100\n" +
        "Xã 2;Xã;Huyện A;abc;100;90;100\n" +
        "Xã 3;Xã;Huyện A;120;100;90;100\n" +
        "Xã 4;Xã;Huyện A;-5;100;90;100\n" +
        "Xã 5;Xã;Huyện A;5;0;90;100\n" +
        "Xã 6;Xã;Huyện Không Có;5;10;90;100\n",
    );
    const r = await run([f, "--plan", "hg-165", "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Số liệu!D6 \(Xã 2\)/);
    expect(r.err).toMatch(/Số liệu!D7 \(Xã 3\)/);
    expect(r.err).toMatch(/Số liệu!D8 \(Xã 4\)/);
    expect(r.err).toMatch(/Số liệu!E9 \(Xã 5\)/);
    expect(r.err).toMatch(/Số liệu!C10 \(Xã 6\)/);
    const units = JSON.parse(r.out) as { unit: string; status: string; total: number | null }[];
    expect(units.find((u) => u.unit === "Xã 1")!.status).toBe("scored");
    expect(units.find((u) => u.unit === "Xã 2")!.status).toBe("invalid_input");
  });

  it("a date-formatted count holding 1e20 (read as an invalid date) is a problem named by its cell; the other row scored", async () => {
    const f = path.join(dir, "bad-date.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Số liệu");
    const rows = [
      ["Đơn vị", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD"],
      ["Xã A", "Huyện X", 1e20, 100, 90, 100],
      ["Xã B", "Huyện X", 90, 100, 90, 100],
    ];
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
    ws.getCell("C2").numFmt = "dd/mm/yyyy";
    await wb.xlsx.writeFile(f);
    const r = await run([f, "--plan", "hg-165", "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Số liệu!C2 \(Xã A\): .*ngoài khoảng ngày/);
    const units = JSON.parse(r.out) as { unit: string; status: string }[];
    expect(units.find((u) => u.unit === "Xã A")!.status).toBe("invalid_input");
    expect(units.find((u) => u.unit === "Xã B")!.status).toBe("scored");
  });

  it("--map overrides a header the mapping would not find", async () => {
    const f = path.join(dir, "odd.csv");
    fs.writeFileSync(f, "Đơn vị,Cột A,Cột B,TK định danh mức 2,Số người có CCCD\nXã 1,9,10,9,10\n");
    expect((await run([f, "--plan", "hg-165", "--level", "xa", "--json"])).code).toBe(1);
    const r = await run([f, "--plan", "hg-165", "--level", "xa", "--json", "--map", "online_dossiers=Cột A", "--map", "all_dossiers=C"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)[0].points.online_ratio).toBeCloseTo(54, 9);
  });
});

describe("files that cannot be read", () => {
  it("a missing file: exit 2 and says so", async () => {
    const r = await run([path.join(dir, "nope.xlsx"), "--plan", "hg-165"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không tìm thấy tệp");
  });
  it("a corrupt xlsx", async () => {
    const f = path.join(dir, "corrupt.xlsx");
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const r = await run([f, "--plan", "hg-165"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("bị hỏng");
  });
  it("an encrypted (password-protected) xlsx, which is an OLE container", async () => {
    const f = path.join(dir, "locked.xlsx");
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const r = await run([f, "--plan", "hg-165"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("mật khẩu");
  });
  it("a CSV in Windows-1258 is refused clearly, and read with --encoding", async () => {
    const f = path.join(dir, "cp1258.csv");
    // Windows-1258 writes "Xã" as "Xa" + a combining tilde (byte 0xDE), which is not valid UTF-8
    fs.writeFileSync(f, Buffer.concat([
      Buffer.from("Don vi,So ho so truc tuyen,Tong so ho so phat sinh,TK dinh danh muc 2,So nguoi co CCCD\nXa", "latin1"),
      Buffer.from([0xde]),
      Buffer.from(" Mong,9,10,9,10\n", "latin1"),
    ]));
    const r = await run([f, "--plan", "hg-165", "--level", "xa"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("UTF-8");
    const ok = await run([f, "--plan", "hg-165", "--level", "xa", "--json", "--encoding", "windows-1258"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)[0].unit).toBe("Xã Mong");
  });
  it("a UTF-16 CSV with a BOM is read", async () => {
    const f = path.join(dir, "utf16.csv");
    const text = "Đơn vị\tSố hồ sơ trực tuyến\tTổng số hồ sơ phát sinh\tTK định danh mức 2\tSố người có CCCD\nXã Ia Tơr\t9\t10\t9\t10\n";
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]));
    const r = await run([f, "--plan", "hg-165", "--level", "xa", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)[0].unit).toBe("Xã Ia Tơr");
  });
  it("nothing scorable: exit 1", async () => {
    const f = path.join(dir, "allbad.csv");
    fs.writeFileSync(f, "Đơn vị,Số hồ sơ trực tuyến,Tổng số hồ sơ phát sinh,TK định danh mức 2,Số người có CCCD\nXã 1,,,,\n");
    expect((await run([f, "--plan", "hg-165", "--level", "xa"])).code).toBe(1);
  });
});

describe("the scored workbook", () => {
  it("keeps the input sheets and adds the results, rules and chart sheets", async () => {
    const out = path.join(dir, "scored.xlsx");
    const r = await run([SAMPLE, "--plan", "hg-165", "-o", out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Số liệu 2023", "Ghi chú", "Kết quả DVC", "Quy tắc DVC", "Biểu đồ DVC"]);
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.readFile(SAMPLE);
    const a = orig.getWorksheet("Số liệu 2023")!;
    const b = wb.getWorksheet("Số liệu 2023")!;
    a.eachRow((row, i) => row.eachCell((cell, j) => expect(b.getCell(i, j).value).toEqual(cell.value)));
  });
});

describe("the add-in's own sheets in a workbook scored again", () => {
  const sheetNames = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return { names: wb.worksheets.map((w) => w.name), markers: wb.definedNames.model };
  };

  it("marks its sheets and replaces only them when a scored workbook is scored again", async () => {
    const first = path.join(dir, "scored-once.xlsx");
    const second = path.join(dir, "scored-twice.xlsx");
    expect((await run([SAMPLE, "--plan", "hg-165-2023", "-o", first])).code).toBe(0);
    const once = await sheetNames(first);
    expect(once.markers).toEqual(
      expect.arrayContaining([
        { name: "DVC_THIDUA_RESULTS", ranges: ["'Kết quả DVC'!$A$1"] },
        { name: "DVC_THIDUA_RULES", ranges: ["'Quy tắc DVC'!$A$1"] },
      ]),
    );
    expect((await run([first, "--plan", "hg-165-2023", "-o", second])).code).toBe(0);
    const twice = await sheetNames(second);
    expect(twice.names).toEqual(once.names);
    expect(twice.markers).toHaveLength(once.markers.length);
  });

  it("refuses, writing nothing, when a sheet of the user's has the results sheet's name", async () => {
    const input = path.join(dir, "user-sheet-named-like-results.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.addWorksheet("Kết quả DVC").getCell("A1").value = "ghi chú của người dùng";
    await wb.xlsx.writeFile(input);
    const output = path.join(dir, "never-written.xlsx");
    const r = await run([input, "--plan", "hg-165-2023", "-o", output]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('"Kết quả DVC" không do DVC Thi đua tạo ra');
    expect(fs.existsSync(output)).toBe(false);
  });
});

describe("phase timings for the bench", () => {
  const timings = (err: string) => err.split("\n").filter((l) => l.startsWith("DVC_TIMINGS "));
  afterEach(() => {
    delete process.env.DVC_TIMINGS;
  });

  it("prints one line of phases, in the order they ran, with DVC_TIMINGS=1 and only then", async () => {
    const output = path.join(dir, "timed.xlsx");
    const plain = await run([SAMPLE, "--plan", "hg-165", "-o", output, "--quiet"]);
    expect(plain.code).toBe(0);
    expect(timings(plain.err)).toEqual([]);

    process.env.DVC_TIMINGS = "1";
    const timed = await run([SAMPLE, "--plan", "hg-165", "-o", output, "--quiet", "--json"]);
    expect(timed.code).toBe(0);
    const lines = timings(timed.err);
    expect(lines).toHaveLength(1);
    const phases = JSON.parse(lines[0].slice("DVC_TIMINGS ".length)) as Record<string, number>;
    expect(Object.keys(phases)).toEqual(["start", "read", "score", "layout", "write", "json"]);
    for (const ms of Object.values(phases)) expect(ms).toBeGreaterThanOrEqual(0);
    // the JSON on stdout stays clean
    expect(JSON.parse(timed.out)).toHaveLength(83);
  });
});
