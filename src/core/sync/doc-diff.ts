// Turns what a remote edit changed in the shared document into the ReviewChange that brings the
// local review up to date: tag patches for the tags it touched, a field change for review fields.
import { batch, type ReviewChange, type ReviewFieldsChange } from '../review/review-change';
import type { TagPatch } from '../review/tag-edits';
import type { Review, Tag } from '../review/types';
import {
  entryToTag,
  REVIEW_FIELDS,
  type ReviewField,
  type SyncValue,
  type TagEntry,
} from './review-doc';
import { sameValue } from './same-value';

/** What a remote edit touched: tag ids and review fields (from Automerge's patches). */
export interface TouchedKeys {
  tagIds: ReadonlySet<string>;
  fields: ReadonlySet<ReviewField>;
}

/** Reads the document's current state of what was touched. */
export interface DocReader {
  tag(id: string): Partial<TagEntry> | undefined;
  field(field: ReviewField): SyncValue | undefined;
}

/**
 * The change that makes `local` agree with the document on the touched keys; a batch of no parts
 * when they agree already (as after the document echoes a local edit).
 */
export function changeFromDoc(local: Review, touched: TouchedKeys, doc: DocReader): ReviewChange {
  const localTags =
    touched.tagIds.size > 0 ? new Map(local.tags.map((t) => [t.id, t])) : new Map<string, Tag>();
  const patches: TagPatch[] = [];
  for (const id of [...touched.tagIds].sort()) {
    const before = localTags.get(id);
    const after = entryToTag(id, doc.tag(id));
    if (!before && !after) continue;
    if (before && after && sameValue(before, after)) continue;
    const patch: TagPatch = { id };
    if (before) patch.before = before;
    if (after) patch.after = after;
    patches.push(patch);
  }
  const fields: Record<string, unknown> = {};
  for (const field of REVIEW_FIELDS) {
    if (!touched.fields.has(field)) continue;
    const value = doc.field(field);
    // A field the document holds as null (or not at all) is one this review never had.
    if (value === undefined || value === null) continue;
    if (!sameValue(local[field], value)) fields[field] = value;
  }
  const parts: ReviewChange[] = [];
  if (patches.length > 0) parts.push({ kind: 'tags', patches });
  if (Object.keys(fields).length > 0) {
    parts.push({ kind: 'review', fields: fields as ReviewFieldsChange });
  }
  return batch(...parts);
}

/** Every key of a review's document, for a full comparison (on joining or reopening). */
export function allKeys(tagIds: Iterable<string>): TouchedKeys {
  return { tagIds: new Set(tagIds), fields: new Set(REVIEW_FIELDS) };
}

/** True when a change changes nothing (no patches, no fields). */
export function isEmptyChange(change: ReviewChange): boolean {
  if (change.kind === 'tags') return change.patches.length === 0;
  if (change.kind === 'review') return Object.values(change.fields).every((v) => v === undefined);
  return change.changes.every(isEmptyChange);
}
