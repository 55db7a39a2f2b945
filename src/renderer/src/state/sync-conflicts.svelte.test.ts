// The open review's sync conflicts in the workspace: listed on open, counted with the other
// conflicts, replaced when main pushes a new list, and settled through resolveSyncConflict.
import { expect, it } from 'vitest';
import type { Review } from '../../../core/review/types';
import type { SyncConflict } from '../../../core/sync/sync-conflict';
import { openingCalls, pushingBackend } from '../../../../tests/support/pushing-backend';
import { FileActions } from './file-actions';
import { Workspace } from './workspace.svelte';

const DOC = `sha256:${'d'.repeat(64)}`;
const review: Review = {
  schemaVersion: 1,
  id: 'r1',
  name: 'Shared',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  reviewers: ['Ana'],
  documents: [],
  tags: [],
  panes: [],
};
const conflict: SyncConflict = {
  target: 'tag',
  tagId: 't1',
  field: 'kind',
  values: [
    { value: 'confirmation', author: 'Ana', actor: 'aa', shown: true },
    { value: 'contradiction', author: 'Ben', actor: 'bb', shown: false },
  ],
};

/** The calls that open the review (its one document has no text). */
const opening = openingCalls(() => ({ review, revision: 0 }), {
  id: DOC,
  text: '',
  sentences: [],
  forced: [],
});

it('lists, counts, follows and settles the sync conflicts of the open review', async () => {
  const sent: unknown[] = [];
  const fake = pushingBackend({
    ...opening,
    getSyncConflicts: async () => ({ ok: true, value: { conflicts: [conflict] } }),
    resolveSyncConflict: async (args) => {
      sent.push(args);
      return { ok: true, value: { revision: 0 } };
    },
  });
  const workspace = new Workspace(fake.backend);
  await workspace.init();
  await workspace.openReview('r1');
  expect(workspace.syncConflicts).toEqual([conflict]);
  expect(workspace.sharingAttention).toBe(1);

  await new FileActions(workspace).resolveSyncConflict(conflict, 'bb');
  expect(sent).toEqual([{ reviewId: 'r1', target: { tagId: 't1', field: 'kind' }, actor: 'bb' }]);

  // Another review's list is not this one's; this review's new list replaces the old.
  fake.push({ name: 'syncConflicts', payload: { reviewId: 'other', conflicts: [] } });
  expect(workspace.syncConflicts).toEqual([conflict]);
  fake.push({ name: 'syncConflicts', payload: { reviewId: 'r1', conflicts: [] } });
  expect(workspace.syncConflicts).toEqual([]);
  expect(workspace.sharingAttention).toBe(0);
});

it('says on open why a review set to sync does not, and forgets the status when syncing stops', async () => {
  const fake = pushingBackend({
    ...opening,
    getSyncStatus: async () => ({
      ok: true,
      value: { status: { connection: 'online', others: [] } },
    }),
    getTeamSync: async () => ({
      ok: true,
      value: { syncing: false, hasToken: true, problem: 'The settings could not be read.' },
    }),
  });
  const workspace = new Workspace(fake.backend);
  await workspace.init();
  await workspace.openReview('r1');
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(workspace.notices.map((n) => n.text)).toEqual([
    'Team sync: The settings could not be read. (review menu → Team sync…)',
  ]);
  expect(workspace.syncStatus).toEqual({ connection: 'online', others: [] });
  fake.push({ name: 'syncStatus', payload: { reviewId: 'r1', status: null } });
  expect(workspace.syncStatus).toBeNull();
});

it('keeps why the open review does not sync until it syncs again, and reads it again when it stops', async () => {
  let info: { syncing: boolean; problem?: string } = {
    syncing: false,
    problem: 'No secret is stored for this review.',
  };
  const fake = pushingBackend({
    ...opening,
    getSyncStatus: async () => ({ ok: true, value: { status: null } }),
    getTeamSync: async () => ({ ok: true, value: { ...info, hasToken: false } }),
  });
  const workspace = new Workspace(fake.backend);
  await workspace.init();
  await workspace.openReview('r1');
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(workspace.teamSyncProblem).toBe('No secret is stored for this review.');

  // Another review's sync is not this one's; this one syncing clears the problem at once.
  fake.push({ name: 'syncStatus', payload: { reviewId: 'other', status: null } });
  expect(workspace.teamSyncProblem).toBe('No secret is stored for this review.');
  info = { syncing: true };
  fake.push({
    name: 'syncStatus',
    payload: { reviewId: 'r1', status: { connection: 'online', others: [] } },
  });
  expect(workspace.teamSyncProblem).toBeUndefined();

  // Stopped with a problem, it is read again from main.
  info = { syncing: false, problem: 'The sync server refused the secret.' };
  fake.push({ name: 'syncStatus', payload: { reviewId: 'r1', status: null } });
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(workspace.teamSyncProblem).toBe('The sync server refused the secret.');

  workspace.closeReview();
  expect(workspace.teamSyncProblem).toBeUndefined();
});
