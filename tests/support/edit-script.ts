// Scripted edits of a real text, for testing and benchmarking re-anchoring: sentences inserted,
// deleted, typo-fixed, duplicated and reworded in whitespace, paragraphs moved, with the truth of
// where every tagged sentence went (or that it was deleted).
import { makeAnchor } from '../../src/core/review/anchor';
import { segment } from '../../src/core/text/segment';
import type { QuoteToPlace } from '../../src/core/annotations/reanchor';

/** The kinds of edit the script makes. */
export type EditKind =
  'inserted' | 'deleted' | 'typo fixed' | 'duplicated' | 'paragraph moved' | 'whitespace changed';

/** A text before and after scripted edits, with quotes tagged on it and where they should go. */
export interface EditedText {
  before: string;
  after: string;
  /** Quotes of tagged sentences of `before`, with their old positions as hints. */
  quotes: QuoteToPlace[];
  /** For each quote: its sentence's span in `after`, or `deleted`. */
  expected: ({ start: number; end: number } | 'deleted')[];
  /** How many edits of each kind were made. */
  edits: Record<EditKind, number>;
}

/** Rates of the edits, per sentence (paragraph moves: per paragraph). */
export interface EditRates {
  tagged: number;
  inserted: number;
  deleted: number;
  typoFixed: number;
  duplicated: number;
  paragraphMoved: number;
  whitespace: number;
}

/** The default mix: about one sentence in six is edited in some way. */
export const DEFAULT_EDIT_RATES: EditRates = {
  tagged: 0.35,
  inserted: 0.04,
  deleted: 0.04,
  typoFixed: 0.04,
  duplicated: 0.02,
  paragraphMoved: 0.05,
  whitespace: 0.04,
};

interface Sentence {
  text: string;
  /** Index into the quotes, for a tagged sentence of the original text. */
  quote?: number;
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same edits. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Lays `text` out in paragraphs of three to seven sentences, tags some sentences, edits the text
 * and records where each tagged sentence ended up. `pool` supplies sentences to insert.
 */
export function editText(
  text: string,
  pool: readonly string[],
  seed: number,
  rates: EditRates = DEFAULT_EDIT_RATES,
): EditedText {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentences = segment(text).map((s) => text.slice(s.start, s.end));
  const paragraphs: Sentence[][] = [];
  for (let i = 0; i < sentences.length;) {
    const size = 3 + Math.floor(random() * 5);
    paragraphs.push(sentences.slice(i, i + size).map((s) => ({ text: s })));
    i += size;
  }
  const { text: before, spans } = layOut(paragraphs);
  // Tag sentences of the laid-out text as the app would: whole sentences as segmented.
  const quotes: QuoteToPlace[] = [];
  const beforeSentences = new Set(segment(before).map((s) => `${s.start}:${s.end}`));
  paragraphs.flat().forEach((sentence, i) => {
    const span = spans[i] as { start: number; end: number };
    if (random() < rates.tagged && beforeSentences.has(`${span.start}:${span.end}`)) {
      sentence.quote = quotes.length;
      const { exact, prefix, suffix } = makeAnchor(before, span.start, span.end);
      quotes.push({ exact, prefix, suffix, hint: span });
    }
  });
  const edits: Record<EditKind, number> = {
    inserted: 0,
    deleted: 0,
    'typo fixed': 0,
    duplicated: 0,
    'paragraph moved': 0,
    'whitespace changed': 0,
  };
  const edited: Sentence[][] = paragraphs.map((paragraph) => {
    const out: Sentence[] = [];
    for (const sentence of paragraph) {
      if (random() < rates.deleted) {
        edits.deleted++;
        continue;
      }
      let current = sentence;
      if (random() < rates.typoFixed) {
        const changed = changeOneWord(current.text, random);
        if (changed !== current.text) edits['typo fixed']++;
        current = { ...current, text: changed };
      }
      if (random() < rates.whitespace && current.text.includes(' ')) {
        edits['whitespace changed']++;
        current = { ...current, text: current.text.replace(' ', '  ') };
      }
      out.push(current);
      if (random() < rates.duplicated) {
        edits.duplicated++;
        out.push({ text: current.text });
      }
      if (random() < rates.inserted) {
        edits.inserted++;
        out.push({ text: pick(pool) });
      }
    }
    return out;
  });
  for (let n = Math.round(edited.length * rates.paragraphMoved); n > 0; n--) {
    const [moved] = edited.splice(Math.floor(random() * edited.length), 1);
    if (moved) edited.splice(Math.floor(random() * (edited.length + 1)), 0, moved);
    edits['paragraph moved']++;
  }
  const after = layOut(edited, random, rates.whitespace, edits);
  const expected: EditedText['expected'] = quotes.map(() => 'deleted');
  edited.flat().forEach((sentence, i) => {
    if (sentence.quote !== undefined)
      expected[sentence.quote] = after.spans[i] as { start: number; end: number };
  });
  return { before, after: after.text, quotes, expected, edits };
}

/** Joins paragraphs (sentences by a space, paragraphs by a blank line), varying whitespace. */
function layOut(
  paragraphs: Sentence[][],
  random?: () => number,
  rate = 0,
  edits?: Record<EditKind, number>,
): { text: string; spans: { start: number; end: number }[] } {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  paragraphs.forEach((paragraph, p) => {
    if (p > 0) text += random && random() < rate ? (count(edits), '\n\n\n') : '\n\n';
    paragraph.forEach((sentence, s) => {
      if (s > 0) text += random && random() < rate ? (count(edits), '  ') : ' ';
      spans.push({ start: text.length, end: text.length + sentence.text.length });
      text += sentence.text;
    });
  });
  return { text: text + '\n', spans };
}

function count(edits: Record<EditKind, number> | undefined): void {
  if (edits) edits['whitespace changed']++;
}

/** Swaps two neighbouring letters of one longer word (a typo put in, or fixed). */
function changeOneWord(sentence: string, random: () => number): string {
  const words = [...sentence.matchAll(/[A-Za-z]{5,}/g)];
  const word = words[Math.floor(random() * words.length)];
  if (!word) return sentence;
  const at = word.index + 1 + Math.floor(random() * (word[0].length - 2));
  return sentence.slice(0, at) + sentence[at + 1] + sentence[at] + sentence.slice(at + 2);
}
