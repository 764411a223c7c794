/**
 * `plan check FILE|ID` and `score --plan FILE`: a plan file on the command line.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli";
import { isPlanFileArg, loadPlanArg, PlanSourceError, resolvePlanArg } from "../../src/cli/plan-source";
import { getPlan } from "../../src/plans";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-plan-"));
const SAMPLE_PLAN = path.join(__dirname, "..", "plan-file", "fixtures", "kh-mau-2026.yaml");
const HG = path.join(__dirname, "..", "..", "src", "plans", "hg-165-2023.json");
const BOOK = path.join(__dirname, "..", "..", "assets", "samples", "hau-giang-2023.xlsx");

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function write(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

describe("plan check", () => {
  it("a good file: exit 0 and one paragraph on the plan", async () => {
    const r = await run(["plan", "check", SAMPLE_PLAN]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n")).toHaveLength(1);
    expect(r.out).toContain(`${SAMPLE_PLAN}: hợp lệ. Kế hoạch "Xã Mẫu — KH 12/KH-UBND: thi đua dịch vụ công trực tuyến năm 2026" (KH 12/KH-UBND ngày 15/01/2026; mã kh-mau-2026, phiên bản 2026.1)`);
    expect(r.out).toContain("Cấp xã: 2 tiêu chí, tổng 100 điểm (online_ratio 70, digitised_ratio 30); 1 điểm cộng tối đa 5 điểm.");
    expect(r.err).toBe("");
  });
  it("a broken file: exit 1 and one line per problem, at its line", async () => {
    const text = fs.readFileSync(HG, "utf8").replace('"threshold": 0.8', '"threshold": 80').replace('"kind": "count"', '"kind": "counts"');
    const f = write("hg-broken.json", text);
    const r = await run(["plan", "check", f]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^hg-broken\.json dòng \d+, cột \d+: Đầu vào 4 \(online_dossiers\): loại "counts" không có; .* Có lẽ là "count"\?$/);
    expect(lines[1]).toMatch(/^hg-broken\.json dòng \d+, cột 20: Tiêu chí 2 \(eid_ratio, cấp huyện\): ngưỡng 80 — .*có lẽ là 80%, tức 0\.8\?$/);
    expect(r.err).toBe("2 lỗi: kế hoạch chưa dùng được.\n");
  });
  it("a syntax error: exit 1, its line", async () => {
    const f = write("bad.yaml", "id: x\nlevels: [xa\nkind: targets\n");
    const r = await run(["plan", "check", f]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^bad\.yaml dòng 3, cột 1: lỗi cú pháp YAML: /);
  });
  it("a built-in id checks the built-in plan", async () => {
    const r = await run(["plan", "check", "hg-165"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^hg-165-2023: hợp lệ\. Kế hoạch ".*" \(KH 165\/KH-UBND; mã hg-165-2023, phiên bản 2023\.1\): chấm điểm theo tỷ lệ, cấp huyện, xã\. Cấp huyện: 2 tiêu chí, tổng 100 điểm/);
  });
  it("exit 2: no such file, no such id, no argument, an unknown subcommand", async () => {
    const missing = await run(["plan", "check", path.join(dir, "khong-co.json")]);
    expect([missing.code, missing.out]).toEqual([2, ""]);
    expect(missing.err).toMatch(/^Lỗi: Không đọc được tệp kế hoạch ".*khong-co\.json": không có tệp này\.\n$/);
    const id = await run(["plan", "check", "hg-999"]);
    expect(id.code).toBe(2);
    expect(id.err).toMatch(/Không có kế hoạch "hg-999"; các kế hoạch: .*hoặc ghi đường dẫn một tệp kế hoạch/);
    expect((await run(["plan", "check"])).code).toBe(2);
    const sub = await run(["plan", "moi"]);
    expect(sub.code).toBe(2);
    expect(sub.err).toContain("Lệnh không có / Unknown subcommand: plan moi");
  });
  it("help, in Vietnamese and English, from the command list too", async () => {
    const h = await run(["plan", "--help"]);
    expect(h.code).toBe(0);
    expect(h.out).toContain("check  Kiểm tra một kế hoạch / Check a plan");
    expect(h.out).toContain("docs/plan-file.md");
    expect((await run(["help"])).out).toMatch(/plan +Kiểm tra một kế hoạch/);
    expect((await run(["score", "--help"])).out).toContain("hoặc một tệp kế hoạch\n               .json / .yaml / .yml");
  });
});

describe("the plan argument", () => {
  it("a path that exists or ends in .json/.yaml/.yml is a file; anything else an id", () => {
    const noExt = write("ke-hoach", fs.readFileSync(SAMPLE_PLAN, "utf8"));
    expect([HG, SAMPLE_PLAN, noExt, "khong-co.yml", "x.JSON"].map(isPlanFileArg)).toEqual([true, true, true, true, true]);
    expect(["hg-165", "hg-165-2023", "qd-766"].map(isPlanFileArg)).toEqual([false, false, false]);
  });
  it("resolves to a plan with its origin; a built-in one without", async () => {
    const noExt = write("ke-hoach-2", fs.readFileSync(SAMPLE_PLAN, "utf8"));
    expect((await resolvePlanArg(noExt)).origin).toEqual({ kind: "file", name: "ke-hoach-2" });
    expect(await resolvePlanArg("hg-165")).toBe(getPlan("hg-165-2023"));
    expect((await loadPlanArg("ls-170")).file).toBeNull();
    const bad = write("bad.json", "{}");
    await expect(resolvePlanArg(bad)).rejects.toThrow(PlanSourceError);
    await expect(resolvePlanArg(bad)).rejects.toThrow(/^Tệp kế hoạch ".*bad\.json" có \d+ lỗi, chưa dùng được:\n  bad\.json dòng 1, cột 1: Kế hoạch: thiếu mã kế hoạch \("id"\)/);
  });
});

describe("score --plan FILE", () => {
  it("a built-in plan's file scores as the built-in plan", async () => {
    const byId = await run(["score", BOOK, "--plan", "hg-165", "--json", "-q"]);
    const byFile = await run(["score", BOOK, "--plan", HG, "--json", "-q"]);
    expect([byId.code, byFile.code]).toEqual([0, 0]);
    expect(JSON.parse(byFile.out)).toEqual(JSON.parse(byId.out));
  });
  it("a YAML copy of it too", async () => {
    const { stringify } = await import("yaml");
    const f = write("hg.yaml", stringify(JSON.parse(fs.readFileSync(HG, "utf8"))));
    const byId = await run(["score", BOOK, "--plan", "hg-165", "--json", "-q"]);
    const byFile = await run(["score", BOOK, "--plan", f, "--json", "-q"]);
    expect(byFile.code).toBe(0);
    expect(JSON.parse(byFile.out)).toEqual(JSON.parse(byId.out));
  });
  it("a broken plan file: nothing scored, exit 2, the problems listed", async () => {
    const f = write("hg-bad.json", fs.readFileSync(HG, "utf8").replace('"maxPoints": 40', '"maxPoints": 30'));
    const r = await run(["score", BOOK, "--plan", f, "-o", path.join(dir, "out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^Lỗi: Tệp kế hoạch ".*hg-bad\.json" có 1 lỗi, chưa dùng được:\n  hg-bad\.json dòng \d+, cột \d+: Kế hoạch: các tiêu chí cấp huyện cộng lại 90 điểm tối đa/);
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  });
  it("an unknown id keeps the usage text", async () => {
    const r = await run(["score", BOOK, "--plan", "hg-999"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Cách dùng / Usage:");
  });
});
