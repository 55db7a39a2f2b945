import { describe, expect, it } from 'vitest';
import { orderLine } from './bidi-line';
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

  it('mirrors brackets and orders neutral characters that fontkit would not reverse', () => {
    expect(visual(orderLine([{ text: '(שלום)', font: 'hebrew' }], 'rtl'))).toEqual([')שלום(']);
    // Punctuation right to left goes a character a piece, so that it reads back in order.
    const pieces = orderLine([{ text: 'שלום ?!', font: 'hebrew' }], 'rtl');
    expect(visual(pieces)).toEqual(['!', '?', ' ', 'שלום']);
    expect(pieces.map((p) => p.text)).toEqual(['שלום', ' ', '?', '!']);
  });

  it('pre-reverses Arabic-Indic digits, which fontkit would lay out right to left', () => {
    expect(visual(orderLine([{ text: 'عام ١٩٣٢', font: 'arabic' }], 'rtl'))).toEqual([
      '٢٣٩١',
      ' ',
      'عام',
    ]);
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
