/**
 * `score minh-son-2026.xlsx --plan minh-son-2026.plan.json --json`: the sample of 2026 scored on the
 * command line from its plan file gives the figures worked out by hand (test/workbook/sample-2026-expected.ts).
 */
import * as path from "path";
import { main } from "../../src/cli";
import type { JsonUnit } from "../../src/workbook";
import { AWARDED, EXPECTED } from "../workbook/sample-2026-expected";

const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");

let code: number;
let err = "";
let rows: JsonUnit[];

beforeAll(async () => {
  let out = "";
  code = await main(["score", path.join(SAMPLES, "minh-son-2026.xlsx"), "--plan", path.join(SAMPLES, "minh-son-2026.plan.json"), "--json"], {
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  rows = JSON.parse(out) as JsonUnit[];
});

const close = (x: number | null | undefined) => (x === null || x === undefined ? x : Math.round(x * 1e9) / 1e9);

test("exit 0, the plan file named by its document, the bad bonus cell and the blank cluster said", () => {
  expect(code).toBe(0);
  expect(err).toContain("KH 45/KH-UBND (--plan ms-45-2026)");
  expect(err).toContain("Số liệu 2026!L30 (Xã Sơn Thủy): Điểm thưởng phải từ 0 đến 5: Điểm thưởng sáng kiến (ô ghi \"6\")");
  expect(err).toContain("Số liệu 2026!C34 (Xã Hưng Long): Xã không thuộc cụm thi đua nào có trong bảng.");
});

test.each(EXPECTED)("%s (%s): the hand-worked points, bonus, total and rank", (name, cluster, online, payment, digitisation, satisfaction, bonus, total, rank) => {
  const j = rows.find((r) => r.unit === name)!;
  expect([j.group, j.level, j.rank, close(j.total)]).toEqual([cluster, "xa", rank, total]);
  expect(Object.fromEntries(Object.entries(j.points).map(([k, v]) => [k, close(v)]))).toEqual({ online_ratio: online, online_payment: payment, digitisation, satisfaction });
  expect(j.bonus).toEqual({ initiative: bonus });
});

test("the hand-worked awards, and why the others got none", () => {
  const awarded = rows.filter((r) => r.awardCode === "commune_merit").map((r) => [r.rank, r.unit]);
  expect(awarded).toEqual(AWARDED);
  const reason = (n: string) => rows.find((r) => r.unit === n)!.awardReason;
  expect(reason("Xã Tân Lập")).toMatchObject({ code: "award_group_full", source: "KH 45/KH-UBND §V.2" });
  expect(reason("Xã Hưng Long")?.text).toContain("xã không ghi cụm thi đua");
  expect(reason("Xã Phú Mỹ")).toMatchObject({ code: "award_places_taken", detail: { limit: 5, cutoff: 7 } });
  expect(reason("Xã Sơn Thủy")?.causes?.[0]).toMatchObject({ code: "bonus_out_of_range", input: "initiative_points" });
});
