import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source } from '../review/assessment';
import { normaliseText } from '../text/normalise';
import { segment } from '../text/segment';
import { attributionContext, namesIn, suggestAttribution } from './attribution';

const article = normaliseText(
  readFileSync(
    new URL('../../../resources/samples/iraq-letter-2020-01-06.txt', import.meta.url),
    'utf8',
  ),
);
const spans = segment(article);
/** Suggestions for the sentence of the sample article that contains `words`. */
function suggest(words: string, sources: Source[] = []) {
  const index = spans.findIndex((s) => article.slice(s.start, s.end).includes(words));
  if (index < 0) throw new Error(`no sentence with ${words}`);
  return suggestAttribution(attributionContext(article, spans, index), sources);
}

describe('suggestAttribution on the sample article', () => {
  it('reads “confirmed to Reuters” and “… by an Iraqi military source”', () => {
    expect(suggest('confirmed to Reuters').slice(0, 2)).toEqual([
      { name: 'Reuters', reason: 'the sentence says “confirmed to Reuters”' },
      {
        name: 'an Iraqi military source',
        reason:
          'the sentence says “confirmed to Reuters independently by an Iraqi military source”',
      },
    ]);
  });

  it('reads “X has confirmed”, taking the name out of a job title', () => {
    expect(suggest('Liz Sly has confirmed')[0]).toEqual({
      name: 'Liz Sly',
      reason: 'the sentence says “Liz Sly has confirmed”',
    });
  });

  it('reads a descriptive subject, then the quotation’s author in the next sentence', () => {
    expect(suggest('the US military has confirmed')).toEqual([
      { name: 'the US military', reason: 'the sentence says “the US military has confirmed”' },
      { name: 'Liz Sly', reason: 'the next sentence says “wrote Liz Sly”' },
    ]);
  });

  it('reads “said X” after a quotation', () => {
    expect(suggest('prelude to withdrawal')[0]).toEqual({
      name: 'Liz Sly',
      reason: 'the sentence says “also wrote Liz Sly”',
    });
  });

  it('reads Milley and Esper, and gives them as the review’s sources when they match', () => {
    expect(suggest('General Milley has just said')[0]).toEqual({
      name: 'General Milley',
      reason: 'the sentence says “General Milley has just said”',
    });
    const sources: Source[] = [
      { id: 'milley', name: 'Gen. Mark Milley' },
      { id: 'esper', name: 'Mark Esper' },
    ];
    expect(suggest('General Milley has just said', sources)[0]).toEqual({
      name: 'Gen. Mark Milley',
      reason: 'the sentence says “General Milley has just said”',
      sourceId: 'milley',
    });
    expect(suggest('Defense Secretary Esper says', sources)[0]).toEqual({
      name: 'Mark Esper',
      reason: 'the sentence says “Defense Secretary Esper says”',
      sourceId: 'esper',
    });
  });

  it('does not take a pronoun or “United States” for a source', () => {
    expect(
      namesIn('“We respect your sovereign decision to order our departure,” it said.'),
    ).toEqual([]);
    const signed = spans.find((s) => article.slice(s.start, s.end).startsWith('It was signed by'));
    expect(namesIn(article.slice(signed?.start, signed?.end)).map((n) => n.name)).toEqual([
      'United States Marine Corps Brigadier General William H. Seely III',
    ]);
  });
});

describe('suggestAttribution patterns', () => {
  it.each([
    ['The army will stay, according to a senior military source.', 'a senior military source'],
    ['According to Reuters, the army will stay.', 'Reuters'],
    ['Iraqi officials told Reuters the letter was real.', 'Iraqi officials'],
    ['“It was a draft,” said Gen. Mark Milley on Monday.', 'Gen. Mark Milley'],
    ['The Secretary of State Mike Pompeo said nothing.', 'Secretary of State Mike Pompeo'],
    ['The ministry denied the report.', 'The ministry'],
  ])('finds the source of %j', (sentence, name) => {
    expect(suggestAttribution({ sentence })[0]?.name).toBe(name);
  });

  it('reads a transcript’s speaker label on the turn’s first and later sentences', () => {
    const transcript =
      'MILLEY: The letter was a draft. It was a mistake.\nESPER: There is no decision.';
    const parts = segment(transcript);
    expect(
      parts.map((_, i) => suggestAttribution(attributionContext(transcript, parts, i))[0]),
    ).toEqual([
      { name: 'Milley', reason: 'a speaker label “MILLEY:”' },
      { name: 'Milley', reason: 'the transcript turn’s speaker label “MILLEY:”' },
      { name: 'Esper', reason: 'a speaker label “ESPER:”' },
    ]);
  });

  it('falls back on the document’s author and outlet', () => {
    expect(
      suggestAttribution({
        sentence: 'Troops will leave.',
        author: 'Liz Sly',
        outlet: 'The Washington Post',
      }),
    ).toEqual([
      { name: 'Liz Sly', reason: 'the document’s author' },
      { name: 'The Washington Post', reason: 'the document’s outlet' },
    ]);
  });
});
