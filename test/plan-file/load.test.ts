/**
 * Plan files: JSON and YAML read with the line and column of every problem, syntax errors at their
 * line, and the plan checked by checkPlan with its origin recorded.
 */
import * as fs from "fs";
import * as path from "path";
import { loadPlanFile, planFileFormat, readPlanText, MAX_PLAN_FILE_BYTES, tooLarge } from "../../src/plan-file";
import { getPlan, listPlans } from "../../src/plans";

const PLANS = path.join(__dirname, "..", "..", "src", "plans");
const SAMPLE = fs.readFileSync(path.join(__dirname, "fixtures", "kh-mau-2026.yaml"), "utf8");
const texts = (r: ReturnType<typeof readPlanText>) => r.problems.map((p) => p.text);

describe("a good plan file", () => {
  it("each built-in plan's own file reads back as that plan, with its origin", () => {
    for (const p of listPlans()) {
      const file = `${p.id === "qd-766" ? "qd-766" : p.id}.json`;
      const r = readPlanText(fs.readFileSync(path.join(PLANS, file), "utf8"), file);
      expect(r.problems).toEqual([]);
      expect(r.plan).toEqual({ ...p, origin: { kind: "file", name: file } });
    }
  });
  it("the same plan in YAML and in JSON is the same plan", () => {
    const y = readPlanText(SAMPLE, "kh.yaml").plan!;
    const j = readPlanText(JSON.stringify(y, null, 2), "kh.json").plan!;
    expect(y.origin).toEqual({ kind: "file", name: "kh.yaml" });
    expect({ ...j, origin: null }).toEqual({ ...y, origin: null });
  });
  it("a byte-order mark, UTF-16 from Notepad, CRLF line ends", () => {
    const bytes = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
    expect(loadPlanFile(bytes("\ufeff" + SAMPLE), "kh.yaml").problems).toEqual([]);
    expect(loadPlanFile(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, "utf16le")])), "kh.yaml").problems).toEqual([]);
    expect(readPlanText(SAMPLE.replace(/\n/g, "\r\n"), "kh.yaml").problems).toEqual([]);
  });
  it("tells the format by the extension", () => {
    expect(["a.json", "a.JSON", "b.yaml", "c.yml", "d.xlsx", "json"].map(planFileFormat)).toEqual(["json", "json", "yaml", "yaml", null, null]);
  });
});

