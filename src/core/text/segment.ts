// English sentence segmenter: splits text into sentence spans (UTF-16 offsets) in linear time.

import { softWrapsAsSpaces } from './soft-wraps';
import {
  COMMON_SEGMENT_EVENT,
  isHardBreak,
  isTerminator,
  isWhitespace,
  RARE_EVENT,
  SEGMENT_EVENT,
} from './segment-chars';
import { headEnd } from './segment-heads';
import { TerminatorScanner } from './segment-rules';
import { interjectionEnd, scanStructure } from './segment-structure';

/** One sentence: UTF-16 offsets into the text; text.slice(start, end) is the sentence. */
export interface SentenceSpan {
  start: number;
  end: number;
  /** true when the span was cut at whitespace because no sentence end came within the length limit */
  forced?: true;
}

/** Options for {@link segment}. */
export interface SegmentOptions {
  /** longest sentence before a forced cut at whitespace; default 2000 */
  maxLength?: number;
}

/** Default for {@link SegmentOptions.maxLength}. */
export const DEFAULT_MAX_SENTENCE_LENGTH = 2000;

/**
 * Split English text into sentences.
 *
 * Every line break ends a sentence, except the breaks of hard-wrapped text (see
 * {@link softWrapsAsSpaces}); within a line, a sentence ends after . ! ? … (with any closing
 * quotes, brackets and citation marks) when the context says so: abbreviations, initials,
 * numbers, ellipses, quotations and parentheticals are taken into account, and inline list items
 * ("1) … 2) …", "• …") are split apart. Spans are trimmed, ordered, non-overlapping and cover every
 * non-whitespace character. A sentence longer than `maxLength` is cut at whitespace into pieces
 * flagged `forced: true` (a single token without whitespace is never cut).
 *
 * Runs in linear time; never cuts inside a surrogate pair.
 */
export function segment(original: string, options?: SegmentOptions): SentenceSpan[] {
  // Hard-wrapped lines are read as one paragraph (same length, so offsets hold for `original`).
  const text = softWrapsAsSpaces(original);
  const maxLength = resolveMaxLength(options?.maxLength);
  const n = text.length;
  const spans: SentenceSpan[] = [];
  if (n === 0) return spans;
  const { listCuts, bracketPairs } = scanStructure(text);
  const scanner = new TerminatorScanner(text);
  const events = RARE_EVENT.test(text) ? SEGMENT_EVENT : COMMON_SEGMENT_EVENT;
  let cutIndex = 0;
  let pairIndex = 0;
  let from = 0; // the current sentence begins at the first non-whitespace character from here
  let start = 0; // that character, once known (valid while startFrom === from)
  let startFrom = -1;
  let protectedUntil = -1; // closing bracket of the current parenthetical
  let headFor = -1; // the `from` for which headCut was computed
  let headCut = -1; // end of a heading or date field opening the current sentence, or -1
  /** Start of the current sentence: first non-whitespace index at or after `from`. */
  const sentenceStart = (): number => {
    if (startFrom !== from) {
      startFrom = from;
      start = from;
      while (start < n && isWhitespace(text.charCodeAt(start))) start++;
    }
    return start;
  };
  /** Emit the current sentence, which ends before index `end` (trailing whitespace trimmed). */
  const flush = (end: number): void => {
    const s = sentenceStart();
    let e = end;
    while (e > s && isWhitespace(text.charCodeAt(e - 1))) e--;
    if (e > s) pushSentence(spans, text, s, e, maxLength);
  };
  let scanFrom = 0; // where the search for the next event resumes
  let eventAt = -1; // the next event found from scanFrom (n if none), or -1 to search again
  for (;;) {
    if (eventAt < 0) {
      events.lastIndex = scanFrom;
      eventAt = events.test(text) ? events.lastIndex - 1 : n;
    }
    if (headFor !== from) {
      headFor = from;
      headCut = headEnd(text, sentenceStart());
    }
    while (cutIndex < listCuts.length && listCuts[cutIndex]! < scanFrom) cutIndex++;
    const listCut = listCuts[cutIndex] ?? n;
    const head = headCut >= 0 && headCut < listCut;
    const nextCut = head ? headCut : listCut;
    if (nextCut <= eventAt && nextCut < n) {
      // a list marker that has a neighbour ("1) … 2) …") or the end of a heading ("BUDGET
      // OUTLOOK The deficit fell.") starts a new sentence
      flush(nextCut);
      from = nextCut;
      if (!head) cutIndex++;
      continue;
    }
    const i = eventAt;
    if (i >= n) break;
    eventAt = -1;
    scanFrom = i + 1;
    const c = text.charCodeAt(i);
    if (isHardBreak(c)) {
      flush(i);
      from = i + 1;
    } else if (isTerminator(c)) {
      scanner.run(i, sentenceStart(), protectedUntil);
      scanFrom = scanner.end;
      if (scanner.boundary) {
        flush(scanner.end);
        from = scanner.end;
      }
    } else if (c === 40 || c === 91) {
      if (sentenceStart() === i) {
        // "[Laughter] I've been there." — a stage direction stands alone
        const end = interjectionEnd(text, i);
        if (end > 0) {
          flush(end);
          from = scanFrom = end;
          continue;
        }
      }
      while (pairIndex < bracketPairs.length && bracketPairs[pairIndex]! < i) pairIndex += 2;
      if (bracketPairs[pairIndex] === i) {
        protectedUntil = Math.max(protectedUntil, bracketPairs[pairIndex + 1]!);
      }
    } else if (i > 0 && isWhitespace(text.charCodeAt(i - 1))) {
      // a bullet between spaces starts a new sentence
      const after = text.charCodeAt(i + 1);
      if (isWhitespace(after) && !isHardBreak(after)) {
        flush(i);
        from = i;
      }
    }
  }
  flush(n);
  return spans;
}

