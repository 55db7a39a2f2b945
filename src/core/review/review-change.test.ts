import { describe, expect, it } from 'vitest';
import {
  applyChange,
  batch,
  composePatches,
  diffTags,
  reversePatches,
  type ReviewChange,
} from './review-change';
import { removeTag, setNote, tagSentence, type EditContext } from './tag-edits';
import type { Review, Tag } from './types';

const DOC = `sha256:${'a'.repeat(64)}`;

function review(tags: Tag[] = []): Review {
  return {
    schemaVersion: 1,
    id: 'r1',
    name: 'Case',
    created: 't0',
    modified: 't0',
    reviewers: ['Ana'],
    documents: [],
    tags,
    panes: [],
  };
}

function tag(id: string, start: number, extra: Partial<Tag> = {}): Tag {
  const exact = 'x'.repeat(5);
  return {
    id,
    documentId: DOC,
    kind: 'claim',
    anchor: { start, end: start + 5, exact, prefix: '', suffix: '' },
    author: 'Ana',
    created: 't0',
    modified: 't0',
    ...extra,
  };
}

const context: EditContext = { author: 'Ana', now: 't1', newId: () => 'new' };

describe('applyChange', () => {
  it('applies tag patches in canonical order without touching its input', () => {
    const start = review(
      [tag('b', 10), tag('a', 0)].sort((x, y) => x.anchor.start - y.anchor.start),
    );
    const frozen = JSON.stringify(start);
    const edit = tagSentence(
      start.tags,
      { documentId: DOC, anchor: tag('', 5).anchor, kind: 'contradiction' },
      context,
    );
    const next = applyChange(start, { kind: 'tags', patches: edit.patches });
    expect(next.tags.map((t) => [t.id, t.kind])).toEqual([
      ['a', 'claim'],
      ['new', 'contradiction'],
      ['b', 'claim'],
    ]);
    expect(JSON.stringify(start)).toBe(frozen);
  });

  it('undoes an edit with its reversed patches, giving back the review exactly', () => {
    const claim = tag('c', 0);
    const evidence = tag('e', 10, { kind: 'confirmation', claimIds: ['c'] });
    const start = review([claim, evidence]);
    const removal = removeTag(start.tags, 'c', context);
    if (!removal.ok) throw new Error(removal.error.message);
    const removed = applyChange(start, { kind: 'tags', patches: removal.value.patches });
    expect(removed.tags).toEqual(
      [{ ...evidence, modified: 't1', claimIds: undefined }].map(
        ({ claimIds: _gone, ...rest }) => rest,
      ),
    );
    const undone = applyChange(removed, {
      kind: 'tags',
      patches: reversePatches(removal.value.patches),
    });
    expect(undone).toEqual(start);
  });

  it('replaces whole top-level fields, skips absent ones, and applies a batch in order', () => {
    const start = review([tag('a', 0)]);
    const note = setNote(start.tags, 'a', 'checked', context);
    if (!note.ok) throw new Error(note.error.message);
    const change: ReviewChange = batch(
      { kind: 'tags', patches: note.value.patches },
      { kind: 'review', fields: { name: 'Renamed', modified: 't1' } },
      { kind: 'review', fields: { panes: [DOC], name: undefined } },
    );
    expect(applyChange(start, change)).toEqual({
      ...start,
      name: 'Renamed',
      modified: 't1',
      panes: [DOC],
      tags: [{ ...tag('a', 0), note: 'checked', modified: 't1' }],
    });
    // A change survives the trip as JSON unchanged in meaning.
    expect(applyChange(start, JSON.parse(JSON.stringify(change)) as ReviewChange)).toEqual(
      applyChange(start, change),
    );
  });

  it('diffs two tag lists into the patches that turn one into the other', () => {
    const a = tag('a', 0);
    const b = tag('b', 10);
    const c = tag('c', 20);
    const before = [a, b, c];
    const after = [a, { ...b, kind: 'contradiction' as const }, tag('d', 30)];
    const patches = diffTags(before, after);
    expect(patches).toEqual([
      { id: 'b', before: b, after: after[1] },
      { id: 'd', after: after[2] },
      { id: 'c', before: c },
    ]);
    expect(applyChange(review(before), { kind: 'tags', patches }).tags).toEqual(after);
    expect(
      diffTags(
        before,
        before.map((t) => ({ ...t })),
      ),
    ).toEqual([]);
  });
});

describe('composePatches', () => {
  it('keeps each tag’s first before and last after, in the order tags first appear', () => {
    const a0 = tag('a', 0);
    const a1 = tag('a', 0, { note: 'one' });
    const a2 = tag('a', 0, { note: 'two' });
    const b = tag('b', 10);
    expect(
      composePatches([
        { id: 'a', before: a0, after: a1 },
        { id: 'b', after: b },
        { id: 'a', before: a1, after: a2 },
        { id: 'b', before: b },
      ]),
    ).toEqual([{ id: 'a', before: a0, after: a2 }, { id: 'b' }]);
  });
});
