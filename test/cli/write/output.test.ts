/**
 * The input is never written. An -o that names the input — the same path, another spelling of it, a
 * symbolic or a hard link to it — is refused with exit status 2 and nothing is written anywhere; the
 * copy goes to a temporary file beside the target, renamed into place once complete; a failure half
 * way leaves no file behind and an earlier copy at the target as it was. Extensions match the copy.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { scoreCommand } from "../../../src/cli/score";
import { addDataSheet, parts } from "./packages";

// the module itself, so that a spy replaces what the writer reaches
// eslint-disable-next-line @typescript-eslint/no-require-imports
const realFs = require("fs") as typeof import("fs");

const ROOT = path.resolve(__dirname, "..", "..", "..");
const SAMPLE = path.join(ROOT, "assets", "samples", "hau-giang-2023.xlsx");
const VBA = path.join(ROOT, "test", "cli", "corpus", "shared", "excel12-vba.xlsm");

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await scoreCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** A folder holding only a copy of the sample. */
function fresh(name = "data.xlsx", bytes: Buffer = fs.readFileSync(SAMPLE)): { dir: string; input: string; bytes: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-out-"));
  const input = path.join(dir, name);
  fs.writeFileSync(input, bytes);
  return { dir, input, bytes };
}

const listing = (dir: string) => fs.readdirSync(dir).sort();

