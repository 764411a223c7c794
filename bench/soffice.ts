/**
 * LibreOffice headless as the bench uses it: one profile for all runs that recalculates every formula
 * on load (OOXMLRecalcMode 0, as the real-client tests set it), so a run is open → recalculate → save,
 * not a first start creating a profile.
 */
import { recalcProfile } from "../test/e2e/helpers/libreoffice";
import { runOk, type ProcessRun } from "./stats";

export interface Soffice {
  profile: string;
  /** `soffice --headless --convert-to xlsx <file> --outdir <outDir>`, timed by the caller's clock */
  convertToXlsx(file: string, outDir: string): Promise<ProcessRun>;
  version(): Promise<string>;
}

export function sofficeWithRecalcProfile(): Soffice {
  const profile = recalcProfile("bench-lo-profile-");
  const env = `-env:UserInstallation=file://${profile}`;
  return {
    profile,
    convertToXlsx: (file, outDir) =>
      runOk("soffice", [env, "--headless", "--norestore", "--convert-to", "xlsx", file, "--outdir", outDir], { timeoutMs: 600_000 }),
    version: async () => (await runOk("soffice", [env, "--headless", "--version"])).stdout.trim(),
  };
}
