import { describe, expect, it } from 'vitest';
import { tagOn, testDocument } from '../../../tests/support/review-builder';
import type { Tag } from '../review/types';
import { groupOrigins } from './origins';
import {
  jaccard,
  linkNearIdentical,
  nearIdentical,
  shinglesOf,
  similarPairs,
} from './text-similarity';
import { UnionFind } from './union-find';

const WIRE =
  'Iraqi officials said on Monday that a letter from the U.S. military announced that troops would be repositioned out of the country in the coming days.';
/** One wire report as five outlets printed it: copy-edited a little, each its own source. */
const REPRINTS = [
  WIRE,
  'Iraqi officials said on Monday that a letter from the US military announced that troops would be repositioned out of the country in the coming days.',
  'Iraqi officials said Monday that a letter from the U.S. military announced that troops would be repositioned out of the country in the coming days.',
  'Iraqi officials said on Monday that a letter from the U.S. military had announced that troops would be repositioned out of the country in the coming days.',
  'BAGHDAD: Iraqi officials said on Monday that a letter from the U.S. military announced that troops would be repositioned out of the country in the coming days.',
];
const INDEPENDENT =
  'A spokesman for the coalition told our correspondent the letter was genuine but had been sent before it was approved.';

const claimDocument = testDocument(99, 'claim', 'US troops will leave Iraq.');
const claim = tagOn('claim', claimDocument, 'troops', 'claim');
const reports = [...REPRINTS, INDEPENDENT].map((text, i) => {
  const document = testDocument(i + 1, `outlet ${i + 1}`, text);
  return tagOn(`e${i + 1}`, document, text.slice(0, 12), 'confirmation', {
    claimIds: ['claim'],
    sourceId: `outlet-${i + 1}`,
  });
});

describe('groupOrigins', () => {
  it('counts five reprints of one wire and one independent report as two origins', () => {
    const origins = groupOrigins([claim, ...reports]);
    expect(origins.map((o) => o.tagIds)).toEqual([['e1', 'e2', 'e3', 'e4', 'e5'], ['e6']]);
    expect(origins[0]?.bonds.every((b) => b.reason === 'near-identical-text')).toBe(true);
    expect(origins[1]).toEqual({ id: 'e6', tagIds: ['e6'], sourceIds: ['outlet-6'], bonds: [] });
  });

  it('joins different sentences attributed to the same source into one origin', () => {
    const doc = testDocument(
      1,
      'a',
      'Milley said it was a draft. Milley also said nothing was decided.',
    );
    const tags = [
      tagOn('a', doc, 'draft', 'contradiction', { sourceId: 'milley' }),
      tagOn('b', doc, 'nothing', 'contradiction', { sourceId: 'milley' }),
      tagOn(
        'c',
        testDocument(2, 'b', 'Esper said there is no decision.'),
        'Esper',
        'contradiction',
        {
          sourceId: 'esper',
        },
      ),
    ];
    expect(groupOrigins(tags)).toEqual([
      {
        id: 'a',
        tagIds: ['a', 'b'],
        sourceIds: ['milley'],
        bonds: [{ a: 'a', b: 'b', reason: 'same-source', sourceId: 'milley' }],
      },
      { id: 'c', tagIds: ['c'], sourceIds: ['esper'], bonds: [] },
    ]);
  });

  it('keeps unattributed, different sentences apart, and ignores claims', () => {
    const doc = testDocument(1, 'a', 'The letter is real. The army denies it. Troops leave.');
    const tags = [
      tagOn('x', doc, 'real', 'confirmation'),
      tagOn('y', doc, 'denies', 'contradiction'),
      tagOn('z', doc, 'Troops', 'claim'),
    ];
    expect(groupOrigins(tags).map((o) => o.tagIds)).toEqual([['x'], ['y']]);
  });

  it('joins chains: a reprint of a reprint, and a source shared with one of them', () => {
    const extra = tagOn('e7', testDocument(7, 'x', 'Another story.'), 'Another', 'confirmation', {
      sourceId: 'outlet-3',
    });
    expect(groupOrigins([...reports, extra]).map((o) => o.tagIds.length)).toEqual([6, 1]);
  });

  it('groups 10,000 near-identical items into one origin explained by 9,999 bonds', () => {
    const doc = testDocument(1, 'log', 'Entry 1 of the benchmark log records one more fact.');
    const tags = Array.from({ length: 10_000 }, (_, i) => {
      const tag = tagOn(`t${i}`, doc, 'Entry', 'confirmation', { claimIds: ['claim'] });
      const exact = `Entry ${i + 1} of the benchmark log records one more fact.`;
      return { ...tag, anchor: { ...tag.anchor, exact } };
    });
    const origins = groupOrigins(tags);
    expect(origins).toHaveLength(1);
    const [origin] = origins;
    expect(origin?.tagIds).toHaveLength(10_000);
    expect(origin?.bonds).toHaveLength(9_999);
    // Every item but the first is joined by exactly one bond, to an item before it.
    const joined = new Set(origin?.bonds.map((b) => b.b));
    expect(joined.size).toBe(9_999);
    expect(joined.has(origin?.id ?? '')).toBe(false);
  });

  it('keeps one bond per joined item when items share a source and a text', () => {
    const [first, second] = reports as [Tag, Tag];
    const tags = [first, { ...second, sourceId: 'outlet-1' }];
    const [origin] = groupOrigins(tags);
    expect(origin?.bonds).toEqual([
      { a: 'e1', b: 'e2', reason: 'same-source', sourceId: 'outlet-1' },
    ]);
  });
});

