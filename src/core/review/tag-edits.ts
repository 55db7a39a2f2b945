// Edits to a review's tags as reversible patches: each edit lists every tag it touches, before and
// after, so undo and redo are the same operation run in opposite directions.
import { fail, ok, type Problem, type Result } from '../result';
import type { Anchor, Tag, TagKind } from './types';

/** One tag's state before and after an edit (undefined: the tag did not / does not exist). */
export interface TagPatch {
  id: string;
  before?: Tag;
  after?: Tag;
}

/** An edit: what it did in words (for "Undo tag claim") and the tags it changed. */
export interface TagEdit {
  label: string;
  patches: TagPatch[];
}

/** Who edits, and when: supplied by the caller so core stays deterministic. */
export interface EditContext {
  author: string;
  now: string;
  /** A fresh id for a new tag. */
  newId: () => string;
}

/**
 * Applies an edit forwards (`after` states) or backwards (`before` states) to a tag list. The
 * result is in canonical order (document, position, id), so undo restores the list exactly.
 */
export function applyEdit(
  tags: readonly Tag[],
  edit: TagEdit,
  direction: 'forward' | 'back',
): Tag[] {
  const states = new Map<string, Tag | undefined>();
  for (const patch of edit.patches) {
    states.set(patch.id, direction === 'forward' ? patch.after : patch.before);
  }
  const result = tags.filter((tag) => !states.has(tag.id));
  const added = [...states.values()].filter((tag): tag is Tag => tag !== undefined);
  // An edit touches a few tags of thousands: insert them in place when the rest is in order.
  if (added.length > 8 || !(knownInOrder(tags) || isInCanonicalOrder(result))) {
    return markInOrder([...result, ...added].sort(compareTags));
  }
  for (const tag of added) result.splice(insertionPoint(result, tag), 0, tag);
  return markInOrder(result);
}

/**
 * Lists applyEdit returned, with their length then: in canonical order, so the next edit of a
 * review (each replaces its list, never changes it) skips checking its thousands of tags again.
 * The length guards against a list changed in place after all.
 */
const IN_ORDER = new WeakMap<readonly Tag[], number>();

function knownInOrder(tags: readonly Tag[]): boolean {
  return IN_ORDER.get(tags) === tags.length;
}

function markInOrder(tags: Tag[]): Tag[] {
  IN_ORDER.set(tags, tags.length);
  return tags;
}

function isInCanonicalOrder(tags: readonly Tag[]): boolean {
  for (let i = 1; i < tags.length; i++) {
    if (compareTags(tags[i - 1] as Tag, tags[i] as Tag) > 0) return false;
  }
  return true;
}

