import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import {
  DEV_ORIGIN,
  MANIFEST_PATH,
  ROOT,
  XmlElement,
  allUrls,
  child,
  distPathOf,
  findAll,
  loadManifest,
  parseManifest,
  path1,
  pngSize,
  resources,
} from "./manifest-model";

let manifest: XmlElement;
beforeAll(async () => {
  manifest = await loadManifest();
});

function workbookHost(): XmlElement {
  const host = path1(manifest, "VersionOverrides", "Hosts", "Host");
  expect(host.attrs["xsi:type"]).toBe("Workbook");
  return host;
}

describe("manifest.xml is well-formed", () => {
  test("parses strictly as a TaskPaneApp", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
  });

  test("the strict parser rejects malformed XML", async () => {
    const broken = fs.readFileSync(MANIFEST_PATH, "utf8").replace("</Permissions>", "</Permission>");
    await expect(parseManifest(broken)).rejects.toThrow();
  });

  test("xmllint --noout accepts it", () => {
    // libxml2-utils is installed by scripts/setup.sh; a missing xmllint fails here rather than passing silently.
    expect(spawnSync("xmllint", ["--version"]).status).toBe(0);
    expect(() => execFileSync("xmllint", ["--noout", MANIFEST_PATH], { stdio: "pipe" })).not.toThrow();
  });
});

describe("identity and locale", () => {
  test("a fixed GUID id", () => {
    expect(child(manifest, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  test("Vietnamese by default with English overrides for the name and description", () => {
    expect(child(manifest, "DefaultLocale").text).toBe("vi-VN");
    for (const name of ["DisplayName", "Description"]) {
      const el = child(manifest, name);
      expect(el.attrs.DefaultValue.normalize("NFC")).toBe(el.attrs.DefaultValue);
      const overrides = el.children.filter((c) => c.name === "Override");
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(["en-US"]);
      expect(overrides[0].attrs.Value).not.toBe(el.attrs.DefaultValue);
    }
    expect(child(manifest, "DisplayName").attrs.DefaultValue).toBe("DVC Thi đua");
  });

  test("Excel only, with ReadWriteDocument permission", () => {
    expect(path1(manifest, "Hosts", "Host").attrs.Name).toBe("Workbook");
    expect(child(manifest, "Permissions").text).toBe("ReadWriteDocument");
  });
});

describe("shared runtime and custom functions", () => {
  test("requires SharedRuntime 1.1", () => {
    const sets = findAll(path1(manifest, "Requirements", "Sets"), "Set");
    expect(sets).toContainEqual(expect.objectContaining({ attrs: { Name: "SharedRuntime", MinVersion: "1.1" } }));
  });

  test("one long-lived runtime on the task pane page, which is also the function file", () => {
    const host = workbookHost();
    const runtimes = findAll(child(host, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    expect(path1(host, "DesktopFormFactor", "FunctionFile").attrs.resid).toBe("Taskpane.Url");
  });

  test("CustomFunctions extension point: namespace DVC, functions.js, functions.json, taskpane page", () => {
    const res = resources(manifest);
    const ext = findAll(workbookHost(), "ExtensionPoint").filter((e) => e.attrs["xsi:type"] === "CustomFunctions");
    expect(ext).toHaveLength(1);
    const url = (part: string) => res.urls.get(path1(ext[0], part, "SourceLocation").attrs.resid);
    expect(url("Script")).toBe(`${DEV_ORIGIN}functions.js`);
    expect(url("Metadata")).toBe(`${DEV_ORIGIN}functions.json`);
    expect(url("Page")).toBe(`${DEV_ORIGIN}taskpane.html`);
    expect(res.shortStrings.get(child(ext[0], "Namespace").attrs.resid)).toBe("DVC");
  });
});

describe("ribbon button", () => {
  test("a Home tab button labelled 'Thi đua DVC' shows the task pane", () => {
    const res = resources(manifest);
    const buttons = findAll(workbookHost(), "Control").filter((c) => c.attrs["xsi:type"] === "Button");
    expect(buttons).toHaveLength(1);
    const button = buttons[0];
    expect(res.shortStrings.get(child(button, "Label").attrs.resid)).toBe("Thi đua DVC");
    const action = child(button, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(res.urls.get(child(action, "SourceLocation").attrs.resid)).toBe(`${DEV_ORIGIN}taskpane.html`);
    expect(res.longStrings.get(path1(button, "Supertip", "Description").attrs.resid)).toBeTruthy();
  });
});

describe("resources", () => {
  test("every resid points at a resource of the right kind", () => {
    const res = resources(manifest);
    const kindOf = (el: XmlElement, parent: XmlElement | undefined): Map<string, string> => {
      if (el.name === "bt:Image") return res.images;
      if (el.name === "SourceLocation" || el.name === "Runtime" || el.name === "FunctionFile") return res.urls;
      if (el.name === "Description" && parent?.name === "Supertip") return res.longStrings;
      return res.shortStrings; // Label, Title, Namespace
    };
    const unresolved: string[] = [];
    let checked = 0;
    const visit = (el: XmlElement, parent?: XmlElement) => {
      if (el.attrs.resid !== undefined) {
        checked++;
        if (!kindOf(el, parent).has(el.attrs.resid)) unresolved.push(`<${el.name} resid="${el.attrs.resid}">`);
      }
      el.children.forEach((c) => visit(c, el));
    };
    visit(manifest);
    expect(unresolved).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  test("every string override is en-US and differs from the Vietnamese default", () => {
    let count = 0;
    for (const str of findAll(manifest, "bt:String")) {
      for (const o of str.children.filter((c) => c.name === "bt:Override")) {
        count++;
        expect(o.attrs.Locale).toBe("en-US");
        expect(o.attrs.Value).not.toBe(str.attrs.DefaultValue);
      }
    }
    expect(count).toBeGreaterThanOrEqual(3);
  });

  test("every URL is served by the dev server on https://localhost:3000", () => {
    const urls = allUrls(manifest);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(() => distPathOf(u)).not.toThrow();
  });
});

describe("icons", () => {
  const sizedImages = (): Array<[string, number]> => {
    const res = resources(manifest);
    const out: Array<[string, number]> = [
      [child(manifest, "IconUrl").attrs.DefaultValue, 32],
      [child(manifest, "HighResolutionIconUrl").attrs.DefaultValue, 64],
    ];
    for (const img of findAll(manifest, "bt:Image").filter((i) => i.attrs.size)) {
      out.push([res.images.get(img.attrs.resid)!, Number(img.attrs.size)]);
    }
    return out;
  };

  test("every icon the manifest names is a PNG in assets/ of the size it is used at", () => {
    const images = sizedImages();
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const [url, size] of images) {
      const rel = distPathOf(url);
      expect(rel).toMatch(/^assets\//);
      const file = path.join(ROOT, rel);
      expect(fs.existsSync(file)).toBe(true);
      expect({ url, ...pngSize(fs.readFileSync(file)) }).toEqual({ url, width: size, height: size });
    }
  });

  test.each([16, 32, 64, 80, 128])("assets/icon-%i.png is a PNG of the size in its name", (size) => {
    expect(pngSize(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });

  test("pngSize refuses bytes that are not a PNG", () => {
    expect(() => pngSize(Buffer.from("GIF89a-not-a-png-at-all-xxxxxxxx"))).toThrow("not a PNG");
  });
});
