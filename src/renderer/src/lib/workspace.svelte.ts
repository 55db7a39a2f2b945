// The workspace: which review is open, its panes, selection, linking and messages. Components
// render it; it decides; src/core computes.
import {
  CLAIM_STATUS_ORDER,
  claimsWithEvidence,
  type ClaimWithEvidence,
} from '../../../core/review/claim-status';
import { makeAnchor } from '../../../core/review/anchor';
import {
  applyEdit,
  removeTag,
  tagSentence,
  type EditContext,
  type TagEdit,
} from '../../../core/review/tag-edits';
import type { Tag, TagKind } from '../../../core/review/types';
import type { Problem, Result } from '../../../core/result';
import type { ReviewSnapshot } from '../../../shared/review-api';
import type { ReviewSummary } from '../../../core/review/types';
import type { ExportKind } from '../../../shared/host-info';
import type { UnplacedSource } from '../../../core/annotations/document-choices';
import type { MergeSummary } from '../../../core/annotations/merge';
import type { Backend } from './backend';
import { PaneState } from './pane-state.svelte';

/** A sentence a key press or button pointed at, captured when it was pressed. */
export interface SentenceTarget {
  documentId: string;
  start: number;
  end: number;
  /** The document's text (for the anchor of a tag shown before it is saved). */
  text: string;
}

/** Most panes side by side. */
export const MAX_PANES = 4;

/** A message shown to the person: what happened, in one sentence. */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** The state of the whole window. */
export class Workspace {
  reviews = $state.raw<ReviewSummary[]>([]);
  snapshot = $state.raw<ReviewSnapshot | undefined>();
  panes = $state.raw<PaneState[]>([]);
  activePane = $state(0);
  saveState = $state<'saved' | 'saving' | 'failed'>('saved');
  notices = $state.raw<Notice[]>([]);
  importProblems = $state.raw<{ fileName: string; message: string }[]>([]);
  importing = $state<{ done: number; total: number } | undefined>();
  pinnedClaimId = $state<string | undefined>();
  /** The evidence tag waiting for the person to choose its claim. */
  linking = $state.raw<Tag | undefined>();
  /** The tag whose note is being edited. */
  editingNote = $state.raw<Tag | undefined>();
  loaded = $state(false);
  /** An annotation file waiting for the reviewer to say which documents its sources are. */
  choosingDocuments = $state.raw<
    { fileName: string; bytes: Uint8Array; sources: UnplacedSource[] } | undefined
  >();
  /** The sharing dialog: open, and the summary of the import that opened it (if any). */
  sharingDialog = $state.raw<{ summary?: MergeSummary } | undefined>();
  /** An export being written, with its progress from 0 to 1. */
  exporting = $state<{ kind: ExportKind; fraction: number } | undefined>();

  constructor(readonly backend: Backend) {}

  /** Tags of each document, keyed by sentence start. */
  tagsByDocument = $derived.by(() => {
    const map = new Map<string, Map<number, Tag>>();
    for (const tag of this.snapshot?.review.tags ?? []) {
      let byStart = map.get(tag.documentId);
      if (!byStart) map.set(tag.documentId, (byStart = new Map()));
      byStart.set(tag.anchor.start, tag);
    }
    return map;
  });

  /** Every claim with its evidence and status, derived from the tags (src/core). */
  private claimEntries = $derived(claimsWithEvidence(this.snapshot?.review.tags ?? []));

  /** Claims with evidence, disputed first, then in document order. */
  claims = $derived.by((): ClaimWithEvidence[] => {
    const claims = this.claimEntries;
    const docOrder = new Map(this.snapshot?.review.documents.map((d, i) => [d.id, i]));
    return [...claims].sort(
      (a, b) =>
        CLAIM_STATUS_ORDER.indexOf(a.status) - CLAIM_STATUS_ORDER.indexOf(b.status) ||
        (docOrder.get(a.claim.documentId) ?? 0) - (docOrder.get(b.claim.documentId) ?? 0) ||
        a.claim.anchor.start - b.claim.anchor.start,
    );
  });

  /** The selected sentence's tag in the active pane, if it is tagged. */
  selectedTag = $derived.by((): Tag | undefined => {
    const pane = this.panes[this.activePane];
    const span = pane?.selectedSpan;
    if (!pane || !span) return undefined;
    return this.tagsByDocument.get(pane.documentId)?.get(span.start);
  });

