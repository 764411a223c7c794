import * as fs from "fs";
import * as path from "path";
import { MANIFEST_PATH, distPathOf, loadManifest, servedUrls } from "../build/manifest-model";
import { DIST, distFile } from "./helpers/dist";

// Runs after `npm run build`: the manifest must refer only to files the build produced.
test("every URL in manifest.xml but the support page is a file in dist/", async () => {
  const urls = servedUrls(await loadManifest());
  expect(urls.length).toBeGreaterThan(5);
  const missing = urls.filter((u) => !fs.existsSync(path.join(DIST, distPathOf(u))));
  expect(missing).toEqual([]);
});

test("the build ships the manifest unchanged", () => {
  expect(fs.readFileSync(distFile("manifest.xml"), "utf8")).toBe(fs.readFileSync(MANIFEST_PATH, "utf8"));
});

// DVC_ADDIN_URL changes manifest.xml only (test/build/manifest-host.test.ts); every other file must already be
// free of the dev server, or a province's build would still point an official's Excel at localhost.
test("no text file that ships names localhost, but the dev build's manifest.xml", () => {
  const files = fs.readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(html|js|json|xml|txt|css|map)$/.test(d.name))
    .map((d) => path.relative(DIST, path.join(d.parentPath, d.name)).split(path.sep).join("/"));
  expect(files).toEqual(expect.arrayContaining(["functions.js", "functions.json", "taskpane.html", "taskpane.js", "manifest.xml"]));
  const naming = files.filter((f) => /localhost/i.test(fs.readFileSync(path.join(DIST, f), "utf8")));
  expect(naming).toEqual(["manifest.xml"]);
});

test("taskpane.html loads office.js from the CDN, then functions.js, then taskpane.js (shared runtime)", () => {
  const html = fs.readFileSync(distFile("taskpane.html"), "utf8");
  const srcs = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
  expect(srcs).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js", "taskpane.js"]);
});
