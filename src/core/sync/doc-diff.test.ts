import { describe, expect, it } from 'vitest';
import { applyChange, type ReviewChange } from '../review/review-change';
import type { Review, Tag } from '../review/types';
import { testReview } from '../../../tests/support/review-builder';
import { allKeys, changeFromDoc, isEmptyChange, type DocReader } from './doc-diff';
import { reviewToDoc, tagToEntry, type ReviewDoc } from './review-doc';

const DOC = `sha256:${'b'.repeat(64)}`;

function tag(id: string, start: number, extra: Partial<Tag> = {}): Tag {
  return {
    id,
    documentId: DOC,
    kind: 'claim',
    anchor: { start, end: start + 4, exact: 'text', prefix: '', suffix: '' },
    author: 'Ana',
    created: 't0',
    modified: 't0',
    ...extra,
  };
}

function review(tags: Tag[], extra: Partial<Review> = {}): Review {
  return testReview([], tags, { name: 'Case', reviewers: ['Ana'], ...extra });
}

function reader(doc: ReviewDoc): DocReader {
  return { tag: (id) => doc.tags[id], field: (field) => doc.fields[field] };
}

describe('changeFromDoc', () => {
  it('patches added, edited and removed tags, in id order', () => {
    const local = review([tag('a', 0), tag('b', 10)]);
    const doc = reviewToDoc(review([tag('b', 10, { note: 'seen' }), tag('c', 20)]));
    doc.tags['a'] = tagToEntry(tag('a', 0), true);
    const change = changeFromDoc(local, allKeys(['a', 'b', 'c']), reader(doc));
    expect(change).toEqual({
      kind: 'tags',
      patches: [
        { id: 'a', before: tag('a', 0) },
        { id: 'b', before: tag('b', 10), after: tag('b', 10, { note: 'seen' }) },
        { id: 'c', after: tag('c', 20) },
      ],
    });
    expect(applyChange(local, change).tags).toEqual([tag('b', 10, { note: 'seen' }), tag('c', 20)]);
  });

  it('looks only at what was touched', () => {
    const local = review([tag('a', 0)]);
    const doc = reviewToDoc(review([tag('a', 0, { note: 'x' })], { name: 'Renamed' }));
    const change = changeFromDoc(
      local,
      { tagIds: new Set(), fields: new Set(['reviewers']) },
      reader(doc),
    );
    expect(isEmptyChange(change)).toBe(true);
  });

  it('is empty when the document echoes the local state', () => {
    const local = review([tag('a', 0, { claimIds: ['x'] })], { sources: [] });
    const change = changeFromDoc(local, allKeys(['a', 'gone']), reader(reviewToDoc(local)));
    expect(isEmptyChange(change)).toBe(true);
  });

  it('replaces review fields that differ and ignores ones the document never had', () => {
    const local = review([], { sources: [{ id: 's1', name: 'Agency' }] as Review['sources'] });
    const doc = reviewToDoc(review([], { name: 'Renamed', reviewers: ['Ana', 'Bo'] }));
    const change = changeFromDoc(local, allKeys([]), reader(doc));
    expect(change).toEqual({
      kind: 'review',
      fields: { name: 'Renamed', reviewers: ['Ana', 'Bo'] },
    });
  });
});

describe('isEmptyChange', () => {
  it.each([
    [{ kind: 'tags', patches: [] }, true],
    [{ kind: 'review', fields: { name: undefined } }, true],
    [{ kind: 'batch', changes: [] }, true],
    [{ kind: 'batch', changes: [{ kind: 'review', fields: { name: 'x' } }] }, false],
  ] as [ReviewChange, boolean][])('%j is empty: %s', (change, expected) => {
    expect(isEmptyChange(change)).toBe(expected);
  });
});
