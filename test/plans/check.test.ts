/**
 * checkPlan: every problem located by its path and told in Vietnamese, naming the field as a person
 * reads it. The plan checked is the sample user plan of docs/plan-file.md, broken one way at a time.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parse } from "yaml";
import { checkPlan, getPlan, listPlans, planSummary } from "../../src/plans";
import type { PlanProblem } from "../../src/plans";

const SAMPLE = join(__dirname, "..", "plan-file", "fixtures", "kh-mau-2026.yaml");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const sample = (): Any => parse(readFileSync(SAMPLE, "utf8"));

/** The problems of the sample after `change`, as "path: message". */
function problems(change: (p: Any) => void, base: Any = sample()): string[] {
  change(base);
  const r = checkPlan(base);
  expect(r.plan === null).toBe(r.problems.length > 0);
  return r.problems.map((p: PlanProblem) => `${p.path.join(".")}: ${p.message}`);
}

describe("checkPlan accepts", () => {
  it("the built-in plans, unchanged", () => {
    for (const p of listPlans()) expect([p.id, checkPlan(p).problems]).toEqual([p.id, []]);
  });
  it("the sample user plan, citing its own document (not the seed form)", () => {
    const r = checkPlan(sample());
    expect(r.problems).toEqual([]);
    expect(r.plan!.criteria[0].source).toBe("KH 12/KH-UBND §III.1");
  });
  it("a plan without the lists it does not use, filling them in as empty, and no seed as null", () => {
    const r = checkPlan((({ awards, quotas, readings, ...rest }) => rest)(sample()));
    expect(r.problems).toEqual([]);
    expect(r.plan).toMatchObject({ awards: [], quotas: [], readings: [], targets: [], seed: null });
  });
  it("an editor's $schema, leaving it out of the plan", () => {
    const r = checkPlan({ $schema: "../schema/plan.schema.json", ...sample() });
    expect(r.problems).toEqual([]);
    expect(r.plan).not.toHaveProperty("$schema");
  });
  it("any clause a person can cite: a section, a document and section, several", () => {
    for (const s of ["Mục III.1", "KH 12/KH-UBND §III.1", "Điều 5; Điều 6", "Phụ lục I"]) expect(problems((p) => (p.criteria[0].source = s))).toEqual([]);
  });
});

