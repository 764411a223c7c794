/**
 * A table's units share their explanation texts, kept by the percent their ratio shows. Ratios with
 * the same percent can still show other fractions or points ("0,01%" is 0,0001 × 60 = 0,01 and also
 * 0,0001 × 60 = 0,00 at its edges), so every unit's texts must be those of the unit scored alone,
 * which keeps nothing.
 */
import { scoreTable, scoreUnit, type UnitRow } from "../../src/engine";
import { getPlan } from "../../src/plans";

const PLAN = getPlan("hg-165-2023");

/** communes whose ratios crowd a few percents, each at both edges of it */
function crowdedRows(): UnitRow[] {
  const rows: UnitRow[] = [{ key: "Huyện A", group: "Huyện A", level: "huyen", values: { online_dossiers: 900, all_dossiers: 1000, eid_activated: 800, citizens_with_cccd: 1000 } }];
  const b = 1_000_000;
  let i = 0;
  // percents 0,01% … and around the floor (70%) and thresholds (80%, 90%, 100%)
  for (const centre of [1, 2, 7000, 7001, 7999, 8000, 8333, 8999, 9000, 9999, 10000]) {
    for (let d = -49; d <= 49; d += 7) {
      const a = Math.min(b, Math.max(0, centre * 100 + d));
      rows.push({ key: `Xã ${++i}`, group: "Huyện A", level: "xa", values: { online_dossiers: Math.max(a, 700_000), all_dossiers: b, eid_activated: a, citizens_with_cccd: b } });
      rows.push({ key: `Xã ${++i}`, group: "Huyện A", level: "xa", values: { online_dossiers: a, all_dossiers: b, eid_activated: a, citizens_with_cccd: b } });
    }
  }
  return rows;
}

describe("texts kept per table are the texts of each unit", () => {
  const rows = crowdedRows();
  const out = scoreTable(PLAN, rows);

  it("some units share a percent but not their points' text (what the keeping must tell apart)", () => {
    const byPercent = new Map<string, Set<string>>();
    for (const u of out.units) {
      for (const c of u.criteria) {
        const m = /^r = ([\d,]+%) < [\d,]+% → (.*)$/.exec(c.explanation);
        if (!m) continue;
        byPercent.set(`${c.id} ${m[1]}`, (byPercent.get(`${c.id} ${m[1]}`) ?? new Set()).add(m[2]));
      }
    }
    expect([...byPercent.values()].some((s) => s.size > 1)).toBe(true);
  });

  it("every commune's criteria, message and explanation are those it has scored alone", () => {
    const wrong: string[] = [];
    out.units.forEach((u, i) => {
      if (u.level !== "xa") return;
      const alone = scoreUnit(PLAN, "xa", rows[i].values);
      const got = { criteria: u.criteria, explanation: u.explanation, message: u.message.replace(/ Bằng điểm.*$/, "") };
      const want = { criteria: alone.criteria, explanation: alone.explanation, message: alone.message };
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${u.key}: ${u.explanation} ≠ ${alone.explanation}`);
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
