import { Repo } from '@automerge/automerge-repo';
import { describe, expect, it } from 'vitest';
import { applyChange, type ReviewChange } from '../../core/review/review-change';
import type { Review, Tag } from '../../core/review/types';
import { testReview } from '../../../tests/support/review-builder';
import { initialDoc, type AutomergeReview } from './automerge-review';
import { ReviewSync, type LocalReview } from './review-sync';

const DOC = `sha256:${'f'.repeat(64)}`;

function tag(id: string, start: number, extra: Partial<Tag> = {}): Tag {
  return {
    id,
    documentId: DOC,
    kind: 'claim',
    anchor: { start, end: start + 3, exact: 'abc', prefix: '', suffix: '' },
    author: 'ana',
    created: 't0',
    modified: 't0',
    ...extra,
  };
}

/** A local review the way the app holds one, recording what arrived. */
function local(review: Review): LocalReview & { review: Review; arrived: ReviewChange[] } {
  const store = {
    review,
    arrived: [] as ReviewChange[],
    current: () => store.review,
    applyRemote: (change: ReviewChange) => {
      store.arrived.push(change);
      store.review = applyChange(store.review, change);
    },
  };
  return store;
}

function shared(review: Review) {
  const repo = new Repo({ network: [] });
  return repo.create<AutomergeReview>(initialDoc(review));
}

describe('ReviewSync.attach', () => {
  it('gives the local review what the document holds, and the document what only it holds', () => {
    const handle = shared(testReview([], [tag('a', 0), tag('b', 10, { note: 'from the team' })]));
    const mine = local(testReview([], [tag('b', 10), tag('mine', 20)], { name: 'Old name' }));
    const sync = ReviewSync.attach(handle, mine, 'bo');
    expect(mine.review.tags).toEqual([
      tag('a', 0),
      tag('b', 10, { note: 'from the team' }),
      tag('mine', 20),
    ]);
    expect(mine.review.name).toBe('Test review');
    expect(Object.keys(handle.doc().tags).sort()).toEqual(['a', 'b', 'mine']);
    expect(sync.conflicts()).toEqual([]);
  });
});

describe('ReviewSync.push', () => {
  it('writes a local change once; the same change again writes nothing', () => {
    const handle = shared(testReview([], [tag('a', 0)]));
    const mine = local(testReview([], [tag('a', 0)]));
    const sync = ReviewSync.attach(handle, mine, 'ana');
    const change: ReviewChange = {
      kind: 'tags',
      patches: [{ id: 'a', before: tag('a', 0), after: tag('a', 0, { note: 'checked' }) }],
    };
    mine.review = applyChange(mine.review, change);
    expect(sync.push(change)).toBe(true);
    expect(sync.push(change)).toBe(false);
    expect(String(handle.doc().tags['a']?.['note'])).toBe('checked');
    // Our own writes do not come back as remote changes.
    expect(mine.arrived).toEqual([]);
  });

  it('passes a change made to the document elsewhere to the local review, once', () => {
    const handle = shared(testReview([], [tag('a', 0)]));
    const mine = local(testReview([], [tag('a', 0)]));
    ReviewSync.attach(handle, mine, 'ana');
    const other = local(testReview([], [tag('a', 0)]));
    const theirs = ReviewSync.attach(handle, other, 'bo');
    const change: ReviewChange = { kind: 'review', fields: { name: 'Harbour fire' } };
    other.review = applyChange(other.review, change);
    theirs.push(change);
    expect(mine.arrived).toEqual([{ kind: 'review', fields: { name: 'Harbour fire' } }]);
    expect(other.arrived).toEqual([]);
  });
});
