// Two reviewers' real back ends (each its own data folder, composed as the hosts compose them) on
// one real sync server over loopback: a tag made in one reaches the other's review and its file on
// disk; a tag made while the other is disconnected arrives after it reconnects; remote changes do
// not enter the receiving reviewer's undo history.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Review } from '../../core/review/types';
import { segment } from '../../core/text/segment';
import { pollUntil } from '../../../tests/support/poll-until';
import { SyncBackends } from '../../../tests/support/sync-backends';
import { value } from '../../../tests/support/temp-backends';
import type { Backend } from '../compose';

const TEXT = 'The fire started at noon. Two witnesses saw smoke. The mayor denied it.';

let bench: SyncBackends;
const serverLog: string[] = [];

beforeAll(async () => {
  bench = await SyncBackends.start((line) => serverLog.push(line));
});

afterAll(async () => {
  await bench?.close();
});

const backendOf = (name: string) => bench.backendOf(name);

async function reviewFile(backend: Backend, reviewId: string): Promise<Review> {
  return JSON.parse(
    await readFile(join(backend.dataDir, 'reviews', `${reviewId}.json`), 'utf8'),
  ) as Review;
}

it('carries tags between two real back ends, live and after a reconnect', async () => {
  const ana = await backendOf('ana');
  const ben = await backendOf('ben');
  const anaReview = value(await ana.service.createReview({ name: 'Harbour fire' })).id;
  const added = value(
    await ana.service.addDocument({
      reviewId: anaReview,
      fileName: 'report.txt',
      bytes: new TextEncoder().encode(TEXT),
    }),
  );
  const documentId = added.document.id;
  const [first, second, third] = segment(TEXT);
  if (!first || !second || !third) throw new Error('the text has three sentences');
  const tag1 = value(
    await ana.service.tagSentence({ reviewId: anaReview, documentId, ...first, kind: 'claim' }),
  ).tagId;
  const anaSync = await bench.startSync(ana, anaReview);

  // Ben joins with an empty review of his own: the shared document fills it.
  const benReview = value(await ben.service.createReview({ name: 'joining' })).id;
  const benSync = await bench.startSync(ben, benReview, { documentUrl: anaSync.url });
  const tagsOf = async (b: Backend, id: string) => value(await b.service.readReview(id)).tags;
  await pollUntil(
    5000,
    () => tagsOf(ben, benReview),
    (tags) => tags.some((t) => t.id === tag1),
  );
  expect(value(await ben.service.readReview(benReview)).name).toBe('Harbour fire');

  // Live: a tag made by Ana reaches Ben's review and its file, within a few seconds.
  const made = Date.now();
  const tag2 = value(
    await ana.service.tagSentence({
      reviewId: anaReview,
      documentId,
      ...second,
      kind: 'contradiction',
    }),
  ).tagId;
  await pollUntil(
    3000,
    () => tagsOf(ben, benReview),
    (tags) => tags.some((t) => t.id === tag2),
  );
  const live = Date.now() - made;
  await ben.service.flush();
  expect((await reviewFile(ben, benReview)).tags.map((t) => t.id)).toContain(tag2);
  // The change came from Ana: Ben has nothing of his own to undo.
  expect(value(await ben.service.openReview({ reviewId: benReview })).history.undo).toBeUndefined();

  // Ben's edits go back the other way.
  value(await ben.service.setNote({ reviewId: benReview, tagId: tag1, note: 'checked by Ben' }));
  await pollUntil(
    3000,
    () => tagsOf(ana, anaReview),
    (tags) => tags.find((t) => t.id === tag1)?.note === 'checked by Ben',
  );

  // Offline: Ben disconnects, Ana tags; nothing arrives until Ben reconnects.
  benSync.peer.disconnect();
  const tag3 = value(
    await ana.service.tagSentence({ reviewId: anaReview, documentId, ...third, kind: 'claim' }),
  ).tagId;
  await new Promise((r) => setTimeout(r, 500));
  expect((await tagsOf(ben, benReview)).some((t) => t.id === tag3)).toBe(false);
  const reconnected = Date.now();
  benSync.peer.connect();
  await pollUntil(
    5000,
    () => tagsOf(ben, benReview),
    (tags) => tags.some((t) => t.id === tag3),
  );
  const afterReconnect = Date.now() - reconnected;
  await ben.service.flush();
  expect((await reviewFile(ben, benReview)).tags.map((t) => t.id)).toContain(tag3);
  expect(serverLog.join('\n')).not.toContain(bench.token);
  console.log(`service sync: live tag ${live} ms; after reconnect ${afterReconnect} ms`);
}, 20_000);

/**
 * Ana (in data folder `folder`-ana) shares a review with one document and one claim; Ben joins,
 * has the claim, and adds the same file (the shared document carries tags, not texts).
 */
