import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { buildRegistry, getPlan, listPlans, PlanDefinitionError, planProblems } from "../../src/plans";
import { normalizeKey } from "../../src/engine";
import type { Plan } from "../../src/engine";

// the plans' source documents (../shared/seeds), copied into the repository: every citation names one
const SEEDS = join(__dirname, "seeds");

describe("plans registry", () => {
  it("holds the five plans and the QĐ 766 groups", () => {
    expect(listPlans().map((p) => p.id).sort()).toEqual(["hg-126-2023", "hg-165-2023", "iator-32-2024", "ls-170-2023", "np-236-2022", "qd-766"]);
  });
  it("every plan validates", () => {
    for (const p of listPlans()) expect(planProblems(p)).toEqual([]);
  });
  it("getPlan throws in Vietnamese on an unknown id; ignores case", () => {
    expect(() => getPlan("hg-999")).toThrow(/Không có kế hoạch/);
    expect(getPlan("HG-165-2023").id).toBe("hg-165-2023");
  });
  it("a broken plan fails at load", () => {
    const good = getPlan("hg-165-2023");
    const broken: Plan = JSON.parse(JSON.stringify(good));
    broken.criteria[0].source = "";
    broken.criteria[1].threshold = 80;
    broken.readings[0].text.en = "";
    expect(() => buildRegistry([broken])).toThrow(PlanDefinitionError);
    const problems = planProblems(broken);
    expect(problems).toEqual([
      "Cách hiểu 1 (threshold_inclusive), văn bản: văn bản tiếng Anh để trống",
      expect.stringMatching(/^Tiêu chí 1 \(online_ratio, cấp huyện\): nguồn để trống/),
      "Tiêu chí 2 (eid_ratio, cấp huyện): ngưỡng 80 — phải là tỷ lệ lớn hơn 0 và không quá 100%, ghi dạng số thập phân (0.9 là 90%); có lẽ là 80%, tức 0.8?",
    ]);
  });
  it("a criterion pointing at an unknown input or criteria not summing to 100 fail", () => {
    const broken: Plan = JSON.parse(JSON.stringify(getPlan("hg-165-2023")));
    broken.criteria[0].numerator = "khong_co";
    broken.criteria[2].maxPoints = 50;
    const p = planProblems(broken).join("\n");
    expect(p).toMatch(/tử số "khong_co" không phải mã đầu vào nào/);
    expect(p).toMatch(/các tiêu chí cấp xã cộng lại 90 điểm tối đa \(online_ratio 50 \+ eid_ratio 40\) ≠ 100/);
  });
  it("an option whose default is not among its values fails", () => {
    const broken: Plan = JSON.parse(JSON.stringify(getPlan("ls-170-2023")));
    broken.readings.find((r) => r.option)!.option!.default = "gấp đôi";
    expect(() => buildRegistry([broken])).toThrow(/mặc định/);
  });
});

