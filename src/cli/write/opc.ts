/**
 * Open Packaging Conventions as far as the writer needs them: part names, relationship parts and
 * their targets (relative or absolute, percent-encoded or not), content types. Part names compare
 * case-insensitively (OPC §9.1.1.1.2), so every lookup goes through partKey.
 */
import * as path from "path";
import { attr, childrenNamed, outline, type XNode } from "./xml";

export const NS = {
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  relationships: "http://schemas.openxmlformats.org/package/2006/relationships",
};

/** The spreadsheet vocabularies of the two conformance classes (ISO/IEC 29500 Transitional and Strict). */
export interface Vocabulary {
  strict: boolean;
  main: string;
  r: string;
  /** relationship type URI for a kind of part */
  rel: (kind: "officeDocument" | "worksheet" | "styles" | "drawing" | "chart" | "comments" | "vmlDrawing") => string;
  drawing: string;
  a: string;
  chart: string;
}

export const TRANSITIONAL: Vocabulary = {
  strict: false,
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rel: (kind) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`,
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
};

export const STRICT: Vocabulary = {
  strict: true,
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  rel: (kind) => `http://purl.oclc.org/ooxml/officeDocument/relationships/${kind}`,
  drawing: "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
  a: "http://purl.oclc.org/ooxml/drawingml/main",
  chart: "http://purl.oclc.org/ooxml/drawingml/chart",
};

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
};

/** A part name as a lookup key: no leading "/", percent-decoded, lower case. */
export function partKey(name: string): string {
  let n = name.replace(/^\/+/, "");
  try {
    n = decodeURIComponent(n);
  } catch {
    // a stray "%": compared as written
  }
  return n.toLowerCase();
}

/** The relationships part of a part ("" is the package itself): xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const p = part.replace(/^\/+/, "");
  if (p === "") return "_rels/.rels";
  const dir = path.posix.dirname(p);
  return `${dir === "." ? "" : dir + "/"}_rels/${path.posix.basename(p)}.rels`;
}

/** The part a relationship in the rels of `source` points at, as a name without a leading "/". */
export function resolveTarget(source: string, target: string): string {
  const t = target.replace(/[#?].*$/, "").replace(/\\/g, "/");
  if (t.startsWith("/")) return path.posix.normalize(t).replace(/^\/+/, "");
  const dir = path.posix.dirname("/" + source.replace(/^\/+/, ""));
  return path.posix.normalize(path.posix.join(dir, t)).replace(/^\/+/, "");
}

/** A target for a relationship from `source` to `part`, relative as Excel writes them. */
export function relativeTarget(source: string, part: string): string {
  const from = path.posix.dirname("/" + source.replace(/^\/+/, ""));
  return path.posix.relative(from, "/" + part.replace(/^\/+/, ""));
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** the part pointed at (internal targets only) */
  part: string | null;
  node: XNode;
}

export interface RelsPart {
  text: string;
  root: XNode;
  rels: Relationship[];
}

export function parseRels(text: string, relsName: string, source: string): RelsPart {
  const root = outline(text, relsName, 1);
  const rels = childrenNamed(root, "Relationship").map((node) => {
    const target = attr(node, "Target") ?? "";
    const external = (attr(node, "TargetMode") ?? "").toLowerCase() === "external";
    return { id: attr(node, "Id") ?? "", type: attr(node, "Type") ?? "", target, external, part: external ? null : resolveTarget(source, target), node };
  });
  return { text, root, rels };
}

export interface ContentTypes {
  text: string;
  root: XNode;
  defaults: Map<string, string>;
  overrides: Map<string, { type: string; node: XNode }>;
}

export function parseContentTypes(text: string): ContentTypes {
  const root = outline(text, "[Content_Types].xml", 1);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, { type: string; node: XNode }>();
  for (const n of childrenNamed(root, "Default")) defaults.set((attr(n, "Extension") ?? "").toLowerCase(), attr(n, "ContentType") ?? "");
  for (const n of childrenNamed(root, "Override")) overrides.set(partKey(attr(n, "PartName") ?? ""), { type: attr(n, "ContentType") ?? "", node: n });
  return { text, root, defaults, overrides };
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const o = ct.overrides.get(partKey(part));
  if (o) return o.type;
  const ext = path.posix.extname(part).slice(1).toLowerCase();
  return ct.defaults.get(ext);
}
