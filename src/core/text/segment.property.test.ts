import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment } from './segment';
import type { SentenceSpan } from './segment';

/** Pieces that exercise the rules: punctuation, quotes, abbreviations, breaks, odd Unicode. */
const pieces = [
  '.',
  '. ',
  '!',
  '?',
  '?!',
  '…',
  '...',
  ' . . . ',
  '．',
  '。',
  '؟',
  '“',
  '”',
  '"',
  "'",
  '’',
  '(',
  ')',
  '[',
  ']',
  '[1]',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u00a0',
  '\u3000',
  'Mr.',
  'U.S.',
  'a.m.',
  'etc.',
  'Inc.',
  'No.',
  'H.',
  '1)',
  '2)',
  'a.',
  'b.',
  '(a)',
  '•',
  'The',
  'he',
  'I',
  'word',
  '3.5',
  '$1.09',
  'www.x.com',
  'a@b.co',
  'Yahoo!',
  '😀',
  '👨‍👩‍👧',
  'e\u0301',
  'ñ',
  'مرحبا',
  'שלום',
  '中文',
  '\ud83d',
  '\ude00',
  '[Laughter]',
];

const textArb = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...pieces) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const isWs = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function checkInvariants(text: string, spans: SentenceSpan[], maxLength: number): void {
  let prevEnd = 0;
  for (const s of spans) {
    // ordered, non-overlapping, non-empty
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    // trimmed
    expect(isWs(text[s.start])).toBe(false);
    expect(isWs(text[s.end - 1])).toBe(false);
    // only whitespace between spans
    expect(/^\s*$/.test(text.slice(prevEnd, s.start))).toBe(true);
    const body = text.slice(s.start, s.end);
    // every line break ends a sentence
    expect(/[\n\r\u2028\u2029]/.test(body)).toBe(false);
    // length limit, unless there is no whitespace to cut at
    if (body.length > maxLength) expect(/\s/.test(body)).toBe(false);
    // never inside a surrogate pair
    if (s.start > 0) {
      expect(isHigh(text.charCodeAt(s.start - 1)) && isLow(text.charCodeAt(s.start))).toBe(false);
    }
    if (s.end < text.length) {
      expect(isHigh(text.charCodeAt(s.end - 1)) && isLow(text.charCodeAt(s.end))).toBe(false);
    }
    expect(s.forced === undefined || s.forced === true).toBe(true);
    prevEnd = s.end;
  }
  // every non-whitespace character is covered
  expect(/^\s*$/.test(text.slice(prevEnd))).toBe(true);
}

describe('segment invariants (fast-check)', () => {
  it('holds on random text with the default limit', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        checkInvariants(text, segment(text), 2000);
      }),
      { numRuns: 500 },
    );
  });

  it('holds on random text with small limits', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 1, max: 40 }), (text, maxLength) => {
        const spans = segment(text, { maxLength });
        checkInvariants(text, spans, maxLength);
        // without a limit nothing is forced
        for (const s of segment(text, { maxLength: Infinity })) expect(s.forced).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('holds on arbitrary full Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        checkInvariants(text, segment(text, { maxLength: 20 }), 20);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and ignores surrounding whitespace', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const inner = segment(text).map((s) => text.slice(s.start, s.end));
        const padded = `  \n${text}\n  `;
        const outer = segment(padded).map((s) => padded.slice(s.start, s.end));
        expect(outer).toEqual(inner);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a line the same whether or not a rarer event character (。 ‼ ؟ ▪) occurs on another line', () => {
    // texts without those characters are scanned with a smaller, faster pattern
    fc.assert(
      fc.property(textArb, fc.constantFrom('。', '‼', '؟', '۔', '▪', '．'), (text, rare) => {
        const plain = text.replace(
          /[\u203c\u2047-\u2049\u061f\u06d4\u3002\uff0e\uff01\uff1f\uff61\u2023\u2043\u25aa\u25ab\u25e6\u25cf]/g,
          ' ',
        );
        const alone = segment(plain).map((s) => plain.slice(s.start, s.end));
        const withRare = `${plain}\n${rare}`;
        const mixed = segment(withRare).map((s) => withRare.slice(s.start, s.end));
        expect(mixed.slice(0, alone.length)).toEqual(alone);
      }),
      { numRuns: 300 },
    );
  });
});
