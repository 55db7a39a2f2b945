import * as A from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import type { ReviewChange } from '../../core/review/review-change';
import type { Tag } from '../../core/review/types';
import { testReview } from '../../../tests/support/review-builder';
import {
  applyWrites,
  docReader,
  fromAutomerge,
  initialDoc,
  listConflicts,
  planWrites,
  toAutomerge,
  touchedByPatches,
  type AutomergeReview,
} from './automerge-review';

const DOC = `sha256:${'d'.repeat(64)}`;

function tag(id: string, extra: Partial<Tag> = {}): Tag {
  return {
    id,
    documentId: DOC,
    kind: 'claim',
    anchor: { start: 0, end: 4, exact: 'Fire', prefix: '', suffix: ' broke out' },
    author: 'ana',
    created: 't0',
    modified: 't0',
    ...extra,
  };
}

/** A document for a review with one tag, and a copy of it under another actor. */
function twoCopies(): [A.Doc<AutomergeReview>, A.Doc<AutomergeReview>] {
  const first = A.from<AutomergeReview>(initialDoc(testReview([], [tag('t1')])), {
    actor: 'aa'.repeat(16),
  });
  const second = A.clone(first, { actor: 'bb'.repeat(16) });
  return [first, second];
}

/** Writes a local change the way ReviewSync does. */
function write(doc: A.Doc<AutomergeReview>, change: ReviewChange, author: string) {
  const writes = planWrites(doc, change);
  const actor = A.getActorId(doc);
  return A.change(doc, (draft) => applyWrites(draft, writes, actor, author));
}

function note(id: string, value: string | undefined, base = tag(id)): ReviewChange {
  const after = { ...base, modified: `t-${value}` };
  if (value === undefined) delete after.note;
  else after.note = value;
  return { kind: 'tags', patches: [{ id, before: base, after }] };
}

describe('toAutomerge / fromAutomerge', () => {
  it('stores strings as atomic values and reads them back as plain strings', () => {
    const value = { a: 'x', b: [1, 'y', null], c: { d: true } };
    const doc = A.from({ value: toAutomerge(value) } as Record<string, unknown>);
    expect(A.isImmutableString((doc['value'] as Record<string, unknown>)['a'])).toBe(true);
    expect(fromAutomerge(doc['value'])).toEqual(value);
  });
});

describe('planWrites / applyWrites', () => {
  it('writes a new tag, then only the changed field of an edit', () => {
    let [doc] = twoCopies();
    doc = write(doc, { kind: 'tags', patches: [{ id: 't2', after: tag('t2') }] }, 'ana');
    expect(docReader(doc).tag('t2')).toMatchObject({ kind: 'claim', note: null, removed: false });
    expect(planWrites(doc, note('t2', 'seen', tag('t2'))).map((w) => w.field)).toEqual([
      'note',
      'modified',
    ]);
    expect(fromAutomerge(doc.actors)).toEqual({ [A.getActorId(doc)]: 'ana' });
  });

  it('writes nothing for a change the document already holds', () => {
    const [doc] = twoCopies();
    expect(planWrites(doc, { kind: 'tags', patches: [{ id: 't1', after: tag('t1') }] })).toEqual(
      [],
    );
    expect(
      planWrites(doc, { kind: 'review', fields: { name: 'Test review', panes: [DOC] } }),
    ).toEqual([]);
  });
});

describe('listConflicts', () => {
  it('lists both values of one field edited on two copies, with their authors', () => {
    const [first, second] = twoCopies();
    const merged = A.merge(
      write(first, note('t1', 'by ana'), 'ana'),
      write(second, note('t1', 'by bo'), 'bo'),
    );
    const conflicts = listConflicts(merged);
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({ target: 'tag', tagId: 't1', field: 'note' });
    expect(conflict?.values.map((v) => [v.value, v.author]).sort()).toEqual([
      ['by ana', 'ana'],
      ['by bo', 'bo'],
    ]);
    expect(conflict?.values.filter((v) => v.shown).map((v) => v.value)).toEqual([
      fromAutomerge(merged.tags['t1']?.['note']),
    ]);
  });

  it('lists a cleared field against an edited one (null is a value too)', () => {
    const [first, second] = twoCopies();
    const withNote = write(first, note('t1', 'draft'), 'ana');
    const base = A.merge(A.clone(second), withNote);
    const cleared = write(
      A.clone(base, { actor: 'cc'.repeat(16) }),
      note('t1', undefined, { ...tag('t1'), note: 'draft' }),
      'cy',
    );
    const edited = write(base, note('t1', 'final', { ...tag('t1'), note: 'draft' }), 'bo');
    const values = listConflicts(A.merge(edited, cleared))[0]?.values.map((v) => v.value);
    expect(values?.sort()).toEqual(['final', null].sort());
  });

  it('keeps edits of different fields of one tag without a conflict a reviewer must settle', () => {
    const [first, second] = twoCopies();
    const kind: ReviewChange = {
      kind: 'tags',
      patches: [
        {
          id: 't1',
          before: tag('t1'),
          after: tag('t1', { kind: 'confirmation', modified: 't-kind' }),
        },
      ],
    };
    const merged = A.merge(write(first, kind, 'ana'), write(second, note('t1', 'seen'), 'bo'));
    expect(listConflicts(merged)).toEqual([]);
    const read = docReader(merged).tag('t1');
    expect(read).toMatchObject({ kind: 'confirmation', note: 'seen' });
  });

  it('keeps an edit made on a copy where the tag was removed on another', () => {
    const [first, second] = twoCopies();
    const removed = write(
      first,
      { kind: 'tags', patches: [{ id: 't1', before: tag('t1') }] },
      'ana',
    );
    const merged = A.merge(removed, write(second, note('t1', 'kept'), 'bo'));
    expect(docReader(merged).tag('t1')).toMatchObject({ removed: true, note: 'kept' });
  });
});

describe('touchedByPatches', () => {
  it('names the tags and review fields a merge changed', () => {
    const [first, second] = twoCopies();
    const edited = write(
      write(second, note('t1', 'x'), 'bo'),
      { kind: 'review', fields: { name: 'Renamed' } },
      'bo',
    );
    const merged = A.merge(A.clone(first), edited);
    const patches = A.diff(merged, A.getHeads(first), A.getHeads(merged));
    const touched = touchedByPatches(patches, merged);
    expect([...touched.tagIds]).toEqual(['t1']);
    expect([...touched.fields]).toEqual(['name']);
  });
});
