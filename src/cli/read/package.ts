/**
 * An Open Packaging Conventions package (.xlsx, .xlsm) read in place from its bytes: the zip's central
 * directory (yauzl), content types, and relationships followed as OPC defines them — targets relative
 * to the source part or absolute from the package root, part names compared case-insensitively and
 * percent-decoded. Parts are inflated as streams (zlib) and parsed as they arrive (saxes), so a large
 * sheet never has to exist as one string.
 */
import * as path from "path";
import { StringDecoder } from "string_decoder";
import { SaxesParser, type SaxesTagNS } from "saxes";
import yauzl from "yauzl";

/** Relationship namespaces and types come in two spellings: Transitional and Strict (ISO/IEC 29500). */
const REL_TYPE_BASES = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/", "http://purl.oclc.org/ooxml/officeDocument/relationships/"];
export const REL_NAMESPACES = new Set(["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"]);

/** true when `type` is the relationship type `name` (e.g. "worksheet") in either spelling, or Microsoft's own */
export function isRelType(type: string, name: string): boolean {
  return REL_TYPE_BASES.some((b) => type === b + name) || type === "http://schemas.microsoft.com/office/2006/relationships/" + name;
}

export interface Relationship {
  id: string;
  type: string;
  /** the target part's name ("/xl/worksheets/sheet1.xml"), or the raw target when external */
  target: string;
  external: boolean;
}

export class PackageError extends Error {}

/** Thrown by a handler of parse() to stop reading the part there: what was read so far is kept. */
export class StopParsing extends Error {}

/** "/xl/Worksheets/Sheet%201.xml" and "xl/worksheets/sheet 1.xml" are the same part. */
function partKey(name: string): string {
  let n = name.replace(/\\/g, "/").replace(/^\/+/, "");
  try {
    n = decodeURIComponent(n);
  } catch {
    // a stray "%" is part of the name
  }
  return n.toLowerCase();
}

/** The part a relationship target names, from the part that holds the relationship ("/" for the package). */
export function resolveTarget(source: string, target: string): string {
  const t = target.replace(/\\/g, "/").split("#")[0];
  if (t.startsWith("/")) return path.posix.normalize(t);
  const base = source === "/" ? "/" : path.posix.dirname(source);
  return path.posix.normalize(path.posix.join(base, t));
}

/** "/xl/workbook.xml" → "/xl/_rels/workbook.xml.rels"; the package's own is "/_rels/.rels". */
function relsPartOf(source: string): string {
  if (source === "/") return "/_rels/.rels";
  return path.posix.join(path.posix.dirname(source), "_rels", path.posix.basename(source) + ".rels");
}

/**
 * An element as the handlers see it: its local name, and its attributes by local name ("rel:id" for
 * r:id); with `prefixes`, both as "prefix:local".
 */
export interface XmlTag {
  local: string;
  attrs: Record<string, string>;
}

export type SaxHandlers = {
  open?: (tag: XmlTag) => void;
  close?: (local: string) => void;
  text?: (text: string) => void;
};

const localOf = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

