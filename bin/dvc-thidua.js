#!/usr/bin/env node
// The command-line tool is compiled from src/cli by `npm run build:cli` (run by `npm ci` through `prepare`).
require("../build/cli/cli/index.js").main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`Lỗi / Error: ${err && err.message ? err.message : err}\n`); process.exitCode = 2; },
);
