// The shape a review takes in its shared (Automerge) document, as plain data: tags as a map by id,
// every tag field a register of its own (absent optional fields are null, a removed tag keeps its
// fields under `removed: true`), so that two concurrent edits of one field are two values of one
// register and neither is ever dropped. Pure: the Automerge side lives in src/main/sync.
import type { ReviewChange, ReviewFieldsChange } from '../review/review-change';
import type { Review, Tag } from '../review/types';
import { sameValue } from './same-value';

/** A JSON value as it is stored in a register. */
export type SyncValue =
  string | number | boolean | null | SyncValue[] | { [key: string]: SyncValue };

/** The tag fields kept in the shared document (all but the id, which is the tag's key). */
const TAG_FIELDS = [
  'documentId',
  'kind',
  'anchor',
  'note',
  'claimIds',
  'facets',
  'sourceId',
  'credibility',
  'author',
  'created',
  'modified',
] as const satisfies readonly (keyof Tag)[];

/** One synced tag field. */
export type TagField = (typeof TAG_FIELDS)[number];

/** A tag in the shared document: one register per field, plus whether it was removed. */
export type TagEntry = Record<TagField, SyncValue> & { removed: boolean };

/** Tag fields that only record who made a tag and when: their concurrent values need no verdict. */
const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['author', 'created', 'modified']);

/** The tag registers whose concurrent edits a reviewer must settle (the rest is bookkeeping). */
export const CONFLICT_TAG_FIELDS: readonly (TagField | 'removed')[] = [
  ...TAG_FIELDS.filter((field) => !BOOKKEEPING_FIELDS.has(field)),
  'removed',
];

/**
 * The review fields kept in the shared document. `panes` (which documents this reviewer has open)
 * is left out: it is each reviewer's own view, not part of the review.
 */
export const REVIEW_FIELDS = [
  'name',
  'documents',
  'sharing',
  'reviewers',
  'modified',
  'sources',
  'judgements',
  'dismissals',
] as const satisfies readonly (keyof ReviewFieldsChange)[];

/** One synced review field. */
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/** A whole review as its shared document holds it. */
export interface ReviewDoc {
  /** The local review's id, so a joining reviewer's copy can be matched to it. */
  reviewId: string;
  created: string;
  tags: Record<string, TagEntry>;
  fields: Partial<Record<ReviewField, SyncValue>>;
  /** Who made changes: Automerge actor id → reviewer name, to name both sides of a conflict. */
  actors: Record<string, string>;
}

/** One register to write: a tag field (or `removed`), or a review field. */
export type DocWrite =
  | { target: 'tag'; tagId: string; field: TagField | 'removed'; value: SyncValue }
  | { target: 'review'; field: ReviewField; value: SyncValue };

const REVIEW_FIELD_SET: ReadonlySet<string> = new Set(REVIEW_FIELDS);

/** A tag as a document entry: every field present, absent ones as null. */
export function tagToEntry(tag: Tag, removed = false): TagEntry {
  const entry = { removed } as TagEntry;
  for (const field of TAG_FIELDS) entry[field] = toSyncValue(tag[field]);
  return entry;
}

/**
 * The tag a document entry describes, or undefined when it was removed or is not a well-formed
 * tag (an entry another version of the app wrote half of is skipped, not guessed at).
 */
export function entryToTag(id: string, entry: Partial<TagEntry> | undefined): Tag | undefined {
  if (!entry || entry.removed === true) return undefined;
  const { documentId, kind, anchor, author, created, modified } = entry;
  if (
    typeof documentId !== 'string' ||
    (kind !== 'claim' && kind !== 'confirmation' && kind !== 'contradiction') ||
    !isAnchor(anchor) ||
    typeof author !== 'string' ||
    typeof created !== 'string' ||
    typeof modified !== 'string'
  ) {
    return undefined;
  }
  const tag: Tag = { id, documentId, kind, anchor, author, created, modified };
  if (typeof entry.note === 'string') tag.note = entry.note;
  if (isStringArray(entry.claimIds)) tag.claimIds = [...entry.claimIds];
  if (isFacets(entry.facets)) tag.facets = { ...entry.facets };
  if (typeof entry.sourceId === 'string') tag.sourceId = entry.sourceId;
  const credibility = entry.credibility;
  if (typeof credibility === 'number' && [1, 2, 3, 4, 5, 6].includes(credibility)) {
    tag.credibility = credibility as Tag['credibility'] & number;
  }
  return reorder(tag);
}

