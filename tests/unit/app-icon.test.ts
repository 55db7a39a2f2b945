// The app icon electron-builder converts for every platform: 512×512 (the least it accepts for
// macOS) and exactly what scripts/make-icon.mjs draws, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { iconPng } from '../../scripts/make-icon.mjs';

const ICON = fileURLToPath(new URL('../../resources/icon.png', import.meta.url));

it('resources/icon.png is the 512×512 RGBA PNG that scripts/make-icon.mjs draws', () => {
  const png = readFileSync(ICON);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  expect(png[25]).toBe(6);
  expect(Buffer.compare(png, iconPng())).toBe(0);
});
