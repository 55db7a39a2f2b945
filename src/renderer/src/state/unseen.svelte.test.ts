// Tags new from others in the workspace: listed on open, a move of the cursor onto one marks it
// seen (batched into one markSeen), where the cursor starts is no look, and "next" goes through
// them in reading order, wrapping.
import { expect, it } from 'vitest';
import type { Review, Tag } from '../../../core/review/types';
import type { UnseenTag } from '../../../shared/review-api';
import { openingCalls, pushingBackend } from '../../../../tests/support/pushing-backend';
import { SEEN_BATCH_MS } from './unseen.svelte';
import { Workspace } from './workspace.svelte';

const DOC = `sha256:${'d'.repeat(64)}`;
const TEXT = 'One. Two. Three.';
const tag = (id: string, start: number, end: number): Tag => ({
  id,
  documentId: DOC,
  kind: 'claim',
  anchor: { start, end, exact: TEXT.slice(start, end), prefix: '', suffix: '' },
  author: 'Ana',
  created: 't0',
  modified: 't0',
});
const review: Review = {
  schemaVersion: 2,
  id: 'r1',
  name: 'Shared',
  created: 't0',
  modified: 't0',
  reviewers: ['Ana'],
  documents: [
    {
      id: DOC,
      title: 'letter',
      fileName: 'letter.txt',
      encoding: 'utf-8',
      bom: false,
      lineEndings: 'lf',
      originalSha256: 'x',
      imported: 't0',
    },
  ],
  tags: [tag('t2', 5, 9), tag('t3', 10, 16)],
  panes: [DOC],
};
const mark = (tagId: string): UnseenTag => ({ tagId, by: 'Ana', at: 't1' });
const ids = (tags: UnseenTag[]) => tags.map((t) => t.tagId);

it('marks a tag seen when the cursor moves onto it, and goes to the next one in order', async () => {
  const sent: unknown[] = [];
  let onMain = [mark('t3'), mark('t2')];
  const fake = pushingBackend({
    ...openingCalls(() => ({ review, revision: 0 }), {
      id: DOC,
      text: TEXT,
      sentences: [0, 4, 5, 9, 10, 16],
      forced: [],
    }),
    getUnseen: async () => ({ ok: true, value: { tags: onMain } }),
    markSeen: async (args) => {
      sent.push(args);
      const seen = new Set(args.tagIds ?? []);
      onMain = args.all ? [] : onMain.filter((t) => !seen.has(t.tagId));
      return { ok: true, value: { tags: onMain } };
    },
  });
  const workspace = new Workspace(fake.backend);
  await workspace.init();
  await workspace.openReview('r1');
  const unseen = workspace.unseen;
  const pane = workspace.panes[0];
  if (!pane) throw new Error('the review shows its document');
  expect(ids(unseen.tags)).toEqual(['t3', 't2']);

  // Where the cursor starts is no look; the same place again neither (a tag arrived there).
  pane.select(1);
  unseen.cursorAt(`${DOC} 1`, 't2');
  unseen.cursorAt(`${DOC} 1`, 't2');
  expect(ids(unseen.tags)).toEqual(['t3', 't2']);

  // Next from sentence 2 is sentence 3; moving there is a look: the badge goes at once.
  expect(unseen.next()?.id).toBe('t3');
  pane.select(0);
  expect(unseen.next()?.id).toBe('t2');
  unseen.cursorAt(`${DOC} 0`, undefined);
  unseen.cursorAt(`${DOC} 2`, 't3');
  unseen.cursorAt(`${DOC} 1`, 't2');
  expect(unseen.tags).toEqual([]);
  // A list pushed meanwhile does not bring back what was looked at.
  fake.push({ name: 'unseenChanged', payload: { reviewId: 'r1', tags: [mark('t2')] } });
  expect(unseen.tags).toEqual([]);
  // The looks go to main as one call.
  await new Promise((r) => setTimeout(r, SEEN_BATCH_MS + 100));
  expect(sent).toEqual([{ reviewId: 'r1', tagIds: ['t3', 't2'] }]);

  // Another review's list is not this one's; "next" wraps to the first; mark all.
  fake.push({ name: 'unseenChanged', payload: { reviewId: 'other', tags: [mark('t9')] } });
  fake.push({ name: 'unseenChanged', payload: { reviewId: 'r1', tags: [mark('t2')] } });
  expect(ids(unseen.tags)).toEqual(['t2']);
  pane.select(2);
  expect(unseen.next()?.id).toBe('t2');
  await unseen.markAll();
  expect(sent.at(-1)).toEqual({ reviewId: 'r1', all: true });
  expect(unseen.tags).toEqual([]);
});
