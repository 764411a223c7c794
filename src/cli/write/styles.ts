/**
 * The styles our sheets need, added to the workbook's own styles part: number formats, a bold (or
 * italic) copy of the workbook's default font, cell formats over them, and the two differential
 * formats of the conditional formatting. Nothing of the user's styles changes: entries are appended,
 * so every style index the user's sheets use keeps its meaning, and each collection's count grows
 * by what was appended. An entry already there with the same XML (ours, from an earlier scoring of
 * this file) is used again, so scoring a scored workbook again does not make the part grow.
 */
import { HIGHLIGHT } from "../../workbook";
import { attr, child, childrenNamed, Edits, escapeAttr, outline, qname, type XNode } from "./xml";

/** How one cell looks beyond the workbook's default format. */
export interface CellLook {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  /** centred across */
  center?: boolean;
  /** centred down */
  middle?: boolean;
}

/** CT_Stylesheet's children, in their schema order (ISO/IEC 29500-1 §18.8.39). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** Built-in number formats that do not depend on the locale (§18.8.30): their ids need no numFmt entry. */
const BUILTIN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

/** A styles part for a workbook that has none (a new one, or one whose producer left it out). */
export function emptyStyles(mainNs: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${mainNs}">` +
    `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="0"/><tableStyles count="0"/></styleSheet>`
  );
}

interface Collection {
  local: string;
  node: XNode | undefined;
  /** raw XML of each existing entry */
  existing: string[];
  added: string[];
}

export class StyleAdditions {
  private readonly root: XNode;
  private readonly coll = new Map<string, Collection>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly xfCache = new Map<string, number>();
  /** font 0's XML with its start tag split off, to make bold and italic copies */
  private readonly baseFont: { open: string; rest: string };

