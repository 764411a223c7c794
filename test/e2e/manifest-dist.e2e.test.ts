import * as fs from "fs";
import * as path from "path";
import { MANIFEST_PATH, allUrls, distPathOf, loadManifest } from "../build/manifest-model";
import { DIST, distFile } from "./helpers/dist";

// Runs after `npm run build`: the manifest must refer only to files the build produced.
test("every URL in manifest.xml is a file in dist/", async () => {
  const urls = allUrls(await loadManifest());
  expect(urls.length).toBeGreaterThan(5);
  const missing = urls.filter((u) => !fs.existsSync(path.join(DIST, distPathOf(u))));
  expect(missing).toEqual([]);
});

test("the build ships the manifest unchanged", () => {
  expect(fs.readFileSync(distFile("manifest.xml"), "utf8")).toBe(fs.readFileSync(MANIFEST_PATH, "utf8"));
});

test("taskpane.html loads office.js from the CDN, then functions.js, then taskpane.js (shared runtime)", () => {
  const html = fs.readFileSync(distFile("taskpane.html"), "utf8");
  const srcs = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
  expect(srcs).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js", "taskpane.js"]);
});