/** Where `tag` goes in the canonically ordered `tags` (after any equal ones). */
function insertionPoint(tags: readonly Tag[], tag: Tag): number {
  let low = 0;
  let high = tags.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareTags(tags[mid] as Tag, tag) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Canonical tag order: by document id, then start, end and id. */
export function compareTags(a: Tag, b: Tag): number {
  if (a.documentId !== b.documentId) return a.documentId < b.documentId ? -1 : 1;
  return (
    a.anchor.start - b.anchor.start ||
    a.anchor.end - b.anchor.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Tags a sentence with a kind. A sentence already tagged changes kind instead; a claim that stops
 * being a claim is unlinked from its evidence, and evidence that becomes a claim loses its links.
 */
export function tagSentence(
  tags: readonly Tag[],
  target: { documentId: string; anchor: Anchor; kind: TagKind },
  context: EditContext,
): TagEdit {
  const existing = tags.find(
    (t) =>
      t.documentId === target.documentId &&
      t.anchor.start === target.anchor.start &&
      t.anchor.end === target.anchor.end,
  );
  if (existing) return changeKind(tags, existing, target.kind, context);
  const tag: Tag = {
    id: context.newId(),
    documentId: target.documentId,
    kind: target.kind,
    anchor: target.anchor,
    author: context.author,
    created: context.now,
    modified: context.now,
  };
  return { label: `tag ${target.kind}`, patches: [{ id: tag.id, after: tag }] };
}

function changeKind(tags: readonly Tag[], tag: Tag, kind: TagKind, context: EditContext): TagEdit {
  if (tag.kind === kind) return { label: `tag ${kind}`, patches: [] };
  const after: Tag = { ...tag, kind, modified: context.now };
  if (kind === 'claim') {
    delete after.claimIds;
    delete after.facets;
  }
  const patches: TagPatch[] = [{ id: tag.id, before: tag, after }];
  if (tag.kind === 'claim') patches.push(...unlinkEverywhere(tags, tag.id, context.now));
  return { label: `change to ${kind}`, patches };
}

/** Removes a tag; evidence that spoke to it (if it was a claim) loses that link. */
export function removeTag(
  tags: readonly Tag[],
  tagId: string,
  context: EditContext,
): Result<TagEdit, Problem> {
  const tag = tags.find((t) => t.id === tagId);
  if (!tag) return fail(noSuchTag(tagId));
  const patches: TagPatch[] = [{ id: tag.id, before: tag }];
  if (tag.kind === 'claim') patches.push(...unlinkEverywhere(tags, tag.id, context.now));
  return ok({ label: `remove ${tag.kind}`, patches });
}

/** Sets or clears (empty string) a tag's note. */
export function setNote(
  tags: readonly Tag[],
  tagId: string,
  note: string,
  context: EditContext,
): Result<TagEdit, Problem> {
  const tag = tags.find((t) => t.id === tagId);
  if (!tag) return fail(noSuchTag(tagId));
  const trimmed = note.trim();
  if ((tag.note ?? '') === trimmed) return ok({ label: 'edit note', patches: [] });
  const after: Tag = { ...tag, modified: context.now };
  if (trimmed === '') delete after.note;
  else after.note = trimmed;
  return ok({ label: 'edit note', patches: [{ id: tag.id, before: tag, after }] });
}

/** Links a confirmation or contradiction to a claim (in any document). */
export function linkEvidence(
  tags: readonly Tag[],
  evidenceId: string,
  claimId: string,
  context: EditContext,
): Result<TagEdit, Problem> {
  const evidence = tags.find((t) => t.id === evidenceId);
  const claim = tags.find((t) => t.id === claimId);
  if (!evidence) return fail(noSuchTag(evidenceId));
  if (!claim) return fail(noSuchTag(claimId));
  if (evidence.kind === 'claim') {
    return fail({
      code: 'not-evidence',
      message: 'Only a confirmation or a contradiction can be linked to a claim.',
    });
  }
  if (claim.kind !== 'claim') {
    return fail({
      code: 'not-a-claim',
      message: 'Evidence can only be linked to a sentence tagged as a claim.',
    });
  }
  if (evidence.claimIds?.includes(claimId)) return ok({ label: 'link', patches: [] });
  const after: Tag = {
    ...evidence,
    claimIds: [...(evidence.claimIds ?? []), claimId],
    modified: context.now,
  };
  return ok({ label: 'link', patches: [{ id: evidence.id, before: evidence, after }] });
}

/** Removes one link from evidence to a claim. */
export function unlinkEvidence(
  tags: readonly Tag[],
  evidenceId: string,
  claimId: string,
  context: EditContext,
): Result<TagEdit, Problem> {
  const evidence = tags.find((t) => t.id === evidenceId);
  if (!evidence) return fail(noSuchTag(evidenceId));
  if (!evidence.claimIds?.includes(claimId)) return ok({ label: 'unlink', patches: [] });
  return ok({
    label: 'unlink',
    patches: [
      { id: evidence.id, before: evidence, after: withoutLink(evidence, claimId, context.now) },
    ],
  });
}

function unlinkEverywhere(tags: readonly Tag[], claimId: string, now: string): TagPatch[] {
  return tags
    .filter((t) => t.claimIds?.includes(claimId))
    .map((t) => ({ id: t.id, before: t, after: withoutLink(t, claimId, now) }));
}

function withoutLink(tag: Tag, claimId: string, now: string): Tag {
  const claimIds = (tag.claimIds ?? []).filter((id) => id !== claimId);
  const after: Tag = { ...tag, modified: now };
  if (claimIds.length > 0) after.claimIds = claimIds;
  else delete after.claimIds;
  if (tag.facets && claimId in tag.facets) {
    const { [claimId]: _dropped, ...facets } = tag.facets;
    if (Object.keys(facets).length > 0) after.facets = facets;
    else delete after.facets;
  }
  return after;
}

/** The problem for a tag id that is not in the review. */
export function noSuchTag(id: string): Problem {
  return {
    code: 'no-such-tag',
    message: `No tag with id ${id} exists in this review; it may have been removed.`,
  };
}
