/**
 * Every outcome explained: a unit that is scored but not awarded says why, as a reason code with its
 * detail in the engine's result, as code and words in --json, in words with the plan's clause on the
 * results sheet and in the task pane's summary. Each case is one table checked through them all.
 */
import { awardReasonText, type CellInput, type UnitResult } from "../../src/engine";
import { citation, getPlan, listPlans } from "../../src/plans";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Summary } from "../../src/taskpane/App";
import { summarize } from "../../src/workflow/summary";
import { AWARD_REASON_HEADER, layoutResults, layoutRules, RESULTS_HEADER_ROW, scoreSheet, toJsonRows, type ScoredSheet } from "../../src/workbook";

const NOW = new Date(2023, 11, 20, 9, 30);

function score(planId: string, grid: CellInput[][], engine?: Record<string, unknown>): ScoredSheet {
  return scoreSheet(getPlan(planId), grid, { sheet: "Số liệu", engine });
}

/** The results sheet model as records by unit: header → cell. */
function sheetRows(s: ScoredSheet): Map<string, Record<string, unknown>> {
  const plan = getPlan(s.planId);
  const rules = layoutRules(plan, { now: NOW, scored: s });
  const model = layoutResults(s, plan, { formulas: false, rules, now: NOW });
  const header = model.cells[RESULTS_HEADER_ROW] as string[];
  const out = new Map<string, Record<string, unknown>>();
  for (const row of model.cells.slice(RESULTS_HEADER_ROW + 1)) {
    const rec = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    out.set(String(rec["Đơn vị"]), rec);
  }
  return out;
}

/** One unit through the engine, the JSON rows and the results sheet. */
function views(s: ScoredSheet, unit: string) {
  const u = s.outcome.units.find((x) => x.key === unit) as UnitResult;
  expect(u).toBeDefined();
  const json = toJsonRows(s).find((x) => x.unit === unit)!;
  const cell = sheetRows(s).get(unit)![AWARD_REASON_HEADER];
  return { u, json, cell };
}

/** A reason seen alike in the three: the engine's code, the JSON's code and words, the sheet's words. */
function agreed(s: ScoredSheet, unit: string, code: string) {
  const v = views(s, unit);
  expect(v.u.award).toBeNull();
  expect(v.u.awardReason?.code).toBe(code);
  expect(v.json.awardReason?.code).toBe(code);
  expect(v.json.awardReason?.text).toBe(awardReasonText(v.u.awardReason!));
  expect(v.cell).toBe(v.json.awardReason?.text);
  return v;
}

// ---------- hg-165 ----------

const HG_HEADER: CellInput[] = ["Đơn vị", "Cấp", "Huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD"];
const district = (name: string, a: number): CellInput[] => [name, "Huyện", null, a, 1000, 8000, 10000];
const commune = (name: string, group: string | null, a: number, b = 100): CellInput[] => [name, "Xã", group, a, b, 95, 100];

/**
 * Communes score a × 0.6 + 40 (e-ID 95% → full): Xã A1 100, Xã F 99.7 (no district), Xã A2 99.4,
 * Xã G 99.1 (a district with no row), Xã A3 98.8 (its district has A1 and A2), then B1 … D2 take the
 * places 3 to 7, D2 is past them; Xã E1 is below 70%, Xã E2 has b = 0.
 */
const HG_GRID: CellInput[][] = [
  HG_HEADER,
  district("Huyện Châu Thành", 900),
  commune("Xã A1", "Huyện Châu Thành", 100),
  commune("Xã A2", "Huyện Châu Thành", 99),
  commune("Xã A3", "Huyện Châu Thành", 98),
  district("Huyện Phụng Hiệp", 850),
  commune("Xã B1", "Huyện Phụng Hiệp", 97),
  commune("Xã B2", "Huyện Phụng Hiệp", 96),
  district("Thành phố Ngã Bảy", 800),
  commune("Phường C1", "Thành phố Ngã Bảy", 95),
  commune("Phường C2", "Thành phố Ngã Bảy", 94),
  district("Huyện Vị Thủy", 750),
  commune("Xã D1", "Huyện Vị Thủy", 93),
  commune("Xã D2", "Huyện Vị Thủy", 92),
  district("Thị xã Long Mỹ", 300),
  commune("Xã E1", "Thị xã Long Mỹ", 65),
  commune("Xã E2", "Thị xã Long Mỹ", 80, 0),
  commune("Xã F", null, 995, 1000),
  commune("Xã G", "Huyện Không Có", 985, 1000),
];

