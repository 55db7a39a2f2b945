// A glyph drawn for different letters (Noto Naskh Arabic draws ر and ز, ب and ت with one skeleton
// and adds the dots) reads back as the letter it was drawn for; the dots read as nothing.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, pdfText } from '../../../tests/support/read-pdf';
import { encodeGlyphsPerText } from './glyph-text';

const NASKH = join(import.meta.dirname, '../../../resources/fonts/NotoNaskhArabic-Regular.ttf');
// Each word on a line of its own, so the reading order does not depend on the line's layout.
const WORDS = ['رر', 'زز', 'بب', 'تت', 'ثث', 'ففق'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-glyphs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function drawn(adjust: boolean): Promise<string> {
  const path = join(dir, `${adjust ? 'adjusted' : 'plain'}.pdf`);
  const doc = new PDFDocument({ size: 'A5' });
  const out = createWriteStream(path);
  doc.pipe(out);
  doc.font(NASKH, 14);
  if (adjust) encodeGlyphsPerText((doc as unknown as { _font: unknown })._font);
  WORDS.forEach((word, i) => doc.text(word, 100, 60 + i * 40, { lineBreak: false }));
  doc.end();
  await finished(out);
  return flat(await pdfText(path));
}

describe('encodeGlyphsPerText', () => {
  it('makes letters that share a glyph read back as themselves', async () => {
    expect(await drawn(true)).toBe(WORDS.join(' '));
  });

  it('is needed: without it the later letters read as the first one drawn', async () => {
    expect(await drawn(false)).not.toBe(WORDS.join(' '));
  });
});
