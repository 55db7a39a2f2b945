import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrief } from '../../core/brief/build-brief';
import type { Brief } from '../../core/brief/types';
import { createBackend } from '../compose';
import { PAGE } from './brief-style';
import {
  flat,
  pdfFonts,
  pdfInfo,
  pdfOutline,
  pdfText,
  pdfWordBoxes,
} from '../../../tests/support/read-pdf';
import { reviewOf } from '../../../tests/support/review-of';
import { renderBriefPdf } from './render-brief-pdf';
import { briefOfReview } from './review-brief';

const FONTS = join(import.meta.dirname, '../../../resources/fonts');
const SAMPLES = join(import.meta.dirname, '../../../resources/samples');
const NOW = '2024-05-01T14:03:00.000Z';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-brief-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function render(brief: Brief, name: string, compress = true): Promise<string> {
  const path = join(dir, name);
  await renderBriefPdf(brief, createWriteStream(path), { fontsDir: FONTS, compress });
  return path;
}

describe('renderBriefPdf: the sample review', () => {
  let brief: Brief;
  let path: string;

  beforeAll(async () => {
    const backend = await createBackend({
      dataDir: join(dir, 'data'),
      samplesDir: SAMPLES,
      author: 'ana',
      clock: () => NOW,
    });
    try {
      const sample = await backend.service.openSampleReview({});
      if (!sample.ok) throw new Error(sample.error.message);
      const built = await briefOfReview(backend.service, sample.value.id, { generatedAt: NOW });
      if (!built.ok) throw new Error(built.error.message);
      brief = built.value;
    } finally {
      await backend.close();
    }
    path = await render(brief, 'sample.pdf');
  });

  it('builds the brief of the sample: four claims with their evidence', () => {
    expect(brief.title.reviewName).toBe('Sample: Iraq letter, January 2020');
    expect(brief.title.documents.map((d) => d.title)).toEqual([
      'US military letter on leaving Iraq',
      'State of the Union address, 2020',
    ]);
    expect(
      brief.claims.map((c) => [c.status, c.confirmations.length, c.contradictions.length]),
    ).toEqual([
      ['contested', 3, 2],
      ['confirmed', 2, 0],
      ['unverified', 0, 0],
      ['unverified', 0, 0],
    ]);
    const [letter] = brief.claims;
    expect(letter?.note).toMatch(/central claim/);
    expect(letter?.confirmations.map((e) => e.sameDocument)).toEqual([true, true, true]);
    expect(letter?.forCount).toEqual({ tags: 3, documents: 1 });
    expect(brief.claims.every((c) => typeof c.source.sentence === 'number')).toBe(true);
    // Counted on content from independent origins: the letter's withdrawal is contradicted.
    expect(brief.bottomLine.counts).toEqual({
      contested: 0,
      contradicted: 1,
      confirmed: 1,
      unverified: 2,
    });
  });

  it('prints every section, every claim and every piece of evidence in full', async () => {
    const text = flat(await pdfText(path));
    for (const heading of ['Bottom line', 'Documents reviewed', 'Claims at a glance', 'Appendix']) {
      expect(text).toContain(heading);
    }
    for (const sentence of brief.bottomLine.sentences) expect(text).toContain(flat(sentence));
    for (const claim of brief.claims) {
      expect(text).toContain(`Claim ${claim.number}`);
      expect(text).toContain(flat(`“${claim.quote}”`));
      expect(text).toContain(`${claim.source.documentTitle}, sentence ${claim.source.sentence}`);
      if (claim.note) expect(text).toContain(flat(claim.note));
      for (const evidence of [...claim.confirmations, ...claim.contradictions]) {
        expect(text).toContain(flat(`“${evidence.quote}”`));
        const where = `${evidence.source.documentTitle}, sentence ${evidence.source.sentence}`;
        expect(text).toContain(evidence.sameDocument ? `${where} · same document` : where);
        if (evidence.note) expect(text).toContain(flat(evidence.note));
      }
    }
    for (const document of brief.appendix.documents) {
      expect(text).toContain(document.id);
      expect(text).toContain(document.fileName);
    }
  });

  it('numbers every page "Page N of M"', async () => {
    const pages = Number((await pdfInfo(path))['Pages']);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let page = 1; page <= pages; page++) {
      expect(await pdfText(path, { first: page, last: page })).toContain(
        `Page ${page} of ${pages}`,
      );
    }
  });

  it('has bookmarks for the sections and every claim, each opening the right page', async () => {
    const outline = await pdfOutline(path);
    expect(outline.filter((e) => e.depth === 0).map((e) => e.title)).toEqual([
      'Key judgements',
      'Bottom line',
      'Gaps',
      'Documents reviewed',
      'Claims at a glance',
      'Claims',
      'Appendix',
    ]);
    const claims = outline.filter((e) => e.depth === 1 && /^\d+\. /.test(e.title));
    expect(claims.map((e) => e.title.split(' – ')[0])).toEqual([
      '1. Contradicted',
      '2. Confirmed',
      '3. Unverified',
      '4. Unverified',
    ]);
    for (const [i, entry] of claims.entries()) {
      const page = await pdfText(path, { first: entry.page, last: entry.page });
      expect(page).toContain(`Claim ${i + 1}`);
    }
    // The claims table shows the same page for each claim, after the statuses in origins.
    const tablePage = outline.find((e) => e.title === 'Claims at a glance')?.page ?? 0;
    const table = flat(await pdfText(path, { first: tablePage, last: tablePage }));
    expect(table).toMatch(new RegExp(`Contradicted \\(\\d\\) ${claims[0]?.page}\\b`));
  });

  it('links each row of the claims table to its claim and carries metadata', async () => {
    const raw = (await readFile(path)).toString('latin1');
    for (const claim of brief.claims) {
      expect(raw).toContain(`/S /GoTo\n/D (claim-${claim.number})`);
      expect(raw).toContain(`(claim-${claim.number})`);
    }
    const info = await pdfInfo(path);
    expect(info['Title']).toBe('Sample: Iraq letter, January 2020 – Crosscheck brief');
    expect(info['Author']).toBe('ana');
    expect(info['CreationDate']).toBe('2024-05-01T14:03:00Z');
  });
});

