/**
 * The plan sheet: every built-in plan laid out and read back is the same plan; values typed as people
 * type them are read; every problem is placed on its cell; the layout has its lists, notes and the
 * kinds' meanings.
 */
import type { CellInput, Plan } from "../../src/engine";
import { listPlans, getPlan } from "../../src/plans";
import { cellRef, columnIndex, isPlanSheet, layoutRules, planSheetModel, readPlanSheet, templatePlan, type SheetModel } from "../../src/workbook";
import { BLOCK_TEXT, FACT_TEXT, INPUT_KINDS, PLAN_SHEET_TEXT } from "../../src/messages/plan-sheet";

const SHEET = "Kế hoạch DVC";

/** The model's cells as a reader hands them over. */
function gridOf(model: SheetModel): CellInput[][] {
  return model.cells.map((row) => row.map((c) => (c !== null && typeof c === "object" ? null : c)));
}

function withoutOrigin(plan: Plan | null): unknown {
  expect(plan).not.toBeNull();
  const { origin, ...rest } = plan!;
  expect(origin).toEqual({ kind: "sheet", name: SHEET });
  return rest;
}

/** 0-based row and column of the cell under `header` in the row of `title`'s table whose column `keyHeader` holds `key`. */
function locate(grid: CellInput[][], title: string, match: Record<string, string>, header: string): { r: number; c: number } {
  const t = grid.findIndex((row) => row[0] === title);
  expect(t).toBeGreaterThanOrEqual(0);
  const h = t + 1;
  const col = (name: string) => {
    const c = grid[h].indexOf(name);
    expect(c).toBeGreaterThanOrEqual(0);
    return c;
  };
  for (let r = h + 1; r < grid.length && grid[r]?.[0] !== undefined; r++) {
    if (Object.entries(match).every(([k, v]) => grid[r]?.[col(k)] === v)) return { r, c: col(header) };
  }
  throw new Error(`no row ${JSON.stringify(match)} in ${title}`);
}

function factRow(grid: CellInput[][], label: string): number {
  const r = grid.findIndex((row) => row[0] === label);
  expect(r).toBeGreaterThanOrEqual(0);
  return r;
}

const CRIT = BLOCK_TEXT.criteria;
const hg165 = () => getPlan("hg-165-2023");

/** hg-165's sheet with one cell of the commune online criterion set to `v`. */
function communeOnline(header: string, v: CellInput): { grid: CellInput[][]; cell: string } {
  const grid = gridOf(planSheetModel(hg165()));
  const at = locate(grid, CRIT.title, { [CRIT.columns.level.header]: "xã", [CRIT.columns.id.header]: "online_ratio" }, header);
  grid[at.r][at.c] = v;
  return { grid, cell: cellRef(at.r, at.c) };
}

describe("round trip", () => {
  it.each(listPlans().map((p) => [p.id, p] as const))("%s: read back from its sheet, the same plan", (_id, plan) => {
    const read = readPlanSheet(gridOf(planSheetModel(plan)), SHEET);
    expect(read.problems).toEqual([]);
    // JSON.parse(JSON.stringify()) drops the frozen registry's prototype; toStrictEqual then also tells an absent key from an undefined one
    expect(withoutOrigin(read.plan)).toStrictEqual(JSON.parse(JSON.stringify(plan)));
  });

  it("the template of `plan new` too", () => {
    const plan = templatePlan();
    const read = readPlanSheet(gridOf(planSheetModel(plan)), SHEET);
    expect(read.problems).toEqual([]);
    expect(withoutOrigin(read.plan)).toStrictEqual(plan);
  });

  it("a clause is shown by the plan's document, not its seed file, and read back to the seed file", () => {
    const grid = gridOf(planSheetModel(hg165()));
    const src = locate(grid, CRIT.title, { [CRIT.columns.level.header]: "xã", [CRIT.columns.id.header]: "online_ratio" }, CRIT.columns.source.header);
    expect(grid[src.r][src.c]).toBe("KH 165/KH-UBND §III.2.b");
    expect(readPlanSheet(grid, SHEET).plan!.criteria.find((c) => c.level === "xa" && c.id === "online_ratio")!.source).toBe("000_e8cf8ffdb6dfbfb5.txt §III.2.b");
  });
});

