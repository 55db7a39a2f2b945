// Pieces the brief's sections share: section headings with their bookmarks, numbered list items (L, LI, Lbl, LBody in the structure
// tree) and a status line ("Source  ● Confirmed authentic — 2 independent origins: …").
import type { ClaimStatus } from '../../core/review/claim-status';
import { PAGE, STATUS_LOOK, STYLE, type TextStyle } from './brief-style';
import { baselineOffset, type OutlineItem } from './pdf-canvas';
import type { PageFlow } from './page-flow';

/** Draws `items` as a list (L) in the structure tree. */
export function list<T>(flow: PageFlow, items: readonly T[], draw: (item: T) => void): void {
  flow.canvas.begin('L');
  for (const item of items) draw(item);
  flow.canvas.end();
}

/** Options of {@link listItem}. */
export interface ListItemOptions {
  /** Left edge of the label. */
  x: number;
  /** From the label's left edge to the body's. */
  indent: number;
  labelStyle: TextStyle;
  /** The height the item's first lines need, so that the label never stays behind on a page. */
  first: number;
  /** The style of the body's first line, whose baseline the label sits on. */
  bodyStyle: TextStyle;
  /** Makes the label a link (a Link element in the structure tree) to a named destination. */
  link?: { destination: string; description: string };
}

/** One list item: its label (Lbl) at the left, its body (LBody) drawn by `body` beside it. */
export function listItem(
  flow: PageFlow,
  label: string,
  options: ListItemOptions,
  body: (x: number) => void,
): void {
  const { canvas } = flow;
  flow.ensure(options.first);
  canvas.begin('LI');
  canvas.begin('Lbl');
  const { link } = options;
  if (link) canvas.begin('Link');
  const y = flow.y + baselineOffset(options.bodyStyle) - baselineOffset(options.labelStyle);
  canvas.text(label, options.x, y, options.labelStyle);
  if (link) {
    const width = flow.measure(label, options.labelStyle);
    const height = options.labelStyle.leading;
    canvas.link(options.x, y, width, height, link.destination, link.description);
    canvas.end();
  }
  canvas.end();
  canvas.begin('LBody');
  body(options.x + options.indent);
  canvas.end();
  canvas.end();
}

/** Width of the label column of a {@link statusLine}. */
const STATUS_LABEL_WIDTH = 50;

/**
 * A paragraph: `label` (bold, muted), the status with its symbol and `words` in its colour, then
 * `rest` after a dash, filling the line and wrapping under the status.
 */
export function statusLine(
  flow: PageFlow,
  x: number,
  label: string,
  status: ClaimStatus,
  words: string,
  rest: string,
): void {
  const { canvas } = flow;
  const look = STATUS_LOOK[status];
  const labelStyle = { ...STYLE.body, font: 'sansBold' as const, color: STATUS_LABEL_COLOR };
  const statusStyle = { ...STYLE.body, font: 'sansBold' as const, color: look.color };
  const left = x + STATUS_LABEL_WIDTH;
  const width = PAGE.right - left;
  const head = `${look.symbol} ${words}`;
  const headWidth = flow.measure(head, statusStyle);
  // The words after the status fill its line, then wrap under it.
  const tailWords = rest === '' ? [] : `— ${rest}`.split(' ');
  let first = '';
  let taken = 0;
  for (const word of tailWords) {
    const next = first === '' ? word : `${first} ${word}`;
    if (headWidth + flow.measure(` ${next}`, STYLE.body) > width) break;
    first = next;
    taken++;
  }
  const remaining = tailWords.slice(taken).join(' ');
  const lines = remaining === '' ? [] : flow.wrap(remaining, STYLE.body, width);
  flow.ensure((1 + Math.min(lines.length, 3)) * STYLE.body.leading);
  canvas.begin('P');
  canvas.text(label, x, flow.y, labelStyle);
  canvas.text(head, left, flow.y, statusStyle);
  if (first !== '') canvas.text(` ${first}`, left + headWidth, flow.y, STYLE.body);
  flow.y += STYLE.body.leading;
  if (lines.length > 0) flow.lines(lines, STYLE.body, left);
  canvas.end();
}

const STATUS_LABEL_COLOR = STYLE.meta.color;

/**
 * A section heading (H1) with a named destination and a bookmark (top level unless `parent`); the
 * caller opens the section's Sect.
 */
export function heading(
  flow: PageFlow,
  title: string,
  destination: string,
  parent?: OutlineItem,
): OutlineItem | undefined {
  flow.ensure(STYLE.h1.leading + 3 * STYLE.body.leading);
  flow.canvas.destination(destination, flow.y);
  const item = flow.canvas.bookmark(title, destination, parent);
  flow.paragraph(title, STYLE.h1, { tag: 'H1' });
  flow.space(4);
  return item;
}

/** Opens a section (Sect) with its heading, bookmark and a line of what it holds; the caller ends it. */
export function beginSection(
  flow: PageFlow,
  title: string,
  destination: string,
  intro: string,
): void {
  flow.canvas.begin('Sect');
  heading(flow, title, destination);
  flow.paragraph(intro, STYLE.meta);
}

/** How a verdict that goes against the evidence shows: bold, in the contested amber. */
export const WARNING_STYLE: TextStyle = {
  ...STYLE.body,
  font: 'sansBold',
  color: STATUS_LOOK.contested.color,
};
