// Stance cues: explainable signs that a sentence confirms, contradicts or merely mentions a claim.
// Each cue names what it saw in the sentence, so the reviewer can judge it.
import { containsPhrase, hasWord, phraseWords, type AnalysedText, type Token } from './analyse';
import {
  AFFIRM_WORDS,
  DENIAL_WORDS,
  DRAFT_WORDS,
  FORGERY_WORDS,
  HEDGE_WORDS,
  SOURCE_NOUNS,
} from './cue-words';
import type { Lexicon } from './lexicon';
import { quantities, sameFigure, sameUnit, type Quantity } from './quantities';

/** What a cue points to. */
export type CueKind =
  | 'negated'
  | 'antonym'
  | 'number-differs'
  | 'number-matches'
  | 'denial'
  | 'forgery'
  | 'draft'
  | 'affirms'
  | 'hedge'
  | 'question'
  | 'other-time';

/** One sign found in a candidate sentence, with the words that show it. */
export interface Cue {
  kind: CueKind;
  /** the plain-words reason, e.g. "negated: no decision to withdraw" */
  reason: string;
  /** whether the cue speaks to the claim's source (a letter, a quote) rather than its content */
  source?: true;
}

/** Terms both sentences share, as the claim's and the candidate's words. */
export interface SharedTerm {
  term: string;
  claimWord: string;
  candidateWord: string;
}

const LISTS = {
  DENIAL_WORDS: DENIAL_WORDS.map(phraseWords),
  FORGERY_WORDS: FORGERY_WORDS.map(phraseWords),
  DRAFT_WORDS: DRAFT_WORDS.map(phraseWords),
  AFFIRM_WORDS: AFFIRM_WORDS.map(phraseWords),
  HEDGE_WORDS: HEDGE_WORDS.map(phraseWords),
};