describe("the issue's examples", () => {
  it("an unknown kind lists the allowed values and the likely one", () => {
    expect(problems((p) => (p.inputs[2].kind = "counts"))).toEqual([
      'inputs.2.kind: Đầu vào 3 (online_dossiers): loại "counts" không có; dùng một trong: count (số lượng), ratio (tỷ lệ), text (chữ), date (ngày), boolean (có / không), number (số), signed (số có dấu). Có lẽ là "count"?',
    ]);
    expect(problems((p) => (p.kind = "diem_ty_le"))[0]).toMatch(/^kind: Kế hoạch: loại kế hoạch "diem_ty_le" không có; dùng một trong: ratio_points \(chấm điểm theo tỷ lệ\), targets/);
  });
  it("a threshold of 90 where 90% was meant", () => {
    expect(problems((p) => (p.criteria[1].threshold = 60))).toEqual([
      "criteria.1.threshold: Tiêu chí 2 (digitised_ratio, cấp xã): ngưỡng 60 — phải là tỷ lệ lớn hơn 0 và không quá 100%, ghi dạng số thập phân (0.9 là 90%); có lẽ là 60%, tức 0.6?",
    ]);
    // above 100 it cannot be a percent: no guess
    expect(problems((p) => (p.criteria[0].threshold = 800))[0]).toMatch(/ngưỡng 800 — phải là tỷ lệ lớn hơn 0 và không quá 100%, ghi dạng số thập phân \(0\.9 là 90%\)$/);
    expect(problems((p) => (p.criteria[0].threshold = "80%"))[0]).toMatch(/ngưỡng phải là số, không phải chuỗi "80%"; ghi 0\.8 không có ngoặc kép$/);
  });
  it("maxima that do not add up to the stated total name both numbers", () => {
    expect(problems((p) => (p.criteria[0].maxPoints = 60))).toEqual([
      'totalPoints: Kế hoạch: các tiêu chí cấp xã cộng lại 90 điểm tối đa (online_ratio 60 + digitised_ratio 30) ≠ tổng 100 điểm của kế hoạch ("totalPoints")',
    ]);
    expect(problems((p) => (p.totalPoints = 120))).toEqual([
      'totalPoints: Kế hoạch: các tiêu chí cấp xã cộng lại 100 điểm tối đa (online_ratio 70 + digitised_ratio 30) ≠ tổng 120 điểm của kế hoạch ("totalPoints")',
    ]);
    const noTotal = problems((p) => {
      delete p.totalPoints;
      p.criteria[0].maxPoints = 60;
    });
    expect(noTotal).toEqual(['criteria: Kế hoạch: các tiêu chí cấp xã cộng lại 90 điểm tối đa (online_ratio 60 + digitised_ratio 30) ≠ 100 điểm (kế hoạch không ghi "totalPoints": mặc định 100)']);
    // a stated total other than 100 is met
    expect(problems((p) => {
      p.totalPoints = 90;
      p.criteria[0].maxPoints = 60;
    })).toEqual([]);
  });
  it("a quota with no award", () => {
    expect(problems((p) => delete p.quotas[0].awardCodes)).toEqual([
      'quotas.0.awardCodes: Hạn mức 1 (per_cluster): không hình thức khen thưởng nào dùng hạn mức này: ghi mã khen thưởng vào "awardCodes" (hạn mức tập thể phải gắn với hình thức khen thưởng mà nó giới hạn)',
    ]);
    expect(problems((p) => (p.quotas[0].awardCodes = ["giay_khen"]))).toEqual([
      'quotas.0.awardCodes.0: Hạn mức 1 (per_cluster), các hình thức khen thưởng: "giay_khen" không phải mã khen thưởng nào của kế hoạch; các mã: commune_merit',
    ]);
    // individuals are proposed by the council, not awarded by the tool (hg-165 §IV.2.c): a quota of places alone
    expect(problems((p) => {
      p.quotas[0].subject = "individual";
      delete p.quotas[0].awardCodes;
    })).toEqual([]);
    expect(getPlan("hg-165-2023").quotas.filter((q) => !q.awardCodes).map((q) => q.subject)).toEqual(["individual", "individual"]);
  });
  it("a missing or blank source clause, wherever the rule is", () => {
    const out = problems((p) => {
      delete p.criteria[0].source;
      p.quotas[0].source = "  ";
      delete p.awards[0].source;
      p.readings[0].source = "";
      delete p.bonuses[0].source;
      delete p.period.source;
    });
    expect(out).toEqual([
      'period.source: Thời gian: thiếu nguồn ("source")',
      "readings.0.source: Cách hiểu 1 (blank_not_zero): nguồn để trống: ghi điều, mục của văn bản mà quy định dựa vào, ví dụ \"KH 12/KH-UBND §III.1\" hoặc \"Mục III.1\"",
      'criteria.0.source: Tiêu chí 1 (online_ratio, cấp xã): thiếu nguồn ("source")',
      "quotas.0.source: Hạn mức 1 (per_cluster): nguồn để trống: ghi điều, mục của văn bản mà quy định dựa vào, ví dụ \"KH 12/KH-UBND §III.1\" hoặc \"Mục III.1\"",
      'awards.0.source: Khen thưởng 1 (commune_merit): thiếu nguồn ("source")',
      'bonuses.0.source: Điểm cộng 1 (initiative): thiếu nguồn ("source")',
    ]);
    expect(problems((p) => (p.targets = [{ id: "x", label: "X", levels: ["xa"], rule: { kind: "fixed", value: 0.5 } }]))).toContain('targets.0.source: Chỉ tiêu 1 (x): thiếu nguồn ("source")');
  });
  it("a clause a rule's part needs: a floor, a prize, combining with communes", () => {
    expect(problems((p) => (p.criteria[0].floor = 0.5))).toEqual(['criteria.0.floorSource: Tiêu chí 1 (online_ratio, cấp xã): thiếu nguồn của ngưỡng xét ("floorSource"): cần khi có ngưỡng xét ("floor")']);
    expect(problems((p) => (p.awards[0].prize = 5e6))).toEqual(['awards.0.prizeSource: Khen thưởng 1 (commune_merit): thiếu nguồn của tiền thưởng ("prizeSource"): cần khi có tiền thưởng ("prize")']);
  });
});

