/** The Content Security Policy as webpack.config.js builds it, and read back out of a built page. */
import * as path from "path";

export type Policy = Record<string, string[]>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.resolve(__dirname, "../../webpack.config.js")) as {
  CONTENT_SECURITY_POLICY: Policy;
  DEV_SERVER_HEADERS: Record<string, string>;
  policyString(p: Policy): string;
};

export const CONTENT_SECURITY_POLICY = config.CONTENT_SECURITY_POLICY;
export const DEV_SERVER_HEADERS = config.DEV_SERVER_HEADERS;
export const policyString = config.policyString;

/** "a x y; b z" → { a: [x, y], b: [z] }; a directive named twice is an error (browsers keep the first). */
export function parsePolicy(value: string): Policy {
  const out: Policy = {};
  for (const part of value.split(";").map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    if (name.toLowerCase() in out) throw new Error(`directive ${name} given twice`);
    out[name.toLowerCase()] = sources;
  }
  return out;
}

const decodeAttr = (s: string) => s.replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

interface PageCsp {
  /** every CSP <meta> in the page, its content decoded */
  metas: string[];
  /** offset of the first CSP <meta>, and of the first element that loads anything */
  metaAt: number;
  firstLoadAt: number;
}

/**
 * The CSP <meta> elements of an HTML page (minified or not: attributes quoted or not) and where the
 * first one sits relative to the first <script>, <link> or <style>: a policy in a <meta> governs only
 * what the page loads after it.
 */
function pageCsp(html: string): PageCsp {
  const metas: string[] = [];
  let metaAt = -1;
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue;
    const content = /content\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    metas.push(decodeAttr(content ? content[1] ?? content[2] ?? content[3] : ""));
    if (metaAt < 0) metaAt = m.index!;
  }
  const load = /<(script|link|style)\b/i.exec(html);
  return { metas, metaAt, firstLoadAt: load ? load.index : -1 };
}

/**
 * What a built page says about its policy: the policies of its CSP <meta>s, whether the first comes before
 * everything the page loads, and the <meta>s before it (only the charset should be: it must come first).
 */
export function builtPagePolicy(html: string): { policies: Policy[]; beforeLoads: boolean; metasBefore: string[] } {
  const csp = pageCsp(html);
  return {
    policies: csp.metas.map(parsePolicy),
    beforeLoads: csp.metaAt >= 0 && csp.metaAt < csp.firstLoadAt,
    metasBefore: html.slice(0, Math.max(0, csp.metaAt)).match(/<meta\b[^>]*>/gi) ?? [],
  };
}

