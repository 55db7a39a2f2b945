// Working with a review's sharing state (orphans, needs-review marks, removals, conflicts): the
// types live in src/core/review/sharing.ts, beside the Review that carries them.
import type { TagEdit } from '../review/tag-edits';
import type { RemovedTag, ReviewOrphan, ReviewSharing } from '../review/sharing';
import type { Tag } from '../review/types';

export type {
  JudgementConflict,
  QuoteSelector,
  RemovedTag,
  ReviewOrphan,
  ReviewSharing,
  TagConflict,
} from '../review/sharing';

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
