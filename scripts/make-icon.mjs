// Draws resources/icon.png (512×512), the app icon electron-builder turns into each platform's
// format: a page whose three lines are marked in the app's claim, confirmation and contradiction
// colours. `node scripts/make-icon.mjs [OUT]`; no dependencies, same bytes on every run.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis, for smooth edges

const BACKGROUND = [24, 40, 64];
const PAGE = [250, 250, 247];
const MARKS = [
  [31, 95, 191], // claim
  [30, 122, 60], // confirmation
  [180, 68, 27], // contradiction
];

/** Whether (x, y) lies in the rounded rectangle [x0, x1] × [y0, y1] with corner radius r. */
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at one point, or undefined where the icon is transparent. */
function colourAt(x, y) {
  if (!inRoundedRect(x, y, 16, 16, 496, 496, 96)) return undefined;
  if (!inRoundedRect(x, y, 116, 76, 396, 436, 24)) return BACKGROUND;
  for (let line = 0; line < 3; line++) {
    const top = 144 + line * 96;
    if (inRoundedRect(x, y, 156, top, 180, top + 36, 6)) return MARKS[line];
    const end = line === 2 ? 300 : 356;
    if (inRoundedRect(x, y, 200, top + 6, end, top + 30, 12)) return MARKS[line];
  }
  return PAGE;
}

/** RGBA rows, each prefixed with PNG filter byte 0. */
function pixels() {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += 255;
        }
      const covered = sum[3] / 255;
      const at = row + 1 + x * 4;
      for (let i = 0; i < 3; i++) rows[at + i] = covered ? Math.round(sum[i] / covered) : 0;
      rows[at + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
    }
  }
  return rows;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The icon as PNG bytes. */
export function iconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? new URL('../resources/icon.png', import.meta.url);
  writeFileSync(out, iconPng());
}
