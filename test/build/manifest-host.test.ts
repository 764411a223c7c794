/**
 * A production build for a province's own server: `DVC_ADDIN_URL=https://thidua.example.gov.vn/dvc npm run build`.
 * The real webpack.config.js is made with the variables set, and the plugins that write dist/'s manifest,
 * page and icons run on two empty entries into a scratch folder (the bundles do not depend on the variables:
 * test/e2e/manifest-dist.e2e.test.ts checks the built ones). The manifest written must pass every check the
 * project's own manifest.xml passes, with the server's base in place of the dev server.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { describeManifest } from "./manifest-checks";
import { MANIFEST_PATH, ROOT, allUrls, child, loadManifest, servedUrls } from "./manifest-model";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require(path.join(ROOT, "scripts/manifest-host.js")) as {
  DEV_ORIGIN: string;
  PROJECT_SUPPORT_URL: string;
  parseAddinBaseUrl(raw: string): string;
  parseSupportUrl(raw: string): string;
  manifestSettings(env: Record<string, string | undefined>): { baseUrl: string | null; supportUrl: string } | null;
  manifestForHost(xml: string, s: { baseUrl: string | null; supportUrl: string }): string;
};

const BASE = "https://thidua.example.gov.vn/dvc";
const VARS = ["DVC_ADDIN_URL", "DVC_SUPPORT_URL"] as const;
const scratch: string[] = [];

/** dist/ as the real config's manifest, page and icon plugins write it with these variables set. */
async function buildWith(vars: Partial<Record<(typeof VARS)[number], string>>): Promise<string> {
  const saved = VARS.map((v) => [v, process.env[v]] as const);
  for (const v of VARS) delete process.env[v];
  Object.assign(process.env, vars);
  let real: webpack.Configuration;
  try {
    const make = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<webpack.Configuration>;
    real = await make({}, { mode: "production" });
  } finally {
    for (const [v, value] of saved) {
      if (value === undefined) delete process.env[v];
      else process.env[v] = value;
    }
  }
  const plugins = real.plugins!.filter((p) => p && ["CopyPlugin", "HtmlWebpackPlugin"].includes(p.constructor.name));
  expect(plugins).toHaveLength(2);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dvc-host-"));
  scratch.push(tmp);
  for (const f of ["functions.js", "taskpane.js"]) fs.writeFileSync(path.join(tmp, f), "export {};\n");
  const out = path.join(tmp, "dist");
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(
      {
        mode: "production",
        context: ROOT,
        entry: { functions: path.join(tmp, "functions.js"), taskpane: path.join(tmp, "taskpane.js") },
        output: { path: out },
        plugins,
      },
      (err, s) => (err || !s ? reject(err) : resolve(s)),
    ),
  );
  expect(stats.toJson({ all: false, errors: true }).errors).toEqual([]);
  return out;
}

