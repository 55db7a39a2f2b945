// How the back end keeps reviews on disk and in memory: headers for listing, file names as ids,
// panes as window state, reviews let go of when unused, and texts checked against their ids.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem, Result } from '../core/result';
import { createBackend, type Backend } from './compose';
import type { ReviewService } from './review-service';

const TEXT = 'The bridge opened in 1932. It cost four million pounds.\n';

function value<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

let dataDir: string;
let backend: Backend | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'crosscheck-storage-'));
});

afterEach(async () => {
  await backend?.close();
  backend = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<ReviewService> {
  await backend?.close();
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString();
  backend = await createBackend({ dataDir, author: 'Ana', clock });
  return backend.service;
}

const fileOf = (id: string) => join(dataDir, 'reviews', `${id}.json`);

describe('review files', () => {
  it('list from their headers, and a file edited by hand or without a header is read in full', async () => {
    let service = await start();
    const a = value(await service.createReview({ name: 'Alpha' }));
    const b = value(await service.createReview({ name: 'Beta' }));
    const text = await readFile(fileOf(a.id), 'utf8');
    expect(text.startsWith('{"summary":{"id":')).toBe(true);
    // Edited by hand (the header no longer matches), and written by an older version (none).
    await writeFile(fileOf(a.id), text.replace('"name":"Alpha"', '"name":"Alpha, edited"'));
    const { summary: _gone, ...plain } = JSON.parse(await readFile(fileOf(b.id), 'utf8')) as Record<
      string,
      unknown
    >;
    await writeFile(fileOf(b.id), JSON.stringify(plain));
    service = await start();
    const names = value(await service.listReviews({}))
      .reviews.map((r) => r.name)
      .sort();
    expect(names).toEqual(['Alpha, edited', 'Beta']);
  });

  it('a review whose inner id differs from its file name is listed and opens under the file name', async () => {
    let service = await start();
    const original = value(await service.createReview({ name: 'Original' }));
    await service.flush();
    const copyId = '00000000-0000-4000-8000-000000000001';
    await writeFile(fileOf(copyId), await readFile(fileOf(original.id), 'utf8'));
    service = await start();
    const listed = value(await service.listReviews({}))
      .reviews.map((r) => r.id)
      .sort();
    expect(listed).toEqual([copyId, original.id].sort());
    const opened = value(await service.openReview({ reviewId: copyId }));
    expect(opened.review.id).toBe(copyId);
    value(await service.renameReview({ reviewId: copyId, name: 'The copy' }));
    service = await start();
    const byId = Object.fromEntries(
      value(await service.listReviews({})).reviews.map((r) => [r.id, r.name]),
    );
    expect(byId).toEqual({ [copyId]: 'The copy', [original.id]: 'Original' });
  });
});

describe('window state and memory', () => {
  it('showing or closing a pane does not change the review’s modified time', async () => {
    const service = await start();
    const reviewId = value(await service.createReview({ name: 'Panes' })).id;
    const bytes = new TextEncoder().encode(TEXT);
    const documentId = value(await service.addDocument({ reviewId, fileName: 'b.txt', bytes }))
      .document.id;
    const modified = value(await service.openReview({ reviewId })).review.modified;
    const closed = value(await service.setPanes({ reviewId, documentIds: [] }));
    value(await service.setPanes({ reviewId, documentIds: [documentId] }));
    const after = value(await service.openReview({ reviewId }));
    expect(after.review.modified).toBe(modified);
    expect(after.review.panes).toEqual([documentId]);
    expect(after.revision).toBe(closed.revision + 1);
    await service.flush();
    const onDisk = JSON.parse(await readFile(fileOf(reviewId), 'utf8')) as {
      modified: string;
      panes: string[];
    };
    expect(onDisk).toMatchObject({ modified, panes: [documentId] });
  });

  it('lets go of saved reviews it no longer uses, and their revisions never go backwards', async () => {
    const service = await start();
    const ids = [];
    for (const name of ['One', 'Two', 'Three', 'Four', 'Five', 'Six']) {
      ids.push(value(await service.createReview({ name })).id);
    }
    const first = ids[0] ?? '';
    const renamed = value(await service.renameReview({ reviewId: first, name: 'One again' }));
    for (const id of ids.slice(1)) value(await service.openReview({ reviewId: id }));
    await service.flush();
    const loaded = (service as unknown as { open: Map<string, unknown> }).open;
    expect(loaded.size).toBeLessThanOrEqual(4);
    expect(loaded.has(first)).toBe(false);
    const reopened = value(await service.openReview({ reviewId: first }));
    expect(reopened.review.name).toBe('One again');
    expect(reopened.revision).toBe(renamed.revision);
    expect(value(await service.renameReview({ reviewId: first, name: 'One' })).revision).toBe(
      renamed.revision + 1,
    );
  });
});

describe('document texts', () => {
  it('a text changed on disk is reported plainly, not served as if it still matched', async () => {
    const service = await start();
    const reviewId = value(await service.createReview({ name: 'Texts' })).id;
    const bytes = new TextEncoder().encode(TEXT);
    const documentId = value(await service.addDocument({ reviewId, fileName: 'b.txt', bytes }))
      .document.id;
    const path = join(dataDir, 'documents', `${documentId.slice('sha256:'.length)}.txt`);
    await writeFile(path, TEXT.replace('1932', '1933'));
    const fresh = await start();
    expect(await fresh.getDocumentText({ documentId })).toEqual({
      ok: false,
      error: {
        code: 'document-changed',
        message: `The text file ${path} was changed outside Crosscheck, so tags no longer match it; put back the original file, or remove the document and add it again.`,
      },
    });
  });
});

describe('a review file of an older schema version', () => {
  const V1 = join(import.meta.dirname, '../../tests/fixtures/reviews/review-v1.json');

  it('opens unchanged in meaning and is kept as it was before the first write upgrades it', async () => {
    const original = await readFile(V1, 'utf8');
    const v1 = JSON.parse(original) as { id: string; tags: { id: string }[] };
    await mkdir(join(dataDir, 'reviews'), { recursive: true });
    await writeFile(fileOf(v1.id), original);
    const service = await start();
    const opened = value(await service.openReview({ reviewId: v1.id }));
    expect(opened.review.tags.map((t) => t.id)).toEqual(v1.tags.map((t) => t.id));

    await service.renameReview({ reviewId: v1.id, name: 'Upgraded' });
    await service.flush();
    const backup = join(dataDir, 'reviews', `${v1.id}.v1.json.bak`);
    expect(await readFile(backup, 'utf8')).toBe(original);
    const rewritten = JSON.parse(await readFile(fileOf(v1.id), 'utf8')) as {
      schemaVersion: number;
      tags: { id: string }[];
    };
    expect(rewritten.schemaVersion).toBe(2);
    expect(rewritten.tags.map((t) => t.id)).toEqual(v1.tags.map((t) => t.id));
    // The backup is not a review: the list still holds one.
    expect(value(await service.listReviews({})).reviews).toHaveLength(1);
  });
});
