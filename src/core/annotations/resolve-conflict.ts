// Flipping a conflict: the reviewer keeps the version a merge set aside.
import { compareTags } from '../review/tag-edits';
import type { Review, Tag } from '../review/types';
import { isOrphan, type ReviewSharing, type TagConflict } from './review-sharing';

/**
 * Puts a conflict's other version in place of the kept one. The restored version is marked as
 * modified `now`, so the choice also wins the next merge; the conflict stays listed the other way
 * round, so it can be flipped back.
 */
export function flipConflict(
  review: Review,
  sharing: ReviewSharing,
  conflict: TagConflict,
  now: string,
): { review: Review; sharing: ReviewSharing } {
  const outgoing = conflict.kept;
  const restored = { ...conflict.other, modified: now };
  const redirect =
    outgoing.id !== restored.id && outgoing.kind === 'claim' && restored.kind === 'claim';
  const relink = <T extends Tag | ReviewSharing['orphans'][number]>(version: T): T => {
    if (!redirect || !version.claimIds?.includes(outgoing.id)) return version;
    const claimIds = [
      ...new Set(version.claimIds.map((id) => (id === outgoing.id ? restored.id : id))),
    ];
    return { ...version, claimIds };
  };
  const gone = new Set([outgoing.id, restored.id]);
  const tags = review.tags.filter((t) => !gone.has(t.id)).map(relink);
  const orphans = sharing.orphans.filter((o) => !gone.has(o.id)).map(relink);
  if (isOrphan(restored)) orphans.push(restored);
  else tags.push(restored);
  return {
    review: { ...review, tags: tags.sort(compareTags) },
    sharing: {
      ...sharing,
      orphans,
      needsReview: sharing.needsReview.filter((id) => !gone.has(id)),
      // Other conflicts of the outgoing version now stand beside the restored one.
      conflicts: sharing.conflicts.map((c) =>
        c === conflict
          ? { id: restored.id, kept: restored, other: outgoing }
          : c.id === outgoing.id
            ? { id: restored.id, kept: restored, other: c.other }
            : c,
      ),
    },
  };
}