  /** Tags related to the selection: a claim's evidence, or evidence's claims. */
  relatedTagIds = $derived.by((): Set<string> => {
    const tag = this.selectedTag;
    const related = new Set<string>();
    if (!tag) return related;
    if (tag.kind === 'claim') {
      const entry = this.claimEntries.find((c) => c.claim.id === tag.id);
      for (const e of [...(entry?.confirmations ?? []), ...(entry?.contradictions ?? [])]) {
        related.add(e.id);
      }
    } else for (const id of tag.claimIds ?? []) related.add(id);
    return related;
  });

  /** Tags an import placed approximately, to be confirmed by the reviewer. */
  needsReview = $derived(new Set(this.snapshot?.review.sharing?.needsReview ?? []));

  /** Document title by id. */
  titleOf(documentId: string): string {
    return (
      this.snapshot?.review.documents.find((d) => d.id === documentId)?.title ?? 'Unknown document'
    );
  }

  /** Loads the review list and reopens the last review. */
  async init(): Promise<void> {
    this.backend.onEvent((event) => {
      if (event.name === 'reviewsChanged') void this.loadReviews();
      else if (event.name === 'saveState' && event.payload.reviewId === this.snapshot?.review.id) {
        this.saveState = event.payload.state;
        if (event.payload.message) this.notify('error', event.payload.message);
      } else if (event.name === 'exportProgress' && this.exporting) {
        if (event.payload.reviewId === this.snapshot?.review.id) {
          this.exporting = { kind: event.payload.kind, fraction: event.payload.fraction };
        }
      } else if (
        event.name === 'reviewChanged' &&
        event.payload.reviewId === this.snapshot?.review.id &&
        event.payload.revision > (this.snapshot?.revision ?? 0)
      ) {
        void this.refresh();
      }
    });
    const last = await this.loadReviews();
    if (last) await this.openReview(last);
    this.loaded = true;
  }

  /** Loads the review list; resolves with the id of the review that was open last. */
  async loadReviews(): Promise<string | undefined> {
    const result = await this.backend.api.listReviews({});
    if (!this.check(result)) return undefined;
    this.reviews = result.value.reviews;
    for (const notice of result.value.notices) this.notify('error', notice);
    return result.value.lastReviewId;
  }

  async createReview(name: string): Promise<void> {
    const result = await this.backend.api.createReview({ name });
    if (this.check(result)) await this.openReview(result.value.id);
  }

  async openSample(): Promise<void> {
    const result = await this.backend.api.openSampleReview({});
    if (this.check(result)) await this.openReview(result.value.id);
  }

  async renameReview(name: string): Promise<void> {
    const id = this.snapshot?.review.id;
    if (!id) return;
    this.check(await this.backend.api.renameReview({ reviewId: id, name }));
    await this.refresh();
  }

  async deleteReview(): Promise<void> {
    const id = this.snapshot?.review.id;
    if (!id) return;
    if (!this.check(await this.backend.api.deleteReview({ reviewId: id }))) return;
    this.snapshot = undefined;
    this.panes = [];
    await this.loadReviews();
  }

  closeReview(): void {
    this.snapshot = undefined;
    this.panes = [];
    void this.loadReviews();
  }

  async openReview(reviewId: string): Promise<void> {
    const result = await this.backend.api.openReview({ reviewId });
    if (!this.check(result)) return;
    this.snapshot = result.value;
    this.saveState = result.value.saved ? 'saved' : 'saving';
    this.pinnedClaimId = undefined;
    this.panes = [];
    this.activePane = 0;
    await this.syncPanes();
  }

  private refreshRunning: Promise<void> | undefined;
  private refreshQueued: Promise<void> | undefined;

  /**
   * Reloads the open review after a change. Resolves after a reload that started after the call;
   * calls made while one runs share the next (an action's own reload and the change event it
   * causes fetch the review once, not twice).
   */
  refresh(): Promise<void> {
    if (this.refreshQueued) return this.refreshQueued;
    const previous = (this.refreshRunning ?? Promise.resolve()).catch(() => undefined);
    const next = previous.then(() => {
      this.refreshQueued = undefined;
      const run = this.reload();
      this.refreshRunning = run;
      return run.finally(() => {
        if (this.refreshRunning === run) this.refreshRunning = undefined;
      });
    });
    this.refreshQueued = next;
    return next;
  }