describe("values as people type them", () => {
  const threshold = CRIT.columns.threshold.header;
  const xaOnline = (plan: Plan | null) => plan!.criteria.find((c) => c.level === "xa" && c.id === "online_ratio")!;

  it.each([
    [0.8, 0.8], ["80%", 0.8], ["80 %", 0.8], ["0,8", 0.8], ["0.8", 0.8], ["80,5%", 0.805], [1, 1], ["100%", 1],
  ] as const)("threshold %p reads as %p", (typed, value) => {
    const { grid } = communeOnline(threshold, typed);
    const read = readPlanSheet(grid, SHEET);
    expect(read.problems).toEqual([]);
    expect(xaOnline(read.plan).threshold).toBe(value);
  });

  it.each([90, "90"])("threshold %p (90 where 90%% was meant) is an error on its cell, never guessed", (typed) => {
    const { grid, cell } = communeOnline(threshold, typed);
    const read = readPlanSheet(grid, SHEET);
    expect(read.plan).toBeNull();
    expect(read.problems).toEqual([{ cell, message: `${CRIT.title}, ${threshold}: ghi 90, nhưng tỷ lệ phải từ 0% đến 100%. Nếu là 90% hãy ghi 90% (hoặc 0,9).` }]);
  });

  it.each(["Xã", "cấp xã", "XA", " xã "])("level %p is the commune level", (typed) => {
    const { grid } = communeOnline(CRIT.columns.level.header, typed);
    const read = readPlanSheet(grid, SHEET);
    expect(read.problems).toEqual([]);
    expect(read.plan!.criteria.filter((c) => c.level === "xa")).toHaveLength(2);
  });

  it("có / không, Có, TRUE read as yes or no; another word is named on its cell", () => {
    const grid = gridOf(planSheetModel(hg165()));
    const inputs = BLOCK_TEXT.inputs;
    const at = locate(grid, inputs.title, { [inputs.columns.id.header]: "filing_accounts" }, inputs.columns.required.header);
    for (const [typed, value] of [["Có", true], [true, true], ["KHÔNG", false], ["không", false]] as const) {
      grid[at.r][at.c] = typed;
      expect(readPlanSheet(grid, SHEET).plan!.inputs.find((i) => i.id === "filing_accounts")!.required).toBe(value);
    }
    grid[at.r][at.c] = "tùy";
    expect(readPlanSheet(grid, SHEET).problems).toEqual([{ cell: cellRef(at.r, at.c), message: `${inputs.title}, ${inputs.columns.required.header}: "tùy" không phải có hoặc không.` }]);
  });

  it("a date typed as text, a Date cell or a serial number", () => {
    const grid = gridOf(planSheetModel(hg165()));
    const r = factRow(grid, FACT_TEXT.periodFrom.label);
    for (const typed of ["01/08/2023", new Date(Date.UTC(2023, 7, 1)), 45139, "2023-08-01"]) {
      grid[r][1] = typed;
      expect(readPlanSheet(grid, SHEET).plan!.period!.from).toBe("2023-08-01");
    }
    grid[r][1] = "31/02/2023";
    expect(readPlanSheet(grid, SHEET).problems).toEqual([{ cell: `B${r + 1}`, message: `${FACT_TEXT.periodFrom.label}: "31/02/2023" không phải ngày; ghi dd/mm/yyyy.` }]);
  });

  it("bands, per-level targets and milestones are read from their cells", () => {
    // the commune online criterion (60 points) in bands: the top band starts at the threshold and gives the maximum, the bands above the 70% floor
    const { grid } = communeOnline(CRIT.columns.bands.header, "≥ 90%: 60; >=80%: 45; 72,5%: 10,5");
    const row = { [CRIT.columns.level.header]: "xã", [CRIT.columns.id.header]: "online_ratio" };
    const below = locate(grid, CRIT.title, row, CRIT.columns.below.header);
    grid[below.r][below.c] = "theo bậc";
    const th = locate(grid, CRIT.title, row, CRIT.columns.threshold.header);
    grid[th.r][th.c] = "90%";
    const read = readPlanSheet(grid, SHEET);
    expect(read.problems).toEqual([]);
    const c = xaOnline(read.plan);
    expect(c.below).toBe("bands");
    expect(c.bands).toEqual([{ min: 0.9, points: 60 }, { min: 0.8, points: 45 }, { min: 0.725, points: 10.5 }]);
    const at = locate(grid, CRIT.title, { [CRIT.columns.level.header]: "xã", [CRIT.columns.id.header]: "online_ratio" }, CRIT.columns.bands.header);
    grid[at.r][at.c] = "60%=20";
    expect(readPlanSheet(grid, SHEET).problems).toEqual([
      { cell: cellRef(at.r, at.c), message: `${CRIT.title}, ${CRIT.columns.bands.header}: "60%=20" không đọc được; ghi dạng ≥60%: 20; ≥40%: 15.` },
    ]);

    const ls = gridOf(planSheetModel(getPlan("ls-170-2023")));
    const tg = BLOCK_TEXT.targets;
    const d = locate(ls, tg.title, { [tg.columns.id.header]: "so_hoa" }, tg.columns.detail.header);
    expect(ls[d.r][d.c]).toBe("tỉnh: 70%; huyện: 60%; xã: 55%");
    ls[d.r][d.c] = "Tỉnh: 75%; cấp huyện: 0,6; Xã: 55,5%";
    const rule = readPlanSheet(ls, SHEET).plan!.targets.find((t) => t.id === "so_hoa")!.rule;
    expect(rule).toEqual({ kind: "by_level", values: { tinh: 0.75, huyen: 0.6, xa: 0.555 } });

    const ia = gridOf(planSheetModel(getPlan("iator-32-2024")));
    const m = locate(ia, tg.title, { [tg.columns.id.header]: "dvc_truc_tuyen" }, tg.columns.detail.header);
    expect(ia[m.r][m.c]).toBe("ngày 50: 30%; ngày 100: 60%");
    ia[m.r][m.c] = "Ngày 40: 25%; ngày thứ 100: 0,6";
    expect(readPlanSheet(ia, SHEET).plan!.targets.find((t) => t.id === "dvc_truc_tuyen")!.rule).toEqual({
      kind: "milestones", steps: [{ day: 40, value: 0.25 }, { day: 100, value: 0.6 }],
    });
  });
});

