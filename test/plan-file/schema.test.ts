/**
 * schema/plan.schema.json: up to date with the plan model it is made from, valid JSON Schema 2020-12,
 * and in agreement with checkPlan: both accept the built-in plans and the sample user plan, both
 * reject each broken variant below. What a schema cannot see (sums, references, band order) only
 * checkPlan rejects: the last test says which, so that nobody takes the schema for the whole check.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { parse } from "yaml";
import { planJsonSchema } from "../../src/plan-file/schema";
import { checkPlan, listPlans } from "../../src/plans";

const FILE = path.join(__dirname, "..", "..", "schema", "plan.schema.json");
const SAMPLE = path.join(__dirname, "fixtures", "kh-mau-2026.yaml");
const WEEKLY = path.join(__dirname, "fixtures", "index-weekly.plan.json");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe("schema/plan.schema.json", () => {
  it("is the schema made from the plan model (PLAN_SCHEMA_UPDATE=1 rewrites it)", () => {
    const text = JSON.stringify(planJsonSchema(), null, 2) + "\n";
    if (process.env.PLAN_SCHEMA_UPDATE) fs.writeFileSync(FILE, text);
    expect(fs.readFileSync(FILE, "utf8")).toBe(text);
  });

  // strict: a keyword ajv does not know, or a type that contradicts another, fails the compile; a
  // conditional "then: required" names a field its parent declares, which strictRequired cannot see
  const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(planJsonSchema());
  const schemaOk = (v: unknown) => validate(v) === true;
  const sample = (): Any => parse(fs.readFileSync(SAMPLE, "utf8"));
  const weekly = (): Any => JSON.parse(fs.readFileSync(WEEKLY, "utf8"));

  it("accepts the built-in plans and the sample user plan, as checkPlan does", () => {
    for (const p of [...listPlans(), sample(), { $schema: "./plan.schema.json", ...sample() }, weekly()]) {
      expect([p.id, schemaOk(p), validate.errors ?? null]).toEqual([p.id, true, null]);
      expect(checkPlan(p).problems).toEqual([]);
    }
  });

  const broken: [string, (p: Any) => void][] = [
    ["an unknown input kind", (p) => (p.inputs[2].kind = "counts")],
    ["an unknown plan kind", (p) => (p.kind = "diem")],
    ["an unknown below", (p) => (p.criteria[0].below = "linear")],
    ["an unknown level", (p) => (p.criteria[0].level = "phuong")],
    ["an unknown quota scope", (p) => (p.quotas[0].scope = "cum")],
    ["an unknown quota subject", (p) => (p.quotas[0].subject = "ca_nhan")],
    ["an unknown target rule kind", (p) => (p.targets = [{ id: "x", label: "X", source: "Mục II", levels: ["xa"], rule: { kind: "fixd", value: 0.5 } }])],
    ["a fixed target of 50", (p) => (p.targets = [{ id: "x", label: "X", source: "Mục II", levels: ["xa"], rule: { kind: "fixed", value: 50 } }])],
    ["a target rule with the other kind's field", (p) => (p.targets = [{ id: "x", label: "X", source: "Mục II", levels: ["xa"], rule: { kind: "fixed", points: 0.05 } }])],
    ["a threshold of 80", (p) => (p.criteria[0].threshold = 80)],
    ["a threshold of 0", (p) => (p.criteria[0].threshold = 0)],
    ["a threshold as text", (p) => (p.criteria[0].threshold = "80%")],
    ["a floor of 50", (p) => Object.assign(p.criteria[0], { floor: 50, floorSource: "Mục III" })],
    ["a band min of 40", (p) => (p.criteria[1].bands[1].min = 40)],
    ["a negative band", (p) => (p.criteria[1].bands[1].points = -1)],
    ["a missing source", (p) => delete p.criteria[0].source],
    ["a blank source", (p) => (p.awards[0].source = " ")],
    ["a floor without its clause", (p) => (p.criteria[0].floor = 0.5)],
    ["a prize without its clause", (p) => (p.awards[0].prize = 1e6)],
    ["combining without its clause", (p) => (p.criteria[0].combineWithCommunes = true)],
    ["bands missing for below = bands", (p) => delete p.criteria[1].bands],
    ["a misspelt field", (p) => (p.criteria[0].treshold = 0.8)],
    ["a misspelt top-level field", (p) => (p.bonus = [])],
    ["a version as a number", (p) => (p.version = 2026.1)],
    ["a plan id with capitals", (p) => (p.id = "KH-12")],
    ["a document naming a clause", (p) => (p.document = "KH 12/KH-UBND §III")],
    ["a date as dd/mm/yyyy", (p) => (p.period.to = "31/12/2026")],
    ["a level twice", (p) => (p.levels = ["xa", "xa"])],
    ["no levels", (p) => (p.levels = [])],
    ["no inputs", (p) => (p.inputs = [])],
    ["a quota limit of 0", (p) => (p.quotas[0].limit = 0)],
    ["a quota limit of 1.5", (p) => (p.quotas[0].limit = 1.5)],
    ["a bonus maximum of 0", (p) => (p.bonuses[0].maxPoints = 0)],
    ["a reading without English", (p) => (p.readings[0].text.en = "")],
    ["a header list with a blank", (p) => p.inputs[0].headers.push("")],
    ["required as a word", (p) => (p.inputs[0].required = "có")],
  ];
  it.each(broken)("rejects %s, as checkPlan does", (_name, change) => {
    const p = sample();
    change(p);
    expect(schemaOk(p)).toBe(false);
    expect(checkPlan(p).problems.length).toBeGreaterThan(0);
  });
  const brokenWeekly: [string, (p: Any) => void][] = [
    ["an input kind signed misspelt", (p) => (p.inputs.find((i: Any) => i.id === "dieu_chinh").kind = "sign")],
    ["no imported groups", (p) => (p.imported.groups = [])],
    ["an imported group maximum of 0", (p) => (p.imported.groups[0].maxPoints = 0)],
    ["an imported group without its input", (p) => delete p.imported.groups[0].input],
    ["an imported group without its source", (p) => delete p.imported.groups[0].source],
    ["a published total without its input", (p) => delete p.imported.total.input],
    ["an activity without its clause", (p) => delete p.activity.source],
    ["an adjustment without its reason input", (p) => delete p.adjustment.reasonInput],
    ["an adjustment maximum of 0", (p) => (p.adjustment.maxPoints = 0)],
    ["no tiers", (p) => (p.tiers.tiers = [])],
    ["a tier bound without inclusive", (p) => delete p.tiers.tiers[0].min.inclusive],
    ["a tier bound inclusive as a word", (p) => (p.tiers.tiers[0].min.inclusive = "có")],
    ["a tier bound as a bare number", (p) => (p.tiers.tiers[0].min = 94)],
    ["a tier without its label", (p) => delete p.tiers.tiers[1].label],
    ["a tier attention as a word", (p) => (p.tiers.tiers[2].attention = "có")],
    ["a tiers' level misspelt", (p) => (p.tiers.levels = ["xã"])],
    ["a cohort without its label", (p) => delete p.cohort.label],
    ["a misspelt tier field", (p) => (p.tiers.tiers[0].minimum = p.tiers.tiers[0].min)],
  ];
  it.each(brokenWeekly)("rejects the weekly index plan with %s, as checkPlan does", (_name, change) => {
    const p = weekly();
    change(p);
    expect(schemaOk(p)).toBe(false);
    expect(checkPlan(p).problems.length).toBeGreaterThan(0);
  });
  it("rejects a list or nothing in place of a plan", () => {
    for (const v of [[sample()], null, "kh-mau-2026"]) expect([schemaOk(v), checkPlan(v).plan]).toEqual([false, null]);
  });

  it("leaves to checkPlan what a schema cannot see across fields", () => {
    const only: [string, (p: Any) => void][] = [
      ["maxima that do not add up", (p) => (p.criteria[0].maxPoints = 60)],
      ["a numerator naming no input", (p) => (p.criteria[0].numerator = "khong_co")],
      ["a quota's award that does not exist", (p) => (p.quotas[0].awardCodes = ["khong_co"])],
      ["a collective quota with no award", (p) => delete p.quotas[0].awardCodes],
      ["a higher band with fewer points", (p) => (p.criteria[1].bands[2].points = 25)],
      ["a bonus reading a count", (p) => (p.bonuses[0].input = "online_dossiers")],
      ["a calendar date that does not exist", (p) => (p.documentDate = "2026-02-30")],
    ];
    const onlyWeekly: [string, (p: Any) => void][] = [
      ["group maxima that do not add up to the total", (p) => (p.imported.groups[0].maxPoints = 20)],
      ["a group reading a count", (p) => (p.imported.groups[0].input = "so_ho_so")],
      ["an activity reading points", (p) => (p.activity.input = "cong_khai")],
      ["an adjustment reading a plain number", (p) => (p.adjustment.input = "tong_cong_bo")],
      ["a reason reading a count", (p) => (p.adjustment.reasonInput = "so_ho_so")],
      ["a cohort naming no input", (p) => (p.cohort.input = "cum")],
      ["two tiers sharing 94", (p) => (p.tiers.tiers[0].min.inclusive = true)],
      ["90 in no tier", (p) => (p.tiers.tiers[1].min.inclusive = false)],
      ["tiers listed lowest first", (p) => p.tiers.tiers.reverse()],
      ["a tier id twice", (p) => (p.tiers.tiers[1].id = "xuat_sac")],
      ["awards for imported points", (p) => (p.awards = sample().awards)],
    ];
    for (const [name, change] of onlyWeekly) {
      const p = weekly();
      change(p);
      expect([name, schemaOk(p), checkPlan(p).problems.length > 0]).toEqual([name, true, true]);
    }
    for (const [name, change] of only) {
      const p = sample();
      change(p);
      expect([name, schemaOk(p), checkPlan(p).problems.length > 0]).toEqual([name, true, true]);
    }
  });
});
