// The back end's implementation of ReviewApi: reviews, documents, tags, links, undo and redo,
// over a data folder. Arguments arrive validated by the host; expected failures are Results.
import { randomUUID } from 'node:crypto';
import { makeAnchor } from '../core/review/anchor';
import { claimsWithEvidence } from '../core/review/claim-status';
import {
  linkEvidence,
  removeTag,
  setNote,
  tagSentence,
  unlinkEvidence,
  type EditContext,
  type TagEdit,
} from '../core/review/tag-edits';
import {
  REVIEW_SCHEMA_VERSION,
  summariseReview,
  type Review,
  type ReviewDocument,
} from '../core/review/types';
import { fail, ok, type Problem, type Result } from '../core/result';
import { importText } from '../core/text/import-text';
import { isWholeSentence } from '../core/text/sentence-bounds';
import { segment } from '../core/text/segment';
import type {
  AddedDocument,
  DocumentText,
  ReviewApi,
  ReviewEvent,
  ReviewList,
  ReviewSnapshot,
} from '../shared/review-api';
import { OpenReview } from './reviews/open-review';
import { ReviewRepository } from './reviews/review-repository';
import {
  confirmPlacement,
  describeAnnotationFile,
  importAnnotationFile,
  keepOtherVersion,
} from './reviews/sharing-ops';
import type { DocumentStore } from './store/document-store';
import type { SettingsStore } from './store/settings-store';

type Args<K extends keyof ReviewApi> = Parameters<ReviewApi[K]>[0];
type Reply<K extends keyof ReviewApi> = Awaited<ReturnType<ReviewApi[K]>>;

/** What the service needs from its surroundings. */
export interface ReviewServiceDeps {
  repository: ReviewRepository;
  documents: DocumentStore;
  settings: SettingsStore;
  author: string;
  clock?: () => string;
  newId?: () => string;
  /** Builds the bundled sample review into a fresh review (see sample-review.ts). */
  buildSample?: (service: ReviewService) => Promise<Result<string, Problem>>;
}

/** ReviewApi over a data folder. */
export class ReviewService implements ReviewApi {
  private readonly open = new Map<string, OpenReview>();
  private readonly listeners = new Set<(event: ReviewEvent) => void>();
  private readonly clock: () => string;
  private readonly newId: () => string;
  private readonly textCache = new Map<string, DocumentText>();

  constructor(private readonly deps: ReviewServiceDeps) {
    this.clock = deps.clock ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? randomUUID;
  }

  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: ReviewEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Pushes an event to every subscriber (used by exports for progress). */
  publish(event: ReviewEvent): void {
    this.emit(event);
  }

