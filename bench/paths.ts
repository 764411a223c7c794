import * as fs from "fs";
import * as path from "path";

/** The repository root: the bench runs compiled from build/bench/bench, so walk up to package.json. */
function findRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot();
