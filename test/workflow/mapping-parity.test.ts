/**
 * One mapper for both front ends: every table of the mapping corpus, written to an .xlsx and scored
 * by the command line, and put on the fake Excel and read by the pane's job, is mapped to the same
 * columns with the same doubts. (Cases with hidden columns are left out: the pane does not read
 * which columns are hidden.)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellInput, Level } from "../../src/engine";
import { parseScoreArgs, runScore } from "../../src/cli/score";
import { previewMapping } from "../../src/workflow/job";
import type { ExcelRunner } from "../../src/excel-io/types";
import type { ColumnMapping } from "../../src/workbook";
import { createFakeExcel, FakeWorkbook, type FakeScalar } from "../fake-excel/fake-excel";

interface Case {
  id: string;
  plan: string;
  level?: string;
  hiddenColumns?: string[];
  rows: CellInput[][];
  wrongPlan?: boolean;
}

const DIR = path.join(__dirname, "..", "workbook", "mapping-corpus");
const cases: Case[] = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as Case[])
  .filter((c) => !c.hiddenColumns?.length);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-parity-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What a mapping decided: each input's column (or none), and the inputs in doubt. */
function decided(m: ColumnMapping) {
  return {
    columns: Object.fromEntries(m.report.map((e) => [e.input, e.column])),
    doubts: m.doubts.map((d) => d.input).sort(),
  };
}

async function viaCli(c: Case): Promise<ColumnMapping> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Số liệu");
  c.rows.forEach((row, r) =>
    row.forEach((v, col) => {
      if (v !== null && v !== undefined) ws.getCell(r + 1, col + 1).value = v as ExcelJS.CellValue;
    }),
  );
  const file = path.join(tmp, `${c.id}.xlsx`);
  await wb.xlsx.writeFile(file);
  const args = [file, "--plan", c.plan, "--json", "--quiet", ...(c.level ? ["--level", c.level] : [])];
  const run = await runScore(await parseScoreArgs(args), { out: () => undefined, err: () => undefined });
  const m = run.refused?.mapping ?? run.scored?.mapping;
  if (!m) throw new Error(`${c.id}: the command line mapped nothing (exit ${run.code})`);
  return m;
}

async function viaPane(c: Case): Promise<ColumnMapping> {
  const wb = new FakeWorkbook();
  wb.setValues("Số liệu", "A1", c.rows as (FakeScalar | null)[][]);
  // the official clicks a cell of the table's last row
  const col = c.rows[c.rows.length - 1].findIndex((v) => v !== null && v !== "");
  wb.select("Số liệu", `${String.fromCharCode(65 + Math.max(0, col))}${c.rows.length}`);
  const excel = createFakeExcel(wb);
  const preview = await previewMapping(excel.run.bind(excel) as unknown as ExcelRunner, {
    planId: c.plan,
    source: { kind: "selection" },
    level: c.level as Level | undefined,
  });
  return preview.mapping;
}

describe("the command line and the pane map a table alike", () => {
  it("holds most of the corpus", () => expect(cases.length).toBeGreaterThanOrEqual(80));

  it.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    const [cli, pane] = await Promise.all([viaCli(c), viaPane(c)]);
    expect(decided(pane)).toEqual(decided(cli));
  });
});
