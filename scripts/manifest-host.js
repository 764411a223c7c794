/**
 * The manifest for the server that hosts dist/: manifest.xml names the dev server (https://localhost:3000)
 * everywhere; a production build for a province's own server gets that server's base URL instead
 * (DVC_ADDIN_URL) and a support address (DVC_SUPPORT_URL, else the project's). webpack.config.js applies it
 * when it copies manifest.xml into dist/; test/build/manifest-host.test.ts checks the result.
 *
 * Plain CommonJS because webpack.config.js loads it before anything is compiled; for the same reason its
 * messages live here rather than in src/messages. They are read by the IT staff who run the build:
 * Vietnamese first, English after.
 */

/** The origin every URL of manifest.xml starts with (the dev server of webpack.config.js). */
const DEV_ORIGIN = "https://localhost:3000";

/** The project's support address, as README.md gives it under "Hỗ trợ / Support" (a test keeps them equal). */
const PROJECT_SUPPORT_URL = "https://github.com/dvc-thidua/dvc-thidua/issues";

const EXAMPLES = {
  DVC_ADDIN_URL: "DVC_ADDIN_URL=https://thidua.example.gov.vn/dvc npm run build",
  DVC_SUPPORT_URL: "DVC_SUPPORT_URL=https://thidua.example.gov.vn/ho-tro",
};

function fail(name, value, why, whyEn) {
  const example = EXAMPLES[name] ? ` Ví dụ / for example: ${EXAMPLES[name]}` : "";
  const err = new Error(`${name}="${value}": ${why} (${whyEn}).${example}`);
  err.name = "DvcBuildSettingError";
  // webpack-cli prints the stack: for a wrong setting the frames only hide the one line that matters
  err.stack = `${err.name}: ${err.message}`;
  return err;
}

/**
 * A URL setting checked and parsed: absolute, https (Office refuses an add-in served over plain http, and a
 * support link should not downgrade), no user name or password (they would ship inside the manifest), no
 * spaces or backslashes (the URL parser would silently turn them into something else).
 */
function parseHttpsUrl(name, raw) {
  const value = raw.trim();
  if (value === "") throw fail(name, raw, "giá trị trống; bỏ biến này đi để dựng bản phát triển với https://localhost:3000", "empty; unset it for a development build");
  if (/\s|\\/.test(value)) throw fail(name, raw, "có dấu cách hoặc dấu \\", "contains a space or a backslash");
  let url;
  try {
    url = new URL(value);
  } catch {
    throw fail(name, raw, "không phải một địa chỉ URL đầy đủ", "not an absolute URL");
  }
  // the parser also takes "https:/host" and "https:///host"; a typo there is a typo anywhere else
  if (url.protocol !== "https:" || !/^https:\/\/[^/]/i.test(value)) {
    const why = name === "DVC_ADDIN_URL" ? [" (Office chỉ tải add-in qua HTTPS)", "; Office loads add-ins over HTTPS only"] : ["", ""];
    throw fail(name, raw, `phải bắt đầu bằng https:// rồi đến tên máy chủ${why[0]}`, `must start with https:// and the server's name${why[1]}`);
  }
  if (url.username || url.password) throw fail(name, raw, "không được chứa tên đăng nhập hay mật khẩu", "must not carry a user name or password");
  return url;
}

/**
 * DVC_ADDIN_URL as the base every file of dist/ is served under, without its trailing slash:
 * "https://host/dvc/" and "https://host/dvc" both give "https://host/dvc", so that base + "/taskpane.html"
 * never has a doubled or a missing slash. Refused: a query or fragment (the manifest appends paths to the
 * base), an empty path segment ("/dvc//" or "//dvc"), and a file name (the base is the folder that holds
 * dist/'s files, not taskpane.html or manifest.xml in it).
 */
function parseAddinBaseUrl(raw, name = "DVC_ADDIN_URL") {
  const url = parseHttpsUrl(name, raw);
  if (url.search || url.hash || /[?#]/.test(raw)) throw fail(name, raw, "không được có phần ? hay #", "must not have a ? query or a # fragment");
  const path = url.pathname.replace(/\/$/, "");
  if (path.split("/").slice(1).some((s) => s === "")) {
    throw fail(name, raw, "có hai dấu / liền nhau trong đường dẫn", "has two slashes in a row in its path");
  }
  const last = path.split("/").pop();
  if (/\.[a-z0-9]{1,5}$/i.test(last)) {
    throw fail(name, raw, `"${last}" là tên tệp; hãy cho địa chỉ thư mục chứa các tệp của dist/`, `"${last}" is a file name; give the folder that serves dist/'s files`);
  }
  return url.origin + path;
}

/** DVC_SUPPORT_URL as written (normalised by the URL parser), checked like the base but allowed a query. */
function parseSupportUrl(raw, name = "DVC_SUPPORT_URL") {
  return parseHttpsUrl(name, raw).href;
}

/**
 * What the build should write into dist/manifest.xml, from the environment: null when neither variable is
 * set (the dev build ships manifest.xml as it is); otherwise the base (null: keep the dev server's) and the
 * support address (the project's when DVC_SUPPORT_URL is not set). An invalid value throws.
 */
function manifestSettings(env = process.env) {
  const base = env.DVC_ADDIN_URL;
  const support = env.DVC_SUPPORT_URL;
  if (base === undefined && support === undefined) return null;
  return {
    baseUrl: base === undefined ? null : parseAddinBaseUrl(base),
    supportUrl: support === undefined ? PROJECT_SUPPORT_URL : parseSupportUrl(support),
  };
}

const xmlAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * manifest.xml's text with every dev-server URL moved under `baseUrl` and the <SupportUrl> set to
 * `supportUrl`. The text is edited, not re-serialised, so comments, order and layout stay as written.
 * Throws when the manifest has no single <SupportUrl>, or when a "localhost" is left (a URL on another port
 * that the move did not catch would ship a manifest no official's Excel can load).
 */
function manifestForHost(xml, { baseUrl, supportUrl }) {
  let out = xml;
  if (baseUrl) out = out.split(`${DEV_ORIGIN}/`).join(`${xmlAttr(baseUrl)}/`);
  const supports = out.match(/<SupportUrl\s+DefaultValue="[^"]*"\s*\/>/g) ?? [];
  if (supports.length !== 1) throw new Error(`manifest.xml must have exactly one <SupportUrl DefaultValue="…"/>; it has ${supports.length}`);
  out = out.replace(supports[0], `<SupportUrl DefaultValue="${xmlAttr(supportUrl)}"/>`);
  if (baseUrl && new URL(baseUrl).hostname !== "localhost" && /localhost/i.test(out)) throw new Error(`manifest.xml still names localhost after moving ${DEV_ORIGIN}/ to ${baseUrl}/`);
  return out;
}

module.exports = { DEV_ORIGIN, PROJECT_SUPPORT_URL, parseAddinBaseUrl, parseSupportUrl, manifestSettings, manifestForHost };
