/**
 * docs/deploy.md against the build: the nginx example must send the pane's Content-Security-Policy exactly as
 * the built page's <meta> states it (webpack.config.js makes both from one object), and every header the dev
 * server sends, so that a province's server behaves like the one the add-in is tested on.
 */
import * as fs from "fs";
import * as path from "path";
import { CONTENT_SECURITY_POLICY, DEV_SERVER_HEADERS, parsePolicy, policyString } from "../security/csp";

const ROOT = path.resolve(__dirname, "../..");
const guide = fs.readFileSync(path.join(ROOT, "docs/deploy.md"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseAddinBaseUrl } = require(path.join(ROOT, "scripts/manifest-host.js")) as { parseAddinBaseUrl(raw: string): string };

const nginxBlocks = () => [...guide.matchAll(/```nginx\n([\s\S]*?)```/g)].map((m) => m[1]);
/** `add_header Name "value" always;` lines of an nginx block, as [name, value]. */
const headers = (block: string) => [...block.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;\s*$/gm)].map((m) => [m[1], m[2]] as const);

test("Vietnamese first, then English, each with the nginx example", () => {
  const vi = guide.indexOf("## Tiếng Việt");
  const en = guide.indexOf("## English");
  expect(vi).toBeGreaterThan(0);
  expect(en).toBeGreaterThan(vi);
  const blocksAt = [...guide.matchAll(/```nginx\n/g)].map((m) => m.index!);
  expect(blocksAt.filter((i) => i < en).length).toBeGreaterThanOrEqual(1);
  expect(blocksAt.filter((i) => i > en).length).toBeGreaterThanOrEqual(1);
});

test("every nginx example sends the Content-Security-Policy the build puts in taskpane.html's <meta>", () => {
  const blocks = nginxBlocks();
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  for (const block of blocks) {
    const csp = headers(block).filter(([name]) => name.toLowerCase() === "content-security-policy");
    expect(csp).toHaveLength(1);
    expect(csp[0][1]).toBe(policyString(CONTENT_SECURITY_POLICY));
    expect(parsePolicy(csp[0][1])).toEqual(CONTENT_SECURITY_POLICY);
  }
});

test("every nginx example sends each header the dev server sends, with the same value", () => {
  for (const block of nginxBlocks()) {
    const sent = new Map(headers(block).map(([n, v]) => [n.toLowerCase(), v]));
    for (const [name, value] of Object.entries(DEV_SERVER_HEADERS)) expect({ name, value: sent.get(name.toLowerCase()) }).toEqual({ name, value });
    // Excel on the web shows the pane in a frame: the example must not forbid it
    expect(sent.has("x-frame-options")).toBe(false);
  }
});

test("the example serves the folder the guide's build command names", () => {
  const urls = [...guide.matchAll(/DVC_ADDIN_URL=(\S+) npm run build/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThanOrEqual(2);
  for (const u of urls) {
    const base = parseAddinBaseUrl(u);
    const folder = new URL(base).pathname;
    for (const block of nginxBlocks()) {
      expect(block).toContain(`server_name ${new URL(base).hostname};`);
      expect(block).toMatch(new RegExp(`location ${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/ \\{\\s*\\n\\s*alias \\S+/;`));
    }
  }
});

test("the guide and the README state which Excel can run the add-in", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const deploy = /^### Triển khai \/ Deploy\n([\s\S]*?)(?=^##)/m.exec(readme);
  expect(deploy).not.toBeNull();
  expect(deploy![1]).toContain("docs/deploy.md");
  for (const text of [guide, deploy![1]]) {
    for (const fact of ["Microsoft 365", "Excel 2021", "2024", "16.35", "Excel on the web", "Excel 2016", "2019", "iPad"]) expect({ fact, found: text.includes(fact) }).toEqual({ fact, found: true });
  }
});