describe("types and unknown fields", () => {
  it("a misspelt field is never ignored", () => {
    expect(problems((p) => {
      p.criteria[0].flor = 0.5;
    })).toEqual([expect.stringMatching(/^criteria\.0\.flor: Tiêu chí 1 \(online_ratio, cấp xã\): trường "flor" không có trong mẫu kế hoạch \(có lẽ là "floor"\?\); các trường ở đây: id, label, source/)]);
  });
  it("a version YAML read as a number says to quote it", () => {
    expect(problems((p) => (p.version = 2026.1))).toEqual(['version: Kế hoạch: phiên bản phải là chuỗi văn bản, không phải số 2026.1 (trong tệp YAML, đặt trong ngoặc kép: "2026.1")']);
  });
  it("levels by their Vietnamese names are guessed, not accepted", () => {
    expect(problems((p) => (p.levels = ["xã"]))).toEqual(expect.arrayContaining(['levels.0: Các cấp: mục thứ 1 "xã" không có; dùng một trong: tinh (tỉnh), huyen (huyện), xa (xã). Có lẽ là "xa"?']));
    expect(problems((p) => (p.levels = ["xa", "xa"]))).toEqual(['levels.1: Các cấp: "xa" ghi hai lần (mục thứ 1 và 2)']);
    expect(problems((p) => (p.quotas[0].level = "phuong"))[0]).toMatch(/^quotas\.0\.level: Hạn mức 1 \(per_cluster\): cấp "phuong" không có; dùng một trong: tinh/);
  });
  it("dates are real days written yyyy-mm-dd", () => {
    expect(problems((p) => (p.period.to = "31/12/2026"))).toEqual(['period.to: Thời gian: đến ngày "31/12/2026" — phải là một ngày có thật, dạng yyyy-mm-dd (ví dụ 2025-07-01); có lẽ là "2026-12-31"?']);
    expect(problems((p) => (p.documentDate = "2026-02-30"))[0]).toMatch(/^documentDate: Kế hoạch: ngày văn bản "2026-02-30" — phải là một ngày có thật/);
    expect(problems((p) => (p.period.from = "2027-01-01"))).toEqual(["period.to: Thời gian: đến ngày 2026-12-31 trước ngày bắt đầu 2027-01-01"]);
  });
  it("every other unknown kind lists its values: below, target rule, quota scope and subject", () => {
    expect(problems((p) => (p.criteria[0].below = "linear"))[0]).toMatch(/cách tính dưới ngưỡng "linear" không có; dùng một trong: proportional .*, to_threshold .*, bands/);
    expect(problems((p) => (p.quotas[0].scope = "per_cluster"))[0]).toMatch(/phạm vi "per_cluster" không có; dùng một trong: total \(chung\), per_group \(mỗi nhóm\)/);
    expect(problems((p) => (p.quotas[0].subject = "tap_the"))[0]).toMatch(/đối tượng "tap_the" không có; dùng một trong: collective \(tập thể\), individual \(cá nhân\)/);
    const t = problems((p) => {
      p.kind = "targets";
      p.criteria = [];
      p.inputs.push({ id: "so_hoa", label: "Số hóa", kind: "ratio", required: true, headers: ["Số hóa"] });
      p.targets = [{ id: "so_hoa", label: "Số hóa", source: "Mục II", levels: ["xa"], rule: { kind: "fixd", value: 0.5 } }];
    });
    expect(t).toEqual(['targets.0.rule.kind: Chỉ tiêu 1 (so_hoa), quy tắc: loại "fixd" không có; dùng một trong: fixed (chỉ tiêu chung), by_level (theo cấp), assigned_plus (chỉ tiêu được giao cộng thêm), milestones (theo mốc ngày). Có lẽ là "fixed"?']);
  });
  it("a value that is not an object where a record is wanted", () => {
    expect(problems((p) => (p.criteria[1] = "digitised_ratio"))).toEqual(expect.arrayContaining(['criteria.1: Tiêu chí 2: phải là đối tượng { … }, không phải chuỗi "digitised_ratio"']));
    expect(checkPlan(null).problems.map((p) => p.message)).toEqual(["Kế hoạch: kế hoạch phải là đối tượng { … }, không phải null"]);
    expect(checkPlan([]).plan).toBeNull();
  });
});

