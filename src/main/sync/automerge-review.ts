// A review's Automerge document: building it, writing local changes into it, reading it back as
// plain data, finding what a remote patch touched, and listing concurrent values (conflicts).
// Strings are stored as ImmutableString: each field is one register, not collaborative text.
import * as A from '@automerge/automerge';
import type { ReviewChange } from '../../core/review/review-change';
import type { Review } from '../../core/review/types';
import type { TouchedKeys, DocReader } from '../../core/sync/doc-diff';
import {
  CONFLICT_TAG_FIELDS,
  REVIEW_FIELDS,
  reviewToDoc,
  writesForChange,
  type DocWrite,
  type ReviewField,
  type SyncValue,
  type TagEntry,
} from '../../core/sync/review-doc';
import { sameValue } from '../../core/sync/same-value';
import type { ConflictValue, SyncConflict } from '../../core/sync/sync-conflict';

/** The document as Automerge holds it: the plain shape with strings wrapped (a type, not an
 * interface, so that it meets Automerge's `Record<string, unknown>` constraint). */
export type AutomergeReview = {
  reviewId: unknown;
  created: unknown;
  tags: Record<string, Record<string, unknown>>;
  fields: Record<string, unknown>;
  actors: Record<string, unknown>;
};

/** A plain JSON value in Automerge's form: strings become ImmutableStrings (atomic registers). */
export function toAutomerge(value: SyncValue): unknown {
  if (typeof value === 'string') return new A.ImmutableString(value);
  if (Array.isArray(value)) return value.map(toAutomerge);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) out[key] = toAutomerge(member);
    return out;
  }
  return value;
}

/** An Automerge value (frozen object, proxy or scalar) as plain JSON data. */
export function fromAutomerge(value: unknown): SyncValue {
  if (A.isImmutableString(value)) return value.toString();
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) return value.map(fromAutomerge);
  if (typeof value === 'object') {
    const out: Record<string, SyncValue> = {};
    for (const [key, member] of Object.entries(value)) out[key] = fromAutomerge(member);
    return out;
  }
  return null;
}

/** The initial Automerge value of a review's document (for `repo.create`). */
export function initialDoc(review: Review): AutomergeReview {
  return toAutomerge(reviewToDoc(review) as unknown as SyncValue) as AutomergeReview;
}

/** Reads a document's tags and fields as plain data. */
export function docReader(doc: A.Doc<AutomergeReview>): DocReader {
  return {
    tag: (id) => readTag(doc, id),
    field: (field) => (field in (doc.fields ?? {}) ? fromAutomerge(doc.fields[field]) : undefined),
  };
}

function readTag(doc: A.Doc<AutomergeReview>, id: string): Partial<TagEntry> | undefined {
  const entry = doc.tags?.[id];
  return entry ? (fromAutomerge(entry) as unknown as Partial<TagEntry>) : undefined;
}

/** The ids of every tag in the document, removed ones included, sorted. */
export function docTagIds(doc: A.Doc<AutomergeReview>): string[] {
  return Object.keys(doc.tags ?? {}).sort();
}

/** The writes that bring `doc` in line with a local change (empty: it is already). */
export function planWrites(doc: A.Doc<AutomergeReview>, change: ReviewChange): DocWrite[] {
  const fields = docReader(doc);
  const current: Partial<Record<ReviewField, SyncValue>> = {};
  for (const field of REVIEW_FIELDS) {
    const value = fields.field(field);
    if (value !== undefined) current[field] = value;
  }
  return writesForChange(change, (id) => readTag(doc, id), current);
}

/**
 * Applies writes inside a change callback, and records once per actor which reviewer it is, so
 * that both sides of a conflict can be named.
 */
export function applyWrites(
  draft: AutomergeReview,
  writes: readonly DocWrite[],
  actor: string,
  author: string,
): void {
  draft.tags ??= {};
  draft.fields ??= {};
  draft.actors ??= {};
  if (!(actor in draft.actors)) draft.actors[actor] = new A.ImmutableString(author);
  for (const write of writes) {
    const value = toAutomerge(write.value);
    if (write.target === 'review') {
      draft.fields[write.field] = value;
      continue;
    }
    // Read the entry back after creating it: the assigned object is copied, not kept.
    if (!draft.tags[write.tagId]) draft.tags[write.tagId] = {};
    (draft.tags[write.tagId] as Record<string, unknown>)[write.field] = value;
  }
}

