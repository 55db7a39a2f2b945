// Turns a review into a Brief: claims in a stable order with their evidence, quoted in full.
import {
  claimsWithEvidence,
  CLAIM_STATUS_ORDER,
  type ClaimWithEvidence,
} from '../review/claim-status';
import type { EvidenceKind, Review, ReviewDocument, Tag } from '../review/types';
import { analyseReview, type ClaimAnalysis } from '../analysis/claim-analysis';
import { metadataOf } from '../analysis/document-metadata';
import type { DocumentMetadata } from '../review/assessment';
import { bottomLineOf } from './bottom-line';
import { briefClaimAnalysis, type BriefContext } from './claim-facets';
import { gapsOf, keyJudgementsOf, sourceRegisterOf } from './key-judgements';
import { SentenceNumbers } from './sentence-numbers';
import { shorten } from './shorten';
import type { Brief, BriefClaim, BriefEvidence, BriefOrphan, BriefSource } from './types';
import { asOneLine } from '../text/soft-wraps';

/** Longest claim excerpt in the claims table and the outline. */
const CLAIM_EXCERPT_LENGTH = 160;

/** Options for {@link buildBrief}. */
export interface BuildBriefOptions {
  /** ISO 8601 time to print as the generation time (the caller's clock keeps core deterministic). */
  generatedAt: string;
  /** Tags whose anchor no longer finds its text (listed in the appendix). */
  orphans?: BriefOrphan[];
  /** Tags whose anchor moved or changed and that a person should check (listed in the appendix). */
  needsReview?: BriefOrphan[];
}

/**
 * Builds the brief of `review`. `texts` maps document ids to their normalised text, for sentence
 * numbers; a document without text gets quotes without sentence numbers.
 *
 * Order, stable and total: claims by the status of their content from independent origins
 * (contested, contradicted, confirmed, unverified), then
 * by their document's place in `review.documents`, then by position (start, end, tag id). Evidence
 * under a claim is in document order, then position. Evidence linked to no existing claim is
 * listed in the appendix, never left out.
 */
export function buildBrief(
  review: Review,
  texts: ReadonlyMap<string, string>,
  options: BuildBriefOptions,
): Brief {
  const documents = new Map(review.documents.map((d, i) => [d.id, { document: d, order: i }]));
  const numbers = new SentenceNumbers(texts);
  const sourceOf = (tag: Tag): BriefSource => {
    const sentence = numbers.of(tag.documentId, tag.anchor.start);
    const source: BriefSource = {
      documentId: tag.documentId,
      documentTitle: titleOf(documents.get(tag.documentId)?.document, tag.documentId),
    };
    if (sentence !== undefined) source.sentence = sentence;
    return source;
  };
  const compare = (a: Tag, b: Tag): number =>
    (documents.get(a.documentId)?.order ?? Infinity) -
      (documents.get(b.documentId)?.order ?? Infinity) ||
    compareStrings(a.documentId, b.documentId) ||
    a.anchor.start - b.anchor.start ||
    a.anchor.end - b.anchor.end ||
    compareStrings(a.id, b.id);

  const analysed = new Map(analyseReview(review).claims.map((c) => [c.claim.id, c]));
  const analysisOf = (entry: ClaimWithEvidence) => analysed.get(entry.claim.id) as ClaimAnalysis;
  const rank = (entry: ClaimWithEvidence) =>
    CLAIM_STATUS_ORDER.indexOf(analysisOf(entry).content.status);
  const ordered = claimsWithEvidence(review.tags).sort(
    (a, b) => rank(a) - rank(b) || compare(a.claim, b.claim),
  );
  const context: BriefContext = {
    sourceOf,
    compare,
    sources: new Map((review.sources ?? []).map((s) => [s.id, s])),
  };
  const claims = ordered.map((entry, index) =>
    briefClaim(entry, analysisOf(entry), index + 1, context),
  );
  const linked = new Set(
    ordered.flatMap((c) => [...c.confirmations, ...c.contradictions].map((t) => t.id)),
  );
  const unlinked = review.tags
    .filter((t) => t.kind !== 'claim' && !linked.has(t.id))
    .sort(compare)
    .map((tag): BriefOrphan => {
      const source = sourceOf(tag);
      const orphan: BriefOrphan = {
        quote: asOneLine(tag.anchor.exact),
        documentTitle: source.documentTitle,
        kind: tag.kind,
        reason: `This ${tag.kind} is not linked to any claim.`,
      };
      if (source.sentence !== undefined) orphan.sentence = source.sentence;
      if (tag.note) orphan.reason += ` Note: ${tag.note}`;
      return orphan;
    });

  return {
    title: {
      reviewName: review.name,
      reviewers: [...review.reviewers],
      generatedAt: options.generatedAt,
      documents: review.documents.map((d) => ({ id: d.id, title: d.title, ...metadata(d) })),
    },
    bottomLine: bottomLineOf(claims),
    keyJudgements: keyJudgementsOf(claims),
    claims,
    sourceRegister: sourceRegisterOf(review.sources ?? [], review.tags, claims, context),
    gaps: gapsOf(claims),
    appendix: {
      documents: review.documents.map((d) => ({
        id: d.id,
        title: d.title,
        fileName: d.fileName,
        imported: d.imported,
        ...metadata(d),
      })),
      attention: [
        { title: 'Orphaned tags', tags: options.orphans ?? [] },
        { title: 'Tags that need review', tags: options.needsReview ?? [] },
        { title: 'Evidence not linked to any claim', tags: unlinked },
      ],
    },
  };
}

function briefClaim(
  entry: ClaimWithEvidence,
  analysis: ClaimAnalysis,
  number: number,
  context: BriefContext,
): BriefClaim {
  const { claim } = entry;
  const { sourceOf, compare } = context;
  const evidence = (tags: Tag[], kind: EvidenceKind): BriefEvidence[] =>
    [...tags].sort(compare).map((tag) => {
      const item: BriefEvidence = {
        tagId: tag.id,
        kind,
        quote: asOneLine(tag.anchor.exact),
        source: sourceOf(tag),
        sameDocument: tag.documentId === claim.documentId,
      };
      if (tag.note) item.note = tag.note;
      return item;
    });
  const result: BriefClaim = {
    number,
    tagId: claim.id,
    status: entry.status,
    quote: asOneLine(claim.anchor.exact),
    excerpt: shorten(claim.anchor.exact, CLAIM_EXCERPT_LENGTH),
    source: sourceOf(claim),
    confirmations: evidence(entry.confirmations, 'confirmation'),
    contradictions: evidence(entry.contradictions, 'contradiction'),
    forCount: { ...entry.forCount },
    againstCount: { ...entry.againstCount },
    analysis: briefClaimAnalysis(analysis, context),
  };
  if (claim.note) result.note = claim.note;
  return result;
}

/** A document's outlet, author, date and reference, those that are set. */
function metadata(document: ReviewDocument): Omit<DocumentMetadata, 'title'> {
  const { title: _title, ...rest } = metadataOf(document);
  return rest;
}

function titleOf(document: ReviewDocument | undefined, id: string): string {
  return document?.title ?? `Unknown document ${id.slice(0, 19)}…`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