  private async reload(): Promise<void> {
    const id = this.snapshot?.review.id;
    if (!id) return;
    const result = await this.backend.api.openReview({ reviewId: id });
    if (!this.check(result)) return;
    if (result.value.review.id !== this.snapshot?.review.id) return;
    if (result.value.revision < (this.snapshot?.revision ?? 0)) return;
    this.snapshot = result.value;
    this.applyPending(this.pendingEdits);
    const pinned = this.pinnedClaimId;
    if (pinned && !result.value.review.tags.some((t) => t.id === pinned && t.kind === 'claim')) {
      this.pinnedClaimId = undefined;
    }
    await this.syncPanes();
  }

  /** Makes the panes match the review's pane list, loading texts as needed. */
  private async syncPanes(): Promise<void> {
    const ids = this.snapshot?.review.panes ?? [];
    const current = this.panes.map((p) => p.documentId);
    if (ids.length === current.length && ids.every((id, i) => id === current[i])) return;
    const next = ids.map(
      (id) =>
        this.panes.find((p) => p.documentId === id) ??
        new PaneState(id, () => this.tagsByDocument.get(id) ?? new Map()),
    );
    this.panes = next;
    this.activePane = Math.min(this.activePane, Math.max(0, next.length - 1));
    await Promise.all(
      next
        .filter((pane) => !pane.text)
        .map(async (pane) => {
          const text = await this.backend.api.getDocumentText({ documentId: pane.documentId });
          if (this.check(text)) pane.text = text.value;
        }),
    );
  }

