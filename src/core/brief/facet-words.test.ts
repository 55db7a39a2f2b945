import { describe, expect, it } from 'vitest';
import type { ClaimStatus } from '../review/claim-status';
import { facetStatusWords, itemsWord, originCount, originsPhrase } from './facet-words';
import type { BriefFacet } from './types';

function facet(
  status: ClaimStatus,
  forOrigins: number,
  againstOrigins: number,
  items: number,
): BriefFacet {
  const origin = (number: number, side: 'for' | 'against') => ({
    number,
    side,
    names: [],
    label: `o${number}`,
    items: 1,
  });
  return {
    facet: 'content',
    status,
    forCount: { origins: forOrigins, tags: forOrigins, documents: 1 },
    againstCount: { origins: againstOrigins, tags: againstOrigins, documents: 1 },
    evidence: Array.from({ length: items }, () => ({}) as BriefFacet['evidence'][number]),
    origins: [
      ...Array.from({ length: forOrigins }, (_, i) => origin(i + 1, 'for')),
      ...Array.from({ length: againstOrigins }, (_, i) => origin(forOrigins + i + 1, 'against')),
    ],
  };
}

describe('facetStatusWords', () => {
  it('says a confirmed source is authentic and a content plainly', () => {
    expect(facetStatusWords('source', 'confirmed')).toBe('Confirmed authentic');
    expect(facetStatusWords('source', 'contradicted')).toBe('Contradicted: not authentic');
    expect(facetStatusWords('content', 'contradicted')).toBe('Contradicted');
  });
});

describe('originsPhrase', () => {
  it.each([
    [[], [], 'no independent evidence'],
    [['Reuters', 'Liz Sly'], [], '2 independent origins: Reuters; Liz Sly'],
    [[], ['Mark Esper'], '1 independent origin: Mark Esper'],
    [['A'], ['B', 'C'], '1 independent origin for: A; 2 against: B; C'],
  ])('names %j for and %j against', (forLabels, againstLabels, phrase) => {
    expect(originsPhrase(forLabels, againstLabels)).toBe(phrase);
  });
});

describe('originCount and itemsWord', () => {
  it.each([
    [facet('confirmed', 2, 0, 3), '2', '3 items'],
    [facet('contradicted', 0, 1, 1), '1', '1 item'],
    [facet('contested', 2, 1, 5), '2–1', '5 items'],
    [facet('unverified', 0, 0, 0), '', 'no items'],
  ])('counts origins, not items (%#)', (f, count, words) => {
    expect(originCount(f)).toBe(count);
    expect(itemsWord(f)).toBe(words);
  });
});
