// Turns a sentence into tokens with offsets, stems and matching terms (synonyms merged, phrases
// joined), and marks which tokens stand under a negation. Pure and cheap: run per sentence.
import { NEGATORS, STOP_WORDS } from './cue-words';
import { DEFAULT_LEXICON, stemWord, type Lexicon } from './lexicon';

/** One word of a sentence. */
export interface Token {
  /** lower-case surface form ("pulled out" for a joined phrase) */
  word: string;
  start: number;
  end: number;
  /** the matching term: synonym group or stem; `undefined` for stop words and punctuation */
  term: string | undefined;
  /** the numeric value when the token is a number */
  value?: number;
  /** whether a negator governs this token ("no decision to withdraw": decision, withdraw) */
  negated: boolean;
  /** index of the clause the token is in (commas, semicolons and "but" start a new one) */
  clause: number;
}

/** A sentence after analysis. */
export interface AnalysedText {
  text: string;
  tokens: Token[];
  /** distinct content terms, in order of first appearance */
  terms: string[];
}

const WORD = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:['’.-][\p{L}\p{M}]+)*|[%$£€]/gu;
const CLAUSE_BREAK = /[,;:()—–]|\s-\s/;
const CLAUSE_WORDS = new Set(['but', 'although', 'though', 'whereas', 'while', 'however']);
const NEGATION_REACH = 5;
/**
 * Nouns whose negation reaches into the plan they name: "no decision has been taken to merge"
 * negates the merging, five words on.
 */
const PLAN_NOUNS = new Set([
  'decision',
  'decisions',
  'plan',
  'plans',
  'intention',
  'intentions',
  'agreement',
  'order',
  'orders',
  'proposal',
  'move',
]);
const PLAN_REACH = 6;
const negatorPhrases = NEGATORS.map((n) => n.split(' '));
const contraction = /n['’]t$/;

/** Splits `text` into tokens and terms with the given lexicon. */
export function analyse(text: string, lexicon: Lexicon = DEFAULT_LEXICON): AnalysedText {
  const raw: { word: string; start: number; end: number; clause: number; negator: boolean }[] = [];
  let clause = 0;
  let last = 0;
  const body = bodyStart(text);
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (start < body) continue;
    let word = match[0].toLowerCase().replace(/’/g, "'");
    if (CLAUSE_BREAK.test(text.slice(last, start))) clause++;
    let negator = false;
    if (contraction.test(word)) {
      negator = true;
      word = word.replace(contraction, '');
      if (word === 'ca' || word === 'wo') word = word === 'ca' ? 'can' : 'will';
    }
    if (CLAUSE_WORDS.has(word)) clause++;
    raw.push({ word, start, end: start + match[0].length, clause, negator });
    last = start + match[0].length;
  }
  const stems = raw.map((r) => stemWord(r.word));
  const tokens: Token[] = [];
  let negatedUntil = -1;
  let negationClause = -1;
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    const negLength = r.negator ? 1 : negatorAt(raw, i);
    if (negLength > 0) {
      const plan = PLAN_NOUNS.has(raw[i + negLength]?.word ?? '') ? PLAN_REACH : 0;
      negatedUntil = tokens.length + NEGATION_REACH + plan + (negLength - 1);
      negationClause = r.clause;
    }
    const phrase = phraseAt(stems, i, lexicon);
    const end = phrase ? i + phrase.stems.length - 1 : i;
    const lastWord = raw[end]!;
    const word = phrase
      ? raw
          .slice(i, end + 1)
          .map((t) => t.word)
          .join(' ')
      : r.word;
    const index = tokens.length;
    const negated = negLength === 0 && index <= negatedUntil && negationClause === r.clause;
    const value = numberValue(r.word);
    let term: string | undefined;
    if (phrase) term = phrase.term;
    else if (value !== undefined) term = String(value);
    else if (!STOP_WORDS.has(r.word) && /\p{L}/u.test(r.word) && r.word.length > 1)
      term = (inflectedOnly(r.word, stems[i]!) && lexicon.termOf.get(stems[i]!)) || stems[i]!;
    tokens.push({
      word,
      start: r.start,
      end: lastWord.end,
      term,
      ...(value !== undefined ? { value } : {}),
      negated,
      clause: r.clause,
    });
    i = end;
  }
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const t of tokens) {
    if (t.term !== undefined && !seen.has(t.term)) {
      seen.add(t.term);
      terms.push(t.term);
    }
  }
  return { text, tokens, terms };
}

