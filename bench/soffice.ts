/**
 * LibreOffice headless as the bench uses it: one profile for all runs that recalculates every formula
 * on load (OOXMLRecalcMode 0, as the real-client tests set it), so a run is open → recalculate → save,
 * not a first start creating a profile.
 */
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../test/e2e/helpers/libreoffice";
import { runOk, type ProcessRun } from "./stats";

export interface Soffice {
  profile: string;
  /** `soffice --headless --convert-to xlsx <file> --outdir <outDir>`, timed by the caller's clock */
  convertToXlsx(file: string, outDir: string): Promise<ProcessRun>;
  version(): Promise<string>;
}

export function sofficeWithRecalcProfile(): Soffice {
  const profile = tempDir("bench-lo-profile-");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const env = `-env:UserInstallation=file://${profile}`;
  return {
    profile,
    convertToXlsx: (file, outDir) =>
      runOk("soffice", [env, "--headless", "--norestore", "--convert-to", "xlsx", file, "--outdir", outDir], { timeoutMs: 600_000 }),
    version: async () => (await runOk("soffice", [env, "--headless", "--version"])).stdout.trim(),
  };
}
