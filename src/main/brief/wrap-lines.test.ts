import { describe, expect, it } from 'vitest';
import { cleanText, wrapLines } from './wrap-lines';

/** Every character one point wide (astral characters count once). */
const mono = (text: string) => Array.from(text).length;

describe('wrapLines', () => {
  it.each([
    [
      'fills lines word by word',
      'the quick brown fox jumps',
      10,
      ['the quick', 'brown fox', 'jumps'],
    ],
    ['keeps a word that fits exactly', 'abcde fghij', 5, ['abcde', 'fghij']],
    ['starts a new line at a line break', 'one\ntwo three', 20, ['one', 'two three']],
    ['collapses runs of spaces and tabs', 'a  \t b', 10, ['a b']],
    ['cuts a word wider than the line', 'abcdefghijkl', 5, ['abcde', 'fghij', 'kl']],
    [
      'prefers to cut a long word after a hyphen or slash',
      'see example.org/long-path/more',
      12,
      ['see', 'example.org/', 'long-path/', 'more'],
    ],
    ['never splits a surrogate pair', '😀😀😀😀', 3, ['😀😀😀', '😀']],
    ['keeps no-break spaces together', 'a b\u00a0c', 3, ['a', 'b\u00a0c']],
    ['gives one empty line for empty text', '', 10, ['']],
  ])('%s', (_, text, width, lines) => {
    const wrapped = wrapLines(text, width, mono);
    expect(wrapped).toEqual(lines);
    for (const line of wrapped) expect(mono(line)).toBeLessThanOrEqual(width);
  });
});

describe('cleanText', () => {
  it('drops control characters and soft hyphens and normalises line breaks', () => {
    expect(cleanText('  a\u0007b\u00adc\r\nd\re  ')).toBe('abc\nd\ne');
  });
});
