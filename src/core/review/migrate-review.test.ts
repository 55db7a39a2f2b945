import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseReview } from '../analysis/claim-analysis';
import { claimsWithEvidence } from './claim-status';
import { needsMigration } from './migrate-review';
import { migrateReview, parseReview } from './review-schema';
import { REVIEW_SCHEMA_VERSION, type Review } from './types';

const v1 = JSON.parse(
  readFileSync(new URL('../../../tests/fixtures/reviews/review-v1.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function migrated(data: unknown): { review: Review; from: number } {
  const result = migrateReview(data);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('migrateReview', () => {
  it('brings a version 1 file to version 2 with nothing lost', () => {
    const { review, from } = migrated(v1);
    expect(from).toBe(1);
    expect(REVIEW_SCHEMA_VERSION).toBe(2);
    expect(review).toEqual({ ...v1, schemaVersion: 2 });
  });

  it('keeps the meaning: every link speaks to the content, so the status is the old one', () => {
    const { review } = migrated(v1);
    const [old] = claimsWithEvidence(review.tags);
    const [entry] = analyseReview(review).claims;
    expect(old?.status).toBe('contested');
    expect(entry?.content.status).toBe(old?.status);
    expect(entry?.source.confirmations).toEqual([]);
    expect(entry?.summary).toBe('Content contested (1 origin for, 1 against)');
  });

  it('leaves a version 2 review as it is, new fields included', () => {
    const v2 = {
      ...v1,
      schemaVersion: 2,
      tags: (v1.tags as Record<string, unknown>[]).map((t) =>
        t.id === 'e1' ? { ...t, facets: { c1: 'source' }, sourceId: 's1', credibility: 2 } : t,
      ),
      documents: (v1.documents as Record<string, unknown>[]).map((d) => ({
        ...d,
        outlet: 'Reuters',
        date: '2020-01-06',
      })),
      sources: [{ id: 's1', name: 'Reuters', aliases: ['Thomson Reuters'], reliability: 'B' }],
      judgements: {
        c1: {
          verdict: 'very unlikely',
          confidence: 'moderate',
          rationale: 'A draft.',
          author: 'ana',
          modified: 'now',
        },
      },
    };
    expect(migrated(v2)).toEqual({ review: v2, from: 2 });
    expect(parseReview(v2)).toEqual({ ok: true, value: v2 });
  });

  it.each([
    [{ facets: { c1: 'sauce' } }, 'tags.1.facets.c1'],
    [{ credibility: 7 }, 'tags.1.credibility'],
    [{ sourceId: '' }, 'tags.1.sourceId'],
  ])('names the wrong field of a tag with %j', (extra, where) => {
    const bad = {
      ...v1,
      tags: (v1.tags as Record<string, unknown>[]).map((t) =>
        t.id === 'e1' ? { ...t, ...extra } : t,
      ),
    };
    const result = migrateReview(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.startsWith(`${where}:`)).toBe(true);
  });

  it('refuses an unknown version and bad judgements', () => {
    expect(migrateReview({ ...v1, schemaVersion: 3 }).ok).toBe(false);
    const verdict = migrateReview({
      ...v1,
      judgements: { c1: { verdict: 'probably', confidence: 'high', author: 'a', modified: 'b' } },
    });
    expect(verdict.ok ? '' : verdict.error).toMatch(/^judgements\.c1\.verdict:/);
  });
});

describe('parseReview', () => {
  it('returns the current version, so main writes version 2 after reading version 1', () => {
    expect(parseReview(v1)).toEqual({ ok: true, value: { ...v1, schemaVersion: 2 } });
  });
});

describe('needsMigration', () => {
  it.each([
    [v1, true],
    [{ ...v1, schemaVersion: 2 }, false],
    [null, false],
    ['text', false],
    [{ schemaVersion: '1' }, false],
  ])('says whether data needs migrating (%#)', (data, expected) => {
    expect(needsMigration(data)).toBe(expected);
  });
});