  constructor(readonly text: string, part: string) {
    this.root = outline(text, part, 3);
    for (const local of ["numFmts", "fonts", "cellXfs", "dxfs"]) {
      const node = child(this.root, local);
      const entries = node ? node.children.filter((c) => c.uri === this.root.uri) : [];
      this.coll.set(local, { local, node, existing: entries.map((e) => text.slice(e.start, e.end)), added: [] });
    }
    const numFmts = child(this.root, "numFmts");
    for (const n of numFmts ? childrenNamed(numFmts, "numFmt") : []) {
      const id = Number(attr(n, "numFmtId"));
      const code = attr(n, "formatCode");
      if (!Number.isInteger(id)) continue;
      if (code !== undefined && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
    }
    const fonts = child(this.root, "fonts");
    const font0 = fonts ? childrenNamed(fonts, "font")[0] : undefined;
    if (font0 && !font0.selfClosing) {
      // the copy leaves out the default font's own b and i, so that "bold" means bold whatever the default is
      let rest = "";
      let at = font0.openEnd;
      for (const c of font0.children) {
        if (c.uri !== this.root.uri || (c.local !== "b" && c.local !== "i")) continue;
        rest += text.slice(at, c.start);
        at = c.end;
      }
      rest += text.slice(at, font0.end);
      this.baseFont = { open: text.slice(font0.start, font0.openEnd), rest };
    } else {
      const f = qname(this.root, "font");
      this.baseFont = { open: `<${f}>`, rest: `</${f}>` };
    }
  }

  private q(local: string): string {
    return qname(this.root, local);
  }

  /** Index of an entry with this XML in a collection, appending it when there is none. */
  private entry(local: string, xml: string): number {
    const c = this.coll.get(local)!;
    let i = c.existing.indexOf(xml);
    if (i >= 0) return i;
    i = c.added.indexOf(xml);
    if (i >= 0) return c.existing.length + i;
    c.added.push(xml);
    return c.existing.length + c.added.length - 1;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN) return BUILTIN[code];
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(code, id);
      this.entry("numFmts", `<${this.q("numFmt")} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  private fontId(bold: boolean, italic: boolean): number {
    if (!bold && !italic) return 0;
    const marks = (bold ? `<${this.q("b")}/>` : "") + (italic ? `<${this.q("i")}/>` : "");
    return this.entry("fonts", this.baseFont.open + marks + this.baseFont.rest);
  }

  /** The cellXfs index for a look; 0 (the workbook's default format) for no look at all. */
  xf(look: CellLook): number {
    const key = `${look.numFmt ?? ""}\u0000${look.bold ? 1 : 0}${look.italic ? 1 : 0}${look.wrap ? 1 : 0}${look.center ? 1 : 0}${look.middle ? 1 : 0}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    let id = 0;
    if (look.numFmt !== undefined || look.bold || look.italic || look.wrap || look.center || look.middle) {
      const numFmt = look.numFmt === undefined ? 0 : this.numFmtId(look.numFmt);
      const font = this.fontId(!!look.bold, !!look.italic);
      const align = look.wrap || look.center || look.middle;
      const alignment = align
        ? `<${this.q("alignment")}${look.center ? ' horizontal="center"' : ""}${look.middle ? ' vertical="center"' : ""}${look.wrap ? ' wrapText="1"' : ""}/>`
        : "";
      const xf =
        `<${this.q("xf")} numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"` +
        (numFmt ? ' applyNumberFormat="1"' : "") +
        (font ? ' applyFont="1"' : "") +
        (align ? ' applyAlignment="1">' + alignment + `</${this.q("xf")}>` : "/>");
      id = this.entry("cellXfs", xf);
    }
    this.xfCache.set(key, id);
    return id;
  }

  /** The dxfs index of a highlight (the colours the task pane uses too). */
  dxf(kind: keyof typeof HIGHLIGHT): number {
    const c = HIGHLIGHT[kind];
    const q = (l: string) => this.q(l);
    return this.entry(
      "dxfs",
      `<${q("dxf")}><${q("font")}><${q("color")} rgb="FF${c.font}"/></${q("font")}>` +
        `<${q("fill")}><${q("patternFill")}><${q("bgColor")} rgb="FF${c.fill}"/></${q("patternFill")}></${q("fill")}></${q("dxf")}>`,
    );
  }

  /** The styles part with the additions, or null when nothing was added. */
  result(): string | null {
    const edits = new Edits(this.text);
    let changed = false;
    for (const c of this.coll.values()) {
      if (!c.added.length) continue;
      changed = true;
      const inner = c.added.join("");
      const count = c.existing.length + c.added.length;
      if (c.node) {
        const startTag = this.text.slice(c.node.start, c.node.openEnd);
        // count is the one attribute that changes: it says how many entries follow (§18.8)
        const newStart = /\scount\s*=\s*(["'])\d*\1/.test(startTag)
          ? startTag.replace(/(\scount\s*=\s*)(["'])\d*\2/, `$1$2${count}$2`)
          : startTag;
        if (c.node.selfClosing) {
          edits.replace(c.node.start, c.node.end, newStart.replace(/\s*\/>$/, ">") + inner + `</${c.node.name}>`);
        } else {
          if (newStart !== startTag) edits.replace(c.node.start, c.node.openEnd, newStart);
          edits.insert(c.node.closeStart, inner);
        }
      } else {
        const name = this.q(c.local);
        edits.insert(this.insertionPoint(c.local), `<${name} count="${count}">${inner}</${name}>`);
      }
    }
    return changed ? edits.apply() : null;
  }

  /** Where a collection the part lacks goes: before the first child that follows it in the schema order. */
  private insertionPoint(local: string): number {
    const after = ORDER.slice(ORDER.indexOf(local) + 1);
    const next = this.root.children.find((c) => c.uri === this.root.uri && after.includes(c.local));
    if (next) return next.start;
    // a root written as <styleSheet/> cannot take children this way; no real part is like that
    return this.root.closeStart;
  }
}
