// The keys S, A and V and the reviewer's name against a fake back end that pushes its changes
// like main does: each acts on the sentence selected when pressed, after every earlier key.
import { describe, expect, it } from 'vitest';
import { setFacet } from '../../../core/analysis/facets';
import { makeAnchor } from '../../../core/review/anchor';
import { applyChange, type ReviewChange } from '../../../core/review/review-change';
import type { Review, Tag } from '../../../core/review/types';
import type { ReviewApi, ReviewerSettings } from '../../../shared/review-api';
import { openingCalls, pushingBackend } from '../../../../tests/support/pushing-backend';
import { Assessment, linkToAct } from './assessment.svelte';
import { TagActions } from './tag-actions';
import { Workspace } from './workspace.svelte';

const DOC = `sha256:${'c'.repeat(64)}`;
const TEXT = 'First claim here. Some evidence. Second claim here.';
const SENTENCES = [0, 17, 18, 32, 33, 51];
const NOW = '2026-01-01T00:00:00.000Z';

function tag(id: string, start: number, end: number, over: Partial<Tag> = {}): Tag {
  return {
    id,
    documentId: DOC,
    kind: 'claim',
    anchor: makeAnchor(TEXT, start, end),
    author: 'Ana',
    created: NOW,
    modified: NOW,
    ...over,
  };
}

/** A back end holding one review with claims c1, c2 and evidence e1 linked to `links`. */
function fakeBackend(links: string[], settings: ReviewerSettings = { defaultName: 'root' }) {
  let review: Review = {
    schemaVersion: 2,
    id: 'r1',
    name: 'Fake',
    created: NOW,
    modified: NOW,
    reviewers: ['Ana'],
    documents: [],
    tags: [
      tag('c1', 0, 17),
      tag('e1', 18, 32, { kind: 'confirmation', claimIds: links }),
      tag('c2', 33, 51),
    ],
    panes: [DOC],
  };
  let revision = 0;
  const calls: string[] = [];
  const commit = (change: ReviewChange) => {
    review = applyChange(review, change);
    revision++;
    push({ name: 'reviewChanged', payload: { reviewId: 'r1', revision, change, history: {} } });
    return { ok: true as const, value: { revision } };
  };
  const api: Partial<ReviewApi> = {
    ...openingCalls(() => ({ review, revision }), {
      id: DOC,
      text: TEXT,
      sentences: SENTENCES,
      forced: [],
    }),
    setFacet: async ({ evidenceId, claimId, facet }) => {
      calls.push(`facet ${evidenceId} ${claimId} ${facet}`);
      const edit = setFacet(review.tags, evidenceId, claimId, facet, { now: NOW });
      if (!edit.ok) return edit;
      return commit({ kind: 'tags', patches: edit.value.patches });
    },
    suggestAttribution: async ({ tagId }) => {
      calls.push(`suggest ${tagId}`);
      return { ok: true, value: { suggestion: { name: 'Reuters', reason: 'a test' } } };
    },
    setJudgement: async ({ claimId, judgement }) => {
      calls.push(`judge ${claimId} ${judgement?.verdict ?? 'cleared'}`);
      return { ok: true, value: { revision } };
    },
    setCredibility: async ({ tagId, credibility }) => {
      calls.push(`credibility ${tagId} ${credibility ?? 'cleared'}`);
      if (credibility === 1) {
        return {
          ok: false,
          error: { code: 'not-confirmed', message: 'Only one independent origin says this.' },
        };
      }
      return { ok: true, value: { revision } };
    },
    updateSource: async ({ sourceId, reliability }) => {
      calls.push(`reliability ${sourceId} ${reliability ?? 'cleared'}`);
      return { ok: true, value: { revision } };
    },
    getReviewerSettings: async () => ({ ok: true, value: settings }),
    setReviewerName: async ({ name }) => {
      calls.push(`name ${name}`);
      settings = { ...settings, reviewerName: name };
      return { ok: true, value: settings };
    },
  };
  const { backend, push } = pushingBackend(api);
  return { backend, calls, review: () => review };
}

async function openWorkspace(links: string[], settings?: ReviewerSettings) {
  const fake = fakeBackend(links, settings);
  const workspace = new Workspace(fake.backend);
  await workspace.init();
  await workspace.openReview('r1');
  const tags = new TagActions(workspace);
  const assessment = new Assessment(workspace, tags);
  const pane = workspace.panes[0];
  if (!pane) throw new Error('no pane');
  return { fake, workspace, assessment, pane };
}

describe('linkToAct', () => {
  const evidence = (claimIds?: string[]) => tag('e', 18, 32, { kind: 'confirmation', claimIds });
  it.each([
    ['no links', undefined, undefined, undefined],
    ['one link', ['c1'], undefined, { claimId: 'c1' }],
    ['several links, none pinned', ['c1', 'c2'], undefined, { choose: ['c1', 'c2'] }],
    ['several links, one pinned', ['c1', 'c2'], 'c2', { claimId: 'c2' }],
    ['one link, another claim pinned', ['c1'], 'c2', { claimId: 'c1' }],
  ] as const)('%s', (_, links, pinned, expected) => {
    expect(linkToAct(evidence(links ? [...links] : undefined), pinned)).toEqual(expected);
  });
});