// "GENEVA, March 3 (Reuters) - ", "LONDON (AP) — ", "SECRETARY ESPER: ", "DR. ROSSI (WHO): "
const DATELINE =
  /^(?:[A-Z][A-Z .'’-]+,?(?: [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([A-Za-z .]+\))? [-–—]+ |(?:[A-Z][A-Za-z.'’-]*\.? ){0,3}[A-Z][A-Z.'’-]+(?: \([^)]{1,40}\))?: )/;

/** Where what a sentence asserts begins: after a wire dateline or a transcript's speaker label. */
export function bodyStart(text: string): number {
  return DATELINE.exec(text)?.[0].length ?? 0;
}

const INFLECTION = /^(?:e?s|e?d|ing|e|er|ers|al|als|ion|ions|ation|ations|y|ies|ied|ly)?$/;

/**
 * Whether `word` is its stem plus an inflection ("withdrawing", "forces"), so it may join the
 * stem's synonym group; "department" (depart + ment) may not.
 */
function inflectedOnly(word: string, stem: string): boolean {
  if (!word.startsWith(stem.slice(0, -1))) return true; // irregular form mapped by the table
  const rest = word.slice(stem.length);
  return rest.length <= 2 || INFLECTION.test(rest);
}

/** Length of a negator phrase starting at token i, or 0. */
function negatorAt(raw: readonly { word: string }[], i: number): number {
  for (const phrase of negatorPhrases) {
    if (phrase.every((w, k) => raw[i + k]?.word === w)) return phrase.length;
  }
  return 0;
}

function phraseAt(stems: readonly string[], i: number, lexicon: Lexicon) {
  const candidates = lexicon.phrases.get(stems[i]!);
  if (!candidates) return undefined;
  return candidates.find((p) => p.stems.every((s, k) => stems[i + k] === s));
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

/** The value of a number token ("1,200" → 1200, "3.5" → 3.5, "thirty" → 30), if it is one. */
function numberValue(word: string): number | undefined {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const value = Number(word.replace(/,(?=\d{3}\b)/g, ''));
    return Number.isFinite(value) ? value : undefined;
  }
  return NUMBER_WORDS[word];
}

/** Each word of a sentence (joined phrases split again) with the token it belongs to. */
interface WordIndex {
  words: string[];
  tokenOf: number[];
  positions: Map<string, number[]>;
}

const wordIndexes = new WeakMap<AnalysedText, WordIndex>();

function wordIndex(analysed: AnalysedText): WordIndex {
  let index = wordIndexes.get(analysed);
  if (index) return index;
  index = { words: [], tokenOf: [], positions: new Map() };
  analysed.tokens.forEach((token, t) => {
    for (const part of token.word.split(' ')) {
      const at = index!.words.length;
      index!.words.push(part);
      index!.tokenOf.push(t);
      const list = index!.positions.get(part);
      if (list) list.push(at);
      else index!.positions.set(part, [at]);
    }
  });
  wordIndexes.set(analysed, index);
  return index;
}

/** A table entry ("by mistake") as the words {@link containsPhrase} looks for. */
export function phraseWords(phrase: string): string[] {
  return phrase.toLowerCase().replace(/’/g, "'").split(' ');
}

/** Whether the sentence has the word (or its plural in -s). */
export function hasWord(analysed: AnalysedText, word: string): boolean {
  const positions = wordIndex(analysed).positions;
  return positions.has(word) || positions.has(word + 's');
}

/** The token where `phrase` (a table entry such as "by mistake") first occurs in the text. */
export function containsPhrase(
  analysed: AnalysedText,
  phrase: string | readonly string[],
): Token | undefined {
  const words = typeof phrase === 'string' ? phraseWords(phrase) : phrase;
  const index = wordIndex(analysed);
  for (const at of index.positions.get(words[0]!) ?? []) {
    if (words.every((w, k) => index.words[at + k] === w))
      return analysed.tokens[index.tokenOf[at]!];
  }
  return undefined;
}