  private emit(event: ReviewEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  async listReviews(_args: Args<'listReviews'> = {}): Promise<Reply<'listReviews'>> {
    const reviews = [];
    for (const id of await this.deps.repository.ids()) {
      const open = await this.load(id);
      if (open) reviews.push(summariseReview(open.review));
    }
    reviews.sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0));
    const notices = this.deps.repository.notices.splice(0);
    const last = this.deps.settings.lastReviewId;
    const list: ReviewList = { reviews, notices };
    if (last && reviews.some((r) => r.id === last)) list.lastReviewId = last;
    return ok(list);
  }

  async createReview({ name }: Args<'createReview'>): Promise<Reply<'createReview'>> {
    const now = this.clock();
    const review: Review = {
      schemaVersion: REVIEW_SCHEMA_VERSION,
      id: this.newId(),
      name: name.trim(),
      created: now,
      modified: now,
      reviewers: [this.deps.author],
      documents: [],
      tags: [],
      panes: [],
    };
    const db = await this.deps.repository.create(review);
    this.open.set(review.id, this.wrap(db));
    this.emit({ name: 'reviewsChanged', payload: {} });
    return ok(summariseReview(review));
  }

  async renameReview({ reviewId, name }: Args<'renameReview'>): Promise<Reply<'renameReview'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    await open.update((review) => {
      review.name = name.trim();
    });
    this.emit({ name: 'reviewsChanged', payload: {} });
    return ok(summariseReview(open.review));
  }

  async deleteReview({ reviewId }: Args<'deleteReview'>): Promise<Reply<'deleteReview'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    await open.flush();
    this.open.delete(reviewId);
    await this.deps.repository.delete(reviewId);
    if (this.deps.settings.lastReviewId === reviewId)
      await this.deps.settings.setLastReviewId(undefined);
    this.emit({ name: 'reviewsChanged', payload: {} });
    return ok(null);
  }

  async openReview({ reviewId }: Args<'openReview'>): Promise<Reply<'openReview'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    await this.deps.settings.setLastReviewId(reviewId);
    return ok(this.snapshot(open));
  }

  async getClaims({ reviewId }: Args<'getClaims'>): Promise<Reply<'getClaims'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    return ok(claimsWithEvidence(open.review.tags));
  }

  async openSampleReview(_args: Args<'openSampleReview'> = {}): Promise<Reply<'openSampleReview'>> {
    if (!this.deps.buildSample) {
      return fail({ code: 'no-sample', message: 'This installation has no sample review.' });
    }
    // Opening the sample again returns the one already built, with the reviewer's changes.
    const existing = this.deps.settings.sampleReviewId;
    const previous = existing ? await this.load(existing) : undefined;
    if (previous) return ok(summariseReview(previous.review));
    const built = await this.deps.buildSample(this);
    if (!built.ok) return built;
    await this.deps.settings.setSampleReviewId(built.value);
    const open = await this.load(built.value);
    if (!open) return fail(noSuchReview());
    return ok(summariseReview(open.review));
  }

  async addDocument({
    reviewId,
    fileName,
    bytes,
  }: Args<'addDocument'>): Promise<Reply<'addDocument'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const imported = importText(bytes, fileName);
    if (!imported.ok) return imported;
    const { id, text, warnings } = imported.value;
    const present = open.review.documents.find((d) => d.id === id);
    if (present) return ok<AddedDocument>({ document: present, warnings, alreadyPresent: true });
    await this.deps.documents.put(id, text);
    const document: ReviewDocument = {
      id,
      title: titleOf(fileName),
      fileName,
      encoding: imported.value.encoding,
      bom: imported.value.bom,
      lineEndings: imported.value.lineEndings,
      originalSha256: imported.value.originalSha256,
      imported: this.clock(),
    };
    await open.update((review) => {
      review.documents.push(document);
      if (review.panes.length < 4 && !review.panes.includes(id)) review.panes.push(id);
    });
    return ok<AddedDocument>({ document, warnings, alreadyPresent: false });
  }

  async removeDocument({
    reviewId,
    documentId,
  }: Args<'removeDocument'>): Promise<Reply<'removeDocument'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    if (!open.review.documents.some((d) => d.id === documentId)) return fail(noSuchDocument());
    const removed = open.review.tags.filter((t) => t.documentId === documentId).map((t) => t.id);
    const removedSet = new Set(removed);
    // Undo's saved tag states predate the removal: replaying them would bring back tags of the
    // removed document and links to its claims.
    open.history.clear();
    await open.update((review) => {
      review.documents = review.documents.filter((d) => d.id !== documentId);
      if (review.sharing) {
        const sharing = review.sharing;
        review.sharing = {
          ...sharing,
          orphans: sharing.orphans.filter((o) => o.documentId !== documentId),
          needsReview: sharing.needsReview.filter((id) => !removedSet.has(id)),
          conflicts: sharing.conflicts.filter(
            (c) => c.kept.documentId !== documentId && c.other.documentId !== documentId,
          ),
        };
      }
      review.panes = review.panes.filter((id) => id !== documentId);
      review.tags = review.tags
        .filter((t) => t.documentId !== documentId)
        .map((t) =>
          t.claimIds?.some((c) => removedSet.has(c))
            ? withClaimIds(
                t,
                t.claimIds.filter((c) => !removedSet.has(c)),
              )
            : t,
        );
    });
    return ok(null);
  }

  async getDocumentText({
    documentId,
  }: Args<'getDocumentText'>): Promise<Reply<'getDocumentText'>> {
    const cached = this.textCache.get(documentId);
    if (cached) return ok(cached);
    const text = await this.deps.documents.get(documentId);
    if (text === undefined) return fail(noSuchDocument());
    const spans = segment(text);
    const sentences = new Array<number>(spans.length * 2);
    const forced: number[] = [];
    spans.forEach((span, i) => {
      sentences[2 * i] = span.start;
      sentences[2 * i + 1] = span.end;
      if (span.forced) forced.push(i);
    });
    const result: DocumentText = { id: documentId, text, sentences, forced };
    if (this.textCache.size > 16) this.textCache.clear();
    this.textCache.set(documentId, result);
    return ok(result);
  }

  async setPanes({ reviewId, documentIds }: Args<'setPanes'>): Promise<Reply<'setPanes'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const known = new Set(open.review.documents.map((d) => d.id));
    if (!documentIds.every((id) => known.has(id))) return fail(noSuchDocument());
    await open.update((review) => {
      review.panes = [...new Set(documentIds)];
    });
    return ok(null);
  }

  async tagSentence(args: Args<'tagSentence'>): Promise<Reply<'tagSentence'>> {
    const open = await this.load(args.reviewId);
    if (!open) return fail(noSuchReview());
    if (!open.review.documents.some((d) => d.id === args.documentId)) return fail(noSuchDocument());
    const document = await this.getDocumentText({ documentId: args.documentId });
    if (!document.ok) return document;
    if (!isWholeSentence(document.value.sentences, args.start, args.end)) {
      return fail({
        code: 'not-a-sentence',
        message:
          'Only whole sentences can be tagged; the text may have changed, so reload the document.',
      });
    }
    const edit = tagSentence(
      open.review.tags,
      {
        documentId: args.documentId,
        anchor: makeAnchor(document.value.text, args.start, args.end),
        kind: args.kind,
      },
      this.context(),
    );
    await open.applyEdit(edit);
    const tag = open.review.tags.find(
      (t) =>
        t.documentId === args.documentId &&
        t.anchor.start === args.start &&
        t.anchor.end === args.end,
    );
    return tag ? ok({ tagId: tag.id }) : fail(noSuchReview());
  }

  removeTag({ reviewId, tagId }: Args<'removeTag'>): Promise<Reply<'removeTag'>> {
    return this.edit(reviewId, (tags, context) => removeTag(tags, tagId, context));
  }

  setNote({ reviewId, tagId, note }: Args<'setNote'>): Promise<Reply<'setNote'>> {
    return this.edit(reviewId, (tags, context) => setNote(tags, tagId, note, context));
  }

  linkEvidence({
    reviewId,
    evidenceId,
    claimId,
  }: Args<'linkEvidence'>): Promise<Reply<'linkEvidence'>> {
    return this.edit(reviewId, (tags, context) => linkEvidence(tags, evidenceId, claimId, context));
  }

  unlinkEvidence({
    reviewId,
    evidenceId,
    claimId,
  }: Args<'unlinkEvidence'>): Promise<Reply<'unlinkEvidence'>> {
    return this.edit(reviewId, (tags, context) =>
      unlinkEvidence(tags, evidenceId, claimId, context),
    );
  }

  async undo({ reviewId }: Args<'undo'>): Promise<Reply<'undo'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const edit = open.history.takeUndo();
    if (edit) await open.replay(edit, 'back');
    return ok(edit ? { label: edit.label } : {});
  }

  async redo({ reviewId }: Args<'redo'>): Promise<Reply<'redo'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const edit = open.history.takeRedo();
    if (edit) await open.replay(edit, 'forward');
    return ok(edit ? { label: edit.label } : {});
  }

  async annotationFileDocuments(
    args: Args<'annotationFileDocuments'>,
  ): Promise<Reply<'annotationFileDocuments'>> {
    const open = await this.load(args.reviewId);
    return open ? describeAnnotationFile(open, args) : fail(noSuchReview());
  }

  async importAnnotations(args: Args<'importAnnotations'>): Promise<Reply<'importAnnotations'>> {
    const open = await this.load(args.reviewId);
    return open ? importAnnotationFile(open, this.deps.documents, args) : fail(noSuchReview());
  }

  async resolveConflict({
    reviewId,
    tagId,
  }: Args<'resolveConflict'>): Promise<Reply<'resolveConflict'>> {
    const open = await this.load(reviewId);
    return open ? keepOtherVersion(open, tagId, this.clock()) : fail(noSuchReview());
  }

  async confirmPlacement({
    reviewId,
    tagId,
  }: Args<'confirmPlacement'>): Promise<Reply<'confirmPlacement'>> {
    const open = await this.load(reviewId);
    return open ? confirmPlacement(open, tagId) : fail(noSuchReview());
  }

  /** Waits until every open review is on disk. */
  async flush(): Promise<void> {
    await Promise.all([...this.open.values()].map((o) => o.flush()));
  }

  private async edit(
    reviewId: string,
    make: (tags: Review['tags'], context: EditContext) => Result<TagEdit, Problem>,
  ): Promise<Result<null, Problem>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const edit = make(open.review.tags, this.context());
    if (!edit.ok) return edit;
    await open.applyEdit(edit.value);
    return ok(null);
  }

  private context(): EditContext {
    return { author: this.deps.author, now: this.clock(), newId: this.newId };
  }

  private snapshot(open: OpenReview): ReviewSnapshot {
    return {
      review: open.review,
      history: open.history.next,
      revision: open.revision,
      saved: open.saved,
    };
  }

  private async load(reviewId: string): Promise<OpenReview | undefined> {
    const existing = this.open.get(reviewId);
    if (existing) return existing;
    const db = await this.deps.repository.load(reviewId);
    if (!db) return undefined;
    const again = this.open.get(reviewId);
    if (again) return again;
    const open = this.wrap(db);
    this.open.set(reviewId, open);
    return open;
  }

  private wrap(db: ConstructorParameters<typeof OpenReview>[0]): OpenReview {
    return new OpenReview(
      db,
      {
        changed: (reviewId, revision) =>
          this.emit({ name: 'reviewChanged', payload: { reviewId, revision } }),
        saveState: (reviewId, state, message) =>
          this.emit({
            name: 'saveState',
            payload: message === undefined ? { reviewId, state } : { reviewId, state, message },
          }),
      },
      this.clock,
      this.deps.author,
    );
  }
}

function withClaimIds(tag: Review['tags'][number], claimIds: string[]): Review['tags'][number] {
  const copy = { ...tag };
  if (claimIds.length > 0) copy.claimIds = claimIds;
  else delete copy.claimIds;
  return copy;
}

/** A document's title from its file name: without folders and extension. */
export function titleOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || base;
}

function noSuchReview(): Problem {
  return {
    code: 'no-such-review',
    message: 'That review no longer exists; it may have been deleted in another window.',
  };
}

function noSuchDocument(): Problem {
  return { code: 'no-such-document', message: 'That document is not part of this review.' };
}
