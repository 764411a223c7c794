/**
 * Bounded memory: a sheet of Excel's full 1,048,576 rows, written as a zip stream by the test (not
 * committed), is read with the sheet streamed and refused before scoring with a clear message, within
 * 2 GB; a table of the largest size scored (MAX_UNITS) is scored within 2 GB. Each run is a real
 * command in its own process, its peak resident set size reported by the process itself.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { MAX_UNITS } from "../../src/cli/score";
import { EXCEL_ROWS, writeBigSheet } from "./helpers/big-sheet";
import { tempDir } from "./helpers/libreoffice";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "dvc-thidua.js");
const LIMIT_KB = 2 * 1024 * 1024;
const dir = tempDir("dvc-big-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(input: string): { status: number | null; signal: string | null; stderr: string; maxRssKb: number; stdout: string } {
  const out = path.join(dir, "out.json");
  const fd = fs.openSync(out, "w");
  try {
    const r = spawnSync(process.execPath, ["--require", path.join(__dirname, "helpers", "max-rss.js"), BIN, "score", input, "--plan", "hg-165", "--json"], {
      stdio: ["ignore", fd, "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const stderr = r.stderr.toString();
    // a large input is scored by a second process with the heap capped (bin/dvc-thidua.js): each
    // process of the run reports its own peak, and the largest is the run's
    const peaks = [...stderr.matchAll(/maxRSS-kB (\d+)/g)].map((m) => Number(m[1]));
    const peak = peaks.length ? Math.max(...peaks) : Infinity;
    // eslint-disable-next-line no-console
    console.log(`${path.basename(input)}: exit ${r.status}, ${peaks.length} process(es), peak RSS ${Math.round(peak / 1024)} MB`);
    return { status: r.status, signal: r.signal, stderr: stderr.replace(/\n?maxRSS-kB \d+\n/g, "\n"), maxRssKb: peak, stdout: out };
  } finally {
    fs.closeSync(fd);
  }
}

test("1,048,576 rows: read, then refused before scoring with a clear message, within 2 GB", async () => {
  const input = path.join(dir, "full-sheet.xlsx");
  await writeBigSheet(input, EXCEL_ROWS);
  const r = run(input);
  expect({ status: r.status, signal: r.signal }).toEqual({ status: 1, signal: null });
  expect(r.stderr).toContain(`Bảng của trang "Số liệu" có 1.048.575 dòng dưới dòng tiêu đề (đến dòng 1048576), nhiều hơn 500.000 dòng`);
  expect(r.stderr).not.toMatch(/heap|FATAL|Lỗi \/ Error/);
  expect(fs.statSync(r.stdout).size).toBe(0);
  expect(r.maxRssKb).toBeLessThan(LIMIT_KB);
}, 300_000);

test(`${MAX_UNITS.toLocaleString("en")} units, the most scored: scored and printed within 2 GB`, async () => {
  const input = path.join(dir, "largest-table.xlsx");
  await writeBigSheet(input, MAX_UNITS + 1);
  const r = run(input);
  expect({ status: r.status, signal: r.signal, err: r.status === 0 ? "" : r.stderr }).toEqual({ status: 0, signal: null, err: "" });
  expect(r.stderr).toContain(`Đã chấm ${MAX_UNITS} đơn vị:`);
  // the JSON is whole: an array from its first unit to its close after the last one
  const size = fs.statSync(r.stdout).size;
  const fd = fs.openSync(r.stdout, "r");
  const head = Buffer.alloc(40);
  const tail = Buffer.alloc(200);
  fs.readSync(fd, head, 0, 40, 0);
  fs.readSync(fd, tail, 0, 200, size - 200);
  fs.closeSync(fd);
  expect(head.toString()).toMatch(/^\[\n {2}\{\n {4}"unit": "/);
  // the last unit's object closes, then the array (whatever field the unit ends with)
  expect(tail.toString()).toMatch(/\n {2}\}\n\]\n$/);
  expect(r.maxRssKb).toBeLessThan(LIMIT_KB);
}, 300_000);
