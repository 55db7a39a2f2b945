import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { STOP_WORDS } from './cue-words';
import { compileLexicon, DEFAULT_LEXICON } from './lexicon';
import { ANTONYM_PAIRS, SYNONYM_GROUPS } from './synonyms';

describe('compileLexicon', () => {
  it('matches synonyms and phrases in any inflection', () => {
    const terms = (text: string) => analyse(text).terms;
    expect(terms('The troops pulled out.')).toEqual(terms('Forces withdrew.'));
    expect(terms('Soldiers are withdrawing')).toEqual(terms('the army is leaving'));
    expect(terms('prices rose')).toEqual(terms('prices increased'));
  });

  it('keeps a derived word out of its stem’s group ("department" is not "depart")', () => {
    expect(analyse('department').terms).not.toEqual(analyse('withdraw').terms);
    expect(analyse('terminals').terms).not.toEqual(analyse('halt').terms);
  });

  it('tells a labour strike from an air strike, and knows phones by other names', () => {
    const terms = (text: string) => analyse(text).terms;
    expect(terms('strike')).toEqual(terms('stop work'));
    expect(terms('an air strike')).toEqual(terms('an attack'));
    expect(terms('strike')).not.toEqual(terms('attack'));
    expect(terms('mobile phones')).toEqual(terms('smartphones'));
  });

  it('uses an edited table', () => {
    const lexicon = compileLexicon([['ceasefire', 'truce']], [['ceasefire', 'offensive']]);
    expect(analyse('a truce', lexicon).terms).toEqual(analyse('the ceasefire', lexicon).terms);
    const [truce] = analyse('truce', lexicon).terms;
    expect([...(lexicon.antonyms.get(truce!) ?? [])]).toEqual(analyse('offensive', lexicon).terms);
  });

  it('has no table entry that analysis can never reach', () => {
    const words = [...SYNONYM_GROUPS.flat(), ...ANTONYM_PAIRS.flat()];
    const unreachable = words.filter((entry) =>
      entry.split(' ').every((word) => STOP_WORDS.has(word)),
    );
    expect(unreachable).toEqual([]);
    for (const [a, b] of ANTONYM_PAIRS) {
      const [termA] = analyse(a).terms;
      const [termB] = analyse(b).terms;
      expect(DEFAULT_LEXICON.antonyms.get(termA!)?.has(termB!), `${a} / ${b}`).toBe(true);
    }
  });
});