describe("problems on their cells", () => {
  it("an unknown kind names the cell and the words of the list", () => {
    const grid = gridOf(planSheetModel(hg165()));
    const inputs = BLOCK_TEXT.inputs;
    const at = locate(grid, inputs.title, { [inputs.columns.id.header]: "online_dossiers" }, inputs.columns.kind.header);
    grid[at.r][at.c] = "số nguyên";
    const read = readPlanSheet(grid, SHEET);
    expect(read.plan).toBeNull();
    expect(read.problems).toEqual([
      { cell: cellRef(at.r, at.c), message: `${inputs.title}, ${inputs.columns.kind.header}: "số nguyên" không có trong danh sách; chọn một trong: ${INPUT_KINDS.map((k) => k.word).join(", ")}.` },
    ]);
  });

  it("a missing source clause is named on its cell", () => {
    const { grid, cell } = communeOnline(CRIT.columns.source.header, "  ");
    const read = readPlanSheet(grid, SHEET);
    expect(read.plan).toBeNull();
    expect(read.problems).toEqual([{ cell, message: `${CRIT.title}, ${CRIT.columns.source.header}: ô trống.` }]);
  });

  it("every bad cell at once, each on its own cell", () => {
    const grid = gridOf(planSheetModel(hg165()));
    const a = locate(grid, CRIT.title, { [CRIT.columns.level.header]: "xã", [CRIT.columns.id.header]: "online_ratio" }, CRIT.columns.floor.header);
    const b = locate(grid, CRIT.title, { [CRIT.columns.level.header]: "huyện", [CRIT.columns.id.header]: "eid_ratio" }, CRIT.columns.maxPoints.header);
    grid[a.r][a.c] = "bảy mươi";
    grid[b.r][b.c] = "bốn mươi";
    expect(readPlanSheet(grid, SHEET).problems.map((p) => p.cell).sort()).toEqual([cellRef(a.r, a.c), cellRef(b.r, b.c)].sort());
  });

  it("maxima that do not add up to the stated total: on the criteria, and the plan check's words", () => {
    const { grid } = communeOnline(CRIT.columns.maxPoints.header, 50);
    const read = readPlanSheet(grid, SHEET);
    expect(read.plan).toBeNull();
    const t = grid.findIndex((row) => row[0] === CRIT.title);
    expect(read.problems).toEqual([{ cell: `A${t + 1}`, message: expect.stringMatching(/cấp xã cộng lại 90 .*≠ 100/) }]);
  });

  it("a quota with no award: on the quota's award cell", () => {
    const grid = gridOf(planSheetModel(hg165()));
    const q = BLOCK_TEXT.quotas;
    const at = locate(grid, q.title, { [q.columns.id.header]: "communes_total" }, q.columns.awardCodes.header);
    grid[at.r][at.c] = "commune_merits";
    const read = readPlanSheet(grid, SHEET);
    expect(read.problems).toEqual([{ cell: cellRef(at.r, at.c), message: expect.stringContaining('"commune_merits" không phải mã khen thưởng') }]);
  });

  it("a table without a column it needs says so on its header row", () => {
    const grid = gridOf(planSheetModel(hg165()));
    const t = grid.findIndex((row) => row[0] === CRIT.title);
    const c = grid[t + 1].indexOf(CRIT.columns.threshold.header);
    grid[t + 1][c] = "Ngưỡng mới";
    const read = readPlanSheet(grid, SHEET);
    expect(read.plan).toBeNull();
    expect(read.problems).toEqual([{ cell: `A${t + 2}`, message: `Bảng ${CRIT.title} thiếu cột "${CRIT.columns.threshold.header}".` }]);
  });

  it("two tie-break rows: the second is named", () => {
    const grid = gridOf(planSheetModel(hg165()));
    const tb = BLOCK_TEXT.tieBreak;
    const t = grid.findIndex((row) => row[0] === tb.title);
    grid[t + 3] = [...grid[t + 2]];
    const read = readPlanSheet(grid, SHEET);
    expect(read.problems).toEqual([{ cell: `A${t + 4}`, message: `Bảng ${tb.title} chỉ được có một dòng (đang có 2 dòng): khi bằng điểm chỉ phân định theo một tỷ số.` }]);
  });
});