describe("hg-165: why a commune or district got no award", () => {
  const s = score("hg-165-2023", HG_GRID);
  const awarded = s.outcome.units.filter((u) => u.level === "xa" && u.award).map((u) => u.key);

  it("the table awards the 7 best communes the quotas allow", () => {
    expect(awarded).toEqual(["Xã A1", "Xã A2", "Xã B1", "Xã B2", "Phường C1", "Phường C2", "Xã D1"]);
    // every unit without an award has a reason; every awarded unit has none
    for (const u of s.outcome.units) expect(u.awardReason === null).toBe(u.award !== null);
  });

  it("its district already has its 2 communes: named, with the limit and §III.2.b", () => {
    const { u, json, cell } = agreed(s, "Xã A3", "award_group_full");
    expect(u.awardReason!.detail).toEqual({ group: "Huyện Châu Thành", used: 2, limit: 2, names: "Xã A1, Xã A2" });
    expect(u.awardReason!.source).toBe("000_e8cf8ffdb6dfbfb5.txt §III.2.b");
    expect(cell).toBe("Huyện Châu Thành đã có 2 xã được khen: Xã A1, Xã A2; không còn suất cho xã của huyện này, mỗi huyện tối đa 2 xã (KH 165/KH-UBND §III.2.b).");
    expect(json.awardReason!.source).toBe("KH 165/KH-UBND §III.2.b");
  });

  it("the 7 places are taken: the rank of the last place, §IV.2.b", () => {
    const { u, cell } = agreed(s, "Xã D2", "award_places_taken");
    const lastRank = s.outcome.units.find((x) => x.key === "Xã D1")!.rank;
    expect(u.rank).toBeGreaterThan(lastRank!);
    expect(u.awardReason!.detail).toEqual({ limit: 7, cutoff: lastRank });
    expect(cell).toBe(`Hết 7 suất khen, suất cuối ở hạng ${lastRank} (KH 165/KH-UBND §IV.2.b).`);
  });

  it("no district on the row, and a district the table has no row for: not proposed, the limit cannot be checked", () => {
    const f = agreed(s, "Xã F", "award_no_group");
    expect(f.u.rank).toBe(2);
    expect(f.cell).toBe("Chưa đề xuất khen thưởng: xã không ghi huyện nên chưa kiểm tra được giới hạn 2 xã mỗi huyện (KH 165/KH-UBND §III.2.b).");
    const g = agreed(s, "Xã G", "award_group_not_in_table");
    expect(g.u.awardReason!.detail).toEqual({ group: "Huyện Không Có", limit: 2 });
    expect(g.cell).toContain("huyện ghi ở dòng này (\"Huyện Không Có\") không có dòng nào trong bảng");
  });

  it("below 70% online: not considered, with the floor and §III.2.b (the ratio is in the unit's own message)", () => {
    const { u, cell } = agreed(s, "Xã E1", "below_floor");
    expect(u.status).toBe("not_eligible");
    expect(u.awardReason!.detail).toEqual({ floor: "70%" });
    expect(cell).toBe("Không xét thi đua: tỷ lệ hồ sơ trực tuyến dưới 70% (KH 165/KH-UBND §III.2.b).");
    expect(sheetRows(s).get("Xã E1")!["Lý do"]).toBe("Không xét thi đua: tỷ lệ hồ sơ trực tuyến 65,00% dưới 70%.");
  });

  it("a data flag: not ranked, and which figure", () => {
    const { u, json, cell } = agreed(s, "Xã E2", "award_data_flag");
    expect(u.awardReason!.causes!.map((c) => [c.code, c.input])).toEqual([["zero_denominator", "all_dossiers"]]);
    expect(json.awardReason!.causes!.map((c) => c.code)).toEqual(["zero_denominator"]);
    expect(cell).toMatch(/^Không xếp hạng, không xét khen thưởng vì số liệu chưa dùng được\. Mẫu số b bằng 0 hoặc để trống: Tổng số hồ sơ phát sinh/);
  });

  it("a district past the three prizes", () => {
    const fourth = s.outcome.units.find((u) => u.level === "huyen" && u.rank === 4)!;
    const { cell } = agreed(s, fourth.key, "award_rank_no_prize");
    expect(cell).toBe("Không có giải: chỉ hạng 1 đến 3 được trao giải (KH 165/KH-UBND §IV.2.a).");
  });

  it("awarded units have an empty reason cell and a null reason in JSON", () => {
    const { json, cell } = views(s, "Xã A1");
    expect(json.awardReason).toBeNull();
    expect(cell).toBe("");
  });
});

