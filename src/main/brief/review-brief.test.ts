import { describe, expect, it } from 'vitest';
import type { Review } from '../../core/review/types';
import { ok } from '../../core/result';
import type { ReviewReader } from '../reviews/review-reader';
import { briefOfReview } from './review-brief';

const TEXT = 'The bridge opened in 1932. It cost four million pounds.';
const DOC = `sha256:${'a'.repeat(64)}`;
const NOW = '2026-01-01T00:00:00.000Z';

const review: Review = {
  schemaVersion: 1,
  id: 'review-1',
  name: 'Bridge',
  created: NOW,
  modified: NOW,
  reviewers: ['amal'],
  documents: [
    {
      id: DOC,
      title: 'Report',
      fileName: 'report.txt',
      encoding: 'utf-8',
      bom: false,
      lineEndings: 'lf',
      originalSha256: DOC,
      imported: NOW,
    },
  ],
  tags: [],
  panes: [DOC],
  sharing: {
    orphans: [
      {
        id: 'orphan-1',
        documentId: DOC,
        kind: 'claim',
        author: 'bo',
        created: NOW,
        modified: NOW,
        quote: { exact: 'It cost nine million pounds.', prefix: '', suffix: '' },
        reason: 'its quote is no longer in the text',
      },
    ],
    needsReview: [],
    removed: [],
    conflicts: [],
  },
};

const api: ReviewReader = {
  readReview: async () => ok(review),
  readText: async () => ok(TEXT),
};

describe('briefOfReview', () => {
  it('lists the review’s orphans in the appendix', async () => {
    const brief = await briefOfReview(api, 'review-1', { generatedAt: NOW });
    expect(brief.ok).toBe(true);
    const text = JSON.stringify(brief.ok ? brief.value : {});
    expect(text).toContain('It cost nine million pounds.');
    expect(text).toContain('its quote is no longer in the text');
  });
});
