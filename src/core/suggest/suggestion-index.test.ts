import { describe, expect, it } from 'vitest';
import { loadDevSet, locate, scoreRanker } from '../../../tests/support/suggestion-dev-set';
import { engineRanker } from '../../../tests/support/suggestion-rankers';
import { buildSuggestionIndex, sentenceKey } from '.';

const devSet = loadDevSet();

describe('SuggestionIndex.suggest on the development set', () => {
  // each claim against all documents of the set as one review
  const score = scoreRanker(
    devSet,
    engineRanker,
    5,
    (s) => (s as { facet?: string }).facet,
    devSet,
  );

  it('meets the quality floor', () => {
    expect(devSet.length).toBeGreaterThanOrEqual(30);
    expect(score.recallConfirmations).toBeGreaterThanOrEqual(0.8);
    expect(score.recallContradictions).toBeGreaterThanOrEqual(0.6);
    expect(score.stanceAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('never suggests the claim itself', () => {
    expect(score.claimSuggested).toBe(0);
  });
});

describe('SuggestionIndex.suggest', () => {
  const [devCase] = devSet.filter((c) => c.id === 'troop-withdrawal');
  const documents = devCase!.documents.map((d) => ({ id: d.name, text: d.text }));
  const claim = { text: devCase!.claim.text, ref: locate(devCase!, devCase!.claim) };

  it('explains a denial by negation and an authenticity confirmation on the source', () => {
    const suggestions = buildSuggestionIndex(documents).suggest(claim);
    const esper = suggestions.find((s) => s.text.includes('no decision whatsoever'));
    expect(esper).toMatchObject({ stance: 'contradiction', facet: 'content' });
    expect(esper!.reasons).toContain('negated: no decision whatsoever to leave');
    const authentic = suggestions.find((s) => s.text.includes('authenticity'));
    expect(authentic).toMatchObject({ stance: 'confirmation', facet: 'source' });
  });

  it('leaves out excluded and dismissed sentences', () => {
    const index = buildSuggestionIndex(documents);
    const [first, second] = index.suggest(claim);
    const again = index.suggest(claim, {
      exclude: new Set([sentenceKey(first!)]),
      dismissed: new Set([sentenceKey(second!)]),
    });
    expect(again.map(sentenceKey)).not.toContain(sentenceKey(first!));
    expect(again.map(sentenceKey)).not.toContain(sentenceKey(second!));
  });

  it('indexes a document step by step, reporting progress', () => {
    const index = buildSuggestionIndex([]);
    const text = devCase!.documents.find((d) => d.name === 'briefing')!.text;
    const steps = [...index.addDocumentInSteps({ id: 'briefing', text }, 2)];
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.at(-1)).toEqual({ done: steps.at(-1)!.total, total: steps.at(-1)!.total });
    expect(index.suggest(claim).some((s) => s.text.includes('no decision whatsoever'))).toBe(true);
  });

  it('forgets a removed document', () => {
    const index = buildSuggestionIndex(documents);
    index.removeDocument('briefing');
    expect(index.suggest(claim).some((s) => s.documentId === 'briefing')).toBe(false);
  });

  it.each([
    [
      'opposite words',
      'The unemployment rate rose in May.',
      'The unemployment rate fell in May.',
      'opposite: rose vs fell',
    ],
    [
      'different figures',
      'The strike will last 30 days.',
      'The strike will last 90 days, the union said.',
      'different figure: 30 days vs 90 days',
    ],
    [
      'a forgery',
      'A video shows the mayor taking cash.',
      'The video of the mayor is a fake.',
      'disputes the source: fake',
    ],
  ])('calls %s a contradiction', (_, claimText, evidence, reason) => {
    const index = buildSuggestionIndex([{ id: 'a', text: `${evidence}\nThe weather was fine.` }]);
    const [best] = index.suggest(claimText);
    expect(best).toMatchObject({ stance: 'contradiction', text: evidence });
    expect(best!.reasons).toContain(reason);
  });

  it('calls a hedged sentence related', () => {
    const index = buildSuggestionIndex([
      { id: 'a', text: 'The government may consider withdrawing troops from the north.' },
    ]);
    const [best] = index.suggest('The government will withdraw troops from the north.');
    expect(best).toMatchObject({ stance: 'related' });
    expect(best!.reasons.join('; ')).toContain('hedged: may');
  });
});
