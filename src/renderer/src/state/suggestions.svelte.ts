// Suggested evidence for the claim last selected: the list main suggests, the row the reviewer is
// on, indexing progress, and what accepting, dismissing and opening a suggestion do.
import type { Suggestion } from '../../../core/suggest/types';
import type { Tag } from '../../../core/review/types';
import type { ReviewEvents } from '../../../shared/review-api';
import type { Workspace } from './workspace.svelte';

/** How far main got indexing the review's documents. */
export type IndexingProgress = ReviewEvents['suggestionIndex'];

/** How many suggestions the list shows. */
const SUGGESTIONS_SHOWN = 10;

/** The suggestions list of the workspace. */
export class SuggestionsState {
  /** The claim the list is for: the claim selected last (kept while other sentences are). */
  claimId = $state<string | undefined>();
  list = $state.raw<Suggestion[]>([]);
  /** Index of the row the reviewer is on. */
  selected = $state(0);
  /** Set while main is still indexing; undefined once it is done. */
  indexing = $state.raw<IndexingProgress | undefined>();
  /** True until the first answer for the current claim arrived. */
  loading = $state(false);
  private asked = 0;

  constructor(private readonly workspace: Workspace) {}

  /** The claim's tag, while it is still a claim of the review. */
  claim = $derived.by((): Tag | undefined => {
    const id = this.claimId;
    return this.workspace.review?.tags.find((t) => t.id === id && t.kind === 'claim');
  });

  /** The suggestion on the selected row. */
  get current(): Suggestion | undefined {
    return this.list[this.selected];
  }

  /** Shows suggestions for a claim (the panel then asks for them; a no-op when shown already). */
  follow(claimId: string): void {
    if (claimId === this.claimId) return;
    this.claimId = claimId;
    this.list = [];
    this.selected = 0;
  }

  /** Forgets the claim and the list (another review opened). */
  reset(): void {
    this.claimId = undefined;
    this.list = [];
    this.selected = 0;
    this.indexing = undefined;
  }

  /** Progress pushed by main: shown, and the list asked again as each document is done. */
  receiveProgress(progress: IndexingProgress): void {
    if (progress.reviewId !== this.workspace.review?.id) return;
    const before = this.indexing?.documents?.done;
    const finished = progress.done >= progress.total;
    this.indexing = finished ? undefined : progress;
    if (finished || progress.documents?.done !== before) void this.refresh();
  }

  /** Asks main for the claim's suggestions again, keeping the row the reviewer was on. */
  async refresh(): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    const claimId = this.claim?.id;
    if (!reviewId || !claimId) {
      this.list = [];
      return;
    }
    const ask = ++this.asked;
    this.loading = this.list.length === 0;
    const reply = await ws.backend.api
      .suggestEvidence({ reviewId, claimId, top: SUGGESTIONS_SHOWN })
      .catch(() => undefined);
    if (ask !== this.asked) return; // a newer question is on its way
    this.loading = false;
    if (!reply?.ok) {
      if (reply) ws.notify('error', reply.error.message);
      return;
    }
    this.list = reply.value.suggestions;
    this.selected = Math.max(0, Math.min(this.selected, this.list.length - 1));
    if (reply.value.indexing && !this.indexing) {
      this.indexing = { reviewId, ...reply.value.indexing };
    } else if (!reply.value.indexing) this.indexing = undefined;
  }

  /** Moves the selected row by `delta`, within the list. */
  move(delta: number): void {
    if (this.list.length === 0) return;
    this.selected = Math.max(0, Math.min(this.list.length - 1, this.selected + delta));
  }

  /** Tags the selected suggestion as evidence of the claim and links it, in one undo step. */
  async accept(kind: 'confirmation' | 'contradiction'): Promise<void> {
    const ws = this.workspace;
    const suggestion = this.current;
    const claimId = this.claim?.id;
    const reviewId = ws.review?.id;
    if (!suggestion || !claimId || !reviewId) return;
    const { documentId, start, end } = suggestion;
    const facet = suggestion.facet === 'source' ? { facet: 'source' as const } : {};
    const reply = await ws.call(
      ws.backend.api.acceptSuggestion({
        reviewId,
        claimId,
        documentId,
        start,
        end,
        kind,
        ...facet,
      }),
    );
    if (reply) this.drop(suggestion);
  }

  /** Dismisses the selected suggestion for the claim (stored in the review, undoable). */
  async dismiss(): Promise<void> {
    const ws = this.workspace;
    const suggestion = this.current;
    const claimId = this.claim?.id;
    const reviewId = ws.review?.id;
    if (!suggestion || !claimId || !reviewId) return;
    const { documentId, start, end } = suggestion;
    const reply = await ws.call(
      ws.backend.api.dismissSuggestion({ reviewId, claimId, documentId, start, end }),
    );
    if (reply) this.drop(suggestion);
  }

  /**
   * Takes a suggestion off the list at once (the list is asked again after every change), so the
   * row selected is the next suggestion.
   */
  private drop(suggestion: Suggestion): void {
    this.list = this.list.filter((s) => s !== suggestion);
    this.selected = Math.max(0, Math.min(this.selected, this.list.length - 1));
  }

  /** Shows the selected suggestion's sentence in its pane, selected and scrolled into view. */
  async open(): Promise<void> {
    const suggestion = this.current;
    if (!suggestion) return;
    const pane = await this.workspace.showDocument(suggestion.documentId);
    pane?.select(pane.sentenceAt(suggestion.start));
  }
}