/** Every cue in `candidate` relative to `claim`. */
export function findCues(
  claim: AnalysedText,
  candidate: AnalysedText,
  shared: readonly SharedTerm[],
  lexicon: Lexicon,
): Cue[] {
  const cues: Cue[] = [];
  const claimTokens = firstTokens(claim);
  const candidateTokens = firstTokens(candidate);
  const sourceNoun = mentionsSharedSource(claim, candidate);

  // negation that one sentence has and the other lacks, around a shared term
  for (const { term } of shared) {
    const a = claimTokens.get(term);
    const b = candidateTokens.get(term);
    if (!a || !b || a.negated === b.negated) continue;
    const negatedIn = b.negated ? candidate : claim;
    const token = b.negated ? b : a;
    const where = b.negated ? '' : ' (the claim is negated)';
    cues.push({ kind: 'negated', reason: `negated: ${negationSpan(negatedIn, token)}${where}` });
    break;
  }

  // a word in the candidate that contradicts a word of the claim
  for (const [term, a] of claimTokens) {
    const opposites = lexicon.antonyms.get(term);
    if (!opposites) continue;
    for (const opposite of opposites) {
      const b = candidateTokens.get(opposite);
      if (b && a.negated === b.negated && !claimTokens.has(opposite)) {
        cues.push({ kind: 'antonym', reason: `opposite: ${a.word} vs ${b.word}` });
        break;
      }
    }
    if (cues.at(-1)?.kind === 'antonym') break;
  }

  cues.push(...compareQuantities(claim, candidate));

  const denial = firstPhrase(candidate, claim, LISTS.DENIAL_WORDS);
  if (denial) cues.push({ kind: 'denial', reason: `denies it: ${denial}` });
  const forgery = firstPhrase(candidate, claim, LISTS.FORGERY_WORDS);
  if (forgery)
    cues.push({ kind: 'forgery', reason: `disputes the source: ${forgery}`, source: true });
  const draft = firstPhrase(candidate, claim, LISTS.DRAFT_WORDS);
  if (draft) cues.push({ kind: 'draft', reason: `disputes it: ${draft}` });
  const affirm = firstPhrase(candidate, claim, LISTS.AFFIRM_WORDS, isAttributive);
  if (affirm) {
    const onSource = sourceNoun !== undefined;
    cues.push({
      kind: 'affirms',
      reason: onSource ? `affirms the ${sourceNoun}: ${affirm}` : `affirms: ${affirm}`,
      ...(onSource ? { source: true as const } : {}),
    });
  }
  const hedge = firstPhrase(candidate, claim, LISTS.HEDGE_WORDS, isMonthMay);
  if (hedge) cues.push({ kind: 'hedge', reason: `hedged: ${hedge}` });
  if (/\?["'”’)\]]*$/.test(candidate.text.trim()))
    cues.push({ kind: 'question', reason: 'asks a question' });
  return cues;
}

/** The source noun ("letter") that both sentences mention, if any. */
export function mentionsSharedSource(
  claim: AnalysedText,
  candidate: AnalysedText,
): string | undefined {
  return SOURCE_NOUNS.find((noun) => hasWord(claim, noun) && hasWord(candidate, noun));
}

const firstTokenCache = new WeakMap<AnalysedText, Map<string, Token>>();

/** The first token of each term in a sentence. */
function firstTokens(analysed: AnalysedText): Map<string, Token> {
  const cached = firstTokenCache.get(analysed);
  if (cached) return cached;
  const map = new Map<string, Token>();
  firstTokenCache.set(analysed, map);
  for (const token of analysed.tokens) {
    if (token.term !== undefined && !map.has(token.term)) map.set(token.term, token);
  }
  return map;
}

/** The first phrase of `list` in `candidate` that `claim` does not also contain. */
function firstPhrase(
  candidate: AnalysedText,
  claim: AnalysedText,
  list: readonly (readonly string[])[],
  ignore?: (analysed: AnalysedText, token: Token) => boolean,
): string | undefined {
  for (const phrase of list) {
    const found = containsPhrase(candidate, phrase);
    if (!found || (ignore && ignore(candidate, found))) continue;
    const inClaim = containsPhrase(claim, phrase);
    if (!inClaim || (ignore && ignore(claim, inClaim))) return phrase.join(' ');
  }
  return undefined;
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'that',
]);

/**
 * A participle that describes a noun ("the confirmed death toll", "a verified account") says
 * nothing about the claim: it is not an affirmation.
 */
function isAttributive(analysed: AnalysedText, token: Token): boolean {
  if (!token.word.endsWith('ed')) return false;
  const at = analysed.tokens.indexOf(token);
  const before = analysed.tokens[at - 1];
  const after = analysed.tokens[at + 1];
  return (
    before !== undefined &&
    DETERMINERS.has(before.word) &&
    after?.term !== undefined &&
    after.value === undefined
  );
}

/** "May" written with a capital inside a sentence is the month, not a hedge. */
function isMonthMay(analysed: AnalysedText, token: Token): boolean {
  return token.word === 'may' && token.start > 0 && analysed.text[token.start] === 'M';
}

/** The words from the negator up to the negated token ("no decision to withdraw"). */
function negationSpan(analysed: AnalysedText, token: Token): string {
  const text = analysed.text;
  const before = text.slice(Math.max(0, token.start - 60), token.start);
  const negator =
    /\b(not|no|never|none|nobody|nothing|neither|nor|without|cannot|\w+n['’]t|ruled out|rules out|has yet to|have yet to|no longer)\b(?![\s\S]*\b(not|no|never|none|without|cannot|\w+n['’]t)\b)/i.exec(
      before,
    );
  const from = negator ? token.start - before.length + negator.index : token.start;
  return text.slice(from, token.end).replace(/\s+/g, ' ');
}

const RELATIVE_TIME =
  /\b(?:next|last|this|coming|previous|past|following)\s+(?:year|month|week|decade|spring|summer|autumn|fall|winter)\b/i;

/** Figures of the same kind that agree or differ between the two sentences. */
function compareQuantities(claim: AnalysedText, candidate: AnalysedText): Cue[] {
  const mine = quantities(claim);
  const theirs = quantities(candidate);
  const cues: Cue[] = [];
  const show = (q: Quantity, text: string) => text.slice(q.start, q.end);
  const years = mine.filter((q) => q.unit === 'year');
  const otherYear = theirs.find(
    (t) => t.unit === 'year' && !years.some((y) => y.value === t.value),
  );
  // A claim about "next year" may well mean the year the other sentence names.
  if (otherYear && years.length === 0 && !RELATIVE_TIME.test(claim.text)) {
    cues.push({
      kind: 'other-time',
      reason: `about another time: ${show(otherYear, candidate.text)}`,
    });
    return cues;
  }
  for (const q of mine) {
    const same = theirs.filter((t) => sameUnit(t, q));
    if (same.length === 0) continue;
    if (same.some((t) => sameFigure(t, q))) {
      cues.push({ kind: 'number-matches', reason: `same figure: ${show(q, claim.text)}` });
    } else {
      const other = same[0]!;
      cues.push({
        kind: 'number-differs',
        reason: `different figure: ${show(q, claim.text)} vs ${show(other, candidate.text)}`,
      });
    }
  }
  return cues;
}
