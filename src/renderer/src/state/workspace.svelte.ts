// The workspace: which review is open (its replica), its panes, selection, dialogs and messages.
// Components render it; it decides; src/core computes. Every call to the back end goes through
// `call`, which reports failures and waits until the replica holds the change a call made.
import { sentenceAtOrBefore } from '../../../core/text/sentence-bounds';
import type { SyncConflict } from '../../../core/sync/sync-conflict';
import { CLAIM_STATUS_ORDER, type ClaimWithEvidence } from '../../../core/review/claim-status';
import { memoClaimsWithEvidence } from '../../../core/review/claims-memo';
import type { ReviewSummary, Tag } from '../../../core/review/types';
import type { Problem, Result } from '../../../core/result';
import type { ExportKind } from '../../../shared/host-info';
import type { ReviewEvent, SyncStatus } from '../../../shared/review-api';
import type { Backend } from '../lib/backend';
import { displayText } from '../lib/labels';
import { focusPane, restoreFocus, rememberFocus } from './focus';
import type { Modal } from './modal';
import { PaneState } from './pane-state.svelte';
import { ReviewReplica, type SaveState } from './review-replica.svelte';
import { SuggestionsState } from './suggestions.svelte';
import { UnseenState } from './unseen.svelte';

/** Most panes side by side. */
const MAX_PANES = 4;

/** A message shown to the person: what happened, in one sentence. */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** Where an import of documents is: reading a file, main importing it, or showing the texts. */
export interface ImportProgress {
  done: number;
  total: number;
  fileName: string;
  stage: 'reading' | 'importing' | 'showing';
}

/** A file that was not imported, and why. */
export interface ImportProblem {
  fileName: string;
  message: string;
}

/** The state of the whole window. */
export class Workspace {
  reviews = $state.raw<ReviewSummary[]>([]);
  replica = $state.raw<ReviewReplica | undefined>();
  panes = $state.raw<PaneState[]>([]);
  activePane = $state(0);
  notices = $state.raw<Notice[]>([]);
  importProblems = $state.raw<ImportProblem[]>([]);
  importing = $state<ImportProgress | undefined>();
  pinnedClaimId = $state<string | undefined>();
  modal = $state.raw<Modal | undefined>();
  loaded = $state(false);
  /** An export being written, with its progress from 0 to 1. */
  exporting = $state<{ kind: ExportKind; fraction: number } | undefined>();
  /** Suggested evidence for the claim selected last. */
  readonly suggestions: SuggestionsState = new SuggestionsState(this);
  /** Tags new from teammates (team sync). */
  readonly unseen: UnseenState = new UnseenState(this);
  private returnFocus: HTMLElement | undefined;

  constructor(readonly backend: Backend) {}

  /** The open review, as main last said it is. */
  review = $derived(this.replica?.review);

  /** What the save indicator shows. */
  saveState = $derived<SaveState>(this.replica?.saveState ?? 'saved');

  /**
   * Tags of each document, keyed by sentence start. In an open document, a tag that starts inside
   * a sentence (one made before the segmenter read that text differently) is keyed by the start of
   * the sentence it is in, so it still shows, and can be changed or cleared, on that row.
   */
  tagsByDocument = $derived.by(() => {
    const map = new Map<string, Map<number, Tag>>();
    for (const tag of this.review?.tags ?? []) {
      let byStart = map.get(tag.documentId);
      if (!byStart) map.set(tag.documentId, (byStart = new Map()));
      byStart.set(tag.anchor.start, tag);
    }
    for (const pane of this.panes) {
      const byStart = map.get(pane.documentId);
      const sentences = pane.text?.sentences;
      if (byStart && sentences) snapToSentences(byStart, sentences);
    }
    return map;
  });

  private readonly deriveClaims = memoClaimsWithEvidence();

  /**
   * Every claim with its evidence and status, derived from the tags (src/core). The same array while
   * no claim or link changed, so the sorted list and the claim picker do not recompute.
   */
  claimEntries = $derived(this.deriveClaims(this.review?.tags ?? []));

  /** The review's documents: the same array while only tags change, so what depends on it stays. */
  private readonly documents = $derived(this.review?.documents);

