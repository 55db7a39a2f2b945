import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../core/review/types';
import { facetMark } from './facet-mark';

const tag = (over: Partial<Tag>): Tag => ({
  id: 'e1',
  documentId: 'sha256:x',
  kind: 'confirmation',
  anchor: { start: 0, end: 4, exact: 'Text', prefix: '', suffix: '' },
  author: 'Ana',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('facetMark', () => {
  it.each([
    ['no tag', undefined, undefined, undefined],
    ['a claim', tag({ kind: 'claim' }), undefined, undefined],
    ['unlinked evidence', tag({}), undefined, undefined],
    ['a content link (the default)', tag({ claimIds: ['c1'] }), undefined, 'content'],
    ['a source link', tag({ claimIds: ['c1'], facets: { c1: 'source' } }), undefined, 'source'],
    [
      'links that differ',
      tag({ claimIds: ['c1', 'c2'], facets: { c1: 'source' } }),
      undefined,
      'both',
    ],
    [
      'the selected claim’s link among several',
      tag({ claimIds: ['c1', 'c2'], facets: { c1: 'source' } }),
      'c2',
      'content',
    ],
    [
      'a selected claim it is not linked to',
      tag({ claimIds: ['c1'], facets: { c1: 'source' } }),
      'c9',
      'source',
    ],
  ] as const)('%s', (_, input, claimId, expected) => {
    expect(facetMark(input, claimId)).toBe(expected);
  });
});
