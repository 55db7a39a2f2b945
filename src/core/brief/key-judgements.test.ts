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
