/**
 * The command line never executes workbook content. Crafted inputs — a macro-enabled workbook, external
 * links, formulas that would fetch or run something, CSV cells that look like formulas — are scored from
 * the values saved in the file, while every way out of the process (sockets, HTTP, DNS, child processes,
 * the linked files) is watched; then the scored workbook is opened as a zip and its parts are read.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import ExcelJS from "exceljs";
// exceljs's own zip library (a dependency of exceljs): the parts below have no exceljs API
import JSZip from "jszip";
import { scoreCommand } from "../../src/cli/score";
import { readInput } from "../../src/cli/read";
import { workbookForWriting, writeWorkbook } from "../../src/cli/xlsx";
import { detachExternalFormulas, detachedNotes, externalReference } from "../../src/cli/sanitize";
import { hg165Sheet, HG165_UNITS, type SampleCell } from "../fake-excel/sample-hg165";

// The modules themselves, not `import * as` copies: the spies must replace what every caller reaches.
/* eslint-disable @typescript-eslint/no-require-imports */
const realModules = {
  fs: require("fs") as typeof import("fs"),
  http: require("http") as typeof import("http"),
  https: require("https") as typeof import("https"),
  net: require("net") as typeof import("net"),
  dns: require("dns") as typeof import("dns"),
  childProcess: require("child_process") as typeof import("child_process"),
};
/* eslint-enable @typescript-eslint/no-require-imports */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-safety-"));
const SHEET = "Số liệu";
/** hg165Sheet: title in row 1, header in row 3, units from row 4; columns A STT, B unit, C district, D online … */
const firstUnitRow = 4;
const rowOf = (unit: string) => firstUnitRow + HG165_UNITS.findIndex((u) => u[1] === unit);

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await scoreCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

interface JsonUnit {
  unit: string;
  status: string;
  ratios: Record<string, number | null>;
}

/** The sample hg-165 table as an exceljs workbook; `edit` puts formulas or odd values into it. */
async function sampleBook(edit: (ws: ExcelJS.Worksheet) => void = () => undefined): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  hg165Sheet().forEach((row: SampleCell[], r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
  edit(ws);
  return wb;
}

/** Adds or rewrites parts of a saved workbook. */
async function withParts(book: ExcelJS.Workbook, change: (zip: JSZip, text: (name: string) => Promise<string>) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync((await book.xlsx.writeBuffer()) as ArrayBuffer);
  await change(zip, (name) => zip.file(name)!.async("string"));
  return zip.generateAsync({ type: "nodebuffer" });
}

/** Every part of a written workbook, as text. */
async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[e],
  );

interface XmlCell {
  ref: string;
  type: string | null;
  formula: string | null;
  /** the text of a string cell (shared or inline), else the raw <v> */
  text: string | null;
}

/** The cells of one sheet part, string cells resolved through sharedStrings.xml. */
function sheetCells(all: Map<string, string>, sheetName: string): XmlCell[] {
  const workbook = all.get("xl/workbook.xml")!;
  const rels = all.get("xl/_rels/workbook.xml.rels")!;
  const rid = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)].find((m) => unescapeXml(m[1]) === sheetName)![2];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]*)"`).exec(rels)![1].replace(/^\/?(xl\/)?/, "");
  const shared = [...(all.get("xl/sharedStrings.xml") ?? "").matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
    unescapeXml([...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join("")),
  );
  const xml = all.get(`xl/${target}`)!;
  return [...xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((m) => {
    const type = /\bt="([^"]*)"/.exec(m[2])?.[1] ?? null;
    const body = m[3] ?? "";
    const f = /<f[^>]*>(.*?)<\/f>|<f[^>]*\/>/s.exec(body);
    const v = /<v>(.*?)<\/v>/s.exec(body)?.[1] ?? null;
    const inline = /<is>(.*?)<\/is>/s.exec(body)?.[1];
    const text = type === "s" && v !== null ? shared[Number(v)] : inline !== undefined ? unescapeXml(inline.replace(/<[^>]+>/g, "")) : v === null ? null : unescapeXml(v);
    return { ref: m[1], type, formula: f ? unescapeXml(f[1] ?? "") : null, text };
  });
}

/** A short label for a call's first argument (sockets get arrays of option objects). */
function describeArg(a: unknown): string {
  if (typeof a === "string") return a.slice(0, 80);
  try {
    return JSON.stringify(a)?.slice(0, 80) ?? typeof a;
  } catch {
    return typeof a;
  }
}

/**
 * Watches every way out of the process while the command runs: sockets, HTTP(S), DNS and child
 * processes are recorded (child processes are refused outright), and so is every file path opened.
 */
