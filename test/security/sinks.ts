/**
 * Finds the places where a string could become code or markup: eval, the Function constructor, string
 * timers, innerHTML / outerHTML / srcdoc, insertAdjacentHTML, createContextualFragment, document.write,
 * dangerouslySetInnerHTML. It reads the syntax tree (TypeScript's parser, which reads JavaScript too), so
 * a comment or a string that only mentions one of them is not a hit.
 *
 * Two strictnesses:
 * - "source" (our code): any mention as code counts, even reading `el.innerHTML` or passing
 *   `dangerouslySetInnerHTML` along.
 * - "bundle" (the built files, third-party code included): only what actually turns a string into code or
 *   markup — a call of eval / Function, an assignment to innerHTML, a dangerouslySetInnerHTML prop being
 *   given — since libraries read and compare those names everywhere (React validates the prop by name).
 */
import * as ts from "typescript";

export type SinkKind =
  | "eval"
  | "Function"
  | "string-timer"
  | "innerHTML"
  | "outerHTML"
  | "srcdoc"
  | "insertAdjacentHTML"
  | "createContextualFragment"
  | "document.write"
  | "dangerouslySetInnerHTML";

export interface Sink {
  kind: SinkKind;
  file: string;
  /** 1-based */
  line: number;
  /**
   * What flows in, without the bundle's minified names: a literal as its value (JSON), anything else as
   * its syntax kind ("Identifier", "CallExpression", ...). "" when nothing flows in (a read).
   */
  input: string;
}

const MARKUP_PROPS = new Set(["innerHTML", "outerHTML", "srcdoc"]);
const MARKUP_CALLS = new Set(["insertAdjacentHTML", "createContextualFragment"]);
const GLOBALS = new Set(["window", "globalThis", "self", "global", "top", "parent", "frames"]);
const TIMERS = new Set(["setTimeout", "setInterval", "setImmediate", "execScript"]);

/** `x`, `(x)`, `(0, x)` → x */
function unwrap(e: ts.Expression): ts.Expression {
  for (;;) {
    if (ts.isParenthesizedExpression(e)) e = e.expression;
    else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.CommaToken) e = e.right;
    else return e;
  }
}

/** The property name an access reads, for `a.b` and `a["b"]`. */
function accessName(e: ts.Node): string | null {
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
  return null;
}

function accessTarget(e: ts.Node): ts.Expression | null {
  return ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? e.expression : null;
}

/** `name`, or `window.name` / `globalThis["name"]` / ... */
function isGlobal(e: ts.Expression, name: string): boolean {
  const u = unwrap(e);
  if (ts.isIdentifier(u)) return u.text === name;
  const target = accessTarget(u);
  return accessName(u) === name && target !== null && ts.isIdentifier(unwrap(target)) && GLOBALS.has((unwrap(target) as ts.Identifier).text);
}

function describe(e: ts.Expression | undefined): string {
  if (!e) return "";
  const u = unwrap(e);
  if (ts.isStringLiteralLike(u)) return JSON.stringify(u.text);
  if (ts.isNumericLiteral(u)) return u.text;
  return ts.SyntaxKind[u.kind];
}

const isAssignment = (k: ts.SyntaxKind) => k === ts.SyntaxKind.EqualsToken || k === ts.SyntaxKind.PlusEqualsToken;

export function findSinks(file: string, text: string, mode: "source" | "bundle"): Sink[] {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out: Sink[] = [];
  const hit = (k: SinkKind, node: ts.Node, input: string) =>
    out.push({ kind: k, file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, input });

  const visit = (node: ts.Node): void => {
    // eval and the Function constructor, called or constructed; in our code any use of the names
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const arg0 = node.arguments?.[0];
      if (isGlobal(callee, "eval")) hit("eval", node, describe(arg0));
      else if (isGlobal(callee, "Function")) hit("Function", node, (node.arguments ?? []).map(describe).join(", "));
      else if ([...TIMERS].some((t) => isGlobal(callee, t)) && arg0 && (ts.isStringLiteralLike(unwrap(arg0)) || ts.isTemplateExpression(unwrap(arg0)))) {
        hit("string-timer", node, describe(arg0));
      } else {
        const name = accessName(unwrap(callee));
        if (name && MARKUP_CALLS.has(name)) hit(name as SinkKind, node, describe(node.arguments?.[name === "insertAdjacentHTML" ? 1 : 0]));
        const target = accessTarget(unwrap(callee));
        if ((name === "write" || name === "writeln") && target && isGlobal(target, "document")) hit("document.write", node, describe(arg0));
      }
    }
    // innerHTML / outerHTML / srcdoc: written (both modes) or merely read (our code)
    const name = accessName(node);
    if (name && MARKUP_PROPS.has(name)) {
      const parent = node.parent;
      const written = ts.isBinaryExpression(parent) && parent.left === node && isAssignment(parent.operatorToken.kind);
      if (written) hit(name as SinkKind, node, describe((parent as ts.BinaryExpression).right));
      else if (mode === "source") hit(name as SinkKind, node, "");
    }
    if (mode === "source") {
      // a name passed around (`const run = eval`, `{ dangerouslySetInnerHTML: x }`) counts; the Function
      // type in an annotation does not
      if (ts.isIdentifier(node) && ["eval", "Function", "dangerouslySetInnerHTML"].includes(node.text) && !isCallee(node) && !ts.isTypeReferenceNode(node.parent)) {
        hit(node.text as SinkKind, node, "");
      }
      const quoted =
        (ts.isElementAccessExpression(node) && accessName(node)) ||
        (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) && node.name.text);
      if ((quoted === "dangerouslySetInnerHTML" || quoted === "eval" || quoted === "Function") && !isCallee(node)) hit(quoted, node, "");
    } else if (
      (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      node.name.text === "dangerouslySetInnerHTML"
    ) {
      hit("dangerouslySetInnerHTML", node, ts.isPropertyAssignment(node) ? describe(node.initializer) : "Identifier");
    }
    ts.forEachChild(node, visit);
  };

  /** `eval` / `window.eval` / `window["eval"]` as the callee of a call, which the call check reported. */
  const isCallee = (n: ts.Node): boolean => {
    let e: ts.Node = n;
    if (ts.isPropertyAccessExpression(e.parent) && e.parent.name === e) e = e.parent;
    while (ts.isParenthesizedExpression(e.parent) || (ts.isBinaryExpression(e.parent) && e.parent.right === e && e.parent.operatorToken.kind === ts.SyntaxKind.CommaToken)) e = e.parent;
    const p = e.parent;
    return (ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === e;
  };

  visit(sf);
  return out;
}
