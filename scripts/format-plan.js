#!/usr/bin/env node
/**
 * Writes plan files (src/plans/*.json, assets/samples/*.plan.json) in the layout people review them in:
 * two-space indents, and lists of plain values (header wordings, levels) on one line when they fit.
 * `node scripts/format-plan.js FILE...` rewrites each file in place; the value is unchanged.
 */
"use strict";
const fs = require("fs");

function format(value, indent = "") {
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((v) => v === null || typeof v !== "object")) {
      const line = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
      if (line.length + indent.length <= 140) return line;
      return `[\n${value.map((v) => inner + JSON.stringify(v)).join(",\n")}\n${indent}]`;
    }
    return `[\n${value.map((v) => inner + format(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "{}";
    // small records of plain values (a band, a milestone step) read best on one line
    const flat = keys.every((k) => value[k] === null || typeof value[k] !== "object");
    const line = `{ ${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(value[k])}`).join(", ")} }`;
    if (flat && keys.length <= 4 && line.length + indent.length <= 120) return line;
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${format(value[k], inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

module.exports = { format };

if (require.main === module) {
  for (const file of process.argv.slice(2)) {
    const value = JSON.parse(fs.readFileSync(file, "utf8"));
    const text = format(value) + "\n";
    if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(value)) throw new Error(`${file}: formatting changed the value`);
    fs.writeFileSync(file, text);
  }
}