export class OpcPackage {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly types: { defaults: Map<string, string>; overrides: Map<string, string> },
  ) {}

  static async open(bytes: Buffer): Promise<OpcPackage> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false, strictFileNames: false }, (e, z) => (e ? reject(e) : resolve(z))),
    );
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (e: yauzl.Entry) => {
        if (!e.fileName.endsWith("/")) entries.set(partKey(e.fileName), e);
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", reject);
      zip.readEntry();
    });
    const pkg = new OpcPackage(zip, entries, { defaults: new Map(), overrides: new Map() });
    if (pkg.has("/[Content_Types].xml")) {
      await pkg.parse("/[Content_Types].xml", {
        open: (t) => {
          const a = (n: string) => t.attrs[n];
          if (t.local === "Default" && a("Extension") && a("ContentType")) pkg.types.defaults.set(a("Extension")!.toLowerCase(), a("ContentType")!);
          if (t.local === "Override" && a("PartName") && a("ContentType")) pkg.types.overrides.set(partKey(a("PartName")!), a("ContentType")!);
        },
      });
    }
    return pkg;
  }

  close(): void {
    this.zip.close();
  }

  has(part: string): boolean {
    return this.entries.has(partKey(part));
  }

  /** The part's content type from [Content_Types].xml, or null when it names none. */
  contentType(part: string): string | null {
    const o = this.types.overrides.get(partKey(part));
    if (o) return o;
    const ext = path.posix.extname(part).slice(1).toLowerCase();
    return this.types.defaults.get(ext) ?? null;
  }

  /** The relationships held by `source` ("/" for the package's own); none when it has no rels part. */
  async relationships(source: string): Promise<Relationship[]> {
    const rels = relsPartOf(source);
    if (!this.has(rels)) return [];
    const out: Relationship[] = [];
    await this.parse(rels, {
      open: (t) => {
        if (t.local !== "Relationship") return;
        const a = (n: string) => t.attrs[n];
        const id = a("Id");
        const type = a("Type");
        const target = a("Target");
        if (!id || !type || target === undefined) return;
        const external = a("TargetMode") === "External";
        out.push({ id, type, target: external ? target : resolveTarget(source, target), external });
      },
    });
    return out;
  }

  /**
   * Streams the part's XML through saxes. `xmlns: false` skips namespace resolution for the large
   * sheet parts (a quarter of the parsing time); their element names are then taken without a prefix.
   */
  async parse(part: string, h: SaxHandlers, opts: { xmlns?: boolean; prefixes?: Record<string, string> } = {}): Promise<void> {
    const entry = this.entries.get(partKey(part));
    if (!entry) throw new PackageError(`thiếu phần ${part}`);
    const xmlns = opts.xmlns ?? true;
    if (opts.prefixes && !xmlns) throw new Error("prefixes need xmlns");
    const parser = new SaxesParser({ xmlns, position: false });
    let failed: Error | null = null;
    parser.on("error", (e) => {
      // a prefix used without its declaration (a producer's slip that Excel tolerates) leaves that
      // name without a namespace; anything else is a part that is no XML
      if (/unbound namespace prefix/.test(e.message)) return;
      failed ??= e;
    });
    const prefixes = opts.prefixes;
    if (prefixes) {
      // documents whose attributes of one local name come from several namespaces (OpenDocument's
      // office:value-type and calcext:value-type): names as "prefix:local", with the prefix the
      // caller gave each namespace, whatever prefix the file bound it to
      const q = (uri: string, local: string) => `${prefixes[uri] ?? uri}:${local}`;
      const open = h.open;
      const close = h.close;
      if (open) {
        parser.on("opentag", (t) => {
          const tag = t as SaxesTagNS;
          const attrs: Record<string, string> = {};
          for (const a of Object.values(tag.attributes)) attrs[q(a.uri, a.local)] = a.value;
          open({ local: q(tag.uri, tag.local), attrs });
        });
      }
      if (close) parser.on("closetag", (t) => close(q((t as SaxesTagNS).uri, (t as SaxesTagNS).local)));
    } else if (xmlns) {
      const open = h.open;
      const close = h.close;
      if (open) {
        parser.on("opentag", (t) => {
          const attrs: Record<string, string> = {};
          for (const a of Object.values((t as SaxesTagNS).attributes)) attrs[REL_NAMESPACES.has(a.uri) ? `rel:${a.local}` : a.local] = a.value;
          open({ local: (t as SaxesTagNS).local, attrs });
        });
      }
      if (close) parser.on("closetag", (t) => close((t as SaxesTagNS).local));
    } else {
      // sheet parts: unprefixed attributes as they are; an element by its name less any prefix
      const open = h.open;
      const close = h.close;
      if (open) parser.on("opentag", (t) => open({ local: localOf(t.name), attrs: t.attributes as Record<string, string> }));
      if (close) parser.on("closetag", (t) => close(localOf(t.name)));
    }
    if (h.text) {
      parser.on("text", h.text);
      parser.on("cdata", h.text);
    }
    const stream = await this.zip.openReadStreamPromise(entry);
    await new Promise<void>((resolve, reject) => {
      let decoder: StringDecoder | null = null;
      let stopped = false;
      stream.on("data", (chunk: Buffer) => {
        if (failed || stopped) return;
        try {
          if (!decoder) {
            // parts are UTF-8 or UTF-16 (ECMA-376 Part 2 §8.1.4); UTF-16 starts with its byte-order mark
            decoder = new StringDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? "utf16le" : "utf8");
            const s = decoder.write(chunk);
            parser.write(s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
          } else {
            parser.write(decoder.write(chunk));
          }
        } catch (e) {
          if (e instanceof StopParsing) {
            // the rest of the part is not inflated either
            stopped = true;
            stream.destroy();
            resolve();
            return;
          }
          failed ??= e as Error;
        }
        if (failed) stream.destroy();
      });
      stream.on("error", (e) => (stopped ? undefined : reject(failed ?? e)));
      stream.on("close", () => {
        if (failed) reject(failed);
      });
      stream.on("end", () => {
        if (stopped) return;
        try {
          if (decoder) parser.write(decoder.end());
          parser.close();
        } catch (e) {
          failed ??= e as Error;
        }
        if (failed) reject(failed);
        else resolve();
      });
    });
  }
}
