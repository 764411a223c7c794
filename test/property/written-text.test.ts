/**
 * Every text the add-in writes into its own sheets is valid in XML 1.0 and within Excel's 32,767
 * characters per cell, over random tables whose unit names hold characters XML forbids (controls,
 * U+FFFE/U+FFFF, lone surrogates) and names longer than a cell can hold. Checked with a strict XML
 * parser (saxes) on each text as an element's content, independently of the code that fixes texts.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { getPlan } from "../../src/plans";
import { scoreSheet, type CellOut } from "../../src/workbook";
import { buildSheets, type JobRequest } from "../../src/workflow/job";
import { genTable, placeAt, runs, tableRows } from "./gen";

const plan = getPlan("hg-165-2023");
const REQ: JobRequest = { planId: plan.id, source: { kind: "selection" } };
const NOW = new Date("2024-03-01T08:00:00Z");

/** A character XML 1.0 cannot hold in text (§2.2 Char). */
const forbidden = fc.constantFrom("\u0000", "\u0001", "\u0008", "\u000B", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF");

function xmlProblem(s: string): string | null {
  const p = new SaxesParser();
  let err: string | null = null;
  p.on("error", (e) => {
    err ??= e.message;
  });
  const escaped = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  p.write(`<t>${escaped}</t>`).close();
  return err;
}

function texts(cells: CellOut[][]): { r: number; c: number; s: string }[] {
  const out: { r: number; c: number; s: string }[] = [];
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string") out.push({ r, c, s: v });
      else if (v && typeof v === "object" && typeof v.result === "string") out.push({ r, c, s: v.result });
    }),
  );
  return out;
}

describe("written texts (hg-165-2023)", () => {
  test("every text of our sheets is valid XML and at most 32,767 characters, and each changed cell is named", () => {
    let changed = 0;
    fc.assert(
      fc.property(
        genTable({ maxCommunes: 8 }).filter((t) => t.units.length > 0),
        fc.array(fc.tuple(fc.nat(), fc.nat(), forbidden), { maxLength: 4 }),
        fc.option(fc.integer({ min: 32_000, max: 40_000 }), { freq: 4 }),
        (gen, spoils, longName) => {
          // a copy: fast-check reuses generated values while shrinking
          const t = { ...gen, units: gen.units.map((u) => ({ ...u })) };
          for (const [u, at, ch] of spoils) {
            const unit = t.units[u % t.units.length];
            const k = at % (unit.name.length + 1);
            unit.name = unit.name.slice(0, k) + ch + unit.name.slice(k);
          }
          if (longName !== null) t.units[0].name = t.units[0].name + " " + "x".repeat(longName);
          const scored = scoreSheet(plan, placeAt(tableRows(t), 0, 0), { sheet: "Số liệu" });
          const { sheets, textNotes } = buildSheets(scored, REQ, NOW);
          const bad: string[] = [];
          for (const { model } of sheets) {
            for (const { r, c, s } of texts(model.cells)) {
              const why = s.length > 32_767 ? `${s.length} characters` : xmlProblem(s);
              if (why) bad.push(`${model.name} r${r} c${c}: ${why}`);
            }
          }
          expect(bad).toEqual([]);
          // a unit name that had to change shows on the results sheet, so its cell is named
          const spoiled = spoils.length > 0 || longName !== null;
          if (spoiled && scored.outcome.units.some((u) => xmlProblem(u.key) !== null || u.key.length > 32_767)) {
            expect(textNotes.some((n) => n.startsWith("Kết quả DVC!"))).toBe(true);
            changed++;
          }
        },
      ),
      runs(60),
    );
    // the property was exercised, not passed by tables whose names all came through clean
    expect(changed).toBeGreaterThan(0);
  });
});