/** A review as its shared document, for the reviewer who shares it first. */
export function reviewToDoc(review: Review): ReviewDoc {
  const tags: Record<string, TagEntry> = {};
  for (const tag of review.tags) tags[tag.id] = tagToEntry(tag);
  const fields: Partial<Record<ReviewField, SyncValue>> = {};
  for (const field of REVIEW_FIELDS) fields[field] = toSyncValue(review[field]);
  return { reviewId: review.id, created: review.created, tags, fields, actors: {} };
}

/**
 * The registers to write so that the document's entry for a tag (`current`, undefined when the
 * document has none) holds `next` (undefined: the tag is removed). Only fields that differ are
 * written, so concurrent edits of different fields of one tag both stand.
 */
export function tagWrites(
  tagId: string,
  current: Partial<TagEntry> | undefined,
  next: Tag | undefined,
): DocWrite[] {
  if (!next) {
    if (!current || current.removed === true) return [];
    return [{ target: 'tag', tagId, field: 'removed', value: true }];
  }
  const entry = tagToEntry(next);
  const writes: DocWrite[] = [];
  if (!current || current.removed !== false) {
    writes.push({ target: 'tag', tagId, field: 'removed', value: false });
  }
  for (const field of TAG_FIELDS) {
    if (!current || !(field in current) || !sameValue(current[field], entry[field])) {
      writes.push({ target: 'tag', tagId, field, value: entry[field] });
    }
  }
  return writes;
}

/** The registers to write for a change of review fields (fields kept locally are skipped). */
export function reviewFieldWrites(
  current: Partial<Record<ReviewField, SyncValue>>,
  fields: ReviewFieldsChange,
): DocWrite[] {
  const writes: DocWrite[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || !REVIEW_FIELD_SET.has(key)) continue;
    const field = key as ReviewField;
    const next = toSyncValue(value);
    if (!(field in current) || !sameValue(current[field], next)) {
      writes.push({ target: 'review', field, value: next });
    }
  }
  return writes;
}

/** A value as JSON would carry it: undefined becomes null, undefined object members vanish. */
export function toSyncValue(value: unknown): SyncValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toSyncValue);
  if (typeof value === 'object') {
    const out: Record<string, SyncValue> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) out[key] = toSyncValue(member);
    }
    return out;
  }
  return null;
}

function isAnchor(value: SyncValue | undefined): value is Tag['anchor'] & SyncValue {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return (
    typeof value['start'] === 'number' &&
    typeof value['end'] === 'number' &&
    typeof value['exact'] === 'string' &&
    typeof value['prefix'] === 'string' &&
    typeof value['suffix'] === 'string'
  );
}

function isStringArray(value: SyncValue | undefined): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isFacets(value: SyncValue | undefined): value is Record<string, 'source'> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((v) => v === 'source');
}

/** The tag with its members in the order a freshly made tag has them, for stable comparisons. */
function reorder(tag: Tag): Tag {
  const { anchor } = tag;
  return {
    ...tag,
    anchor: {
      start: anchor.start,
      end: anchor.end,
      exact: anchor.exact,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
    },
  };
}

/** What a change leaves in place: each touched tag's final state and the review fields it sets. */
interface ChangeOutcome {
  /** Tag id → its state after the change (undefined: removed). */
  tags: Map<string, Tag | undefined>;
  fields: ReviewFieldsChange;
}

/** Flattens a change (batches included) to its outcome: the last patch of a tag wins. */
function changeOutcome(change: ReviewChange, into?: ChangeOutcome): ChangeOutcome {
  const outcome = into ?? { tags: new Map(), fields: {} };
  if (change.kind === 'tags') {
    for (const patch of change.patches) outcome.tags.set(patch.id, patch.after);
  } else if (change.kind === 'review') {
    for (const [key, value] of Object.entries(change.fields)) {
      if (value !== undefined) (outcome.fields as Record<string, unknown>)[key] = value;
    }
  } else {
    for (const part of change.changes) changeOutcome(part, outcome);
  }
  return outcome;
}

/**
 * The registers to write so that a document (read through `tagEntry` and `fields`) reflects a
 * local change; empty when it already does.
 */
export function writesForChange(
  change: ReviewChange,
  tagEntry: (id: string) => Partial<TagEntry> | undefined,
  fields: Partial<Record<ReviewField, SyncValue>>,
): DocWrite[] {
  const outcome = changeOutcome(change);
  const writes: DocWrite[] = [];
  for (const [id, tag] of outcome.tags) writes.push(...tagWrites(id, tagEntry(id), tag));
  writes.push(...reviewFieldWrites(fields, outcome.fields));
  return writes;
}
