// One section per claim: the claim quoted in full with where it is and who makes it, the
// reviewer's verdict, then its evidence in two parts — on its source (is it authentic?) and on its
// content (is it true?) — each item quoted in full with who says it, its grades and its origin.
import {
  FACET_QUESTIONS,
  facetStatusWords,
  itemsWord,
  originLabels,
  originsPhrase,
} from '../../core/brief/facet-words';
import { formatDay, shorten } from '../../core/brief/shorten';
import type {
  Brief,
  BriefClaim,
  BriefFacet,
  BriefFacetEvidence,
  BriefSource,
} from '../../core/brief/types';
import { ESTIMATIVE_WORDS } from '../../core/review/assessment';
import { COLOR, EVIDENCE_LOOK, PAGE, STATUS_LOOK, STYLE } from './brief-style';
import { claimDestination } from './draw-claims-table';
import { heading, statusLine, WARNING_STYLE } from './draw-parts';
import { baselineOffset, type OutlineItem } from './pdf-canvas';
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
  const { analysis } = claim;
  const content = STATUS_LOOK[analysis.content.status];
  const source = STATUS_LOOK[analysis.source.status];
  flow.space(14);
  flow.ensure(10 + STYLE.h2.leading + 2 * STYLE.quote.leading + STYLE.meta.leading);
  const page = flow.page;
  if (flow.y > PAGE.top + 40) canvas.line(PAGE.left, flow.y, PAGE.right, flow.y, COLOR.rule);
  flow.space(10);
  const destination = claimDestination(claim.number);
  canvas.destination(destination, flow.y);
  canvas.bookmark(
    `${claim.number}. ${content.label} – ${shorten(claim.quote, 70)}`,
    destination,
    parent,
  );
  canvas.begin('H2');
  canvas.text(`Claim ${claim.number}`, PAGE.left, flow.y, STYLE.h2);
  const contentLabel = `CONTENT ${content.symbol} ${content.label.toUpperCase()}`;
  const sourceLabel = `SOURCE ${source.symbol} ${source.label.toUpperCase()}`;
  const contentStyle = { ...STYLE.h3, color: content.color };
  const sourceStyle = { ...STYLE.h3, color: source.color };
  const contentX = PAGE.right - flow.measure(contentLabel, contentStyle);
  const sourceX = contentX - 18 - flow.measure(sourceLabel, sourceStyle);
  // On the heading's baseline, so the heading reads in one line.
  const statusY = flow.y + baselineOffset(STYLE.h2) - baselineOffset(STYLE.h3);
  canvas.text(sourceLabel, sourceX, statusY, sourceStyle);
  canvas.text(contentLabel, contentX, statusY, contentStyle);
  canvas.end();
  flow.y += STYLE.h2.leading;
  flow.space(4);
  flow.continued = `Claim ${claim.number}, continued`;

  const x = PAGE.left + CLAIM_INDENT;
  quote(flow, claim.quote, CLAIM_INDENT, { color: content.color, width: 2 }, claim.note);
  const saidBy = analysis.saidBy ? ` · made by ${analysis.saidBy.name}` : '';
  flow.paragraph(sourceLine(claim.source) + saidBy, STYLE.meta, { x });
  if (claim.note) {
    flow.space(4);
    flow.paragraph(`Reviewer’s note: ${claim.note}`, STYLE.note, { x });
  }
  flow.space(8);
  flow.paragraph(analysis.summary, { ...STYLE.body, font: 'sansBold' }, { x });
  const { judgement } = analysis;
  if (judgement) {
    const statement =
      ESTIMATIVE_WORDS.find((w) => w.word === judgement.verdict)?.statement ?? judgement.verdict;
    flow.paragraph(
      `Reviewer’s verdict: ${statement} (“${judgement.verdict}”), ${judgement.confidence} confidence — ${judgement.author}, ${formatDay(judgement.modified)}.`,
      STYLE.body,
      { x },
    );
    if (judgement.rationale) {
      flow.paragraph(`Rationale: ${judgement.rationale}`, STYLE.note, { x });
    }
  } else {
    flow.paragraph(
      'No reviewer’s verdict yet: the statuses are computed from the evidence.',
      STYLE.meta,
      {
        x,
      },
    );
  }
  if (analysis.disagreement) {
    flow.paragraph(`⚠ ${analysis.disagreement}`, WARNING_STYLE, { x });
  }
  if (analysis.source.evidence.length + analysis.content.evidence.length === 0) {
    flow.space(8);
    flow.paragraph('No evidence is linked to this claim yet.', STYLE.meta, { x });
  } else {
    facetPart(flow, analysis.source);
    facetPart(flow, analysis.content);
  }
  flow.continued = undefined;
  return page;
}