/** Validate the maxLength option: a positive integer or Infinity, else the default. */
function resolveMaxLength(value: number | undefined): number {
  if (value === undefined || Number.isNaN(value)) return DEFAULT_MAX_SENTENCE_LENGTH;
  return Math.max(1, Math.floor(value));
}

/**
 * Append the sentence text[start, end) (already trimmed), cutting it at whitespace into pieces
 * of at most maxLength when it is longer. A cut prefers whitespace after , ; : or a dash in the
 * second half of the allowed length, else the last whitespace within it.
 */
function pushSentence(
  spans: SentenceSpan[],
  text: string,
  start: number,
  end: number,
  maxLength: number,
): void {
  if (end - start <= maxLength) {
    spans.push({ start, end });
    return;
  }
  let s = start;
  while (end - s > maxLength) {
    const limit = s + maxLength; // a piece [s, w) needs w <= limit
    let cut = -1;
    let soft = -1;
    const softFloor = s + (maxLength >> 1);
    for (let w = limit; w > s; w--) {
      if (w <= softFloor && cut >= 0) break;
      if (!isWhitespace(text.charCodeAt(w))) continue;
      if (cut < 0) cut = w;
      if (w > softFloor && isSoftBreak(text.charCodeAt(w - 1))) {
        soft = w;
        break;
      }
    }
    if (soft > 0) cut = soft;
    if (cut < 0) {
      // no whitespace within the limit: the piece runs to the end of this long token
      cut = limit + 1;
      while (cut < end && !isWhitespace(text.charCodeAt(cut))) cut++;
      if (cut >= end) break;
    }
    let pieceEnd = cut;
    while (isWhitespace(text.charCodeAt(pieceEnd - 1))) pieceEnd--;
    spans.push({ start: s, end: pieceEnd, forced: true });
    s = cut;
    while (isWhitespace(text.charCodeAt(s))) s++;
  }
  spans.push({ start: s, end, forced: true });
}

/** Punctuation after which a forced cut reads naturally: , ; : – — */
function isSoftBreak(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 0x2013 || c === 0x2014;
}
