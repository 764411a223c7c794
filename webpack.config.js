/* Builds the add-in into dist/: functions.js + functions.json (custom functions), taskpane.html + taskpane.js,
 * the icons and manifest.xml. `webpack --mode production` for release, `--mode development` for debugging,
 * `webpack serve --mode development` for the https dev server that manifest.xml points at.
 * DVC_ADDIN_URL=https://host/path (and DVC_SUPPORT_URL) write a dist/manifest.xml for that server instead
 * (scripts/manifest-host.js); the pages and bundles refer to each other by relative paths and need no change. */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { manifestForHost, manifestSettings } = require("./scripts/manifest-host");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const DEV_SERVER_PORT = 3000; // must match the https://localhost:3000 URLs in manifest.xml

/** Microsoft's CDN for office.js. office.js loads the rest of itself from beside office.js (see below). */
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/** 'sha256-' + base64(SHA-256 of the empty string): the hash of an empty <style> element. */
const EMPTY_STYLE_HASH = `'sha256-${require("crypto").createHash("sha256").update("").digest("base64")}'`;

/**
 * Content Security Policy of taskpane.html, which is also the custom functions' page (shared runtime):
 * nothing may load or connect anywhere but the add-in's own origin and Office's script host. What office.js
 * itself needs was read from its published build (@microsoft/office-js 1.1.110: office.js and the
 * excel-web / excel-win32 / excel-mac host files); each source below says why it is there.
 */
const CONTENT_SECURITY_POLICY = {
  // Everything not named below (fonts, images, media, workers, manifests, plugins) is refused.
  "default-src": ["'none'"],
  // 'self': functions.js and taskpane.js. The CDN: office.js, then the host file it picks
  // (excel-web-16.00.js, excel-win32-16.01.js, ...), the locale strings (<locale>/office_strings.js) and the
  // telemetry sink (telemetry/oteljs_agave.js), all from beside office.js. No 'unsafe-inline': the page has
  // no inline script. No 'unsafe-eval': our code never turns a string into code (test/security checks the
  // sources and the bundles); the bundled libraries' and office.js's only `new Function("return this")` run
  // only where the global object cannot be found otherwise, and fall back to window when refused.
  "script-src": ["'self'", OFFICE_JS_ORIGIN],
  // Fluent UI v9 (Griffel) creates empty <style> elements and fills them through CSSOM (sheet.insertRule),
  // which CSP does not govern; only the elements themselves are checked, so the hash of the empty text
  // lets them through where a style sheet with any content, injected or not, is still refused. Measured in
  // Chromium: with plain 'self' every such element is refused (no layout at all); with this hash the pane
  // gets the same 14 sheets and rules as with 'unsafe-inline', without allowing inline styles.
  // (test/e2e/security.e2e.test.ts renders the pane under this policy and checks the layout.)
  // No 'self': the add-in ships no .css file.
  "style-src": [EMPTY_STYLE_HASH],
  // Own origin only: the dev server's hot-update requests and live-reload socket; the built pane fetches
  // nothing. office.js talks to Excel through postMessage or the webview's bridge, not the network, and
  // sends its telemetry through Excel too (its RichApi sink). Its direct fallback to Microsoft's telemetry
  // collectors is taken only by hosts without RichApi and stays blocked: the add-in does not need it.
  "connect-src": ["'self'"],
  // office.js on Excel on the web shows its "do you trust this host?" prompt (AgaveErrorUX/index.html on
  // the CDN) in a frame when the page around the add-in is not one of Microsoft's own domains, as with an
  // Office Online Server on premises. The CDN already runs script here, so framing it grants nothing more.
  "frame-src": [OFFICE_JS_ORIGIN],
  // Not covered by default-src: no <base> may move relative URLs elsewhere, and no form may post anywhere.
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
};

/** The policy as one header / meta value: "directive source source; directive ...". */
function policyString(policy) {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(" "))
    .join("; ");
}

const DEV_SERVER_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  // the same policy as the page's <meta>, on every response of the dev server
  "Content-Security-Policy": policyString(CONTENT_SECURITY_POLICY),
};

/**
 * HTTPS options for the dev server. office-addin-dev-certs creates a localhost certificate and trusts its CA
 * (Windows and Mac). Where trusting fails (Linux without sudo) the certificate files may still exist: use them,
 * and the CA (~/.office-addin-dev-certs/ca.crt) can be trusted by hand. With no files at all, fall back to
 * webpack-dev-server's own self-signed certificate.
 * Only called by `webpack serve`, so a production build never needs certificates.
 */
async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (err) {
    console.warn(`office-addin-dev-certs: ${err && err.message}`.trim());
  }
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    console.warn(`Using the untrusted development certificate in ${dir}.`);
    const options = {};
    for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
    return { type: "https", options };
  }
  console.warn("Using a self-signed certificate from webpack-dev-server.");
  return { type: "https" };
}

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  // read before anything is built, so that a bad URL stops the build at once with its reason
  const hosted = manifestSettings(process.env);

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: FUNCTIONS_SOURCE,
      // The pane reuses the modules already in functions.js (one copy of the engine and plans, one module
      // state in the shared runtime); functions.js stays self-contained for hosts that load it alone.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type-checking is its own step (`tsc --noEmit`); here it would only slow the build down.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      // Generates functions.json from the JSDoc @customfunction tags and appends the
      // CustomFunctions.associate(...) calls to functions.js.
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      // Shared runtime: the task pane page is also the custom functions' page, so it loads both bundles.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        // Written by the template as its first <meta>: a CSP in a <meta> governs only what comes after it.
        contentSecurityPolicy: policyString(CONTENT_SECURITY_POLICY),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            ...(hosted && { transform: (content) => manifestForHost(content.toString("utf8"), hosted) }),
          },
        ],
      }),
    ],
    // Fluent UI makes the pane bundle larger than webpack's default 244 KiB hint; size is tracked separately.
    performance: { hints: false },
    devServer: serving
      ? {
          port: DEV_SERVER_PORT,
          server: await devServerHttps(),
          headers: DEV_SERVER_HEADERS,
        }
      : undefined,
  };
};

// For the tests (test/security): the policy the page is built and served with.
module.exports.CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;
module.exports.DEV_SERVER_HEADERS = DEV_SERVER_HEADERS;
module.exports.policyString = policyString;
