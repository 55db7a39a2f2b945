import { describe, expect, it } from 'vitest';
import type { Tag } from '../review/types';
import {
  entryToTag,
  reviewFieldWrites,
  reviewToDoc,
  tagToEntry,
  tagWrites,
  toSyncValue,
  type TagEntry,
} from './review-doc';
import { sameValue } from './same-value';
import { testReview } from '../../../tests/support/review-builder';

const DOC = `sha256:${'a'.repeat(64)}`;

function tag(extra: Partial<Tag> = {}): Tag {
  return {
    id: 't1',
    documentId: DOC,
    kind: 'confirmation',
    anchor: { start: 0, end: 5, exact: 'Hello', prefix: '', suffix: ' world' },
    author: 'Ana',
    created: 't0',
    modified: 't0',
    ...extra,
  };
}

describe('tagToEntry / entryToTag', () => {
  it.each([
    ['a bare tag', tag()],
    [
      'a tag with every optional field',
      tag({
        note: 'n',
        claimIds: ['c1', 'c2'],
        facets: { c1: 'source' },
        sourceId: 's1',
        credibility: 2,
      }),
    ],
  ])('round-trips %s', (_name, value) => {
    expect(entryToTag(value.id, tagToEntry(value))).toEqual(value);
  });

  it('keeps absent optional fields as null registers, so clearing one is an edit too', () => {
    const entry = tagToEntry(tag());
    expect(entry.note).toBeNull();
    expect(entry.claimIds).toBeNull();
    expect(entry.removed).toBe(false);
  });

  it('reads a removed tag, or a half-written one, as no tag', () => {
    expect(entryToTag('t1', tagToEntry(tag(), true))).toBeUndefined();
    const { kind: _kind, ...partial } = tagToEntry(tag());
    expect(entryToTag('t1', partial as Partial<TagEntry>)).toBeUndefined();
    expect(entryToTag('t1', { ...tagToEntry(tag()), kind: 'opinion' })).toBeUndefined();
    expect(entryToTag('t1', undefined)).toBeUndefined();
  });

  it('drops values of the wrong type instead of passing them on', () => {
    const entry = { ...tagToEntry(tag()), credibility: 9, claimIds: [1, 2], facets: { c1: 'x' } };
    expect(entryToTag('t1', entry)).toEqual(tag());
  });
});

describe('tagWrites', () => {
  it('writes every field of a new tag, marked not removed', () => {
    const writes = tagWrites('t1', undefined, tag());
    expect(writes.map((w) => w.field)).toEqual([
      'removed',
      'documentId',
      'kind',
      'anchor',
      'note',
      'claimIds',
      'facets',
      'sourceId',
      'credibility',
      'author',
      'created',
      'modified',
    ]);
  });

  it('writes only the fields that changed', () => {
    const writes = tagWrites('t1', tagToEntry(tag()), tag({ note: 'checked', modified: 't1' }));
    expect(writes).toEqual([
      { target: 'tag', tagId: 't1', field: 'note', value: 'checked' },
      { target: 'tag', tagId: 't1', field: 'modified', value: 't1' },
    ]);
  });

  it('writes a cleared field as null', () => {
    const writes = tagWrites('t1', tagToEntry(tag({ note: 'x' })), tag());
    expect(writes).toEqual([{ target: 'tag', tagId: 't1', field: 'note', value: null }]);
  });

  it('marks a removed tag removed and keeps its fields; a second removal writes nothing', () => {
    expect(tagWrites('t1', tagToEntry(tag()), undefined)).toEqual([
      { target: 'tag', tagId: 't1', field: 'removed', value: true },
    ]);
    expect(tagWrites('t1', tagToEntry(tag(), true), undefined)).toEqual([]);
    expect(tagWrites('t1', undefined, undefined)).toEqual([]);
  });

  it('brings a removed tag back (undo) by clearing the mark', () => {
    const writes = tagWrites('t1', tagToEntry(tag(), true), tag());
    expect(writes).toEqual([{ target: 'tag', tagId: 't1', field: 'removed', value: false }]);
  });

  it('compares lists and maps by value, not by member order', () => {
    const current = {
      ...tagToEntry(tag()),
      anchor: { suffix: ' world', prefix: '', exact: 'Hello', end: 5, start: 0 },
    };
    expect(tagWrites('t1', current, tag())).toEqual([]);
  });
});

describe('reviewFieldWrites', () => {
  it('writes changed review fields and skips the local-only panes', () => {
    const doc = reviewToDoc(testReview([], [tag()]));
    expect(doc.tags['t1']).toEqual(tagToEntry(tag()));
    expect(doc.fields.sources).toBeNull();
    const writes = reviewFieldWrites(doc.fields, {
      name: 'Test review',
      panes: [DOC],
      reviewers: ['Ana', 'Bo'],
    });
    expect(writes).toEqual([{ target: 'review', field: 'reviewers', value: ['Ana', 'Bo'] }]);
  });
});

describe('toSyncValue / sameValue', () => {
  it.each([
    [undefined, null],
    [Number.NaN, null],
    [
      { a: 1, b: undefined, c: [undefined, 'x'] },
      { a: 1, c: [null, 'x'] },
    ],
  ])('turns %j into %j', (input, output) => {
    expect(toSyncValue(input)).toEqual(output);
  });

  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [[1, 2], [2, 1], false],
    [[1], { 0: 1 }, false],
    ['1', 1, false],
  ])('sameValue(%j, %j) is %s', (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
  });
});
