import { describe, expect, it } from 'vitest';
import { NOW, tagOn, testDocument } from '../../../tests/support/review-builder';
import { applyEdit, removeTag, tagSentence, unlinkEvidence } from '../review/tag-edits';
import type { Tag } from '../review/types';
import { facetOf, setFacet, toggleFacet } from './facets';

const doc = testDocument(
  1,
  'a',
  'The letter says troops leave. The letter is real. It was a draft.',
);
const claim = tagOn('claim', doc, 'troops', 'claim');
const other = tagOn('other', doc, 'draft', 'claim');
const evidence = tagOn('ev', doc, 'real', 'confirmation', { claimIds: ['claim', 'other'] });
const tags = [claim, other, evidence];
const later = { now: '2024-06-01T00:00:00.000Z' };

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('setFacet', () => {
  it('marks one link as speaking to the source, leaving the other on the content', () => {
    const edit = value(setFacet(tags, 'ev', 'claim', 'source', later));
    expect(edit).toEqual({
      label: 'mark as speaking to the source',
      patches: [
        {
          id: 'ev',
          before: evidence,
          after: { ...evidence, facets: { claim: 'source' }, modified: later.now },
        },
      ],
    });
    const after = edit.patches[0]?.after as Tag;
    expect(facetOf(after, 'claim')).toBe('source');
    expect(facetOf(after, 'other')).toBe('content');
  });

  it('returns to content by dropping the entry, so the tag reads as before facets', () => {
    const marked = { ...evidence, facets: { claim: 'source' as const } };
    const edit = value(setFacet([claim, other, marked], 'ev', 'claim', 'content', later));
    expect(edit.patches[0]?.after).toEqual({ ...evidence, modified: later.now });
    expect(
      value(toggleFacet([claim, other, marked], 'ev', 'claim', later)).patches[0]?.after,
    ).toEqual(edit.patches[0]?.after);
  });

  it('changes nothing when the facet is already set', () => {
    expect(value(setFacet(tags, 'ev', 'claim', 'content', later)).patches).toEqual([]);
  });

  it('refuses a link that does not exist, in one plain sentence', () => {
    const result = setFacet(tags, 'ev', 'nope', 'source', later);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not-linked',
        message:
          'This evidence is not linked to that claim; link it first, then say what it speaks to.',
      },
    });
    expect(setFacet(tags, 'gone', 'claim', 'source', later).ok).toBe(false);
  });

  it('forgets the facet when the link goes, so relinking starts on the content again', () => {
    const marked = { ...evidence, facets: { claim: 'source' as const } };
    const context = { author: 'ana', now: NOW, newId: () => 'x' };
    const unlinked = value(unlinkEvidence([claim, other, marked], 'ev', 'claim', context));
    expect(unlinked.patches[0]?.after).toEqual({ ...evidence, claimIds: ['other'] });
    const removed = value(removeTag([claim, other, marked], 'claim', context));
    const afterRemoval = applyEdit([claim, other, marked], removed, 'forward');
    expect(afterRemoval.find((t) => t.id === 'ev')).toEqual({ ...evidence, claimIds: ['other'] });
    const asClaim = tagSentence(
      [claim, other, marked],
      { documentId: doc.id, anchor: marked.anchor, kind: 'claim' },
      context,
    );
    expect(asClaim.patches[0]?.after?.facets).toBeUndefined();
  });
});
