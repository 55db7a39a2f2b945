// The back end's implementation of ReviewApi: reviews, documents, tags, links, undo and redo,
// over a data folder. Arguments arrive validated by the host; expected failures are Results.
import { randomUUID } from 'node:crypto';
import type { JudgementInput } from '../core/analysis/judgement';
import { makeAnchor } from '../core/review/anchor';
import type { HistoryEntry } from '../core/review/edit-history';
import {
  batch,
  diffTags,
  reversePatches,
  type ReviewChange,
  type ReviewFieldsChange,
} from '../core/review/review-change';
import {
  linkEvidence,
  removeTag,
  setNote,
  tagSentence,
  noSuchTag,
  unlinkEvidence,
  type EditContext,
  type TagEdit,
  type TagPatch,
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
  ReviewerSettings,
  ReviewList,
  ReviewSnapshot,
  SyncStatus,
  UnseenTag,
} from '../shared/review-api';
import type { CallArgs, CallReply, ReviewApiMethod } from '../shared/review-api-schema';
import {
  attributionSuggestion,
  planAttribution,
  planCredibility,
  planDocumentMetadata,
  planFacet,
  planJudgement,
  planSourceUpdate,
  type PlannedEdit,
} from './reviews/assessment-ops';
import { OpenReview, type RetryPolicy } from './reviews/open-review';
import { noSuchReview, type ReviewReader } from './reviews/review-reader';
import { ReviewRepository } from './reviews/review-repository';
import {
  confirmPlacement,
  describeAnnotationFile,
  importAnnotationFile,
  planJudgementConflict,
  resolveConflict,
} from './reviews/sharing-ops';
import type { DocumentStore } from './store/document-store';
import { fsReason } from './store/fs-problem';
import type { SettingsStore } from './store/settings-store';
import { SuggestionService } from './suggestions/suggestion-service';
import { rebasePatches } from '../core/review/rebase-patches';
import type { SyncConflict } from '../core/sync/sync-conflict';
import type { ConflictTarget } from './sync/review-sync';
import { SyncRegistry } from './sync/sync-registry';
import type { TeamSyncManager } from './sync/team-sync-manager';

/** What the service needs of a synced review (a ServiceSync). */
export interface SyncedReview {
  /** The review's sync conflicts as they are now. */
  conflicts(): SyncConflict[];
  /** Keeps one version of a conflict in the shared document; the change the local review needs. */
  pick(target: ConflictTarget, actor: string): ReviewChange | undefined;
  /** Pushes the current list of conflicts to windows. */
  publishConflicts(): void;
  /** The connection and who else has the review open. */
  status(): SyncStatus;
  /** The tags new from teammates since this reviewer looked; forgetting those looked at. */
  unseen(): UnseenTag[];
  markSeen(tagIds: readonly string[] | 'all'): Promise<void>;
}

type Args<K extends ReviewApiMethod> = CallArgs<K>;
type Reply<K extends ReviewApiMethod> = Result<CallReply<K>, Problem>;

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
  /** How failed writes are retried (tests shorten it). */
  retry?: RetryPolicy;
  /** Builds what starts and stops reviews' team sync (see sync/team-sync-manager.ts). */
  teamSync?: (service: ReviewService) => TeamSyncManager;
}

/** How many saved reviews stay in memory besides those with unsaved changes. */
const KEEP_LOADED = 3;

/** ReviewApi over a data folder; also the reader of its reviews for exports. */
export class ReviewService implements ReviewApi, ReviewReader {
  /** Loaded reviews, least recently used first. */
  private readonly open = new Map<string, OpenReview>();
  /** The last revision of each review loaded before: a reload continues from it. */
  private readonly revisions = new Map<string, number>();
  private readonly listeners = new Set<(event: ReviewEvent) => void>();
  private readonly clock: () => string;
  private readonly newId: () => string;
  private readonly textCache = new Map<string, DocumentText>();
  private readonly suggestions: SuggestionService;
  /** The reviews kept in sync with a team (see sync/service-sync.ts). */
  readonly syncs = new SyncRegistry<SyncedReview>();
  /** Starts, stops and resumes team sync (none: this back end cannot sync from the app). */
  readonly teamSync: TeamSyncManager | undefined;

