// The front of the brief: title block, key judgements, the bottom line with a status summary, the
// gaps and the documents reviewed; plus the running header and footer every page carries.
import { documentLine } from '../../core/brief/document-line';
import { facetStatusWords } from '../../core/brief/facet-words';
import { formatCount, formatDay, formatTimestamp } from '../../core/brief/shorten';
import type { Brief } from '../../core/brief/types';
import { CLAIM_STATUS_ORDER } from '../../core/review/claim-status';
import { COLOR, PAGE, STATUS_LOOK, STYLE, TEXT_WIDTH } from './brief-style';
import { drawGaps, drawKeyJudgements } from './draw-key-judgements';
import { heading } from './draw-parts';
import type { PdfCanvas } from './pdf-canvas';
import type { PageFlow } from './page-flow';

/** Draws the running header (from page 2) and the "Page N of M" footer of page `page`. */
export function decoratePage(canvas: PdfCanvas, brief: Brief, page: number, total: number): void {
  if (!canvas.drawing) return;
  const style = STYLE.running;
  if (page > 1) {
    const right = 'Crosscheck brief';
    const room = TEXT_WIDTH - canvas.measure(right, style) - 24;
    canvas.text(fit(canvas, brief.title.reviewName, room), PAGE.left, PAGE.headerY, style);
    canvas.text(right, PAGE.right - canvas.measure(right, style), PAGE.headerY, style);
    canvas.line(PAGE.left, PAGE.headerY + 15, PAGE.right, PAGE.headerY + 15, COLOR.rule);
  }
  const footer = `Page ${page} of ${total}`;
  canvas.line(PAGE.left, PAGE.footerY - 6, PAGE.right, PAGE.footerY - 6, COLOR.rule);
  canvas.text(`Generated ${formatDay(brief.title.generatedAt)}`, PAGE.left, PAGE.footerY, style);
  canvas.text(footer, PAGE.right - canvas.measure(footer, style), PAGE.footerY, style);
}

/**
 * Draws the front of the brief: the title block, the key judgements, the bottom line, the gaps
 * and the documents reviewed with what each is.
 */
export function drawFront(flow: PageFlow, brief: Brief): void {
  const { canvas } = flow;
  flow.newPage();
  canvas.begin('Sect');
  flow.paragraph('CROSSCHECK BRIEF', STYLE.kicker);
  flow.space(6);
  flow.paragraph(brief.title.reviewName, STYLE.title, { tag: 'H1' });
  flow.space(6);
  const reviewers = brief.title.reviewers;
  if (reviewers.length > 0) flow.paragraph(`Prepared by ${listOf(reviewers)}`, STYLE.subtitle);
  flow.paragraph(`Generated ${formatTimestamp(brief.title.generatedAt)}`, STYLE.subtitle);
  flow.space(14);
  canvas.line(PAGE.left, flow.y, PAGE.right, flow.y, COLOR.accent, 1);
  flow.space(20);
  canvas.end();

  drawKeyJudgements(flow, brief);
  flow.space(16);

  canvas.begin('Sect');
  heading(flow, 'Bottom line', 'bottom-line');
  flow.paragraph(brief.bottomLine.sentences.join(' '), STYLE.lead);
  flow.space(12);
  drawStatusSummary(flow, brief);
  flow.space(26);
  canvas.end();

  drawGaps(flow, brief);
  flow.space(26);

  canvas.begin('Sect');
  heading(flow, 'Documents reviewed', 'documents-reviewed');
  for (const document of brief.title.documents) {
    const line = documentLine(document);
    const keep = (line ? STYLE.meta.leading : 0) + STYLE.id.leading;
    flow.paragraph(document.title, STYLE.h3, { keep, tag: 'H3' });
    if (line) flow.paragraph(line, STYLE.meta);
    flow.paragraph(document.id, STYLE.id);
    flow.space(6);
  }
  if (brief.title.documents.length === 0) flow.paragraph('No documents.', STYLE.body);
  canvas.end();
}

/**
 * Four boxes: symbol, count and word for each status of the claims' content; then a line of the
 * statuses of their sources.
 */
function drawStatusSummary(flow: PageFlow, brief: Brief): void {
  const { canvas } = flow;
  const height = 46;
  const gap = 8;
  const width = (TEXT_WIDTH - gap * 3) / 4;
  flow.ensure(STYLE.meta.leading + 4 + height + 6 + STYLE.meta.leading);
  flow.paragraph('Claims by the status of their content', STYLE.cellHead);
  flow.space(4);
  CLAIM_STATUS_ORDER.forEach((status, i) => {
    const look = STATUS_LOOK[status];
    const x = PAGE.left + i * (width + gap);
    canvas.rect(x, flow.y, width, height, COLOR.shade);
    canvas.rect(x, flow.y, 3, height, look.color);
    const big = { ...STYLE.h1, color: look.color };
    const count = formatCount(brief.bottomLine.counts[status]);
    canvas.begin('P');
    canvas.text(`${look.symbol} ${count}`, x + 12, flow.y + 5, big);
    canvas.text(look.label, x + 12, flow.y + 27, STYLE.meta);
    canvas.end();
  });
  flow.y += height;
  flow.space(6);
  const { sourceCounts } = brief.bottomLine;
  const bySource = CLAIM_STATUS_ORDER.filter((status) => sourceCounts[status] > 0).map(
    (status) =>
      `${formatCount(sourceCounts[status])} ${facetStatusWords('source', status).toLowerCase()}`,
  );
  if (bySource.length > 0) flow.paragraph(`By their source: ${bySource.join(' · ')}.`, STYLE.meta);
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `text`, shortened with an ellipsis until it fits `width` in the running style. */
function fit(canvas: PdfCanvas, text: string, width: number): string {
  const style = STYLE.running;
  if (canvas.measure(text, style) <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && canvas.measure(chars.join('') + '…', style) > width) chars.pop();
  return chars.join('').trimEnd() + '…';
}