describe("-o onto the input is refused with exit status 2, nothing written", () => {
  const cases: [string, (input: string, dir: string) => string][] = [
    ["the same path", (input) => input],
    ["another spelling (a/../a)", (input, dir) => path.join(dir, "sub", "..", path.basename(input))],
    ["a relative spelling", (input) => path.relative(process.cwd(), input)],
    ["a symbolic link to it", (input, dir) => {
      const link = path.join(dir, "link.xlsx");
      fs.symlinkSync(input, link);
      return link;
    }],
    ["a hard link to it", (input, dir) => {
      const link = path.join(dir, "hard.xlsx");
      fs.linkSync(input, link);
      return link;
    }],
    ["a symbolic link to its folder", (input, dir) => {
      const link = path.join(dir, "folder-link");
      fs.symlinkSync(dir, link);
      return path.join(link, path.basename(input));
    }],
  ];
  it.each(cases)("%s", async (_what, spell) => {
    const { dir, input, bytes } = fresh();
    const output = spell(input, dir);
    const before = listing(dir);
    const mtime = fs.statSync(input).mtimeMs;
    const r = await run([input, "--plan", "hg-165", "-o", output]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("chính là tệp vào");
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
    expect(fs.statSync(input).mtimeMs).toBe(mtime);
    expect(listing(dir)).toEqual(before);
  });

  it("a CSV input too", async () => {
    const { dir, input, bytes } = fresh("data.csv", Buffer.from("Đơn vị;Số hồ sơ trực tuyến;Tổng số hồ sơ phát sinh;TK định danh mức 2;Số người có CCCD\nXã A;9;10;9;10\n"));
    const r = await run([input, "--plan", "hg-165", "--level", "xa", "-o", path.join(dir, ".", "data.csv")]);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
    expect(listing(dir)).toEqual(["data.csv"]);
  });
});

describe("the extension of the copy", () => {
  it("an .xlsx input's copy is .xlsx: -o x.xlsm and -o x.csv are refused, nothing written", async () => {
    const { dir, input } = fresh();
    for (const name of ["out.xlsm", "out.csv", "out"]) {
      const r = await run([input, "--plan", "hg-165", "-o", path.join(dir, name)]);
      expect({ name, code: r.code }).toEqual({ name, code: 2 });
      expect(r.err).toContain("phải có đuôi .xlsx");
    }
    expect(listing(dir)).toEqual(["data.xlsx"]);
  });

  it("a macro-enabled input's copy is .xlsm, by default and with -o; -o x.xlsx is refused", async () => {
    const { dir, input } = fresh("macros.xlsm", addDataSheet(fs.readFileSync(VBA)));
    const r = await run([input, "--plan", "hg-165", "--quiet"]);
    expect(r.code).toBe(0);
    expect(listing(dir)).toEqual(["macros-ket-qua.xlsm", "macros.xlsm"]);
    const copy = parts(fs.readFileSync(path.join(dir, "macros-ket-qua.xlsm")));
    expect(copy.get("xl/vbaProject.bin")!.equals(parts(fs.readFileSync(input)).get("xl/vbaProject.bin")!)).toBe(true);
    const refused = await run([input, "--plan", "hg-165", "-o", path.join(dir, "plain.xlsx")]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("phải có đuôi .xlsm");
    expect(listing(dir)).toEqual(["macros-ket-qua.xlsm", "macros.xlsm"]);
  });

  it("an -o that is a folder is refused", async () => {
    const { dir, input } = fresh();
    fs.mkdirSync(path.join(dir, "out.xlsx"));
    const r = await run([input, "--plan", "hg-165", "-o", path.join(dir, "out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("là một thư mục");
  });
});

describe("where the copy cannot go, the command says so in Vietnamese, naming the path (exit 2)", () => {
  afterEach(() => jest.restoreAllMocks());

  it("a mistyped -o folder is not created: nothing is written", async () => {
    const { dir, input } = fresh();
    const output = path.join(dir, "ket-qa", "out.xlsx");
    const r = await run([input, "--plan", "hg-165", "--quiet", "-o", output]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`"${output}"`);
    expect(r.err).toContain("không tồn tại");
    expect(listing(dir)).toEqual(["data.xlsx"]);
  });

  it("an -o under a file (not a folder) is refused", async () => {
    const { dir, input } = fresh();
    const r = await run([input, "--plan", "hg-165", "--quiet", "-o", path.join(input, "out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("không tồn tại");
    expect(listing(dir)).toEqual(["data.xlsx"]);
  });

  it.each(["EACCES", "EPERM", "EROFS"])("a place that cannot be written (%s)", async (code) => {
    const { dir, input } = fresh();
    const output = path.join(dir, "out.xlsx");
    const open = realFs.openSync;
    // only the copy's own new file ("wx"): the input is still read
    jest.spyOn(realFs, "openSync").mockImplementation(((...args: Parameters<typeof realFs.openSync>) => {
      if (args[1] === "wx") throw Object.assign(new Error(`${code}: operation not permitted, open`), { code });
      return (open as (...a: unknown[]) => number)(...args);
    }) as typeof realFs.openSync);
    const r = await run([input, "--plan", "hg-165", "--quiet", "-o", output]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`"${output}"`);
    expect(r.err).toContain("Không có quyền ghi");
    expect(r.err).not.toContain(code);
    expect(listing(dir)).toEqual(["data.xlsx"]);
  });

  it("a rename onto a folder that appeared meanwhile (EISDIR) names the path", async () => {
    const { dir, input } = fresh();
    const output = path.join(dir, "out.xlsx");
    jest.spyOn(realFs, "renameSync").mockImplementation(() => {
      throw Object.assign(new Error("EISDIR: illegal operation on a directory, rename"), { code: "EISDIR" });
    });
    const r = await run([input, "--plan", "hg-165", "--quiet", "-o", output]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`"${output}" là một thư mục`);
    expect(listing(dir)).toEqual(["data.xlsx"]);
  });
});

describe("the copy is written to a temporary file and renamed into place", () => {
  afterEach(() => jest.restoreAllMocks());

  it("renames a complete temporary file beside the target over it", async () => {
    const { dir, input } = fresh();
    const output = path.join(dir, "out.xlsx");
    fs.writeFileSync(output, "an earlier copy");
    const renames: [string, string][] = [];
    const rename = realFs.renameSync;
    jest.spyOn(realFs, "renameSync").mockImplementation((from, to) => {
      // at the moment of the rename the temporary file is complete: a whole zip
      expect(parts(realFs.readFileSync(from)).has("xl/workbook.xml")).toBe(true);
      expect(realFs.readFileSync(to, "utf8")).toBe("an earlier copy");
      renames.push([String(from), String(to)]);
      return rename(from, to);
    });
    const r = await run([input, "--plan", "hg-165", "--quiet", "-o", output]);
    expect(r.code).toBe(0);
    expect(renames).toHaveLength(1);
    expect(path.dirname(renames[0][0])).toBe(dir);
    expect(path.basename(renames[0][0])).toMatch(/^\.out\.xlsx\..*\.tmp$/);
    expect(renames[0][1]).toBe(output);
    expect(listing(dir)).toEqual(["data.xlsx", "out.xlsx"]);
  });

  it("a failure half way leaves no file, and an earlier copy at the target as it was", async () => {
    const { dir, input, bytes } = fresh();
    const output = path.join(dir, "out.xlsx");
    fs.writeFileSync(output, "an earlier copy");
    const write = realFs.writeSync;
    let calls = 0;
    jest.spyOn(realFs, "writeSync").mockImplementation(((...args: Parameters<typeof realFs.writeSync>) => {
      if (++calls === 3) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      return (write as (...a: unknown[]) => number)(...args);
    }) as typeof realFs.writeSync);
    const r = await run([input, "--plan", "hg-165", "--quiet", "-o", output]);
    // a full disk is said in Vietnamese, naming the path, never as Node's own English error
    expect(r.code).toBe(2);
    expect(r.err).toContain(`"${output}"`);
    expect(r.err).toContain("đã đầy");
    expect(r.err).not.toMatch(/ENOSPC|no space/);
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(listing(dir)).toEqual(["data.xlsx", "out.xlsx"]);
    expect(fs.readFileSync(output, "utf8")).toBe("an earlier copy");
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
  });

  it("a new target that fails half way is not there at all", async () => {
    const { dir, input } = fresh();
    const write = realFs.writeSync;
    let calls = 0;
    jest.spyOn(realFs, "writeSync").mockImplementation(((...args: Parameters<typeof realFs.writeSync>) => {
      if (++calls === 5) throw new Error("EIO: i/o error, write");
      return (write as (...a: unknown[]) => number)(...args);
    }) as typeof realFs.writeSync);
    await expect(run([input, "--plan", "hg-165", "--quiet", "-o", path.join(dir, "new.xlsx")])).rejects.toThrow("EIO");
    expect(listing(dir)).toEqual(["data.xlsx"]);
  });
});