describe('text similarity', () => {
  it.each([
    [WIRE, REPRINTS[1], true],
    [WIRE, REPRINTS[4], true],
    [WIRE, INDEPENDENT, false],
    ['Troops will leave.', 'troops WILL leave!', true],
    ['Troops will leave.', 'Troops will stay.', false],
    [
      'Reuters confirmed the letter is authentic.',
      'Liz Sly confirmed the letter is authentic.',
      false,
    ],
    [
      'Reuters confirmed the letter is authentic.',
      'Reuters confirmed: the letter is authentic!',
      true,
    ],
  ])('near-identical(%j, %j) is %s', (a, b, expected) => {
    expect(nearIdentical(a, b as string)).toBe(expected);
  });

  it('scores shared three-word runs over all runs', () => {
    expect(shinglesOf('One two three four')).toEqual(new Set(['one two three', 'two three four']));
    expect(jaccard(shinglesOf('a b c d'), shinglesOf('a b c e'))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('finds the same pairs as comparing every pair', () => {
    const texts = [
      ...REPRINTS,
      INDEPENDENT,
      'Iraqi officials said on Monday a letter came.',
      'x y',
    ];
    const brute = [];
    for (let b = 0; b < texts.length; b++) {
      for (let a = 0; a < b; a++) {
        const similarity = jaccard(shinglesOf(texts[a] as string), shinglesOf(texts[b] as string));
        if (nearIdentical(texts[a] as string, texts[b] as string)) brute.push({ a, b, similarity });
      }
    }
    const sort = (p: { a: number; b: number }[]) => [...p].sort((x, y) => x.a - y.a || x.b - y.b);
    expect(sort(similarPairs(texts))).toEqual(sort(brute));
    expect(brute.length).toBe(10);
  });

  it('links texts into the same groups as all their near-identical pairs, with fewer links', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const word = () => `w${next(40)}`;
    // 30 reports, each printed 10 times with up to three words changed: some prints join their
    // report, some only through another print, some stand alone.
    const texts = Array.from({ length: 30 }, () => Array.from({ length: 14 }, word)).flatMap(
      (report) =>
        Array.from({ length: 10 }, () => {
          const print = [...report];
          for (let k = next(4); k > 0; k--) print[next(print.length)] = word();
          return print.join(' ');
        }),
    );
    const byPairs = new UnionFind(texts.length);
    const pairs = similarPairs(texts);
    for (const { a, b } of pairs) byPairs.union(a, b);
    const byLinks = new UnionFind(texts.length);
    const links = linkNearIdentical(texts, byLinks);
    const named = (groups: UnionFind) => texts.map((_, i) => groups.find(i));
    expect(named(byLinks)).toEqual(named(byPairs));
    expect(pairs.length).toBeGreaterThan(links.length);
    expect(links.length).toBe(texts.length - new Set(named(byPairs)).size);
    for (const link of links) expect(pairs).toContainEqual(link);
  });
});
