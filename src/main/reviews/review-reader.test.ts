import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { value } from '../../../tests/support/service-harness';
import { briefOfReview } from '../brief/review-brief';
import { createBackend } from '../compose';
import { DocumentStore } from '../store/document-store';
import { DataDirReader } from './review-reader';
import { ReviewRepository } from './review-repository';

const NOW = '2024-05-01T14:03:00.000Z';
let dataDir: string | undefined;

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

describe('DataDirReader', () => {
  it('passes sources, judgements, facets and document details through to the brief', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'crosscheck-reader-'));
    const backend = await createBackend({
      dataDir,
      samplesDir: 'resources/samples',
      author: 'ana',
    });
    const reviewId = value(await backend.service.openSampleReview({})).id;
    const inApp = value(await backend.service.readReview(reviewId));
    await backend.close();

    // Read from the files alone, as the command line does.
    const reader = new DataDirReader(
      new ReviewRepository(join(dataDir, 'reviews')),
      new DocumentStore(join(dataDir, 'documents')),
    );
    const review = value(await reader.readReview(reviewId));
    expect(review).toEqual(inApp);
    expect(review.sources?.map((s) => s.name)).toContain('Reuters');
    expect(Object.keys(review.judgements ?? {})).toHaveLength(2);

    const brief = value(await briefOfReview(reader, reviewId, { generatedAt: NOW }));
    const [first] = brief.keyJudgements;
    expect(first).toMatchObject({
      headline: 'Judged very unlikely to be true (moderate confidence)',
      summary: 'Authentic (2 independent origins) · content contradicted (2)',
      origins: {
        source: { for: ['Reuters', 'Liz Sly'], against: [] },
        content: { for: [], against: ['Gen. Mark Milley', 'Mark Esper'] },
      },
    });
    expect(brief.sourceRegister.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Reuters', 'Gen. Mark Milley', 'Mark Esper']),
    );
    expect(brief.title.documents.map((d) => d.title)).toEqual([
      'US military letter on leaving Iraq',
      'State of the Union address, 2020',
    ]);
  });
});
