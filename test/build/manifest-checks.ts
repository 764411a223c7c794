/**
 * The checks every manifest the project ships must pass: manifest.xml as written (for the dev server) and
 * the dist/manifest.xml a production build writes for another server (manifest-host.test.ts). `target.file()`
 * is read in a beforeAll, so a caller may produce the file in its own beforeAll first.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT, XmlElement, child, distPathOf, findAll, loadManifest, path1, pngSize, resources, servedUrls } from "./manifest-model";

/**
 * The order of OfficeApp's children in a TaskPaneApp (schema http://schemas.microsoft.com/office/appforoffice/1.1,
 * OfficeAppManifestv1.1.xsd): the OfficeApp sequence, then TaskPaneApp's extension of it. Microsoft's schema
 * reference, "OfficeApp complexType" and "TaskPaneApp complexType" (learn.microsoft.com, previous-versions/office
 * dn482624 and dn482627). Office refuses a manifest whose elements are out of this order.
 */
export const TASKPANE_APP_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
  "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts",
  "Requirements", "DefaultSettings", "Permissions", "Dictionary", "VersionOverrides",
];
/** minOccurs="1" in the same schema */
const REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"];

export interface ManifestTarget {
  /** the manifest file to check */
  file(): string;
  /** the base every URL of the add-in's files starts with, with its trailing slash */
  origin: string;
}

export function describeManifest(label: string, target: ManifestTarget): void {
  let manifest: XmlElement;
  beforeAll(async () => {
    manifest = await loadManifest(target.file());
  });

  const workbookHost = (): XmlElement => {
    const host = path1(manifest, "VersionOverrides", "Hosts", "Host");
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    return host;
  };

  describe(`${label}: well-formed, in the schema's order`, () => {
    test("parses strictly as a TaskPaneApp", () => {
      expect(manifest.name).toBe("OfficeApp");
      expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    });

    test("xmllint --noout accepts it", () => {
      // libxml2-utils is installed by scripts/setup.sh; a missing xmllint fails here rather than passing silently.
      expect(spawnSync("xmllint", ["--version"]).status).toBe(0);
      expect(() => execFileSync("xmllint", ["--noout", target.file()], { stdio: "pipe" })).not.toThrow();
    });

    test("OfficeApp's children are the schema's, in its order, each at most once, the required ones present", () => {
      const names = manifest.children.map((c) => c.name);
      expect(names.filter((n) => !TASKPANE_APP_ORDER.includes(n))).toEqual([]);
      const positions = names.map((n) => TASKPANE_APP_ORDER.indexOf(n));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(names).size).toBe(names.length);
      for (const r of REQUIRED) expect(names).toContain(r);
    });

    test("a support address: one https <SupportUrl> after the icons and before AppDomains and Hosts", () => {
      const names = manifest.children.map((c) => c.name);
      const at = names.indexOf("SupportUrl");
      expect(at).toBeGreaterThan(names.indexOf("HighResolutionIconUrl"));
      expect(names.indexOf("HighResolutionIconUrl")).toBeGreaterThan(names.indexOf("IconUrl"));
      expect(names.indexOf("IconUrl")).toBeGreaterThanOrEqual(0);
      for (const later of ["AppDomains", "Hosts"]) if (names.includes(later)) expect(at).toBeLessThan(names.indexOf(later));
      expect(new URL(child(manifest, "SupportUrl").attrs.DefaultValue).protocol).toBe("https:");
    });
  });

  describe(`${label}: identity and locale`, () => {
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

  describe(`${label}: shared runtime and custom functions`, () => {
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
      expect(url("Script")).toBe(`${target.origin}functions.js`);
      expect(url("Metadata")).toBe(`${target.origin}functions.json`);
      expect(url("Page")).toBe(`${target.origin}taskpane.html`);
      expect(res.shortStrings.get(child(ext[0], "Namespace").attrs.resid)).toBe("DVC");
    });
  });

  describe(`${label}: ribbon button`, () => {
    test("a Home tab button labelled 'Thi đua DVC' shows the task pane", () => {
      const res = resources(manifest);
      const buttons = findAll(workbookHost(), "Control").filter((c) => c.attrs["xsi:type"] === "Button");
      expect(buttons).toHaveLength(1);
      const button = buttons[0];
      expect(res.shortStrings.get(child(button, "Label").attrs.resid)).toBe("Thi đua DVC");
      const action = child(button, "Action");
      expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
      expect(res.urls.get(child(action, "SourceLocation").attrs.resid)).toBe(`${target.origin}taskpane.html`);
      expect(res.longStrings.get(path1(button, "Supertip", "Description").attrs.resid)).toBeTruthy();
    });
  });

  describe(`${label}: resources`, () => {
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

    test(`every URL of the add-in's files is served from ${target.origin}`, () => {
      const urls = servedUrls(manifest);
      expect(urls.length).toBeGreaterThan(5);
      for (const u of urls) expect(() => distPathOf(u, target.origin)).not.toThrow();
    });
  });

  describe(`${label}: icons`, () => {
    test("every icon the manifest names is a PNG in assets/ of the size it is used at", () => {
      const res = resources(manifest);
      const images: Array<[string, number]> = [
        [child(manifest, "IconUrl").attrs.DefaultValue, 32],
        [child(manifest, "HighResolutionIconUrl").attrs.DefaultValue, 64],
      ];
      for (const img of findAll(manifest, "bt:Image").filter((i) => i.attrs.size)) {
        images.push([res.images.get(img.attrs.resid)!, Number(img.attrs.size)]);
      }
      expect(images.length).toBeGreaterThanOrEqual(5);
      for (const [url, size] of images) {
        const rel = distPathOf(url, target.origin);
        expect(rel).toMatch(/^assets\//);
        const file = path.join(ROOT, rel);
        expect(fs.existsSync(file)).toBe(true);
        expect({ url, ...pngSize(fs.readFileSync(file)) }).toEqual({ url, width: size, height: size });
      }
    });
  });
}