  constructor(private readonly deps: ReviewServiceDeps) {
    this.clock = deps.clock ?? (() => new Date().toISOString());
    this.newId = deps.newId ?? randomUUID;
    this.suggestions = new SuggestionService({
      load: (id) => this.load(id),
      documentText: (documentId) => this.getDocumentText({ documentId }),
      commitEdit: (open, edit) => this.commitEdit(open, edit),
      commitFieldEdit: (open, label, after) => this.commitFieldEdit(open, label, after),
      context: () => this.context(),
      publish: (event) => this.emit(event),
    });
    this.onEvent((event) => this.suggestions.receive(event));
    this.teamSync = deps.teamSync?.(this);
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
    const { repository } = this.deps;
    for (const id of await repository.ids()) {
      const loaded = this.open.get(id);
      const summary = loaded ? summariseReview(loaded.review) : await repository.summary(id);
      if (summary) {
        reviews.push(summary);
        continue;
      }
      // A file without a summary header (older, or edited by hand): read it in full, once.
      const db = await repository.load(id);
      if (db) reviews.push(summariseReview(db.data));
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
      reviewers: [this.reviewerName()],
      documents: [],
      tags: [],
      panes: [],
    };
    const db = await this.deps.repository.create(review);
    this.touch(review.id, this.wrap(db));
    this.emit({ name: 'reviewsChanged', payload: {} });
    return ok(summariseReview(review));
  }