describe("criteria, bands and bonuses", () => {
  it("inputs a criterion names must exist and be counts", () => {
    expect(problems((p) => (p.criteria[0].numerator = "initiative_points"))).toEqual([
      'criteria.0.numerator: Tiêu chí 1 (online_ratio, cấp xã): tử số "initiative_points" là đầu vào loại number; ở đây cần đầu vào loại count',
    ]);
  });
  it("bands: points within the maximum, higher bands not fewer points, the top band at the threshold with full points", () => {
    expect(problems((p) => (p.criteria[1].bands[1].points = 35))).toEqual([
      "criteria.1.bands.1.points: Tiêu chí 2 (digitised_ratio, cấp xã), bậc 2: điểm 35 lớn hơn điểm tối đa 30 của tiêu chí",
      "criteria.1.bands.0.points: Tiêu chí 2 (digitised_ratio, cấp xã), bậc 1: bậc ≥ 60% cho 30 điểm, ít hơn bậc ≥ 40% (35 điểm): tỷ lệ cao hơn không được ít điểm hơn",
    ]);
    expect(problems((p) => (p.criteria[1].bands[0].min = 0.7))).toEqual([
      "criteria.1.bands.0.min: Tiêu chí 2 (digitised_ratio, cấp xã), bậc 1: bậc cao nhất (≥ 70%) phải bắt đầu ở ngưỡng 60%: từ ngưỡng trở lên tiêu chí được điểm tối đa",
    ]);
    expect(problems((p) => (p.criteria[1].bands[0].points = 25))).toEqual([
      "criteria.1.bands.0.points: Tiêu chí 2 (digitised_ratio, cấp xã), bậc 1: bậc cao nhất (≥ 60%) cho 25 điểm, khác điểm tối đa 30: từ ngưỡng trở lên tiêu chí được điểm tối đa",
    ]);
    expect(problems((p) => (p.criteria[1].bands[2].min = 0.4))).toEqual(["criteria.1.bands.2.min: Tiêu chí 2 (digitised_ratio, cấp xã), bậc 3: mức 40% đã có ở bậc 2"]);
    expect(problems((p) => (p.criteria[1].bands[2].min = 20))).toEqual([
      "criteria.1.bands.2.min: Tiêu chí 2 (digitised_ratio, cấp xã), bậc 3: mức tối thiểu 20 — phải là tỷ lệ lớn hơn 0 và không quá 100%, ghi dạng số thập phân (0.9 là 90%); có lẽ là 20%, tức 0.2?",
    ]);
    // bands in any order
    expect(problems((p) => p.criteria[1].bands.reverse())).toEqual([]);
    expect(problems((p) => delete p.criteria[1].bands)).toEqual(['criteria.1.bands: Tiêu chí 2 (digitised_ratio, cấp xã): thiếu các bậc ("bands"): cần khi có cách tính dưới ngưỡng ("below")']);
    expect(problems((p) => delete p.criteria[1].below)).toEqual(['criteria.1.bands: Tiêu chí 2 (digitised_ratio, cấp xã): có các bậc nhưng cách tính dưới ngưỡng là proportional (mặc định): ghi "below": "bands", hoặc bỏ "bands"']);
  });
  it("a floor at or above the threshold", () => {
    expect(problems((p) => Object.assign(p.criteria[0], { floor: 0.8, floorSource: "Mục III.1" }))).toEqual(["criteria.0.floor: Tiêu chí 1 (online_ratio, cấp xã): ngưỡng xét 80% phải nhỏ hơn ngưỡng 80%"]);
  });
  it("a bonus reads an input of kind number and has a positive maximum", () => {
    expect(problems((p) => (p.bonuses[0].input = "online_dossiers"))).toEqual(['bonuses.0.input: Điểm cộng 1 (initiative): đầu vào "online_dossiers" là đầu vào loại count; ở đây cần đầu vào loại number']);
    expect(problems((p) => (p.bonuses[0].input = "sang_kien"))).toEqual(['bonuses.0.input: Điểm cộng 1 (initiative): đầu vào "sang_kien" không phải mã đầu vào nào của kế hoạch; các đầu vào loại number: initiative_points']);
    expect(problems((p) => (p.bonuses[0].maxPoints = 0))).toEqual(["bonuses.0.maxPoints: Điểm cộng 1 (initiative): điểm cộng tối đa 0 — phải lớn hơn 0"]);
  });
  it("a criterion of a level the plan does not have, and two of one id at one level", () => {
    expect(problems((p) => (p.criteria[1].level = "huyen"))).toEqual(
      expect.arrayContaining(["criteria.1.level: Tiêu chí 2 (digitised_ratio, cấp huyện): cấp huyện không có trong các cấp của kế hoạch (xã)"]),
    );
    expect(problems((p) => (p.criteria[1].id = "online_ratio"))).toEqual(expect.arrayContaining(['criteria.1.id: Tiêu chí 2 (online_ratio, cấp xã): mã tiêu chí (cùng cấp) "online_ratio" đã dùng ở mục thứ 1']));
  });
  it("one header wording for two inputs", () => {
    expect(problems((p) => p.inputs[3].headers.push("số hồ sơ TRỰC TUYẾN"))).toEqual([
      'inputs.3.headers.1: Đầu vào 4 (all_dossiers), tiêu đề cột: tiêu đề "số hồ sơ TRỰC TUYẾN" cũng là tiêu đề của đầu vào 3 (online_dossiers): một cột không khớp được với hai đầu vào',
    ]);
  });
});

