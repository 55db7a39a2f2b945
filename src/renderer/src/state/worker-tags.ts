// The analysis worker's copy of the review's tags, kept between requests so the window sends only
// the tags that are new since its previous request (see AnalysisRunner).
import type { Tag } from '../../../core/review/types';
import type { AnalysisRequest } from './analysis-runner';

/** The worker's copy of the tags: the previous request's, completed by the next one's new tags. */
export class WorkerTags {
  private byKey = new Map<number, Tag>();

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
    return tags;
  }
}
