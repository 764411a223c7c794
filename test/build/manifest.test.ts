import * as fs from "fs";
import * as path from "path";
import { describeManifest } from "./manifest-checks";
import { DEV_ORIGIN, MANIFEST_PATH, ROOT, parseManifest, pngSize } from "./manifest-model";

describeManifest("manifest.xml", { file: () => MANIFEST_PATH, origin: DEV_ORIGIN });

test("the strict parser rejects malformed XML", async () => {
  const broken = fs.readFileSync(MANIFEST_PATH, "utf8").replace("</Permissions>", "</Permission>");
  await expect(parseManifest(broken)).rejects.toThrow();
});

describe("icons", () => {
  test.each([16, 32, 64, 80, 128])("assets/icon-%i.png is a PNG of the size in its name", (size) => {
    expect(pngSize(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });

  test("pngSize refuses bytes that are not a PNG", () => {
    expect(() => pngSize(Buffer.from("GIF89a-not-a-png-at-all-xxxxxxxx"))).toThrow("not a PNG");
  });
});