function watchTheWayOut() {
  const calls: string[] = [];
  const opened: string[] = [];
  const spies: jest.SpyInstance[] = [];
  const watch = (obj: object, name: string, label: string, refuse = false) => {
    const original = (obj as Record<string, (...a: unknown[]) => unknown>)[name];
    spies.push(
      jest.spyOn(obj as Record<string, (...a: unknown[]) => unknown>, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
        calls.push(`${label}(${describeArg(args[0])})`);
        if (refuse) throw new Error(`${label} refused by the test`);
        return original.apply(this, args);
      }),
    );
  };
  const { net, http: httpModule, https, dns, childProcess, fs: fsModule } = realModules;
  watch(net.Socket.prototype, "connect", "net.Socket.connect");
  for (const [mod, label] of [[httpModule, "http"], [https, "https"]] as const) {
    watch(mod, "request", `${label}.request`);
    watch(mod, "get", `${label}.get`);
  }
  watch(dns, "lookup", "dns.lookup");
  watch(globalThis, "fetch", "fetch");
  for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"]) watch(childProcess, name, `child_process.${name}`, true);
  const watchOpen = (obj: object, name: string) => {
    const original = (obj as Record<string, (...a: unknown[]) => unknown>)[name];
    spies.push(
      jest.spyOn(obj as Record<string, (...a: unknown[]) => unknown>, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
        if (typeof args[0] === "string") opened.push(path.resolve(args[0]));
        return original.apply(this, args);
      }),
    );
  };
  for (const name of ["openSync", "open", "readFileSync", "readFile", "createReadStream", "statSync", "existsSync"]) watchOpen(fsModule, name);
  for (const name of ["open", "readFile"]) watchOpen(fsModule.promises, name);
  return { calls, opened, restore: () => spies.forEach((s) => s.mockRestore()) };
}

/** The score command with the way out watched: its result, the calls that left the process, the files it opened. */
async function runWatched(args: string[]) {
  const way = watchTheWayOut();
  try {
    return { ...(await run(args)), calls: way.calls, opened: way.opened };
  } finally {
    way.restore();
  }
}

/** A local server standing in for any address a formula names: it counts the requests it gets. */
let server: http.Server;
let hits: string[] = [];
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end("1");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  hits = [];
});

