// Font fallback by glyph coverage: each character of a string goes to the first font of its chain
// that has a glyph for it (DejaVu for Latin, Greek and Cyrillic; Noto for Arabic, Hebrew and emoji;
// Noto Sans CJK subsets for Chinese, Japanese and Korean). Coverage is looked up once per code
// point and role. A character no font covers prints as its code point and is remembered, so the
// brief can list it rather than draw an empty box.
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { BriefFonts } from './brief-style';

/** Font files the brief falls back on, beside the DejaVu faces of {@link BriefFonts}. */
export interface FallbackFonts {
  arabic: string;
  arabicBold: string;
  hebrew: string;
  hebrewBold: string;
  han: string;
  hangul: string;
  emoji: string;
}

/** The fallback font files in `fontsDir` (resources/fonts in the app). */
export function fallbackFonts(fontsDir: string): FallbackFonts {
  return {
    arabic: join(fontsDir, 'NotoNaskhArabic-Regular.ttf'),
    arabicBold: join(fontsDir, 'NotoNaskhArabic-Bold.ttf'),
    hebrew: join(fontsDir, 'NotoSansHebrew-Regular.ttf'),
    hebrewBold: join(fontsDir, 'NotoSansHebrew-Bold.ttf'),
    han: join(fontsDir, 'CrosscheckHan-Regular.otf'),
    hangul: join(fontsDir, 'CrosscheckHangul-Regular.otf'),
    emoji: join(fontsDir, 'NotoEmoji-Regular.ttf'),
  };
}

/** A font role of the brief's type styles. */
export type FontRole = keyof BriefFonts;

/** A run of text in one font file. */
export interface FontRun {
  text: string;
  font: string;
}

/** A character the bundled fonts cannot show: itself and its code point, as "U+1F9FF". */
export interface UncoveredCharacter {
  char: string;
  codePoint: string;
}

/** Opened fonts, shared by every brief the process renders (fonts never change on disk). */
const opened = new Map<string, fontkit.Font>();

function openFont(path: string): fontkit.Font {
  let font = opened.get(path);
  if (!font) {
    font = fontkit.openSync(path) as fontkit.Font;
    opened.set(path, font);
  }
  return font;
}

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefe]/;
const HEBREW = /[\u0590-\u05ff\ufb1d-\ufb4f]/;
const EMOJI = /\p{Emoji_Presentation}/u;
const MARK = /\p{M}/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const ASCII = /^[\x20-\x7e]*$/;
const UNCOVERED = -1;

/** Picks fonts for text, per role, by which font has a glyph for each character. */
export class FontFallback {
  private readonly files: string[];
  /** Per role: the chain for Arabic, Hebrew, emoji and everything else, as indexes into files. */
  private readonly chains: Record<
    FontRole,
    Record<'arabic' | 'hebrew' | 'emoji' | 'other', number[]>
  >;
  private readonly chosen = new Map<FontRole, Map<number, number>>();
  private readonly missing = new Map<number, UncoveredCharacter>();

  constructor(roles: BriefFonts, fallback: FallbackFonts) {
    this.files = [];
    const index = (path: string) => {
      const at = this.files.indexOf(path);
      return at >= 0 ? at : this.files.push(path) - 1;
    };
    const chain = (role: FontRole): Record<'arabic' | 'hebrew' | 'emoji' | 'other', number[]> => {
      const bold = role === 'sansBold';
      const own = [index(roles[role]), index(roles.sans)];
      const arabic = index(bold ? fallback.arabicBold : fallback.arabic);
      const hebrew = index(bold ? fallback.hebrewBold : fallback.hebrew);
      const rest = [index(fallback.han), index(fallback.hangul), index(fallback.emoji)];
      return {
        arabic: [arabic, ...own],
        hebrew: [hebrew, ...own],
        emoji: [index(fallback.emoji), ...own],
        other: [...own, ...rest, arabic, hebrew],
      };
    };
    this.chains = {
      sans: chain('sans'),
      sansBold: chain('sansBold'),
      sansOblique: chain('sansOblique'),
      serif: chain('serif'),
    };
  }

