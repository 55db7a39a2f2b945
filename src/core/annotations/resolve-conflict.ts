// Flipping a conflict: the reviewer keeps the version a merge set aside.
import { compareTags } from '../review/tag-edits';
import type { Review, Tag } from '../review/types';
import { isOrphan, type ReviewSharing, type TagConflict } from './review-sharing';
import { sameExceptTime } from './tag-versions';

/**
 * Claims a merge folded into another: two claims on one sentence, one kept, the other set aside
 * in a conflict. A link to the set-aside claim counts for the kept one. Maps set-aside → kept.
 */
export function foldedClaims(review: Review, sharing: ReviewSharing): Map<string, string> {
  const claims = new Set(review.tags.filter((t) => t.kind === 'claim').map((t) => t.id));
  const folded = new Map<string, string>();
  for (const c of sharing.conflicts) {
    if (c.kept.kind !== 'claim' || c.other.kind !== 'claim' || c.other.id === c.id) continue;
    if (claims.has(c.id) && !claims.has(c.other.id)) folded.set(c.other.id, c.id);
  }
  return folded;
}

/** A version whose links to folded claims point at the claims they were folded into. */
function throughFolds<T extends Tag | ReviewSharing['orphans'][number]>(
  version: T,
  folded: ReadonlyMap<string, string>,
): T {
  if (!version.claimIds?.some((id) => folded.has(id))) return version;
  return { ...version, claimIds: [...new Set(version.claimIds.map((id) => folded.get(id) ?? id))] };
}

/**
 * Puts a conflict's other version in place of the kept one. The restored version is marked as
 * modified `now`, so the choice also wins the next merge; its links to claims the merge folded
 * into others follow them; the conflict stays listed the other way round, so it can be flipped
 * back.
 */
export function flipConflict(
  review: Review,
  sharing: ReviewSharing,
  conflict: TagConflict,
  now: string,
): { review: Review; sharing: ReviewSharing } {
  const outgoing = conflict.kept;
  const restored = throughFolds(
    { ...conflict.other, modified: now },
    foldedClaims(review, sharing),
  );
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

/**
 * Conflicts without the echoes of a fold: a version that differs from the kept one only in
 * linking to a claim the merge folded into the one the kept version links to is not a conflict
 * (it arrives again with every import of the file that still names the folded claim).
 */
export function withoutFoldEchoes(
  review: Review,
  conflicts: readonly TagConflict[],
  sharing: ReviewSharing,
): TagConflict[] {
  const folded = foldedClaims(review, sharing);
  if (folded.size === 0) return [...conflicts];
  return conflicts.filter(
    (c) =>
      !(
        c.other.id === c.kept.id &&
        c.other.claimIds?.some((id) => folded.has(id)) &&
        sameExceptTime(c.kept, throughFolds(c.other, folded))
      ),
  );
}