  /** Imports files one after another, reporting progress and every refusal by file name. */
  async importFiles(files: File[]): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId || files.length === 0) return;
    this.importProblems = [];
    const problems: { fileName: string; message: string }[] = [];
    this.importing = { done: 0, total: files.length };
    for (const [i, file] of files.entries()) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await this.backend.api.addDocument({ reviewId, fileName: file.name, bytes });
      if (!result.ok) problems.push({ fileName: file.name, message: result.error.message });
      else {
        for (const warning of result.value.warnings) this.notify('info', warning);
        if (result.value.alreadyPresent) {
          this.notify('info', `“${file.name}” is already in this review.`);
        }
      }
      this.importing = { done: i + 1, total: files.length };
    }
    this.importing = undefined;
    this.importProblems = problems;
    await this.refresh();
  }

  /** Shows a document in a pane (replacing the last pane when all four are used). */
  async showDocument(documentId: string): Promise<PaneState | undefined> {
    const review = this.snapshot?.review;
    if (!review) return undefined;
    let panes = review.panes;
    if (!panes.includes(documentId)) {
      panes =
        panes.length < MAX_PANES ? [...panes, documentId] : [...panes.slice(0, -1), documentId];
      if (
        !this.check(await this.backend.api.setPanes({ reviewId: review.id, documentIds: panes }))
      ) {
        return undefined;
      }
      await this.refresh();
    }
    const index = this.panes.findIndex((p) => p.documentId === documentId);
    if (index === -1) return undefined;
    this.activePane = index;
    return this.panes[index];
  }

  async closePane(index: number): Promise<void> {
    const review = this.snapshot?.review;
    if (!review) return;
    const documentIds = review.panes.filter((_, i) => i !== index);
    if (this.check(await this.backend.api.setPanes({ reviewId: review.id, documentIds }))) {
      await this.refresh();
    }
  }

  async removeDocument(documentId: string): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId) return;
    if (this.check(await this.backend.api.removeDocument({ reviewId, documentId }))) {
      await this.refresh();
    }
  }

  /** Brings a tag's sentence into view in its pane and selects it. */
  async revealTag(tag: Tag): Promise<void> {
    const pane = await this.showDocument(tag.documentId);
    if (!pane) return;
    pane.select(pane.sentenceAt(tag.anchor.start));
  }

  /** The active pane's selected sentence, as a key press captures it. */
  selectedTarget(): SentenceTarget | undefined {
    const pane = this.panes[this.activePane];
    const span = pane?.selectedSpan;
    if (!pane || !span || !pane.text) return undefined;
    return { documentId: pane.documentId, start: span.start, end: span.end, text: pane.text.text };
  }

  /** The tag on a target sentence now (saved or still being saved). */
  tagOn(target: SentenceTarget): Tag | undefined {
    return this.tagsByDocument.get(target.documentId)?.get(target.start);
  }

  /**
   * Tags a sentence: shown at once, saved by the returned step (run it in turn with the other
   * keys' steps). Evidence then asks which claim it speaks to, unless a claim is pinned.
   */
  tagAt(target: SentenceTarget, kind: TagKind): () => Promise<void> {
    const pending = this.showAtOnce((tags) =>
      tagSentence(
        tags,
        {
          documentId: target.documentId,
          anchor: makeAnchor(target.text, target.start, target.end),
          kind,
        },
        this.pendingContext(),
      ),
    );
    return async () => {
      const reviewId = this.snapshot?.review.id;
      if (!reviewId) return this.settle(pending);
      const result = await this.backend.api.tagSentence({
        reviewId,
        documentId: target.documentId,
        start: target.start,
        end: target.end,
        kind,
      });
      this.settle(pending);
      await this.refresh();
      if (!this.check(result) || kind === 'claim') return;
      const tag = this.snapshot?.review.tags.find((t) => t.id === result.value.tagId);
      if (!tag) return;
      if (this.pinnedClaimId) await this.link(tag.id, this.pinnedClaimId);
      else if (this.claimEntries.length > 0) this.linking = tag;
      else this.notify('info', `Tagged as ${kind}. Tag a claim, then link this ${kind} to it.`);
    };
  }

  /** Removes a sentence's tag: shown at once, saved by the returned step. */
  untagAt(target: SentenceTarget): () => Promise<void> {
    const pending = this.showAtOnce((tags) => {
      const tag = tags.find(
        (t) => t.documentId === target.documentId && t.anchor.start === target.start,
      );
      const removal = tag ? removeTag(tags, tag.id, this.pendingContext()) : undefined;
      return removal?.ok ? removal.value : { label: 'remove', patches: [] };
    });
    return async () => {
      this.settle(pending);
      const reviewId = this.snapshot?.review.id;
      // Earlier steps have been saved by now, so the tag here has its real id.
      const tag = this.tagOn(target);
      if (!reviewId || !tag) return this.refresh();
      const pendingAgain = this.showAtOnce((tags) => {
        const removal = removeTag(tags, tag.id, this.pendingContext());
        return removal.ok ? removal.value : { label: 'remove', patches: [] };
      });
      const result = await this.backend.api.removeTag({ reviewId, tagId: tag.id });
      this.settle(pendingAgain);
      this.check(result);
      await this.refresh();
    };
  }

  /** Edits not yet saved, shown on top of every reload until their call returns. */
  private pendingEdits: { id: number; edit: (tags: readonly Tag[]) => TagEdit }[] = [];
  private nextPendingId = 0;

  /**
   * Shows an edit before the back end confirms it, so a key press is answered at once; reloads
   * keep showing it until {@link settle}, after which the saved state stands (or, if the call
   * failed, the old one comes back).
   */
  private showAtOnce(edit: (tags: readonly Tag[]) => TagEdit): number {
    const id = this.nextPendingId++;
    this.pendingEdits.push({ id, edit });
    this.applyPending([{ edit }]);
    return id;
  }

  private settle(id: number): void {
    this.pendingEdits = this.pendingEdits.filter((p) => p.id !== id);
  }

  private applyPending(edits: readonly { edit: (tags: readonly Tag[]) => TagEdit }[]): void {
    const snapshot = this.snapshot;
    if (!snapshot || edits.length === 0) return;
    let tags = snapshot.review.tags;
    for (const { edit } of edits) tags = applyEdit(tags, edit(tags), 'forward');
    this.snapshot = { ...snapshot, review: { ...snapshot.review, tags }, saved: false };
  }

  private pendingContext(): EditContext {
    return { author: '', now: new Date().toISOString(), newId: () => 'pending' };
  }

  async link(evidenceId: string, claimId: string): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId) return;
    if (this.check(await this.backend.api.linkEvidence({ reviewId, evidenceId, claimId }))) {
      await this.refresh();
    }
  }

  async unlink(evidenceId: string, claimId: string): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId) return;
    if (this.check(await this.backend.api.unlinkEvidence({ reviewId, evidenceId, claimId }))) {
      await this.refresh();
    }
  }

  async saveNote(tagId: string, note: string): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId) return;
    if (this.check(await this.backend.api.setNote({ reviewId, tagId, note }))) await this.refresh();
  }

  /** Asks which claim a confirmation or contradiction speaks to. */
  startLinking(target = this.selectedTarget()): void {
    const tag = target && this.tagOn(target);
    if (!tag || tag.kind === 'claim') {
      this.notify('info', 'Select a confirmation or contradiction to link it to a claim.');
    } else if (this.claimEntries.length === 0) {
      this.notify('info', 'There are no claims to link to yet; tag a claim first.');
    } else this.linking = tag;
  }

  /** Pins the selected claim (or unpins): new evidence links to it without asking. */
  togglePin(target = this.selectedTarget()): void {
    const tag = target && this.tagOn(target);
    if (tag?.kind === 'claim')
      this.pinnedClaimId = this.pinnedClaimId === tag.id ? undefined : tag.id;
    else if (this.pinnedClaimId) this.pinnedClaimId = undefined;
    else this.notify('info', 'Select a claim to pin it; new evidence then links to it directly.');
  }

  async undo(): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId) return;
    const result = await this.backend.api.undo({ reviewId });
    if (this.check(result)) await this.refresh();
  }

  async redo(): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId) return;
    const result = await this.backend.api.redo({ reviewId });
    if (this.check(result)) await this.refresh();
  }

  /**
   * Merges a colleague's annotation file into the open review and shows what it did; when some of
   * its documents cannot be matched, first asks which documents they are.
   */
  async importAnnotations(file: File): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const documents = await this.backend.api.annotationFileDocuments({
      reviewId,
      fileName: file.name,
      bytes,
    });
    if (!documents.ok) {
      this.notify('error', `“${file.name}” was not imported: ${documents.error.message}`);
      return;
    }
    if (documents.value.needsChoice.length > 0) {
      this.choosingDocuments = {
        fileName: file.name,
        bytes,
        sources: documents.value.needsChoice,
      };
      return;
    }
    await this.mergeAnnotationFile(file.name, bytes, {});
  }

  /** Imports an annotation file with the reviewer's document choices. */
  async mergeAnnotationFile(
    fileName: string,
    bytes: Uint8Array,
    documentMatches: Record<string, string>,
  ): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId) return;
    const result = await this.backend.api.importAnnotations({
      reviewId,
      fileName,
      bytes,
      documentMatches,
    });
    if (!result.ok) {
      this.notify('error', `“${fileName}” was not imported: ${result.error.message}`);
      return;
    }
    if ('needsChoice' in result.value) return; // not with documentMatches given
    await this.refresh();
    this.sharingDialog = { summary: result.value };
  }

  async resolveConflict(tagId: string): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId) return;
    if (
      this.check(await this.backend.api.resolveConflict({ reviewId, tagId, action: 'keep-other' }))
    ) {
      await this.refresh();
    }
  }

  async confirmPlacement(tagId: string): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId) return;
    if (this.check(await this.backend.api.confirmPlacement({ reviewId, tagId }))) {
      await this.refresh();
    }
  }

  /** How many conflicts, orphans and placements to check the open review has. */
  get sharingAttention(): number {
    const sharing = this.snapshot?.review.sharing;
    if (!sharing) return 0;
    return sharing.conflicts.length + sharing.orphans.length + sharing.needsReview.length;
  }

  /** Exports the open review (the brief or the annotation file) through the host. */
  async exportFile(kind: ExportKind): Promise<void> {
    const reviewId = this.snapshot?.review.id;
    if (!reviewId || this.exporting) return;
    this.exporting = { kind, fraction: 0 };
    try {
      const result = await this.backend.host.exportFile(kind, reviewId);
      if (!this.check(result)) return;
      const what = kind === 'brief' ? 'The brief' : 'The annotation file';
      const outcome = result.value;
      if ('savedTo' in outcome) this.notify('info', `${what} was saved to ${outcome.savedTo}.`);
      else if ('downloaded' in outcome) {
        this.notify('info', `${what} was downloaded as “${outcome.downloaded}”.`);
      }
    } finally {
      this.exporting = undefined;
    }
  }

  notify(kind: Notice['kind'], text: string): void {
    this.notices = [...this.notices.filter((n) => n.text !== text), { kind, text }].slice(-4);
  }

  dismiss(notice: Notice): void {
    this.notices = this.notices.filter((n) => n !== notice);
  }

  /** Shows a failure's message; returns whether the result succeeded. */
  private check<T>(result: Result<T, Problem>): result is { ok: true; value: T } {
    if (!result.ok) this.notify('error', result.error.message);
    return result.ok;
  }
}
