import * as fs from "fs";
import * as path from "path";

// xml2js (sax-based, strict by default) comes with office-addin-manifest; it has no bundled types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js: { parseStringPromise(xml: string, options: object): Promise<Record<string, RawNode>> } = require("xml2js");

interface RawNode {
  "#name": string;
  $?: Record<string, string>;
  _?: string;
  $$?: RawNode[];
}

/** A manifest element: qualified name as written (e.g. "bt:Image"), attributes, trimmed text, children in order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlElement[];
}

export const ROOT = path.resolve(__dirname, "../..");
export const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
/** The origin every manifest URL must use: the dev server of webpack.config.js. */
export const DEV_ORIGIN = "https://localhost:3000/";

function convert(node: RawNode): XmlElement {
  return {
    name: node["#name"],
    attrs: node.$ ?? {},
    text: (node._ ?? "").trim(),
    children: (node.$$ ?? []).map(convert),
  };
}

/** Parses manifest XML strictly (malformed XML rejects). */
export async function parseManifest(xml: string): Promise<XmlElement> {
  const doc = await xml2js.parseStringPromise(xml, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitCharkey: true,
    strict: true,
  });
  const roots = Object.values(doc);
  if (roots.length !== 1) throw new Error("manifest.xml must have exactly one root element");
  return convert(roots[0]);
}

export async function loadManifest(file = MANIFEST_PATH): Promise<XmlElement> {
  return parseManifest(fs.readFileSync(file, "utf8"));
}

/** All descendants (and the element itself) with the given qualified name. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(visit);
  };
  visit(el);
  return out;
}

/** The single child with this name; throws when absent or repeated, naming the path. */
export function child(el: XmlElement, name: string): XmlElement {
  const found = el.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

/** Follows a chain of single children: path(root, "VersionOverrides", "Hosts", "Host"). */
export function path1(el: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, el);
}

/** Resource tables of VersionOverrides: resid → DefaultValue, per kind. */
export interface Resources {
  images: Map<string, string>;
  urls: Map<string, string>;
  shortStrings: Map<string, string>;
  longStrings: Map<string, string>;
}

export function resources(manifest: XmlElement): Resources {
  const res = path1(manifest, "VersionOverrides", "Resources");
  const table = (group: string, item: string) => {
    const m = new Map<string, string>();
    for (const g of res.children.filter((c) => c.name === group)) {
      for (const e of g.children.filter((c) => c.name === item)) {
        if (m.has(e.attrs.id)) throw new Error(`duplicate resource id ${e.attrs.id} in ${group}`);
        m.set(e.attrs.id, e.attrs.DefaultValue);
      }
    }
    return m;
  };
  return {
    images: table("bt:Images", "bt:Image"),
    urls: table("bt:Urls", "bt:Url"),
    shortStrings: table("bt:ShortStrings", "bt:String"),
    longStrings: table("bt:LongStrings", "bt:String"),
  };
}

/** Every absolute URL the manifest mentions, in attributes or text (but in the elements named in `except`). */
export function allUrls(manifest: XmlElement, except: string[] = []): string[] {
  const urls: string[] = [];
  const visit = (e: XmlElement) => {
    if (except.includes(e.name)) return;
    for (const v of [...Object.values(e.attrs), e.text]) {
      if (/^https?:\/\//i.test(v) && !/^https?:\/\/schemas\.microsoft\.com\//i.test(v) && !/w3\.org\//.test(v)) urls.push(v);
    }
    e.children.forEach(visit);
  };
  visit(manifest);
  return urls;
}

/** The URLs of the add-in's own files: all but the support page, which is a page about the add-in, not in it. */
export function servedUrls(manifest: XmlElement): string[] {
  return allUrls(manifest, ["SupportUrl"]);
}

/**
 * dist/-relative path that a URL under `origin` serves, e.g. https://localhost:3000/assets/icon-16.png →
 * assets/icon-16.png. `origin` is the base the files are served under, with its trailing slash.
 */
export function distPathOf(url: string, origin = DEV_ORIGIN): string {
  if (!url.startsWith(origin)) throw new Error(`${url} is not served from ${origin}`);
  return decodeURIComponent(url.slice(origin.length).replace(/[?#].*$/, ""));
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error("not a PNG file");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
