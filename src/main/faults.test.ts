// What a reviewer sees when the data folder cannot be written (a full disk, a folder made
// read-only): a plain answer, nothing lost, "Saved" only once the change is on disk, retries.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReview } from '../core/review/review-schema';
import type { Problem, Result } from '../core/result';
import type { ReviewEvents } from '../shared/review-api';
import { faultyDisk, type FaultyDisk } from '../../tests/support/faulty-disk';
import { createBackend, type Backend } from './compose';
import { rescueUnsaved } from './rescue';
import type { ReviewService } from './review-service';

const TEXT = 'The bridge opened in 1932. It cost four million pounds. Repairs began in 1950.\n';

function value<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

let root: string;
let dataDir: string;
let backend: Backend | undefined;
let disk: FaultyDisk;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'crosscheck-faults-'));
  dataDir = join(root, 'data');
  disk = faultyDisk();
});

afterEach(async () => {
  disk.state = 'ok';
  await backend?.close();
  backend = undefined;
  await rm(root, { recursive: true, force: true });
});

async function start(): Promise<ReviewService> {
  backend = await createBackend({
    dataDir,
    author: 'Ana',
    writeFile: (path, content) => disk.writeFile(path, content),
    retry: { firstMs: 20, maxMs: 40 },
  });
  return backend.service;
}

/** A review with one document; its sentences as spans. */
async function reviewWithText(service: ReviewService) {
  const reviewId = value(await service.createReview({ name: 'Bridge' })).id;
  const bytes = new TextEncoder().encode(TEXT);
  const documentId = value(await service.addDocument({ reviewId, fileName: 'b.txt', bytes }))
    .document.id;
  const { sentences } = value(await service.getDocumentText({ documentId }));
  const span = (i: number) => ({
    start: sentences[2 * i] as number,
    end: sentences[2 * i + 1] as number,
  });
  return { reviewId, documentId, span };
}

async function onDisk(reviewId: string) {
  const parsed = parseReview(
    JSON.parse(await readFile(join(dataDir, 'reviews', `${reviewId}.json`), 'utf8')),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function saveStates(service: ReviewService): ReviewEvents['saveState'][] {
  const states: ReviewEvents['saveState'][] = [];
  service.onEvent((event) => {
    if (event.name === 'saveState') states.push(event.payload);
  });
  return states;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a full disk', () => {
  it('keeps a tag and a note in memory, says they are not saved, and saves them once it can', async () => {
    const service = await start();
    const { reviewId, documentId, span } = await reviewWithText(service);
    const states = saveStates(service);
    disk.state = 'full';

    const tagged = value(
      await service.tagSentence({ reviewId, documentId, ...span(0), kind: 'claim' }),
    );
    value(await service.setNote({ reviewId, tagId: tagged.tagId, note: 'Check the date.' }));
    const failed = states.filter((s) => s.state === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]?.message).toBe(
      'Your latest changes are not saved yet (the disk is full); they are kept while Crosscheck runs and saving is retried, so keep Crosscheck open until it says “Saved”.',
    );

    // A reload (the page, or another window) tells the truth: shown, but not on disk.
    const reloaded = value(await service.openReview({ reviewId }));
    expect(reloaded.saved).toBe(false);
    expect(reloaded.savedRevision).toBeLessThan(reloaded.revision);
    expect(reloaded.review.tags.map((t) => t.note)).toEqual(['Check the date.']);
    expect((await onDisk(reviewId)).tags).toEqual([]);
    expect(service.unsaved().map((u) => u.reason)).toEqual(['the disk is full']);

    // Saving is retried on its own (with backoff) and succeeds once there is space.
    const failuresSoFar = disk.failures;
    await until(() => disk.failures > failuresSoFar, 'a retry');
    disk.state = 'ok';
    await until(() => states.at(-1)?.state === 'saved', 'saved');
    expect(states.at(-1)?.savedRevision).toBe(reloaded.revision);
    expect(value(await service.openReview({ reviewId })).saved).toBe(true);
    expect((await onDisk(reviewId)).tags.map((t) => t.note)).toEqual(['Check the date.']);
  });

  it('refuses a document import with a plain sentence and changes nothing', async () => {
    const service = await start();
    const reviewId = value(await service.createReview({ name: 'Bridge' })).id;
    disk.state = 'full';
    const refused = await service.addDocument({
      reviewId,
      fileName: 'b.txt',
      bytes: new TextEncoder().encode(TEXT),
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'not-saved',
        message:
          '“b.txt” was not added: its text could not be saved in the data folder (the disk is full); nothing changed, so free some space or check the folder, then add it again.',
      },
    });
    expect(value(await service.openReview({ reviewId })).review.documents).toEqual([]);
    expect(await readdir(join(dataDir, 'documents'))).toEqual([]);
    disk.state = 'ok';
    expect(
      (
        await service.addDocument({
          reviewId,
          fileName: 'b.txt',
          bytes: new TextEncoder().encode(TEXT),
        })
      ).ok,
    ).toBe(true);
  });

  it('on stopping with unsaved changes, writes a rescue copy and says where in one sentence', async () => {
    const service = await start();
    const { reviewId, documentId, span } = await reviewWithText(service);
    disk.state = 'full';
    value(await service.tagSentence({ reviewId, documentId, ...span(1), kind: 'claim' }));
    const rescue = await rescueUnsaved(service, dataDir, [
      join(root, 'no-such', '\0bad'),
      join(root, 'rescue'),
    ]);
    expect(rescue?.folder).toBe(join(root, 'rescue'));
    expect(rescue?.message).toBe(
      `Crosscheck could not save changes to one review in ${dataDir} (the disk is full), so it wrote a copy to ${join(root, 'rescue')}: open the review and use “Import annotations” on that file to get the changes back.`,
    );
    const copy = JSON.parse(await readFile(rescue?.files[0] ?? '', 'utf8')) as {
      items?: unknown[];
    };
    expect(JSON.stringify(copy)).toContain('It cost four million pounds.');
  });
});

describe('a data folder made read-only', () => {
  it('still opens other reviews and lists them; edits say why they are not saved', async () => {
    const service = await start();
    const first = await reviewWithText(service);
    const second = value(await service.createReview({ name: 'Second' })).id;
    await service.flush();
    disk.state = 'read-only';
    // Opening another review would remember it in settings.json: that write fails quietly.
    expect(value(await service.openReview({ reviewId: second })).review.name).toBe('Second');
    expect(value(await service.openReview({ reviewId: first.reviewId })).saved).toBe(true);
    expect(
      value(await service.listReviews({}))
        .reviews.map((r) => r.name)
        .sort(),
    ).toEqual(['Bridge', 'Second']);
    const states = saveStates(service);
    value(
      await service.tagSentence({
        reviewId: first.reviewId,
        ...first.span(0),
        documentId: first.documentId,
        kind: 'claim',
      }),
    );
    expect(states.find((s) => s.state === 'failed')?.message).toContain('(the disk is read-only)');
    expect(value(await service.openReview({ reviewId: first.reviewId })).saved).toBe(false);
  });
});
