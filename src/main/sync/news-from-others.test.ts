import * as A from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import type { ReviewChange } from '../../core/review/review-change';
import type { Tag } from '../../core/review/types';
import { testReview } from '../../../tests/support/review-builder';
import { applyWrites, initialDoc, planWrites, type AutomergeReview } from './automerge-review';
import { newsFromOthers } from './news-from-others';

const DOC = `sha256:${'f'.repeat(64)}`;
const ANA = 'aa'.repeat(16);
const BEN = 'bb'.repeat(16);
const AT = '2026-01-01T10:00:00.000Z';

const claim: Tag = {
  id: 't1',
  documentId: DOC,
  kind: 'claim',
  anchor: { start: 0, end: 4, exact: 'Fire', prefix: '', suffix: ' broke out' },
  author: 'Ana',
  created: 't0',
  modified: 't0',
};

/** Writes a change as ReviewSync does, as `author`. */
function write(doc: A.Doc<AutomergeReview>, change: ReviewChange, author: string) {
  const writes = planWrites(doc, change);
  return A.change(doc, (draft) => applyWrites(draft, writes, A.getActorId(doc), author));
}

const created: ReviewChange = { kind: 'tags', patches: [{ id: 't1', after: claim }] };
const noted = (note: string): ReviewChange => ({
  kind: 'tags',
  patches: [{ id: 't1', before: claim, after: { ...claim, note, modified: 't1' } }],
});

describe('newsFromOthers', () => {
  const empty = () => A.from<AutomergeReview>(initialDoc(testReview([], [])), { actor: ANA });

  it('names the teammate whose writes a change brought, and not this app’s own writes', () => {
    const base = empty();
    const ana = write(base, created, 'Ana');
    const ben = A.merge(A.clone(base, { actor: BEN }), ana);
    const self = { actor: BEN, author: 'Ben' };
    expect(newsFromOthers(ben, created, self, AT)).toEqual([{ tagId: 't1', by: 'Ana', at: AT }]);
    // Ben's note on Ana's tag: the changed register is his.
    const benNoted = write(ben, noted('mine'), 'Ben');
    expect(newsFromOthers(benNoted, noted('mine'), self, AT)).toEqual([]);
    // …while from Ana's side it is news from Ben.
    const anaSees = A.merge(ana, benNoted);
    const anaSelf = { actor: ANA, author: 'Ana' };
    expect(newsFromOthers(anaSees, noted('mine'), anaSelf, AT)).toEqual([
      { tagId: 't1', by: 'Ben', at: AT },
    ]);
  });

  it('counts writes under this reviewer’s name from another actor (an earlier run) as own', () => {
    const before = write(empty(), created, 'Ben');
    const now = A.clone(before, { actor: 'cc'.repeat(16) });
    expect(newsFromOthers(now, created, { actor: 'cc'.repeat(16), author: 'Ben' }, AT)).toEqual([]);
  });

  it('ignores removals and review fields', () => {
    const ana = write(empty(), created, 'Ana');
    const change: ReviewChange = {
      kind: 'batch',
      changes: [
        { kind: 'tags', patches: [{ id: 't1', before: claim }] },
        { kind: 'review', fields: { name: 'Renamed' } },
      ],
    };
    expect(newsFromOthers(ana, change, { actor: BEN, author: 'Ben' }, AT)).toEqual([]);
  });
});