describe('renderBriefPdf: text and layout', () => {
  it('gives the same bytes for the same brief and time', async () => {
    const { review, texts } = reviewOf(
      ['A claim is made.', 'It is confirmed.', 'It is denied.'],
      [
        { sentence: 0, kind: 'claim' },
        { sentence: 1, kind: 'confirmation', links: [0] },
        { sentence: 2, kind: 'contradiction', links: [0] },
      ],
    );
    const hash = async (name: string, generatedAt: string) =>
      createHash('sha256')
        .update(await readFile(await render(buildBrief(review, texts, { generatedAt }), name)))
        .digest('hex');
    const first = await hash('same-1.pdf', NOW);
    expect(await hash('same-2.pdf', NOW)).toBe(first);
    expect(await hash('later.pdf', '2024-05-02T09:00:00.000Z')).not.toBe(first);
  });

  it('renders Greek, Cyrillic and typographic quotes with the embedded fonts', async () => {
    const sentences = [
      'Η κυβέρνηση ανακοίνωσε ότι «τα στρατεύματα θα αποσυρθούν».',
      'Министерство заявило: «Решение о выводе войск не принималось».',
      'He said “it’s final” — and ‘nothing’ changed…',
    ];
    const { review, texts } = reviewOf(sentences, [
      { sentence: 0, kind: 'claim', note: 'Σημείωση — примечание.' },
      { sentence: 1, kind: 'contradiction', links: [0] },
      { sentence: 2, kind: 'confirmation', links: [0] },
    ]);
    const path = await render(buildBrief(review, texts, { generatedAt: NOW }), 'scripts.pdf');
    const text = flat(await pdfText(path));
    for (const sentence of sentences) expect(text).toContain(sentence);
    expect(text).toContain('Σημείωση — примечание.');
    const fonts = await pdfFonts(path);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
      'DejaVuSans-Oblique',
      'DejaVuSerif',
    ]);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('breaks long quotes across pages and keeps every word inside the margins', async () => {
    // Each sentence stays under the segmenter's 2,000-character limit; together they fill pages.
    const long = (n: number) =>
      'Part ' +
      Array.from({ length: 36 }, (_, i) => `${i + 1} of long statement ${n}, winding on`).join(
        ', part ',
      ) +
      '.';
    const token = 'https://example.org/' + 'segment-of-a-long-address/'.repeat(12);
    const sentences = [long(1), long(2), long(3), long(4), `See ${token} for more.`, 'A claim.'];
    const { review, texts } = reviewOf(sentences, [
      { sentence: 0, kind: 'claim' },
      { sentence: 1, kind: 'confirmation', links: [0] },
      { sentence: 2, kind: 'confirmation', links: [0] },
      { sentence: 3, kind: 'contradiction', links: [0, 5] },
      { sentence: 4, kind: 'contradiction', links: [0, 5] },
      { sentence: 5, kind: 'claim', note: long(5) },
    ]);
    const brief = buildBrief(review, texts, { generatedAt: NOW });
    const path = await render(brief, 'long.pdf');
    const text = await pdfText(path);
    expect(text).toMatch(/Claim 1, continued/);
    // Without the running header, footer and "continued" line, the quotes read through.
    const body = flat(text).replace(
      /Generated \d+ May 2024 Page \d+ of \d+ (Test review Crosscheck brief )?(Claim \d+, continued )?/g,
      '',
    );
    for (const n of [1, 2, 3, 4, 5]) expect(body).toContain(long(n));
    const words = await pdfWordBoxes(path);
    // The words as drawn keep every character of the long address, cut across lines.
    expect(words.map((w) => w.word).join('')).toContain(token);
    const outside = words.filter(
      (w) =>
        w.xMin < PAGE.left - 0.5 ||
        w.xMax > PAGE.right + 0.5 ||
        w.yMin < PAGE.headerY - 2 ||
        (w.yMax > PAGE.bottom + 1 && w.yMin < PAGE.footerY - 2),
    );
    expect(outside).toEqual([]);
  });

  it('streams pages out while it is still drawing', async () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Statement number ${i + 1} is made.`);
    const tags = sentences.map((_, i) =>
      i % 4 === 0
        ? { sentence: i, kind: 'claim' as const }
        : { sentence: i, kind: 'confirmation' as const, links: [i - (i % 4)] },
    );
    const { review, texts } = reviewOf(sentences, tags);
    let written = 0;
    let writtenMidway = -1;
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done();
      },
    });
    await renderBriefPdf(buildBrief(review, texts, { generatedAt: NOW }), output, {
      fontsDir: FONTS,
      onProgress: (fraction) => {
        if (fraction >= 0.75 && writtenMidway < 0) writtenMidway = written;
      },
    });
    expect(writtenMidway).toBeGreaterThan(0);
    expect(writtenMidway).toBeLessThan(written);
  });

  it('renders a review without documents or claims, saying so', async () => {
    const { review } = reviewOf([], []);
    review.documents = [];
    const path = await render(buildBrief(review, new Map(), { generatedAt: NOW }), 'empty.pdf');
    const text = flat(await pdfText(path));
    expect(text).toContain('This review has no claims yet.');
    expect(text).toContain('No sentence has been tagged as a claim.');
    expect(text).toContain('Page 4 of 4');
  });

  it('fails, and destroys the output, when the output fails', async () => {
    const { review, texts } = reviewOf(['One claim.'], [{ sentence: 0, kind: 'claim' }]);
    const output = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('disk full'));
      },
    });
    await expect(
      renderBriefPdf(buildBrief(review, texts, { generatedAt: NOW }), output, { fontsDir: FONTS }),
    ).rejects.toThrow('disk full');
    expect(output.destroyed).toBe(true);
  });
});
