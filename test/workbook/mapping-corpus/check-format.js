#!/usr/bin/env node
// Checks the mapping corpus files against the case format (README.md in this folder) and against the
// meaning of the columns: a case whose figures contradict its own expected mapping would teach the
// mapper the wrong thing, so a <= b, ratio ranges and level words are checked here, not only the shape.
// Usage: node test/workbook/mapping-corpus/check-format.js [--list]   (--list prints every mapping)
"use strict";
const fs = require("fs");
const path = require("path");

const COMMON = ["unit", "group", "level"];
// The plans' input ids and which are required, as given to the corpus writers (not read from src/plans,
// so that the corpus stays an independent statement of what each table means).
const PLANS = {
  "hg-165-2023": {
    levels: ["huyen", "xa"],
    inputs: [...COMMON, "online_dossiers", "all_dossiers", "eid_activated", "citizens_with_cccd", "filing_accounts"],
    required: ["unit", "online_dossiers", "all_dossiers", "eid_activated", "citizens_with_cccd"],
    counts: ["online_dossiers", "all_dossiers", "eid_activated", "citizens_with_cccd", "filing_accounts"],
    // numerator, denominator: a <= b on every data row
    pairs: [["online_dossiers", "all_dossiers"], ["eid_activated", "citizens_with_cccd"], ["filing_accounts", "online_dossiers"]],
  },
  "hg-126-2023": {
    levels: ["tinh", "huyen", "xa"],
    inputs: [...COMMON, "i_1", "ii_1", "ii_2", "ii_3", "ii_4", "iii_1", "iii_2", "iv", "v"],
    required: ["unit"],
  },
  "np-236-2022": {
    levels: ["huyen", "xa"],
    inputs: [...COMMON, "score", "dung_han", "so_hoa", "hai_long", "truc_tuyen", "buu_chinh"],
    required: ["unit"],
  },
  "ls-170-2023": {
    levels: ["tinh", "huyen", "xa"],
    inputs: [...COMMON, "so_hoa", "dvc_co_ho_so", "ho_so_truc_tuyen", "he_thong", "assigned_dvc_co_ho_so", "assigned_ho_so_truc_tuyen", "giai_phap"],
    required: ["unit"],
    booleans: ["giai_phap"],
  },
  "iator-32-2024": {
    levels: ["xa"],
    inputs: [...COMMON, "date", "cong_khai", "tien_do", "dvc_truc_tuyen", "thanh_toan", "hai_long", "so_hoa"],
    required: ["unit", "date"],
    dates: ["date"],
  },
  "qd-766": {
    levels: ["tinh", "huyen", "xa"],
    inputs: ["unit", "cong_khai", "tien_do", "so_hoa", "dvc_truc_tuyen", "thanh_toan", "hai_long"],
    required: ["unit"],
  },
};
const TEXT_INPUTS = new Set(COMMON);

const fold = (s) =>
  String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/\s+/g, " ").trim();
const LEVEL_WORDS = /^(cap )?(tinh|huyen|xa|province|district|commune|provincial|communal)( level)?$/;

const colIndex = (letter) => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const colLetter = (i) => (i < 26 ? String.fromCharCode(65 + i) : colLetter(Math.floor(i / 26) - 1) + colLetter(i % 26));

// "1.234" and "1,234" are thousands; "85,5%" and "85.5%" are percents; returns null when not a number.
function num(v) {
  if (typeof v === "number") return { value: v, percentText: false };
  if (typeof v !== "string") return null;
  const t = v.trim();
  let m = t.match(/^(\d+(?:[.,]\d+)?)\s*%$/);
  if (m) return { value: Number(m[1].replace(",", ".")) / 100, percentText: true };
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return { value: Number(t.replace(/[.,]/g, "")), percentText: false };
  if (/^\d+$/.test(t)) return { value: Number(t), percentText: false };
  m = t.match(/^(\d+),(\d+)$/);
  if (m) return { value: Number(`${m[1]}.${m[2]}`), percentText: false };
  return null;
}
const isDate = (v) => typeof v === "string" && (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v.trim()) || /^\d{4}-\d{2}-\d{2}$/.test(v.trim()));

// The header block ends at the first row with two or more numbers or dates in it; a column-number row
// ("(1)", "(2)") is text and stays in the block, a row "1 2 3=2/1" counts as the first data row.
function firstDataRow(rows) {
  for (let r = 0; r < rows.length; r++) {
    const n = rows[r].filter((v) => num(v) !== null || isDate(v)).length;
    if (n >= 2) return r;
  }
  return rows.length;
}

function headerOf(rows, end, c) {
  // the nearest group title to the left in each header row, then this column's own text
  const parts = [];
  for (let r = 0; r < end; r++) {
    let own = rows[r][c];
    const below = r + 1 < end ? rows[r + 1][c] : null;
    const filled = rows[r].filter((v) => v !== null && v !== "").length;
    if ((own === null || own === "") && below !== null && below !== "" && filled >= 2) {
      // a sub-column under a merged group title: the title sits over the first column of its span
      for (let k = c - 1; k >= 0; k--) {
        const t = rows[r][k];
        if (t !== null && t !== "") {
          if (rows[r + 1][k] !== null && rows[r + 1][k] !== "") own = t;
          break;
        }
      }
    }
    if (typeof own === "string" && own.trim() !== "") parts.push(own.replace(/\n/g, "⏎"));
  }
  return parts.join(" / ");
}

