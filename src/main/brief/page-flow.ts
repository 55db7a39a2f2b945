// Text flowing down A4 pages: wraps paragraphs, breaks pages between lines, keeps headings with
// what follows, and runs the page decoration (running header, footer) on every new page.
import { PAGE, STYLE, type TextStyle } from './brief-style';
import { textDirection } from '../../core/text/direction';
import { briefText, type Direction } from './bidi-line';
import type { PdfCanvas, StructType } from './pdf-canvas';
import { languageOf } from './text-language';
import { cleanText, wrapLines } from './wrap-lines';

/** A thin vertical bar beside a paragraph (quotes), drawn page by page. */
interface Bar {
  x: number;
  color: string;
  width: number;
}

/** Options for {@link PageFlow.paragraph}. */
export interface ParagraphOptions {
  x?: number;
  width?: number;
  bar?: Bar;
  /** Height that must follow the paragraph's last line on its page (e.g. a source line). */
  keep?: number;
  /** The paragraph's direction; a right-to-left paragraph's lines end at the right margin. */
  direction?: Direction;
  /** Its structure element: a paragraph unless said otherwise. */
  tag?: StructType;
}

/** The cursor of a brief being laid out: the page number and the height already used. */
export class PageFlow {
  /** Top of the next line, in points from the top of the page. */
  y: number = PAGE.top;
  /** 1-based number of the current page; 0 before the first. */
  page = 0;
  /** Printed at the top of a page that continues a block, e.g. "Claim 4, continued". */
  continued: string | undefined;

  constructor(
    readonly canvas: PdfCanvas,
    private readonly decorate: (page: number) => void,
    /** Lets the event loop run (and the output drain); called between blocks. */
    readonly pause: () => Promise<void>,
  ) {}

  /** Starts a new page and decorates it. */
  newPage(): void {
    this.canvas.newPage();
    this.page++;
    this.y = PAGE.top;
    this.decorate(this.page);
    if (this.continued !== undefined) {
      const continued = this.continued;
      this.canvas.artifact(() => this.canvas.text(continued, PAGE.left, this.y, STYLE.meta));
      this.y += STYLE.meta.leading + 6;
    }
  }

  /** Starts a new page unless `height` more still fits on this one (or the page is empty). */
  ensure(height: number): void {
    if (this.page === 0 || (this.y + height > PAGE.bottom && this.y > PAGE.top)) this.newPage();
  }

  /** Vertical space, dropped at the top of a page. */
  space(height: number): void {
    if (this.y > PAGE.top) this.y = Math.min(this.y + height, PAGE.bottom);
  }

  /** Width of `text` in `style`. */
  measure(text: string, style: TextStyle): number {
    return this.canvas.measure(text, style);
  }

  /** `text` broken into lines no wider than `width`. */
  wrap(text: string, style: TextStyle, width: number): string[] {
    return wrapLines(text, width, (piece) => this.canvas.measure(piece, style));
  }

  /**
   * Wraps and draws `text`, breaking pages between lines. At least two lines go on the first page
   * and at least two on the last, together with `keep`: no lone line at the foot or head of a
   * page, and what must follow the paragraph is not parted from it.
   */
  paragraph(text: string, style: TextStyle, options: ParagraphOptions = {}): void {
    const x = options.x ?? PAGE.left;
    const width = options.width ?? PAGE.right - x;
    const direction = options.direction ?? textDirection(text);
    this.canvas.begin(options.tag ?? 'P', structOptions(text));
    this.lines(this.wrap(text, style, width), style, x, { ...options, width, direction });
    this.canvas.end();
  }

  /** Draws lines already wrapped, as {@link paragraph} does. */
  lines(
    lines: readonly string[],
    style: TextStyle,
    x: number,
    options: ParagraphOptions = {},
  ): void {
    const keep = options.keep ?? 0;
    const rtl = options.direction === 'rtl' && this.canvas.drawing;
    const tail = Math.max(0, lines.length - 2);
    // Up to four lines move as one; a longer paragraph needs its first two lines to fit.
    const short = lines.length <= 4;
    this.ensure((short ? lines.length : 2) * style.leading + (short ? keep : 0));
    const bar = options.bar;
    let barTop = this.y;
    const drawBar = () => {
      if (bar && this.y > barTop) {
        this.canvas.line(bar.x, barTop + 2, bar.x, this.y - 2, bar.color, bar.width);
      }
    };
    for (const [i, line] of lines.entries()) {
      const needed = i === tail ? (lines.length - i) * style.leading + keep : style.leading;
      if (this.y + needed > PAGE.bottom && (i > 0 || this.y > PAGE.top)) {
        drawBar();
        this.newPage();
        barTop = this.y;
      }
      const indent = rtl ? (options.width ?? PAGE.right - x) - this.measure(line, style) : 0;
      this.canvas.text(line, x + indent, this.y, style, options.direction);
      this.y += style.leading;
    }
    drawBar();
  }

  /** A label in the left column and wrapped text beside it, as in "Imported  6 January 2020". */
  labelled(
    label: string,
    value: string,
    style: TextStyle,
    labelStyle: TextStyle,
    indent: number,
  ): void {
    const lines = this.wrap(value, style, PAGE.right - PAGE.left - indent);
    this.ensure(Math.min(lines.length, 2) * style.leading);
    this.canvas.begin('P', structOptions(value));
    this.canvas.text(label, PAGE.left, this.y, labelStyle);
    this.lines(lines, style, PAGE.left + indent);
    this.canvas.end();
  }
}

/**
 * The language of a paragraph in another script, and for text with right-to-left characters its
 * logical text as ActualText, since text drawn in visual order with positioned marks does not
 * always extract back in order.
 */
export function structOptions(text: string): { lang?: string; actual?: string } {
  if (/^[\x20-\x7e]*$/.test(text)) return {};
  const lang = languageOf(text);
  return {
    ...(lang ? { lang } : {}),
    ...(NEEDS_ACTUAL_TEXT.test(text) ? { actual: briefText(cleanText(text)) } : {}),
  };
}

/** Right-to-left letters and emoji modifiers: what does not read back from the glyphs alone. */
const NEEDS_ACTUAL_TEXT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|\p{Emoji_Modifier}/u;