describe("layout", () => {
  it("rows and columns a person inserts do not move what is read", () => {
    const grid = gridOf(planSheetModel(hg165()));
    const t = grid.findIndex((row) => row[0] === CRIT.title);
    // an empty row inside the criteria, and a column of the user's own after the criteria's last column
    grid.splice(t + 3, 0, []);
    const read = readPlanSheet(grid, SHEET);
    expect(read.problems).toEqual([]);
    expect(withoutOrigin(read.plan)).toStrictEqual(JSON.parse(JSON.stringify(hg165())));
  });

  it("a drop-down list on every kind column, a note on every header, the kinds explained beside", () => {
    const model = planSheetModel(hg165());
    const grid = gridOf(model);
    const lists = model.dataValidations ?? [];
    const listed = (r: number, c: number) => lists.some((dv) => {
      const [a, b] = dv.range.split(":");
      const col = (s: string) => columnIndex(s.replace(/\d+$/, ""));
      const row = (s: string) => Number(s.replace(/^[A-Z]+/, "")) - 1;
      return col(a) === c && row(a) <= r && r <= row(b ?? a);
    });
    const kindColumns: [string, string][] = [
      [BLOCK_TEXT.inputs.title, BLOCK_TEXT.inputs.columns.kind.header], [BLOCK_TEXT.inputs.title, BLOCK_TEXT.inputs.columns.required.header],
      [CRIT.title, CRIT.columns.level.header], [CRIT.title, CRIT.columns.below.header], [CRIT.title, CRIT.columns.combine.header],
      [BLOCK_TEXT.targets.title, BLOCK_TEXT.targets.columns.kind.header], [BLOCK_TEXT.quotas.title, BLOCK_TEXT.quotas.columns.subject.header],
      [BLOCK_TEXT.quotas.title, BLOCK_TEXT.quotas.columns.scope.header], [BLOCK_TEXT.awards.title, BLOCK_TEXT.awards.columns.level.header],
      [BLOCK_TEXT.bonuses.title, BLOCK_TEXT.bonuses.columns.level.header], [BLOCK_TEXT.tieBreak.title, BLOCK_TEXT.tieBreak.columns.order.header],
    ];
    for (const [title, header] of kindColumns) {
      const t = grid.findIndex((row) => row[0] === title);
      const c = grid[t + 1].indexOf(header);
      // the data rows and the spare rows below them
      expect([title, header, listed(t + 2, c), listed(t + 3, c)]).toEqual([title, header, true, true]);
    }
    expect(listed(factRow(grid, FACT_TEXT.kind.label), 1)).toBe(true);

    const notes = new Map((model.comments ?? []).map((n) => [n.cell, n.text]));
    for (const block of Object.values(BLOCK_TEXT)) {
      const t = grid.findIndex((row) => row[0] === block.title);
      if (t < 0) continue;
      const header = grid[t + 1];
      const blank = header.findIndex((h) => h === null || h === undefined);
      const width = blank < 0 ? header.length : blank;
      expect(width).toBe(Object.keys(block.columns).length);
      for (let c = 0; c < width; c++) expect([header[c], notes.get(cellRef(t + 1, c))]).toEqual([header[c], expect.stringMatching(/\S/)]);
    }
    const ex = grid.findIndex((row) => row.includes(PLAN_SHEET_TEXT.explainTitle));
    const exCol = grid[ex].indexOf(PLAN_SHEET_TEXT.explainTitle);
    const explained = new Set(grid.map((row) => row[exCol + 1]));
    for (const k of INPUT_KINDS) expect(explained.has(k.word)).toBe(true);
    expect(model.cells.flat().filter((c) => typeof c === "string").every((s) => s === s.normalize("NFC"))).toBe(true);
  });

  it("isPlanSheet: a plan sheet, not a data table nor the rules sheet", () => {
    expect(isPlanSheet(gridOf(planSheetModel(hg165())))).toBe(true);
    expect(isPlanSheet(gridOf(planSheetModel(templatePlan())))).toBe(true);
    expect(isPlanSheet(gridOf(layoutRules(hg165(), { now: new Date(2024, 0, 1) }).sheet))).toBe(false);
    const data: CellInput[][] = [["Đơn vị", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh"], ["Xã A", 5, 10]];
    expect(isPlanSheet(data)).toBe(false);
  });
});
