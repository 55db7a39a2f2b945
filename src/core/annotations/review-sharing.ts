// What sharing adds to a review: tags that could not be placed (orphans), tags placed by fuzzy
// matching that a reviewer should confirm, removed tags (so a merge does not bring them back), and
// conflicts between two versions of a tag. Carried alongside the Review until the Review type has
// these fields.
import type { TagEdit } from '../review/tag-edits';
import type { Tag } from '../review/types';

/** A quote with up to 32 characters of context on each side. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * A tag that could not be placed on its document's current text. It keeps everything a tag has
 * except a position, is listed to the reviewer, and is exported again; it is never dropped.
 */
export interface ReviewOrphan extends Omit<Tag, 'anchor'> {
  /** The quote and context the tag had where it was made. */
  quote: QuoteSelector;
  /** Why it could not be placed, in plain words. */
  reason: string;
}

/** A tag someone removed: a merge removes older versions of it instead of adding them back. */
export interface RemovedTag {
  id: string;
  /** When it was removed (ISO 8601). */
  removed: string;
  author: string;
}

/** Two versions of one tag (or of one sentence's tag): the one kept, and the other. */
export interface TagConflict {
  /** The id of the kept version. */
  id: string;
  kept: Tag | ReviewOrphan;
  other: Tag | ReviewOrphan;
}

/** The sharing state of a review. */
export interface ReviewSharing {
  orphans: ReviewOrphan[];
  /** Ids of tags placed by fuzzy matching, to be confirmed by a reviewer. */
  needsReview: string[];
  removed: RemovedTag[];
  conflicts: TagConflict[];
}

/** The sharing state of a review that has never been shared. */
export function emptySharing(): ReviewSharing {
  return { orphans: [], needsReview: [], removed: [], conflicts: [] };
}

/** Whether a version of a tag is an orphan (has no position). */
export function isOrphan(version: Tag | ReviewOrphan): version is ReviewOrphan {
  return 'quote' in version;
}

/**
 * The removed-tag list after an edit ran (forward, or back for undo): tags the edit deleted are
 * recorded as removed by `author` at `now`; tags it (re)created are no longer removed.
 */
export function recordRemovals(
  removed: readonly RemovedTag[],
  edit: TagEdit,
  direction: 'forward' | 'back',
  context: { author: string; now: string },
): RemovedTag[] {
  const byId = new Map(removed.map((r) => [r.id, r]));
  for (const patch of edit.patches) {
    const before = direction === 'forward' ? patch.before : patch.after;
    const after = direction === 'forward' ? patch.after : patch.before;
    if (after) byId.delete(patch.id);
    else if (before)
      byId.set(patch.id, { id: patch.id, removed: context.now, author: context.author });
  }
  return [...byId.values()];
}