describe("problems at their line", () => {
  const hg = fs.readFileSync(path.join(PLANS, "hg-165-2023.json"), "utf8");
  const lineOf = (text: string, needle: string, nth = 0) => text.split("\n").map((l, i) => [l, i + 1] as const).filter(([l]) => l.includes(needle))[nth][1];

  it("a JSON value: the line and column of the value itself", () => {
    const text = hg.replace('"threshold": 0.8', '"threshold": 80');
    const line = lineOf(text, '"threshold": 80');
    const col = text.split("\n")[line - 1].indexOf("80") + 1;
    expect(texts(readPlanText(text, "plan.json"))).toEqual([
      `plan.json dòng ${line}, cột ${col}: Tiêu chí 2 (eid_ratio, cấp huyện): ngưỡng 80 — phải là tỷ lệ lớn hơn 0 và không quá 100%, ghi dạng số thập phân (0.9 là 90%); có lẽ là 80%, tức 0.8?`,
    ]);
  });
  it("a missing field: the line of the object that lacks it", () => {
    const text = hg.replace('"source": "000_e8cf8ffdb6dfbfb5.txt §IV.2.b",\n      "level": "xa",\n      "maxCollectives"', '"level": "xa",\n      "maxCollectives"');
    expect(text).not.toBe(hg);
    const r = readPlanText(text, "plan.json");
    const line = lineOf(text, '"code": "commune_merit"') - 1; // the "{" above the award's first key
    expect(r.problems.map((p) => [p.line, p.col, p.message])).toEqual([[line, 5, 'Khen thưởng 4 (commune_merit): thiếu nguồn ("source")']]);
  });
  it("YAML: a value, an empty value, a problem about the whole plan, in the order of the file", () => {
    const text = SAMPLE.replace("maxPoints: 70\n", "maxPoints: 60\n").replace("    threshold: 0.8 ", "    threshold: 80  ").replace("    label: Tỷ lệ hồ sơ được số hóa\n", "    label:\n");
    const r = readPlanText(text, "kh.yaml");
    const at = (needle: string) => lineOf(text, needle);
    expect(r.problems.map((p) => [p.line, p.col, p.message.replace(/ — .*|: các tiêu chí.*/, "")])).toEqual([
      [at("totalPoints: 100"), 14, "Kế hoạch"],
      [at("threshold: 80"), 16, "Tiêu chí 1 (online_ratio, cấp xã): ngưỡng 80"],
      // "label:" with nothing after it: the place just after the colon
      [text.split("\n").indexOf("    label:") + 1, 11, "Tiêu chí 2 (digitised_ratio, cấp xã): tên phải là chuỗi văn bản, không phải null"],
    ]);
    expect(r.problems[0].text).toBe(`kh.yaml dòng ${at("totalPoints: 100")}, cột 14: Kế hoạch: các tiêu chí cấp xã cộng lại 90 điểm tối đa (online_ratio 60 + digitised_ratio 30) ≠ tổng 100 điểm của kế hoạch ("totalPoints")`);
  });
  it("YAML: a missing field, at the line of the record that lacks it", () => {
    const text = SAMPLE.replace("  - { code: commune_merit, label: Giấy khen của Chủ tịch UBND huyện, source: KH 12/KH-UBND §IV.1, level: xa }", "  - { code: commune_merit, label: Giấy khen của Chủ tịch UBND huyện, level: xa }");
    expect(readPlanText(text, "kh.yaml").problems.map((p) => [p.line, p.col, p.message])).toEqual([[lineOf(text, "code: commune_merit"), 5, 'Khen thưởng 1 (commune_merit): thiếu nguồn ("source")']]);
  });
  it("problems come in the order of the file", () => {
    const text = SAMPLE.replace("source: KH 12/KH-UBND §IV.1, level: xa }", "level: xa }").replace("version: \"2026.1\"", "version: 2026.1");
    const lines = readPlanText(text, "kh.yaml").problems.map((p) => p.line as number);
    expect(lines).toHaveLength(2);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe("syntax errors at their line", () => {
  it("JSON: a trailing comma, a missing comma, a cut-off file, a comment", () => {
    const base = '{\n  "id": "x",\n  "version": "1"\n}\n';
    expect(texts(readPlanText(base.replace('"1"', '"1",'), "p.json"))).toEqual(["p.json dòng 4, cột 1: lỗi cú pháp JSON: cần tên trường trong ngoặc kép; có thể là dấu phẩy thừa trước dấu }"]);
    expect(texts(readPlanText(base.replace('"x",', '"x"'), "p.json"))).toEqual(["p.json dòng 3, cột 3: lỗi cú pháp JSON: thiếu dấu phẩy hoặc dấu } sau giá trị"]);
    expect(texts(readPlanText(base.slice(0, 24), "p.json"))).toEqual(["p.json dòng 3, cột 10: lỗi cú pháp JSON: chuỗi chưa đóng ngoặc kép"]);
    expect(texts(readPlanText('{"id": "x"', "p.json"))).toEqual(["p.json dòng 1, cột 11: lỗi cú pháp JSON: thiếu dấu phẩy hoặc dấu } sau giá trị"]);
    expect(texts(readPlanText('{\n  // chú thích\n  "id": "x"\n}', "p.json"))[0]).toMatch(/^p\.json dòng 2, cột 3: lỗi cú pháp JSON: /);
  });
  it("a key written twice is an error, in JSON too (JSON.parse would keep the last)", () => {
    expect(texts(readPlanText('{\n  "id": "x",\n  "id": "y"\n}', "p.json"))).toEqual(['p.json dòng 3, cột 3: lỗi cú pháp JSON: khóa "id" ghi hai lần trong cùng một đối tượng: chỉ giữ một']);
    expect(texts(readPlanText("id: x\nversion: '1'\nid: y\n", "p.yaml"))).toEqual(["p.yaml dòng 3, cột 1: lỗi cú pháp YAML: khóa id ghi hai lần trong cùng một đối tượng: chỉ giữ một"]);
  });
  it("YAML: bad indentation, a tab, two documents", () => {
    expect(texts(readPlanText("id: x\nlevels: [xa,\nkind: targets\n", "p.yaml"))[0]).toMatch(/^p\.yaml dòng 3, cột 1: lỗi cú pháp YAML: /);
    expect(texts(readPlanText("inputs:\n\t- id: unit\n", "p.yml"))[0]).toMatch(/^p\.yml dòng 2, cột 1: lỗi cú pháp YAML: thụt lề bằng phím Tab/);
    expect(texts(readPlanText("id: x\n---\nid: y\n", "p.yaml"))).toEqual(["p.yaml dòng 2, cột 1: lỗi cú pháp YAML: tệp có nhiều hơn một tài liệu YAML (dấu ---): mỗi tệp chỉ ghi một kế hoạch"]);
  });
  it("an empty file, a file that is not UTF-8, a file too large to be a plan", () => {
    expect(texts(readPlanText(" \n", "p.yaml"))).toEqual(["p.yaml: tệp trống: chưa có kế hoạch nào"]);
    expect(texts(readPlanText("# chỉ có chú thích\n", "p.yaml"))).toEqual(["p.yaml: tệp trống: chưa có kế hoạch nào"]);
    expect(texts(loadPlanFile(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe0, 0x0a]), "p.yaml"))).toEqual(["p.yaml: tệp không phải văn bản UTF-8: hãy lưu lại tệp với bảng mã UTF-8"]);
    expect(tooLarge(MAX_PLAN_FILE_BYTES, "p.json")).toBeNull();
    expect(texts(tooLarge(MAX_PLAN_FILE_BYTES + 1, "p.json")!)[0]).toMatch(/^p\.json: tệp lớn 2049 KB, quá 2 MB/);
  });
  it("a YAML alias bomb is refused, not expanded", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    expect(texts(readPlanText(bomb, "p.yaml"))).toEqual(["p.yaml: lỗi cú pháp YAML: tệp dùng bí danh (*…) quá nhiều lần"]);
  });
});

describe("the plan file is the plan model", () => {
  it("getPlan's plan and its file agree field for field", () => {
    const p = getPlan("hg-165-2023");
    expect(JSON.parse(fs.readFileSync(path.join(PLANS, "hg-165-2023.json"), "utf8"))).toEqual(p);
  });
});

describe("docs/plan-file.md", () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "plan-file.md"), "utf8");
  it("its complete example is the sample plan, and it is valid", () => {
    const block = /## Ví dụ đầy đủ[^\n]*\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBe(SAMPLE);
    expect(readPlanText(block!, "ke-hoach.yaml").problems).toEqual([]);
  });
  it("its weekly index example is the checked fixture test/plan-file/fixtures/index-weekly.plan.json, and it is valid", () => {
    const fixture = fs.readFileSync(path.join(__dirname, "fixtures", "index-weekly.plan.json"), "utf8");
    const block = /## Xếp hạng theo điểm Bộ chỉ số[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBe(fixture);
    const r = readPlanText(block!, "chi-so-tuan.json");
    expect(r.problems).toEqual([]);
    expect(r.plan).toMatchObject({ kind: "imported_points", totalPoints: 100, levels: ["tinh", "xa"] });
    expect(r.plan!.imported!.groups.map((g) => g.maxPoints)).toEqual([18, 20, 12, 10, 22, 18]);
  });
  it("its sample messages are the ones the sample gives, broken as they say", () => {
    const text = SAMPLE.replace("maxPoints: 70\n", "maxPoints: 60\n").replace("    threshold: 0.8 ", "    threshold: 80  ");
    const got = readPlanText(text, "ke-hoach.yaml").problems.map((p) => p.text);
    const shown = doc.split("\n").filter((l) => l.startsWith("ke-hoach.yaml dòng"));
    expect(shown).toHaveLength(2);
    for (const line of shown) expect(got).toContain(line);
  });
});