describe('Assessment keys', () => {
  it('S switches the selected evidence’s only link to the source and back', async () => {
    const { fake, assessment, pane } = await openWorkspace(['c1']);
    pane.select(1);
    await assessment.run({ type: 'facet' });
    expect(fake.review().tags.find((t) => t.id === 'e1')?.facets).toEqual({ c1: 'source' });
    expect(assessment.claim('c1')?.source.forCount.tags).toBe(1);
    await assessment.run({ type: 'facet' });
    expect(fake.calls).toEqual(['facet e1 c1 source', 'facet e1 c1 content']);
    expect(assessment.claim('c1')?.content.forCount.tags).toBe(1);
  });

  it('S on evidence of two claims asks which link, unless one of them is pinned', async () => {
    const { fake, workspace, assessment, pane } = await openWorkspace(['c1', 'c2']);
    pane.select(1);
    await assessment.run({ type: 'facet' });
    expect(workspace.modal?.kind).toBe('facet-choice');
    expect(fake.calls).toEqual([]);
    workspace.closeModal();
    workspace.pinnedClaimId = 'c2';
    await assessment.run({ type: 'facet' });
    expect(fake.calls).toEqual(['facet e1 c2 source']);
  });

  it('A asks for the suggestion first, then opens who says it with it filled in', async () => {
    const { fake, workspace, assessment, pane } = await openWorkspace(['c1']);
    pane.select(1);
    await assessment.run({ type: 'attribute' });
    expect(workspace.modal).toMatchObject({
      kind: 'attribution',
      tag: { id: 'e1' },
      suggestion: { name: 'Reuters', reason: 'a test' },
    });
    expect(fake.calls).toEqual(['suggest e1']);
  });

  it('V opens the verdict of the selected claim, or of the one claim selected evidence speaks to', async () => {
    const { workspace, assessment, pane } = await openWorkspace(['c2']);
    pane.select(0);
    await assessment.run({ type: 'judge' });
    expect(workspace.modal).toMatchObject({ kind: 'judgement', claim: { id: 'c1' } });
    workspace.closeModal();
    pane.select(1);
    await assessment.run({ type: 'judge' });
    expect(workspace.modal).toMatchObject({ kind: 'judgement', claim: { id: 'c2' } });
  });

  it('judge sends the verdict without an empty rationale, and clears it with undefined', async () => {
    const { fake, assessment } = await openWorkspace(['c1']);
    await assessment.judge('c1', { verdict: 'likely', confidence: 'low', rationale: '  ' });
    await assessment.judge('c1', undefined);
    expect(fake.calls).toEqual(['judge c1 likely', 'judge c1 cleared']);
  });

  it('G opens the grades of selected evidence, and not of a claim', async () => {
    const { workspace, assessment, pane } = await openWorkspace(['c1']);
    pane.select(0);
    await assessment.run({ type: 'grade' });
    expect(workspace.modal).toBeUndefined();
    expect(workspace.notices.at(-1)?.text).toContain('confirmation or contradiction');
    pane.select(1);
    await assessment.run({ type: 'grade' });
    expect(workspace.modal).toMatchObject({ kind: 'grade', evidence: { id: 'e1' } });
  });

  it('grade saves the item’s grade then the source’s, and returns a refusal in words', async () => {
    const { fake, workspace, assessment } = await openWorkspace(['c1']);
    expect(
      await assessment.grade('e1', 's1', { credibility: 2, reliability: 'B' }),
    ).toBeUndefined();
    const before = workspace.notices.length;
    expect(await assessment.grade('e1', 's1', { credibility: 1, reliability: 'C' })).toBe(
      'Only one independent origin says this.',
    );
    expect(workspace.notices.length).toBe(before);
    expect(await assessment.grade('e1', undefined, { credibility: null, reliability: 'A' })).toBe(
      undefined,
    );
    expect(fake.calls).toEqual([
      'credibility e1 2',
      'reliability s1 B',
      'credibility e1 1',
      'credibility e1 cleared',
    ]);
  });
});

describe('Assessment reviewer name', () => {
  it('asks on first run; Skip keeps the default name and does not ask again', async () => {
    const { fake, assessment } = await openWorkspace([]);
    await assessment.loadSettings();
    expect(assessment.askReviewerName).toBe(true);
    expect(assessment.reviewerName).toBe('root');
    await assessment.skipReviewerName();
    expect(fake.calls).toEqual(['name root']);
    expect(assessment.askReviewerName).toBe(false);
  });

  it('does not ask once a name is kept', async () => {
    const { assessment } = await openWorkspace([], { defaultName: 'root', reviewerName: 'Ana' });
    await assessment.loadSettings();
    expect(assessment.askReviewerName).toBe(false);
    expect(assessment.reviewerName).toBe('Ana');
  });
});