/** Every file under `dir`, relative, with forward slashes. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/"));
}

afterAll(() => {
  for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
});

describe(`DVC_ADDIN_URL=${BASE}`, () => {
  let dist: string;
  beforeAll(async () => {
    dist = await buildWith({ DVC_ADDIN_URL: BASE });
  }, 60_000);

  test("every URL of dist/manifest.xml starts with the base; the support address is the project's", async () => {
    const manifest = await loadManifest(path.join(dist, "manifest.xml"));
    const urls = servedUrls(manifest);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(`${BASE}/`))).toEqual([]);
    expect(child(manifest, "SupportUrl").attrs.DefaultValue).toBe(host.PROJECT_SUPPORT_URL);
    // nothing else: the support address is the only URL not under the base
    expect(allUrls(manifest).length).toBe(urls.length + 1);
  });

  test("no text file that ships names localhost", () => {
    const files = filesUnder(dist).filter((f) => /\.(xml|html|js|json|txt|css)$/.test(f));
    expect(files).toEqual(expect.arrayContaining(["manifest.xml", "taskpane.html"]));
    expect(files.filter((f) => /localhost/i.test(fs.readFileSync(path.join(dist, f), "utf8")))).toEqual([]);
  });

  test("the page loads its bundles by relative paths, so it works under any base; the only absolute URL is Office's CDN", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const srcs = [...html.matchAll(/<(?:script|link)\b[^>]*\s(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(srcs).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js", "taskpane.js"]);
    expect(html).not.toMatch(/<base\b/i);
  });

  test("only the URLs change: the manifest is manifest.xml with the dev server's origin replaced by the base", () => {
    const built = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    const source = fs.readFileSync(MANIFEST_PATH, "utf8");
    expect(built).toBe(source.split(`${host.DEV_ORIGIN}/`).join(`${BASE}/`));
  });

  describeManifest(`dist/manifest.xml for ${BASE}`, { file: () => path.join(dist, "manifest.xml"), origin: `${BASE}/` });
});

describe("DVC_SUPPORT_URL and a base written with a trailing slash", () => {
  test("the support address is the one given; the base's slash is not doubled", async () => {
    const dist = await buildWith({ DVC_ADDIN_URL: `${BASE}/`, DVC_SUPPORT_URL: "https://thidua.example.gov.vn/ho-tro?add-in=dvc" });
    const manifest = await loadManifest(path.join(dist, "manifest.xml"));
    expect(child(manifest, "SupportUrl").attrs.DefaultValue).toBe("https://thidua.example.gov.vn/ho-tro?add-in=dvc");
    const urls = servedUrls(manifest);
    expect(urls.filter((u) => !u.startsWith(`${BASE}/`) || u.slice(BASE.length).startsWith("//"))).toEqual([]);
    expect(urls).toContain(`${BASE}/taskpane.html`);
  }, 60_000);
});

describe("without DVC_ADDIN_URL", () => {
  test("the build ships manifest.xml as it is: the dev server's https://localhost:3000", async () => {
    const dist = await buildWith({});
    expect(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8")).toBe(fs.readFileSync(MANIFEST_PATH, "utf8"));
    expect(servedUrls(await loadManifest(path.join(dist, "manifest.xml")))[0]).toMatch(/^https:\/\/localhost:3000\//);
  }, 60_000);

  test("manifestSettings: nothing to change when neither variable is set; the project's support address by default", () => {
    expect(host.manifestSettings({})).toBeNull();
    expect(host.manifestSettings({ DVC_ADDIN_URL: BASE })).toEqual({ baseUrl: BASE, supportUrl: host.PROJECT_SUPPORT_URL });
    expect(host.manifestSettings({ DVC_SUPPORT_URL: "https://a.example/x" })).toEqual({ baseUrl: null, supportUrl: "https://a.example/x" });
  });
});

describe("the base URL is checked", () => {
  test.each([
    ["https://thidua.example.gov.vn/dvc", BASE],
    ["https://thidua.example.gov.vn/dvc/", BASE],
    ["  https://thidua.example.gov.vn/dvc  ", BASE],
    ["https://THIDUA.example.gov.vn:443/dvc", BASE],
    ["https://thidua.example.gov.vn", "https://thidua.example.gov.vn"],
    ["https://thidua.example.gov.vn/", "https://thidua.example.gov.vn"],
    ["https://10.0.0.5:8443/addins/dvc-thidua", "https://10.0.0.5:8443/addins/dvc-thidua"],
  ])("%j is the base %j", (raw, base) => {
    expect(host.parseAddinBaseUrl(raw)).toBe(base);
  });

  test.each([
    ["http://thidua.example.gov.vn/dvc", /phải bắt đầu bằng https:\/\//],
    ["https:/thidua.example.gov.vn/dvc", /phải bắt đầu bằng https:\/\//],
    ["https:///thidua.example.gov.vn/dvc", /phải bắt đầu bằng https:\/\//],
    ["thidua.example.gov.vn/dvc", /không phải một địa chỉ URL đầy đủ/],
    ["", /giá trị trống/],
    ["https://thidua.example.gov.vn/dvc//", /hai dấu \/ liền nhau/],
    ["https://thidua.example.gov.vn//dvc", /hai dấu \/ liền nhau/],
    ["https://thidua.example.gov.vn/dvc/taskpane.html", /"taskpane.html" là tên tệp/],
    ["https://thidua.example.gov.vn/dvc/manifest.xml", /"manifest.xml" là tên tệp/],
    ["https://thidua.example.gov.vn/dvc?v=2", /không được có phần \? hay #/],
    ["https://thidua.example.gov.vn/dvc#x", /không được có phần \? hay #/],
    ["https://admin:secret@thidua.example.gov.vn/dvc", /tên đăng nhập hay mật khẩu/],
    ["https://thidua.example.gov.vn/thi dua", /dấu cách/],
    ["https://thidua.example.gov.vn\\dvc", /dấu \\/],
  ])("%j is refused, saying why in Vietnamese and naming the variable", (raw, why) => {
    let message = "";
    try {
      host.parseAddinBaseUrl(raw);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(why);
    expect(message).toContain(`DVC_ADDIN_URL="${raw}"`);
    expect(message).toContain("Ví dụ");
  });

  test("a bad value stops the build before anything is written", async () => {
    await expect(buildWith({ DVC_ADDIN_URL: "http://thidua.example.gov.vn/dvc" })).rejects.toThrow(/DVC_ADDIN_URL=.*https:\/\//);
    await expect(buildWith({ DVC_SUPPORT_URL: "ftp://thidua.example.gov.vn/ho-tro" })).rejects.toThrow(/DVC_SUPPORT_URL=.*https:\/\//);
  });
});

describe("the transformation refuses a manifest it cannot move", () => {
  const source = () => fs.readFileSync(MANIFEST_PATH, "utf8");

  test("no <SupportUrl>, or two", () => {
    const without = source().replace(/\s*<SupportUrl[^>]*\/>/, "");
    expect(() => host.manifestForHost(without, { baseUrl: BASE, supportUrl: host.PROJECT_SUPPORT_URL })).toThrow(/exactly one <SupportUrl/);
    const twice = source().replace(/(<SupportUrl[^>]*\/>)/, "$1$1");
    expect(() => host.manifestForHost(twice, { baseUrl: BASE, supportUrl: host.PROJECT_SUPPORT_URL })).toThrow(/it has 2/);
  });

  test("a localhost URL the move does not catch", () => {
    const other = source().replace("https://localhost:3000/functions.json", "https://localhost:3001/functions.json");
    expect(() => host.manifestForHost(other, { baseUrl: BASE, supportUrl: host.PROJECT_SUPPORT_URL })).toThrow(/still names localhost/);
  });

  test("an address with & is written escaped, so the manifest stays well-formed XML", async () => {
    const xml = host.manifestForHost(source(), { baseUrl: BASE, supportUrl: host.parseSupportUrl("https://thidua.example.gov.vn/ho-tro?a=1&b=2") });
    expect(xml).toContain('<SupportUrl DefaultValue="https://thidua.example.gov.vn/ho-tro?a=1&amp;b=2"/>');
  });
});

test("the project's support address is the one README.md gives under \"Hỗ trợ / Support\", and manifest.xml's", async () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = /^## Hỗ trợ \/ Support\n([\s\S]*?)(?=^## )/m.exec(readme);
  expect(section).not.toBeNull();
  expect(section![1].match(/https:\/\/[^\s)>]+/g)).toEqual([host.PROJECT_SUPPORT_URL]);
  expect(child(await loadManifest(), "SupportUrl").attrs.DefaultValue).toBe(host.PROJECT_SUPPORT_URL);
});
