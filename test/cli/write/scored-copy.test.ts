/**
 * The scored copy is the input's own package with our parts added. Real workbooks from other
 * producers (test/cli/corpus/shared, from ../shared/corpus: Excel, Excel Online, Google Sheets, WPS — pivots, charts, chartsheets,
 * sparklines, threaded comments, VBA, external links) and the bundled samples get a DVC data sheet
 * added the way a user's workbook would hold one, are scored by the command, and the copy is compared
 * with the input part by part; then the copy is scored again.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { scoreCommand } from "../../../src/cli/score";
import { addDataSheet, elementSignatures, isIndexPart, lost, packageLosses, parts, text } from "./packages";

const ROOT = path.resolve(__dirname, "..", "..", "..");
// the shared corpus, copied unchanged into the repository (its SOURCES.md says where each file is from)
const CORPUS = path.join(ROOT, "test", "cli", "corpus", "shared");
const SAMPLES = path.join(ROOT, "assets", "samples");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-copy-"));

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await scoreCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const OURS = ["Kết quả DVC", "Quy tắc DVC", "Biểu đồ DVC"];

/**
 * What --quiet still says: nothing, but for the 2026 sample the two data problems it holds on
 * purpose (a bonus of 6, a commune with no cluster).
 */
function quietErr(name: string): unknown {
  return name.startsWith("minh-son") ? expect.stringMatching(/^Có 2 vấn đề về số liệu .*\n.*L30 .*\n.*C34 .*\n$/) : "";
}

/** The samples' plans (src/cli/demo.ts); the corpus gets the hg-165 data sheet. */
function planArgs(name: string): string[] {
  if (name.startsWith("lang-son")) return ["--plan", "ls-170"];
  if (name.startsWith("chu-prong")) return ["--plan", "iator-32", "--date", "10/05/2024"];
  if (name.startsWith("minh-son")) return ["--plan", path.join(SAMPLES, "minh-son-2026.plan.json")];
  return ["--plan", "hg-165"];
}

/** The parts of a copy that the sheets of ours lead to (their worksheet parts, drawings, charts, rels). */
function ourParts(p: Map<string, Buffer>): Set<string> {
  const wb = text(p, "xl/workbook.xml");
  const rels = text(p, "xl/_rels/workbook.xml.rels");
  const out = new Set<string>();
  const todo: string[] = [];
  for (const m of wb.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    if (!OURS.includes(m[1])) continue;
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"`).exec(rels)![1];
    todo.push(path.posix.join("xl", target));
  }
  while (todo.length) {
    const part = todo.pop()!;
    if (out.has(part)) continue;
    out.add(part);
    const relsName = path.posix.join(path.posix.dirname(part), "_rels", path.posix.basename(part) + ".rels");
    const r = p.get(relsName);
    if (!r) continue;
    out.add(relsName);
    for (const m of r.toString("utf8").matchAll(/Target="([^"]*)"/g)) todo.push(path.posix.normalize(path.posix.join(path.posix.dirname(part), m[1])));
  }
  return out;
}

function inputs(): { name: string; file: string }[] {
  const corpus = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f)) : [];
  return [
    ...corpus.map((f) => ({ name: f, file: path.join(CORPUS, f) })),
    ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx")).map((f) => ({ name: f, file: path.join(SAMPLES, f) })),
  ];
}

test("the corpus of other producers' workbooks is there", () => {
  // without it this suite would check the samples only
  expect(inputs().filter((i) => i.file.startsWith(CORPUS)).length).toBeGreaterThanOrEqual(10);
});

describe.each(inputs())("$name with a DVC data sheet", ({ name, file }) => {
  const ext = path.extname(name);
  const input = path.join(dir, name.replace(ext, "-in" + ext));
  const first = path.join(dir, name.replace(ext, "-scored" + ext));
  const second = path.join(dir, name.replace(ext, "-rescored" + ext));
  let inputBytes: Buffer;
  const samples = file.startsWith(SAMPLES);

  beforeAll(() => {
    // the samples hold their data sheet already; the corpus gets one added
    inputBytes = samples ? fs.readFileSync(file) : addDataSheet(fs.readFileSync(file));
    fs.writeFileSync(input, inputBytes);
  });

  it("is scored; every part of the input is in the copy unchanged, the index parts only gain; the input is untouched", async () => {
    const r = await run([input, ...planArgs(name), "--quiet", "-o", first]);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: quietErr(name) });
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
    const out = fs.readFileSync(first);
    expect(packageLosses(inputBytes, out)).toEqual([]);
    // nothing but our parts was added
    const a = parts(inputBytes);
    const added = [...parts(out).keys()].filter((k) => !a.has(k));
    const ours = ourParts(parts(out));
    expect(added.filter((k) => !ours.has(k))).toEqual([]);
    // the workbook keeps its calculation settings: no recalculation of the user's formulas forced on load
    expect(text(parts(out), "xl/workbook.xml")).not.toContain("fullCalcOnLoad");
  });

  it("opens in exceljs with the input's sheets and ours", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(first) as unknown as ArrayBuffer);
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.load(inputBytes as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, orig.worksheets.length)).toEqual(orig.worksheets.map((w) => w.name));
    expect(names).toEqual(expect.arrayContaining(["Kết quả DVC", "Quy tắc DVC"]));
  });

  it("scored again, only our parts are replaced", async () => {
    const r = await run([first, ...planArgs(name), "--quiet", "-o", second]);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: quietErr(name) });
    const a = parts(fs.readFileSync(first));
    const b = parts(fs.readFileSync(second));
    const oursA = ourParts(a);
    const oursB = ourParts(b);
    for (const [k, data] of a) {
      if (oursA.has(k) || isIndexPart(k)) continue;
      expect({ part: k, same: b.get(k)?.equals(data) }).toEqual({ part: k, same: true });
    }
    expect([...b.keys()].filter((k) => !a.has(k) && !oursB.has(k))).toEqual([]);
    // the same tabs in the same order, the same names; the styles did not grow
    const sheets = (p: Map<string, Buffer>) => [...text(p, "xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(sheets(b)).toEqual(sheets(a));
    const names = (p: Map<string, Buffer>) => elementSignatures(text(p, "xl/workbook.xml")).filter((s) => s.includes("definedName"));
    expect(lost(names(a), names(b))).toEqual([]);
    expect(b.get("xl/styles.xml")?.equals(a.get("xl/styles.xml")!)).toBe(true);
  });
});
