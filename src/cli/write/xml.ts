/**
 * Editing the package's index parts (workbook, relationships, content types, styles) without
 * re-serialising them: a SAX parser (saxes) gives each element's exact place in the text, and an edit
 * only inserts new elements at element boundaries, or takes out whole elements of ours. Every other
 * character of the part — its declaration, namespace prefixes, attribute order and quoting, entities,
 * whitespace, extensions the parser knows nothing of — stays as the producer wrote it, which a DOM
 * round trip cannot promise (it would normalise whitespace in attributes and re-declare namespaces).
 */
import { SaxesParser } from "saxes";

export interface XAttr {
  value: string;
  uri: string;
  local: string;
}

export interface XNode {
  /** qualified name as written, e.g. "sheet" or "x:sheet" */
  name: string;
  local: string;
  uri: string;
  prefix: string;
  /** by qualified name */
  attrs: Record<string, XAttr>;
  /** namespace declarations on this element: prefix ("" for the default) → uri */
  declares: Record<string, string>;
  parent: XNode | null;
  children: XNode[];
  /** index of "<" of the start tag */
  start: number;
  /** index just after the start tag's ">" */
  openEnd: number;
  /** index of "<" of the end tag (= openEnd for an empty element written as <x/>) */
  closeStart: number;
  /** index just after the element */
  end: number;
  selfClosing: boolean;
  /** the element's own text (not its children's), entities decoded */
  text: string;
}

/** The text of an XML part and how to write it back with the same bytes for what is unchanged. */
export interface XmlText {
  text: string;
  bom: boolean;
  encoding: "utf8" | "utf16le";
}

export class XmlPartError extends Error {}

export function decodeXml(buf: Buffer, part: string): XmlText {
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString("utf16le"), bom: true, encoding: "utf16le" };
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  try {
    // fatal: a part that is not valid UTF-8 would not come back byte for byte
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bom ? buf.subarray(3) : buf), bom, encoding: "utf8" };
  } catch {
    throw new XmlPartError(`${part}: not UTF-8`);
  }
}

export function encodeXml(x: XmlText): Buffer {
  if (x.encoding === "utf16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x.text, "utf16le")]);
  const body = Buffer.from(x.text, "utf8");
  return x.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/**
 * The elements of a part down to `depth` levels below the root (the root is level 0); deeper
 * elements are passed over. Throws XmlPartError on XML that is not well formed.
 */
export function outline(text: string, part: string, depth = Infinity): XNode {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XNode[] = [];
  /** per open element: whether it is kept (within `depth`) */
  const kept: boolean[] = [];
  let pending = false;
  let root: XNode | null = null;
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentagstart", () => {
    pending = kept.length <= depth;
    if (!pending) return;
    // the start tag's "<": a tag name and attribute values cannot hold "<", so it is the last one before
    const start = text.lastIndexOf("<", parser.position - 1);
    stack.push({
      name: "", local: "", uri: "", prefix: "", attrs: {}, declares: {}, parent: stack[stack.length - 1] ?? null, children: [],
      start, openEnd: -1, closeStart: -1, end: -1, selfClosing: false, text: "",
    });
  });
  parser.on("opentag", (tag) => {
    kept.push(pending);
    if (!pending) return;
    const node = stack[stack.length - 1];
    node.name = tag.name;
    node.local = tag.local;
    node.uri = tag.uri;
    node.prefix = tag.prefix;
    node.selfClosing = tag.isSelfClosing;
    node.openEnd = parser.position;
    for (const [k, a] of Object.entries(tag.attributes)) {
      node.attrs[k] = { value: a.value, uri: a.uri, local: a.local };
      if (k === "xmlns") node.declares[""] = a.value;
      else if (a.prefix === "xmlns") node.declares[a.local] = a.value;
    }
    if (node.parent) node.parent.children.push(node);
    else root = node;
  });
  const addText = (t: string) => {
    if (kept[kept.length - 1]) stack[stack.length - 1].text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    if (!kept.pop()) return;
    const node = stack.pop()!;
    node.end = parser.position;
    node.closeStart = node.selfClosing ? node.openEnd : text.lastIndexOf("<", parser.position - 1);
  });
  parser.write(text).close();
  if (failure) throw new XmlPartError(`${part}: ${(failure as Error).message}`);
  if (!root) throw new XmlPartError(`${part}: no root element`);
  return root;
}