describe("targets, campaign and the other plan kinds", () => {
  const iator = (): Any => JSON.parse(JSON.stringify(getPlan("iator-32-2024")));
  it("a milestone date that is not that day of the campaign", () => {
    expect(problems((p) => (p.campaign.milestones[0].date = "2024-05-11"), iator())).toEqual([
      "campaign.milestones.0.date: Đợt thi đua, mốc 1: ngày thứ 50 của đợt bắt đầu 2024-03-22 là 2024-05-10, không phải 2024-05-11",
    ]);
  });
  it("milestone steps in order and inside the campaign; a target read from its own input", () => {
    const out = problems((p) => {
      p.targets[2].rule.steps[1].day = 40;
      p.targets[3].rule.steps[1].day = 120;
      p.inputs = p.inputs.filter((i: Any) => i.id !== "hai_long");
    }, iator());
    expect(out).toEqual([
      "targets.2.rule.steps.1.day: Chỉ tiêu 3 (dvc_truc_tuyen), quy tắc, mốc 2: ngày thứ 40 phải sau mốc trước (ngày thứ 50)",
      "targets.3.rule.steps.1.day: Chỉ tiêu 4 (thanh_toan), quy tắc, mốc 2: ngày thứ 120 nằm ngoài đợt thi đua (100 ngày)",
      'targets.4.id: Chỉ tiêu 5 (hai_long): không có đầu vào "hai_long" (loại ratio) để đọc giá trị của chỉ tiêu',
    ]);
  });
  it("a target for each of its levels", () => {
    const ls = JSON.parse(JSON.stringify(getPlan("ls-170-2023")));
    expect(problems((p) => delete p.targets[0].rule.values.huyen, ls)).toEqual(["targets.0.rule.values.huyen: Chỉ tiêu 1 (so_hoa), quy tắc, chỉ tiêu theo cấp: thiếu chỉ tiêu cấp huyện (chỉ tiêu áp dụng cho tỉnh, huyện, xã)"]);
  });
  it("the QĐ 766 groups add up to 100", () => {
    const qd = JSON.parse(JSON.stringify(getPlan("qd-766")));
    expect(problems((p) => (p.groups.portal[0].maxPoints = 20), qd)).toEqual(["groups.portal: Nhóm chỉ số: các nhóm cộng lại 102 điểm tối đa ≠ 100"]);
  });
  it("a plan kind without what it needs", () => {
    expect(problems((p) => (p.kind = "weighted_mean"))).toEqual(expect.arrayContaining(['weighted: Kế hoạch: kế hoạch loại weighted_mean cần "weighted" (các tiêu chí bình quân)']));
  });
});

