// A review held in memory while in use: its database, undo history, revision counter and the
// group-commit writer that acknowledges an edit only once it is on disk.
import type { Low } from 'lowdb';
import { emptySharing, recordRemovals } from '../../core/annotations/review-sharing';
import { EditHistory } from '../../core/review/edit-history';
import { applyEdit, type TagEdit } from '../../core/review/tag-edits';
import type { Review } from '../../core/review/types';
import { WriteCoalescer } from '../store/write-coalescer';

/** What an open review reports as it changes and saves. */
export interface OpenReviewListener {
  changed(reviewId: string, revision: number): void;
  saveState(reviewId: string, state: 'saving' | 'saved' | 'failed', message?: string): void;
}

/** One loaded review. */
export class OpenReview {
  readonly history = new EditHistory();
  revision = 0;
  private unsaved = 0;
  private readonly writer: WriteCoalescer;

  constructor(
    private readonly db: Low<Review>,
    private readonly listener: OpenReviewListener,
    private readonly clock: () => string,
    private readonly author: string,
  ) {
    this.writer = new WriteCoalescer(() => this.db.write());
  }

  /** The review's current data (do not mutate; use `update`). */
  get review(): Review {
    return this.db.data;
  }

  /** True when every change made so far is on disk. */
  get saved(): boolean {
    return this.unsaved === 0;
  }

  /** Applies a tag edit, records it for undo, and resolves once it is on disk. */
  async applyEdit(edit: TagEdit, recordForUndo = true): Promise<void> {
    if (edit.patches.length === 0) return;
    if (recordForUndo) this.history.record(edit);
    await this.update((review) => this.run(review, edit, 'forward'));
  }

  /** Runs an edit backwards (undo) or forwards (redo) without touching the history. */
  async replay(edit: TagEdit, direction: 'forward' | 'back'): Promise<void> {
    await this.update((review) => this.run(review, edit, direction));
  }

  /** Applies an edit and keeps the sharing state in step: removals recorded, marks of gone tags dropped. */
  private run(review: Review, edit: TagEdit, direction: 'forward' | 'back'): void {
    review.tags = applyEdit(review.tags, edit, direction);
    const sharing = review.sharing ?? emptySharing();
    const context = { author: this.author, now: this.clock() };
    const removed = recordRemovals(sharing.removed, edit, direction, context);
    let needsReview = sharing.needsReview;
    if (needsReview.length > 0) {
      const present = new Set(review.tags.map((t) => t.id));
      needsReview = needsReview.filter((id) => present.has(id));
    }
    if (removed.length > 0 || review.sharing) review.sharing = { ...sharing, removed, needsReview };
  }

  /** Changes the review, bumps its revision and resolves once the change is on disk. */
  async update(change: (review: Review) => void): Promise<void> {
    change(this.db.data);
    this.db.data.modified = this.clock();
    this.revision++;
    this.unsaved++;
    this.listener.changed(this.db.data.id, this.revision);
    this.listener.saveState(this.db.data.id, 'saving');
    try {
      await this.writer.request();
    } catch (error) {
      this.listener.saveState(
        this.db.data.id,
        'failed',
        `Your latest changes could not be saved (${(error as Error).message}); they are kept in this window, and the next change will try again.`,
      );
      throw error;
    } finally {
      this.unsaved--;
    }
    if (this.unsaved === 0) this.listener.saveState(this.db.data.id, 'saved');
  }

  /** Resolves when nothing is waiting to be written. */
  flush(): Promise<void> {
    return this.writer.idle();
  }
}
