import { describe, expect, it } from 'vitest';
import { tagOn, testDocument } from '../../../tests/support/review-builder';
import type { Tag } from '../review/types';
import { analyseReview } from './claim-analysis';

const article = testDocument(
  1,
  'article',
  'A letter says US troops will leave Iraq. Reuters confirmed the letter is authentic. ' +
    'Liz Sly confirmed the letter is authentic too. Milley said there is no withdrawal. ' +
    'Milley repeated that nobody is leaving. Esper says there is no decision to withdraw.',
);
const wire = testDocument(2, 'wire', 'Reuters confirmed the letter is authentic.');
const claim = tagOn('claim', article, 'A letter says', 'claim');
const onSource = (id: string, words: string, document = article, extra: Partial<Tag> = {}) =>
  tagOn(id, document, words, 'confirmation', {
    claimIds: ['claim'],
    facets: { claim: 'source' },
    ...extra,
  });
const against = (id: string, words: string, sourceId: string) =>
  tagOn(id, article, words, 'contradiction', { claimIds: ['claim'], sourceId });

const tags = [
  claim,
  onSource('reuters', 'Reuters confirmed', article, { sourceId: 'reuters' }),
  onSource('reprint', 'Reuters confirmed', wire),
  onSource('sly', 'Liz Sly', article, { sourceId: 'sly' }),
  against('milley-1', 'no withdrawal', 'milley'),
  against('milley-2', 'nobody is leaving', 'milley'),
  against('esper', 'Esper says', 'esper'),
];

describe('analyseReview', () => {
  const [entry] = analyseReview({ tags }).claims;

  it('gives the source and the content of a claim each their status, from independent origins', () => {
    expect(entry?.source).toMatchObject({
      status: 'confirmed',
      forCount: { origins: 2, tags: 3, documents: 2 },
      againstCount: { origins: 0, tags: 0, documents: 0 },
    });
    expect(entry?.source.forOrigins).toEqual([
      { originId: 'reuters', tagIds: ['reuters', 'reprint'], sourceIds: ['reuters'] },
      { originId: 'sly', tagIds: ['sly'], sourceIds: ['sly'] },
    ]);
    expect(entry?.content).toMatchObject({
      status: 'contradicted',
      forCount: { origins: 0, tags: 0, documents: 0 },
      againstCount: { origins: 2, tags: 3, documents: 1 },
    });
    expect(entry?.content.againstOrigins.map((o) => o.tagIds)).toEqual([
      ['milley-1', 'milley-2'],
      ['esper'],
    ]);
    expect(entry?.summary).toBe('Authentic (2 independent origins) · content contradicted (2)');
  });

  it('does not count evidence from the claim’s own source, or repeating the claim, as independent', () => {
    const own = { ...claim, sourceId: 'letter' };
    const self = tagOn('self', article, 'Esper says', 'confirmation', {
      claimIds: ['claim'],
      sourceId: 'letter',
    });
    const echo = tagOn(
      'echo',
      testDocument(3, 'echo', 'A letter says US troops will leave Iraq!'),
      'A letter',
      'confirmation',
      {
        claimIds: ['claim'],
      },
    );
    const [analysed] = analyseReview({ tags: [own, self, echo] }).claims;
    expect(analysed?.content.status).toBe('unverified');
    expect(analysed?.content.forCount).toEqual({ origins: 0, tags: 2, documents: 2 });
    expect(analysed?.content.notIndependent.map((t) => t.id)).toEqual(['self', 'echo']);
    expect(analysed?.summary).toBe('Unverified: no independent evidence yet');
  });

  it('flags a verdict that goes against the computed content status, and keeps both', () => {
    const judgement = {
      verdict: 'very likely' as const,
      confidence: 'high' as const,
      author: 'ana',
      modified: 'now',
    };
    const [judged] = analyseReview({ tags, judgements: { claim: judgement } }).claims;
    expect(judged?.judgement).toEqual(judgement);
    expect(judged?.content.status).toBe('contradicted');
    expect(judged?.disagreement).toBe(
      'The verdict “very likely” goes against the evidence, which contradicts the content.',
    );
  });
});
