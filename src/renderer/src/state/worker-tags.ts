// The analysis worker's copy of the review's tags, kept between requests so the window sends only
// the tags that are new since its previous request (see AnalysisRunner). Its answer names tags by
// those numbers too, and the window puts its own tag objects back (copying 10,000 tags back would
// cost the window's thread as much as sending them).
import type {
  ClaimAnalysis,
  FacetAnalysis,
  ReviewAnalysis,
} from '../../../core/analysis/claim-analysis';
import type { Tag } from '../../../core/review/types';
import type { AnalysisRequest } from './analysis-runner';

/** An analysis with every tag in it replaced by a value of type T (a tag's number on the wire). */
export interface AnalysisOf<T> {
  claims: (Omit<ClaimAnalysis, 'claim' | 'source' | 'content'> & {
    claim: T;
    source: FacetOf<T>;
    content: FacetOf<T>;
  })[];
  origins: ReviewAnalysis['origins'];
}

type FacetOf<T> = Omit<FacetAnalysis, 'confirmations' | 'contradictions' | 'notIndependent'> & {
  confirmations: T[];
  contradictions: T[];
  notIndependent: T[];
};

/** The analysis with each tag passed through `swap` (originOf is left out: the window rebuilds it with originIndex). */
export function swapTags<A, B>(analysis: AnalysisOf<A>, swap: (tag: A) => B): AnalysisOf<B> {
  const facet = (f: FacetOf<A>): FacetOf<B> => ({
    ...f,
    confirmations: f.confirmations.map(swap),
    contradictions: f.contradictions.map(swap),
    notIndependent: f.notIndependent.map(swap),
  });
  return {
    claims: analysis.claims.map((c) => ({
      ...c,
      claim: swap(c.claim),
      source: facet(c.source),
      content: facet(c.content),
    })),
    origins: analysis.origins,
  };
}

/** The worker's copy of the tags: the previous request's, completed by the next one's new tags. */
export class WorkerTags {
  private byKey = new Map<number, Tag>();
  private keyOf = new Map<Tag, number>();

  /** The request's tags, in order; forgets the tags it no longer names. */
  take(request: Pick<AnalysisRequest, 'tagKeys' | 'newTags'>): Tag[] {
    const known = new Map(request.newTags);
    const tags: Tag[] = [];
    for (const key of request.tagKeys) {
      const tag = known.get(key) ?? this.byKey.get(key);
      if (!tag) throw new Error(`The analysis worker was not sent tag ${key}`);
      known.set(key, tag);
      tags.push(tag);
    }
    this.byKey = known;
    this.keyOf = new Map([...known].map(([key, tag]) => [tag, key]));
    return tags;
  }

  /** The number of a tag of the last request (for the answer). */
  key(tag: Tag): number {
    const key = this.keyOf.get(tag);
    if (key === undefined) throw new Error(`The analysis names a tag it was not sent: ${tag.id}`);
    return key;
  }
}
