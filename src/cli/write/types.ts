import type { ChartSpec, SheetModel } from "../../workbook";

/** A sheet of ours for the scored copy (the roles of src/workbook/ownership.ts the command line writes). */
export interface OurSheet {
  role: "results" | "rules" | "chart";
  model: SheetModel;
  chart?: ChartSpec;
}
