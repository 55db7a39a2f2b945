// Team sync started from the app's calls on real back ends and a real sync server: Ana shares a
// review, Ben joins it; after Ben's back end restarts, his review syncs again with nothing asked
// (resume on start), and the token never reaches a reply. A review whose settings are damaged
// starts without syncing and says why.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SyncBackends } from '../../../tests/support/sync-backends';
import { value } from '../../../tests/support/temp-backends';
import type { Backend } from '../compose';
import { newSyncToken } from './sync-peer';

const TEXT = 'The fire started at noon. Two witnesses saw smoke. The mayor denied it.';
let bench: SyncBackends;
const token = newSyncToken();

beforeAll(async () => {
  bench = await SyncBackends.start();
});
afterAll(async () => {
  await bench?.close();
});

async function reviewWithText(backend: Backend, name: string) {
  const reviewId = value(await backend.service.createReview({ name })).id;
  const added = value(
    await backend.service.addDocument({
      reviewId,
      fileName: 'report.txt',
      bytes: new TextEncoder().encode(TEXT),
    }),
  );
  return { reviewId, documentId: added.document.id };
}

async function until(check: () => Promise<boolean>, what: string, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const hasTag = (backend: Backend, reviewId: string, tagId: string) => async () => {
  const review = await backend.service.readReview(reviewId);
  return review.ok && review.value.tags.some((t) => t.id === tagId);
};

it('shares, joins, and syncs again after a restart without being asked', async () => {
  const ana = await bench.backendOf('ana');
  let ben = await bench.backendOf('ben');
  const shared = await reviewWithText(ana, 'Harbour fire');
  const serverUrl = bench.server.url;

  const anaInfo = value(
    await ana.service.startTeamSync({ reviewId: shared.reviewId, serverUrl, token }),
  );
  expect(anaInfo).toMatchObject({ syncing: true, serverUrl, hasToken: true });
  expect(anaInfo.documentUrl).toMatch(/^automerge:/);
  expect(JSON.stringify(anaInfo)).not.toContain(token);

  const mine = await reviewWithText(ben, 'To be joined');
  const benInfo = value(
    await ben.service.startTeamSync({
      reviewId: mine.reviewId,
      serverUrl,
      token,
      documentUrl: anaInfo.documentUrl,
    }),
  );
  expect(benInfo.documentUrl).toBe(anaInfo.documentUrl);
  const first = value(
    await ana.service.tagSentence({ ...shared, start: 0, end: 25, kind: 'claim' }),
  );
  await until(hasTag(ben, mine.reviewId, first.tagId), 'the first tag reaching Ben');

  // Ben quits and starts again: the review syncs on its own, from the stored settings.
  ben = await bench.restart(ben);
  await ben.resumed;
  expect(value(await ben.service.getTeamSync({ reviewId: mine.reviewId }))).toMatchObject({
    syncing: true,
    hasToken: true,
    documentUrl: anaInfo.documentUrl,
  });
  const second = value(
    await ana.service.tagSentence({ ...shared, start: 26, end: 50, kind: 'confirmation' }),
  );
  await until(hasTag(ben, mine.reviewId, second.tagId), 'a tag reaching Ben after his restart');

  // Stopped, it stays stopped after a restart; the settings are kept for next time.
  value(await ben.service.stopTeamSync({ reviewId: mine.reviewId }));
  ben = await bench.restart(ben);
  await ben.resumed;
  expect(value(await ben.service.getTeamSync({ reviewId: mine.reviewId }))).toEqual({
    syncing: false,
    hasToken: true,
    serverUrl,
    documentUrl: anaInfo.documentUrl,
  });
  // Syncing again needs no secret typed: the stored one is used.
  value(await ben.service.startTeamSync({ reviewId: mine.reviewId, serverUrl }));
  expect(ben.teamSync.syncOf(mine.reviewId)).toBeDefined();
}, 30_000);

it('refuses bad settings in plain words, and a damaged settings file does not stop the start', async () => {
  let cara = await bench.backendOf('cara');
  const { reviewId } = await reviewWithText(cara, 'Desk');
  const cases: [{ serverUrl: string; token?: string; documentUrl?: string }, RegExp][] = [
    [{ serverUrl: 'http://x', token }, /not a sync server’s address/],
    [{ serverUrl: bench.server.url, token: 'short' }, /32 to 256 letters/],
    [{ serverUrl: bench.server.url }, /Enter the review’s secret/],
    [{ serverUrl: bench.server.url, token, documentUrl: 'abc' }, /not a shared review’s address/],
  ];
  for (const [args, message] of cases) {
    const started = await cara.service.startTeamSync({ reviewId, ...args });
    expect(started.ok).toBe(false);
    if (!started.ok) expect(started.error.message).toMatch(message);
  }
  value(await cara.service.startTeamSync({ reviewId, serverUrl: bench.server.url, token }));
  await writeFile(join(cara.dataDir, 'sync', reviewId, 'connection.json'), '{ not json');
  cara = await bench.restart(cara);
  await cara.resumed;
  const info = value(await cara.service.getTeamSync({ reviewId }));
  expect(info.syncing).toBe(false);
  expect(info.problem).toMatch(/could not be read, so this review does not sync/);
  expect(value(await cara.service.openReview({ reviewId })).review.name).toBe('Desk');
  // Deleting the review forgets its settings and secret.
  value(await cara.service.startTeamSync({ reviewId, serverUrl: bench.server.url, token }));
  value(await cara.service.deleteReview({ reviewId }));
  expect(await cara.teamSync.settings.reviewIds()).toEqual([]);
  expect(cara.teamSync.syncOf(reviewId)).toBeUndefined();
}, 20_000);
