// Which tags a change arriving from the shared document makes new to this reviewer, and from whom:
// the tags it created or changed whose changed registers a teammate wrote (the document's author
// table names them). Registers this app wrote, or a reviewer of this app's name, are not news.
import type * as A from '@automerge/automerge';
import type { ReviewChange } from '../../core/review/review-change';
import { tagNews } from '../../core/sync/tag-news';
import type { UnseenTag } from '../../shared/review-api';
import { actorNames, tagWriters, type AutomergeReview } from './automerge-review';

/** Who this app writes as: its actor in the document, and the reviewer's name. */
export interface OwnWriter {
  actor: string;
  author: string;
}

/** The tags new to `self` in a change read from `doc` (which already holds it), marked `at`. */
export function newsFromOthers(
  doc: A.Doc<AutomergeReview>,
  change: ReviewChange,
  self: OwnWriter,
  at: string,
): UnseenTag[] {
  const names = actorNames(doc);
  const news: UnseenTag[] = [];
  for (const { tagId, fields } of tagNews(change).changed) {
    // The name too: after a restart this app writes as a new actor, under the same name.
    const others = tagWriters(doc, tagId, fields).filter(
      (actor) => actor !== self.actor && names[actor] !== self.author,
    );
    const by = others.at(-1);
    if (by !== undefined) news.push({ tagId, by: names[by] ?? 'a teammate', at });
  }
  return news;
}
