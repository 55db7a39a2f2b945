// The brief's opening judgement parts: the key judgements (per claim, the reviewer's verdict or
// the computed status, both facets and the independent origins behind them) and the gaps.
import { facetStatusWords, originsPhrase } from '../../core/brief/facet-words';
import { formatDay } from '../../core/brief/shorten';
import type { Brief, BriefGap, BriefKeyJudgement } from '../../core/brief/types';
import { FACETS } from '../../core/review/assessment';
import { COLOR, PAGE, STYLE, type TextStyle } from './brief-style';
import { claimDestination } from './draw-claims-table';
import { beginSection, list, listItem, statusLine, WARNING_STYLE } from './draw-parts';
import type { PageFlow } from './page-flow';

const LABEL_WIDTH = 24;
const labelStyle = { ...STYLE.h2, color: COLOR.accent };

/** Draws the key judgements, one numbered item per claim, in brief order. */
export function drawKeyJudgements(flow: PageFlow, brief: Brief): void {
  beginSection(
    flow,
    'Key judgements',
    'key-judgements',
    'For each claim: the reviewer’s verdict (or, where there is none, the status computed from the evidence), whether its source is authentic and whether its content is true, each counted in independent origins — items from one source, or repeats of one text, count once.',
  );
  flow.space(8);
  if (brief.keyJudgements.length === 0) {
    flow.paragraph('There are no claims to judge.', STYLE.body);
  }
  list(flow, brief.keyJudgements, (judgement) => {
    drawJudgement(flow, judgement);
    flow.space(10);
  });
  flow.canvas.end();
}

function drawJudgement(flow: PageFlow, item: BriefKeyJudgement): void {
  const x = PAGE.left + LABEL_WIDTH;
  const width = PAGE.right - x;
  const quote = `“${item.excerpt}”${item.saidBy ? ` — ${item.saidBy}` : ''}`;
  const verdict = item.judgement
    ? `${item.headline}, by ${item.judgement.author} (${formatDay(item.judgement.modified)})`
    : item.summary;
  const bold = { ...STYLE.body, font: 'sansBold' as const };
  const rationale = item.judgement?.rationale ? `Rationale: ${item.judgement.rationale}` : '';
  const warning = item.disagreement ? `⚠ ${item.disagreement}` : '';
  const height = (text: string, style: TextStyle) =>
    text === '' ? 0 : flow.wrap(text, style, width).length * style.leading + 2;
  // A short item stays on one page; a long one keeps its quote with its verdict at least.
  const opening = height(quote, STYLE.quote) + height(verdict, bold) + 3 * STYLE.body.leading;
  const whole =
    opening +
    STYLE.body.leading +
    (item.judgement ? 0 : STYLE.meta.leading) +
    height(rationale, STYLE.note) +
    height(warning, WARNING_STYLE);
  const first = whole <= (PAGE.bottom - PAGE.top) / 2 ? whole : opening;
  const link = claimLink(item.claimNumber);
  listItem(
    flow,
    String(item.claimNumber),
    { x: PAGE.left, indent: LABEL_WIDTH, labelStyle, bodyStyle: STYLE.quote, first, link },
    () => {
      flow.paragraph(quote, STYLE.quote, { x });
      flow.space(3);
      flow.paragraph(verdict, bold, { x });
      if (!item.judgement) {
        flow.paragraph(
          'No reviewer’s verdict yet: the status is computed from the evidence.',
          STYLE.meta,
          { x },
        );
      }
      flow.space(2);
      for (const facet of FACETS) {
        const status = facet === 'source' ? item.sourceStatus : item.contentStatus;
        const origins = item.origins[facet];
        const label = facet === 'source' ? 'Source' : 'Content';
        const words = facetStatusWords(facet, status);
        statusLine(flow, x, label, status, words, originsPhrase(origins.for, origins.against));
      }
      if (rationale) {
        flow.space(2);
        flow.paragraph(rationale, STYLE.note, { x });
      }
      if (warning) {
        flow.space(2);
        flow.paragraph(warning, WARNING_STYLE, { x });
      }
    },
  );
}

/** A list label's link to claim `number`'s section. */
function claimLink(number: number) {
  return {
    destination: claimDestination(number),
    description: `Claim ${number}: go to its section`,
  };
}

/** Draws the gaps: unverified claims, and claims resting on a single origin. */
export function drawGaps(flow: PageFlow, brief: Brief): void {
  beginSection(
    flow,
    'Gaps',
    'gaps',
    'What the review has not established: claims with no independent evidence on what they assert, and claims whose status rests on a single origin.',
  );
  flow.space(6);
  gapGroup(
    flow,
    'Unverified claims',
    brief.gaps.unverified,
    'Every claim has independent evidence on its content.',
  );
  flow.space(6);
  gapGroup(
    flow,
    'Resting on a single origin',
    brief.gaps.singleOrigin,
    'No claim’s status rests on a single origin.',
  );
  flow.canvas.end();
}

function gapGroup(flow: PageFlow, title: string, gaps: readonly BriefGap[], none: string): void {
  flow.paragraph(`${title} (${gaps.length})`, STYLE.h2, { tag: 'H2', keep: STYLE.body.leading });
  flow.space(2);
  if (gaps.length === 0) {
    flow.paragraph(none, STYLE.meta, { x: PAGE.left + LABEL_WIDTH });
    return;
  }
  const style = { ...STYLE.body, font: 'sansBold' as const, color: COLOR.accent };
  list(flow, gaps, (gap) => {
    const first = STYLE.body.leading + STYLE.meta.leading;
    listItem(
      flow,
      String(gap.claimNumber),
      {
        x: PAGE.left,
        indent: LABEL_WIDTH,
        labelStyle: style,
        bodyStyle: STYLE.body,
        first,
        link: claimLink(gap.claimNumber),
      },
      (x) => {
        flow.paragraph(`“${gap.excerpt}”`, STYLE.body, { x, keep: STYLE.meta.leading });
        flow.paragraph(gap.reason, STYLE.meta, { x });
      },
    );
    flow.space(4);
  });
}
