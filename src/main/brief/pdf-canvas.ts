// The brief's only contact with pdfkit: absolute-position text, rules, pages, links and bookmarks.
// A canvas that does not draw measures text with the same fonts, for the page-counting pass.
import PDFDocument from 'pdfkit';
import type { BriefFonts, TextStyle } from './brief-style';
import { PAGE } from './brief-style';

/** A bookmark, to hang child bookmarks from. */
export type OutlineItem = PDFKit.PDFOutline;

/** Where on the page a line box's text sits: its ascender and descender, as fractions of the size. */
const ASCENT = 0.928;
const DESCENT = 0.236;

/** Text, rules and navigation on A4 pages, all positioned from the top left in points. */
export class PdfCanvas {
  private readonly widthCache = new Map<string, Map<string, number>>();
  private currentFont = '';
  private currentSize = 0;

  /** When `drawing` is false, only `measure` does anything. */
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fonts: BriefFonts,
    readonly drawing: boolean,
  ) {}

  /** Width of `text` in points. */
  measure(text: string, style: TextStyle): number {
    let cache = this.widthCache.get(style.font);
    if (!cache) this.widthCache.set(style.font, (cache = new Map()));
    let width = cache.get(text);
    if (width === undefined) {
      this.useFont(style.font, 1000);
      width = this.doc.widthOfString(text) / 1000;
      cache.set(text, width);
    }
    return width * style.size;
  }

  /** Draws one line of text in a line box whose top is `y`. */
  text(text: string, x: number, y: number, style: TextStyle): void {
    if (!this.drawing || text === '') return;
    this.useFont(style.font, style.size);
    const top = y + (style.leading - (ASCENT + DESCENT) * style.size) / 2;
    this.doc.fillColor(style.color).text(text, x, top, { lineBreak: false });
  }

  /** A straight line. */
  line(x1: number, y1: number, x2: number, y2: number, color: string, width = 0.5): void {
    if (!this.drawing) return;
    this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
  }

  /** A filled rectangle. */
  rect(x: number, y: number, width: number, height: number, color: string): void {
    if (!this.drawing) return;
    this.doc.rect(x, y, width, height).fillColor(color).fill();
  }

  /** Starts a new A4 page. */
  newPage(): void {
    if (!this.drawing) return;
    this.doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
  }

  /** Makes a rectangle a link to a named destination. */
  link(x: number, y: number, width: number, height: number, destination: string): void {
    if (!this.drawing) return;
    this.doc.goTo(x, y, width, height, destination);
  }

  /** Names the spot `y` on the current page, for links and bookmarks. */
  destination(name: string, y: number): void {
    if (!this.drawing) return;
    this.doc.addNamedDestination(name, 'XYZ', null, y, null);
  }

  /** Adds a bookmark that opens a named destination, under `parent` or at the top level. */
  bookmark(title: string, destination: string, parent?: OutlineItem): OutlineItem | undefined {
    if (!this.drawing) return undefined;
    const item = (parent ?? this.doc.outline).addItem(title);
    // pdfkit points bookmarks at the top of the current page; point at the exact spot instead.
    (item as unknown as { outlineData: { Dest: unknown } }).outlineData.Dest = new String(
      destination,
    );
    return item;
  }

  private useFont(font: keyof BriefFonts, size: number): void {
    const path = this.fonts[font];
    if (path === this.currentFont && size === this.currentSize) return;
    // Fonts go by file path: pdfkit caches them by path, while registered names re-read the file.
    this.doc.font(path, size);
    this.currentFont = path;
    this.currentSize = size;
  }
}

/** A pdfkit document for the brief: no automatic first page, text placed by the brief itself. */
export function createPdfDocument(
  fonts: BriefFonts,
  options: { info?: PDFKit.DocumentInfo; compress?: boolean },
): PDFKit.PDFDocument {
  return new PDFDocument({
    autoFirstPage: false,
    bufferPages: false,
    compress: options.compress ?? true,
    font: fonts.sans,
    displayTitle: true,
    lang: 'en',
    ...(options.info ? { info: options.info } : {}),
  });
}
