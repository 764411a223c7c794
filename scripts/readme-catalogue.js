#!/usr/bin/env node
/**
 * Writes the function catalogue into README.md between <!-- catalogue:start --> and
 * <!-- catalogue:end -->, from the same JSDoc metadata that builds functions.json
 * (`dvc-thidua functions --markdown`). Needs `npm run build:cli` first.
 * test/functions/catalogue.test.ts fails when README's section differs from the generated one.
 */
const fs = require("fs");
const path = require("path");

const START = "<!-- catalogue:start -->";
const END = "<!-- catalogue:end -->";

/** README text with the section between the markers replaced by `markdown`. */
function replaceCatalogue(readme, markdown) {
  const i = readme.indexOf(START);
  const j = readme.indexOf(END);
  if (i < 0 || j < 0 || j < i) throw new Error(`README.md has no ${START} … ${END} section`);
  return readme.slice(0, i + START.length) + "\n" + markdown.trim() + "\n" + readme.slice(j);
}

module.exports = { replaceCatalogue, START, END };

if (require.main === module) {
  const built = path.resolve(__dirname, "../build/cli/cli/functions-list.js");
  if (!fs.existsSync(built)) {
    process.stderr.write("Chạy `npm run build:cli` trước / run `npm run build:cli` first\n");
    process.exit(2);
  }
  const { catalogueMarkdown } = require(built);
  const file = path.resolve(__dirname, "../README.md");
  const before = fs.readFileSync(file, "utf8");
  const after = replaceCatalogue(before, catalogueMarkdown());
  if (after !== before) fs.writeFileSync(file, after);
  process.stdout.write(after !== before ? "README.md: catalogue updated\n" : "README.md: catalogue up to date\n");
}