  /** Each document's place in the review. */
  private readonly documentOrder = $derived(new Map(this.documents?.map((d, i) => [d.id, i])));

  /** Claims with evidence, disputed first, then in document order. */
  claims = $derived.by((): ClaimWithEvidence[] => {
    const docOrder = this.documentOrder;
    return [...this.claimEntries].sort(
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
    if (!tag) return this.lastRelated.size === 0 ? this.lastRelated : (this.lastRelated = related);
    if (tag.kind === 'claim') {
      const entry = this.claimEntries.find((c) => c.claim.id === tag.id);
      for (const e of [...(entry?.confirmations ?? []), ...(entry?.contradictions ?? [])]) {
        related.add(e.id);
      }
    } else for (const id of tag.claimIds ?? []) related.add(id);
    // The same set while its members stay, so rows that ask it do not re-render on each change.
    const last = this.lastRelated;
    if (last.size === related.size && [...related].every((id) => last.has(id))) return last;
    return (this.lastRelated = related);
  });
  private lastRelated = new Set<string>();

  /** Tags an import placed approximately, to be confirmed by the reviewer. */
  needsReview = $derived(new Set(this.review?.sharing?.needsReview ?? []));

  /** Concurrent edits of the open review by teammates (team sync), waiting for a pick. */
  syncConflicts = $state<SyncConflict[]>([]);
  /** The open review's team connection and who else has it open (null: not synced). */
  syncStatus = $state<SyncStatus | null>(null);
  /**
   * Why the open review does not sync though it was set to (a resume that failed, settings that
   * cannot be read), in plain words; undefined while it syncs or was never set to.
   */
  teamSyncProblem = $state<string | undefined>();

  /**
   * How many conflicts (of tags, of verdicts, of teammates' concurrent edits), orphans and
   * placements the open review has.
   */
  sharingAttention = $derived.by(() => {
    const sharing = this.review?.sharing;
    const synced = this.review ? this.syncConflicts.length : 0;
    if (!sharing) return synced;
    const verdicts = sharing.judgementConflicts?.length ?? 0;
    return (
      synced +
      sharing.conflicts.length +
      verdicts +
      sharing.orphans.length +
      sharing.needsReview.length
    );
  });

  /** Document title by id, safe to show (bidi controls visible). */
  titleOf(documentId: string): string {
    const title = this.review?.documents.find((d) => d.id === documentId)?.title;
    return title === undefined ? 'Unknown document' : displayText(title);
  }

  /** Subscribes to the back end, loads the review list and reopens the last review. */
  async init(): Promise<void> {
    this.backend.onEvent((event) => this.receive(event));
    this.backend.onConnection?.((up: boolean) => {
      if (!up) this.replica?.markUnreachable();
      else if (this.replica) void this.replica.resync(true).then(() => this.syncPanes());
    });
    const last = await this.loadReviews();
    if (last) await this.openReview(last);
    this.loaded = true;
  }

  private receive(event: ReviewEvent): void {
    const replica = this.replica;
    switch (event.name) {
      case 'reviewsChanged':
        void this.loadReviews();
        return;
      case 'saveState':
        // A failure's message shows in the save banner (Messages) for as long as it lasts.
        replica?.receiveSaveState(event.payload);
        return;
      case 'exportProgress':
        if (event.payload.reviewId !== replica?.id) return;
        if (event.payload.notice) this.notify('info', event.payload.notice);
        if (this.exporting) {
          this.exporting = { kind: event.payload.kind, fraction: event.payload.fraction };
        }
        return;
      case 'suggestionIndex':
        this.suggestions.receiveProgress(event.payload);
        return;
      case 'reviewChanged':
        if (replica?.receive(event.payload) === 'applied') this.afterChange();
        return;
      case 'syncStatus':
        if (event.payload.reviewId === replica?.id) {
          this.syncStatus = event.payload.status;
          if (event.payload.status) this.teamSyncProblem = undefined;
          else void this.readTeamSyncProblem(event.payload.reviewId);
        }
        return;
      case 'syncConflicts':
        if (event.payload.reviewId === replica?.id) this.syncConflicts = event.payload.conflicts;
        return;
      case 'unseenChanged':
        this.unseen.receive(event.payload);
        return;
    }
  }

  /** Keeps panes and the pinned claim in step with the review after any change. */
  private afterChange(): void {
    const pinned = this.pinnedClaimId;
    if (pinned && !this.review?.tags.some((t) => t.id === pinned && t.kind === 'claim')) {
      this.pinnedClaimId = undefined;
    }
    void this.syncPanes();
  }

  /**
   * Runs a call: a failure is shown in words and gives undefined; a success that changed the
   * review resolves only once the replica holds that change.
   */
  async call<T>(pending: Promise<Result<T, Problem>>): Promise<T | undefined> {
    let result: Result<T, Problem>;
    try {
      result = await pending;
    } catch {
      result = { ok: false, error: { code: 'offline', message: UNREACHABLE } };
    }
    if (!result.ok) {
      if (result.error.code === 'offline') this.replica?.markUnreachable();
      this.notify('error', result.error.message);
      return undefined;
    }
    const revision = (result.value as { revision?: unknown } | null)?.revision;
    if (typeof revision === 'number' && this.replica) {
      await this.replica.awaitRevision(revision);
      this.afterChange();
    }
    return result.value;
  }

  /** Loads the review list; resolves with the id of the review that was open last. */
  async loadReviews(): Promise<string | undefined> {
    const list = await this.call(this.backend.api.listReviews({}));
    if (!list) return undefined;
    this.reviews = list.reviews;
    for (const notice of list.notices) this.notify('error', notice);
    return list.lastReviewId;
  }

  async createReview(name: string): Promise<void> {
    const created = await this.call(this.backend.api.createReview({ name }));
    if (created) await this.openReview(created.id);
  }

  async openSample(): Promise<void> {
    const sample = await this.call(this.backend.api.openSampleReview({}));
    if (sample) await this.openReview(sample.id);
  }

  async openReview(reviewId: string): Promise<void> {
    const snapshot = await this.call(this.backend.api.openReview({ reviewId }));
    if (!snapshot) return;
    const api = this.backend.api;
    this.replica = new ReviewReplica(snapshot, async () => {
      const fresh = await api.openReview({ reviewId });
      return fresh.ok ? fresh.value : undefined;
    });
    this.notices = [];
    this.importProblems = [];
    this.pinnedClaimId = undefined;
    this.suggestions.reset();
    this.modal = undefined;
    this.panes = [];
    this.activePane = 0;
    this.syncConflicts = [];
    this.syncStatus = null;
    this.teamSyncProblem = undefined;
    const [listed, status] = await Promise.all([
      api.getSyncConflicts({ reviewId }),
      api.getSyncStatus({ reviewId }),
      this.unseen.load(reviewId),
    ]);
    if (listed.ok && this.replica?.id === reviewId) this.syncConflicts = listed.value.conflicts;
    if (status.ok && this.replica?.id === reviewId) this.syncStatus = status.value.status;
    void this.readTeamSyncProblem(reviewId).then((problem) => {
      if (problem) this.notify('error', `Team sync: ${problem} (review menu → Team sync…)`);
    });
    await this.syncPanes();
  }

  /**
   * Reads why a review set to sync with a team does not (damaged settings, a failed resume) into
   * `teamSyncProblem`, which the top bar shows until it syncs; resolves with it.
   */
  async readTeamSyncProblem(reviewId = this.replica?.id): Promise<string | undefined> {
    if (reviewId === undefined) return undefined;
    try {
      const info = await this.backend.api.getTeamSync({ reviewId });
      if (!info.ok || this.replica?.id !== reviewId) return undefined;
      // Main leaves the problem out while the review syncs.
      this.teamSyncProblem = info.value.problem;
      return info.value.problem;
    } catch {
      return undefined; // Not answering: the save indicator says so already.
    }
  }

  closeReview(): void {
    this.replica = undefined;
    this.syncConflicts = [];
    this.syncStatus = null;
    this.teamSyncProblem = undefined;
    this.unseen.reset();
    this.suggestions.reset();
    this.panes = [];
    this.notices = [];
    this.importProblems = [];
    this.modal = undefined;
    void this.loadReviews();
  }

  async renameReview(name: string): Promise<void> {
    const id = this.review?.id;
    if (id) await this.call(this.backend.api.renameReview({ reviewId: id, name }));
  }

  async deleteReview(): Promise<void> {
    const id = this.review?.id;
    if (!id) return;
    if ((await this.call(this.backend.api.deleteReview({ reviewId: id }))) === undefined) return;
    this.closeReview();
  }

  /** Makes the panes match the review's pane list, loading texts as needed. */
  async syncPanes(): Promise<void> {
    const ids = this.review?.panes ?? [];
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
        .filter((pane) => !pane.text && !pane.loading)
        .map(async (pane) => {
          pane.loading = true;
          const text = await this.call(
            this.backend.api.getDocumentText({ documentId: pane.documentId }),
          );
          pane.loading = false;
          if (text) pane.text = text;
        }),
    );
  }

