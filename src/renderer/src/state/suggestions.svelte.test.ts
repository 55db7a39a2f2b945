// The suggestions list against a fake back end that answers like main: accepting and dismissing
// send the selected row's sentence, take it off the list so the next one is selected, and
// progress events show until indexing ends.
import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../../../core/review/anchor';
import { applyChange, type ReviewChange } from '../../../core/review/review-change';
import type { Review } from '../../../core/review/types';
import type { Suggestion } from '../../../core/suggest/types';
import type { ReviewApi } from '../../../shared/review-api';
import { openingCalls, pushingBackend } from '../../../../tests/support/pushing-backend';
import { Workspace } from './workspace.svelte';

const DOC = `sha256:${'c'.repeat(64)}`;
const TEXT = 'Troops will leave. Troops will not leave. They may leave.';
const SENTENCES = [0, 18, 19, 41, 42, 57];

function fakeBackend() {
  let review: Review = {
    schemaVersion: 1,
    id: 'r1',
    name: 'Fake',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    reviewers: ['Ana'],
    documents: [],
    tags: [
      {
        id: 'claim',
        documentId: DOC,
        kind: 'claim',
        anchor: makeAnchor(TEXT, 0, 18),
        author: 'Ana',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
      },
    ],
    panes: [DOC],
  };
  let revision = 0;
  const calls: string[] = [];
  const commit = (change: ReviewChange) => {
    review = applyChange(review, change);
    revision++;
    push({ name: 'reviewChanged', payload: { reviewId: 'r1', revision, change, history: {} } });
    return revision;
  };
  const suggestion = (start: number, end: number, stance: Suggestion['stance']): Suggestion => ({
    documentId: DOC,
    start,
    end,
    index: SENTENCES.indexOf(start) / 2,
    text: TEXT.slice(start, end),
    stance,
    score: 0.5,
    reasons: ['shares troops, leave'],
  });
  const all = [suggestion(19, 41, 'contradiction'), suggestion(42, 57, 'related')];
  let indexing: { done: number; total: number } | undefined = { done: 1, total: 3 };
  const api: Partial<ReviewApi> = {
    ...openingCalls(() => ({ review, revision }), {
      id: DOC,
      text: TEXT,
      sentences: SENTENCES,
      forced: [],
    }),
    suggestEvidence: async ({ claimId }) => {
      calls.push(`suggest ${claimId}`);
      const hidden = new Set([
        ...(review.dismissals ?? []).map((d) => d.anchor.start),
        ...review.tags.map((t) => t.anchor.start),
      ]);
      const suggestions = all.filter((s) => !hidden.has(s.start));
      return { ok: true, value: indexing ? { suggestions, indexing } : { suggestions } };
    },
    acceptSuggestion: async ({ start, end, kind, claimId }) => {
      calls.push(`accept ${start}-${end} ${kind} for ${claimId}`);
      const tag = { ...review.tags[0]!, id: 'e1', kind, anchor: makeAnchor(TEXT, start, end) };
      const rev = commit({
        kind: 'tags',
        patches: [{ id: 'e1', after: { ...tag, claimIds: [claimId] } }],
      });
      return { ok: true, value: { tagId: 'e1', revision: rev } };
    },
    dismissSuggestion: async ({ start, end, claimId }) => {
      calls.push(`dismiss ${start}-${end} for ${claimId}`);
      const dismissal = {
        claimId,
        documentId: DOC,
        anchor: makeAnchor(TEXT, start, end),
        author: 'Ana',
        created: '2026-01-02T00:00:00.000Z',
      };
      const rev = commit({ kind: 'review', fields: { dismissals: [dismissal] } });
      return { ok: true, value: { revision: rev } };
    },
  };
  const { backend, push } = pushingBackend(api);
  return {
    backend,
    calls,
    push,
    finishIndexing: () => (indexing = undefined),
  };
}

async function openWorkspace() {
  const fake = fakeBackend();
  const workspace = new Workspace(fake.backend);
  await workspace.init();
  await workspace.openReview('r1');
  const suggestions = workspace.suggestions;
  suggestions.follow('claim');
  await suggestions.refresh();
  return { fake, workspace, suggestions };
}

describe('SuggestionsState', () => {
  it('lists the claim’s suggestions and shows indexing progress until it ends', async () => {
    const { fake, suggestions } = await openWorkspace();
    expect(suggestions.claim?.id).toBe('claim');
    expect(suggestions.list.map((s) => s.stance)).toEqual(['contradiction', 'related']);
    expect(suggestions.indexing).toMatchObject({ done: 1, total: 3 });
    const progress = { reviewId: 'r1', done: 2, total: 3, documents: { done: 1, total: 2 } };
    fake.push({ name: 'suggestionIndex', payload: progress });
    expect(suggestions.indexing).toEqual(progress);
    fake.finishIndexing();
    fake.push({
      name: 'suggestionIndex',
      payload: { ...progress, done: 3, documents: { done: 2, total: 2 } },
    });
    expect(suggestions.indexing).toBeUndefined();
    // asked on opening, when a document was done, and when indexing ended
    await Promise.resolve();
    expect(fake.calls.filter((c) => c.startsWith('suggest'))).toHaveLength(3);
  });

  it('accepts the selected row as evidence of the claim and selects the next one', async () => {
    const { fake, workspace, suggestions } = await openWorkspace();
    await suggestions.accept('contradiction');
    expect(fake.calls).toContain('accept 19-41 contradiction for claim');
    expect(workspace.review?.tags.find((t) => t.id === 'e1')?.claimIds).toEqual(['claim']);
    expect(suggestions.current?.start).toBe(42);
    await suggestions.refresh();
    expect(suggestions.list.map((s) => s.start)).toEqual([42]);
  });

  it('dismisses the selected row, and moves stay within the list', async () => {
    const { fake, workspace, suggestions } = await openWorkspace();
    suggestions.move(5);
    expect(suggestions.selected).toBe(1);
    suggestions.move(-5);
    expect(suggestions.selected).toBe(0);
    suggestions.move(1);
    await suggestions.dismiss();
    expect(fake.calls).toContain('dismiss 42-57 for claim');
    expect(workspace.review?.dismissals).toHaveLength(1);
    expect(suggestions.list.map((s) => s.start)).toEqual([19]);
    expect(suggestions.selected).toBe(0);
  });
});
