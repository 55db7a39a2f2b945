// "New from others" on two real back ends over a real sync server: a tag Ana makes arrives at Ben
// as unseen, by Ana; Ben sees it (written to his own file, not to the review); Ana's note makes it
// new again; Ben's own tags, undo and redo never count for him; a removed tag is no longer new;
// the marks outlive a restart.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { segment } from '../../core/text/segment';
import type { ReviewEvent, UnseenTag } from '../../shared/review-api';
import { validateArgs } from '../../shared/review-api-schema';
import { pollUntil } from '../../../tests/support/poll-until';
import { SyncBackends } from '../../../tests/support/sync-backends';
import { value } from '../../../tests/support/temp-backends';
import type { Backend } from '../compose';
import { UNSEEN_FILE } from './unseen-marks';

const TEXT = 'The fire started at noon. Two witnesses saw smoke. The mayor denied it.';
let bench: SyncBackends;
/** What the syncs reported as problems (none expected). */
const problems: string[] = [];
const onProblem = (message: string) => problems.push(message);

beforeAll(async () => {
  bench = await SyncBackends.start();
});

afterAll(async () => {
  await bench?.close();
});

it('marks teammates’ tags new until seen, never one’s own, and keeps the marks on disk', async () => {
  const ana = await bench.backendOf('ana');
  const ben = await bench.backendOf('ben');
  const anaReview = value(await ana.service.createReview({ name: 'Harbour fire' })).id;
  const { document } = value(
    await ana.service.addDocument({
      reviewId: anaReview,
      fileName: 'report.txt',
      bytes: new TextEncoder().encode(TEXT),
    }),
  );
  const [first, second] = segment(TEXT);
  if (!first || !second) throw new Error('the text has sentences');
  const anaSync = await bench.startSync(ana, anaReview, { author: 'Ana', onProblem });
  const benReview = value(await ben.service.createReview({ name: 'joining' })).id;
  let benSync = await bench.startSync(ben, benReview, {
    author: 'Ben',
    documentUrl: anaSync.url,
    onProblem,
  });
  // The shared review lists the document; its text comes from Ben's own copy of the file.
  await pollUntil(
    5000,
    async () => value(await ben.service.readReview(benReview)).documents,
    (documents) => documents.some((d) => d.id === document.id),
  );
  value(
    await ben.service.addDocument({
      reviewId: benReview,
      fileName: 'report.txt',
      bytes: new TextEncoder().encode(TEXT),
    }),
  );
  const benEvents: UnseenTag[][] = [];
  ben.service.onEvent((event: ReviewEvent) => {
    if (event.name === 'unseenChanged' && event.payload.reviewId === benReview) {
      benEvents.push(event.payload.tags);
    }
  });
  const unseenOf = async (b: Backend, reviewId: string) =>
    value(await b.service.getUnseen({ reviewId })).tags;

  // Ana's claim arrives at Ben as new, by Ana; Ana has nothing new.
  const tag1 = value(
    await ana.service.tagSentence({
      reviewId: anaReview,
      documentId: document.id,
      ...first,
      kind: 'claim',
    }),
  ).tagId;
  const arrived = await pollUntil(
    5000,
    () => unseenOf(ben, benReview),
    (tags) => tags.length > 0,
  );
  expect(arrived).toEqual([{ tagId: tag1, by: 'Ana', at: expect.any(String) }]);
  expect(benEvents.at(-1)).toEqual(arrived);
  expect(await unseenOf(ana, anaReview)).toEqual([]);

  // Ben looks at it: gone from the list and from his file; the review file is not touched.
  await ben.service.flush();
  const reviewFile = join(ben.dataDir, 'reviews', `${benReview}.json`);
  const reviewBefore = await readFile(reviewFile, 'utf8');
  expect(value(await ben.service.markSeen({ reviewId: benReview, tagIds: [tag1] }))).toEqual({
    tags: [],
  });
  expect(benEvents.at(-1)).toEqual([]);
  const unseenFile = join(ben.dataDir, 'sync', benReview, UNSEEN_FILE);
  expect(JSON.parse(await readFile(unseenFile, 'utf8')).tags).toEqual([]);
  await ben.service.flush();
  expect(await readFile(reviewFile, 'utf8')).toBe(reviewBefore);

  // Ana edits the note: new again.
  value(await ana.service.setNote({ reviewId: anaReview, tagId: tag1, note: 'two sources' }));
  await pollUntil(
    5000,
    () => unseenOf(ben, benReview),
    (tags) => tags.some((t) => t.tagId === tag1 && t.by === 'Ana'),
  );

  // Ben's own tag, its undo and its redo: nothing new for Ben; new for Ana, by Ben.
  const tag2 = value(
    await ben.service.tagSentence({
      reviewId: benReview,
      documentId: document.id,
      ...second,
      kind: 'contradiction',
    }),
  ).tagId;
  await pollUntil(
    5000,
    () => unseenOf(ana, anaReview),
    (tags) => tags.some((t) => t.tagId === tag2 && t.by === 'Ben'),
  );
  value(await ben.service.undo({ reviewId: benReview }));
  await pollUntil(
    5000,
    () => unseenOf(ana, anaReview),
    (tags) => !tags.some((t) => t.tagId === tag2),
  );
  value(await ben.service.redo({ reviewId: benReview }));
  await pollUntil(
    5000,
    () => unseenOf(ana, anaReview),
    (tags) => tags.some((t) => t.tagId === tag2),
  );
  expect((await unseenOf(ben, benReview)).map((t) => t.tagId)).toEqual([tag1]);

  // The marks outlive a restart of Ben's sync.
  await benSync.close();
  benSync = await bench.startSync(ben, benReview, { author: 'Ben', onProblem });
  expect((await unseenOf(ben, benReview)).map((t) => t.tagId)).toEqual([tag1]);

  // Ana removes her claim: it is no longer new for Ben.
  value(await ana.service.removeTag({ reviewId: anaReview, tagId: tag1 }));
  await pollUntil(
    5000,
    () => unseenOf(ben, benReview),
    (tags) => tags.length === 0,
  );
  // Written after the event: wait for the file to say so.
  await pollUntil(
    3000,
    async () => JSON.parse(await readFile(unseenFile, 'utf8')).tags as unknown[],
    (tags) => tags.length === 0,
  );

  expect(problems).toEqual([]);

  // Ana marks all seen.
  expect(value(await ana.service.markSeen({ reviewId: anaReview, all: true })).tags).toEqual([]);
}, 30_000);

it('answers for a review that is not synced, and refuses a markSeen that names nothing', async () => {
  const lone = await bench.backendOf('lone');
  const reviewId = value(await lone.service.createReview({ name: 'alone' })).id;
  expect(value(await lone.service.getUnseen({ reviewId })).tags).toEqual([]);
  expect(value(await lone.service.markSeen({ reviewId, all: true })).tags).toEqual([]);
  expect((await lone.service.getUnseen({ reviewId: 'nope' })).ok).toBe(false);
  expect(validateArgs('markSeen', { reviewId }).ok).toBe(false);
  expect(validateArgs('markSeen', { reviewId, tagIds: ['t1'] }).ok).toBe(true);
  expect(validateArgs('markSeen', { reviewId, all: false }).ok).toBe(false);
});
