import { describe, expect, it } from 'vitest';
import type { ReviewChange } from '../review/review-change';
import type { Tag } from '../review/types';
import { tagNews } from './tag-news';

const DOC = `sha256:${'e'.repeat(64)}`;
const base: Tag = {
  id: 't1',
  documentId: DOC,
  kind: 'confirmation',
  anchor: { start: 0, end: 4, exact: 'Fire', prefix: '', suffix: ' broke out' },
  claimIds: ['c1'],
  author: 'ana',
  created: 't0',
  modified: 't0',
};

const edit = (after: Partial<Tag>): ReviewChange => ({
  kind: 'tags',
  patches: [{ id: 't1', before: base, after: { ...base, modified: 't1', ...after } }],
});

describe('tagNews', () => {
  it.each([
    ['kind', edit({ kind: 'contradiction' }), ['kind']],
    ['note', edit({ note: 'checked' }), ['note']],
    ['links', edit({ claimIds: ['c1', 'c2'] }), ['claimIds']],
    ['facet', edit({ facets: { c1: 'source' } }), ['facets']],
    ['attribution', edit({ sourceId: 's1' }), ['sourceId']],
    ['credibility and note', edit({ credibility: 2, note: 'x' }), ['note', 'credibility']],
  ] as const)('counts a change of %s as news, naming the fields', (_, change, fields) => {
    expect(tagNews(change)).toEqual({ changed: [{ tagId: 't1', fields }], removed: [] });
  });

  it('counts a new tag with all its fields, and bookkeeping alone as nothing', () => {
    const created = tagNews({ kind: 'tags', patches: [{ id: 't1', after: base }] });
    expect(created.changed[0]?.fields).toContain('kind');
    expect(created.changed[0]?.fields).toContain('anchor');
    expect(tagNews(edit({ author: 'ben', created: 'x' }))).toEqual({ changed: [], removed: [] });
  });

  it('lists removed tags, and follows a tag through a batch (first before, last after)', () => {
    const change: ReviewChange = {
      kind: 'batch',
      changes: [
        { kind: 'tags', patches: [{ id: 'gone', before: base }] },
        edit({ note: 'a' }),
        { kind: 'review', fields: { name: 'Renamed' } },
        {
          kind: 'tags',
          patches: [{ id: 't1', before: { ...base, note: 'a' }, after: { ...base } }],
        },
      ],
    };
    // t1's note went from none to "a" and back: nothing new in the end.
    expect(tagNews(change)).toEqual({ changed: [], removed: ['gone'] });
  });
});
