// PLACEHOLDER in the lead's branch, replaced by h-main's module at merge (same exports).
import { applyEdit, type TagPatch } from './tag-edits';
import type { Review } from './types';

/** Top-level review fields a change may replace (each present key replaces that field). */
export type ReviewFieldsChange = Partial<
  Pick<Review, 'name' | 'documents' | 'panes' | 'sharing' | 'reviewers' | 'modified'>
>;

/** One change to a review, as main applied it; the renderer replays exactly this. */
export type ReviewChange =
  | { kind: 'tags'; patches: TagPatch[] }
  | { kind: 'review'; fields: ReviewFieldsChange }
  | { kind: 'batch'; changes: ReviewChange[] };

/** Applies a change to a review; returns a new review. */
export function applyChange(review: Review, change: ReviewChange): Review {
  switch (change.kind) {
    case 'tags':
      return {
        ...review,
        tags: applyEdit(review.tags, { label: '', patches: change.patches }, 'forward'),
      };
    case 'review':
      return { ...review, ...change.fields };
    case 'batch':
      return change.changes.reduce(applyChange, review);
  }
}
