import { describe, expect, it, vi } from 'vitest';
import type { ReviewChange } from '../../../core/review/review-change';
import type { Review, Tag } from '../../../core/review/types';
import type { ReviewSnapshot } from '../../../shared/review-api';
import { ReviewReplica } from './review-replica.svelte';

const DOC = `sha256:${'a'.repeat(64)}`;

function tag(id: string, start: number): Tag {
  const exact = 'x'.repeat(5);
  return {
    id,
    documentId: DOC,
    kind: 'claim',
    anchor: { start, end: start + 5, exact, prefix: '', suffix: '' },
    author: 'Ana',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

function snapshot(revision: number, tags: Tag[] = [], name = 'Review'): ReviewSnapshot {
  const review: Review = {
    schemaVersion: 1,
    id: 'r1',
    name,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    reviewers: ['Ana'],
    documents: [],
    tags,
    panes: [],
  };
  return { review, history: {}, revision, saved: true, savedRevision: revision };
}

const added = (t: Tag): ReviewChange => ({ kind: 'tags', patches: [{ id: t.id, after: t }] });
const event = (revision: number, change: ReviewChange) => ({
  reviewId: 'r1',
  revision,
  change,
  history: { undo: 'tag claim' },
});

describe('ReviewReplica', () => {
  it('replays changes in revision order and ignores old ones', () => {
    const reload = vi.fn();
    const replica = new ReviewReplica(snapshot(3), reload);
    expect(replica.receive(event(4, added(tag('a', 0))))).toBe('applied');
    expect(replica.receive(event(5, added(tag('b', 10))))).toBe('applied');
    expect(replica.receive(event(5, added(tag('c', 20))))).toBe('stale');
    expect(replica.review.tags.map((t) => t.id)).toEqual(['a', 'b']);
    expect(replica.revision).toBe(5);
    expect(replica.history).toEqual({ undo: 'tag claim' });
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads on a gap instead of applying a change out of order', async () => {
    const reload = vi.fn(async () => snapshot(7, [tag('a', 0), tag('b', 10), tag('c', 20)]));
    const replica = new ReviewReplica(snapshot(3), reload);
    expect(replica.receive(event(6, added(tag('c', 20))))).toBe('gap');
    expect(replica.review.tags).toEqual([]);
    await vi.waitFor(() => expect(replica.revision).toBe(7));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(replica.review.tags.map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });

  it('lets a step wait for the revision its call produced', async () => {
    const replica = new ReviewReplica(snapshot(1), vi.fn());
    let done = false;
    const waiting = replica.awaitRevision(2).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    replica.receive(event(2, added(tag('a', 0))));
    await waiting;
    expect(done).toBe(true);
    await expect(replica.awaitRevision(1)).resolves.toBeUndefined();
  });

  it('fetches the review when the awaited change never arrives (a lost event)', async () => {
    vi.useFakeTimers();
    try {
      const reload = vi.fn(async () => snapshot(2, [tag('a', 0)]));
      const replica = new ReviewReplica(snapshot(1), reload);
      const waiting = replica.awaitRevision(2);
      await vi.advanceTimersByTimeAsync(2000);
      await waiting;
      expect(replica.review.tags.map((t) => t.id)).toEqual(['a']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('after a reconnect takes the server’s state even when its revisions started again', async () => {
    const reload = vi.fn(async () => snapshot(1, [tag('z', 0)], 'After restart'));
    const replica = new ReviewReplica(snapshot(40), reload);
    replica.markUnreachable();
    expect(replica.saveState).toBe('unreachable');
    const stuck = replica.awaitRevision(41);
    await replica.resync(true);
    await stuck;
    expect(replica.review.name).toBe('After restart');
    expect(replica.revision).toBe(1);
    expect(replica.saveState).toBe('saved');
  });

  it('says “saved” only when every change it holds is on disk', () => {
    const replica = new ReviewReplica(snapshot(1), vi.fn());
    expect(replica.saveState).toBe('saved');
    replica.receive(event(2, added(tag('a', 0))));
    expect(replica.saveState).toBe('saving');
    replica.receiveSaveState({ reviewId: 'r1', state: 'saved', savedRevision: 1 });
    expect(replica.saveState).toBe('saving');
    replica.receiveSaveState({
      reviewId: 'r1',
      state: 'failed',
      savedRevision: 1,
      message: 'The disk is full.',
    });
    expect(replica.saveState).toBe('failed');
    expect(replica.saveMessage).toBe('The disk is full.');
    replica.receiveSaveState({ reviewId: 'r1', state: 'saved', savedRevision: 2 });
    expect(replica.saveState).toBe('saved');
    replica.receiveSaveState({ reviewId: 'other', state: 'failed', savedRevision: 0 });
    expect(replica.saveState).toBe('saved');
  });
});

describe('ReviewReplica opened while saving fails', () => {
  it('says “not saved” with main’s reason, not “saving”', () => {
    const failing = {
      ...snapshot(3),
      saved: false,
      savedRevision: 2,
      saveFailure: 'Your latest changes are not saved yet (the disk is full).',
    };
    const replica = new ReviewReplica(failing, vi.fn());
    expect(replica.saveState).toBe('failed');
    expect(replica.saveMessage).toBe('Your latest changes are not saved yet (the disk is full).');
  });

  it('watch finds what a pushed change brings, or gives undefined once the call settles', async () => {
    const replica = new ReviewReplica(snapshot(3), vi.fn());
    let settle = () => {};
    const call = new Promise<void>((r) => (settle = r));
    const found = replica.watch((review) => review.tags.find((t) => t.id === 'b'), call);
    replica.receive(event(4, added(tag('a', 0))));
    replica.receive(event(5, added(tag('b', 10))));
    expect((await found)?.anchor.start).toBe(10);
    const missing = replica.watch((review) => review.tags.find((t) => t.id === 'z'), call);
    settle();
    expect(await missing).toBeUndefined();
  });
});
