// A review held in memory while in use: its database, undo history, revision counter and the
// group-commit writer. Every change goes through `commit`: applied with applyChange, pushed as
// it was applied, then written; a failed write keeps the change in memory and is retried.
import type { Low } from 'lowdb';
import { emptySharing, recordRemovals } from '../../core/annotations/review-sharing';
import { EditHistory } from '../../core/review/edit-history';
import {
  applyChange,
  batch,
  type ReviewChange,
  type ReviewFieldsChange,
} from '../../core/review/review-change';
import type { TagPatch } from '../../core/review/tag-edits';
import type { Review } from '../../core/review/types';
import type { HistoryLabels } from '../../shared/review-api';
import { fsReason } from '../store/fs-problem';
import { WriteCoalescer } from '../store/write-coalescer';

/** What an open review reports as it changes and saves. */
export interface OpenReviewListener {
  changed(reviewId: string, revision: number, change: ReviewChange, history: HistoryLabels): void;
  saveState(
    reviewId: string,
    state: 'saving' | 'saved' | 'failed',
    savedRevision: number,
    message?: string,
  ): void;
}

/** How an open review retries a failed write: first after `firstMs`, doubling up to `maxMs`. */
export interface RetryPolicy {
  firstMs: number;
  maxMs: number;
}

/** One loaded review. */
export class OpenReview {
  readonly history = new EditHistory();
  /** The number of changes made since the review was loaded. */
  revision = 0;
  /** Every change up to this revision is on disk. */
  savedRevision = 0;
  /** The message of the last write failure, until a write succeeds. */
  lastFailure: string | undefined;
  /** Why the last write failed, as a clause ("the disk is full"), until a write succeeds. */
  failureReason: string | undefined;
  private readonly writer: WriteCoalescer;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs: number;

  constructor(
    private readonly db: Low<Review>,
    private readonly listener: OpenReviewListener,
    private readonly clock: () => string,
    /** Who edits now (the reviewer's name can change while the review is open). */
    private readonly author: () => string,
    private readonly retry: RetryPolicy = { firstMs: 1000, maxMs: 30_000 },
  ) {
    this.retryMs = retry.firstMs;
    this.writer = new WriteCoalescer(async () => {
      const revision = this.revision;
      await this.db.write();
      this.savedRevision = Math.max(this.savedRevision, revision);
    });
  }

  /** The review's current data (never mutated: each change replaces it). */
  get review(): Review {
    return this.db.data;
  }

  /** True when every change made so far is on disk. */
  get saved(): boolean {
    return this.savedRevision >= this.revision;
  }

  /** Saved and not writing: safe to let go of. */
  get idle(): boolean {
    return this.saved && !this.writer.busy;
  }

  /**
   * Applies a change, pushes it, and resolves with its revision once a write holding it ended.
   * A failed write does not reject: the change stays in memory, 'failed' is reported and the
   * write is retried (see `saved`). `touch` false leaves `modified` alone (window state).
   */
  async commit(change: ReviewChange, touch = true): Promise<number> {
    const full = touch
      ? batch(change, { kind: 'review', fields: { modified: this.clock() } })
      : change;
    this.db.data = applyChange(this.db.data, full);
    this.revision++;
    const revision = this.revision;
    this.listener.changed(this.db.data.id, revision, full, this.history.next);
    await this.persist();
    return revision;
  }

  /**
   * The change of a tag edit (patches applied forward) with the sharing state kept in step:
   * removals recorded, needs-review marks of gone tags dropped.
   */
  tagChange(patches: TagPatch[]): ReviewChange {
    const tags: ReviewChange = { kind: 'tags', patches };
    const current = this.db.data.sharing;
    const sharing = current ?? emptySharing();
    const deletes = patches.some((p) => p.before && !p.after);
    const restored = new Set(patches.filter((p) => p.after).map((p) => p.id));
    const wasRemoved = sharing.removed.some((r) => restored.has(r.id));
    let fields: ReviewFieldsChange | undefined;
    if (deletes || wasRemoved) {
      const removed = recordRemovals(sharing.removed, { label: '', patches }, 'forward', {
        author: this.author(),
        now: this.clock(),
      });
      fields = { sharing: { ...sharing, removed } };
    }
    const gone = new Set(patches.filter((p) => !p.after).map((p) => p.id));
    if (current && current.needsReview.some((id) => gone.has(id))) {
      const base = fields?.sharing ?? current;
      fields = {
        sharing: { ...base, needsReview: base.needsReview.filter((id) => !gone.has(id)) },
      };
    }
    return fields ? batch(tags, { kind: 'review', fields }) : tags;
  }

  /** The change of an undo-history step: its tag patches and, if any, its review fields. */
  entryChange(patches: TagPatch[], fields?: ReviewFieldsChange): ReviewChange {
    const tags = this.tagChange(patches);
    return fields ? batch(tags, { kind: 'review', fields }) : tags;
  }

  /** Resolves when nothing is waiting to be written (a failed write is not waited for again). */
  flush(): Promise<void> {
    return this.writer.idle();
  }

  /** Stops retrying (the review is closed or the back end stops). */
  dispose(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Writes now: the retry of a failed write, or the final attempt before quitting. */
  async persist(): Promise<void> {
    const id = this.db.data.id;
    this.listener.saveState(id, 'saving', this.savedRevision);
    try {
      await this.writer.request();
    } catch (error) {
      this.failureReason = fsReason(error);
      this.lastFailure = `Your latest changes are not saved yet (${this.failureReason}); they are kept while Crosscheck runs and saving is retried, so keep Crosscheck open until it says “Saved”.`;
      this.listener.saveState(id, 'failed', this.savedRevision, this.lastFailure);
      this.scheduleRetry();
      return;
    }
    if (this.saved) {
      this.lastFailure = undefined;
      this.failureReason = undefined;
      this.retryMs = this.retry.firstMs;
      this.dispose();
      this.listener.saveState(id, 'saved', this.savedRevision);
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retry.maxMs, this.retryMs * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.saved) void this.persist();
    }, wait);
    this.retryTimer.unref?.();
  }
}
