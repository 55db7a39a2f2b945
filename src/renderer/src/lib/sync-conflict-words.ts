// A sync conflict's versions in plain words for the conflict review: "Confirmation", "linked to
// “…”", the note's text. Values come from teammates' documents: every string is made safe to show
// (displayText) and rendered as text by the caller.
import type { Review, Tag } from '../../../core/review/types';
import type { SyncValue } from '../../../core/sync/review-doc';
import type { SyncConflict } from '../../../core/sync/sync-conflict';
import { KIND_LABELS, shorten } from './labels';

/** What each conflicting field is, in words. */
const FIELD_NAMES: Record<string, string> = {
  kind: 'what it is',
  note: 'note',
  claimIds: 'links to claims',
  facets: 'what the evidence speaks to',
  sourceId: 'who says it',
  credibility: 'credibility',
  anchor: 'sentence',
  documentId: 'document',
  removed: 'removed or kept',
  name: 'review name',
  documents: 'documents',
  sharing: 'import conflicts',
  reviewers: 'reviewers',
  sources: 'sources',
  judgements: 'verdicts',
  dismissals: 'dismissed suggestions',
};

/** The field of a conflict in words. */
export function conflictFieldName(conflict: SyncConflict): string {
  return FIELD_NAMES[conflict.field] ?? conflict.field;
}

/** The quote of a claim (or tag), shortened; a tag this review lacks is said so. */
function quoteOf(tags: ReadonlyMap<string, Tag>, id: string): string {
  const tag = tags.get(id);
  return tag ? `“${shorten(tag.anchor.exact, 60)}”` : 'a claim not in this review';
}

/** One version of a conflict in plain words. */
export function describeVersion(
  conflict: SyncConflict,
  value: SyncValue,
  review: Pick<Review, 'tags' | 'sources'>,
): string {
  const tags = new Map(review.tags.map((t) => [t.id, t]));
  if (conflict.target === 'review') return `a different ${conflictFieldName(conflict)}`;
  switch (conflict.field) {
    case 'kind':
      return typeof value === 'string' && value in KIND_LABELS
        ? KIND_LABELS[value as Tag['kind']].name
        : 'an unknown kind';
    case 'note':
      return typeof value === 'string' && value !== ''
        ? `note “${shorten(value, 200)}”`
        : 'no note';
    case 'claimIds':
      return Array.isArray(value) && value.length > 0
        ? `linked to ${value.map((id) => quoteOf(tags, String(id))).join(', ')}`
        : 'not linked to a claim';
    case 'facets': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return 'no facets';
      const parts = Object.entries(value).map(
        ([claimId, facet]) => `${String(facet)} of ${quoteOf(tags, claimId)}`,
      );
      return parts.length > 0 ? parts.join(', ') : 'no facets';
    }
    case 'sourceId': {
      const source = review.sources?.find((s) => s.id === value);
      return value === null
        ? 'no one named'
        : `said by ${shorten(source?.name ?? 'an unknown source', 80)}`;
    }
    case 'credibility':
      return typeof value === 'number' ? `credibility ${value}` : 'no credibility';
    case 'removed':
      return value === true ? 'removed' : 'kept';
    default:
      return `a different ${conflictFieldName(conflict)}`;
  }
}

/** A stable key of a conflict's register, for lists and focus. */
export function conflictKey(conflict: SyncConflict): string {
  return conflict.target === 'tag'
    ? `sync:${conflict.tagId}:${conflict.field}`
    : `sync:${conflict.field}`;
}
