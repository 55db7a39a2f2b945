// Which reviews are kept in sync, and by what: the service's sync calls look a review up here (a
// review that is not synced has no entry, so it has no sync conflicts).

/** A registry of synced reviews by id; `T` is what keeps one in sync (a ServiceSync). */
export class SyncRegistry<T> {
  private readonly syncs = new Map<string, T>();

  /** Records that `sync` keeps the review in sync (replacing one recorded before). */
  register(reviewId: string, sync: T): void {
    this.syncs.set(reviewId, sync);
  }

  /** What keeps the review in sync, if anything does. */
  get(reviewId: string): T | undefined {
    return this.syncs.get(reviewId);
  }

  /** Forgets the review's sync (only when `sync`, if given, is the one recorded). */
  unregister(reviewId: string, sync?: T): void {
    if (sync === undefined || this.syncs.get(reviewId) === sync) this.syncs.delete(reviewId);
  }
}
