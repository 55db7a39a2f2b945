// The review file written in steps is the same text as the review serialised in one go.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../../core/review/anchor';
import { summariseReview, type Review, type Tag } from '../../core/review/types';
import { HEADER_PREFIX, reviewFileText } from './review-file-text';

const TEXT = 'A sentence of the log, with “quotes” and ünïcödé. '.repeat(20);

function review(tags: number, extra: Partial<Review> = {}): Review {
  const list: Tag[] = Array.from({ length: tags }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    documentId: `sha256:${'a'.repeat(64)}`,
    kind: i % 2 ? 'claim' : 'confirmation',
    anchor: makeAnchor(TEXT, i % 100, (i % 100) + 20),
    author: 'Ana "the reviewer"',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    ...(i % 7 === 0 ? { note: 'A note\nover two lines' } : {}),
  }));
  return {
    schemaVersion: 1,
    id: '11111111-0000-4000-8000-000000000000',
    name: 'Review',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-02T00:00:00.000Z',
    reviewers: ['Ana'],
    documents: [],
    tags: list,
    panes: [],
    ...extra,
  };
}

/** The file as it was written in one go before. */
function inOneGo(data: Review): string {
  const body = JSON.stringify(data);
  const hash = createHash('sha256').update(body, 'utf8').digest('hex');
  return `${HEADER_PREFIX}${JSON.stringify({ ...summariseReview(data), body: hash })},${body.slice(1)}`;
}

describe('reviewFileText', () => {
  it.each([
    ['no tags', review(0)],
    ['one tag', review(1)],
    ['tags over several steps', review(4500)],
    ['tags as the last field', (({ tags, ...rest }) => ({ ...rest, tags }) as Review)(review(3))],
    ['tags first', (({ tags, ...rest }) => ({ tags, ...rest }) as Review)(review(2500))],
    ['an undefined field', review(5, { sharing: undefined })],
  ])('is byte for byte the one-go text with %s', async (_name, data) => {
    expect(await reviewFileText(data)).toBe(inOneGo(data));
  });
});
