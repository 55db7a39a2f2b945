// The renderer's copy of the open review. Main is the authority: the replica replays the changes
// main pushes (in revision order) with the same applyChange, and reloads only when one is missing.
import { applyChange } from '../../../core/review/review-change';
import type { Review } from '../../../core/review/types';
import type { ReviewEvents, ReviewSnapshot } from '../../../shared/review-api';

/** Whether the back end can be reached, and whether what it holds is on disk. */
export type SaveState = 'saved' | 'saving' | 'failed' | 'unreachable';

type ChangeEvent = ReviewEvents['reviewChanged'];
type SaveEvent = ReviewEvents['saveState'];

/** One open review, kept in step with main. */
export class ReviewReplica {
  review = $state.raw<Review>() as Review;
  revision = $state(0);
  history = $state.raw<{ undo?: string; redo?: string }>({});
  savedRevision = $state(0);
  private writeState = $state<'saved' | 'saving' | 'failed'>('saved');
  /** Set while the back end does not answer; cleared by the next successful reload. */
  unreachable = $state(false);
  /** The latest save failure in words, while saving fails. */
  saveMessage = $state<string | undefined>();
  private waiters: { revision: number; resolve: () => void }[] = [];
  private watchers = new Set<(review: Review) => void>();
  private reloading: Promise<void> | undefined;

  /**
   * @param snapshot the review as `openReview` returned it
   * @param reload fetches a fresh snapshot (`openReview`), used when a change is missing
   */
  constructor(
    snapshot: ReviewSnapshot,
    private readonly reload: () => Promise<ReviewSnapshot | undefined>,
  ) {
    this.load(snapshot, true);
  }

  get id(): string {
    return this.review.id;
  }

  /** "● Saved" may show only when this is 'saved': every change main made is on disk. */
  get saveState(): SaveState {
    if (this.unreachable) return 'unreachable';
    if (this.writeState === 'failed') return 'failed';
    return this.savedRevision >= this.revision && this.writeState === 'saved' ? 'saved' : 'saving';
  }

  /** Replaces the copy with a snapshot (newer, or any snapshot after a reconnect). */
  load(snapshot: ReviewSnapshot, force = false): void {
    if (!force && snapshot.revision < this.revision) return;
    this.review = snapshot.review;
    this.revision = snapshot.revision;
    this.history = snapshot.history;
    this.savedRevision = snapshot.savedRevision;
    this.writeState = snapshot.saved ? 'saved' : snapshot.saveFailure ? 'failed' : 'saving';
    this.saveMessage = snapshot.saveFailure;
    this.unreachable = false;
    this.settleWaiters(force);
    this.tellWatchers();
  }

  /** Applies a pushed change: the next revision is replayed, an old one ignored, a gap reloads. */
  receive(event: ChangeEvent): 'applied' | 'stale' | 'gap' {
    if (event.reviewId !== this.id) return 'stale';
    if (event.revision <= this.revision) return 'stale';
    if (event.revision > this.revision + 1) {
      void this.resync();
      return 'gap';
    }
    this.review = applyChange(this.review, event.change);
    this.revision = event.revision;
    this.history = event.history;
    this.settleWaiters();
    this.tellWatchers();
    return 'applied';
  }

  /**
   * Resolves with the first value `pick` finds in the review, now or as changes arrive (looked for
   * after each one), or with undefined once `until` settles first. Lets a key act on the change its call
   * made as soon as main pushes it, before the call's reply (which waits for the disk) is back.
   */
  watch<T>(
    pick: (review: Review) => T | undefined,
    until: Promise<unknown>,
  ): Promise<T | undefined> {
    return new Promise((resolve) => {
      const watcher = (review: Review) => {
        const found = pick(review);
        if (found === undefined) return;
        this.watchers.delete(watcher);
        resolve(found);
      };
      this.watchers.add(watcher);
      watcher(this.review);
      const stop = () => {
        this.watchers.delete(watcher);
        resolve(undefined);
      };
      until.then(stop, stop);
    });
  }

  /** Takes a save-state push for this review. */
  receiveSaveState(event: SaveEvent): void {
    if (event.reviewId !== this.id) return;
    this.savedRevision = Math.max(this.savedRevision, event.savedRevision);
    this.writeState = event.state;
    this.saveMessage = event.state === 'failed' ? event.message : undefined;
  }

  /** Resolves once the replica holds `revision` (the revision a call replied with). */
  awaitRevision(revision: number): Promise<void> {
    if (this.revision >= revision) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push({ revision, resolve });
      // The event may have been lost (a dropped connection): fetch the state instead.
      setTimeout(() => {
        if (this.revision < revision) void this.resync();
      }, 1500);
    });
  }

  /** Marks the back end as not answering (calls failed, the event stream dropped). */
  markUnreachable(): void {
    this.unreachable = true;
  }

  /**
   * Reloads the whole review. After a reconnect the server may be a new process whose revisions
   * start again, so its snapshot replaces the copy whatever its revision.
   */
  resync(force = false): Promise<void> {
    this.reloading ??= this.reload()
      .then((snapshot) => {
        if (snapshot && snapshot.review.id === this.id) this.load(snapshot, force);
      })
      .finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  private tellWatchers(): void {
    for (const watcher of [...this.watchers]) watcher(this.review);
  }

  /** Resolves the waiters whose revision has arrived (all of them after a forced reload). */
  private settleWaiters(all = false): void {
    const ready = all ? this.waiters : this.waiters.filter((w) => w.revision <= this.revision);
    if (ready.length === 0) return;
    this.waiters = all ? [] : this.waiters.filter((w) => w.revision > this.revision);
    for (const waiter of ready) waiter.resolve();
  }
}