/** The prefix bound to `uri` where `node` is (null when none is in scope; "" for the default namespace). */
export function prefixFor(node: XNode, uri: string): string | null {
  for (let n: XNode | null = node; n; n = n.parent) {
    for (const [p, u] of Object.entries(n.declares)) if (u === uri) return p;
  }
  return null;
}

/** A child element's qualified name for `local` in the namespace of `parent` (as the producer prefixes it). */
export function qname(parent: XNode, local: string): string {
  return parent.prefix ? `${parent.prefix}:${local}` : local;
}

export function attr(node: XNode, local: string, uri = ""): string | undefined {
  for (const a of Object.values(node.attrs)) if (a.local === local && a.uri === uri) return a.value;
  return undefined;
}

export function child(node: XNode, local: string): XNode | undefined {
  return node.children.find((c) => c.local === local && c.uri === node.uri);
}

export function childrenNamed(node: XNode, local: string): XNode[] {
  return node.children.filter((c) => c.local === local && c.uri === node.uri);
}

/** Insertions and removals on a part's text, applied together; ranges must not overlap. */
export class Edits {
  private readonly list: { from: number; to: number; text: string; order: number }[] = [];
  private n = 0;

  constructor(readonly source: string) {}

  insert(at: number, text: string): void {
    this.list.push({ from: at, to: at, text, order: this.n++ });
  }

  replace(from: number, to: number, text: string): void {
    this.list.push({ from, to, text, order: this.n++ });
  }

  remove(node: XNode): void {
    this.replace(node.start, node.end, "");
  }

  /**
   * Puts `inner` inside `node` at its end. An element written empty (<definedNames/>) is written
   * out as a start and an end tag around it.
   */
  append(node: XNode, inner: string): void {
    if (!inner) return;
    if (node.selfClosing) {
      this.replace(node.start, node.end, `<${node.name}${this.openTagRest(node)}>${inner}</${node.name}>`);
    } else {
      this.insert(node.closeStart, inner);
    }
  }

  private openTagRest(node: XNode): string {
    // "<definedNames a='1' />" → " a='1' "; the start tag's attributes exactly as written
    const tag = this.source.slice(node.start, node.end);
    return tag.slice(1 + node.name.length, tag.lastIndexOf("/"));
  }

  get size(): number {
    return this.list.length;
  }

  apply(): string {
    const text = this.source;
    const sorted = [...this.list].sort((a, b) => a.from - b.from || a.to - b.to || a.order - b.order);
    let out = "";
    let at = 0;
    for (const e of sorted) {
      if (e.from < at) throw new Error(`overlapping edits at ${e.from}`);
      out += text.slice(at, e.from) + e.text;
      at = e.to;
    }
    return out + text.slice(at);
  }
}

const TEXT_ESCAPE = /[&<>]/g;
const ATTR_ESCAPE = /[&<>"\t\n\r]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

export function escapeText(s: string): string {
  return s.replace(TEXT_ESCAPE, (c) => ESCAPES[c]);
}

export function escapeAttr(s: string): string {
  return s.replace(ATTR_ESCAPE, (c) => ESCAPES[c]);
}

/** An element written out: `<name a="1" b="2"/>`, attributes in the order given, undefined ones left out. */
export function element(name: string, attrs: Record<string, string | number | undefined>, inner?: string): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) s += ` ${k}="${escapeAttr(String(v))}"`;
  return inner === undefined || inner === "" ? s + "/>" : `${s}>${inner}</${name}>`;
}