  async renameReview({ reviewId, name }: Args<'renameReview'>): Promise<Reply<'renameReview'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const revision = await open.commit({ kind: 'review', fields: { name: name.trim() } });
    this.emit({ name: 'reviewsChanged', payload: {} });
    return ok({ ...summariseReview(open.review), revision });
  }

  async deleteReview({ reviewId }: Args<'deleteReview'>): Promise<Reply<'deleteReview'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    await this.teamSync?.stop(reviewId, true).catch(() => undefined);
    await open.flush();
    open.dispose();
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
    // Remembering the review to reopen is a convenience: it writes only when the review differs
    // from the one remembered, and a folder that cannot be written does not stop the opening.
    await this.deps.settings.setLastReviewId(reviewId).catch(() => undefined);
    this.suggestions.watch(open.review);
    return ok(this.snapshot(open));
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
    // A synced review lists a teammate's documents before this data folder has their text: adding
    // the same file stores it.
    const stored = present !== undefined && (await this.deps.documents.read(id)).ok;
    if (present && stored) {
      return ok({ document: present, warnings, alreadyPresent: true, revision: open.revision });
    }
    try {
      await this.deps.documents.put(id, text);
      if (present) {
        // Shown in a pane as a newly added document is (panes are this reviewer's own view).
        const panes = open.review.panes.includes(id) ? undefined : [...open.review.panes, id];
        const revision =
          panes && panes.length <= 4
            ? await open.commit({ kind: 'review', fields: { panes } }, false)
            : open.revision;
        return ok({ document: present, warnings, alreadyPresent: true, revision });
      }
    } catch (error) {
      return fail({
        code: 'not-saved',
        message: `“${fileName}” was not added: its text could not be saved in the data folder (${fsReason(error)}); nothing changed, so free some space or check the folder, then add it again.`,
      });
    }
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
    const { panes } = open.review;
    const revision = await open.commit({
      kind: 'review',
      fields: {
        documents: [...open.review.documents, document],
        ...(panes.length < 4 && !panes.includes(id) ? { panes: [...panes, id] } : {}),
      },
    });
    const added: AddedDocument = { document, warnings, alreadyPresent: false };
    return ok({ ...added, revision });
  }

  async removeDocument({
    reviewId,
    documentId,
  }: Args<'removeDocument'>): Promise<Reply<'removeDocument'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    if (!open.review.documents.some((d) => d.id === documentId)) return fail(noSuchDocument());
    const { review } = open;
    const removed = new Set(
      review.tags.filter((t) => t.documentId === documentId).map((t) => t.id),
    );
    // Undo's saved tag states predate the removal: replaying them would bring back tags of the
    // removed document and links to its claims.
    open.history.clear();
    const patches = review.tags.flatMap((t) => {
      if (removed.has(t.id)) return [{ id: t.id, before: t }];
      if (!t.claimIds?.some((c) => removed.has(c))) return [];
      const after = withClaimIds(
        t,
        t.claimIds.filter((c) => !removed.has(c)),
      );
      return [{ id: t.id, before: t, after }];
    });
    const sharing = review.sharing;
    const revision = await open.commit(
      batch(
        { kind: 'tags', patches },
        {
          kind: 'review',
          fields: {
            documents: review.documents.filter((d) => d.id !== documentId),
            panes: review.panes.filter((id) => id !== documentId),
            ...(sharing
              ? {
                  sharing: {
                    ...sharing,
                    orphans: sharing.orphans.filter((o) => o.documentId !== documentId),
                    needsReview: sharing.needsReview.filter((id) => !removed.has(id)),
                    conflicts: sharing.conflicts.filter(
                      (c) => c.kept.documentId !== documentId && c.other.documentId !== documentId,
                    ),
                  },
                }
              : {}),
          },
        },
      ),
    );
    return ok({ revision });
  }

  async getDocumentText({
    documentId,
  }: Args<'getDocumentText'>): Promise<Reply<'getDocumentText'>> {
    const cached = this.textCache.get(documentId);
    if (cached) return ok(cached);
    const read = await this.deps.documents.read(documentId);
    if (!read.ok) return read.error.code === 'document-missing' ? fail(noSuchDocument()) : read;
    const text = read.value;
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
    const panes = [...new Set(documentIds)];
    if (panes.join() === open.review.panes.join()) return ok({ revision: open.revision });
    // Panes are window state: the file keeps them so the workspace reopens them, but showing or
    // closing one is not an edit of the review, so `modified` stays as it was.
    const revision = await open.commit({ kind: 'review', fields: { panes } }, false);
    return ok({ revision });
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
    const tagId = edit.patches[0]?.id;
    const existing = open.review.tags.find(
      (t) =>
        t.documentId === args.documentId &&
        t.anchor.start === args.start &&
        t.anchor.end === args.end,
    );
    const revision = await this.commitEdit(open, edit);
    const id = tagId ?? existing?.id;
    return id ? ok({ tagId: id, revision }) : fail(noSuchReview());
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
    if (!edit) return ok({ revision: open.revision });
    // Field by field, so that a teammate's edit of the same tag since is kept (rebase-patches.ts).
    const revision = await open.commit(
      open.entryChange(
        rebasePatches(open.review.tags, reversePatches(edit.patches)),
        edit.fields?.before,
      ),
    );
    return ok({ label: edit.label, revision });
  }

  async redo({ reviewId }: Args<'redo'>): Promise<Reply<'redo'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const edit = open.history.takeRedo();
    if (!edit) return ok({ revision: open.revision });
    const revision = await open.commit(
      open.entryChange(rebasePatches(open.review.tags, edit.patches), edit.fields?.after),
    );
    return ok({ label: edit.label, revision });
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
    action,
  }: Args<'resolveConflict'>): Promise<Reply<'resolveConflict'>> {
    const open = await this.load(reviewId);
    return open ? resolveConflict(open, tagId, action, this.clock()) : fail(noSuchReview());
  }

  resolveJudgementConflict({
    reviewId,
    ...choice
  }: Args<'resolveJudgementConflict'>): Promise<Reply<'resolveJudgementConflict'>> {
    return this.assess(reviewId, (review, context) =>
      planJudgementConflict(review, choice, context.now),
    );
  }

  async confirmPlacement({
    reviewId,
    tagId,
  }: Args<'confirmPlacement'>): Promise<Reply<'confirmPlacement'>> {
    const open = await this.load(reviewId);
    return open ? confirmPlacement(open, tagId) : fail(noSuchReview());
  }

  setFacet({ reviewId, evidenceId, claimId, facet }: Args<'setFacet'>): Promise<Reply<'setFacet'>> {
    return this.assess(reviewId, (review, context) =>
      planFacet(review, { evidenceId, claimId, facet }, context),
    );
  }

  async setAttribution({
    reviewId,
    tagId,
    source,
  }: Args<'setAttribution'>): Promise<Reply<'setAttribution'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const planned = planAttribution(open.review, tagId, source, this.context());
    if (!planned.ok) return planned;
    const revision = await this.commitPlanned(open, planned.value.edit);
    const { sourceId } = planned.value;
    return ok(sourceId ? { sourceId, revision } : { revision });
  }

  async suggestAttribution({
    reviewId,
    tagId,
  }: Args<'suggestAttribution'>): Promise<Reply<'suggestAttribution'>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const tag = open.review.tags.find((t) => t.id === tagId);
    if (!tag) return fail(noSuchTag(tagId));
    const document = await this.getDocumentText({ documentId: tag.documentId });
    if (!document.ok) return document;
    return attributionSuggestion(open.review, tagId, document.value);
  }

  setCredibility({
    reviewId,
    tagId,
    credibility,
  }: Args<'setCredibility'>): Promise<Reply<'setCredibility'>> {
    return this.assess(reviewId, (review, context) =>
      planCredibility(review, tagId, credibility, context),
    );
  }

  updateSource({
    reviewId,
    sourceId,
    ...changes
  }: Args<'updateSource'>): Promise<Reply<'updateSource'>> {
    return this.assess(reviewId, (review) => planSourceUpdate(review, sourceId, changes));
  }

  setJudgement({
    reviewId,
    claimId,
    judgement,
  }: Args<'setJudgement'>): Promise<Reply<'setJudgement'>> {
    return this.assess(reviewId, (review, context) =>
      planJudgement(review, claimId, judgement as JudgementInput | null, context),
    );
  }

  setDocumentMetadata({
    reviewId,
    documentId,
    metadata,
  }: Args<'setDocumentMetadata'>): Promise<Reply<'setDocumentMetadata'>> {
    return this.assess(reviewId, (review) => planDocumentMetadata(review, documentId, metadata));
  }

  getReviewerSettings(
    _args: Args<'getReviewerSettings'> = {},
  ): Promise<Reply<'getReviewerSettings'>> {
    return Promise.resolve(ok(this.reviewerSettings()));
  }

  async setReviewerName({ name }: Args<'setReviewerName'>): Promise<Reply<'setReviewerName'>> {
    const trimmed = name.replace(/\s+/g, ' ').trim();
    if (trimmed === '') {
      return fail({ code: 'empty-name', message: 'A reviewer needs a name; type one in.' });
    }
    await this.deps.settings.setReviewerName(trimmed);
    return ok(this.reviewerSettings());
  }

  private reviewerSettings(): ReviewerSettings {
    const { reviewerName } = this.deps.settings;
    return reviewerName
      ? { reviewerName, defaultName: this.deps.author }
      : { defaultName: this.deps.author };
  }

  /**
   * Replaces a review's tags, documents, sources and judgements with what `rewrite` makes of them,
   * as one change with nothing to undo (the history is cleared): for building the sample.
   */
  async rewriteReview(
    reviewId: string,
    rewrite: (review: Review, context: EditContext) => Result<Review, Problem>,
  ): Promise<Result<{ revision: number }, Problem>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const before = open.review;
    const after = rewrite(before, this.context());
    if (!after.ok) return after;
    const fields: ReviewFieldsChange = {};
    if (after.value.documents !== before.documents) fields.documents = after.value.documents;
    if (after.value.sources !== before.sources) fields.sources = after.value.sources ?? [];
    if (after.value.judgements !== before.judgements)
      fields.judgements = after.value.judgements ?? {};
    open.history.clear();
    const revision = await open.commit(
      batch(
        { kind: 'tags', patches: diffTags(before.tags, after.value.tags) },
        { kind: 'review', fields },
      ),
    );
    return ok({ revision });
  }

  suggestEvidence(args: Args<'suggestEvidence'>): Promise<Reply<'suggestEvidence'>> {
    return this.suggestions.suggestEvidence(args);
  }

  acceptSuggestion(args: Args<'acceptSuggestion'>): Promise<Reply<'acceptSuggestion'>> {
    return this.suggestions.acceptSuggestion(args);
  }

  dismissSuggestion(args: Args<'dismissSuggestion'>): Promise<Reply<'dismissSuggestion'>> {
    return this.suggestions.dismissSuggestion(args);
  }

  /** The sync conflicts of a review kept in sync with a team; none for a review that is not. */
  async getSyncConflicts({
    reviewId,
  }: Args<'getSyncConflicts'>): Promise<Reply<'getSyncConflicts'>> {
    const sync = this.syncs.get(reviewId);
    if (!sync && !(await this.load(reviewId))) return fail(noSuchReview());
    return ok({ conflicts: sync?.conflicts() ?? [] });
  }

  /** How a review's team sync stands and who else has it open; null for a review not synced. */
  async getSyncStatus({ reviewId }: Args<'getSyncStatus'>): Promise<Reply<'getSyncStatus'>> {
    const sync = this.syncs.get(reviewId);
    if (!sync && !(await this.load(reviewId))) return fail(noSuchReview());
    return ok({ status: sync?.status() ?? null });
  }

  /** The tags teammates added or changed since this reviewer looked at them (none: not synced). */
  async getUnseen({ reviewId }: Args<'getUnseen'>): Promise<Reply<'getUnseen'>> {
    const sync = this.syncs.get(reviewId);
    if (!sync && !(await this.load(reviewId))) return fail(noSuchReview());
    return ok({ tags: sync?.unseen() ?? [] });
  }

  /** Forgets that tags are new (the reviewer looked at them, or at all); written before the reply. */
  async markSeen({ reviewId, tagIds, all }: Args<'markSeen'>): Promise<Reply<'markSeen'>> {
    const sync = this.syncs.get(reviewId);
    if (!sync && !(await this.load(reviewId))) return fail(noSuchReview());
    await sync?.markSeen(all ? 'all' : (tagIds ?? []));
    return ok({ tags: sync?.unseen() ?? [] });
  }

  /**
   * Keeps one version of a sync conflict: written to the shared document (so the conflict is gone
   * for the whole team) and committed here as one undo step. Undo puts back what this review
   * showed before, as a new edit that syncs like any other.
   */
  async resolveSyncConflict({
    reviewId,
    target,
    actor,
  }: Args<'resolveSyncConflict'>): Promise<Reply<'resolveSyncConflict'>> {
    const sync = this.syncs.get(reviewId);
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    if (!sync) {
      return fail({ code: 'not-synced', message: 'This review is not synced with a team.' });
    }
    const change = sync.pick(target, actor);
    if (!change) {
      return fail({
        code: 'no-such-conflict',
        message: 'That conflict was settled already, or that version is not one of its versions.',
      });
    }
    const { patches, fields } = flattenChange(change);
    const label = 'keep a version';
    const revision = fields
      ? await this.commitFieldEdit(open, label, fields, patches)
      : await this.commitEdit(open, { label, patches });
    sync.publishConflicts();
    return ok({ revision });
  }

  // Team sync settings: kept and acted on by the TeamSyncManager; never the token in a reply.
  async getTeamSync({ reviewId }: Args<'getTeamSync'>): Promise<Reply<'getTeamSync'>> {
    if (!(await this.load(reviewId))) return fail(noSuchReview());
    return this.teamSync ? ok(await this.teamSync.info(reviewId)) : fail(noTeamSync());
  }

  async startTeamSync({
    reviewId,
    ...request
  }: Args<'startTeamSync'>): Promise<Reply<'startTeamSync'>> {
    if (!(await this.load(reviewId))) return fail(noSuchReview());
    if (!this.teamSync) return fail(noTeamSync());
    const started = await this.teamSync.start(reviewId, request);
    return started.ok ? ok(await this.teamSync.info(reviewId)) : started;
  }

  async stopTeamSync({ reviewId, forget }: Args<'stopTeamSync'>): Promise<Reply<'stopTeamSync'>> {
    if (!(await this.load(reviewId))) return fail(noSuchReview());
    if (!this.teamSync) return fail(noTeamSync());
    await this.teamSync.stop(reviewId, forget ?? false);
    return ok(await this.teamSync.info(reviewId));
  }

  /**
   * Applies a change that came from teammates (see sync/service-sync.ts) as the back end's own
   * change is applied: committed, pushed to windows as `reviewChanged` and written durably, but
   * not recorded in the undo history (undo takes back only this reviewer's edits).
   */
  async applyRemoteChange(
    reviewId: string,
    change: ReviewChange,
  ): Promise<Result<{ revision: number }, Problem>> {
    const open = this.open.get(reviewId) ?? (await this.load(reviewId));
    if (!open) return fail(noSuchReview());
    return ok({ revision: await open.commit(change, false) });
  }

  /** Resolves when a review's suggestion index holds all its documents. */
  whenIndexed(reviewId: string): Promise<void> {
    return this.suggestions.indexes.whenIndexed(reviewId);
  }

  /** Waits until no write is running (a failed one stays failed: see `unsaved`). */
  async flush(): Promise<void> {
    await Promise.all([...this.open.values()].map((o) => o.flush()));
  }

  /** Tries once more to write every review with unsaved changes; resolves when that ended. */
  async retrySaves(): Promise<void> {
    await Promise.all([...this.open.values()].filter((o) => !o.saved).map((o) => o.persist()));
  }

  /** Reviews with changes that are not on disk, with why, for the quit warning and rescue. */
  unsaved(): { review: Review; reason: string }[] {
    return [...this.open.values()]
      .filter((o) => !o.saved)
      .map((o) => ({ review: o.review, reason: o.failureReason ?? 'a write was still running' }));
  }

  /** Stops retrying failed writes (the back end is closing). */
  dispose(): void {
    this.suggestions.dispose();
    for (const open of this.open.values()) open.dispose();
  }

  async readReview(reviewId: string): Promise<Result<Review, Problem>> {
    const loaded = this.open.get(reviewId);
    if (loaded) return ok(loaded.review);
    const review = await this.deps.repository.read(reviewId);
    return review ? ok(review) : fail(noSuchReview());
  }

  async readText(documentId: string): Promise<Result<string, Problem>> {
    const cached = this.textCache.get(documentId);
    return cached ? ok(cached.text) : this.deps.documents.read(documentId);
  }

  private async edit(
    reviewId: string,
    make: (tags: Review['tags'], context: EditContext) => Result<TagEdit, Problem>,
  ): Promise<Result<{ revision: number }, Problem>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const edit = make(open.review.tags, this.context());
    if (!edit.ok) return edit;
    return ok({ revision: await this.commitEdit(open, edit.value) });
  }

  /** Plans one assessment edit on the review as it is and commits it as one undo step. */
  private async assess(
    reviewId: string,
    plan: (review: Review, context: EditContext) => Result<PlannedEdit, Problem>,
  ): Promise<Result<{ revision: number }, Problem>> {
    const open = await this.load(reviewId);
    if (!open) return fail(noSuchReview());
    const planned = plan(open.review, this.context());
    if (!planned.ok) return planned;
    return ok({ revision: await this.commitPlanned(open, planned.value) });
  }

  private commitPlanned(
    open: OpenReview,
    { label, patches, fields }: PlannedEdit,
  ): Promise<number> {
    return fields
      ? this.commitFieldEdit(open, label, fields, patches)
      : this.commitEdit(open, { label, patches });
  }

  /** Records an edit for undo and commits it; an edit that changes nothing keeps the revision. */
  private commitEdit(open: OpenReview, edit: HistoryEntry): Promise<number> {
    if (edit.patches.length === 0 && !edit.fields) return Promise.resolve(open.revision);
    open.history.record(edit);
    const change = open.entryChange(edit.patches, edit.fields?.after);
    // Whoever edits is one of the review's reviewers; undo does not take that back.
    const name = this.reviewerName();
    const { reviewers } = open.review;
    return open.commit(
      reviewers.includes(name)
        ? change
        : batch(change, { kind: 'review', fields: { reviewers: [...reviewers, name] } }),
    );
  }

  /** The name edits are written by: the one the reviewer gave, else the operating-system user. */
  private reviewerName(): string {
    return this.deps.settings.reviewerName ?? this.deps.author;
  }

  /**
   * Commits an undoable edit of review-level fields (judgements, sources, dismissals, documents'
   * metadata), optionally with tag patches in the same step. Each field named in `after` is
   * replaced whole; undo writes back its value from before (an absent field comes back empty).
   */
  private commitFieldEdit(
    open: OpenReview,
    label: string,
    after: ReviewFieldsChange,
    patches: TagPatch[] = [],
  ): Promise<number> {
    return this.commitEdit(open, {
      label,
      patches,
      fields: { before: fieldsBefore(open.review, after), after },
    });
  }

  private context(): EditContext {
    return { author: this.reviewerName(), now: this.clock(), newId: this.newId };
  }

  private snapshot(open: OpenReview): ReviewSnapshot {
    return {
      review: open.review,
      history: open.history.next,
      revision: open.revision,
      saved: open.saved,
      savedRevision: open.savedRevision,
      ...(open.lastFailure ? { saveFailure: open.lastFailure } : {}),
    };
  }

  private async load(reviewId: string): Promise<OpenReview | undefined> {
    const existing = this.open.get(reviewId);
    if (existing) return this.touch(reviewId, existing);
    const db = await this.deps.repository.load(reviewId);
    if (!db) return undefined;
    const again = this.open.get(reviewId);
    if (again) return this.touch(reviewId, again);
    return this.touch(reviewId, this.wrap(db));
  }

  /**
   * Marks a review as just used, and lets go of the least recently used ones that are saved and
   * idle beyond KEEP_LOADED: reviews no window uses do not stay in memory for ever.
   */
  private touch(reviewId: string, open: OpenReview): OpenReview {
    this.open.delete(reviewId);
    this.open.set(reviewId, open);
    let spare = this.open.size - 1 - KEEP_LOADED;
    for (const [id, other] of this.open) {
      if (spare <= 0) break;
      if (other === open || !other.idle) continue;
      other.dispose();
      this.revisions.set(id, other.revision);
      this.open.delete(id);
      spare--;
    }
    return open;
  }

  private wrap(db: ConstructorParameters<typeof OpenReview>[0]): OpenReview {
    const open = new OpenReview(
      db,
      {
        changed: (reviewId, revision, change, history) =>
          this.emit({ name: 'reviewChanged', payload: { reviewId, revision, change, history } }),
        saveState: (reviewId, state, savedRevision, message) =>
          this.emit({
            name: 'saveState',
            payload:
              message === undefined
                ? { reviewId, state, savedRevision }
                : { reviewId, state, savedRevision, message },
          }),
      },
      this.clock,
      () => this.reviewerName(),
      this.deps.retry,
    );
    // Revisions continue across an unload and reload, so a window never sees one go backwards.
    open.revision = open.savedRevision = this.revisions.get(db.data.id) ?? 0;
    return open;
  }
}

