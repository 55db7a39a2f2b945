// The orphaned and needs-review tags of a shared review, in the form the brief's appendix lists.
import type { ReviewSharing } from '../annotations/review-sharing';
import type { Review } from '../review/types';
import { SentenceNumbers } from './sentence-numbers';
import type { BriefOrphan } from './types';
import { asOneLine } from '../text/soft-wraps';

/** Why a needs-review tag is listed. */
export const NEEDS_REVIEW_REASON =
  'Placed by approximate matching when a file was merged; a reviewer should confirm where it sits.';

/**
 * The orphans (tags that could not be placed, with their reasons) and the tags placed by
 * approximate matching, for {@link buildBrief}'s `orphans` and `needsReview` options.
 */
export function attentionFromSharing(
  review: Review,
  sharing: Pick<ReviewSharing, 'orphans' | 'needsReview'>,
  texts: ReadonlyMap<string, string>,
): { orphans: BriefOrphan[]; needsReview: BriefOrphan[] } {
  const titles = new Map(review.documents.map((d) => [d.id, d.title]));
  const titleOf = (id: string) => titles.get(id) ?? `Unknown document ${id.slice(0, 19)}…`;
  const orphans = sharing.orphans.map((orphan): BriefOrphan => ({
    quote: asOneLine(orphan.quote.exact),
    documentTitle: titleOf(orphan.documentId),
    kind: orphan.kind,
    reason: orphan.reason,
  }));
  const numbers = new SentenceNumbers(texts);
  const flagged = new Set(sharing.needsReview);
  const needsReview = review.tags
    .filter((tag) => flagged.has(tag.id))
    .map((tag): BriefOrphan => {
      const item: BriefOrphan = {
        quote: asOneLine(tag.anchor.exact),
        documentTitle: titleOf(tag.documentId),
        kind: tag.kind,
        reason: NEEDS_REVIEW_REASON,
      };
      const sentence = numbers.of(tag.documentId, tag.anchor.start);
      if (sentence !== undefined) item.sentence = sentence;
      return item;
    });
  return { orphans, needsReview };
}