describe("the pane's summary lists why, each reason once with the units it holds for", () => {
  const s = score("hg-165-2023", HG_GRID);
  const summary = { ...summarize(s, ["Kết quả DVC"], 2), chartOmitted: false };
  const text = (lang: "vi" | "en") =>
    renderToStaticMarkup(React.createElement(Summary, { summary, lang, onProblem: () => undefined }))
      .replace(/<[^>]*>/g, "\n").split("\n").map((t) => t.trim()).filter(Boolean).map((t) => t.replace(/&quot;/g, '"'));

  it("in Vietnamese", () => {
    const t = text("vi");
    const withheld = s.outcome.units.filter((u) => u.awardReason !== null);
    expect(t).toContain(`Chưa được khen thưởng (${withheld.length})`);
    const i = t.indexOf("Xã A3");
    expect(t[i + 1]).toBe(awardReasonText(views(s, "Xã A3").u.awardReason!));
    // the districts past the prizes share one line
    const districts = s.outcome.units.filter((u) => u.awardReason?.code === "award_rank_no_prize").sort((x, y) => x.rank! - y.rank!).map((u) => u.key);
    expect(t).toContain(districts.join(", "));
    expect(t).toContain("Không có giải: chỉ hạng 1 đến 3 được trao giải (KH 165/KH-UBND §IV.2.a).");
  });

  it("in English", () => {
    const t = text("en");
    expect(t).toContain("Huyện Châu Thành already has 2 communes awarded: Xã A1, Xã A2; no place is left for its communes, at most 2 per district (KH 165/KH-UBND §III.2.b).");
    expect(t.some((x) => x.startsWith("Not awarded ("))).toBe(true);
  });
});

describe("hg-165: a tie at the 7th place is left to the council", () => {
  // seven districts; Xã 1 … Xã 6 take places 1–6, two communes tie at rank 7 for the one place left
  const names = ["Châu Thành", "Phụng Hiệp", "Ngã Bảy", "Vị Thủy", "Long Mỹ", "Vị Thanh", "Châu Thành A"];
  const grid: CellInput[][] = [HG_HEADER, ...names.map((n) => district(`Huyện ${n}`, 900))];
  for (let k = 0; k < 6; k++) grid.push(commune(`Xã ${k + 1}`, `Huyện ${names[k]}`, 100 - k));
  grid.push(commune("Xã Bằng 1", "Huyện Châu Thành A", 94), commune("Xã Bằng 2", "Huyện Vị Thanh", 94), commune("Xã Sau", "Huyện Long Mỹ", 90));
  const s = score("hg-165-2023", grid);

  it("the tied communes are held, named, at their rank; the next one finds the places gone", () => {
    const a = agreed(s, "Xã Bằng 1", "award_tie_pending");
    const b = agreed(s, "Xã Bằng 2", "award_tie_pending");
    expect(a.u.rank).toBe(7);
    expect(a.u.awardReason).toBe(b.u.awardReason);
    expect(a.u.awardReason!.detail).toEqual({ rank: 7, count: 2, units: "Xã Bằng 1, Xã Bằng 2" });
    expect(a.cell).toBe("Bằng điểm tại ngưỡng khen thưởng, cùng hạng 7 (2 đơn vị: Xã Bằng 1, Xã Bằng 2): không tự động khen, để Hội đồng thi đua quyết định (KH 165/KH-UBND §IV.1).");
    const after = agreed(s, "Xã Sau", "award_places_taken");
    expect(after.u.awardReason!.detail).toEqual({ limit: 7, cutoff: 7 });
    expect(after.cell).toBe("Hết 7 suất khen, suất cuối ở hạng 7 (KH 165/KH-UBND §IV.2.b).");
  });
});

// ---------- ls-170 ----------

