import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { contentTerms, cueScorer, sharedTerms } from './cue-scorer';
import { findCues } from './cues';
import { DEFAULT_LEXICON } from './lexicon';

const cuesOf = (claimText: string, candidateText: string) => {
  const claim = analyse(claimText);
  const candidate = analyse(candidateText);
  return findCues(claim, candidate, sharedTerms({ claim, candidate }), DEFAULT_LEXICON).map(
    (c) => `${c.kind}: ${c.reason}`,
  );
};

describe('findCues', () => {
  it('carries a negated decision or plan into what it names', () => {
    expect(
      cuesOf(
        'The two ministries will be merged in January.',
        'No decision has yet been taken to merge the ministries.',
      ),
    ).toContainEqual(
      expect.stringMatching(/^negated: negated: No decision has yet been taken to merge/),
    );
    expect(
      cuesOf('The army will withdraw.', 'There are no plans at this stage to withdraw the army.'),
    ).toContainEqual(
      expect.stringMatching(/^negated: negated: no plans at this stage to withdraw/),
    );
    // an ordinary negation still reaches five words only
    expect(
      cuesOf('The army will withdraw.', 'No one in the capital said why the army would withdraw.'),
    ).not.toContainEqual(expect.stringMatching(/^negated/));
  });

  it('does not take a participle describing a noun for an affirmation', () => {
    const cues = cuesOf(
      'At least 12 people have died in the fire.',
      'The confirmed death toll from the fire stands at 3 people.',
    );
    expect(cues).not.toContainEqual(expect.stringMatching(/^affirms/));
    expect(cues).toContain('number-differs: different figure: 12 people vs 3 people');
    expect(cuesOf('The letter is real.', 'Officials confirmed the letter.')).toContain(
      'affirms: affirms the letter: confirmed',
    );
  });

  it('takes "continue" as the opposite of "end"', () => {
    expect(cuesOf('The strike ended on Friday.', 'Our members will continue the strike.')).toEqual([
      'antonym: opposite: ended vs continue',
    ]);
  });

  it('lets a claim about "next year" match a named year, not a claim without a time', () => {
    const candidate = 'The factory will shut down in 2025.';
    expect(cuesOf('The factory will close next year.', candidate)).toEqual([]);
    expect(cuesOf('The factory will close.', candidate)).toEqual([
      'other-time: about another time: 2025',
    ]);
  });
});

describe('contentTerms', () => {
  it('leaves out a closing attribution, and keeps a claim that is all attribution', () => {
    expect(
      contentTerms(analyse('Exports grew 8 percent in July, trade ministry data showed.')),
    ).toEqual(analyse('Exports grew 8 percent in July').terms);
    const plain = analyse('Exports grew 8 percent in July.');
    expect(contentTerms(plain)).toEqual(plain.terms);
  });
});

describe('cueScorer', () => {
  it('trusts a negation of the claim’s own terms when they cover little of a long claim', () => {
    const claim = analyse(
      "A letter from the prime minister's office says the fisheries and environment ministries will be merged in January.",
    );
    const candidate = analyse(
      'However, it was an early draft, and no decision has been taken to merge the ministries.',
    );
    const judgement = cueScorer().judge({ claim, candidate, weight: () => 1, retrieval: 1 });
    expect(judgement.stance).toBe('contradiction');
    expect(judgement.reasons).toContainEqual(
      expect.stringMatching(/^negated: no decision has been taken to merge/),
    );
  });
});
