import { main } from "../../src/cli/index";

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("dvc-thidua calc", () => {
  test("the done-when check: LS_TARGET(xa, so_hoa) prints 0.55", async () => {
    expect(await cli("calc", '=DVC.LS_TARGET("xa","so_hoa")')).toEqual({ code: 0, out: "0.55\n", err: "" });
    expect((await cli("calc", 'ls_target("XÃ", "so_hoa")')).out).toBe("0.55\n");
  });

  test("--json value and error", async () => {
    expect(await cli("calc", "--json", 'LS_TARGET("xa","so_hoa")')).toEqual({ code: 0, out: '{"value":0.55}\n', err: "" });
    const r = await cli("calc", "--json", 'LS_TARGET("xa","khong_co")');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.error).toBe("#VALUE!");
    expect(j.message).toMatch(/khong_co/);
  });

  test("an error value prints the code, the message on stderr, exit 1", async () => {
    const r = await cli("calc", "HG_SCORE(209, 300, 900, 1000, \"xa\")");
    expect(r.code).toBe(1);
    expect(r.out).toBe("#N/A\n");
    expect(r.err).toMatch(/không xét/i);
  });

  test("array constants spill as rows; a bad row shows its error", async () => {
    const r = await cli("calc", 'HG_SCORE({270;"abc";300}, 300, {900;900;890}, 1000, "xa")');
    expect(r.code).toBe(0);
    expect(r.out).toBe("94\n#VALUE!\n95.6\n");
    expect(r.err).toMatch(/\[2,1\] #VALUE!/);
    const j = await cli("calc", "--json", "RANK({90;80;80;70})");
    expect(JSON.parse(j.out)).toEqual({ value: [[1], [2], [2], [4]] });
  });

  test("optional arguments may be empty or omitted; booleans print as TRUE/FALSE", async () => {
    expect((await cli("calc", 'HG_SCORE(890, 1000, 800, 1000, "huyen", {0.9,0.92})')).out).toBe("100\n");
    expect((await cli("calc", 'LS_MET("xa", "so_hoa", 55%, )')).out).toBe("TRUE\n");
    expect((await cli("calc", 'LS_MET("xa", "so_hoa", "54,9%")')).out).toBe("FALSE\n");
  });

  test("bad formulas and usage exit 2", async () => {
    expect((await cli("calc", "LS_TARGET(")).code).toBe(2);
    expect((await cli("calc", 'NO_SUCH("x")')).code).toBe(2);
    expect((await cli("calc", 'LS_TARGET("xa")')).code).toBe(2);
    expect((await cli("calc", 'LS_TARGET("xa","so_hoa",1,2)')).code).toBe(2);
    expect((await cli("calc")).code).toBe(2);
    const j = await cli("calc", "--json", "LS_TARGET(");
    expect(j.code).toBe(2);
    expect(JSON.parse(j.out).error).toBe("formula");
  });
});

describe("dispatcher", () => {
  test("usage in Vietnamese and English; unknown command exits 2", async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/Cách dùng \/ Usage/);
    expect((await cli("help")).code).toBe(0);
    expect((await cli("nope")).code).toBe(2);
  });

  test("functions lists the catalogue; --markdown and --json", async () => {
    const t = await cli("functions");
    expect(t.code).toBe(0);
    expect(t.out).toContain("DVC.HG_SCORE(online_dossiers, all_dossiers, eid_activated, citizens_with_cccd, level, [commune_ratios])");
    expect(t.out).toContain("DVC.LS_TARGET(level, indicator, [assigned_target])");
    expect((await cli("functions", "--markdown")).out).toContain("### `DVC.LS_TARGET(level, indicator, [assigned_target])`");
    const j = JSON.parse((await cli("functions", "--json")).out);
    expect(j.map((f: { id: string }) => f.id)).toContain("RANK");
  });
});
