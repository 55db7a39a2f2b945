import { describe, expect, it } from 'vitest';
import { uncoveredNotice } from './uncovered-notice';

describe('uncoveredNotice', () => {
  it('says nothing when every character could be drawn', () => {
    expect(uncoveredNotice([])).toBeUndefined();
  });

  it('names the characters, a few at most, with their code points', () => {
    expect(uncoveredNotice([{ char: 'न', codePoint: 'U+0928' }])).toBe(
      'The brief could not draw one character with its fonts — न (U+0928); they are printed as their code points and listed in its appendix.',
    );
    const many = Array.from({ length: 10 }, (_, i) => ({
      char: String.fromCodePoint(0x0905 + i),
      codePoint: `U+${(0x0905 + i).toString(16).toUpperCase().padStart(4, '0')}`,
    }));
    expect(uncoveredNotice(many)).toMatch(/^The brief could not draw 10 characters .* and 2 more;/);
  });
});
