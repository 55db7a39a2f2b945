import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefFonts } from './brief-style';
import { fallbackFonts, FontFallback } from './font-fallback';

const FONTS = join(import.meta.dirname, '../../../resources/fonts');

function fallback(): FontFallback {
  return new FontFallback(briefFonts(FONTS), fallbackFonts(FONTS));
}

const file = (path: string) => path.slice(path.lastIndexOf('/') + 1);

describe('FontFallback', () => {
  it('sets each run in the first font that has its glyphs', () => {
    const runs = fallback().runs('Ζ «Я» مَرحبا שלום 你好 かな 한국 😀', 'serif');
    expect(runs.map((r) => [r.text, file(r.font)])).toEqual([
      ['Ζ «Я» ', 'DejaVuSerif.ttf'],
      ['مَرحبا', 'NotoNaskhArabic-Regular.ttf'],
      [' ', 'DejaVuSerif.ttf'],
      ['שלום', 'NotoSansHebrew-Regular.ttf'],
      [' ', 'DejaVuSerif.ttf'],
      ['你好', 'CrosscheckHan-Regular.otf'],
      [' ', 'DejaVuSerif.ttf'],
      ['かな', 'CrosscheckHan-Regular.otf'],
      [' ', 'DejaVuSerif.ttf'],
      ['한국', 'CrosscheckHangul-Regular.otf'],
      [' ', 'DejaVuSerif.ttf'],
      ['😀', 'NotoEmoji-Regular.ttf'],
    ]);
  });

  it('uses the bold Arabic and Hebrew faces for bold text', () => {
    const runs = fallback().runs('مرحبا שלום', 'sansBold');
    expect(runs.map((r) => file(r.font))).toEqual([
      'NotoNaskhArabic-Bold.ttf',
      'DejaVuSans-Bold.ttf',
      'NotoSansHebrew-Bold.ttf',
    ]);
  });

  it('keeps marks and joiners with their base and drops joiners no font of the run has', () => {
    const runs = fallback().runs('e\u0301 👨\u200d👩 a\u{E01EF}', 'sans');
    expect(runs.map((r) => r.text)).toEqual(['e\u0301 ', '👨\u200d👩', ' a']);
  });

  it('prints what no font covers as its code point and remembers it once', () => {
    const fonts = fallback();
    expect(fonts.runs('नम न', 'sans').map((r) => r.text)).toEqual(['[U+0928][U+092E] [U+0928]']);
    fonts.scan('ሰላም');
    expect(fonts.uncovered().map((c) => c.codePoint)).toEqual(
      expect.arrayContaining(['U+0928', 'U+092E']),
    );
    expect(
      fonts
        .uncovered()
        .map((c) => c.char)
        .slice(0, 2),
    ).toEqual(['न', 'म']);
  });
});
