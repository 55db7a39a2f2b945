// Suggesting who says a sentence, from the sentence and its neighbours, with patterns a reviewer
// can check at a glance: "confirmed to Reuters", "X said", "said X", "according to X", "… by X"
// after a reporting verb, and a transcript's speaker label ("MILLEY:"). The reviewer accepts or
// edits a suggestion; nothing is attributed without them.
import type { Source } from '../review/assessment';
import { phraseAfter, phraseBefore } from './attribution-phrases';
import { matchSource, sourceKey } from './sources';

/** A suggested source: the name, why it is suggested, and the existing source it is, if any. */
export interface AttributionCandidate {
  name: string;
  /** One plain phrase a reviewer can check: `the sentence says “wrote Liz Sly”`. */
  reason: string;
  sourceId?: string;
}

/** What the suggestion reads: the sentence, its neighbours and what is known of the document. */
export interface AttributionContext {
  sentence: string;
  /** Sentences before it, nearest last. */
  before?: readonly string[];
  /** Sentences after it, nearest first. */
  after?: readonly string[];
  /** The label of the transcript turn the sentence is in ("MILLEY"), if any. */
  speakerLabel?: string;
  outlet?: string;
  author?: string;
}

const REPORTING =
  'said|says|say|told|tells|wrote|writes|added|adds|confirmed|confirms|denied|denies|stated|states|announced|announces|reported|reports|insisted|insists|claimed|claims|tweeted|tweets|warned|warns|explained|explains';

/**
 * "X has just said": the verb, with the auxiliary and adverb before it. Reporting verbs match in
 * lower case only, so “United States” is not “… states”.
 */
const SUBJECT_VERB = new RegExp(
  `(?:\\b(?:has|have|had)\\s+)?(?:\\b(?:just|also|later|previously|reportedly|now)\\s+)?\\b(?:${REPORTING})\\b`,
  'gu',
);
/** "…,” said X" and "wrote X": a verb after a quotation, the speaker after it. */
const VERB_SUBJECT =
  /[,”“"]\s*(?:(?:also|later|then)\s+)?(said|says|wrote|writes|added|adds|told|tweeted|asked)\s+/gu;
const ACCORDING_TO = /\baccording to\s+/giu;
/** "confirmed to Reuters", "told Reuters". */
const TO_OUTLET = /\b(?:(?:confirmed|said|explained|denied|stated)\s+to|told)\s+/gu;
/** "was confirmed … by an Iraqi military source". */
const PASSIVE_BY =
  /\b(?:confirmed|reported|announced|stated|denied|verified|disclosed|signed|written|released)\b[^.;:“”"]{0,80}?\bby\s+/gu;
const SPEAKER_LABEL = /^\s*(\p{Lu}[\p{Lu}.'’ -]{1,40}):\s/u;
/** Words before a verb that make it passive or not a report of speech. */
const NOT_A_SUBJECT = /\b(?:was|were|is|are|be|been|being)\s*$/iu;
const CLAUSE_BREAK = /[,;:“”"(—–]|\b(?:that|and|but|while|after|when)\s/giu;

interface Found {
  name: string;
  at: number;
  quote: string;
}

/** Every name the patterns find in one sentence, in order of where the name stands. */
export function namesIn(sentence: string): Found[] {
  const found: Found[] = [];
  const after = (re: RegExp) => {
    for (const m of sentence.matchAll(re)) {
      const at = m.index + m[0].length;
      const name = phraseAfter(sentence.slice(at));
      if (name) found.push({ name, at, quote: quoteOf(sentence, m.index, at + name.length) });
    }
  };
  after(ACCORDING_TO);
  after(TO_OUTLET);
  after(PASSIVE_BY);
  after(VERB_SUBJECT);
  for (const m of sentence.matchAll(SUBJECT_VERB)) {
    const head = sentence.slice(0, m.index);
    if (NOT_A_SUBJECT.test(head)) continue;
    const breaks = [...head.matchAll(CLAUSE_BREAK)];
    const last = breaks.at(-1);
    const from = last ? last.index + last[0].length : 0;
    const name = phraseBefore(head.slice(from));
    if (!name) continue;
    const at = Math.max(from, head.lastIndexOf(name));
    found.push({ name, at, quote: quoteOf(sentence, at, m.index + m[0].length) });
  }
  const label = SPEAKER_LABEL.exec(sentence);
  if (label?.[1]) found.push({ name: titleCase(label[1]), at: 0, quote: `${label[1].trim()}:` });
  return found.sort((a, b) => a.at - b.at);
}

/**
 * Candidate sources for a sentence, best first, without repeats: names in the sentence itself,
 * then the transcript turn's speaker, then names in the next and previous sentences, then the
 * document's author and outlet. A name that matches one of `sources` is given as that source.
 */
export function suggestAttribution(
  context: AttributionContext,
  sources: readonly Source[] = [],
): AttributionCandidate[] {
  const candidates: AttributionCandidate[] = [];
  const seen = new Set<string>();
  const add = (name: string, reason: string) => {
    const match = matchSource(sources, name);
    const candidate: AttributionCandidate = match
      ? { name: match.source.name, reason, sourceId: match.source.id }
      : { name, reason };
    const key = sourceKey(candidate.name);
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push(candidate);
  };
  const fromSentence = (sentence: string, where: string) => {
    for (const { name, quote } of namesIn(sentence)) {
      add(name, quote.endsWith(':') ? `a speaker label “${quote}”` : `${where} says “${quote}”`);
    }
  };
  fromSentence(context.sentence, 'the sentence');
  if (context.speakerLabel) {
    add(
      titleCase(context.speakerLabel),
      `the transcript turn’s speaker label “${context.speakerLabel}:”`,
    );
  }
  const next = context.after?.[0];
  if (next) fromSentence(next, 'the next sentence');
  const previous = context.before?.at(-1);
  if (previous) fromSentence(previous, 'the previous sentence');
  if (context.author) add(context.author, 'the document’s author');
  if (context.outlet) add(context.outlet, 'the document’s outlet');
  return candidates;
}

/**
 * The context of sentence `index` of `text` (spans from the segmenter): one sentence either side
 * and the nearest transcript speaker label above it ("MILLEY: …" at the start of a line).
 */
export function attributionContext(
  text: string,
  spans: readonly { start: number; end: number }[],
  index: number,
  document: { outlet?: string; author?: string } = {},
): AttributionContext {
  const slice = (i: number) => {
    const span = spans[i];
    return span ? [text.slice(span.start, span.end)] : [];
  };
  const span = spans[index];
  const context: AttributionContext = {
    sentence: span ? text.slice(span.start, span.end) : '',
    before: slice(index - 1),
    after: slice(index + 1),
  };
  if (span) {
    const lines = text.slice(0, span.start).split('\n');
    const current = lines.pop() ?? '';
    const label = [...lines.slice(-200), current]
      .reverse()
      .map((line) => SPEAKER_LABEL.exec(line)?.[1])
      .find((found) => found !== undefined);
    if (label && !SPEAKER_LABEL.test(context.sentence)) context.speakerLabel = label.trim();
  }
  if (document.outlet) context.outlet = document.outlet;
  if (document.author) context.author = document.author;
  return context;
}

function quoteOf(sentence: string, from: number, to: number): string {
  return sentence
    .slice(from, to)
    .replace(/^[\s,”“"]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function titleCase(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(
      /(^|[\s'’.-])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    );
}
