/**
 * Comparing two .xlsx/.xlsm packages part by part: what a scored copy must keep of its input. Every
 * part stays with the same uncompressed bytes, except the index parts (the workbook part, its and the
 * package's relationships, [Content_Types].xml, the styles part, the document properties), which may
 * only gain: every element, attribute, text and namespace declaration of the input's part is still in
 * the copy's, in the same order (or in any order where order means nothing: relationships, content
 * types). The parts are found through the relationships, as a reader must, not by their usual names.
 */
import * as posixPath from "path/posix";
// exceljs's own zip library (a dependency of exceljs), as in test/cli/safety.test.ts
import JSZip from "jszip";

// xml2js (a devDependency, sax-based and strict) has no bundled types: the one call used here
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require("xml2js") as { parseStringPromise(xml: string, options: object): Promise<unknown> };

export type Parts = Map<string, Buffer>;

export async function readParts(file: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(file);
  const out: Parts = new Map();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    out.set(name, await zip.files[name].async("nodebuffer"));
  }
  return out;
}

// ---------------------------------------------------------------- relationships

const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** the target as a part name (no leading slash), for internal targets */
  part: string;
}

export function relsName(part: string): string {
  return posixPath.join(posixPath.dirname(part), "_rels", posixPath.basename(part) + ".rels");
}

/** The part a relationship of `source` points to ("" is the package itself). */
export function resolveTarget(source: string, target: string): string {
  const t = decodeURI(target.split("#")[0]);
  if (t.startsWith("/")) return posixPath.normalize(t).slice(1);
  return posixPath.normalize(posixPath.join(posixPath.dirname(source), t));
}

