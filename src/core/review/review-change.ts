// Changes to a review as data: main computes each change once (the rules run there) and both main
// and the renderer apply exactly that change with applyChange, so their copies stay identical.
import { applyEdit, type TagPatch } from './tag-edits';
import type { Review, Tag } from './types';

/** Top-level review fields a change may replace: each present key replaces that whole field. */
export type ReviewFieldsChange = Partial<
  Pick<
    Review,
    | 'name'
    | 'documents'
    | 'panes'
    | 'sharing'
    | 'reviewers'
    | 'modified'
    | 'sources'
    | 'judgements'
    | 'dismissals'
  >
>;

/** One change to a review, as main applied it; the renderer replays exactly this. */
export type ReviewChange =
  | { kind: 'tags'; patches: TagPatch[] }
  | { kind: 'review'; fields: ReviewFieldsChange }
  | { kind: 'batch'; changes: ReviewChange[] };

/**
 * Applies a change to a review and returns a new review (the input is not mutated). Tag patches
 * apply their `after` states and leave the tags in canonical order; field changes replace fields.
 */
export function applyChange(review: Review, change: ReviewChange): Review {
  if (change.kind === 'tags') {
    if (change.patches.length === 0) return review;
    return {
      ...review,
      tags: applyEdit(review.tags, { label: '', patches: change.patches }, 'forward'),
    };
  }
  if (change.kind === 'review') {
    const next: Review = { ...review };
    // An undefined value counts as absent, as it would after travelling as JSON.
    for (const [key, value] of Object.entries(change.fields)) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
    }
    return next;
  }
  return change.changes.reduce(applyChange, review);
}

/** The patches that undo `patches`: before and after swapped. */
export function reversePatches(patches: readonly TagPatch[]): TagPatch[] {
  return patches.map(({ id, before, after }) => {
    const patch: TagPatch = { id };
    if (after) patch.before = after;
    if (before) patch.after = before;
    return patch;
  });
}

/** Patches run one after the other as one: each tag's first `before` and its last `after`. */
export function composePatches(patches: readonly TagPatch[]): TagPatch[] {
  const byId = new Map<string, TagPatch>();
  for (const patch of patches) {
    const earlier = byId.get(patch.id);
    const composed: TagPatch = { id: patch.id };
    const before = earlier ? earlier.before : patch.before;
    if (before) composed.before = before;
    if (patch.after) composed.after = patch.after;
    byId.set(patch.id, composed);
  }
  return [...byId.values()];
}

/**
 * The patches that turn tag list `before` into `after` (compared by id, then by content), for
 * changes computed wholesale such as a merge.
 */
export function diffTags(before: readonly Tag[], after: readonly Tag[]): TagPatch[] {
  const old = new Map(before.map((t) => [t.id, t]));
  const patches: TagPatch[] = [];
  for (const tag of after) {
    const previous = old.get(tag.id);
    old.delete(tag.id);
    if (previous === tag) continue;
    if (!previous) patches.push({ id: tag.id, after: tag });
    else if (JSON.stringify(previous) !== JSON.stringify(tag))
      patches.push({ id: tag.id, before: previous, after: tag });
  }
  for (const gone of old.values()) patches.push({ id: gone.id, before: gone });
  return patches;
}

/** One change of several (an empty list of parts is allowed and changes nothing). */
export function batch(...changes: ReviewChange[]): ReviewChange {
  const parts = changes.filter((c) => !(c.kind === 'tags' && c.patches.length === 0));
  return parts.length === 1 ? (parts[0] as ReviewChange) : { kind: 'batch', changes: parts };
}
