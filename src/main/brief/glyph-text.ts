// Makes the text of a drawn glyph read back as the characters it was drawn for. fontkit keeps one
// glyph object per glyph id, with the characters of its first use, and pdfkit gives each glyph of a
// font one character code and one ToUnicode entry, again from its first use. Fonts that
// shape Arabic as letter skeletons plus separate dots (Noto Naskh Arabic draws ت, ب and ث with one
// skeleton) then read back every later letter as the first one, and the dots, which stand for no
// character, as control codes that also break the line into pieces in PDF.js. Here each glyph gets
// a code per distinct text it is drawn for (a copy of the glyph in the subset), and a glyph drawn
// for no character reads as WORD JOINER, an invisible format mark that PDF.js skips.

/** Invisible, joins nothing apart: what a glyph without characters of its own reads as. */
const WORD_JOINER = 0x2060;

/** A fontkit glyph as the layout returns it. */
interface LaidOutGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** The parts of fontkit's OpenType layout engine this relies on. */
interface ShapingEngine {
  substitute(run: { glyphs: LaidOutGlyph[] }): void;
  glyphInfos?: { codePoints: number[] }[] | null;
}

/** The parts of a pdfkit EmbeddedFont and fontkit TTF subset this relies on. */
interface EmbeddedFontParts {
  font?: { _layoutEngine?: { engine?: Partial<ShapingEngine> } };
  layout(
    text: string,
    features?: unknown,
  ): {
    glyphs: LaidOutGlyph[];
    positions: unknown[];
  };
  encode(text: string, features?: unknown): [string[], unknown[]];
  subset: { glyphs: number[]; includeGlyph(id: number): number; cff?: unknown };
  unicode: (number[] | undefined)[];
  widths: (number | undefined)[];
  scale: number;
}

const adjusted = new WeakSet<object>();

/**
 * Changes how a pdfkit font (the document's current `_font`) encodes glyphs, as described above.
 * Applies to TrueType fonts embedded by pdfkit; anything else is left as it is.
 */
export function encodeGlyphsPerText(font: unknown): void {
  if (!isEmbeddedTrueType(font) || adjusted.has(font)) return;
  adjusted.add(font);
  keepShapedCharacters(font.font?._layoutEngine?.engine);
  const codes = new Map<string, number>();
  font.encode = function encode(text, features) {
    const { glyphs, positions } = this.layout(text, features);
    const encoded = glyphs.map((glyph) => {
      const points = glyph.codePoints.length > 0 ? glyph.codePoints : [WORD_JOINER];
      const key = `${glyph.id}:${points.join(',')}`;
      let code = codes.get(key);
      if (code === undefined) {
        code = this.subset.includeGlyph(glyph.id);
        const taken = this.unicode[code];
        if (taken !== undefined && taken.join(',') !== points.join(',')) {
          // The same glyph drawn for other text: a copy of it gets a code of its own.
          this.subset.glyphs.push(glyph.id);
          code = this.subset.glyphs.length - 1;
        }
        this.unicode[code] = points;
        this.widths[code] = glyph.advanceWidth * this.scale;
        codes.set(key, code);
      }
      return code.toString(16).padStart(4, '0');
    });
    return [encoded, positions];
  };
}

/**
 * After substitution, gives each laid-out glyph the characters the shaper tracked for it (a
 * decomposed letter's skeleton keeps the letter, its dots none) instead of those of the shared
 * glyph object: a view of the glyph with its own `codePoints`.
 */
function keepShapedCharacters(engine: Partial<ShapingEngine> | undefined): void {
  const substitute = engine?.substitute;
  if (!engine || typeof substitute !== 'function') return;
  engine.substitute = function (run) {
    substitute.call(this, run);
    const infos = this.glyphInfos;
    if (!infos || infos.length !== run.glyphs.length) return;
    run.glyphs = run.glyphs.map((glyph, i) =>
      Object.create(glyph, { codePoints: { value: infos[i]?.codePoints ?? [] } }),
    );
  };
}

function isEmbeddedTrueType(font: unknown): font is EmbeddedFontParts {
  const parts = font as Partial<EmbeddedFontParts> | undefined;
  return (
    typeof parts?.layout === 'function' &&
    typeof parts.encode === 'function' &&
    Array.isArray(parts.unicode) &&
    Array.isArray(parts.subset?.glyphs) &&
    parts.subset.cff === undefined
  );
}