describe("the watch on the way out", () => {
  it("sees a request, a file read and a child process made the way any module makes them", async () => {
    const probe = path.join(dir, "probe.txt");
    fs.writeFileSync(probe, "x");
    const way = watchTheWayOut();
    try {
      await new Promise<void>((resolve, reject) => http.get(`${base}/probe`, (res) => res.resume().on("end", resolve)).on("error", reject));
      fs.readFileSync(probe);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(() => (require("child_process") as typeof import("child_process")).execFileSync("true")).toThrow("refused by the test");
    } finally {
      way.restore();
    }
    expect(way.calls).toEqual(expect.arrayContaining([expect.stringMatching(/^http\.get\(/), expect.stringMatching(/^net\.Socket\.connect\(/), "child_process.execFileSync(true)"]));
    expect(way.opened).toContain(probe);
    expect(hits).toEqual(["/probe"]);
  });
});

const CONTENT_TYPES = "[Content_Types].xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

describe("a macro-enabled workbook (.xlsm)", () => {
  it("is scored from its cells; the macro project is in no part of the scored workbook", async () => {
    const input = path.join(dir, "with-macro.xlsm");
    const bytes = await withParts(await sampleBook(), async (zip, text) => {
      zip.file("xl/vbaProject.bin", Buffer.from("VBA-PROJECT: Sub Workbook_Open() Shell \"calc\" End Sub"));
      zip.file(
        CONTENT_TYPES,
        (await text(CONTENT_TYPES))
          .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
          .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
      );
      zip.file(
        WORKBOOK_RELS,
        (await text(WORKBOOK_RELS)).replace(
          "</Relationships>",
          '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        ),
      );
    });
    fs.writeFileSync(input, bytes);
    const before = (await parts(input)).get("xl/vbaProject.bin");
    expect(before).toContain("Workbook_Open");

    // no -o: the default output name is .xlsx, never the input's macro-enabled extension
    const r = await runWatched([input, "--plan", "hg-165", "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([]);
    const output = path.join(dir, "with-macro-ket-qua.xlsx");
    const written = await parts(output);
    expect([...written.keys()].filter((p) => /vba|\.bin$/i.test(p))).toEqual([]);
    for (const [name, text] of written) expect({ name, macro: /vbaProject|macroEnabled|Workbook_Open/.test(text) }).toEqual({ name, macro: false });
    expect(written.get(CONTENT_TYPES)).toContain("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    // the input file itself is untouched
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
  });
});

/** Adds an external link to a workbook that has "[1]Other!…" formulas: the parts Excel writes for one. */
async function addExternalLink(book: ExcelJS.Workbook, target: string): Promise<Buffer> {
  return withParts(book, async (zip, text) => {
    zip.file(
      "xl/externalLinks/externalLink1.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<externalBook r:id="rId1"><sheetNames><sheetName val="Other"/></sheetNames><sheetDataSet><sheetData sheetId="0">' +
        '<row r="5"><cell r="D5"><v>95</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
    );
    zip.file(
      "xl/externalLinks/_rels/externalLink1.xml.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="${target}" TargetMode="External"/></Relationships>`,
    );
    zip.file(
      CONTENT_TYPES,
      (await text(CONTENT_TYPES)).replace(
        "</Types>",
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
      ),
    );
    zip.file(
      WORKBOOK_RELS,
      (await text(WORKBOOK_RELS)).replace(
        "</Relationships>",
        '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
      ),
    );
    zip.file(
      "xl/workbook.xml",
      (await text("xl/workbook.xml")).replace(
        "</sheets>",
        '</sheets><externalReferences><externalReference r:id="rId90"/></externalReferences>' +
          '<definedNames><definedName name="LinkedTotal">[1]Other!$E$5</definedName></definedNames>',
      ),
    );
  });
}

describe("external links", () => {
  const unit = "Xã Đông Phước";
  // the linked workbook exists and holds other figures: opening it would change the result
  const linked = path.join(dir, "linked.xlsx");
  const linkedFormula = `[1]Other!D${rowOf(unit)}`;
  const input = path.join(dir, "with-link.xlsx");

  beforeAll(async () => {
    const other = await sampleBook((ws) => (ws.getCell(`D${rowOf(unit)}`).value = 1));
    await other.xlsx.writeFile(linked);
    const book = await sampleBook((ws) => {
      // the saved value is the sample's own 95 (of 100)
      ws.getCell(`D${rowOf(unit)}`).value = { formula: linkedFormula, result: 95 } as ExcelJS.CellFormulaValue;
    });
    fs.writeFileSync(input, await addExternalLink(book, "linked.xlsx"));
  });

  it("scores the value saved in the file; the linked file is never opened and no link reaches the scored workbook", async () => {
    const output = path.join(dir, "with-link-scored.xlsx");
    const r = await runWatched([input, "--plan", "hg-165", "--json", "-o", output]);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([]);
    expect(r.opened).toContain(path.resolve(input));
    expect(r.opened.filter((p) => p.includes("linked"))).toEqual([]);
    const units = JSON.parse(r.out) as JsonUnit[];
    expect(units.find((u) => u.unit === unit)!.ratios.online_ratio).toBeCloseTo(0.95, 12);

    const written = await parts(output);
    expect([...written.keys()].filter((p) => p.includes("externalLink"))).toEqual([]);
    for (const [name, text] of written) {
      expect({ name, link: /externalLink|externalReference|linked\.xlsx|\[1\]/.test(text) }).toEqual({ name, link: false });
    }
    // the copy holds the scored value where the link was (the input file itself is never written), and says so
    expect(sheetCells(written, SHEET).find((c) => c.ref === `D${rowOf(unit)}`)).toEqual({ ref: `D${rowOf(unit)}`, type: null, formula: null, text: "95" });
    expect(r.err).toContain(`${SHEET}!D${rowOf(unit)}: công thức =${linkedFormula} lấy số liệu từ sổ khác`);
    expect(r.err).toContain(`Tên "LinkedTotal" trỏ sang sổ khác`);
  });

  it("detachExternalFormulas keeps the saved value in place of a formula that points into another workbook", async () => {
    const workbook = await workbookForWriting(await readInput(input));
    const ws = workbook.getWorksheet(SHEET)!;
    // an ordinary formula next to it must stay a formula
    ws.getCell("H4").value = { formula: "D4/E4", result: 0.95 } as ExcelJS.CellFormulaValue;
    const detached = detachExternalFormulas(workbook);
    expect(detached.formulas).toEqual([{ sheet: SHEET, address: `D${rowOf(unit)}`, formula: linkedFormula, value: 95, why: "external" }]);
    expect(detached.names).toEqual([{ name: "LinkedTotal", ranges: [`'[1]Other'!$E$5`] }]);
    expect(detachedNotes(detached)).toEqual([
      `${SHEET}!D${rowOf(unit)}: công thức =${linkedFormula} lấy số liệu từ sổ khác; đã dùng giá trị lưu trong tệp (95) và bản kết quả giữ giá trị đó thay cho công thức.`,
      `Tên "LinkedTotal" trỏ sang sổ khác ('[1]Other'!$E$5): bản kết quả không giữ tên này.`,
    ]);

    const output = path.join(dir, "with-link-detached.xlsx");
    await writeWorkbook(workbook, output);
    const written = await parts(output);
    for (const [name, text] of written) expect({ name, link: text.includes("[1]") }).toEqual({ name, link: false });
    const cells = sheetCells(written, SHEET);
    expect(cells.find((c) => c.ref === `D${rowOf(unit)}`)).toEqual({ ref: `D${rowOf(unit)}`, type: null, formula: null, text: "95" });
    expect(cells.find((c) => c.ref === "H4")).toMatchObject({ formula: "D4/E4" });
  });
});

describe("formulas that would fetch or run something", () => {
  it("are never evaluated: the saved value is scored, a formula saved without one is reported, nothing is fetched or run", async () => {
    const rows = {
      web: rowOf("Xã Đông Phước"),
      dde: rowOf("Thị trấn Ngã Sáu"),
      link: rowOf("Xã Hòa An"),
      noValue: rowOf("Xã Phương Bình"),
    };
    const web = `WEBSERVICE("${base}/webservice")`;
    const dde = `cmd|' /C calc'!A0`;
    const hyperlink = `HYPERLINK("${base}/hyperlink","Xã Hòa An")`;
    const input = path.join(dir, "fetching-formulas.xlsx");
    const book = await sampleBook((ws) => {
      ws.getCell(`D${rows.web}`).value = { formula: web, result: 95 } as ExcelJS.CellFormulaValue;
      ws.getCell(`D${rows.dde}`).value = { formula: dde, result: 80 } as ExcelJS.CellFormulaValue;
      ws.getCell(`B${rows.link}`).value = { formula: hyperlink, result: "Xã Hòa An" } as ExcelJS.CellFormulaValue;
      ws.getCell(`D${rows.noValue}`).value = { formula: `WEBSERVICE("${base}/never-saved")` } as ExcelJS.CellFormulaValue;
    });
    await book.xlsx.writeFile(input);
    const output = path.join(dir, "fetching-formulas-scored.xlsx");

    const r = await runWatched([input, "--plan", "hg-165", "--json", "-o", output]);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([]);
    expect(hits).toEqual([]);

    const units = JSON.parse(r.out) as JsonUnit[];
    const byName = (n: string) => units.find((u) => u.unit === n)!;
    expect(byName("Xã Đông Phước").ratios.online_ratio).toBeCloseTo(0.95, 12);
    expect(byName("Thị trấn Ngã Sáu").ratios.online_ratio).toBeCloseTo(0.8, 12);
    // the HYPERLINK's saved text is the unit's name
    expect(byName("Xã Hòa An").status).toBe("scored");
    // no saved value: a blank figure, reported with its cell, never fetched to fill it
    expect(byName("Xã Phương Bình").status).not.toBe("scored");
    expect(r.err).toContain(`${SHEET}!D${rows.noValue} (Xã Phương Bình)`);

    // exactly what happens to them: exceljs copies the user's sheet into the scored workbook as it was,
    // formula text and saved value; only Excel would run them, when the user opens that copy
    const written = await parts(output);
    const cells = sheetCells(written, SHEET);
    const at = (ref: string) => cells.find((c) => c.ref === ref)!;
    expect(at(`D${rows.web}`)).toMatchObject({ formula: web, text: "95" });
    // except DDE, which in the copy would turn into an error in the user's sheet: the copy keeps the saved value
    expect(at(`D${rows.dde}`)).toMatchObject({ formula: null, text: "80" });
    expect(r.err).toContain(`${SHEET}!D${rows.dde}: công thức =${dde} gọi chương trình khác (DDE)`);
    expect(at(`B${rows.link}`)).toMatchObject({ formula: hyperlink, text: "Xã Hòa An" });
    // the results sheet holds values only: nothing of the input's formulas
    expect(sheetCells(written, "Kết quả DVC").filter((c) => c.formula !== null)).toEqual([]);
  });
});

describe("text that looks like a formula", () => {
  const payloads = [`=HYPERLINK("${"http://127.0.0.1:9/x"}","Xã A")`, "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "=1+2"];

  /** Every cell holding `text` in the sheet: each must be a string cell without a formula. */
  const textCells = (cells: XmlCell[], text: string) => cells.filter((c) => c.text === text);

  it("CSV cells starting with = + - @ stay text in the scored workbook and in the JSON; a figure like =95 is reported, not computed", async () => {
    const input = path.join(dir, "formula-like.csv");
    const lines = [
      "Đơn vị;Cấp;Huyện;Số hồ sơ trực tuyến;Tổng số hồ sơ phát sinh;TK định danh mức 2;Số người có CCCD",
      "Huyện A;Huyện;;90;100;80;100",
      ...payloads.map((p, i) => `"${p.replace(/"/g, '""')}";Xã;Huyện A;${90 - i};100;90;100`),
      "Xã B;Xã;Huyện A;=95;100;90;100",
    ];
    fs.writeFileSync(input, lines.join("\n") + "\n");
    const output = path.join(dir, "formula-like-scored.xlsx");
    const r = await runWatched([input, "--plan", "hg-165", "--json", "-o", output]);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([]);

    const units = JSON.parse(r.out) as JsonUnit[];
    for (const p of payloads) expect(units.find((u) => u.unit === p)?.status).toBe("scored");
    expect(units.find((u) => u.unit === "Xã B")!.status).toBe("invalid_input");
    expect(r.err).toContain(`Số liệu!D${lines.length} (Xã B)`);

    const written = await parts(output);
    const data = sheetCells(written, "Số liệu");
    const results = sheetCells(written, "Kết quả DVC");
    for (const p of [...payloads, "=95"]) {
      const inData = textCells(data, p);
      expect(inData).toHaveLength(1);
      expect(inData[0]).toMatchObject({ type: "s", formula: null });
    }
    for (const p of payloads) {
      const inResults = textCells(results, p);
      expect(inResults.length).toBeGreaterThan(0);
      for (const c of inResults) expect(c).toMatchObject({ type: "s", formula: null });
    }
  });

  it("a unit name starting with = in an .xlsx stays text in the results sheet, with --formulas too; formulas quote the sheet name", async () => {
    const sheet = "Số liệu 'A' 2023";
    const input = path.join(dir, "formula-like-name.xlsx");
    const wb = await sampleBook((ws) => {
      ws.getCell(`B${rowOf("Xã Hòa An")}`).value = "=1+2";
      ws.name = sheet;
    });
    await wb.xlsx.writeFile(input);
    const output = path.join(dir, "formula-like-name-scored.xlsx");
    const r = await run([input, "--plan", "hg-165", "--formulas", "--quiet", "-o", output]);
    expect(r.code).toBe(0);
    const written = await parts(output);
    const results = sheetCells(written, "Kết quả DVC");
    const name = textCells(results, "=1+2");
    expect(name).toHaveLength(1);
    expect(name[0]).toMatchObject({ type: "s", formula: null });
    const formulas = results.filter((c) => c.formula).map((c) => c.formula!);
    expect(formulas.length).toBeGreaterThan(0);
    // the results' formulas read the input through references only, its sheet name quoted ('' for ')
    const inputRefs = formulas.flatMap((f) => [...f.matchAll(/'((?:[^']|'')*)'!/g)].map((m) => m[1]));
    expect(new Set(inputRefs.filter((s) => s.startsWith("Số liệu")))).toEqual(new Set(["Số liệu ''A'' 2023"]));
    for (const f of formulas) expect(f).not.toContain("1+2");
  });
});

describe("externalReference: which formulas reach outside the workbook", () => {
  it.each([
    ["[1]Other!B2", "external"],
    ["SUM([2]Data!A1:A3)+1", "external"],
    ["'[1]My sheet'!A1", "external"],
    ["[1]!TotalName", "external"],
    ["'C:\\data\\[Book.xlsx]Sheet1'!A1", "external"],
    ["[Book.xlsm]Sheet1!A1*2", "external"],
    ["cmd|' /C calc'!A0", "dde"],
    ["=A1+cmd|'/C calc'!A0", "dde"],
  ])("%s → %s", (formula, why) => {
    expect(externalReference(formula)).toBe(why);
  });

  it.each([
    "A1+B2",
    "Table1[Col]",
    "SUM(Table1[[#This Row],[1]])",
    "Sales[2023]",
    '"[1]Other!B2"&A1',
    'IF(A1="a|b",1,0)',
    "'Sheet|with bar'!A1",
    "'O''Neil'!A1",
    `WEBSERVICE("http://127.0.0.1/x")`,
    `HYPERLINK("http://127.0.0.1/x","[1]")`,
  ])("%s stays inside the workbook", (formula) => {
    expect(externalReference(formula)).toBeNull();
  });
});
