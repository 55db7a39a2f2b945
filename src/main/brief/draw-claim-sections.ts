// One section per claim: the claim quoted in full with its source and note, then every
// confirmation and contradiction quoted in full with its source and note.
import { shorten } from '../../core/brief/shorten';
import type { Brief, BriefClaim, BriefEvidence, BriefSource } from '../../core/brief/types';
import type { EvidenceCount } from '../../core/review/claim-status';
import type { EvidenceKind } from '../../core/review/types';
import { COLOR, EVIDENCE_LOOK, PAGE, STATUS_LOOK, STYLE } from './brief-style';
import { claimDestination } from './draw-claims-table';
import { heading } from './draw-front';
import type { OutlineItem } from './pdf-canvas';
import type { PageFlow } from './page-flow';

const CLAIM_INDENT = 16;
const EVIDENCE_INDENT = 34;

/**
 * Draws every claim's section, starting on a new page, and returns the page each claim starts
 * on. `onClaim` hears after each claim (for progress).
 */
export async function drawClaimSections(
  flow: PageFlow,
  brief: Brief,
  onClaim?: (done: number) => void,
): Promise<number[]> {
  flow.newPage();
  flow.canvas.begin('Sect');
  const parent = heading(flow, 'Claims', 'claims');
  const pages: number[] = [];
  if (brief.claims.length === 0) flow.paragraph('There are no claims to report.', STYLE.body);
  for (const claim of brief.claims) {
    flow.canvas.begin('Sect');
    pages.push(drawClaim(flow, claim, parent));
    flow.canvas.end();
    onClaim?.(claim.number);
    await flow.pause();
  }
  flow.canvas.end();
  return pages;
}

/** Draws one claim's section; returns the page it starts on. */
function drawClaim(flow: PageFlow, claim: BriefClaim, parent: OutlineItem | undefined): number {
  const { canvas } = flow;
  const look = STATUS_LOOK[claim.status];
  flow.space(14);
  flow.ensure(10 + STYLE.h2.leading + 2 * STYLE.quote.leading + STYLE.meta.leading);
  const page = flow.page;
  if (flow.y > PAGE.top + 40) canvas.line(PAGE.left, flow.y, PAGE.right, flow.y, COLOR.rule);
  flow.space(10);
  const destination = claimDestination(claim.number);
  canvas.destination(destination, flow.y);
  canvas.bookmark(
    `${claim.number}. ${look.label} – ${shorten(claim.quote, 70)}`,
    destination,
    parent,
  );
  canvas.begin('H2');
  canvas.text(`Claim ${claim.number}`, PAGE.left, flow.y, STYLE.h2);
  const status = { ...STYLE.h3, color: look.color };
  const label = `${look.symbol} ${look.label.toUpperCase()}`;
  canvas.text(label, PAGE.right - flow.measure(label, status), flow.y + 1, status);
  canvas.end();
  flow.y += STYLE.h2.leading;
  flow.space(4);
  flow.continued = `Claim ${claim.number}, continued`;

  quote(flow, claim.quote, CLAIM_INDENT, { color: look.color, width: 2 }, claim.note);
  flow.paragraph(sourceLine(claim.source), STYLE.meta, { x: PAGE.left + CLAIM_INDENT });
  if (claim.note) {
    flow.space(4);
    flow.paragraph(`Reviewer’s note: ${claim.note}`, STYLE.note, { x: PAGE.left + CLAIM_INDENT });
  }
  flow.space(6);
  const counts =
    `For: ${countOf(claim.forCount, 'confirmation')}. ` +
    `Against: ${countOf(claim.againstCount, 'contradiction')}.`;
  flow.paragraph(counts, STYLE.meta, { x: PAGE.left + CLAIM_INDENT });
  evidenceGroup(flow, 'confirmation', claim.confirmations);
  evidenceGroup(flow, 'contradiction', claim.contradictions);
  flow.continued = undefined;
  return page;
}

function evidenceGroup(flow: PageFlow, kind: EvidenceKind, evidence: BriefEvidence[]): void {
  const look = EVIDENCE_LOOK[kind];
  const x = PAGE.left + CLAIM_INDENT;
  flow.space(10);
  flow.ensure(STYLE.h3.leading + 2 * STYLE.quote.leading + STYLE.meta.leading);
  const symbol = { ...STYLE.h3, color: look.color };
  flow.canvas.begin('H3');
  flow.canvas.text(look.symbol, x, flow.y, symbol);
  const title = `${capitalise(look.many)} (${evidence.length})`;
  flow.canvas.text(title, x + flow.measure(look.symbol + ' ', symbol), flow.y, STYLE.h3);
  flow.canvas.end();
  flow.y += STYLE.h3.leading;
  if (evidence.length === 0) {
    flow.paragraph(`No ${look.many} linked.`, STYLE.meta, { x: PAGE.left + EVIDENCE_INDENT });
    return;
  }
  for (const item of evidence) {
    flow.space(5);
    quote(flow, item.quote, EVIDENCE_INDENT, { color: look.color, width: 1.2 }, item.note);
    const where =
      sourceLine(item.source) + (item.sameDocument ? ' · same document as the claim' : '');
    flow.paragraph(where, STYLE.meta, { x: PAGE.left + EVIDENCE_INDENT });
    if (item.note) {
      flow.paragraph(`Note: ${item.note}`, STYLE.note, { x: PAGE.left + EVIDENCE_INDENT });
    }
  }
}

/** A quote in the serif face between typographic quotes, with a bar to its left; its source line
 * (and the first line of a note) stay on the page with its last lines. */
function quote(
  flow: PageFlow,
  text: string,
  indent: number,
  bar: { color: string; width: number },
  note: string | undefined,
): void {
  flow.paragraph(`“${text}”`, STYLE.quote, {
    x: PAGE.left + indent,
    bar: { x: PAGE.left + indent - 8, ...bar },
    keep: STYLE.meta.leading + (note ? STYLE.note.leading + 4 : 0),
    tag: 'BlockQuote',
  });
}

/** "letter, sentence 4", or where the sentence could not be found, says so. */
export function sourceLine(source: BriefSource): string {
  const where =
    source.sentence === undefined ? 'sentence not found' : `sentence ${source.sentence}`;
  return `${source.documentTitle}, ${where}`;
}

function countOf(count: EvidenceCount, kind: EvidenceKind): string {
  const look = EVIDENCE_LOOK[kind];
  if (count.tags === 0) return `no ${look.many}`;
  const tags = `${count.tags} ${count.tags === 1 ? look.one : look.many}`;
  return `${tags} from ${count.documents} ${count.documents === 1 ? 'document' : 'documents'}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
