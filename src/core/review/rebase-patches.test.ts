import { expect, it } from 'vitest';
import { rebasePatches } from './rebase-patches';
import type { Tag } from './types';

const tag = (extra: Partial<Tag> = {}): Tag => ({
  id: 't1',
  documentId: 'd1',
  kind: 'claim',
  anchor: { start: 0, end: 10, exact: 'The quote.', prefix: '', suffix: '' },
  author: 'Ana',
  created: 't0',
  modified: 't0',
  ...extra,
});

it('replays a step exactly when nobody changed the tag since', () => {
  const before = tag();
  const after = tag({ note: 'mine', modified: 't1' });
  expect(rebasePatches([after], [{ id: 't1', before: after, after: before }])).toEqual([
    { id: 't1', before: after, after: before },
  ]);
});

it("sets back only this reviewer's field when a teammate changed another since", () => {
  const original = tag();
  const mine = tag({ kind: 'confirmation', modified: 't1' });
  const theirs = tag({ kind: 'confirmation', note: 'Ben checked', modified: 't2' });
  const [undo] = rebasePatches([theirs], [{ id: 't1', before: mine, after: original }]);
  expect(undo?.after).toEqual({ ...theirs, kind: 'claim' });
});

it("keeps a teammate's value of the very field the step changed", () => {
  const original = tag();
  const mine = tag({ note: 'mine', modified: 't1' });
  const theirs = tag({ note: 'theirs', modified: 't2' });
  expect(rebasePatches([theirs], [{ id: 't1', before: mine, after: original }])).toEqual([]);
});

it('neither removes a tag a teammate edited nor brings back one a teammate removed', () => {
  const mine = tag();
  const theirs = tag({ note: 'Ben checked', modified: 't2' });
  // Undo of creating the tag, after Ben edited it: the tag stays.
  expect(rebasePatches([theirs], [{ id: 't1', before: mine }])).toEqual([]);
  // Undo of a note, after Ben removed the tag: it stays removed.
  const noted = tag({ note: 'mine' });
  expect(rebasePatches([], [{ id: 't1', before: noted, after: mine }])).toEqual([]);
  // Without a teammate, undo of creating removes it.
  expect(rebasePatches([mine], [{ id: 't1', before: mine }])).toEqual([{ id: 't1', before: mine }]);
});