describe("ls-170 (§V.2.b): the unmet condition named, with value and target", () => {
  const header: CellInput[] = ["Đơn vị", "Cấp", "Tỷ lệ số hóa", "Tỷ lệ DVC phát sinh hồ sơ trực tuyến", "Chỉ tiêu giao DVC phát sinh hồ sơ", "Tỷ lệ hồ sơ trực tuyến", "Chỉ tiêu giao hồ sơ trực tuyến", "Có giải pháp"];
  const s = score("ls-170-2023", [
    header,
    ["Xã Đạt", "Xã", "60%", "70%", "65%", "65%", "60%", "có"],
    ["Xã Số Hóa Thấp", "Xã", "50%", "70%", "65%", "65%", "60%", "có"],
    ["Xã Không Giải Pháp", "Xã", "60%", "70%", "65%", "64%", "60%", "không"],
    ["Xã Thiếu Số Liệu", "Xã", "60%", null, "65%", "65%", "60%", "có"],
  ]);

  it("the one that meets all is awarded, with no reason", () => {
    const { u, json } = views(s, "Xã Đạt");
    expect(u.awardCode).toBe("ls170_merit");
    expect(json.awardReason).toBeNull();
  });

  it("digitisation below its target: which target, the value and the target, §II.1", () => {
    const { u, json, cell } = agreed(s, "Xã Số Hóa Thấp", "award_condition_not_met");
    expect(u.awardReason!.causes).toEqual([
      { code: "condition_target_not_met", input: "so_hoa", detail: { indicator: "Số hóa hồ sơ, giấy tờ, kết quả giải quyết TTHC", value: "50,00%", target: "55%", source: "003_8f6aeacc055dea38.txt §II.1" } },
    ]);
    expect(json.awardReason!.causes![0]).toMatchObject({ code: "condition_target_not_met", input: "so_hoa", source: "KH 170/KH-UBND §II.1", detail: { value: "50,00%", target: "55%" } });
    expect(cell).toBe("Chưa đủ điều kiện khen thưởng (KH 170/KH-UBND §V.2.b). Chưa đạt chỉ tiêu \"Số hóa hồ sơ, giấy tờ, kết quả giải quyết TTHC\": 50,00% < 55% (KH 170/KH-UBND §II.1).");
  });

  it("online dossiers below the assigned target + 5 points, and no solution: both named", () => {
    const { cell } = agreed(s, "Xã Không Giải Pháp", "award_condition_not_met");
    expect(cell).toContain("Chưa đạt chỉ tiêu \"Tỷ lệ hồ sơ tiếp nhận, xử lý trực tuyến\": 64,00% < 65% (KH 170/KH-UBND §II.2)");
    expect(cell).toContain("Chưa ghi nhận có giải pháp nâng tỷ lệ (ô ghi \"không\").");
  });

  it("a target with no figure cannot be checked, and says so", () => {
    const { u, cell } = agreed(s, "Xã Thiếu Số Liệu", "award_condition_not_met");
    expect(u.awardReason!.causes!.map((c) => c.code)).toEqual(["condition_target_missing"]);
    expect(cell).toContain("Chưa có số liệu chỉ tiêu \"Tỷ lệ dịch vụ công phát sinh hồ sơ trực tuyến\" nên chưa xét được");
  });
});

// ---------- np-236 ----------

describe("np-236 (§III.2): which quota", () => {
  const header: CellInput[] = ["Đơn vị", "Cấp", "Điểm"];
  const rows: CellInput[][] = [header];
  [99, 98, 97, 96, 95, 94, 93, 92, 91, 90].forEach((p, k) => rows.push([`Xã X${k + 1}`, "Xã", p]));
  rows.push(["Phòng A", "Huyện", 90], ["Phòng B", "Huyện", 90], ["Phòng C", "Huyện", 80]);
  const s = score("np-236-2022", rows);

  it("a commune past the district's 7 places: the quota named, the last place's rank", () => {
    const { u, cell } = agreed(s, "Xã X9", "award_places_taken");
    expect(u.awardReason!.detail).toEqual({ limit: 7, quota: "Giấy khen huyện: không quá 07 tập thể cấp xã", cutoff: 8 });
    expect(cell).toBe("Hết 7 suất khen (Giấy khen huyện: không quá 07 tập thể cấp xã), suất cuối ở hạng 8 (KH 236/KH-UBND §III.2).");
    expect(agreed(s, "Xã X10", "award_places_taken").u.awardReason).toBe(u.awardReason);
  });

  it("two departments tied for the provincial place: held for the council, and the district places wait", () => {
    const a = agreed(s, "Phòng A", "award_tie_pending");
    expect(a.u.awardReason!.detail).toEqual({ rank: 1, count: 2, units: "Phòng A, Phòng B" });
    const c = agreed(s, "Phòng C", "award_waits_for_tie");
    expect(c.cell).toBe("Chưa xét các suất còn lại (Giấy khen huyện: không quá 04 tập thể phòng, ban thuộc huyện): suất khen cấp tỉnh đang chờ Hội đồng thi đua quyết định giữa các đơn vị bằng điểm ở hạng 1 (KH 236/KH-UBND §III.2).");
  });
});

describe("citations", () => {
  it("a seed clause is cited by the plan's document; a source outside the seeds by its own words", () => {
    expect(citation("000_e8cf8ffdb6dfbfb5.txt §III.2.b")).toBe("KH 165/KH-UBND §III.2.b");
    expect(citation("001_24f765a1def52edb.txt §Phụ lục I.II.2; 003_8f6aeacc055dea38.txt §II")).toBe("KH 126/KH-UBND §Phụ lục I.II.2; KH 170/KH-UBND §II");
    expect(citation("PLANS.md §QĐ 766/QĐ-TTg")).toBe("QĐ 766/QĐ-TTg");
  });
  it("every clause of every plan is cited by its document, never by a file", () => {
    for (const p of listPlans()) {
      const sources = [p.source, ...p.criteria.map((c) => c.source), ...p.targets.map((t) => t.source), ...p.quotas.map((q) => q.source), ...p.awards.map((a) => a.source), ...p.readings.map((r) => r.source)];
      for (const src of sources) {
        const cited = citation(src);
        expect(cited).not.toMatch(/\.txt|PLANS\.md/);
        expect(cited.startsWith(p.document)).toBe(true);
      }
    }
  });
});
