/* Builds the add-in into dist/: functions.js + functions.json (custom functions), taskpane.html + taskpane.js,
 * the icons and manifest.xml. `webpack --mode production` for release, `--mode development` for debugging,
 * `webpack serve --mode development` for the https dev server that manifest.xml points at. */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const DEV_SERVER_PORT = 3000; // must match the https://localhost:3000 URLs in manifest.xml

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
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    // Fluent UI makes the pane bundle larger than webpack's default 244 KiB hint; size is tracked separately.
    performance: { hints: false },
    devServer: serving
      ? {
          port: DEV_SERVER_PORT,
          server: await devServerHttps(),
          headers: { "Access-Control-Allow-Origin": "*" },
        }
      : undefined,
  };
};
