// Key actions against a fake back end that answers slowly and pushes its changes like main does:
// keys run in the order pressed, on the sentence selected when pressed, without guessed ids.
import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../../../core/review/anchor';
import { applyChange, type ReviewChange } from '../../../core/review/review-change';
import { removeTag, tagSentence, type TagEdit } from '../../../core/review/tag-edits';
import type { Review } from '../../../core/review/types';
import type { ReviewApi } from '../../../shared/review-api';
import { openingCalls, pushingBackend } from '../../../../tests/support/pushing-backend';
import { TagActions } from './tag-actions';
import { Workspace } from './workspace.svelte';

const DOC = `sha256:${'b'.repeat(64)}`;
const TEXT = 'First sentence. Second sentence. Third sentence.';
const SENTENCES = [0, 15, 16, 32, 33, 48];

/** A back end holding one review, answering each call after `delay` ms. */
function fakeBackend(delay: number) {
  let review: Review = {
    schemaVersion: 1,
    id: 'r1',
    name: 'Fake',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    reviewers: ['Ana'],
    documents: [],
    tags: [],
    panes: [DOC],
  };
  let revision = 0;
  let ids = 0;
  const calls: string[] = [];
  let wait = delay;
  const later = <T>(value: T) => new Promise<T>((r) => setTimeout(() => r(value), wait));
  const context = () => ({
    author: 'Ana',
    now: '2026-01-02T00:00:00.000Z',
    newId: () => `t${++ids}`,
  });
  const commit = (edit: TagEdit) => {
    const change: ReviewChange = { kind: 'tags', patches: edit.patches };
    review = applyChange(review, change);
    revision++;
    const payload = { reviewId: 'r1', revision, change, history: { undo: edit.label } };
    // The push arrives before the reply, as over a real connection it may.
    push({ name: 'reviewChanged', payload });
    return revision;
  };
  const api: Partial<ReviewApi> = {
    ...openingCalls(() => ({ review, revision }), {
      id: DOC,
      text: TEXT,
      sentences: SENTENCES,
      forced: [],
    }),
    tagSentence: async ({ start, end, kind }) => {
      calls.push(`tag ${start} ${kind}`);
      const edit = tagSentence(
        review.tags,
        { documentId: DOC, anchor: makeAnchor(TEXT, start, end), kind },
        context(),
      );
      const rev = commit(edit);
      const tag = review.tags.find((t) => t.anchor.start === start);
      return later({ ok: true as const, value: { tagId: tag?.id ?? '', revision: rev } });
    },
    removeTag: async ({ tagId }) => {
      calls.push(`remove ${tagId}`);
      const edit = removeTag(review.tags, tagId, context());
      if (!edit.ok) return edit;
      return later({ ok: true as const, value: { revision: commit(edit.value) } });
    },
  };
  const { backend, push } = pushingBackend(api);
  /** Makes later replies take `ms` (as a reply waits for the disk). */
  const slow = (ms: number) => (wait = ms);
  return { backend, calls, review: () => review, slow };
}

async function openWorkspace(delay: number) {
  const fake = fakeBackend(delay);
  const workspace = new Workspace(fake.backend);
  await workspace.init();
  await workspace.openReview('r1');
  const actions = new TagActions(workspace);
  const pane = workspace.panes[0];
  if (!pane) throw new Error('no pane');
  return { fake, workspace, actions, pane };
}

describe('TagActions with the key queue', () => {
  it('“1, j, 2” tags the first sentence as a claim and the second as a confirmation', async () => {
    const { fake, workspace, actions, pane } = await openWorkspace(30);
    void actions.run({ type: 'tag', kind: 'claim' });
    pane.move(1); // moving never waits for the save
    expect(pane.selected).toBe(1);
    await actions.run({ type: 'tag', kind: 'confirmation' });
    expect(fake.calls).toEqual(['tag 0 claim', 'tag 16 confirmation']);
    const kinds = fake.review().tags.map((t) => [t.anchor.start, t.kind]);
    expect(kinds).toEqual([
      [0, 'claim'],
      [16, 'confirmation'],
    ]);
    // The replica shows exactly what main holds, and the evidence asks for its claim.
    expect(workspace.review?.tags).toEqual(fake.review().tags);
    expect(workspace.modal?.kind).toBe('pick-claim');
  });

  it('“1” then “0” clears the tag it just made (the id is main’s, never a guess)', async () => {
    const { fake, workspace, actions } = await openWorkspace(30);
    void actions.run({ type: 'tag', kind: 'claim' });
    await actions.run({ type: 'untag' });
    expect(fake.calls).toEqual(['tag 0 claim', 'remove t1']);
    expect(fake.review().tags).toEqual([]);
    expect(workspace.review?.tags).toEqual([]);
  });

  it('clears a tag saved before the session started', async () => {
    const { fake, workspace, actions } = await openWorkspace(0);
    await actions.run({ type: 'tag', kind: 'claim' });
    expect(workspace.review?.tags).toHaveLength(1);
    await actions.run({ type: 'untag' });
    expect(fake.review().tags).toEqual([]);
    expect(workspace.tagsByDocument.get(DOC)?.size ?? 0).toBe(0);
  });

  it('goes on from the pushed change, before the replies that wait for the disk', async () => {
    const { fake, workspace, actions, pane } = await openWorkspace(0);
    await actions.run({ type: 'tag', kind: 'claim' });
    pane.move(1);
    fake.slow(300);
    const started = Date.now();
    await actions.run({ type: 'tag', kind: 'confirmation' });
    // The claim picker is open for the new evidence, long before the reply.
    expect(workspace.modal?.kind).toBe('pick-claim');
    expect(workspace.modal?.kind === 'pick-claim' && workspace.modal.evidence.anchor.start).toBe(
      16,
    );
    workspace.closeModal();
    // The next key acts on the state main pushed: it clears the tag just made, by main's id.
    await actions.run({ type: 'untag' });
    expect(Date.now() - started).toBeLessThan(250);
    expect(fake.calls).toEqual(['tag 0 claim', 'tag 16 confirmation', 'remove t2']);
    expect(workspace.review?.tags.map((t) => t.anchor.start)).toEqual([0]);
  });

  it('runs steps in key order even when an earlier one is slow', async () => {
    const { fake, actions, pane } = await openWorkspace(50);
    const pressed = [];
    for (const kind of ['claim', 'contradiction', 'claim'] as const) {
      pressed.push(actions.run({ type: 'tag', kind }));
      pane.move(1);
    }
    await Promise.all(pressed);
    expect(fake.calls).toEqual(['tag 0 claim', 'tag 16 contradiction', 'tag 33 claim']);
  });
});
