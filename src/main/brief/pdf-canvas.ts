// The brief's only contact with pdfkit: absolute-position text, rules, pages, links and bookmarks.
// A canvas that does not draw only measures, for the page-counting pass.
import PDFDocument from 'pdfkit';
import { textDirection } from '../../core/text/direction';
import { briefText, orderLine, RTL_CHARS, type Direction } from './bidi-line';
import type { BriefFonts, TextStyle } from './brief-style';
import { PAGE } from './brief-style';
import type { FontFallback } from './font-fallback';
import { encodeGlyphsPerText } from './glyph-text';

/** A bookmark, to hang child bookmarks from. */
export type OutlineItem = PDFKit.PDFOutline;

/** The structure element types the brief uses (PDF 1.7 standard structure types). */
export type StructType =
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'BlockQuote'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Link';

/** Options of a structure element: its language, the text it stands for, a header's scope. */
export interface StructOptions {
  lang?: string;
  actual?: string;
  scope?: 'Column' | 'Row';
}

type StructElement = ReturnType<PDFKit.PDFDocument['struct']>;

/** The line box around text: DejaVu's ascender and descender, as fractions of the font size. */
const ASCENT = 0.928;
const DESCENT = 0.236;

/** From the top of a line box in `style` down to its baseline. */
export function baselineOffset(style: TextStyle): number {
  return (style.leading - (ASCENT + DESCENT) * style.size) / 2 + ASCENT * style.size;
}

/**
 * Text widths from the brief's fonts, remembered per role and string as plain numbers: both
 * passes share one, so each word is shaped once however often it is measured. Each string is set
 * in runs of the fonts that cover its characters ({@link FontFallback}).
 */
export class TextMeasure {
  private readonly doc: PDFKit.PDFDocument;
  private readonly widths = new Map<keyof BriefFonts, Map<string, number>>();
  private readonly runWidths = new Map<string, Map<string, number>>();

  constructor(
    fonts: BriefFonts,
    readonly fallback: FontFallback,
  ) {
    // A document that is never written; pdfkit's own layout cache is off, ours keeps numbers only.
    this.doc = createPdfDocument(fonts, { compress: false, layoutCache: false });
  }

  /** Width of `text` in points. */
  width(text: string, style: TextStyle): number {
    let cache = this.widths.get(style.font);
    if (!cache) this.widths.set(style.font, (cache = new Map()));
    let width = cache.get(text);
    if (width === undefined) {
      width = 0;
      for (const run of this.fallback.runs(briefText(text), style.font)) {
        width += this.runWidth(run.font, run.text);
      }
      cache.set(text, width);
    }
    return width * style.size;
  }

  /** Width of `text` set in font file `font` at size 1. */
  runWidth(font: string, text: string): number {
    let cache = this.runWidths.get(font);
    if (!cache) this.runWidths.set(font, (cache = new Map()));
    let width = cache.get(text);
    if (width === undefined) {
      width = this.doc.font(font, 1000).widthOfString(text) / 1000;
      cache.set(text, width);
    }
    return width;
  }
}

/** Text, rules and navigation on A4 pages, all positioned from the top left in points. */
export class PdfCanvas {
  private currentFont = '';
  private currentSize = 0;
  /** Open structure elements, the document's root first. */
  private readonly open: { element: StructElement; type: StructType }[] = [];
  /** What the marked content being written belongs to: an element, the artifacts, or nothing. */
  private marked: StructElement | 'artifact' | undefined;
  private artifacts = 0;

  /** With `doc` undefined the canvas draws nothing and only measures. */
  constructor(
    private readonly measurer: TextMeasure,
    private readonly doc?: PDFKit.PDFDocument,
  ) {
    if (doc) {
      const root = doc.struct('Document');
      doc.addStructure(root);
      this.open.push({ element: root, type: 'Sect' });
    }
  }

  /**
   * Opens a structure element inside the one open now; text drawn until {@link close} is its
   * content. Rules, boxes and text drawn inside {@link artifact} are not.
   */
  begin(type: StructType, options: StructOptions = {}): void {
    if (!this.doc) return;
    const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
    (this.open.at(-1) as { element: StructElement }).element.add(element);
    this.open.push({ element, type });
  }

  /** Closes the structure element opened last. */
  end(): void {
    if (!this.doc || this.open.length < 2) return;
    const { element } = this.open.pop() as { element: StructElement };
    if (this.marked === element) this.endMarked();
    element.end();
  }

  /** Draws `draw`'s text as an artifact (running header, footer, repeated table header). */
  artifact(draw: () => void): void {
    this.artifacts++;
    try {
      draw();
    } finally {
      this.artifacts--;
    }
  }

  /** Ends the structure tree; call once, after the last page. */
  finish(): void {
    while (this.open.length > 1) this.end();
    this.endMarked();
    (this.open[0] as { element: StructElement } | undefined)?.element.end();
  }

