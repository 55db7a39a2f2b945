// The appendix: the source register, every document with its metadata, original name, id and
// import time, and every tag the brief could not place under a claim (orphaned, needing review,
// unlinked) — listed, never dropped.
import { formatTimestamp } from '../../core/brief/shorten';
import type { Brief, BriefAttentionGroup } from '../../core/brief/types';
import type { UncoveredCharacter } from './font-fallback';
import { COLOR, PAGE, STYLE } from './brief-style';
import { heading } from './draw-parts';
import { drawSourceRegister } from './draw-source-register';
import type { PageFlow } from './page-flow';

const LABEL_WIDTH = 78;
const INDENT = 16;

/**
 * Draws the appendix on a new page; `uncovered` (characters no bundled font shows) gets a section
 * of its own when there are any.
 */
export async function drawAppendix(
  flow: PageFlow,
  brief: Brief,
  uncovered: readonly UncoveredCharacter[] = [],
): Promise<void> {
  const { canvas } = flow;
  flow.newPage();
  canvas.begin('Sect');
  const parent = heading(flow, 'Appendix', 'appendix');
  flow.space(4);
  canvas.begin('Sect');
  subheading(flow, 'A. Source register', 'appendix-sources', parent);
  await drawSourceRegister(flow, brief);
  canvas.end();
  flow.space(14);
  canvas.begin('Sect');
  subheading(flow, 'B. Documents', 'appendix-documents', parent);
  for (const document of brief.appendix.documents) {
    flow.paragraph(document.title, STYLE.h3, { keep: 3 * STYLE.meta.leading, tag: 'H3' });
    for (const [label, value] of [
      ['Outlet', document.outlet],
      ['Author', document.author],
      ['Date', document.date],
      ['Reference', document.reference],
    ] as const) {
      if (value) flow.labelled(label, value, STYLE.meta, labelStyle, LABEL_WIDTH);
    }
    flow.labelled('Original file', document.fileName, STYLE.meta, labelStyle, LABEL_WIDTH);
    flow.labelled('Id', document.id, STYLE.meta, labelStyle, LABEL_WIDTH);
    flow.labelled(
      'Imported',
      formatTimestamp(document.imported),
      STYLE.meta,
      labelStyle,
      LABEL_WIDTH,
    );
    flow.space(8);
  }
  if (brief.appendix.documents.length === 0) flow.paragraph('No documents.', STYLE.body);
  canvas.end();
  flow.space(10);
  canvas.begin('Sect');
  subheading(flow, 'C. Tags needing attention', 'appendix-attention', parent);
  flow.paragraph(
    'Tags that do not appear under any claim above are listed here, so that nothing tagged is left out of the brief.',
    STYLE.meta,
  );
  for (const group of brief.appendix.attention) {
    await drawGroup(flow, group);
  }
  canvas.end();
  if (uncovered.length > 0) {
    flow.space(10);
    canvas.begin('Sect');
    subheading(flow, 'D. Characters the brief cannot show', 'appendix-characters', parent);
    flow.paragraph(
      'No font bundled with Crosscheck has these characters, so the brief prints each as its code point, in brackets, where it occurs: ' +
        uncovered.map((c) => c.codePoint).join(', ') +
        '.',
      STYLE.meta,
    );
    canvas.end();
  }
  canvas.end();
}

const labelStyle = { ...STYLE.meta, font: 'sansBold' as const };

function subheading(
  flow: PageFlow,
  title: string,
  destination: string,
  parent: ReturnType<typeof heading>,
): void {
  flow.ensure(STYLE.h2.leading + 3 * STYLE.body.leading);
  flow.canvas.destination(destination, flow.y);
  flow.canvas.bookmark(title, destination, parent);
  flow.paragraph(title, STYLE.h2, { tag: 'H2' });
  flow.space(4);
}

async function drawGroup(flow: PageFlow, group: BriefAttentionGroup): Promise<void> {
  flow.space(10);
  flow.paragraph(`${group.title} (${group.tags.length})`, STYLE.h3, {
    keep: STYLE.meta.leading,
    tag: 'H3',
  });
  if (group.tags.length === 0) {
    flow.paragraph('None.', STYLE.meta, { x: PAGE.left + INDENT });
    return;
  }
  for (const [i, tag] of group.tags.entries()) {
    flow.space(4);
    const kind = tag.kind.charAt(0).toUpperCase() + tag.kind.slice(1);
    flow.paragraph(`“${tag.quote}”`, STYLE.quote, {
      x: PAGE.left + INDENT,
      bar: { x: PAGE.left + INDENT - 8, color: COLOR.rule, width: 1.2 },
      keep: STYLE.meta.leading,
      tag: 'BlockQuote',
    });
    const where = tag.sentence === undefined ? '' : `, sentence ${tag.sentence}`;
    flow.paragraph(`${kind} · ${tag.documentTitle}${where}`, STYLE.meta, { x: PAGE.left + INDENT });
    flow.paragraph(tag.reason, STYLE.note, { x: PAGE.left + INDENT });
    if (i % 40 === 39) await flow.pause();
  }
}
