import { describe, expect, it } from 'vitest';
import {
  NOW,
  reviewDocument,
  tagOn,
  testDocument,
  testReview,
} from '../../../tests/support/review-builder';
import type { Source } from '../review/assessment';
import { buildBrief } from './build-brief';
import { documentLine } from './document-line';

const article = testDocument(
  1,
  'article',
  'A letter says US troops will leave Iraq. Reuters confirmed the letter is authentic. ' +
    'Liz Sly confirmed it too. Milley said it was a draft. Esper says there is no decision. ' +
    'The caliphate is destroyed.',
);
const wire = testDocument(2, 'wire', 'Reuters confirmed the letter is authentic.');
const sources: Source[] = [
  { id: 's-reuters', name: 'Reuters', reliability: 'B' },
  { id: 's-sly', name: 'Liz Sly' },
  { id: 's-milley', name: 'Gen. Mark Milley', aliases: ['General Milley'] },
  { id: 's-esper', name: 'Mark Esper' },
  { id: 's-unused', name: 'AP' },
];
const onSource = { facets: { letter: 'source' as const } };
const tags = [
  tagOn('letter', article, 'A letter says', 'claim'),
  tagOn('isis', article, 'caliphate', 'claim'),
  tagOn('reuters', article, 'Reuters confirmed', 'confirmation', {
    claimIds: ['letter'],
    sourceId: 's-reuters',
    credibility: 2,
    ...onSource,
  }),
  tagOn('reprint', wire, 'Reuters', 'confirmation', { claimIds: ['letter'], ...onSource }),
  tagOn('sly', article, 'Liz Sly', 'confirmation', {
    claimIds: ['letter'],
    sourceId: 's-sly',
    ...onSource,
  }),
  tagOn('milley', article, 'Milley', 'contradiction', {
    claimIds: ['letter'],
    sourceId: 's-milley',
  }),
  tagOn('esper', article, 'Esper', 'contradiction', { claimIds: ['letter'], sourceId: 's-esper' }),
];
const review = testReview([article, wire], tags, {
  sources,
  judgements: {
    letter: {
      verdict: 'very unlikely',
      confidence: 'moderate',
      rationale: 'The letter is genuine but was a draft.',
      author: 'ana',
      modified: NOW,
    },
  },
  documents: [
    { ...reviewDocument(article), outlet: 'Middle East Monitor', date: '2020-01-06' },
    reviewDocument(wire),
  ],
});
const texts = new Map([
  [article.id, article.text],
  [wire.id, wire.text],
]);
const brief = buildBrief(review, texts, { generatedAt: NOW });

