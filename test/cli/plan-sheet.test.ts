/**
 * `plan new`, `plan check plan.xlsx`, `score --plan plan.xlsx` and a data workbook's own plan sheet.
 * The sheets are edited as a person would, through exceljs (another program than ours), and saved.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { main } from "../../src/cli";
import { readInput } from "../../src/cli/read";
import { writeNewBook } from "../../src/cli/write";
import { checkPlan, listPlans } from "../../src/plans";
import { planSheetModel, readPlanSheet } from "../../src/workbook";
import { BLOCK_TEXT, PLAN_SHEET_TEXT } from "../../src/messages/plan-sheet";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-plan-sheet-"));
const SHEET = "Kế hoạch DVC";
const CRIT = BLOCK_TEXT.criteria;

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const file = (name: string) => path.join(dir, name);

/** The text of a cell as a person reads it (exceljs gives rich text and formulas as objects). */
function textOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return String(v);
}

/** The cell under `header` in the criteria row of level `level` and id `id`, found by reading the sheet. */
function criterionCell(ws: ExcelJS.Worksheet, level: string, id: string, header: string): ExcelJS.Cell {
  let titleRow = 0;
  ws.eachRow((row, r) => {
    if (!titleRow && textOf(row.getCell(1).value) === CRIT.title) titleRow = r;
  });
  expect(titleRow).toBeGreaterThan(0);
  const head = ws.getRow(titleRow + 1);
  const col = (h: string) => {
    for (let c = 1; c <= head.cellCount; c++) if (textOf(head.getCell(c).value) === h) return c;
    throw new Error(`no column ${h}`);
  };
  for (let r = titleRow + 2; r < titleRow + 20; r++) {
    const row = ws.getRow(r);
    if (textOf(row.getCell(col(CRIT.columns.level.header)).value) === level && textOf(row.getCell(col(CRIT.columns.id.header)).value) === id) {
      return row.getCell(col(header));
    }
  }
  throw new Error(`no criterion ${level} ${id}`);
}

/**
 * One district of Hậu Giang and four of its communes. Online ratios 85%, 75%, 100% and 65% (below the
 * 70% floor); every e-ID ratio 90%, the communes' e-ID threshold, so 40 points each.
 */
const TABLE: (string | number)[][] = [
  ["Đơn vị", "Cấp", "Thuộc huyện", "Số hồ sơ trực tuyến", "Tổng số hồ sơ phát sinh", "Số tài khoản định danh mức 2 đã kích hoạt", "Số người có CCCD"],
  ["Thành phố Vị Thanh", "Huyện", "", 900, 1000, 90, 100],
  ["Phường I", "Xã", "Thành phố Vị Thanh", 85, 100, 90, 100],
  ["Phường III", "Xã", "Thành phố Vị Thanh", 75, 100, 90, 100],
  ["Xã Vị Tân", "Xã", "Thành phố Vị Thanh", 100, 100, 90, 100],
  ["Xã Hỏa Lựu", "Xã", "Thành phố Vị Thanh", 65, 100, 90, 100],
];

function addTable(wb: ExcelJS.Workbook, name = "Số liệu"): void {
  const ws = wb.addWorksheet(name);
  for (const row of TABLE) ws.addRow(row);
}

interface Unit {
  unit: string;
  status: string;
  total: number | null;
  points: Record<string, number | null>;
}

async function scored(args: string[]): Promise<{ units: Map<string, Unit>; err: string }> {
  const r = await run(["score", ...args, "--json"]);
  expect([r.code, r.err]).toEqual([0, expect.any(String)]);
  return { units: new Map((JSON.parse(r.out) as Unit[]).map((u) => [u.unit, u])), err: r.err };
}

const data = file("so-lieu.xlsx");
const plan = file("ke-hoach.xlsx");

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  addTable(wb);
  await wb.xlsx.writeFile(data);
});

describe("the built-in plans' sheets as files", () => {
  // and the weekly index plan of docs/plan-file.md: its imported groups, tiers, adjustment and cohort too
  const weekly = checkPlan(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "plan-file", "fixtures", "index-weekly.plan.json"), "utf8"))).plan!;
  it.each([...listPlans(), weekly].map((p) => [p.id, p] as const))("%s: written, saved again by exceljs, read back: the same plan", async (id, p) => {
    const f = file(`${id}.xlsx`);
    await writeNewBook([planSheetModel(p)], f);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const again = file(`${id}-exceljs.xlsx`);
    await wb.xlsx.writeFile(again);
    for (const name of [f, again]) {
      const sheet = (await readInput(name)).sheets[0];
      const read = readPlanSheet(sheet.grid, sheet.name);
      expect(read.problems).toEqual([]);
      const { origin, ...rest } = read.plan!;
      expect([origin, rest]).toStrictEqual([{ kind: "sheet", name: SHEET }, JSON.parse(JSON.stringify(p))]);
    }
  });
});