describe("citations point at real seeds", () => {
  // a user's plan may cite any document; the built-in ones cite the seed file they were read from
  it("every clause of src/plans/*.json has the seed form \"<seed file> §<section>\"", () => {
    const SOURCE = /^(\d{3}_[0-9a-f]{16}\.txt|PLANS\.md) §\S.*$/;
    const dir = join(__dirname, "..", "..", "src", "plans");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(6);
    const bad: string[] = [];
    let count = 0;
    const visit = (v: unknown, where: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${where}[${i}]`));
      else if (v && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          if (/^source$|Source$/.test(k)) {
            count++;
            if (typeof x !== "string" || !x.split("; ").every((part) => SOURCE.test(part))) bad.push(`${where}.${k}: ${String(x)}`);
          } else visit(x, `${where}.${k}`);
        }
      }
    };
    for (const f of files) visit(JSON.parse(readFileSync(join(dir, f), "utf8")), f);
    expect(count).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });
  it("every seed file named exists and every plan cites its own seed", () => {
    for (const p of listPlans()) {
      const all = JSON.stringify(p).match(/\d{3}_[0-9a-f]{16}\.txt/g) ?? [];
      for (const f of new Set(all)) expect(() => readFileSync(join(SEEDS, f))).not.toThrow();
      if (p.seed) expect(all.every((f) => f === p.seed)).toBe(true);
    }
  });
  it("hg-165 sections as in the seed", () => {
    const p = getPlan("hg-165-2023");
    expect(p.criteria.filter((c) => c.level === "huyen").map((c) => c.source)).toEqual(Array(2).fill("000_e8cf8ffdb6dfbfb5.txt §III.2.a"));
    expect(p.criteria.filter((c) => c.level === "xa").map((c) => c.source)).toEqual(Array(2).fill("000_e8cf8ffdb6dfbfb5.txt §III.2.b"));
    expect(p.awards.find((a) => a.code === "district_first")!.source).toBe("000_e8cf8ffdb6dfbfb5.txt §IV.2.a");
    expect(p.awards.find((a) => a.code === "district_first")!.bonusSource).toBe("000_e8cf8ffdb6dfbfb5.txt §IV.4.a");
  });
  it("hg-165 numbers as in PLANS.md", () => {
    const p = getPlan("hg-165-2023");
    const c = (l: string, id: string) => p.criteria.find((x) => x.level === l && x.id === id)!;
    expect([c("huyen", "online_ratio").threshold, c("huyen", "eid_ratio").threshold, c("xa", "online_ratio").threshold, c("xa", "eid_ratio").threshold]).toEqual([0.9, 0.8, 1, 0.9]);
    expect(c("xa", "online_ratio").floor).toBe(0.7);
    expect(p.awards.filter((a) => a.rank).map((a) => [a.prize, a.bonusPoints])).toEqual([[20e6, 3], [15e6, 2], [10e6, 1]]);
    const ind = p.quotas.find((q) => q.id === "individuals_per_district")!;
    const by = Object.fromEntries(Object.entries(ind.byGroup!).map(([k, v]) => [normalizeKey(k), v]));
    expect(by["phung hiep"]).toBe(3);
    expect(by["nga bay"]).toBe(1);
    // 8 districts (two named Long Mỹ, both 2): 2 + 1 + 2 + 2 + 2 + 3 + 2 + 2 = 16
    expect(Object.values(ind.byGroup!).reduce((s, n) => s + n, 0) + 2).toBe(16);
  });
});

describe("readings of PLANS.md are data with vi and en text", () => {
  const ids = (id: string) => getPlan(id).readings.map((r) => r.id);
  it.each([
    ["hg-165-2023", ["threshold_inclusive", "zero_denominator", "numerator_exceeds", "hg165_commune_mean", "hg165_below_floor", "hg165_tiebreak"]],
    ["np-236-2022", ["np236_score", "np236_provincial_not_in_district"]],
    ["ls-170-2023", ["ls170_plus5", "ls170_assigned"]],
    ["iator-32-2024", ["iator_target_in_force"]],
    ["qd-766", ["qd766_estimate"]],
  ])("%s", (id, expected) => expect(ids(id)).toEqual(expect.arrayContaining(expected)));
  it("configurable readings are options", () => {
    expect(getPlan("ls-170-2023").readings.find((r) => r.id === "ls170_plus5")!.option).toMatchObject({ name: "plusMode", default: "points" });
    expect(getPlan("np-236-2022").readings.find((r) => r.id === "np236_provincial_not_in_district")!.option).toMatchObject({ default: false });
  });
  it("texts are NFC Vietnamese", () => {
    for (const p of listPlans()) for (const r of p.readings) expect(r.text.vi).toBe(r.text.vi.normalize("NFC"));
  });
});

describe("input headers", () => {
  it("hg-165 maps typical workbook wordings", () => {
    const p = getPlan("hg-165-2023");
    const find = (h: string) => p.inputs.find((i) => i.headers.some((x) => normalizeKey(x) === normalizeKey(h)))?.id;
    expect(find("HS trực tuyến")).toBe("online_dossiers");
    expect(find("Tổng số hồ sơ phát sinh")).toBe("all_dossiers");
    expect(find("TONG SO HO SO PHAT SINH")).toBe("all_dossiers");
    expect(find("Số tài khoản định danh mức 2 đã kích hoạt")).toBe("eid_activated");
    expect(find("Số người có CCCD")).toBe("citizens_with_cccd");
  });
  it("no header maps to two inputs of one plan", () => {
    for (const p of listPlans()) {
      const seen = new Map<string, string>();
      for (const i of p.inputs) for (const h of i.headers) {
        const k = normalizeKey(h);
        if (seen.has(k) && seen.get(k) !== i.id) throw new Error(`${p.id}: "${h}" maps to ${seen.get(k)} and ${i.id}`);
        seen.set(k, i.id);
      }
    }
  });
});
