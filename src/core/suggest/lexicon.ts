// Compiles the editable word tables into fast lookups: word → stem, stem → synonym group, phrase
// tables, antonyms. Everything is keyed by stems, so tables and text are reduced the same way.
import { stemmer } from 'stemmer';
import { ANTONYM_PAIRS, IRREGULAR_FORMS, SYNONYM_GROUPS } from './synonyms';

const stemCache = new Map<string, string>();

/** The stem of one lower-case word: irregular forms first, then the Porter stemmer (cached). */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemmer(IRREGULAR_FORMS[word] ?? word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** The stems of a word or phrase from a table ("pull out" → ["pull", "out"]). */
function stemPhrase(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(stemWord);
}

/** A compiled lexicon: synonym groups by stem, phrases by their first stem, antonyms. */
export interface Lexicon {
  /** stem of a single word → its group's term */
  termOf: ReadonlyMap<string, string>;
  /** first stem of a phrase → phrases starting there (longest first), each with its term */
  phrases: ReadonlyMap<string, readonly { stems: readonly string[]; term: string }[]>;
  /** term → terms that contradict it */
  antonyms: ReadonlyMap<string, ReadonlySet<string>>;
  /** term → the dictionary word naming it in explanations */
  label: ReadonlyMap<string, string>;
}

/** Builds a lexicon from synonym groups and antonym pairs (the defaults from synonyms.ts). */
export function compileLexicon(
  groups: readonly (readonly string[])[] = SYNONYM_GROUPS,
  antonymPairs: readonly (readonly [string, string])[] = ANTONYM_PAIRS,
): Lexicon {
  const termOf = new Map<string, string>();
  const phrases = new Map<string, { stems: string[]; term: string }[]>();
  const label = new Map<string, string>();
  for (const group of groups) {
    const [head] = group;
    if (head === undefined) continue;
    const term = stemPhrase(head).join('_');
    if (!label.has(term)) label.set(term, head);
    for (const entry of group) {
      const stems = stemPhrase(entry);
      if (stems.length === 1) {
        if (!termOf.has(stems[0]!)) termOf.set(stems[0]!, term);
      } else if (stems.length > 1) {
        const list = phrases.get(stems[0]!) ?? [];
        list.push({ stems, term });
        list.sort((a, b) => b.stems.length - a.stems.length);
        phrases.set(stems[0]!, list);
      }
    }
  }
  const termFor = (word: string): string => {
    const stems = stemPhrase(word);
    const joined = stems.join('_');
    return stems.length === 1 ? (termOf.get(joined) ?? joined) : joined;
  };
  const antonyms = new Map<string, Set<string>>();
  const addAntonym = (a: string, b: string) => {
    const set = antonyms.get(a) ?? new Set<string>();
    set.add(b);
    antonyms.set(a, set);
  };
  for (const [left, right] of antonymPairs) {
    const a = termFor(left);
    const b = termFor(right);
    if (a === b) continue;
    addAntonym(a, b);
    addAntonym(b, a);
    if (!label.has(a)) label.set(a, left);
    if (!label.has(b)) label.set(b, right);
  }
  return { termOf, phrases, antonyms, label };
}

/** The lexicon compiled from the default tables. */
export const DEFAULT_LEXICON: Lexicon = compileLexicon();