/** The evidence on one facet: a heading with its question, the status, then every item. */
function facetPart(flow: PageFlow, facet: BriefFacet): void {
  const x = PAGE.left + CLAIM_INDENT;
  flow.space(12);
  flow.ensure(STYLE.h3.leading + 2 * STYLE.body.leading + 2 * STYLE.quote.leading);
  flow.canvas.begin('Sect');
  flow.paragraph(FACET_QUESTIONS[facet.facet], STYLE.h3, { x, tag: 'H3' });
  const labels = originLabels(facet);
  const rest =
    facet.evidence.length === 0
      ? `no evidence speaks to its ${facet.facet}`
      : `${originsPhrase(labels.for, labels.against)} · ${itemsWord(facet)}`;
  const words = facetStatusWords(facet.facet, facet.status);
  statusLine(flow, x, 'Status', facet.status, words, rest);
  for (const item of facet.evidence) evidenceItem(flow, item, facet.origins.length);
  flow.canvas.end();
}

/** One piece of evidence: who says it, with grades and origin; the quote; where it is; its note. */
function evidenceItem(flow: PageFlow, item: BriefFacetEvidence, origins: number): void {
  const look = EVIDENCE_LOOK[item.kind];
  const x = PAGE.left + EVIDENCE_INDENT;
  flow.space(6);
  const who = [
    `${look.symbol} ${capitalise(look.one)}`,
    item.saidBy ? item.saidBy.name : 'unattributed',
    item.origin === undefined
      ? 'not independent of the claim'
      : `origin ${item.origin} of ${origins}`,
  ].join(' · ');
  const grades = [
    ...(item.saidBy?.reliability
      ? [`Reliability ${item.saidBy.reliability.grade}, ${item.saidBy.reliability.label}`]
      : []),
    ...(item.credibility
      ? [`credibility ${item.credibility.grade}, ${item.credibility.label}`]
      : []),
  ].join(' · ');
  // What the quote needs on this page (as PageFlow.paragraph decides) stays with these lines.
  const quoteLines = flow.wrap(`“${item.quote}”`, STYLE.quote, PAGE.right - x).length;
  const quoteKeep =
    quoteLines <= 4
      ? quoteLines * STYLE.quote.leading +
        STYLE.meta.leading +
        (item.note ? STYLE.note.leading + 4 : 0)
      : 2 * STYLE.quote.leading;
  const keep = (grades ? STYLE.meta.leading : 0) + quoteKeep;
  flow.paragraph(who, { ...STYLE.meta, font: 'sansBold', color: look.color }, { x, keep });
  if (grades) flow.paragraph(capitalise(grades), STYLE.meta, { x, keep: quoteKeep });
  quote(flow, item.quote, EVIDENCE_INDENT, { color: look.color, width: 1.2 }, item.note);
  const where =
    sourceLine(item.source) + (item.sameDocument ? ' · same document as the claim' : '');
  flow.paragraph(where, STYLE.meta, { x });
  if (item.note) flow.paragraph(`Note: ${item.note}`, STYLE.note, { x });
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

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
