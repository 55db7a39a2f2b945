// The brief in every script: a review quoting Greek, Cyrillic, Arabic with harakat, Hebrew,
// Chinese, Japanese, Korean, emoji and combining marks prints every quote, in logical order, in
// fonts that have its glyphs; what no font has is named, never drawn as an empty box.
import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrief } from '../../core/brief/build-brief';
import {
  flat,
  pdfFonts,
  pdfInfo,
  pdfOutline,
  pdfStructTree,
  pdfText,
  pdfWordBoxes,
  structNodes,
  structText,
} from '../../../tests/support/read-pdf';
import { reviewOf } from '../../../tests/support/review-of';
import { PAGE } from './brief-style';
import { claimsTableTextEdges } from './draw-claims-table';
import { renderBriefPdf, type RenderedBrief } from './render-brief-pdf';

const FONTS = join(import.meta.dirname, '../../../resources/fonts');
const NOW = '2024-05-01T14:03:00.000Z';

const GREEK = 'Η κυβέρνηση ανακοίνωσε ότι «τα στρατεύματα θα αποσυρθούν».';
const CYRILLIC = 'Министерство заявило: «Решение о выводе войск не принималось».';
const ARABIC = 'قَالَتِ الوِزَارَةُ إِنَّ القُوَّاتِ سَتَنْسَحِبُ مِنَ البِلَادِ فِي عَامِ 1932.';
const HEBREW = 'הממשלה הודיעה כי הכוחות ייסוגו בשנת 2020.';
const CHINESE = '政府宣布军队将于明年撤出。';
const JAPANESE = '政府は部隊が来年撤退すると発表した。';
const KOREAN = '정부는 군대가 내년에 철수한다고 발표했다.';
const EMOJI = 'The post read 🇮🇶 👍🏽 and 👨‍👩‍👧 with 😀 too.';
const MARKS = 'Cafe\u0301 cre\u0300me and man\u0303ana, with Z\u0327\u0301 marks.';
const DEVANAGARI = 'It was signed in नमस्ते script.';
const TROJAN = 'The total is \u202e0001$\u202c today.';

const SENTENCES = [
  ARABIC,
  GREEK,
  CYRILLIC,
  HEBREW,
  CHINESE,
  JAPANESE,
  KOREAN,
  EMOJI,
  MARKS,
  DEVANAGARI,
  TROJAN,
];