  /** The font file a role's ASCII text is set in. */
  primary(role: FontRole): string {
    return this.files[this.chains[role].other[0] as number] as string;
  }

  /**
   * `text` cut into runs of one font each. Combining marks and invisible joiners stay with the
   * character before them; an invisible character no font of the run has is dropped; a character
   * no font covers becomes "[U+XXXX]" in the role's own font.
   */
  runs(text: string, role: FontRole): FontRun[] {
    if (ASCII.test(text)) return text === '' ? [] : [{ text, font: this.primary(role) }];
    const runs: FontRun[] = [];
    let current = -2;
    let start = 0;
    let piece = '';
    const flush = () => {
      if (piece !== '') runs.push({ text: piece, font: this.files[current] as string });
      piece = '';
    };
    for (let i = 0; i < text.length;) {
      let code = text.charCodeAt(i);
      let length = 1;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          length = 2;
        }
      }
      start = i;
      i += length;
      const kind = kindOf(code);
      if (kind !== BASE && current >= 0 && this.has(current, code)) {
        piece += text.slice(start, i);
        continue;
      }
      const font = this.fontFor(code, role);
      if (font === UNCOVERED) {
        if (kind === IGNORABLE_KIND) continue;
        this.remember(code, text.slice(start, i));
      }
      const use = font === UNCOVERED ? (this.chains[role].other[0] as number) : font;
      if (use !== current) {
        flush();
        current = use;
      }
      piece += font === UNCOVERED ? `[${codePointName(code)}]` : text.slice(start, i);
    }
    flush();
    return runs;
  }

  /** Notes every character of `text` that no font covers, without laying it out. */
  scan(text: string): void {
    if (ASCII.test(text)) return;
    for (const char of text) {
      const code = char.codePointAt(0) as number;
      if (code < 0x80 || kindOf(code) === IGNORABLE_KIND) continue;
      if (this.fontFor(code, 'sans') === UNCOVERED) this.remember(code, char);
    }
  }

  /** The characters no bundled font covers, met so far, in code point order. */
  uncovered(): UncoveredCharacter[] {
    return [...this.missing.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  }

  private fontFor(code: number, role: FontRole): number {
    let cache = this.chosen.get(role);
    if (!cache) this.chosen.set(role, (cache = new Map()));
    let font = cache.get(code);
    if (font === undefined) {
      const chains = this.chains[role];
      const char = String.fromCodePoint(code);
      const chain = ARABIC.test(char)
        ? chains.arabic
        : HEBREW.test(char)
          ? chains.hebrew
          : EMOJI.test(char)
            ? chains.emoji
            : chains.other;
      font = chain.find((i) => this.has(i, code)) ?? UNCOVERED;
      cache.set(code, font);
    }
    return font;
  }

  private has(font: number, code: number): boolean {
    return openFont(this.files[font] as string).hasGlyphForCodePoint(code);
  }

  private remember(code: number, char: string): void {
    if (!this.missing.has(code)) this.missing.set(code, { char, codePoint: codePointName(code) });
  }
}

const BASE = 1;
const MARK_KIND = 2;
const IGNORABLE_KIND = 3;
/** Whether each BMP code point is a base character, a mark or an invisible one (0: not yet known). */
const kinds = new Uint8Array(0x10000);

function kindOf(code: number): number {
  if (code < 0x300) return code === 0xad ? IGNORABLE_KIND : BASE;
  let kind = code < 0x10000 ? (kinds[code] as number) : 0;
  if (kind === 0) {
    const char = String.fromCodePoint(code);
    kind = IGNORABLE.test(char) ? IGNORABLE_KIND : MARK.test(char) ? MARK_KIND : BASE;
    if (code < 0x10000) kinds[code] = kind;
  }
  return kind;
}

/** "U+00E9", "U+1F9FF". */
function codePointName(code: number): string {
  return 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
}
