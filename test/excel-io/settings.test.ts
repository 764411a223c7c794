/** The column mapping chosen in the pane is kept in the document's settings, per plan. */
import { createFakeSettings } from "../fake-excel/fake-excel";
import { loadMapping, saveMapping } from "../../src/excel-io/settings";
import { langOf } from "../../src/taskpane/strings";

test("a saved mapping comes back for its plan only, and is saved into the document", async () => {
  const settings = createFakeSettings();
  expect(loadMapping(settings, "hg-165-2023")).toEqual({});
  await saveMapping(settings, "hg-165-2023", { online_dossiers: "HS nộp qua mạng" });
  await saveMapping(settings, "ls-170-2023", { so_hoa: "Số hóa (%)" });
  expect(settings.saves).toBe(2);
  expect(loadMapping(settings, "hg-165-2023")).toEqual({ online_dossiers: "HS nộp qua mạng" });
  expect(loadMapping(settings, "ls-170-2023")).toEqual({ so_hoa: "Số hóa (%)" });
  expect(loadMapping(null, "hg-165-2023")).toEqual({});
});

test("a damaged setting is ignored rather than trusted", () => {
  const settings = createFakeSettings();
  settings.set("dvcThidua.mapping", { "hg-165-2023": { online_dossiers: 5, unit: "Đơn vị" } });
  expect(loadMapping(settings, "hg-165-2023")).toEqual({ unit: "Đơn vị" });
});

test("the pane speaks Vietnamese unless Office's display language is another one", () => {
  expect(langOf("vi-VN")).toBe("vi");
  expect(langOf("vi")).toBe("vi");
  expect(langOf(undefined)).toBe("vi");
  expect(langOf("en-US")).toBe("en");
  expect(langOf("fr-FR")).toBe("en");
});
