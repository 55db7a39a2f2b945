// `crosscheck serve --sync …`: the flags are checked in plain words, the named review is shared or
// joined on a real sync server and kept in sync, and the token appears in no output or error.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Backend } from '../main/compose';
import { newSyncToken } from '../main/sync/sync-peer';
import { SyncBackends } from '../../tests/support/sync-backends';
import { startServeSync, SYNC_TOKEN_ENV, type ServeSyncFlags } from './serve-sync';

const TEXT = 'The fire started at noon. Two witnesses saw smoke.';

let bench: SyncBackends;
const token = newSyncToken();
const output: string[] = [];
const io = { stdout: (s: string) => output.push(s), stderr: (s: string) => output.push(s) };

beforeAll(async () => {
  bench = await SyncBackends.start();
});

afterAll(async () => {
  await bench?.close();
});

const backendOf = (name: string) => bench.backendOf(name);

async function start(backend: Backend, flags: ServeSyncFlags, env = {}) {
  return bench.track(await startServeSync(flags, backend, io, env, 100));
}

async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

it('shares the named review, a teammate joins it, and tags travel; the token is never shown', async () => {
  const ana = await backendOf('ana');
  const ben = await backendOf('ben');
  const shared = await start(
    ana,
    { sync: bench.server.url, review: 'Harbour fire' },
    { [SYNC_TOKEN_ENV]: token },
  );
  if (!shared) throw new Error('sync started');
  expect(shared.url).toMatch(/^automerge:/);
  expect(output.join('')).toContain(`--sync-doc ${shared.url}`);
  const joined = await start(ben, {
    sync: bench.server.url,
    'sync-token': token,
    review: 'Harbour fire',
    'sync-doc': shared.url,
  });
  if (!joined) throw new Error('sync started');

  const list = await ana.service.listReviews({});
  const anaId = list.ok ? list.value.reviews[0]?.id : undefined;
  if (!anaId) throw new Error('the review was created');
  const added = await ana.service.addDocument({
    reviewId: anaId,
    fileName: 'report.txt',
    bytes: new TextEncoder().encode(TEXT),
  });
  if (!added.ok) throw new Error(added.error.message);
  const tagged = await ana.service.tagSentence({
    reviewId: anaId,
    documentId: added.value.document.id,
    start: 0,
    end: 25,
    kind: 'claim',
  });
  if (!tagged.ok) throw new Error(tagged.error.message);
  const benList = await ben.service.listReviews({});
  const benId = benList.ok ? benList.value.reviews[0]?.id : undefined;
  if (!benId) throw new Error('the review was created');
  const deadline = Date.now() + 5000;
  for (;;) {
    const review = await ben.service.readReview(benId);
    if (review.ok && review.value.tags.some((t) => t.id === tagged.value.tagId)) break;
    if (Date.now() > deadline) throw new Error('the tag did not reach the teammate');
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(output.join('')).toContain('Sync: online');
  expect(output.join('')).not.toContain(token);
}, 15_000);

it('says in plain words what is wrong with the flags, without the token', async () => {
  const backend = await backendOf('cara');
  const cases: [ServeSyncFlags, RegExp][] = [
    [{ 'sync-token': token }, /need --sync URL/],
    [{ sync: 'http://example.org', 'sync-token': token, review: 'x' }, /ws:\/\/127\.0\.0\.1/],
    [{ sync: bench.server.url, review: 'x' }, /needs the review's secret/],
    [{ sync: bench.server.url, 'sync-token': 'short', review: 'x' }, /not well formed/],
    [{ sync: bench.server.url, 'sync-token': token }, /needs --review/],
    [
      { sync: bench.server.url, 'sync-token': token, review: 'x', 'sync-doc': `nonsense-${token}` },
      /not a shared review's address/,
    ],
  ];
  for (const [flags, expected] of cases) {
    const message = await failure(start(backend, flags));
    expect(message).toMatch(expected);
    expect(message).not.toContain(token);
  }
  expect(await start(backend, {})).toBeUndefined();
});

it('starts at once when the sync server cannot be reached, and keeps trying', async () => {
  const backend = await backendOf('dan');
  const started = Date.now();
  const sync = await start(backend, {
    sync: 'ws://127.0.0.1:1',
    'sync-token': token,
    review: 'Offline desk',
  });
  expect(Date.now() - started).toBeLessThan(2000);
  expect(sync?.state).toBe('connecting');
  const list = await backend.service.listReviews({});
  const reviewId = list.ok ? list.value.reviews.find((r) => r.name === 'Offline desk')?.id : '';
  if (!reviewId) throw new Error('the review was created');
  const renamed = await backend.service.renameReview({ reviewId, name: 'Offline desk (field)' });
  expect(renamed.ok).toBe(true);
  expect(output.join('')).not.toContain(token);
});

it('stores what the flags say, so a later serve without them syncs the review again', async () => {
  let eve = await backendOf('eve');
  const first = await start(eve, { sync: 'ws://127.0.0.1:1', 'sync-token': token, review: 'Desk' });
  const [reviewId] = await eve.teamSync.settings.reviewIds();
  if (!reviewId) throw new Error('the settings were stored');
  // The flags replace what was stored: here another server.
  const second = await start(eve, { sync: bench.server.url, 'sync-token': token, review: 'Desk' });
  expect(second?.url).toBe(first?.url);
  const stored = await eve.teamSync.settings.read(reviewId);
  expect(stored.ok && stored.value?.connection).toEqual({
    serverUrl: bench.server.url,
    documentUrl: first?.url,
    enabled: true,
  });
  eve = await bench.restart(eve);
  await eve.resumed;
  expect(eve.teamSync.syncOf(reviewId)?.url).toBe(first?.url);
  expect(output.join('')).not.toContain(token);
});