  /** Marks what is drawn next as content of the open element, or as an artifact. */
  private mark(asArtifact: boolean): void {
    const doc = this.doc as PDFKit.PDFDocument;
    const top = this.open.at(-1);
    const want =
      asArtifact || this.artifacts > 0 || !top || this.open.length < 2 ? 'artifact' : top.element;
    if (this.marked === want) return;
    this.endMarked();
    if (want === 'artifact') doc.markContent('Artifact');
    else want.add(doc.markStructureContent((top as { type: StructType }).type));
    this.marked = want;
  }

  private endMarked(): void {
    if (this.marked === undefined) return;
    this.doc?.endMarkedContent();
    this.marked = undefined;
  }

  /** Whether this canvas draws (the second pass) or only measures (the first). */
  get drawing(): boolean {
    return this.doc !== undefined;
  }

  /** Width of `text` in points. */
  measure(text: string, style: TextStyle): number {
    return this.measurer.width(text, style);
  }

  /**
   * Draws one line of text in a line box whose top is `y`, starting at `x`: in runs of the fonts
   * that cover it, right-to-left pieces reordered for a paragraph of `direction` (by default that
   * of the line's first strong character). Pieces are drawn in logical order, each at its place.
   */
  text(text: string, x: number, y: number, style: TextStyle, direction?: Direction): void {
    if (!this.doc || text === '') return;
    const shown = briefText(text);
    const pieces = orderLine(
      this.measurer.fallback.runs(shown, style.font),
      direction ?? textDirection(shown),
    );
    // Every font sits on DejaVu's baseline, so runs in other fonts line up with it.
    const baseline = y + baselineOffset(style);
    this.mark(false);
    this.doc.fillColor(style.color);
    if (pieces.length === 1) {
      this.draw(pieces[0] as (typeof pieces)[0], x, baseline, style.size);
      return;
    }
    const widths = pieces.map((p) => this.measurer.runWidth(p.font, p.text) * style.size);
    const lefts: number[] = [];
    let left = x;
    for (const i of pieces.map((_, i) => i).sort((a, b) => pieces[a]!.visual - pieces[b]!.visual)) {
      lefts[i] = left;
      left += widths[i] as number;
    }
    pieces.forEach((piece, i) => this.draw(piece, lefts[i] as number, baseline, style.size));
  }

  private draw(
    piece: { text: string; font: string },
    x: number,
    baseline: number,
    size: number,
  ): void {
    const doc = this.doc as PDFKit.PDFDocument;
    // Fonts go by file path: pdfkit keeps them by path, while registered names re-read the file.
    if (piece.font !== this.currentFont || size !== this.currentSize) {
      doc.font(piece.font, size);
      encodeGlyphsPerText((doc as unknown as { _font?: unknown })._font);
      this.currentFont = piece.font;
      this.currentSize = size;
    }
    const rightToLeft = RTL_CHARS.test(piece.text) && FINAL_MARK.test(piece.text);
    const marks = rightToLeft ? finalMarks(doc, piece.text) : [];
    if (marks.length === 0) {
      doc.text(piece.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      return;
    }
    // The word's last harakat come first in its glyphs (they sit on its leftmost letter), and
    // PDF.js adds a mark to whatever text is open: they would read back before the word. Drawn
    // after it, as text of their own (a hair larger, so PDF.js starts a new piece), they read
    // back after it, where they belong; they land on the page exactly where they would have.
    const base = piece.text.slice(0, piece.text.length - marks.length);
    doc.text(base, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    doc.font(piece.font, size * MARK_SIZE);
    this.currentSize = size * MARK_SIZE;
    for (const mark of marks) {
      doc.text(
        mark.char,
        x + (mark.xOffset * size) / 1000,
        baseline - (mark.yOffset * size) / 1000,
        {
          lineBreak: false,
          baseline: 'alphabetic',
        },
      );
    }
  }

  /** A straight line. */
  line(x1: number, y1: number, x2: number, y2: number, color: string, width = 0.5): void {
    if (!this.doc) return;
    this.mark(true);
    this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
  }

  /** A filled rectangle. */
  rect(x: number, y: number, width: number, height: number, color: string): void {
    if (!this.doc) return;
    this.mark(true);
    this.doc.rect(x, y, width, height).fillColor(color).fill();
  }

  /** Starts a new A4 page (pdfkit writes out the page before). */
  newPage(): void {
    this.endMarked();
    if (!this.doc) return;
    this.doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    // PDF/UA: links and other annotations are visited in the order of the structure.
    (this.doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data[
      'Tabs'
    ] = 'S';
  }

  /**
   * Makes a rectangle a link to a named destination, described in words for assistive technology.
   * Inside an open Link element the annotation joins that element (as an object reference), so
   * the link, its text and its place in the reading order belong together.
   */
  link(
    x: number,
    y: number,
    width: number,
    height: number,
    destination: string,
    description: string,
  ): void {
    if (!this.doc) return;
    const top = this.open.at(-1);
    this.doc.goTo(x, y, width, height, destination, {
      Contents: new String(briefText(description)),
      ...(top?.type === 'Link' ? { structParent: top.element } : {}),
    } as PDFKit.Mixins.AnnotationOption);
  }

  /** Names the spot `y` on the current page, for links and bookmarks. */
  destination(name: string, y: number): void {
    this.doc?.addNamedDestination(name, 'XYZ', null, y, null);
  }

  /** Adds a bookmark that opens a named destination, under `parent` or at the top level. */
  bookmark(title: string, destination: string, parent?: OutlineItem): OutlineItem | undefined {
    if (!this.doc) return undefined;
    const item = (parent ?? this.doc.outline).addItem(briefText(title));
    // pdfkit points bookmarks at the top of the current page; point at the exact spot instead.
    (item as unknown as { outlineData: { Dest: unknown } }).outlineData.Dest = new String(
      destination,
    );
    return item;
  }

  /**
   * Forgets the shaped words pdfkit keeps per font. Its cache only grows, by about 2 kB a word, so
   * a long brief clears it now and then; if pdfkit's internals change this does nothing.
   */
  forgetShapedWords(): void {
    const families = (this.doc as unknown as { _fontFamilies?: Record<string, unknown> })
      ?._fontFamilies;
    for (const font of Object.values(families ?? {})) {
      const embedded = font as { layoutCache?: Record<string, unknown> };
      if (embedded.layoutCache)
        embedded.layoutCache = Object.create(null) as Record<string, unknown>;
    }
  }
}

/**
 * A pdfkit document for the brief: no automatic first page, text placed by the brief itself. A
 * document with `info` is the one written: a tagged PDF 1.7 (PDF/UA), in English, whose title
 * shows in the viewer's title bar.
 */
export function createPdfDocument(
  fonts: BriefFonts,
  options: { info?: PDFKit.DocumentInfo; compress?: boolean; layoutCache?: boolean },
): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: false,
    compress: options.compress ?? true,
    font: fonts.sans,
    fontLayoutCache: options.layoutCache ?? true,
    displayTitle: true,
    lang: 'en',
    ...(options.info
      ? {
          info: options.info,
          tagged: true,
          pdfVersion: '1.7' as const,
          // pdfkit supports PDF/UA; its type definitions do not list it yet.
          subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
        }
      : {}),
  });
  escapeXmpInfo(doc);
  return doc;
}

