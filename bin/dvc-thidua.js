#!/usr/bin/env node
// The command-line tool is compiled from src/cli by `npm run build:cli` (run by `npm ci` through `prepare`).
"use strict";
const fs = require("fs");

const args = process.argv.slice(2);

// A large workbook is scored with V8's old space capped at 1.5 GB. Its largest table (500,000 units)
// lives in about 1.2 GB, but V8 sizes its heap to the machine and lets garbage grow past 2 GB before
// collecting it (1.9–2.2 GB peak on a 24 GB machine, 1.3–1.45 GB with the cap, as fast). The cap can
// only be set when V8 starts, so the command runs once more with it: only for an input over 2 MB,
// so an ordinary job pays no second start-up; a cap the user set (NODE_OPTIONS, node's own flags) stands.
const HEAP_MB = 1536;
const BIG_INPUT = 2 * 1024 * 1024;
const userCap = [...process.execArgv, process.env.NODE_OPTIONS || ""].some((a) => a.includes("max-old-space-size"));
const isBigFile = (a) => {
  try {
    const s = fs.statSync(a);
    return s.isFile() && s.size > BIG_INPUT;
  } catch {
    return false;
  }
};
if (args[0] === "score" && !userCap && !process.env.DVC_HEAP_CAPPED && args.slice(1).some(isBigFile)) {
  const r = require("child_process").spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, __filename, ...args], {
    stdio: "inherit",
    env: { ...process.env, DVC_HEAP_CAPPED: "1" },
  });
  if (r.error) process.stderr.write(`Lỗi / Error: ${r.error.message}\n`);
  process.exitCode = r.status ?? 2;
} else {
  require("../build/cli/cli/index.js").main(args).then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(`Lỗi / Error: ${err && err.message ? err.message : err}\n`); process.exitCode = 2; },
  );
}