let dir: string;
let path: string;
let rendered: RenderedBrief;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-scripts-'));
  const { review, texts } = reviewOf(SENTENCES, [
    { sentence: 0, kind: 'claim', note: 'ملاحظة: التاريخ 1932 وليس 2932.' },
    { sentence: 1, kind: 'confirmation', links: [0] },
    { sentence: 2, kind: 'contradiction', links: [0] },
    { sentence: 3, kind: 'confirmation', links: [0] },
    { sentence: 4, kind: 'claim' },
    { sentence: 5, kind: 'confirmation', links: [4] },
    { sentence: 6, kind: 'contradiction', links: [4] },
    { sentence: 7, kind: 'claim', note: 'Emoji 👍🏽 in a note.' },
    { sentence: 8, kind: 'confirmation', links: [7] },
    { sentence: 9, kind: 'contradiction', links: [7] },
    { sentence: 10, kind: 'claim' },
  ]);
  path = join(dir, 'scripts.pdf');
  rendered = await renderBriefPdf(
    buildBrief(review, texts, { generatedAt: NOW }),
    createWriteStream(path),
    { fontsDir: FONTS },
  );
  // CROSSCHECK_KEEP_PDF=/tmp/x.pdf keeps the brief, to look at its pages.
  const keep = process.env['CROSSCHECK_KEEP_PDF'];
  if (keep) await copyFile(path, keep);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the brief of a review in many scripts', () => {
  it('prints every quote in logical order', async () => {
    const text = flat(await pdfText(path)).normalize('NFC');
    // Arabic with harakat and Hebrew read back in logical order from the page text itself (the
    // glyphs' own text), not only from the ActualText of their structure elements.
    for (const sentence of [GREEK, CYRILLIC, KOREAN, MARKS, ARABIC, HEBREW]) {
      expect(text).toContain(`“${sentence.normalize('NFC')}”`);
    }
    // The monochrome emoji font has no skin tones: 👍🏽 shows as 👍, yet reads as written.
    expect(text).toContain(`“${EMOJI}”`);
    // Chinese and Japanese have no spaces to keep; the quotes read through whatever the lines.
    const joined = text.replace(/\s+/g, '');
    for (const sentence of [CHINESE, JAPANESE]) expect(joined).toContain(`“${sentence}”`);
    // Right-to-left text is drawn in visual order; its logical text is the ActualText of its
    // structure element, which PDF.js reports as the element's alternate text.
    const quotes = (await pdfStructTree(path))
      .flatMap(structNodes)
      .filter((n) => n.role === 'BlockQuote');
    const actual = (sentence: string) => quotes.find((q) => q.alt === `“${sentence}”`);
    expect(actual(ARABIC)?.lang).toBe('ar');
    expect(actual(HEBREW)?.lang).toBe('he');
    expect(actual(EMOJI)?.lang).toBeUndefined();
    const notes = (await pdfStructTree(path)).flatMap(structNodes).map((n) => n.alt);
    expect(notes).toContain('Reviewer’s note: ملاحظة: التاريخ 1932 وليس 2932.');
  });

  it('tags the structure: sections, headings, the claims table and quotes with their languages', async () => {
    const info = await pdfInfo(path);
    expect([info['Tagged'], info['PDF version']]).toEqual(['yes', '1.7']);
    const nodes = (await pdfStructTree(path)).flatMap(structNodes);
    const texts = (role: string) => nodes.filter((n) => n.role === role).map(structText);
    expect(texts('H1')).toEqual(
      expect.arrayContaining([
        'Test review',
        'Bottom line',
        'Claims at a glance',
        'Claims',
        'Appendix',
      ]),
    );
    expect(nodes.filter((n) => n.role === 'Sect').length).toBeGreaterThanOrEqual(10);
    expect(texts('H2')).toContain('Claim 1 SOURCE ◌ UNVERIFIED CONTENT ◐ CONTESTED');
    expect(texts('TH')).toEqual(['No.', 'Claim', 'Said by, where', 'Source', 'Content', 'Page']);
    expect(nodes.filter((n) => n.role === 'TR')).toHaveLength(5);
    expect(texts('TD')).toContain('◐ Contested (2–1)');
    const languages = new Map(
      nodes.filter((n) => n.role === 'BlockQuote').map((n) => [n.alt ?? structText(n), n.lang]),
    );
    for (const [sentence, lang] of [
      [GREEK, 'el'],
      [CYRILLIC, 'ru'],
      [CHINESE, 'zh'],
      [JAPANESE, 'ja'],
      [KOREAN, 'ko'],
      [EMOJI, undefined],
    ] as const) {
      expect(languages.get(`“${sentence}”`)).toBe(lang);
    }
    // The running header and the footer are artifacts, outside the structure.
    const tagged = nodes.map((n) => n.text ?? '').join(' ');
    expect(tagged).not.toMatch(/Page \d+ of \d+|Crosscheck brief/);
  });

  it('shows bidirectional controls instead of obeying them', async () => {
    const text = flat(await pdfText(path));
    expect(text).toContain('The total is ⟨RLO⟩0001$⟨PDF⟩ today.');
  });

  it('names the characters no font has, in the text and in the appendix', async () => {
    const missing = [...'नमस्ते'].filter((c) => !/\p{M}/u.test(c) && c !== '\u094d');
    expect(rendered.uncoveredCharacters.map((c) => c.char)).toEqual(
      [...new Set([...'नमस्ते'])].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!),
    );
    expect(missing.length).toBeGreaterThan(0);
    const text = flat(await pdfText(path));
    expect(text).toContain(
      'It was signed in [U+0928][U+092E][U+0938][U+094D][U+0924][U+0947] script.',
    );
    expect(text).toContain('D. Characters the brief cannot show');
    expect(text).toContain('U+0924, U+0928, U+092E, U+0938, U+0947, U+094D.');
  });

  it('embeds the fonts that cover each script', async () => {
    const names = (await pdfFonts(path)).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    for (const font of [
      'DejaVuSerif',
      'NotoNaskhArabic-Regular',
      'NotoSansHebrew',
      'CrosscheckHan-Regular',
      'CrosscheckHangul-Regular',
      'NotoEmoji-Regular',
    ]) {
      expect(names).toContain(font);
    }
  });

  it('sets right-to-left cells of the claims table against the right edge of their column', async () => {
    const tablePage = (await pdfOutline(path)).find((e) => e.title === 'Claims at a glance')?.page;
    const words = (await pdfWordBoxes(path)).filter((w) => w.page === tablePage);
    const claim = claimsTableTextEdges(1);
    // The table's body: below its header row, above the footer, inside the claim column.
    const header = words.find((w) => w.word === 'Claim')?.yMin ?? 0;
    const inClaimColumn = words.filter(
      (w) =>
        w.yMin > header + 5 &&
        w.yMax < PAGE.bottom &&
        w.xMin >= claim.left - 1 &&
        w.xMax <= claim.right + 1,
    );
    // The extent of each line of the words in `script`; marks placed a little above or below
    // their letters belong to the same line.
    const lines = (script: RegExp) => {
      const found: { top: number; xMin: number; xMax: number }[] = [];
      const matching = inClaimColumn.filter((w) => script.test(w.word));
      for (const w of matching.sort((a, b) => a.yMin - b.yMin)) {
        const line = found.at(-1);
        if (line && w.yMin - line.top < 5) {
          line.xMin = Math.min(line.xMin, w.xMin);
          line.xMax = Math.max(line.xMax, w.xMax);
        } else found.push({ top: w.yMin, xMin: w.xMin, xMax: w.xMax });
      }
      return found;
    };
    const arabic = lines(/[\u0600-\u06ff]|^[\d.]+$/);
    expect(arabic.length).toBeGreaterThanOrEqual(2);
    for (const line of arabic) expect(Math.abs(line.xMax - claim.right)).toBeLessThan(1.5);
    // The short last line ends at the right edge and starts well inside the cell.
    expect(Math.max(...arabic.map((l) => l.xMin))).toBeGreaterThan(claim.left + 20);
    // Left-to-right cells, Chinese included, still start at the left edge.
    for (const line of lines(/[\u4e00-\u9fff]|^The$/)) {
      expect(Math.abs(line.xMin - claim.left)).toBeLessThan(1.5);
    }
  });

  it('keeps every word inside the margins', async () => {
    const outside = (await pdfWordBoxes(path)).filter(
      (w) => w.xMin < PAGE.left - 0.5 || w.xMax > PAGE.right + 0.5,
    );
    expect(outside).toEqual([]);
  });
});