  /** Shows a document in a pane; when four are shown, says which one it replaced. */
  async showDocument(documentId: string): Promise<PaneState | undefined> {
    const review = this.review;
    if (!review) return undefined;
    let panes = review.panes;
    if (!panes.includes(documentId)) {
      const replaced = panes.length >= MAX_PANES ? panes.at(-1) : undefined;
      panes = replaced ? [...panes.slice(0, -1), documentId] : [...panes, documentId];
      const done = await this.call(
        this.backend.api.setPanes({ reviewId: review.id, documentIds: panes }),
      );
      if (!done) return undefined;
      await this.syncPanes();
      if (replaced) {
        this.notify(
          'info',
          `Four documents fit side by side, so “${this.titleOf(documentId)}” replaced “${this.titleOf(replaced)}” (its tags are kept; show it again below).`,
        );
      }
    }
    const index = this.panes.findIndex((p) => p.documentId === documentId);
    if (index === -1) return undefined;
    this.activePane = index;
    return this.panes[index];
  }

  async closePane(index: number): Promise<void> {
    const review = this.review;
    if (!review) return;
    const documentIds = review.panes.filter((_, i) => i !== index);
    if (await this.call(this.backend.api.setPanes({ reviewId: review.id, documentIds }))) {
      focusPane(Math.min(index, documentIds.length - 1));
    }
  }

