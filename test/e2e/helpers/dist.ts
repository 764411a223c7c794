import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../../..");
export const DIST = path.join(ROOT, "dist");

/**
 * Path of a file in dist/. The real-client tests run after `npm run build` (scripts/test.sh);
 * a missing file means the build was not run, which this says plainly instead of failing obscurely.
 */
export function distFile(relative: string): string {
  const file = path.join(DIST, relative);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` before the real-client tests.`);
  }
  return file;
}
