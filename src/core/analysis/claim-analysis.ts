// Status per facet: for each claim, where its source and its content stand, counted in
// independent origins (the tag and document counts stay alongside). Derived, never stored.
import { claimsWithEvidence, statusOf, type ClaimStatus } from '../review/claim-status';
import type { Facet, Judgement } from '../review/assessment';
import type { Review, Tag } from '../review/types';
import { facetOf } from './facets';
import { groupOrigins, originIndex, type Origin } from './origins';
import { fingerprintOf, sameReport, type Fingerprint } from './text-similarity';
import { summaryLine } from './summary';
import { verdictDisagreement } from './judgement';

/** Evidence for or against one facet of a claim, counted three ways. */
export interface FacetCount {
  /** Independent origins (what the status follows). */
  origins: number;
  tags: number;
  documents: number;
}

/** One origin as it bears on one facet of one claim: the items of it linked there. */
interface OriginRef {
  originId: string;
  tagIds: string[];
  sourceIds: string[];
}

/** Where one facet of a claim stands. */
export interface FacetAnalysis {
  facet: Facet;
  status: ClaimStatus;
  confirmations: Tag[];
  contradictions: Tag[];
  forCount: FacetCount;
  againstCount: FacetCount;
  /** The independent origins for and against, in order of their first item. */
  forOrigins: OriginRef[];
  againstOrigins: OriginRef[];
  /**
   * Evidence linked here that is not independent of the claim: attributed to the claim's own
   * source, or a near-identical repeat of the claim's text. Counted in tags, never in origins.
   */
  notIndependent: Tag[];
}

/** A claim with the status of its source and of its content, and the reviewer's verdict. */
export interface ClaimAnalysis {
  claim: Tag;
  source: FacetAnalysis;
  content: FacetAnalysis;
  /** One line for people: "Authentic (2 independent origins) · content contradicted (2)". */
  summary: string;
  judgement?: Judgement;
  /** Set when the verdict goes against the computed content status: one plain sentence. */
  disagreement?: string;
}

/** The analysis of a whole review. */
export interface ReviewAnalysis {
  claims: ClaimAnalysis[];
  origins: Origin[];
  /** The origin of each evidence tag id. */
  originOf: Map<string, Origin>;
}

/** Analyses every claim of a review, in the order of `review.tags` (callers sort). */
export function analyseReview(review: {
  tags: readonly Tag[];
  judgements?: Review['judgements'];
}): ReviewAnalysis {
  const origins = groupOrigins(review.tags);
  const originOf = originIndex(origins);
  const prints = new Map<string, Fingerprint>();
  const printOf = (tag: Tag) => {
    let print = prints.get(tag.id);
    if (!print) {
      print = fingerprintOf(tag.anchor.exact);
      prints.set(tag.id, print);
    }
    return print;
  };
  const claims = claimsWithEvidence(review.tags).map(({ claim, confirmations, contradictions }) => {
    const facet = (f: Facet) =>
      facetAnalysis(
        f,
        claim,
        confirmations.filter((t) => facetOf(t, claim.id) === f),
        contradictions.filter((t) => facetOf(t, claim.id) === f),
        originOf,
        printOf,
      );
    const source = facet('source');
    const content = facet('content');
    const analysis: ClaimAnalysis = {
      claim,
      source,
      content,
      summary: summaryLine(source, content),
    };
    const judgement = review.judgements?.[claim.id];
    if (judgement) {
      analysis.judgement = judgement;
      const disagreement = verdictDisagreement(judgement.verdict, content.status);
      if (disagreement) analysis.disagreement = disagreement;
    }
    return analysis;
  });
  return { claims, origins, originOf };
}

function facetAnalysis(
  facet: Facet,
  claim: Tag,
  confirmations: Tag[],
  contradictions: Tag[],
  originOf: ReadonlyMap<string, Origin>,
  printOf: (tag: Tag) => Fingerprint,
): FacetAnalysis {
  const independent = (t: Tag) =>
    !(claim.sourceId && t.sourceId === claim.sourceId) && !sameReport(printOf(t), printOf(claim));
  const notIndependent = [...confirmations, ...contradictions].filter((t) => !independent(t));
  const forOrigins = refsOf(confirmations.filter(independent), originOf);
  const againstOrigins = refsOf(contradictions.filter(independent), originOf);
  return {
    facet,
    status: statusOf(forOrigins.length, againstOrigins.length),
    confirmations,
    contradictions,
    forCount: countOf(confirmations, forOrigins),
    againstCount: countOf(contradictions, againstOrigins),
    forOrigins,
    againstOrigins,
    notIndependent,
  };
}

function refsOf(evidence: Tag[], originOf: ReadonlyMap<string, Origin>): OriginRef[] {
  const refs = new Map<string, OriginRef>();
  for (const tag of evidence) {
    const originId = originOf.get(tag.id)?.id ?? tag.id;
    let ref = refs.get(originId);
    if (!ref) {
      ref = { originId, tagIds: [], sourceIds: [] };
      refs.set(originId, ref);
    }
    ref.tagIds.push(tag.id);
    if (tag.sourceId && !ref.sourceIds.includes(tag.sourceId)) ref.sourceIds.push(tag.sourceId);
  }
  return [...refs.values()];
}

function countOf(evidence: Tag[], origins: OriginRef[]): FacetCount {
  return {
    origins: origins.length,
    tags: evidence.length,
    documents: new Set(evidence.map((t) => t.documentId)).size,
  };
}