const errors = [];
const warnings = [];
const err = (id, msg) => errors.push(`${id}: ${msg}`);
const warn = (id, msg) => warnings.push(`${id}: ${msg}`);

const dir = __dirname;
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
const ids = new Set();
const perPlan = {};
const perStyle = {};
const doubts = [];
const wrong = [];
const listing = [];
let total = 0;

for (const file of files) {
  let cases;
  try {
    cases = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  } catch (e) {
    err(file, `does not parse: ${e.message}`);
    continue;
  }
  if (!Array.isArray(cases)) {
    err(file, "is not an array of cases");
    continue;
  }
  for (const k of cases) {
    total++;
    const id = k.id ?? `${file}#${total}`;
    if (typeof k.id !== "string" || !/^[\x21-\x7e]+$/.test(k.id)) err(id, "id must be ASCII without spaces");
    if (ids.has(id)) err(id, "duplicate id");
    ids.add(id);
    const plan = PLANS[k.plan];
    if (!plan) {
      err(id, `unknown plan ${k.plan}`);
      continue;
    }
    if (typeof k.style !== "string" || !k.style) err(id, "style missing");
    for (const key of Object.keys(k))
      if (!["id", "plan", "style", "office", "level", "hiddenColumns", "rows", "expect", "doubt", "wrongPlan", "tablePlan"].includes(key))
        err(id, `unknown field ${key}`);
    if (k.level !== undefined && !plan.levels.includes(k.level)) err(id, `level ${k.level} is not a level of ${k.plan}`);

    const rows = k.rows;
    if (!Array.isArray(rows) || rows.length < 2 || !rows.every(Array.isArray)) {
      err(id, "rows must be an array of at least two arrays");
      continue;
    }
    const width = Math.max(...rows.map((r) => r.length));
    rows.forEach((r, i) => {
      if (r.length !== width) err(id, `row ${i + 1} has ${r.length} cells, the widest has ${width}`);
    });
    const start = firstDataRow(rows);
    const dataRows = rows.slice(start).filter((r) => r.some((v) => num(v) !== null));
    if (dataRows.length < 3 || dataRows.length > 9) warn(id, `${dataRows.length} data rows (3-8 expected)`);

    for (const h of k.hiddenColumns ?? []) if (!/^[A-Z]+$/.test(h) || colIndex(h) >= width) err(id, `hidden column ${h} is outside the table`);

    const expect = k.expect;
    if (!expect || typeof expect !== "object") {
      err(id, "expect missing");
      continue;
    }
    const used = new Map();
    for (const [input, letter] of Object.entries(expect)) {
      if (!plan.inputs.includes(input)) err(id, `${input} is not an input of ${k.plan}`);
      if (letter === null) continue;
      if (typeof letter !== "string" || !/^[A-Z]+$/.test(letter)) {
        err(id, `${input}: ${JSON.stringify(letter)} is not a column letter`);
        continue;
      }
      const c = colIndex(letter);
      if (c >= width) err(id, `${input}: column ${letter} is outside the table`);
      else if (!headerOf(rows, start, c)) err(id, `${input}: column ${letter} has no header`);
      if ((k.hiddenColumns ?? []).includes(letter)) err(id, `${input}: expected in hidden column ${letter}`);
      if (used.has(letter)) err(id, `${input} and ${used.get(letter)} both expect column ${letter}`);
      used.set(letter, input);
    }

    if (k.wrongPlan) {
      if (!PLANS[k.tablePlan] || k.tablePlan === k.plan) err(id, "wrongPlan needs tablePlan, another known plan");
      if (Object.values(expect).some((v) => v !== null)) err(id, "a wrongPlan case expects only what must stay unmapped (null)");
      if (k.doubt) err(id, "a wrongPlan case has no doubt");
      wrong.push(`${id} (${k.plan}, table of ${k.tablePlan})`);
    } else {
      if (k.tablePlan !== undefined) err(id, "tablePlan only with wrongPlan");
      for (const input of plan.inputs) if (!(input in expect)) err(id, `expect does not list ${input}`);
      const hasLevelCol = expect.level !== null && expect.level !== undefined;
      if (!hasLevelCol && k.level === undefined && plan.levels.length > 1) warn(id, "no level column and no level given");
      if (hasLevelCol && k.level !== undefined) warn(id, "a level column and a level given");
    }
    for (const d of k.doubt ?? []) {
      if (!plan.inputs.includes(d)) err(id, `doubt ${d} is not an input`);
      if (!(d in expect)) err(id, `doubt ${d} is not in expect`);
    }
    if (k.doubt) doubts.push(`${id}: ${k.doubt.join(", ")}`);

    // content checks
    const col = (input) => (expect[input] ? colIndex(expect[input]) : null);
    const header = (input) => (expect[input] ? headerOf(rows, start, colIndex(expect[input])) : "");
    const unitRows = dataRows.filter((r) => col("unit") !== null && typeof r[col("unit")] === "string");
    for (const [input, letter] of Object.entries(expect)) {
      if (!letter || k.wrongPlan || !/^[A-Z]+$/.test(letter) || colIndex(letter) >= width) continue;
      const c = colIndex(letter);
      const vals = dataRows.map((r) => r[c]).filter((v) => v !== null && v !== "");
      if (TEXT_INPUTS.has(input)) {
        if (vals.some((v) => typeof v !== "string")) warn(id, `${input}: non-text cells`);
        if (input === "level")
          for (const v of vals) if (!LEVEL_WORDS.test(fold(v))) err(id, `level cell "${v}" is not a level word`);
      } else if ((plan.counts ?? []).includes(input)) {
        for (const v of vals) {
          const n = num(v);
          if (!n || n.percentText || !Number.isInteger(n.value) || n.value < 0) err(id, `${input}: "${v}" is not a count`);
        }
      } else if ((plan.booleans ?? []).includes(input)) {
        for (const v of vals) if (!/^(co|khong|x|yes|no|true|false)$/.test(fold(v))) err(id, `${input}: "${v}" is not yes/no`);
      } else if ((plan.dates ?? []).includes(input)) {
        for (const v of vals) if (!isDate(v)) err(id, `${input}: "${v}" is not a date`);
      } else {
        // a (%) header, a points header (a province index score out of 100), or a row whose
        // "Đơn vị tính" cell says % allows whole percents
        const pctHeader = /%/.test(header(input)) || /\bdiem\b/.test(fold(header(input)));
        for (const r of dataRows) {
          const v = r[c];
          if (v === null || v === "") continue;
          const pct = pctHeader || r.some((x) => x === "%");
          const n = num(v);
          if (!n) {
            err(id, `${input}: "${v}" is not a number`);
            continue;
          }
          const ok = n.percentText ? n.value <= 1.0000001 : pct ? n.value >= 0 && n.value <= 100 : n.value >= 0 && n.value <= 1;
          if (!ok) err(id, `${input}: ${JSON.stringify(v)} is out of range for a ratio${pct ? " in a (%) column" : ""}`);
        }
      }
    }
    if (!k.wrongPlan)
      for (const [a, b] of plan.pairs ?? []) {
        if (col(a) === null || col(b) === null) continue;
        for (const r of dataRows) {
          const x = num(r[col(a)]);
          const y = num(r[col(b)]);
          if (x && y && x.value > y.value) err(id, `${a} ${x.value} > ${b} ${y.value} on row "${r[col("unit")] ?? r[0]}"`);
        }
      }
    if (!k.wrongPlan && col("group") !== null && col("level") !== null) {
      // mixed tables: a group cell names a unit of the table (the district's own row)
      const units = new Set(unitRows.map((r) => fold(r[col("unit")])));
      const strays = new Set();
      for (const r of dataRows) {
        const g = r[col("group")];
        if (typeof g === "string" && g.trim() && !units.has(fold(g))) strays.add(g);
      }
      if (strays.size) warn(id, `district names that are not unit rows of this table: ${[...strays].join(", ")}`);
    }

    perPlan[k.plan] = perPlan[k.plan] ?? { cases: 0, wrongPlan: 0, doubt: 0 };
    perPlan[k.plan][k.wrongPlan ? "wrongPlan" : "cases"]++;
    if (k.doubt) perPlan[k.plan].doubt++;
    for (const tag of k.style.split(",").map((s) => s.trim()).filter(Boolean)) perStyle[tag] = (perStyle[tag] ?? 0) + 1;
    listing.push(
      `${id} [${k.plan}${k.level ? " " + k.level : ""}${k.wrongPlan ? " wrong plan, table of " + k.tablePlan : ""}]\n` +
        Object.entries(expect)
          .map(([i, l]) => `    ${i.padEnd(26)} ${l ?? "-"}  ${l ? headerOf(rows, start, colIndex(l)) : ""}${(k.doubt ?? []).includes(i) ? "   (doubt)" : ""}`)
          .join("\n"),
    );
  }
}

if (process.argv.includes("--list")) console.log(listing.join("\n"));
console.log(`${total} cases in ${files.length} files`);
for (const [p, n] of Object.entries(perPlan)) console.log(`  ${p.padEnd(14)} ${n.cases} cases, ${n.wrongPlan} wrong-plan, ${n.doubt} with doubt`);
if (process.argv.includes("--styles"))
  for (const [s, n] of Object.entries(perStyle).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(3)}  ${s}`);
console.log(`doubt cases: ${doubts.length}`);
for (const d of doubts) console.log(`  ${d}`);
console.log(`wrong-plan cases: ${wrong.length}`);
for (const w of wrong) console.log(`  ${w}`);
for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.log(`error: ${e}`);
if (errors.length) process.exit(1);
