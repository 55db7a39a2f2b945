// Renders a Brief as a PDF streamed to a Writable, in two passes: the first lays the brief out
// without drawing, to learn the page count ("Page N of M") and each claim's page (for the claims
// table); the second draws the same layout and streams it out page by page.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Brief } from '../../core/brief/types';
import { briefText } from './bidi-line';
import { briefFonts } from './brief-style';
import { drawAppendix } from './draw-appendix';
import { drawClaimSections } from './draw-claim-sections';
import { drawClaimsTable } from './draw-claims-table';
import { decoratePage, drawFront, listOf } from './draw-front';
import { FontFallback, fallbackFonts, type UncoveredCharacter } from './font-fallback';
import { PageFlow } from './page-flow';
import { createPdfDocument, PdfCanvas, TextMeasure } from './pdf-canvas';

/** Options for {@link renderBriefPdf}. */
export interface RenderBriefOptions {
  /** Folder holding the DejaVu font files (resources/fonts). */
  fontsDir: string;
  /** Deflate page content (default true); tests turn it off to read the PDF's objects. */
  compress?: boolean;
  /** Hears progress, a fraction from 0 to 1, as claims are laid out and drawn. */
  onProgress?: (fraction: number) => void;
}

/** What {@link renderBriefPdf} tells about the brief it wrote. */
export interface RenderedBrief {
  /** Number of pages. */
  pages: number;
  /**
   * Characters of the brief that no bundled font can show, in code point order: each is printed
   * as its code point ("[U+1F9FF]") and listed in the appendix. Empty when every character shows.
   */
  uncoveredCharacters: UncoveredCharacter[];
}

/** Pauses (about one per claim) between clearings of pdfkit's cache of shaped words. */
const PAUSES_PER_CACHE_CLEAR = 50;

/** What the first pass learns: the number of pages and the page each claim starts on. */
interface PagePlan {
  total: number;
  claimPages: number[];
}

/**
 * Writes `brief` as a PDF to `output` and ends it; resolves once `output` has finished. The PDF
 * is streamed: pages leave as they are done and the renderer waits for `output` to drain, so a
 * long brief is never held whole in memory. The same brief gives the same bytes (the creation
 * date and the file id come from `brief.title.generatedAt`). On failure `output` is destroyed.
 */
export async function renderBriefPdf(
  brief: Brief,
  output: Writable,
  options: RenderBriefOptions,
): Promise<RenderedBrief> {
  const fonts = briefFonts(options.fontsDir);
  const created = new Date(brief.title.generatedAt);
  if (Number.isNaN(created.getTime())) {
    throw new Error(`generatedAt is not a time: ${brief.title.generatedAt}`);
  }
  const claims = Math.max(1, brief.claims.length);
  const progress = (from: number) => (done: number) =>
    options.onProgress?.(from + (0.5 * done) / claims);
  try {
    const fallback = new FontFallback(fonts, fallbackFonts(options.fontsDir));
    forEachString(brief, (text) => fallback.scan(text));
    const uncovered = fallback.uncovered();
    const measure = new TextMeasure(fonts, fallback);
    const measuring = new PdfCanvas(measure);
    const plan = await layOut(brief, measuring, undefined, idle, progress(0), uncovered);

    const doc = createPdfDocument(fonts, {
      compress: options.compress ?? true,
      info: {
        Title: briefText(`${brief.title.reviewName} – Crosscheck brief`),
        // The reviewers the review names, never the system's user; none when it names none.
        ...(brief.title.reviewers.length > 0
          ? { Author: briefText(listOf(brief.title.reviewers)) }
          : {}),
        Subject: 'Claims, their status and the quoted evidence',
        Creator: 'Crosscheck',
        Producer: 'Crosscheck (PDFKit)',
        CreationDate: created,
      },
    });
    const canvas = new PdfCanvas(measure, doc);
    const sink = streamTo(doc, output);
    let pauses = 0;
    const pause = () => {
      if (++pauses % PAUSES_PER_CACHE_CLEAR === 0) canvas.forgetShapedWords();
      return sink.pause();
    };
    const drawn = await layOut(brief, canvas, plan, pause, progress(0.5), uncovered);
    if (drawn.total !== plan.total) {
      throw new Error(`the brief laid out as ${plan.total} pages, then drew ${drawn.total}`);
    }
    canvas.finish();
    doc.end();
    await finished(output);
    options.onProgress?.(1);
    return { pages: drawn.total, uncoveredCharacters: uncovered };
  } catch (error) {
    output.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

async function layOut(
  brief: Brief,
  canvas: PdfCanvas,
  plan: PagePlan | undefined,
  pause: () => Promise<void>,
  onClaim: (done: number) => void,
  uncovered: readonly UncoveredCharacter[],
): Promise<PagePlan> {
  const decorate = (page: number) =>
    canvas.artifact(() => decoratePage(canvas, brief, page, plan?.total ?? 0));
  const flow = new PageFlow(canvas, decorate, pause);
  drawFront(flow, brief);
  await drawClaimsTable(flow, brief, plan?.claimPages);
  const claimPages = await drawClaimSections(flow, brief, onClaim);
  await drawAppendix(flow, brief, uncovered);
  return { total: flow.page, claimPages };
}

/** Calls `visit` with every string in `value` (the brief's texts, titles, names and notes). */
function forEachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) forEachString(item, visit);
  else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) forEachString(item, visit);
  }
}

/** Lets the event loop run, so a long brief does not block other work. */
function idle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Forwards the document's bytes to `output`. `pause` lets them flow (pdfkit emits data only when
 * the event loop runs) and waits while `output` is full; it throws once `output` has failed.
 */
function streamTo(doc: PDFKit.PDFDocument, output: Writable): { pause: () => Promise<void> } {
  let failure: unknown;
  output.on('error', (error) => (failure ??= error));
  doc.on('data', (chunk: Uint8Array) => {
    if (failure === undefined) output.write(chunk);
  });
  doc.on('end', () => output.end());
  return {
    pause: async () => {
      await idle();
      if (failure !== undefined) throw failure;
      if (output.writableNeedDrain) await once(output, 'drain');
    },
  };
}
