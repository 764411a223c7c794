/**
 * LibreOffice headless for the real-client tests: a fresh profile per run that recalculates every
 * formula on load (OOXMLRecalcMode = 0: otherwise cached xlsx results are trusted), CSV export of
 * every sheet, and PDF → image rendering with pdftoppm.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

function has(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
}

/**
 * Installs libreoffice-calc, poppler-utils and Carlito (Calibri's metrics, so that LibreOffice lays out
 * the workbook's Calibri text as Excel does) with apt when missing (CI installs them beforehand).
 */
export function ensureLibreOffice(): void {
  const need: string[] = [];
  if (!has("soffice")) need.push("libreoffice-calc");
  if (!has("pdftoppm")) need.push("poppler-utils");
  if (spawnSync("sh", ["-c", "fc-list | grep -qi carlito"]).status !== 0) need.push("fonts-crosextra-carlito");
  if (!need.length) return;
  const sudo = process.getuid && process.getuid() === 0 ? "" : "sudo ";
  execFileSync("sh", ["-c", `${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq --no-install-recommends ${need.join(" ")}`], {
    stdio: "inherit",
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A fresh LibreOffice user profile that recalculates every formula of an .xlsx when it is loaded;
 * `locale` (e.g. "vi-VN") sets the locale numbers are shown in, as a reader's system would.
 */
export function recalcProfile(prefix = "lo-profile-", locale?: string): string {
  const dir = tempDir(prefix);
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
${locale ? `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n` : ""}</oor:items>
`,
  );
  return dir;
}

function soffice(args: string[], outDir: string, timeout = 120_000, locale?: string): void {
  const prof = recalcProfile("lo-profile-", locale);
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${prof}`, "--headless", "--norestore", ...args, "--outdir", outDir], {
      stdio: "pipe",
      timeout,
    });
  } finally {
    fs.rmSync(prof, { recursive: true, force: true });
  }
}

const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/** Every sheet to CSV (UTF-8, raw values not as shown): sheet name → rows of fields. */
export function exportCsvAllSheets(xlsx: string): Map<string, string[][]> {
  return exportCsvAllSheetsMany([xlsx]).get(xlsx)!;
}

/**
 * exportCsvAllSheets for many workbooks in one LibreOffice run (starting soffice costs more than
 * converting a small workbook): file → sheet name → rows. LibreOffice names each CSV
 * "<file's base name>-<sheet>.csv" in one folder, so no base name may be another's followed by "-".
 */
export function exportCsvAllSheetsMany(files: string[]): Map<string, Map<string, string[][]>> {
  const bases = files.map((f) => path.basename(f, path.extname(f)));
  for (const a of bases) {
    const clash = bases.find((b) => b !== a && b.startsWith(a + "-"));
    if (clash !== undefined || bases.filter((b) => b === a).length > 1) throw new Error(`CSV names of "${a}" and "${clash ?? a}" would mix`);
  }
  const out = tempDir("lo-csv-");
  try {
    // about a second per workbook at most, on top of starting LibreOffice
    soffice(["--convert-to", CSV_ALL_SHEETS, ...files], out, 120_000 + files.length * 1_000);
    const csvs = fs.readdirSync(out).filter((f) => f.endsWith(".csv"));
    const result = new Map<string, Map<string, string[][]>>();
    files.forEach((file, i) => {
      const sheets = new Map<string, string[][]>();
      for (const f of csvs) {
        if (!f.startsWith(bases[i] + "-")) continue;
        sheets.set(f.slice(bases[i].length + 1, -4), parseCsv(fs.readFileSync(path.join(out, f), "utf8")));
      }
      result.set(file, sheets);
    });
    return result;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') q = false;
      else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export interface Image {
  width: number;
  height: number;
  /** RGB bytes, row by row */
  data: Buffer;
}

/** The workbook printed to PDF by LibreOffice (every sheet, each with its own page setup), in a new folder. */
export function printToPdf(xlsx: string, locale?: string): string {
  const out = tempDir("lo-pdf-");
  soffice(["--convert-to", "pdf", xlsx], out, undefined, locale);
  return path.join(out, path.basename(xlsx, path.extname(xlsx)) + ".pdf");
}

/** Renders every page of the workbook (PDF by LibreOffice, then pdftoppm) to images. */
export function renderPages(xlsx: string, dpi = 100): Image[] {
  const pdf = printToPdf(xlsx);
  const out = path.dirname(pdf);
  // PNG is what one looks at; the test reads the same pages as binary PPM (no PNG decoder needed)
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdf, path.join(out, "page")]);
  execFileSync("pdftoppm", ["-r", String(dpi), pdf, path.join(out, "raw")]);
  return fs.readdirSync(out).filter((f) => f.startsWith("raw") && f.endsWith(".ppm")).sort().map((f) => readPpm(fs.readFileSync(path.join(out, f))));
}

export function readPpm(buf: Buffer): Image {
  // header: "P6" whitespace width whitespace height whitespace maxval single-whitespace data
  let pos = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    if (buf[pos] === 0x23) { while (buf[pos] !== 0x0a) pos++; continue; }
    let t = "";
    while (!/\s/.test(String.fromCharCode(buf[pos]))) t += String.fromCharCode(buf[pos++]);
    tokens.push(t);
  }
  pos++;
  if (tokens[0] !== "P6") throw new Error("not a binary PPM");
  return { width: Number(tokens[1]), height: Number(tokens[2]), data: buf.subarray(pos) };
}

/**
 * Horizontal bands of rows holding a colour: [top, bottom] pixel rows where at least `minPixels`
 * pixels are within `tol` of the colour.
 */
export function colourBands(img: Image, rgb: [number, number, number], minPixels = 20, tol = 8): [number, number][] {
  const bands: [number, number][] = [];
  let start = -1;
  for (let y = 0; y < img.height; y++) {
    let n = 0;
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      if (Math.abs(img.data[i] - rgb[0]) <= tol && Math.abs(img.data[i + 1] - rgb[1]) <= tol && Math.abs(img.data[i + 2] - rgb[2]) <= tol) n++;
    }
    if (n >= minPixels) {
      if (start < 0) start = y;
    } else if (start >= 0) {
      bands.push([start, y - 1]);
      start = -1;
    }
  }
  if (start >= 0) bands.push([start, img.height - 1]);
  return bands;
}

export function hexRgb(hex: string): [number, number, number] {
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}
