// Keeps one local review and its shared Automerge document in step: each local ReviewChange is
// written into the document as the registers it changes, and each remote patch comes back as the
// ReviewChange that brings the local review up to date. Loop-safe: a change echoed either way is
// compared by value and writes nothing.
import * as A from '@automerge/automerge';
import type { DocHandle, DocHandleChangePayload } from '@automerge/automerge-repo';
import type { ReviewChange } from '../../core/review/review-change';
import type { Review } from '../../core/review/types';
import { allKeys, changeFromDoc, isEmptyChange, type TouchedKeys } from '../../core/sync/doc-diff';
import { tagWrites, type DocWrite } from '../../core/sync/review-doc';
import type { SyncConflict } from '../../core/sync/sync-conflict';
import {
  applyWrites,
  docReader,
  docTagIds,
  listConflicts,
  planWrites,
  touchedByPatches,
  type AutomergeReview,
} from './automerge-review';

/** The app's own copy of the review, which it reads and writes durably (lowdb). */
export interface LocalReview {
  /** The review as the app has it now. */
  current(): Review;
  /** Applies a change that arrived from others; the app stores it and shows it. */
  applyRemote(change: ReviewChange): void;
  /** Told after each change teammates made to the document (conflicts may have come or gone). */
  remoteChanged?(): void;
}

/** Which register a sync conflict is in. */
export type ConflictTarget = { tagId: string; field: string } | { field: string };

/** A local review bound to its shared document. */
export class ReviewSync {
  private writing = false;
  private readonly unsubscribe: () => void;

  private constructor(
    private readonly handle: DocHandle<AutomergeReview>,
    private readonly local: LocalReview,
    private readonly author: string,
  ) {
    const onChange = (payload: DocHandleChangePayload<AutomergeReview>) =>
      this.onDocChange(payload);
    handle.on('change', onChange);
    this.unsubscribe = () => handle.off('change', onChange);
  }

  /**
   * Binds a ready document to the local review. The document wins for everything it holds (the
   * local review takes its state); tags only the local review has (made before it was first
   * shared, or while the app could not write the document) are added to the document.
   */
  static attach(
    handle: DocHandle<AutomergeReview>,
    local: LocalReview,
    author: string,
  ): ReviewSync {
    const sync = new ReviewSync(handle, local, author);
    const doc = handle.doc();
    const change = changeFromDoc(local.current(), allKeys(docTagIds(doc)), docReader(doc));
    if (!isEmptyChange(change)) local.applyRemote(change);
    const known = new Set(docTagIds(doc));
    const missing: DocWrite[] = [];
    for (const tag of local.current().tags) {
      if (!known.has(tag.id)) missing.push(...tagWrites(tag.id, undefined, tag));
    }
    sync.write(missing);
    return sync;
  }

  /** The document's URL (`automerge:…`), which teammates need with the token to join. */
  get url(): string {
    return this.handle.url;
  }

  /** Writes a local change into the document; returns false when it was already there. */
  push(change: ReviewChange): boolean {
    return this.write(planWrites(this.handle.doc(), change));
  }

  /** Registers with concurrent values: of the given tags, or of every tag and review field. */
  conflicts(tagIds?: Iterable<string>): SyncConflict[] {
    return listConflicts(this.handle.doc(), tagIds);
  }

  /**
   * Settles a conflict by writing again the value `actor` wrote: a new write supersedes every
   * concurrent value, so the conflict is gone for every peer once it syncs. Returns the change
   * that brings the local review to the kept value (empty when it shows it already), or
   * undefined when there is no such conflict or `actor` wrote none of its values.
   */
  pick(target: ConflictTarget, actor: string): ReviewChange | undefined {
    const tagId = 'tagId' in target ? target.tagId : undefined;
    const conflict = this.conflicts(tagId === undefined ? [] : [tagId]).find(
      (c) => c.field === target.field && (c.target === 'tag' ? c.tagId === tagId : !tagId),
    );
    const chosen = conflict?.values.find((v) => v.actor === actor);
    if (!conflict || !chosen) return undefined;
    const write: DocWrite =
      conflict.target === 'tag'
        ? { target: 'tag', tagId: conflict.tagId, field: conflict.field, value: chosen.value }
        : { target: 'review', field: conflict.field, value: chosen.value };
    this.write([write]);
    const touched: TouchedKeys =
      conflict.target === 'tag'
        ? { tagIds: new Set([conflict.tagId]), fields: new Set() }
        : { tagIds: new Set(), fields: new Set([conflict.field]) };
    return changeFromDoc(this.local.current(), touched, docReader(this.handle.doc()));
  }

  /** Stops following the document (the handle itself stays with its repo). */
  close(): void {
    this.unsubscribe();
  }

  private write(writes: readonly DocWrite[]): boolean {
    if (writes.length === 0) return false;
    const actor = A.getActorId(this.handle.doc());
    this.writing = true;
    try {
      this.handle.change((draft) => applyWrites(draft, writes, actor, this.author));
    } finally {
      this.writing = false;
    }
    return true;
  }

  private onDocChange({ doc, patches }: DocHandleChangePayload<AutomergeReview>): void {
    // Our own writes: the local review has them already.
    if (this.writing) return;
    const change = changeFromDoc(
      this.local.current(),
      touchedByPatches(patches, doc),
      docReader(doc),
    );
    if (!isEmptyChange(change)) this.local.applyRemote(change);
    this.local.remoteChanged?.();
  }
}