/**
 * pdfkit copies the title, author and subject into the XMP metadata as they are, so a review named
 * "Q&A <draft>" would make the metadata unreadable; this escapes them there (the information
 * dictionary, written before, keeps them as they are).
 */
function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const internal = doc as unknown as { _addInfo?: () => void; info: Record<string, unknown> };
  const addInfo = internal._addInfo;
  if (typeof addInfo !== 'function') return;
  internal._addInfo = function (this: typeof internal) {
    const info = this.info;
    const escaped: Record<string, unknown> = { ...info };
    for (const [key, value] of Object.entries(info)) {
      if (typeof value === 'string') escaped[key] = escapeXml(value);
    }
    this.info = escaped;
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** How much larger a word's final harakat are drawn: too little to see, enough to be new text. */
const MARK_SIZE = 1.0001;

/** Text that ends in a combining mark. */
const FINAL_MARK = /\p{Mn}$/u;

/** One of a word's final marks: its character and where the shaper put it, in 1/1000 em. */
interface FinalMark {
  char: string;
  xOffset: number;
  yOffset: number;
}

/**
 * The combining marks that end `word` (in logical order) with their shaped offsets, taken from the
 * zero-width glyphs that open its glyph run; none when they cannot all be found there.
 */
function finalMarks(doc: PDFKit.PDFDocument, word: string): FinalMark[] {
  const chars = Array.from(/\p{Mn}+$/u.exec(word)?.[0] ?? '');
  const font = (doc as unknown as { _font?: { layout?: LayoutFn } })._font;
  if (chars.length === 0 || typeof font?.layout !== 'function') return [];
  const { glyphs, positions } = font.layout(word);
  const found = new Map<string, FinalMark>();
  for (let i = 0; i < glyphs.length && (positions[i]?.xAdvance ?? 1) === 0; i++) {
    const points = glyphs[i]?.codePoints ?? [];
    const char = points.length === 1 ? String.fromCodePoint(points[0] as number) : '';
    const position = positions[i] as { xOffset: number; yOffset: number };
    if (chars.includes(char) && !found.has(char)) {
      found.set(char, { char, xOffset: position.xOffset, yOffset: position.yOffset });
    }
  }
  const marks = chars.map((char) => found.get(char));
  return marks.every((m) => m !== undefined) ? marks : [];
}

type LayoutFn = (text: string) => {
  glyphs: { codePoints: number[] }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
};
