/** The merged areas of the table, read in the first round trip (RangeAreas.address split into areas). */
import { mergedAreas, readSnapshot } from "../../src/excel-io/read";
import { FakeRequestContext, FakeWorkbook } from "../fake-excel/fake-excel";

describe("merged areas", () => {
  it("splits an address list at the commas outside quoted sheet names", () => {
    expect(mergedAreas("'Số liệu, 2023'!C5:C7, 'Số liệu, 2023'!D9:D11")).toEqual([
      { r0: 4, c0: 2, r1: 6, c1: 2 },
      { r0: 8, c0: 3, r1: 10, c1: 3 },
    ]);
    expect(mergedAreas("S!A1")).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 0 }]);
  });
});

describe("readSnapshot", () => {
  const setup = (merges: string[]) => {
    const wb = new FakeWorkbook();
    wb.setValues("Số liệu, 2023", "B3", [
      ["Đơn vị", "Cấp", "HS trực tuyến"],
      ["Xã A", "Xã", 9],
      ["Xã B", null, 8],
      ["Xã C", null, 7],
    ]);
    wb.sheetByName("Số liệu, 2023")!.merges.push(...merges);
    wb.select("Số liệu, 2023", "C4");
    return wb;
  };
  const read = async (wb: FakeWorkbook) => {
    const ctx = new FakeRequestContext(wb);
    return readSnapshot(ctx as unknown as Excel.RequestContext, { kind: "selection" }, () => ctx.sync());
  };

  it("reads the table's merged areas in the same round trip, in sheet coordinates", async () => {
    const wb = setup(["C4:C6", "A1:B1"]);
    const snap = await read(wb);
    expect(wb.syncCount).toBe(1);
    expect(snap.source.merges).toEqual([{ r0: 3, c0: 2, r1: 5, c1: 2 }]);
    // the values stay as Excel gives them: the merged value in its first cell only
    expect(snap.source.block.map((r) => r[1])).toEqual(["Cấp", "Xã", null, null]);
  });

  it("no merges: a null object, and none in the snapshot", async () => {
    const snap = await read(setup([]));
    expect(snap.source.merges).toBeUndefined();
  });
});
