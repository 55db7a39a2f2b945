// Tags new from teammates (team sync): which the open review has, marking them seen when the
// reviewer moves the cursor onto their sentence (batched into one call), and going to the next.
import { tick } from 'svelte';
import type { Tag } from '../../../core/review/types';
import type { UnseenTag } from '../../../shared/review-api';
import { focusPane } from './focus';
import type { Workspace } from './workspace.svelte';

/** How long looks are gathered before they are sent as one markSeen (ms). */
export const SEEN_BATCH_MS = 300;

/** Where a tag or the cursor is: a document and an offset in it. */
interface Place {
  documentId: string;
  start: number;
}

/** The open review's tags new from others. */
export class UnseenState {
  /** As main last said, minus tags looked at since (not sent yet, or on their way). */
  tags = $state.raw<UnseenTag[]>([]);
  /** By tag id, for the rows. */
  byTag = $derived(new Map(this.tags.map((t) => [t.tagId, t])));
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cursor: string | undefined;

  constructor(private readonly ws: Workspace) {}

  /** Loads the review's list (on open). */
  async load(reviewId: string): Promise<void> {
    this.reset();
    const reply = await this.ws.backend.api.getUnseen({ reviewId }).catch(() => undefined);
    if (reply?.ok && this.ws.replica?.id === reviewId) this.show(reply.value.tags);
  }

  /** Takes main's list (the unseenChanged event). */
  receive(payload: { reviewId: string; tags: UnseenTag[] }): void {
    if (payload.reviewId === this.ws.replica?.id) this.show(payload.tags);
  }

  /** Forgets everything (the review closed or another opened). */
  reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    this.cursor = undefined;
    this.tags = [];
  }

  /**
   * Told where the cursor is (pane document and sentence) and the tag there: a move onto a
   * tagged sentence marks its tag seen. Where the cursor starts, and a tag arriving under a
   * cursor that stays, are not looks.
   */
  cursorAt(position: string | undefined, tagId: string | undefined): void {
    const moved = this.cursor !== undefined && position !== this.cursor;
    this.cursor = position;
    if (moved && tagId) this.look(tagId);
  }

  /** Marks a tag seen: its badge goes at once, main hears of it with the looks that follow. */
  look(tagId: string): void {
    if (!this.byTag.has(tagId)) return;
    this.pending.add(tagId);
    this.tags = this.tags.filter((t) => t.tagId !== tagId);
    this.timer ??= setTimeout(() => void this.send(), SEEN_BATCH_MS);
  }

  /** Marks every tag seen; focus goes to the active pane (the button leaves). */
  async markAll(): Promise<void> {
    const reviewId = this.ws.replica?.id;
    if (!reviewId) return;
    this.tags = [];
    focusPane(this.ws.activePane);
    const reply = await this.ws.call(this.ws.backend.api.markSeen({ reviewId, all: true }));
    if (reply) this.show(reply.tags);
  }

  /** The unseen tag after the cursor in reading order (documents in review order), wrapping. */
  next(): Tag | undefined {
    const review = this.ws.review;
    if (!review || this.tags.length === 0) return undefined;
    const order = new Map(review.documents.map((d, i) => [d.id, i]));
    const before = (a: Place, b: Place) =>
      (order.get(a.documentId) ?? order.size) - (order.get(b.documentId) ?? order.size) ||
      a.start - b.start;
    const unseen = review.tags
      .filter((t) => this.byTag.has(t.id))
      .map((tag) => ({ tag, documentId: tag.documentId, start: tag.anchor.start }))
      .sort(before);
    const pane = this.ws.panes[this.ws.activePane];
    const span = pane?.selectedSpan;
    const here = pane && span ? { documentId: pane.documentId, start: span.start } : undefined;
    return (unseen.find((u) => !here || before(u, here) > 0) ?? unseen[0])?.tag;
  }

  /** Moves the cursor (and focus) to the next unseen tag, showing its document if needed. */
  async goToNext(): Promise<void> {
    const tag = this.next();
    if (!tag) return;
    await this.ws.revealTag(tag);
    this.look(tag.id);
    // A pane just opened is on the page after the next update.
    await tick();
    focusPane(this.ws.activePane);
  }

  private show(tags: UnseenTag[]): void {
    this.tags = tags.filter((t) => !this.pending.has(t.tagId));
  }

  private async send(): Promise<void> {
    this.timer = undefined;
    const reviewId = this.ws.replica?.id;
    const tagIds = [...this.pending];
    if (!reviewId || tagIds.length === 0) return;
    const reply = await this.ws.call(this.ws.backend.api.markSeen({ reviewId, tagIds }));
    for (const id of tagIds) this.pending.delete(id);
    if (reply && this.ws.replica?.id === reviewId) this.show(reply.tags);
  }
}
