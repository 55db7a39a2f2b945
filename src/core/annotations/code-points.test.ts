import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePointIndex, codePointLength, firstCodePoints, lastCodePoints } from './code-points';
import { exportAnnotationCollection } from './export-annotations';
import { TEST_GENERATOR, TestReview, testWorld } from '../../../tests/support/test-reviews';

/** Emoji (astral, with a skin-tone modifier and a ZWJ family), combining marks, Arabic. */
const MIXED = [
  'The team cheered 👍🏽 when the result came in.',
  'A family emoji 👨‍👩‍👧 counts as five code points.',
  'Ǫ̇ and q̣̇ carry combining marks that NFC keeps apart.',
  'قال الوزير: مَرْحَبًا بِالعَالَم، والنتائج مؤكدة.',
  'Math 𝔸𝔹ℂ and the last one 🎉.',
].join(' ');

describe('CodePointIndex', () => {
  it('maps UTF-16 offsets to code points and back around surrogate pairs', () => {
    const index = new CodePointIndex('a😀b𝔸c');
    expect(index.length).toBe(5);
    expect([0, 1, 3, 4, 6, 7].map((u) => index.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map((c) => index.toUtf16(c))).toEqual([0, 1, 3, 4, 6, 7]);
    expect(index.toCodePoint(2)).toBe(1); // between the halves of 😀: the pair's start
    expect(index.toUtf16(6)).toBeUndefined();
    expect(index.toUtf16(-1)).toBeUndefined();
    expect(index.toUtf16(1.5)).toBeUndefined();
  });

  it('counts a lone surrogate as one code point, as JavaScript iteration does', () => {
    const text = 'x\uD800y\uDC00z';
    expect(new CodePointIndex(text).length).toBe([...text].length);
    expect(codePointLength(text)).toBe(5);
  });

  it('agrees with Array.from for every boundary of any text', () => {
    const text = fc.array(
      fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\uD800', '\uDFFF', '😀', 'é')),
    );
    fc.assert(
      fc.property(text, (parts) => {
        const s = parts.join('');
        const index = new CodePointIndex(s);
        const points = Array.from(s);
        expect(index.length).toBe(points.length);
        let u = 0;
        points.forEach((point, c) => {
          expect(index.toCodePoint(u)).toBe(c);
          expect(index.toUtf16(c)).toBe(u);
          u += point.length;
        });
        expect(index.toUtf16(points.length)).toBe(s.length);
      }),
    );
  });

  it('takes whole code points from either end', () => {
    expect(lastCodePoints('ab😀c', 2)).toBe('😀c');
    expect(firstCodePoints('a😀bc', 2)).toBe('a😀');
    expect(lastCodePoints('ab', 5)).toBe('ab');
  });
});

describe('exportAnnotationCollection positions', () => {
  it('counts code points, so every quote equals the code-point slice of the text', () => {
    const world = testWorld();
    const reviewer = new TestReview(world, 'amal');
    const documentId = reviewer.addDocument('Mixed scripts', MIXED);
    for (let i = 0; i < 5; i++) reviewer.tag(documentId, i, i === 0 ? 'claim' : 'confirmation');
    const exported = exportAnnotationCollection(reviewer.review, reviewer.texts, {
      generator: TEST_GENERATOR,
    });
    if (!exported.ok) throw new Error(exported.error.message);
    const points = Array.from(MIXED);
    const items = exported.value.first?.items ?? [];
    expect(items).toHaveLength(5);
    for (const item of items) {
      const [quote, position] = item.target.selector;
      if (quote?.type !== 'TextQuoteSelector' || position?.type !== 'TextPositionSelector') {
        throw new Error('selectors out of order');
      }
      expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(quote.prefix).toBe(
        points.slice(Math.max(0, position.start - 32), position.start).join(''),
      );
      expect(quote.suffix).toBe(points.slice(position.end, position.end + 32).join(''));
    }
    // The later sentences sit after astral characters: UTF-16 and code points really differ there.
    const last = reviewer.review.tags.at(-1)?.anchor;
    const lastPosition = items.at(-1)?.target.selector[1];
    expect(lastPosition?.type === 'TextPositionSelector' && lastPosition.start).toBeLessThan(
      last?.start ?? 0,
    );
  });
});