describe("planSummary", () => {
  it("says the plan as the tool read it", () => {
    const s = planSummary(checkPlan(sample()).plan!);
    expect(s).toContain("Cấp xã: 2 tiêu chí, tổng 100 điểm (online_ratio 70, digitised_ratio 30); 1 điểm cộng tối đa 5 điểm.");
    expect(s).toContain("nhóm đơn vị là cụm thi đua");
    for (const p of listPlans()) expect(planSummary(p)).toMatch(/^Kế hoạch ".+" \(.+; mã .+, phiên bản .+\): /);
  });
});

describe("ranking on the national index: imported points, activity, adjustment, tiers, cohort", () => {
  const INDEX = join(__dirname, "..", "plan-file", "fixtures", "index-weekly.plan.json");
  const weekly = (): Any => JSON.parse(readFileSync(INDEX, "utf8"));
  const tier = (id: string, label: string, min?: [number, boolean], max?: [number, boolean]) => ({
    id, label, ...(min ? { min: { value: min[0], inclusive: min[1] } } : {}), ...(max ? { max: { value: max[0], inclusive: max[1] } } : {}),
  });
  const withTiers = (...tiers: Any[]) => (p: Any) => (p.tiers.tiers = tiers);

  it("accepts the weekly index plan of docs/plan-file.md", () => {
    expect(checkPlan(weekly()).problems).toEqual([]);
    expect(planSummary(checkPlan(weekly()).plan!)).toContain(
      "6 nhóm điểm công bố (cong_khai 18, tien_do 20, dvc_truc_tuyen 12, thanh_toan 10, so_hoa 22, hai_long 18; tổng 100 điểm). Xếp loại: Xuất sắc (trên 94), Tốt (từ 90 đến 94), Cần cải thiện (dưới 90).",
    );
  });
  it("group maxima that do not add up to the stated total name both numbers", () => {
    expect(problems((p) => (p.imported.groups[2].maxPoints = 22), weekly())).toEqual([
      'totalPoints: Kế hoạch: các nhóm điểm cộng lại 110 điểm tối đa (cong_khai 18 + tien_do 20 + dvc_truc_tuyen 22 + thanh_toan 10 + so_hoa 22 + hai_long 18) ≠ tổng 100 điểm của kế hoạch ("totalPoints")',
    ]);
    // without a stated total the groups' sum is the maximum
    expect(problems((p) => {
      delete p.totalPoints;
      p.imported.groups[2].maxPoints = 22;
    }, weekly())).toEqual([]);
    expect(problems((p) => (p.imported.groups[0].maxPoints = 0), weekly())).toEqual(expect.arrayContaining(["imported.groups.0.maxPoints: Điểm nhóm công bố, nhóm điểm 1 (cong_khai): điểm tối đa 0 — phải lớn hơn 0"]));
  });
  it("a group, the published total, the activity, the adjustment and the cohort read inputs that exist, of their kind", () => {
    expect(problems((p) => (p.imported.groups[0].input = "so_ho_so"), weekly())).toEqual([
      'imported.groups.0.input: Điểm nhóm công bố, nhóm điểm 1 (cong_khai): đầu vào "so_ho_so" là đầu vào loại count; ở đây cần đầu vào loại number',
    ]);
    expect(problems((p) => (p.imported.total.input = "tong"), weekly())).toEqual([
      'imported.total.input: Điểm nhóm công bố, tổng điểm công bố: đầu vào "tong" không phải mã đầu vào nào của kế hoạch; các đầu vào loại number: cong_khai, tien_do, dvc_truc_tuyen, thanh_toan, so_hoa, hai_long, tong_cong_bo',
    ]);
    expect(problems((p) => (p.imported.total.input = "so_hoa"), weekly())).toEqual([
      'imported.total.input: Điểm nhóm công bố, tổng điểm công bố: đầu vào "so_hoa" là cột của một nhóm điểm, không phải cột tổng điểm',
    ]);
    expect(problems((p) => (p.activity.input = "cong_khai"), weekly())).toEqual([
      'activity.input: Số hồ sơ trong kỳ: đầu vào "cong_khai" là đầu vào loại number; ở đây cần đầu vào loại count',
    ]);
    expect(problems((p) => (p.adjustment.input = "tong_cong_bo"), weekly())).toEqual([
      'adjustment.input: Điểm điều chỉnh: đầu vào "tong_cong_bo" là đầu vào loại number; ở đây cần đầu vào loại signed',
    ]);
    expect(problems((p) => (p.adjustment.reasonInput = "ly_do_dc"), weekly())).toEqual([
      'adjustment.reasonInput: Điểm điều chỉnh: đầu vào lý do "ly_do_dc" không phải mã đầu vào nào của kế hoạch; các đầu vào loại text: unit, khoi, ly_do',
    ]);
    expect(problems((p) => (p.adjustment.maxPoints = -2), weekly())).toEqual(["adjustment.maxPoints: Điểm điều chỉnh: mức điều chỉnh tối đa -2 — phải lớn hơn 0"]);
    expect(problems((p) => (p.cohort.input = "so_ho_so"), weekly())).toEqual([
      'cohort.input: Khối: đầu vào "so_ho_so" là đầu vào loại count; ở đây cần đầu vào loại text',
    ]);
    expect(problems((p) => (p.imported.groups[1].id = "cong_khai"), weekly())).toEqual([
      'imported.groups.1.id: Điểm nhóm công bố, nhóm điểm 2 (cong_khai): mã nhóm "cong_khai" đã dùng ở mục thứ 1',
    ]);
  });
  it("an imported-points plan needs its groups, and gives no awards in this version", () => {
    expect(problems((p) => delete p.imported, weekly())).toEqual(['imported: Kế hoạch: kế hoạch loại imported_points cần "imported" (các nhóm điểm công bố)']);
    const s = sample();
    expect(problems((p) => {
      p.awards = s.awards;
      p.quotas = s.quotas;
    }, weekly())).toEqual(expect.arrayContaining([
      'awards: Kế hoạch: kế hoạch loại imported_points (điểm nhóm công bố) chỉ xếp hạng và xếp loại, chưa xét khen thưởng: bỏ "awards" (các hình thức khen thưởng); Hội đồng xét khen thưởng theo bảng xếp hạng',
      'quotas: Kế hoạch: kế hoạch loại imported_points (điểm nhóm công bố) chỉ xếp hạng và xếp loại, chưa xét khen thưởng: bỏ "quotas" (các hạn mức); Hội đồng xét khen thưởng theo bảng xếp hạng',
    ]));
    expect(problems((p) => (p.imported = weekly().imported))).toEqual([
      'imported: Kế hoạch: kế hoạch loại ratio_points (chấm điểm theo tỷ lệ) không đọc điểm nhóm công bố: bỏ "imported" hoặc đổi loại kế hoạch thành imported_points',
    ]);
  });
  it("tiers: an overlap and a gap name the two tiers and the number", () => {
    // 94 in "Xuất sắc" (from 94) and in "Tốt" (to 94)
    expect(problems(withTiers(tier("a", "Xuất sắc", [94, true]), tier("b", "Tốt", [90, true], [94, true]), tier("c", "Cần cải thiện", undefined, [90, false])), weekly())).toEqual([
      'tiers.tiers.1: Xếp loại, xếp loại 2 (b): xếp loại "Xuất sắc" (từ 94 trở lên) và "Tốt" (từ 90 đến 94) chồng nhau: 94 điểm thuộc cả hai',
    ]);
    // 90 in neither: "trên 90" and "dưới 90"
    expect(problems(withTiers(tier("a", "Đạt", [90, false]), tier("b", "Cần cải thiện", undefined, [90, false])), weekly())).toEqual([
      'tiers.tiers.1: Xếp loại, xếp loại 2 (b): giữa xếp loại "Đạt" (trên 90) và "Cần cải thiện" (dưới 90) để hở: 90 điểm không thuộc xếp loại nào',
    ]);
    expect(problems(withTiers(tier("a", "Tốt", [90, true], [94, true]), tier("b", "Khá", [80, true], [85, false])), weekly())).toEqual([
      'tiers.tiers.1: Xếp loại, xếp loại 2 (b): giữa xếp loại "Tốt" (từ 90 đến 94) và "Khá" (từ 80 đến dưới 85) để hở: 87,5 điểm không thuộc xếp loại nào',
    ]);
    expect(problems(withTiers(tier("a", "Tốt", [85, true], [94, true]), tier("b", "Khá", [80, true], [90, false])), weekly())).toEqual([
      'tiers.tiers.1: Xếp loại, xếp loại 2 (b): xếp loại "Tốt" (từ 85 đến 94) và "Khá" (từ 80 đến dưới 90) chồng nhau: 87,5 điểm thuộc cả hai',
    ]);
    // An Giang: below 80 "cần cải thiện gấp", from 80 to below 90 "cần chú ý": they meet at 80
    expect(problems(withTiers(tier("chu_y", "Cần chú ý", [80, true], [90, false]), tier("gap", "Cần cải thiện gấp", undefined, [80, false])), weekly())).toEqual([]);
  });
  it("tiers: listed highest first, each with a range, bounds in order, ids once", () => {
    expect(problems(withTiers(tier("c", "Cần cải thiện", undefined, [90, false]), tier("a", "Tốt", [90, true])), weekly())).toEqual([
      'tiers.tiers.1: Xếp loại, xếp loại 2 (a): xếp loại "Tốt" (từ 90) cao hơn xếp loại "Cần cải thiện" (dưới 90) ghi trước nó: ghi các xếp loại từ cao xuống thấp',
    ]);
    expect(problems(withTiers(tier("a", "Tốt", [94, true], [90, true])), weekly())).toEqual([
      'tiers.tiers.0.max: Xếp loại, xếp loại 1 (a): xếp loại "Tốt" (từ 94 đến 90) không chứa điểm nào: mốc trên phải lớn hơn mốc dưới',
    ]);
    expect(problems(withTiers(tier("a", "Tốt", [90, false], [90, true])), weekly())).toEqual([
      'tiers.tiers.0.max: Xếp loại, xếp loại 1 (a): xếp loại "Tốt" (trên 90 đến 90) không chứa điểm nào: mốc trên phải lớn hơn mốc dưới',
    ]);
    expect(problems(withTiers(tier("a", "Tốt", [90, true]), tier("a", "Khá", undefined, [90, false])), weekly())).toEqual([
      'tiers.tiers.1.id: Xếp loại, xếp loại 2 (a): mã xếp loại "a" đã dùng ở mục thứ 1',
    ]);
    expect(problems(withTiers(tier("a", "Tốt", [90, true]), tier("b", "Khá")), weekly())).toEqual([
      'tiers.tiers.1: Xếp loại, xếp loại 2 (b): xếp loại "Khá" không có mốc dưới ("min") lẫn mốc trên ("max"): mọi điểm đều thuộc nó',
    ]);
    expect(problems(withTiers(), weekly())).toEqual(["tiers.tiers: Xếp loại: các xếp loại không được để trống: cần ít nhất 1"]);
    expect(problems((p) => (p.tiers.tiers[0].min = { value: 94 }), weekly())).toEqual(['tiers.tiers.0.min.inclusive: Xếp loại, xếp loại 1 (xuat_sac), mốc dưới: thiếu tính cả bằng ("inclusive")']);
    expect(problems((p) => (p.tiers.levels = ["huyen"]), weekly())).toEqual(["tiers.levels.0: Xếp loại, các cấp: cấp huyện không có trong các cấp của kế hoạch (tỉnh, xã)"]);
  });
  it("tiers only where there is a total of points", () => {
    expect(problems((p) => (p.tiers = weekly().tiers))).toEqual([]);
    const iator = JSON.parse(JSON.stringify(getPlan("iator-32-2024")));
    expect(problems((p) => (p.tiers = weekly().tiers), iator)).toEqual([
      "tiers: Kế hoạch: kế hoạch loại targets (đối chiếu chỉ tiêu) không có tổng điểm để xếp loại: xếp loại chỉ dùng với ratio_points (chấm điểm theo tỷ lệ), imported_points (điểm nhóm công bố)",
    ]);
  });
});
