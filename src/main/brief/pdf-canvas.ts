// The brief's only contact with pdfkit: absolute-position text, rules, pages, links and bookmarks.
// A canvas that does not draw only measures, for the page-counting pass.
import PDFDocument from 'pdfkit';
import type { BriefFonts, TextStyle } from './brief-style';
import { PAGE } from './brief-style';

/** A bookmark, to hang child bookmarks from. */
export type OutlineItem = PDFKit.PDFOutline;

/** The line box around text: DejaVu's ascender and descender, as fractions of the font size. */
const ASCENT = 0.928;
const DESCENT = 0.236;

/**
 * Text widths from the brief's fonts, remembered per font and string as plain numbers: both
 * passes share one, so each word is shaped once however often it is measured.
 */
export class TextMeasure {
  private readonly doc: PDFKit.PDFDocument;
  private readonly widths = new Map<keyof BriefFonts, Map<string, number>>();

  constructor(private readonly fonts: BriefFonts) {
    // A document that is never written; pdfkit's own layout cache is off, ours keeps numbers only.
    this.doc = createPdfDocument(fonts, { compress: false, layoutCache: false });
  }

  /** Width of `text` in points. */
  width(text: string, style: TextStyle): number {
    let cache = this.widths.get(style.font);
    if (!cache) this.widths.set(style.font, (cache = new Map()));
    let width = cache.get(text);
    if (width === undefined) {
      width = this.doc.font(this.fonts[style.font], 1000).widthOfString(text) / 1000;
      cache.set(text, width);
    }
    return width * style.size;
  }
}

/** Text, rules and navigation on A4 pages, all positioned from the top left in points. */
export class PdfCanvas {
  private currentFont = '';
  private currentSize = 0;

  /** With `doc` undefined the canvas draws nothing and only measures. */
  constructor(
    private readonly fonts: BriefFonts,
    private readonly measurer: TextMeasure,
    private readonly doc?: PDFKit.PDFDocument,
  ) {}

  /** Whether this canvas draws (the second pass) or only measures (the first). */
  get drawing(): boolean {
    return this.doc !== undefined;
  }

  /** Width of `text` in points. */
  measure(text: string, style: TextStyle): number {
    return this.measurer.width(text, style);
  }

  /** Draws one line of text in a line box whose top is `y`. */
  text(text: string, x: number, y: number, style: TextStyle): void {
    if (!this.doc || text === '') return;
    const path = this.fonts[style.font];
    // Fonts go by file path: pdfkit keeps them by path, while registered names re-read the file.
    if (path !== this.currentFont || style.size !== this.currentSize) {
      this.doc.font(path, style.size);
      this.currentFont = path;
      this.currentSize = style.size;
    }
    const top = y + (style.leading - (ASCENT + DESCENT) * style.size) / 2;
    this.doc.fillColor(style.color).text(text, x, top, { lineBreak: false });
  }

  /** A straight line. */
  line(x1: number, y1: number, x2: number, y2: number, color: string, width = 0.5): void {
    this.doc?.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
  }

  /** A filled rectangle. */
  rect(x: number, y: number, width: number, height: number, color: string): void {
    this.doc?.rect(x, y, width, height).fillColor(color).fill();
  }

  /** Starts a new A4 page (pdfkit writes out the page before). */
  newPage(): void {
    this.doc?.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
  }

  /** Makes a rectangle a link to a named destination. */
  link(x: number, y: number, width: number, height: number, destination: string): void {
    this.doc?.goTo(x, y, width, height, destination);
  }

  /** Names the spot `y` on the current page, for links and bookmarks. */
  destination(name: string, y: number): void {
    this.doc?.addNamedDestination(name, 'XYZ', null, y, null);
  }

  /** Adds a bookmark that opens a named destination, under `parent` or at the top level. */
  bookmark(title: string, destination: string, parent?: OutlineItem): OutlineItem | undefined {
    if (!this.doc) return undefined;
    const item = (parent ?? this.doc.outline).addItem(title);
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

/** A pdfkit document for the brief: no automatic first page, text placed by the brief itself. */
export function createPdfDocument(
  fonts: BriefFonts,
  options: { info?: PDFKit.DocumentInfo; compress?: boolean; layoutCache?: boolean },
): PDFKit.PDFDocument {
  return new PDFDocument({
    autoFirstPage: false,
    bufferPages: false,
    compress: options.compress ?? true,
    font: fonts.sans,
    fontLayoutCache: options.layoutCache ?? true,
    displayTitle: true,
    lang: 'en',
    ...(options.info ? { info: options.info } : {}),
  });
}
