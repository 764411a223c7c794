#!/usr/bin/env node
/**
 * Draws the add-in icons (a ranking podium with a star, on Office blue) and writes them as PNG files
 * to assets/icon-<size>.png. Uses only Node's zlib, so it runs on a fresh clone with no dependencies.
 *
 *   node scripts/make-icons.js            # writes assets/icon-16.png … icon-128.png
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, "..", "assets");

// Colours as [r, g, b]. Blue is the Office/Fluent brand blue; the star is a gold that stays legible at 16 px.
const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xff, 0xc8, 0x3d];

// --- Shapes in unit coordinates (0..1, y pointing down) ---------------------------------------------

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function starPolygon(cx, cy, outer, inner) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return pts;
}

// Even-odd ray casting.
function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Podium: second place left, first place in the middle (tallest), third place right.
// Large icons use free proportions; 16 and 32 px use edges on a 16-unit grid so the bars stay sharp.
const LAYOUTS = {
  large: {
    bars: [
      [0.15, 0.55, 0.37, 0.85],
      [0.39, 0.4, 0.61, 0.85],
      [0.63, 0.64, 0.85, 0.85],
    ],
    barRadius: 0.025,
    star: starPolygon(0.5, 0.225, 0.15, 0.065),
  },
  small: {
    bars: [
      [2 / 16, 8 / 16, 5 / 16, 14 / 16],
      [6 / 16, 6 / 16, 10 / 16, 14 / 16],
      [11 / 16, 10 / 16, 14 / 16, 14 / 16],
    ],
    barRadius: 0,
    star: starPolygon(0.5, 3 / 16, 2.6 / 16, 1.2 / 16),
  },
};

/** Colour of one sample point, or null when it is outside the icon (transparent). */
function sample(layout, x, y) {
  if (!inRoundedRect(x, y, 0, 0, 1, 1, 0.2)) return null;
  if (inPolygon(x, y, layout.star)) return GOLD;
  for (const [x0, y0, x1, y1] of layout.bars) if (inRoundedRect(x, y, x0, y0, x1, y1, layout.barRadius)) return WHITE;
  return BLUE;
}

/** RGBA pixels, anti-aliased by averaging SS×SS samples per pixel (premultiplied, then un-premultiplied). */
function render(size) {
  const layout = size <= 32 ? LAYOUTS.small : LAYOUTS.large;
  const SS = 5;
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample(layout, (pxi + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = (py * size + pxi) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return px;
}

// --- PNG encoding ---------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  // Each scanline is prefixed with filter type 0 (None).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, render, encodePng };