describe('buildBrief key judgements', () => {
  it('leads with the verdict, and gives both statuses with the origins behind them', () => {
    expect(brief.keyJudgements).toEqual([
      {
        claimNumber: 1,
        tagId: 'letter',
        excerpt: 'A letter says US troops will leave Iraq.',
        headline: 'Judged very unlikely to be true (moderate confidence)',
        judgement: {
          verdict: 'very unlikely',
          confidence: 'moderate',
          rationale: 'The letter is genuine but was a draft.',
          author: 'ana',
          modified: NOW,
        },
        summary: 'Authentic (2 independent origins) · content contradicted (2)',
        sourceStatus: 'confirmed',
        contentStatus: 'contradicted',
        origins: {
          source: { for: ['Reuters', 'Liz Sly'], against: [] },
          content: { for: [], against: ['Gen. Mark Milley', 'Mark Esper'] },
        },
      },
      {
        claimNumber: 2,
        tagId: 'isis',
        excerpt: 'The caliphate is destroyed.',
        headline: 'Unverified: no independent evidence yet',
        summary: 'Unverified: no independent evidence yet',
        sourceStatus: 'unverified',
        contentStatus: 'unverified',
        origins: { source: { for: [], against: [] }, content: { for: [], against: [] } },
      },
    ]);
  });

  it('splits a claim’s evidence by facet and names who says each item and its origin', () => {
    const { analysis } = brief.claims[0] ?? {};
    expect(
      analysis?.source.evidence.map((e) => [
        e.tagId,
        e.saidBy?.name,
        e.origin,
        e.credibility?.grade,
      ]),
    ).toEqual([
      ['reuters', 'Reuters', 1, 2],
      ['sly', 'Liz Sly', 2, undefined],
      ['reprint', undefined, 1, undefined],
    ]);
    expect(analysis?.source.origins).toEqual([
      { number: 1, side: 'for', names: ['Reuters'], label: 'Reuters', items: 2 },
      { number: 2, side: 'for', names: ['Liz Sly'], label: 'Liz Sly', items: 1 },
    ]);
    expect(analysis?.source.forCount).toEqual({ origins: 2, tags: 3, documents: 2 });
    expect(
      analysis?.content.evidence.map((e) => [e.tagId, e.kind, e.facet, e.saidBy?.name]),
    ).toEqual([
      ['milley', 'contradiction', 'content', 'Gen. Mark Milley'],
      ['esper', 'contradiction', 'content', 'Mark Esper'],
    ]);
    expect(analysis?.source.evidence[0]?.saidBy).toEqual({
      sourceId: 's-reuters',
      name: 'Reuters',
      reliability: { grade: 'B', label: 'usually reliable' },
    });
  });

  it('names who makes a claim that is attributed', () => {
    const attributed = buildBrief(
      { ...review, tags: tags.map((t) => (t.id === 'isis' ? { ...t, sourceId: 's-unused' } : t)) },
      texts,
      { generatedAt: NOW },
    );
    expect(attributed.keyJudgements.map((k) => k.saidBy)).toEqual([undefined, 'AP']);
  });

  it('flags a verdict that goes against the content status', () => {
    const against = buildBrief(
      {
        ...review,
        judgements: {
          letter: { verdict: 'likely', confidence: 'low', author: 'ben', modified: NOW },
        },
      },
      texts,
      { generatedAt: NOW },
    );
    expect(against.keyJudgements[0]?.disagreement).toBe(
      'The verdict “likely” goes against the evidence, which contradicts the content.',
    );
    expect(brief.keyJudgements[0]?.disagreement).toBeUndefined();
  });

  it('lists every source by name with its grade and the items it supplied', () => {
    expect(
      brief.sourceRegister.map((s) => [s.name, s.reliability?.grade, s.items.map((i) => i.tagId)]),
    ).toEqual([
      ['AP', undefined, []],
      ['Gen. Mark Milley', undefined, ['milley']],
      ['Liz Sly', undefined, ['sly']],
      ['Mark Esper', undefined, ['esper']],
      ['Reuters', 'B', ['reuters']],
    ]);
    expect(brief.sourceRegister[1]).toEqual({
      sourceId: 's-milley',
      name: 'Gen. Mark Milley',
      aliases: ['General Milley'],
      items: [
        {
          tagId: 'milley',
          kind: 'contradiction',
          quote: 'Milley said it was a draft.',
          source: { documentId: article.id, documentTitle: 'article', sentence: 4 },
          claimNumbers: [1],
        },
      ],
    });
  });

  it('names the gaps: unverified claims and claims resting on one origin', () => {
    expect(brief.gaps).toEqual({
      unverified: [
        {
          claimNumber: 2,
          excerpt: 'The caliphate is destroyed.',
          reason: 'No evidence is linked to it.',
        },
      ],
      singleOrigin: [],
    });
    const thin = buildBrief(
      { ...review, tags: tags.filter((t) => !['sly', 'esper'].includes(t.id)) },
      texts,
      {
        generatedAt: NOW,
      },
    );
    expect(thin.gaps.singleOrigin).toEqual([
      {
        claimNumber: 1,
        excerpt: 'A letter says US troops will leave Iraq.',
        reason:
          'Its authenticity rests on one origin: Reuters. Its content rests on one origin: Gen. Mark Milley.',
      },
    ]);
    const sourceOnly = buildBrief(
      { ...review, tags: tags.filter((t) => !['milley', 'esper'].includes(t.id)) },
      texts,
      {
        generatedAt: NOW,
      },
    );
    expect(sourceOnly.gaps.unverified[0]).toEqual({
      claimNumber: 1,
      excerpt: 'A letter says US troops will leave Iraq.',
      reason: 'Nothing speaks to its content; the evidence only shows its source is authentic.',
    });
  });

  it('prints each document’s outlet and date where they are set', () => {
    expect(brief.title.documents[0]).toEqual({
      id: article.id,
      title: 'article',
      outlet: 'Middle East Monitor',
      date: '2020-01-06',
    });
    expect(brief.appendix.documents[1]).not.toHaveProperty('outlet');
  });
});