async function sharedClaim(folder: string) {
  const ana = await backendOf(`${folder}-ana`);
  const ben = await backendOf(`${folder}-ben`);
  const anaReview = value(await ana.service.createReview({ name: 'Quarry' })).id;
  const add = (b: Backend, reviewId: string) =>
    b.service.addDocument({
      reviewId,
      fileName: 'quarry.txt',
      bytes: new TextEncoder().encode(TEXT),
    });
  const { document } = value(await add(ana, anaReview));
  const [first] = segment(TEXT);
  if (!first) throw new Error('the text has a sentence');
  const sentence = { documentId: document.id, ...first };
  const tagId = value(
    await ana.service.tagSentence({ reviewId: anaReview, ...sentence, kind: 'claim' }),
  ).tagId;
  const anaSync = await bench.startSync(ana, anaReview, { author: 'Ana' });
  const benReview = value(await ben.service.createReview({ name: 'joining' })).id;
  const benSync = await bench.startSync(ben, benReview, {
    author: 'Ben',
    documentUrl: anaSync.url,
  });
  const tagIn = async (b: Backend, id: string) =>
    value(await b.service.readReview(id)).tags.find((t) => t.id === tagId);
  const kindIn = async (b: Backend, id: string) => (await tagIn(b, id))?.kind;
  await pollUntil(
    5000,
    () => kindIn(ben, benReview),
    (kind) => kind === 'claim',
  );
  expect(value(await add(ben, benReview)).document.id).toBe(document.id);
  return { ana, ben, anaReview, benReview, anaSync, benSync, sentence, tagId, tagIn, kindIn };
}

it('lists concurrent edits of one tag on both sides, and a pick in one settles it for both', async () => {
  const { ana, ben, anaReview, benReview, anaSync, benSync, sentence, tagId, kindIn } =
    await sharedClaim('conflict');
  // A review that is not synced has no sync conflicts.
  const lone = value(await ana.service.createReview({ name: 'alone' })).id;
  expect(value(await ana.service.getSyncConflicts({ reviewId: lone })).conflicts).toEqual([]);

  // Offline, each makes the claim something else.
  anaSync.peer.disconnect();
  benSync.peer.disconnect();
  value(await ana.service.tagSentence({ reviewId: anaReview, ...sentence, kind: 'confirmation' }));
  value(await ben.service.tagSentence({ reviewId: benReview, ...sentence, kind: 'contradiction' }));
  const pushed: unknown[] = [];
  ana.service.onEvent((e) => {
    if (e.name === 'syncConflicts') pushed.push(e.payload.conflicts);
  });
  anaSync.peer.connect();
  benSync.peer.connect();
  const conflictsOf = async (b: Backend, id: string) =>
    value(await b.service.getSyncConflicts({ reviewId: id })).conflicts;
  const untilConflicts = (b: Backend, id: string, count: number) =>
    pollUntil(
      5000,
      () => conflictsOf(b, id),
      (list) => list.length === count,
    );
  await untilConflicts(ana, anaReview, 1);
  await untilConflicts(ben, benReview, 1);
  const [conflict] = await conflictsOf(ben, benReview);
  expect(conflict).toMatchObject({ target: 'tag', tagId, field: 'kind' });
  const versions = conflict?.values.map((v) => [v.author, v.value]).sort();
  expect(versions).toEqual([
    ['Ana', 'confirmation'],
    ['Ben', 'contradiction'],
  ]);
  expect(conflict?.values.filter((v) => v.shown)).toHaveLength(1);
  expect(pushed.length).toBeGreaterThan(0);

  // A version nobody wrote, or a field with no conflict, is refused and changes nothing.
  const bad = await ben.service.resolveSyncConflict({
    reviewId: benReview,
    target: { tagId, field: 'note' },
    actor: conflict?.values[0]?.actor ?? '',
  });
  expect(bad.ok).toBe(false);

  // Ben keeps the version his review does not show (which one that is, is Automerge's pick by
  // actor id): both reviews and both files hold it, and no conflict is left.
  const kept = conflict?.values.find((v) => !v.shown);
  value(
    await ben.service.resolveSyncConflict({
      reviewId: benReview,
      target: { tagId, field: 'kind' },
      actor: kept?.actor ?? '',
    }),
  );
  expect(await kindIn(ben, benReview)).toBe(kept?.value);
  expect(await conflictsOf(ben, benReview)).toEqual([]);
  await untilConflicts(ana, anaReview, 0);
  await pollUntil(
    5000,
    () => kindIn(ana, anaReview),
    (kind) => kind === kept?.value,
  );
  expect(pushed.at(-1)).toEqual([]);
  await ana.service.flush();
  await ben.service.flush();
  expect((await reviewFile(ana, anaReview)).tags.find((t) => t.id === tagId)?.kind).toBe(
    kept?.value,
  );
  expect((await reviewFile(ben, benReview)).tags.find((t) => t.id === tagId)?.kind).toBe(
    kept?.value,
  );

  // The pick is Ben's undo step: undo brings back what Ben's review showed, for Ana too.
  const shownToBen = conflict?.values.find((v) => v.shown)?.value;
  const undone = value(await ben.service.undo({ reviewId: benReview }));
  expect(undone.label).toBe('keep a version');
  expect(await kindIn(ben, benReview)).toBe(shownToBen);
  await pollUntil(
    5000,
    () => kindIn(ana, anaReview),
    (kind) => kind === shownToBen,
  );
  expect(await conflictsOf(ana, anaReview)).toEqual([]);
}, 30_000);