function withClaimIds(tag: Review['tags'][number], claimIds: string[]): Review['tags'][number] {
  const copy = { ...tag };
  if (claimIds.length > 0) copy.claimIds = claimIds;
  else delete copy.claimIds;
  return copy;
}

/** A change's tag patches and field values, gathered from its parts. */
function flattenChange(change: ReviewChange): { patches: TagPatch[]; fields?: ReviewFieldsChange } {
  if (change.kind === 'tags') return { patches: change.patches };
  if (change.kind === 'review') return { patches: [], fields: change.fields };
  const patches: TagPatch[] = [];
  let fields: ReviewFieldsChange | undefined;
  for (const part of change.changes) {
    const flat = flattenChange(part);
    for (const patch of flat.patches) patches.push(patch); // an import's may be 100,000s: no spread
    if (flat.fields) fields = { ...fields, ...flat.fields };
  }
  return fields ? { patches, fields } : { patches };
}

/** The current values of the fields an edit replaces (absent lists and maps as empty ones). */
function fieldsBefore(review: Review, after: ReviewFieldsChange): ReviewFieldsChange {
  const empty: ReviewFieldsChange = { sources: [], judgements: {}, dismissals: [] };
  const before: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ReviewFieldsChange)[]) {
    before[key] = review[key] ?? empty[key];
  }
  return before as ReviewFieldsChange;
}

/** A document's title from its file name: without folders and extension. */
function titleOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || base;
}

function noSuchDocument(): Problem {
  return { code: 'no-such-document', message: 'That document is not part of this review.' };
}

function noTeamSync(): Problem {
  return { code: 'no-team-sync', message: 'This copy of Crosscheck cannot sync with a team.' };
}
