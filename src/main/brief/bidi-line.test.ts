import { describe, expect, it } from 'vitest';
import { orderLine, paragraphDirection } from './bidi-line';
import { showBidiControls } from './bidi-controls';
import { languageOf } from './text-language';

/** The pieces' texts from left to right, as they show on the page. */
function visual(pieces: ReturnType<typeof orderLine>): string[] {
  return [...pieces].sort((a, b) => a.visual - b.visual).map((p) => p.text);
}

describe('orderLine', () => {
  it('leaves a left-to-right line as it is', () => {
    const runs = [{ text: 'Troops left in 1932.', font: 'latin' }];
    expect(orderLine(runs, 'ltr')).toEqual([{ ...runs[0], visual: 0 }]);
  });

  it('orders a Hebrew line right to left, words kept for fontkit to reverse, 1932 kept', () => {
    const pieces = orderLine([{ text: 'הכוחות ייסוגו בשנת 1932.', font: 'hebrew' }], 'rtl');
    // Drawn in logical order; shown from the left: the full stop, 1932, then the words reversed.
    expect(pieces.map((p) => p.text)).toEqual([
      'הכוחות',
      ' ',
      'ייסוגו',
      ' ',
      'בשנת',
      ' ',
      '1932',
      '.',
    ]);
    expect(visual(pieces)).toEqual(['.', '1932', ' ', 'בשנת', ' ', 'ייסוגו', ' ', 'הכוחות']);
  });

  it('places a right-to-left phrase inside a left-to-right line', () => {
    const pieces = orderLine(
      [
        { text: 'He said ', font: 'latin' },
        { text: 'مرحبا بكم', font: 'arabic' },
        { text: ' twice.', font: 'latin' },
      ],
      'ltr',
    );
    expect(visual(pieces)).toEqual(['He said ', 'بكم', ' ', 'مرحبا', ' twice.']);
  });

  it('mirrors brackets and reverses neutral runs that fontkit would not reverse', () => {
    expect(visual(orderLine([{ text: '(שלום)', font: 'hebrew' }], 'rtl'))).toEqual([')שלום(']);
    expect(visual(orderLine([{ text: 'שלום ?!', font: 'hebrew' }], 'rtl'))).toEqual([
      '!?',
      ' ',
      'שלום',
    ]);
  });

  it('pre-reverses Arabic-Indic digits, which fontkit would lay out right to left', () => {
    expect(visual(orderLine([{ text: 'عام ١٩٣٢', font: 'arabic' }], 'rtl'))).toEqual([
      '٢٣٩١',
      ' ',
      'عام',
    ]);
  });
});

describe('paragraphDirection', () => {
  it('follows the first strong character', () => {
    expect(paragraphDirection('“قال الوزير”')).toBe('rtl');
    expect(paragraphDirection('1932: הכוחות')).toBe('rtl');
    expect(paragraphDirection('He said: مرحبا')).toBe('ltr');
    expect(paragraphDirection('12345')).toBe('ltr');
  });
});

describe('showBidiControls', () => {
  it('shows embeddings, overrides and isolates as visible markers', () => {
    expect(showBidiControls('\u202e0001$\u202c')).toBe('[RLO]0001$[PDF]');
    expect(showBidiControls('a\u2066b\u2069\u202ac\u202bd\u202de\u2067f\u2068g')).toBe(
      'a[LRI]b[PDI][LRE]c[RLE]d[LRO]e[RLI]f[FSI]g',
    );
    expect(showBidiControls('plain \u200f mark')).toBe('plain \u200f mark');
  });
});

describe('languageOf', () => {
  it('names the language of text in another script, and none for Latin', () => {
    expect(
      [
        'قالت الوزارة',
        'این یک گزارش است',
        'یہ رپورٹ ہے',
        'הממשלה הודיעה',
        '政府宣布',
        '政府は発表した',
        '정부는 발표했다',
        'Η κυβέρνηση',
        'Министерство заявило',
        'Міністерство заявило',
        'The ministry said',
        'The ministry said قال once',
      ].map(languageOf),
    ).toEqual(['ar', 'fa', 'ur', 'he', 'zh', 'ja', 'ko', 'el', 'ru', 'uk', undefined, undefined]);
  });
});
