// The brief's judgement parts: key judgements per claim (verdict or computed status, and the
// origins behind it), the source register (every source, its grade, the items it supplied) and
// the gaps (claims with nothing independent on their content, or resting on one origin).
import { ESTIMATIVE_WORDS, type Source } from '../review/assessment';
import type { ClaimStatus } from '../review/claim-status';
import type { Tag } from '../review/types';
import { credibilityOf, reliabilityOf, type BriefContext } from './claim-facets';
import { originLabels } from './facet-words';
import type {
  BriefClaim,
  BriefGaps,
  BriefKeyJudgement,
  BriefRegisterEntry,
  BriefSourceItem,
} from './types';
import { asOneLine } from '../text/soft-wraps';

/** One key judgement per claim, in brief order. */
export function keyJudgementsOf(claims: readonly BriefClaim[]): BriefKeyJudgement[] {
  return claims.map((claim) => {
    const { analysis } = claim;
    const entry: BriefKeyJudgement = {
      claimNumber: claim.number,
      tagId: claim.tagId,
      excerpt: claim.excerpt,
      headline: analysis.summary,
      summary: analysis.summary,
      sourceStatus: analysis.source.status,
      contentStatus: analysis.content.status,
      origins: { source: originLabels(analysis.source), content: originLabels(analysis.content) },
    };
    if (analysis.saidBy) entry.saidBy = analysis.saidBy.name;
    if (analysis.judgement) {
      const { verdict, confidence } = analysis.judgement;
      const statement = ESTIMATIVE_WORDS.find((w) => w.word === verdict)?.statement ?? verdict;
      entry.headline = `Judged ${statement} (${confidence} confidence)`;
      entry.judgement = analysis.judgement;
    }
    if (analysis.disagreement) entry.disagreement = analysis.disagreement;
    return entry;
  });
}

/** Every source of the review, by name, with the tags attributed to it in document order. */
export function sourceRegisterOf(
  sources: readonly Source[],
  tags: readonly Tag[],
  claims: readonly BriefClaim[],
  context: BriefContext,
): BriefRegisterEntry[] {
  const numbers = new Map(claims.map((c) => [c.tagId, c.number]));
  return [...sources]
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1),
    )
    .map((source) => {
      const items = tags
        .filter((t) => t.sourceId === source.id)
        .sort(context.compare)
        .map((tag): BriefSourceItem => {
          const linked = tag.kind === 'claim' ? [tag.id] : (tag.claimIds ?? []);
          const item: BriefSourceItem = {
            tagId: tag.id,
            kind: tag.kind,
            quote: asOneLine(tag.anchor.exact),
            source: context.sourceOf(tag),
            claimNumbers: linked.flatMap((id) => numbers.get(id) ?? []).sort((a, b) => a - b),
          };
          const credibility = credibilityOf(tag.credibility);
          if (credibility) item.credibility = credibility;
          return item;
        });
      const entry: BriefRegisterEntry = {
        sourceId: source.id,
        name: source.name,
        aliases: [...(source.aliases ?? [])],
        items,
      };
      const reliability = reliabilityOf(source);
      if (reliability) entry.reliability = reliability;
      return entry;
    });
}

/** The claims with nothing independent on their content, and those resting on one origin. */
export function gapsOf(claims: readonly BriefClaim[]): BriefGaps {
  const gaps: BriefGaps = { unverified: [], singleOrigin: [] };
  for (const claim of claims) {
    const { source, content } = claim.analysis;
    const base = { claimNumber: claim.number, excerpt: claim.excerpt };
    if (content.status === 'unverified') {
      gaps.unverified.push({ ...base, reason: unverifiedReason(claim) });
    }
    const single = [
      { facet: source, words: 'Its authenticity rests' },
      { facet: content, words: 'Its content rests' },
    ].filter(({ facet }) => facet.origins.length === 1);
    if (single.length > 0) {
      const reason = single
        .map(({ facet, words }) => `${words} on one origin: ${facet.origins[0]?.label}.`)
        .join(' ');
      gaps.singleOrigin.push({ ...base, reason });
    }
  }
  return gaps;
}

const SOURCE_ONLY: Record<ClaimStatus, string> = {
  confirmed: 'shows its source is authentic',
  contradicted: 'says its source is not authentic',
  contested: 'disputes whether its source is authentic',
  unverified: 'speaks to its source',
};

function unverifiedReason(claim: BriefClaim): string {
  const { source, content } = claim.analysis;
  if (content.evidence.length > 0) {
    return 'Its only evidence on the content is not independent of it: the same source, or a repeat of its text.';
  }
  if (source.origins.length > 0) {
    return `Nothing speaks to its content; the evidence only ${SOURCE_ONLY[source.status]}.`;
  }
  if (source.evidence.length > 0) return 'Its only evidence is not independent of it.';
  return 'No evidence is linked to it.';
}