  async removeDocument(documentId: string): Promise<void> {
    const reviewId = this.review?.id;
    if (reviewId) await this.call(this.backend.api.removeDocument({ reviewId, documentId }));
  }

  /** Brings a tag's sentence into view in its pane and selects it. */
  async revealTag(tag: Tag): Promise<void> {
    const pane = await this.showDocument(tag.documentId);
    if (!pane) return;
    pane.select(pane.sentenceAt(tag.anchor.start));
  }

  /** Opens a dialog, remembering where focus was so closing it can give focus back. */
  openModal(modal: Modal): void {
    if (!this.modal) this.returnFocus = rememberFocus();
    this.modal = modal;
  }

  /** Closes the dialog and gives focus back to where it was (or to the active pane). */
  closeModal(): void {
    this.modal = undefined;
    const target = this.returnFocus;
    this.returnFocus = undefined;
    restoreFocus(target, this.activePane);
  }

  notify(kind: Notice['kind'], text: string): void {
    this.notices = [...this.notices.filter((n) => n.text !== text), { kind, text }].slice(-4);
  }

  dismiss(notice: Notice): void {
    this.notices = this.notices.filter((n) => n !== notice);
  }
}

const UNREACHABLE =
  'Crosscheck’s back end is not answering, so this change was not made; start it again, then reload.';

/** Re-keys tags that start inside a sentence by that sentence's start, unless a tag is there. */
function snapToSentences(byStart: Map<number, Tag>, sentences: readonly number[]): void {
  for (const [start, tag] of [...byStart]) {
    const at = sentenceAtOrBefore(sentences, start);
    const sentenceStart = sentences[2 * at];
    if (sentenceStart === undefined || sentenceStart === start || byStart.has(sentenceStart)) {
      continue;
    }
    byStart.delete(start);
    byStart.set(sentenceStart, tag);
  }
}