describe("plan new", () => {
  it("--from a built-in plan: a workbook with its plan sheet, which plan check accepts", async () => {
    const r = await run(["plan", "new", "--from", "hg-165-2023", "-o", plan]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Đã ghi "${plan}": trang "${SHEET}" (kế hoạch hg-165-2023).`);
    const c = await run(["plan", "check", plan]);
    expect(c.code).toBe(0);
    expect(c.out).toMatch(new RegExp(`^${plan.replace(/[.\\]/g, "\\$&")}, trang "${SHEET}": hợp lệ\\. Kế hoạch ".*" \\(KH 165/KH-UBND; mã hg-165-2023`));
  });

  it("with no --from: the template, one example row in each table, valid as it stands", async () => {
    const f = file("mau.xlsx");
    expect((await run(["plan", "new", "-o", f])).code).toBe(0);
    const c = await run(["plan", "check", f]);
    expect([c.code, c.out]).toEqual([0, expect.stringContaining("hợp lệ")]);
  });

  it("never replaces a file, nor writes without -o or with an unknown plan", async () => {
    const f = file("da-co.xlsx");
    fs.writeFileSync(f, "kế hoạch đã sửa");
    const r = await run(["plan", "new", "-o", f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("đã có");
    expect(fs.readFileSync(f, "utf8")).toBe("kế hoạch đã sửa");
    expect((await run(["plan", "new"])).code).toBe(2);
    expect((await run(["plan", "new", "--from", "kh-khong-co", "-o", file("x.xlsx")])).code).toBe(2);
    expect(fs.existsSync(file("x.xlsx"))).toBe(false);
  });

  it("the sheet has the kinds' meanings, notes on its headers and drop-down lists, as exceljs reads them", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plan);
    const ws = wb.getWorksheet(SHEET)!;
    const threshold = criterionCell(ws, "xã", "online_ratio", CRIT.columns.threshold.header);
    expect(threshold.value).toBe(1);
    expect(threshold.numFmt).toBe("0.00%");
    const level = criterionCell(ws, "xã", "online_ratio", CRIT.columns.level.header);
    expect(level.dataValidation).toMatchObject({ type: "list", formulae: ['"tỉnh,huyện,xã"'] });
    const header = ws.getCell(Number(threshold.row) - 3, Number(threshold.col)) as ExcelJS.Cell;
    expect(textOf(header.value)).toBe(CRIT.columns.threshold.header);
    expect(header.note).toBe(CRIT.columns.threshold.note);
    let explained = false;
    ws.eachRow((row) => row.eachCell((c) => (explained ||= textOf(c.value) === PLAN_SHEET_TEXT.explainTitle)));
    expect(explained).toBe(true);
  });
});

describe("done when: plan new → edit a threshold in the sheet → score --plan gives the changed points", () => {
  it("the commune online threshold 100% → 80%, edited and saved with exceljs", async () => {
    const before = await scored([data, "--plan", plan]);
    const builtIn = await scored([data, "--plan", "hg-165-2023"]);
    expect([...before.units.values()]).toEqual([...builtIn.units.values()]);

    const edited = file("ke-hoach-80.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plan);
    criterionCell(wb.getWorksheet(SHEET)!, "xã", "online_ratio", CRIT.columns.threshold.header).value = 0.8;
    await wb.xlsx.writeFile(edited);
    const after = await scored([data, "--plan", edited]);
    expect(after.err).toContain(`Kế hoạch: trang "${SHEET}" của "${edited}"`);

    // by hand: below the threshold r × 60, at or above it 60; e-ID 40 each; below the 70% floor not considered
    const u = (m: Map<string, Unit>, name: string) => {
      const x = m.get(name)!;
      return [x.status, x.points.online_ratio, x.total];
    };
    expect(u(before.units, "Phường I")).toEqual(["scored", 51, 91]);
    expect(u(after.units, "Phường I")).toEqual(["scored", 60, 100]);
    expect(u(before.units, "Phường III")).toEqual(["scored", 45, 85]);
    expect(u(after.units, "Phường III")).toEqual(["scored", 45, 85]);
    expect(u(before.units, "Xã Vị Tân")).toEqual(["scored", 60, 100]);
    expect(u(after.units, "Xã Vị Tân")).toEqual(["scored", 60, 100]);
    expect(u(after.units, "Xã Hỏa Lựu")[0]).toBe("not_eligible");
    // the district's criteria were not edited
    expect(u(after.units, "Thành phố Vị Thanh")).toEqual(u(before.units, "Thành phố Vị Thanh"));
  });
});

describe("a plan sheet with errors", () => {
  it("plan check and score name every bad cell; nothing is scored or written", async () => {
    const broken = file("ke-hoach-loi.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plan);
    const ws = wb.getWorksheet(SHEET)!;
    const threshold = criterionCell(ws, "xã", "online_ratio", CRIT.columns.threshold.header);
    threshold.value = 90;
    const source = criterionCell(ws, "huyện", "eid_ratio", CRIT.columns.source.header);
    source.value = null;
    await wb.xlsx.writeFile(broken);

    const c = await run(["plan", "check", broken]);
    expect(c.code).toBe(1);
    expect(c.out.trim().split("\n")).toEqual([
      `${SHEET}!${source.address}: ${CRIT.title}, ${CRIT.columns.source.header}: ô trống.`,
      `${SHEET}!${threshold.address}: ${CRIT.title}, ${CRIT.columns.threshold.header}: ghi 90, nhưng tỷ lệ phải từ 0% đến 100%. Nếu là 90% hãy ghi 90% (hoặc 0,9).`,
    ]);

    const out = file("khong-ghi.xlsx");
    const s = await run(["score", data, "--plan", broken, "-o", out]);
    expect(s.code).toBe(1);
    expect(s.err).toContain(`  ${SHEET}!${threshold.address}: `);
    expect(s.err).toContain(`  ${SHEET}!${source.address}: `);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("the data workbook's own plan sheet", () => {
  let book: string;
  beforeAll(async () => {
    // the plan workbook with the table added beside its plan sheet, as an official would keep them
    book = file("so-va-ke-hoach.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("ke-hoach-80.xlsx"));
    addTable(wb);
    await wb.xlsx.writeFile(book);
  });

  it("is used with no --plan, and said so; it is not taken for the table", async () => {
    const own = await scored([book]);
    expect(own.err).toContain(`Kế hoạch: trang "${SHEET}" của "${book}" (KH 165/KH-UBND, mã hg-165-2023, phiên bản 2023.1).`);
    expect(own.err).toContain('trang "Số liệu"');
    expect(own.units.get("Phường I")!.points.online_ratio).toBe(60);
  });

  it("the scored copy keeps the plan sheet as it was, byte for byte", async () => {
    const out = file("so-va-ke-hoach-ket-qua.xlsx");
    expect((await run(["score", book, "-q", "-o", out])).code).toBe(0);
    const a = unzipSync(fs.readFileSync(book));
    const b = unzipSync(fs.readFileSync(out));
    const text = (files: Record<string, Uint8Array>, name: string) => Buffer.from(files[name]).toString("utf8");
    // the plan sheet's part, by its name in the workbook and the workbook's relationships
    const rid = new RegExp(`<sheet [^>]*name="${SHEET}"[^>]*r:id="([^"]+)"`).exec(text(a, "xl/workbook.xml"))![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(text(a, "xl/_rels/workbook.xml.rels"))!;
    const part = "xl/" + (target[1] ?? target[2]).replace(/^\/?xl\//, "");
    // (exceljs keeps texts in the shared strings: the plan sheet's part is told by its lists)
    expect(text(a, part).includes("<dataValidations")).toBe(true);
    expect(Buffer.from(b[part]).equals(Buffer.from(a[part]))).toBe(true);
  });

  it("two plan sheets and no --plan: asks which (exit 2); --plan-sheet chooses", async () => {
    const two = file("hai-ke-hoach.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const src = wb.getWorksheet(SHEET)!;
    const copy = wb.addWorksheet("Kế hoạch cũ");
    src.eachRow((row, r) => row.eachCell((c, k) => (copy.getCell(r, k).value = c.value)));
    // the old plan: the 100% threshold of the built-in plan
    criterionCell(copy, "xã", "online_ratio", CRIT.columns.threshold.header).value = 1;
    await wb.xlsx.writeFile(two);

    const r = await run(["score", two, "--json"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`có nhiều trang kế hoạch: "${SHEET}", "Kế hoạch cũ". Hãy chọn một bằng --plan-sheet`);
    const old = await scored([two, "--plan-sheet", "Kế hoạch cũ"]);
    expect(old.units.get("Phường I")!.points.online_ratio).toBe(51);
    const c = await run(["plan", "check", two]);
    expect([c.code, c.out.trim().split("\n").length]).toEqual([0, 2]);
  });
});