describe('buildBrief bottom line and order, from independent origins', () => {
  it('counts claims by their content in origins, and says what is known of their sources', () => {
    // By tags the letter is "contested, 3 for, 2 against"; its content is contradicted.
    expect([brief.claims[0]?.status, brief.claims[0]?.forCount.tags]).toEqual(['contested', 3]);
    expect(brief.bottomLine).toEqual({
      total: 2,
      counts: { contested: 0, contradicted: 1, confirmed: 0, unverified: 1 },
      sourceCounts: { contested: 0, contradicted: 0, confirmed: 1, unverified: 1 },
      sentences: [
        'Of the 2 claims in this review, judged on their content from independent origins, none is contested, 1 is contradicted, none is confirmed and 1 is unverified.',
        'On their sources, claim 1 is authentic (2 independent origins).',
        'The contradicted claim is claim 1, “A letter says US troops will leave Iraq”.',
      ],
      contested: [],
      contradicted: [1],
    });
  });

  it('orders claims by the status of their content, not of all their tags', () => {
    const mixed = buildBrief(
      {
        ...review,
        judgements: {},
        tags: [
          tagOn('letter', article, 'A letter says', 'claim'),
          tagOn('isis', article, 'caliphate', 'claim'),
          tagOn('sly', article, 'Liz Sly', 'confirmation', { claimIds: ['letter'] }),
          tagOn('milley', article, 'Milley', 'contradiction', {
            claimIds: ['letter'],
            facets: { letter: 'source' },
          }),
          tagOn('reuters', article, 'Reuters confirmed', 'confirmation', { claimIds: ['isis'] }),
          tagOn('esper', article, 'Esper', 'contradiction', { claimIds: ['isis'] }),
        ],
      },
      texts,
      { generatedAt: NOW },
    );
    expect(
      mixed.claims.map((c) => [
        c.tagId,
        c.status,
        c.analysis.content.status,
        c.analysis.source.status,
      ]),
    ).toEqual([
      ['isis', 'contested', 'contested', 'unverified'],
      ['letter', 'contested', 'confirmed', 'contradicted'],
    ]);
    expect(mixed.bottomLine.sentences.slice(1)).toEqual([
      'On their sources, claim 2 is not authentic (1 independent origin).',
      'The contested claim is claim 1, “The caliphate is destroyed”.',
    ]);
  });
});

describe('documentLine', () => {
  it.each([
    [{}, ''],
    [{ date: '2020-01-06' }, '6 January 2020'],
    [{ date: 'January 2020' }, 'January 2020'],
    [
      {
        outlet: 'The Washington Post',
        author: 'Liz Sly',
        date: '2020-01-06',
        reference: 'https://wapo.st/x',
      },
      'The Washington Post · Liz Sly · 6 January 2020 · https://wapo.st/x',
    ],
  ])('prints %j as %j', (metadata, line) => {
    expect(documentLine(metadata)).toBe(line);
  });
});