function attrValues(xml: string, tag: string): Record<string, string>[] {
  // the attributes of every <tag .../> (relationship and content-type parts are flat lists)
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*?)/?>`, "g");
  for (const m of xml.matchAll(re)) {
    const a: Record<string, string> = {};
    for (const p of m[1].matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) a[p[1]] = unescapeXml(p[3] ?? p[4]);
    out.push(a);
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[e],
  );
}

export function relsOf(parts: Parts, source: string): Rel[] {
  const data = parts.get(source === "" ? "_rels/.rels" : relsName(source));
  if (!data) return [];
  return attrValues(data.toString("utf8"), "Relationship").map((a) => {
    const external = a.TargetMode === "External";
    return { id: a.Id, type: a.Type, target: a.Target, external, part: external ? "" : resolveTarget(source, a.Target) };
  });
}

const typeIs = (r: Rel, ...ends: string[]) => ends.some((e) => r.type.endsWith("/" + e));

export interface Index {
  workbook: string;
  /** the styles part, when there is one */
  styles: string | null;
  parts: Set<string>;
}

/** The index parts of a package, found through its relationships. */
export function indexParts(parts: Parts): Index {
  const root = relsOf(parts, "");
  const office = root.filter((r) => typeIs(r, "officeDocument"));
  if (office.length !== 1) throw new Error(`${office.length} officeDocument relationships in _rels/.rels`);
  const workbook = office[0].part;
  const set = new Set<string>(["[Content_Types].xml", "_rels/.rels", workbook, relsName(workbook)]);
  let styles: string | null = null;
  for (const r of relsOf(parts, workbook)) if (typeIs(r, "styles")) set.add((styles = r.part));
  for (const r of root) if (typeIs(r, "core-properties", "extended-properties", "extendedProperties", "custom-properties")) set.add(r.part);
  for (const name of parts.keys()) if (name.startsWith("docProps/")) set.add(name);
  return { workbook, styles, parts: set };
}

/**
 * What is wrong with a package as a package: a relationship to a part that is not there, a part with
 * no content type, a content-type override for a part that is not there.
 */
export function packageFaults(parts: Parts): string[] {
  const faults: string[] = [];
  const lower = new Set([...parts.keys()].map((n) => n.toLowerCase()));
  const ct = parts.get("[Content_Types].xml")?.toString("utf8");
  if (!ct) return ["no [Content_Types].xml"];
  const defaults = new Set(attrValues(ct, "Default").map((a) => (a.Extension ?? "").toLowerCase()));
  const overrides = attrValues(ct, "Override").map((a) => (a.PartName ?? "").replace(/^\//, ""));
  const overridden = new Set(overrides.map((n) => decodeURI(n).toLowerCase()));
  for (const o of overrides) if (!lower.has(decodeURI(o).toLowerCase())) faults.push(`content type for a part that is not there: /${o}`);
  for (const name of parts.keys()) {
    if (name === "[Content_Types].xml") continue;
    const ext = posixPath.extname(name).slice(1).toLowerCase();
    if (!overridden.has(name.toLowerCase()) && !defaults.has(ext)) faults.push(`no content type: ${name}`);
    if (name === "_rels/.rels" || name.endsWith(".rels")) {
      const source = name === "_rels/.rels" ? "" : posixPath.join(posixPath.dirname(posixPath.dirname(name)), posixPath.basename(name, ".rels"));
      for (const r of relsOf(parts, source)) {
        if (!r.external && !lower.has(r.part.toLowerCase())) faults.push(`${name}: ${r.id} points to a part that is not there: ${r.target}`);
      }
    }
  }
  return faults;
}

// ---------------------------------------------------------------- XML "only gains"

interface XNode {
  /** {namespace}local */
  key: string;
  /** as written, for messages */
  qname: string;
  /** {namespace}local → value, namespace declarations left out */
  attrs: Map<string, string>;
  /** attribute key → its name as written */
  attrNames: Map<string, string>;
  /** prefix → namespace declared on this element */
  decls: Map<string, string>;
  /** prefix → namespace in scope here */
  scope: Map<string, string>;
  text: string;
  children: XNode[];
}

interface Raw {
  "#name": string;
  $?: Record<string, { name: string; value: string; local: string; uri: string; prefix: string }>;
  $ns?: { uri: string; local: string };
  $$?: Raw[];
  _?: string;
}

async function parseXml(data: Buffer): Promise<XNode> {
  const raw = (await parseStringPromise(data.toString("utf8").replace(/^\uFEFF/, ""), {
    xmlns: true,
    explicitChildren: true,
    preserveChildrenOrder: true,
    charsAsChildren: true,
  })) as Record<string, Raw>;
  const top = Object.values(raw)[0];
  const build = (r: Raw, outer: Map<string, string>): XNode => {
    const attrs = new Map<string, string>();
    const attrNames = new Map<string, string>();
    const decls = new Map<string, string>();
    for (const a of Object.values(r.$ ?? {})) {
      if (a.name === "xmlns" || a.prefix === "xmlns") decls.set(a.name === "xmlns" ? "" : a.local, a.value);
      else {
        const k = `{${a.uri}}${a.local}`;
        attrs.set(k, a.value);
        attrNames.set(k, a.name);
      }
    }
    const scope = new Map([...outer, ...decls]);
    const children: XNode[] = [];
    let text = "";
    for (const c of r.$$ ?? []) {
      if (c["#name"] === "__text__") text += c._ ?? "";
      else if (c["#name"] !== "__comment__") children.push(build(c, scope));
    }
    return { key: `{${r.$ns?.uri ?? ""}}${r.$ns?.local ?? r["#name"]}`, qname: r["#name"], attrs, attrNames, decls, scope, text, children };
  };
  return build(top, new Map());
}

interface GainRules {
  /** children whose order means nothing (relationships, content types) */
  unordered?: (n: XNode) => boolean;
  /** a number, in an attribute or as the text (attr null), that may grow: a count of what was added to */
  mayGrow?: (n: XNode, attr: string | null) => boolean;
  /** a value compared after normalising (a relationship target, absolute or relative) */
  normalise?: (n: XNode, attr: string, value: string) => string;
}

const IDENTITY = /\}(name|Id|PartName|Extension|sheetId|localSheetId)$/;

/** The attributes that say which one an element is among its siblings (a relationship's Id, a sheet's name). */
function identity(n: XNode): string {
  return [...n.attrs.entries()].filter(([k]) => IDENTITY.test(k)).map(([k, v]) => `${n.attrNames.get(k)}="${v}"`).join(" ");
}

function label(n: XNode, siblings: XNode[]): string {
  const same = siblings.filter((s) => s.key === n.key);
  const idx = same.length > 1 ? `[${same.indexOf(n) + 1}]` : "";
  const id = identity(n);
  return `${n.qname}${idx}${id ? `(${id})` : ""}`;
}

/** The ways `b` fails to keep all of `a`; empty when it keeps it. */
function losses(a: XNode, b: XNode, path: string, rules: GainRules): string[] {
  const out: string[] = [];
  const grew = (was: string, is: string | undefined) => is !== undefined && /^\d+$/.test(was) && /^\d+$/.test(is) && Number(is) >= Number(was);
  for (const [k, v] of a.attrs) {
    const w = b.attrs.get(k);
    if (rules.mayGrow?.(a, k) && grew(v, w)) continue;
    const norm = (x: string) => (rules.normalise ? rules.normalise(a, k, x) : x);
    if (w === undefined) out.push(`${path}: lost attribute ${a.attrNames.get(k)}="${v}"`);
    else if (norm(w) !== norm(v)) out.push(`${path}: attribute ${a.attrNames.get(k)} was "${v}", is "${w}"`);
  }
  for (const [p, uri] of a.decls) {
    if (b.scope.get(p) !== uri) out.push(`${path}: lost the namespace declaration xmlns${p ? ":" + p : ""}="${uri}"`);
  }
  if (a.text.trim() !== b.text.trim() && !(rules.mayGrow?.(a, null) && grew(a.text.trim(), b.text.trim()))) out.push(`${path}: text was "${a.text.trim()}", is "${b.text.trim()}"`);
  const unordered = rules.unordered?.(a) ?? false;
  const used = new Set<number>();
  let from = 0;
  for (const c of a.children) {
    const here = `${path}/${label(c, a.children)}`;
    let hit = -1;
    let best: { i: number; problems: string[]; sameId: boolean } | null = null;
    const id = identity(c);
    for (let i = unordered ? 0 : from; i < b.children.length; i++) {
      if (used.has(i) || b.children[i].key !== c.key) continue;
      const problems = losses(c, b.children[i], here, rules);
      if (!problems.length) {
        hit = i;
        break;
      }
      // to explain a loss, the copy's element of the same identity, else the one closest to it
      const sameId = id !== "" && identity(b.children[i]) === id;
      if (!best || (sameId && !best.sameId) || (sameId === best.sameId && problems.length < best.problems.length)) best = { i, problems, sameId };
    }
    if (hit >= 0) {
      used.add(hit);
      if (!unordered) from = hit + 1;
    } else if (best && (best.sameId || id === "")) out.push(...best.problems);
    else {
      // kept, but out of order: an element equal to it comes before one that it followed
      const moved = !unordered && b.children.some((x) => x.key === c.key && losses(c, x, here, rules).length === 0);
      out.push(`${here}: ${moved ? "moved before an element it followed" : "lost"}`);
    }
  }
  return out;
}

const SML = ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"];
const VT = ["http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"];
const isEl = (n: XNode, uris: string[], local: string) => uris.some((u) => n.key === `{${u}}${local}`);

/** How the copy's index part fails to keep all of the input's (empty: it only gained). */
export async function indexLosses(name: string, a: Buffer, b: Buffer, index: Index): Promise<string[]> {
  let ta: XNode, tb: XNode;
  try {
    ta = await parseXml(a);
  } catch (e) {
    return []; // not XML in the input either (a producer's quirk): nothing to keep but bytes, checked elsewhere
  }
  try {
    tb = await parseXml(b);
  } catch (e) {
    return [`not well-formed XML in the copy: ${(e as Error).message.split("\n")[0]}`];
  }
  if (ta.key !== tb.key) return [`root element was ${ta.key}, is ${tb.key}`];
  const relsSource = name === "_rels/.rels" ? "" : name.endsWith(".rels") ? posixPath.join(posixPath.dirname(posixPath.dirname(name)), posixPath.basename(name, ".rels")) : null;
  const rules: GainRules = {
    unordered: (n) => n.key === `{${PKG_RELS}}Relationships` || n.key === "{http://schemas.openxmlformats.org/package/2006/content-types}Types",
    // a relationship's target, "/xl/worksheets/sheet1.xml" or "worksheets/sheet1.xml", names one part
    normalise: (n, attr, v) =>
      relsSource !== null && n.key === `{${PKG_RELS}}Relationship` && attr === "{}Target" && n.attrs.get("{}TargetMode") !== "External" ? resolveTarget(relsSource, v) : v,
    // counts of what the copy adds to: the styles part's lists (fonts, cellXfs, dxfs…), and the sheets
    // that docProps/app.xml counts (HeadingPairs, TitlesOfParts)
    mayGrow: (n, attr) =>
      (name === index.styles && attr === "{}count") || (isEl(n, VT, "vector") && attr === "{}size") || (isEl(n, VT, "i4") && attr === null),
  };
  const out = losses(ta, tb, "/" + ta.qname, rules);
  if (name === index.workbook) {
    // the copy keeps the workbook's calculation settings as they were (no fullCalcOnLoad added)
    const calc = (t: XNode) => t.children.find((c) => isEl(c, SML, "calcPr"));
    const ca = calc(ta);
    const cb = calc(tb);
    const show = (n: XNode | undefined) => (n ? `<calcPr ${[...n.attrs].map(([k, v]) => `${n.attrNames.get(k)}="${v}"`).join(" ")}/>` : "none");
    const sameAttrs = ca && cb && ca.attrs.size === cb.attrs.size && [...ca.attrs].every(([k, v]) => cb.attrs.get(k) === v);
    const harmless = !ca && (!cb || ![...cb.attrs].some(([k, v]) => /fullCalcOnLoad|forceFullCalc/.test(k) && /^(1|true)$/.test(v)));
    if (!sameAttrs && !harmless) out.push(`/${ta.qname}/calcPr: the calculation settings were ${show(ca)}, are ${show(cb)}`);
  }
  return out;
}

// ---------------------------------------------------------------- the whole comparison

export interface PartReport {
  part: string;
  problem: string;
}

function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 20), i + 40).toString("latin1"));
  return `${a.length} → ${b.length} bytes; first difference at byte ${i}: ${show(a)} → ${show(b)}`;
}

/** Every way the copy fails to keep the input's package, part by part. */
export async function comparePackages(input: Parts, copy: Parts): Promise<{ problems: PartReport[]; added: string[]; gained: string[] }> {
  const index = indexParts(input);
  const problems: PartReport[] = [];
  const gained: string[] = [];
  const lowerCopy = new Map([...copy.keys()].map((n) => [n.toLowerCase(), n]));
  for (const [name, a] of input) {
    // part names compare as the Open Packaging Conventions say, ignoring case
    const bName = copy.has(name) ? name : lowerCopy.get(name.toLowerCase());
    const b = bName === undefined ? undefined : copy.get(bName);
    if (b === undefined) {
      problems.push({ part: name, problem: "missing in the copy" });
      continue;
    }
    if (a.equals(b)) continue;
    if (!index.parts.has(name)) {
      problems.push({ part: name, problem: `changed: ${firstDifference(a, b)}` });
      continue;
    }
    const lost = await indexLosses(name, a, b, index);
    if (lost.length) for (const l of lost) problems.push({ part: name, problem: l });
    else gained.push(name);
  }
  const inputNames = new Set([...input.keys()].map((n) => n.toLowerCase()));
  const added = [...copy.keys()].filter((n) => !inputNames.has(n.toLowerCase()));
  const before = new Set(packageFaults(input));
  for (const f of packageFaults(copy)) if (!before.has(f)) problems.push({ part: "(package)", problem: f });
  return { problems, added, gained };
}