/** What Automerge's patches touched: tag ids and review fields (everything for a root change). */
export function touchedByPatches(
  patches: readonly A.Patch[],
  doc: A.Doc<AutomergeReview>,
): TouchedKeys {
  const tagIds = new Set<string>();
  const fields = new Set<ReviewField>();
  const reviewFields: ReadonlySet<string> = new Set(REVIEW_FIELDS);
  for (const { path } of patches) {
    const [top, key] = path;
    if (top === 'tags' && typeof key === 'string') tagIds.add(key);
    else if (top === 'fields' && typeof key === 'string' && reviewFields.has(key)) {
      fields.add(key as ReviewField);
    } else if (path.length <= 1 && (top === undefined || top === 'tags' || top === 'fields')) {
      for (const id of docTagIds(doc)) tagIds.add(id);
      for (const field of REVIEW_FIELDS) fields.add(field);
    }
  }
  return { tagIds, fields };
}

/** Which reviewer each actor of the document is, by actor id (from the author table). */
export function actorNames(doc: A.Doc<AutomergeReview>): Record<string, string> {
  const actors: Record<string, string> = {};
  for (const [actor, name] of Object.entries(doc.actors ?? {})) {
    actors[actor] = String(fromAutomerge(name));
  }
  return actors;
}

/** The actors whose writes a tag's registers `fields` hold now (concurrent values included). */
export function tagWriters(
  doc: A.Doc<AutomergeReview>,
  tagId: string,
  fields: readonly string[],
): string[] {
  const entry = doc.tags?.[tagId];
  const objectId = entry ? A.getObjectId(entry) : null;
  if (!objectId) return [];
  // getConflicts names ops only when a register holds two values or more: ask the backend.
  const backend = A.getBackend(doc);
  const writers = new Set<string>();
  for (const field of fields) {
    for (const value of backend.getAll(objectId, field)) {
      // An op id is `counter@actor`: the last member of a scalar, the object's id otherwise.
      const opId = String(value.length === 3 ? value[2] : value[1]);
      writers.add(opId.slice(opId.indexOf('@') + 1));
    }
  }
  return [...writers];
}

/**
 * The registers of `doc` that hold concurrent values: the tag fields a reviewer must settle (of
 * the given tags, or of all) and the review fields.
 */
export function listConflicts(
  doc: A.Doc<AutomergeReview>,
  tagIds: Iterable<string> = docTagIds(doc),
): SyncConflict[] {
  const actors = actorNames(doc);
  const conflicts: SyncConflict[] = [];
  // Sorted: a document's key order is the order its patches arrived in, which differs by peer.
  for (const tagId of [...tagIds].sort()) {
    const entry = doc.tags?.[tagId];
    if (!entry) continue;
    for (const field of CONFLICT_TAG_FIELDS) {
      const values = concurrentValues(entry, field, actors);
      if (values) conflicts.push({ target: 'tag', tagId, field, values });
    }
  }
  for (const field of REVIEW_FIELDS) {
    if (!doc.fields) break;
    // When the review was last edited is bookkeeping, like a tag's `modified`: no verdict needed.
    if (field === 'modified') continue;
    const values = concurrentValues(doc.fields, field, actors);
    if (values) conflicts.push({ target: 'review', field, values });
  }
  return conflicts;
}

function concurrentValues(
  object: Record<string, unknown>,
  prop: string,
  actors: Record<string, string>,
): ConflictValue[] | undefined {
  const found = A.getConflicts(object as A.Doc<Record<string, unknown>>, prop);
  if (!found || Object.keys(found).length < 2) return undefined;
  const shown = fromAutomerge(object[prop]);
  let shownMarked = false;
  return Object.entries(found)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([opId, raw]) => {
      const value = fromAutomerge(raw);
      const actor = opId.slice(opId.indexOf('@') + 1);
      const isShown = !shownMarked && sameValue(value, shown);
      if (isShown) shownMarked = true;
      const item: ConflictValue = { value, actor, shown: isShown };
      const author = actors[actor];
      if (author !== undefined) item.author = author;
      return item;
    });
}
