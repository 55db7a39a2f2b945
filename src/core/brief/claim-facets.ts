// A claim's analysis as the brief prints it: its source and content facets, each with its status,
// its evidence (who says each item) and the independent origins behind it.
import type { ClaimAnalysis, FacetAnalysis } from '../analysis/claim-analysis';
import {
  CREDIBILITY_GRADES,
  RELIABILITY_GRADES,
  type Credibility,
  type Judgement,
  type Source,
} from '../review/assessment';
import type { Tag } from '../review/types';
import type {
  BriefAttribution,
  BriefClaimAnalysis,
  BriefFacet,
  BriefFacetEvidence,
  BriefOrigin,
  BriefSource,
  BriefVerdict,
} from './types';
import { asOneLine } from '../text/soft-wraps';

/** What the brief's helpers know of the review while it builds. */
export interface BriefContext {
  sourceOf: (tag: Tag) => BriefSource;
  compare: (a: Tag, b: Tag) => number;
  sources: ReadonlyMap<string, Source>;
}

/** Who says a tag, when it is attributed to a source that exists. */
function attributionOf(
  tag: Tag,
  sources: ReadonlyMap<string, Source>,
): BriefAttribution | undefined {
  const source = tag.sourceId ? sources.get(tag.sourceId) : undefined;
  if (!source) return undefined;
  const attribution: BriefAttribution = { sourceId: source.id, name: source.name };
  const reliability = reliabilityOf(source);
  if (reliability) attribution.reliability = reliability;
  return attribution;
}

/** A source's reliability grade with its words. */
export function reliabilityOf(source: Source) {
  const entry = RELIABILITY_GRADES.find((g) => g.grade === source.reliability);
  return entry ? { ...entry } : undefined;
}

/** A credibility grade with its words. */
export function credibilityOf(grade: Credibility | undefined) {
  const entry = CREDIBILITY_GRADES.find((g) => g.grade === grade);
  return entry ? { ...entry } : undefined;
}

/** The brief's view of one claim's analysis. */
export function briefClaimAnalysis(
  entry: ClaimAnalysis,
  context: BriefContext,
): BriefClaimAnalysis {
  const result: BriefClaimAnalysis = {
    summary: entry.summary,
    source: briefFacet(entry.claim, entry.source, context),
    content: briefFacet(entry.claim, entry.content, context),
  };
  const saidBy = attributionOf(entry.claim, context.sources);
  if (saidBy) result.saidBy = saidBy;
  if (entry.judgement) result.judgement = briefVerdict(entry.judgement);
  if (entry.disagreement) result.disagreement = entry.disagreement;
  return result;
}

function briefVerdict(judgement: Judgement): BriefVerdict {
  const verdict: BriefVerdict = {
    verdict: judgement.verdict,
    confidence: judgement.confidence,
    author: judgement.author,
    modified: judgement.modified,
  };
  if (judgement.rationale) verdict.rationale = judgement.rationale;
  return verdict;
}

function briefFacet(claim: Tag, facet: FacetAnalysis, context: BriefContext): BriefFacet {
  const { sourceOf, compare, sources } = context;
  const sides = [
    { side: 'for' as const, tags: facet.confirmations, refs: facet.forOrigins },
    { side: 'against' as const, tags: facet.contradictions, refs: facet.againstOrigins },
  ];
  const origins: BriefOrigin[] = [];
  const evidence: BriefFacetEvidence[] = [];
  for (const { side, tags, refs } of sides) {
    const numberOf = new Map<string, number>();
    for (const tag of [...tags].sort(compare)) {
      const ref = refs.find((r) => r.tagIds.includes(tag.id));
      let number: number | undefined;
      if (ref) {
        number = numberOf.get(ref.originId);
        if (number === undefined) {
          number = origins.length + 1;
          numberOf.set(ref.originId, number);
          const names = ref.sourceIds.flatMap((id) => sources.get(id)?.name ?? []);
          const where = sourceOf(tag);
          const place = where.sentence
            ? `${where.documentTitle}, sentence ${where.sentence}`
            : where.documentTitle;
          origins.push({
            number,
            side,
            names,
            label: names.length > 0 ? names.join(', ') : `unattributed (${place})`,
            items: ref.tagIds.length,
          });
        }
      }
      const item: BriefFacetEvidence = {
        tagId: tag.id,
        kind: tag.kind === 'contradiction' ? 'contradiction' : 'confirmation',
        quote: asOneLine(tag.anchor.exact),
        source: sourceOf(tag),
        sameDocument: tag.documentId === claim.documentId,
        facet: facet.facet,
      };
      if (tag.note) item.note = tag.note;
      const saidBy = attributionOf(tag, sources);
      if (saidBy) item.saidBy = saidBy;
      const credibility = credibilityOf(tag.credibility);
      if (credibility) item.credibility = credibility;
      if (number !== undefined) item.origin = number;
      evidence.push(item);
    }
  }
  return {
    facet: facet.facet,
    status: facet.status,
    forCount: { ...facet.forCount },
    againstCount: { ...facet.againstCount },
    evidence,
    origins,
  };
}
