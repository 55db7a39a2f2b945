import { describe, expect, it } from 'vitest';
import { verdictsDiffer } from './file-actions';

describe('verdictsDiffer', () => {
  it.each([
    [0, ''],
    [1, '1 verdict differs: see Conflicts.'],
    [3, '3 verdicts differ: see Conflicts.'],
  ])('%i differing verdicts: “%s”', (count, words) => {
    expect(verdictsDiffer(count)).toBe(words);
  });
});