it("undo after a teammate edited the same tag keeps the teammate's edit, and syncs", async () => {
  const { ana, ben, anaReview, benReview, tagId, tagIn } = await sharedClaim('undo');
  // Ana writes a note; Ben, having it, changes the claim's kind.
  value(await ana.service.setNote({ reviewId: anaReview, tagId, note: 'Ana: check the date' }));
  await pollUntil(
    5000,
    () => tagIn(ben, benReview),
    (t) => t?.note === 'Ana: check the date',
  );
  const bensTag = await tagIn(ben, benReview);
  if (!bensTag) throw new Error('Ben has the tag');
  value(
    await ben.service.tagSentence({
      reviewId: benReview,
      documentId: bensTag.documentId,
      start: bensTag.anchor.start,
      end: bensTag.anchor.end,
      kind: 'contradiction',
    }),
  );
  await pollUntil(
    5000,
    () => tagIn(ana, anaReview),
    (t) => t?.kind === 'contradiction',
  );

  // Ana undoes her note: the note goes, Ben's kind stays, on both sides and on disk.
  expect(value(await ana.service.undo({ reviewId: anaReview })).label).toBeDefined();
  expect(await tagIn(ana, anaReview)).toMatchObject({ kind: 'contradiction' });
  expect((await tagIn(ana, anaReview))?.note).toBeUndefined();
  await pollUntil(
    5000,
    () => tagIn(ben, benReview),
    (t) => t?.note === undefined,
  );
  expect((await tagIn(ben, benReview))?.kind).toBe('contradiction');
  await ana.service.flush();
  const onDisk = (await reviewFile(ana, anaReview)).tags.find((t) => t.id === tagId);
  expect(onDisk).toMatchObject({ kind: 'contradiction' });
  expect(onDisk?.note).toBeUndefined();

  // Ben rewrites the note; Ana's redo of her note then keeps Ben's (it is not hers to replace).
  value(await ben.service.setNote({ reviewId: benReview, tagId, note: 'Ben: date is right' }));
  await pollUntil(
    5000,
    () => tagIn(ana, anaReview),
    (t) => t?.note === 'Ben: date is right',
  );
  value(await ana.service.redo({ reviewId: anaReview }));
  expect((await tagIn(ana, anaReview))?.note).toBe('Ben: date is right');
}, 30_000);

it('tells each reviewer who else has the review open, and pushes it when that changes', async () => {
  const ana = await backendOf('ana-here');
  const ben = await backendOf('ben-here');
  const anaReview = value(await ana.service.createReview({ name: 'Presence' })).id;
  const anaSync = await bench.startSync(ana, anaReview, { author: 'Ana' });
  const benReview = value(await ben.service.createReview({ name: 'joining' })).id;
  const pushed: unknown[] = [];
  ana.service.onEvent((event) => {
    if (event.name === 'syncStatus') pushed.push(event.payload);
  });
  const benSync = await bench.startSync(ben, benReview, {
    author: 'Ben',
    documentUrl: anaSync.url,
  });
  const statusOf = async (b: Backend, id: string) =>
    value(await b.service.getSyncStatus({ reviewId: id })).status;
  await pollUntil(
    5000,
    () => statusOf(ana, anaReview),
    (s) => s?.others[0]?.name === 'Ben',
  );
  await pollUntil(
    5000,
    () => statusOf(ben, benReview),
    (s) => s?.others[0]?.name === 'Ana',
  );
  expect(await statusOf(ana, anaReview)).toEqual({
    connection: 'online',
    others: [{ name: 'Ben' }],
  });
  expect(pushed).toContainEqual({
    reviewId: anaReview,
    status: { connection: 'online', others: [{ name: 'Ben' }] },
  });
  // Ben closes the review: Ana is told at once, not after a timeout.
  await benSync.close();
  await pollUntil(
    2000,
    () => statusOf(ana, anaReview),
    (s) => s?.others.length === 0,
  );
  // A review that is not synced has no status.
  const alone = value(await ana.service.createReview({ name: 'alone' })).id;
  expect(await statusOf(ana, alone)).toBeNull();
});
