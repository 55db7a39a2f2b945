import { describe, expect, it } from 'vitest';
import { isWholeSentence, sentenceAtOrBefore } from './sentence-bounds';

const SENTENCES = [0, 10, 12, 20, 25, 40];

describe('sentenceAtOrBefore', () => {
  it.each([
    [0, 0],
    [12, 1],
    [15, 1],
    [25, 2],
    [99, 2],
  ])('finds the sentence for offset %i', (offset, index) => {
    expect(sentenceAtOrBefore(SENTENCES, offset)).toBe(index);
  });

  it('answers -1 before the first sentence and for no sentences', () => {
    expect(sentenceAtOrBefore([5, 9], 2)).toBe(-1);
    expect(sentenceAtOrBefore([], 0)).toBe(-1);
  });
});

describe('isWholeSentence', () => {
  it('accepts exact bounds only', () => {
    expect(isWholeSentence(SENTENCES, 12, 20)).toBe(true);
    expect(isWholeSentence(SENTENCES, 12, 19)).toBe(false);
    expect(isWholeSentence(SENTENCES, 13, 20)).toBe(false);
  });
});
