/**
 * The places in the built bundles where a string could become code or markup (sinks.ts, bundle mode),
 * each one known and why it is harmless here. All of them are third-party code: ours has none
 * (no-string-code.test.ts). test/e2e/security.e2e.test.ts fails on any sink not listed here, and on a
 * listed one whose count changes, so a new dependency or upgrade that brings one has to be looked at.
 * At run time the policy is the guarantee: script-src has no 'unsafe-eval' and no 'unsafe-inline'.
 */
import type { SinkKind } from "./sinks";

export interface KnownSink {
  kind: SinkKind;
  /** what flows in, as Sink.input gives it */
  input: string;
  count: number;
  from: string;
  why: string;
}

export const KNOWN_BUNDLE_SINKS: Record<"taskpane.js" | "functions.js", KnownSink[]> = {
  "taskpane.js": [
    {
      kind: "innerHTML",
      input: JSON.stringify("<script></script>"),
      count: 1,
      from: "react-dom (createInstance)",
      why: "React makes a <script> element by parsing this fixed markup into a <div>, which leaves the element inert; it is reached only when a component renders a <script>, which the pane never does.",
    },
    {
      kind: "innerHTML",
      input: "Identifier",
      count: 2,
      from: "react-dom (setProp, setPropOnCustomElement)",
      why: "Applies a dangerouslySetInnerHTML prop; our code never passes one (no-string-code.test.ts) and Fluent only in the two places below, neither of them with cell text.",
    },
    {
      kind: "dangerouslySetInnerHTML",
      input: "ObjectLiteralExpression",
      count: 2,
      from: "@fluentui/react-provider (FluentProvider), @fluentui/react-icons (createFluentIcon)",
      why: "FluentProvider writes its theme CSS this way only when rendering on a server (canUseDOM() is false), never in the pane; createFluentIcon only for icons given as a raw SVG string (deprecated), and the SVG is Fluent's own.",
    },
  ],
  "functions.js": [
    {
      kind: "Function",
      input: JSON.stringify("return this"),
      count: 1,
      from: "webpack runtime (__webpack_require__.g)",
      why: "Finds the global object only when globalThis is missing, which no host of the add-in lacks; the call is in a try block that falls back to window, so the policy refusing it would change nothing.",
    },
  ],
};
