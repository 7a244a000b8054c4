#!/usr/bin/env node
// make-icons.js — writes the Teams app icons manifests/teams/color.png (192x192, shield on the
// accent colour) and outline.png (32x32, white shield outline on a transparent background, as the
// Teams package rules require). Standard library only (zlib + a hand-written PNG encoder), so the
// icons can be regenerated on any machine: node tests/js/make-icons.js [OUT_DIR]
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const ACCENT = [0x1f, 0x4e, 0x79]; // keep equal to accentColor in manifest.json (#1F4E79)
const WHITE = [255, 255, 255];

// Shield in unit coordinates (0..1): flat top, straight sides, curving to a point at the bottom.
function inShield(x, y, inset = 0) {
  const top = 0.12 + inset, bottom = 0.9 - inset * 1.6, mid = 0.5;
  if (y < top || y > bottom) return false;
  const halfMax = 0.36 - inset;
  const bend = 0.5; // fraction of the height that has straight sides
  const t = (y - top) / (bottom - top);
  const half = t < bend ? halfMax : halfMax * Math.sqrt(1 - ((t - bend) / (1 - bend)) ** 2);
  return Math.abs(x - mid) <= half;
}

// Renders size x size RGBA; shade(x, y) returns [r,g,b,a] for a unit-square point. 4x4 supersampling
// gives smooth edges (partial alpha), which Teams accepts for the outline icon.
function render(size, shade) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const acc = [0, 0, 0, 0];
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const [r, g, b, a] = shade((i + (si + 0.5) / n) / size, (j + (sj + 0.5) / n) / size);
          acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
        }
      }
      const o = (j * size + i) * 4;
      const a = acc[3] / (n * n);
      for (let c = 0; c < 3; c++) px[o + c] = acc[3] ? Math.round(acc[c] / acc[3]) : 0;
      px[o + 3] = Math.round(a);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

// 8-bit RGBA, no interlace, filter type 0 on every row.
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "..", "manifests", "teams"));
fs.mkdirSync(outDir, { recursive: true });

// Colour icon: opaque accent background, white shield with an accent ring inside it.
const color = render(192, (x, y) => {
  if (inShield(x, y) && !(inShield(x, y, 0.06) && !inShield(x, y, 0.1))) return [...WHITE, 255];
  return [...ACCENT, 255];
});
// Outline icon: only white, the rest fully transparent.
const outline = render(32, (x, y) => (inShield(x, y) && !inShield(x, y, 0.09) ? [...WHITE, 255] : [0, 0, 0, 0]));

fs.writeFileSync(path.join(outDir, "color.png"), encodePng(192, color));
fs.writeFileSync(path.join(outDir, "outline.png"), encodePng(32, outline));
console.log(`wrote ${path.join(outDir, "color.png")} and ${path.join(outDir, "outline.png")}`);
