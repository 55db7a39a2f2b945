// Decides whether a run of sentence-final punctuation ends a sentence (abbreviations, quotes, …).

import { isTimeContextWord } from './abbreviations';
import {
  isAsciiLetter,
  isCjkTerminator,
  isCloser,
  isContinuation,
  isDigit,
  isDoubleQuoteOpener,
  isHardBreak,
  isLower,
  isOpener,
  isTerminator,
  isUpper,
  isWhitespace,
} from './segment-chars';
import {
  isCitationAt,
  isFullwidthDecimalAt,
  isGluedSentenceEnd,
  isQuoteParticleAt,
} from './segment-context';
import { readMarkerAt } from './segment-structure';
import {
  classifyWordBefore,
  isAttributionAt,
  isExclaimNameBefore,
  isStarterAt,
  wordAt,
} from './segment-words';
import type { WordClass } from './segment-words';

/** What follows the whitespace after the punctuation. */
type NextClass =
  | 'lower' // a lower-case letter, possibly after an opening quote or bracket
  | 'cont' // punctuation that continues the sentence: , ; : - — ) /
  | 'upper' // a capital letter
  | 'dashUpper' // a dash, perhaps a space, then a capital: "— The next day"
  | 'quoteUpper' // an opening double quote, then a capital
  | 'openUpper' // another opening quote or bracket, then a capital
  | 'digit'
  | 'marker' // a list marker such as "2)" or "(b)"
  | 'other';

/**
 * Examines the punctuation run starting at a terminator (. ! ? … etc.), with the closing quotes,
 * brackets and citation marks attached to it, and decides whether the sentence ends after it.
 * One instance is reused for a whole text; results are left in `end` and `boundary`.
 */
export class TerminatorScanner {
  /** Index just after the punctuation run and whatever is attached to it. */
  end = 0;
  /** Whether the sentence ends at `end`. */
  boundary = false;

  private readonly text: string;
  private dots = 0;
  private question = false;
  private ellipsisChar = false;
  private spaced = false;
  private cjk = false;
  private closerAfterPeriod = false;
  private termAfterCloser = false;
  private quoteCloser = false;
  /** the run is an elision mark "[...]" or "[…]" */
  private elision = false;
  /** what follows the run opens with a round or square bracket */
  private bracketFirst = false;
  private nextWordStart = 0;

  /** @param text the whole text being segmented */
  constructor(text: string) {
    this.text = text;
  }

  /**
   * Scan the punctuation run that starts at index `i` (a terminator).
   * @param sentenceStart index of the first character of the current sentence
   * @param protectedUntil index of the closing bracket of an enclosing parenthetical, or -1
   */
  run(i: number, sentenceStart: number, protectedUntil: number): void {
    const j = this.scanCluster(i);
    const e = this.attachCitations(i, j);
    this.end = e;
    this.boundary = this.decide(i, j, e, sentenceStart, protectedUntil);
  }

  /** Consume terminators, spaced ellipsis dots and closing quotes/brackets; return the end. */
  private scanCluster(i: number): number {
    const text = this.text;
    const n = text.length;
    this.dots = 0;
    this.question = false;
    this.ellipsisChar = false;
    this.spaced = false;
    this.cjk = false;
    this.closerAfterPeriod = false;
    this.termAfterCloser = false;
    this.quoteCloser = false;
    this.elision = i > 0 && text.charCodeAt(i - 1) === 91;
    let sawCloser = false;
    let lastWasPeriod = false;
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 46) {
        this.dots++;
        if (sawCloser) this.termAfterCloser = true;
        j++;
        lastWasPeriod = true;
        // ". . ." — continue over single dots separated by single spaces
        if (
          text.charCodeAt(j) === 32 &&
          text.charCodeAt(j + 1) === 46 &&
          text.charCodeAt(j + 2) !== 46 &&
          (j - 2 < i || text.charCodeAt(j - 2) !== 46)
        ) {
          this.spaced = true;
          j++;
        }
      } else if (isTerminator(c)) {
        if (c === 0x2026) this.ellipsisChar = true;
        else if (isCjkTerminator(c)) this.cjk = true;
        else this.question = true;
        if (sawCloser) this.termAfterCloser = true;
        lastWasPeriod = false;
        j++;
      } else if (c === 0x200e || c === 0x200f || c === 0x061c) {
        j++; // a left-to-right, right-to-left or Arabic letter mark stays with the punctuation
      } else if (isCloser(c)) {
        if (lastWasPeriod) this.closerAfterPeriod = true;
        if (!isBracket(c)) this.quoteCloser = true;
        sawCloser = true;
        j++;
      } else {
        break;
      }
    }
    if (this.elision && !(text.charCodeAt(j - 1) === 93 && (this.dots >= 3 || this.ellipsisChar)))
      this.elision = false;
    return j;
  }

  /** Attach citation marks written after the punctuation: "[1]", "[7][8]", ".11 12", ").1". */
  private attachCitations(i: number, j: number): number {
    const text = this.text;
    const n = text.length;
    let e = j;
    while (text.charCodeAt(e) === 91) {
      let k = e + 1;
      let digits = 0;
      for (; k < n && k - e <= 12; k++) {
        const c = text.charCodeAt(k);
        if (isDigit(c)) digits++;
        else if (c !== 44 && c !== 45 && c !== 0x2013 && c !== 32) break;
      }
      if (digits === 0 || text.charCodeAt(k) !== 93) break;
      e = k + 1;
    }
    const singlePeriod = this.dots === 1 && !this.question && !this.ellipsisChar && !this.cjk;
    if (e !== j || !singlePeriod || !isDigit(text.charCodeAt(e))) return e;
    if (i > 0 && isDigit(text.charCodeAt(i - 1))) return e; // a decimal number
    const first = readSmallNumber(text, e);
    if (first < 0) return e;
    e = first;
    // further space-separated reference numbers, if a capitalised word follows them
    let last = e;
    let m = e;
    while (text.charCodeAt(m) === 32) {
      const q = readSmallNumber(text, m + 1);
      if (q < 0 || text.charCodeAt(q) !== 32) break;
      last = q;
      m = q;
    }
    if (last > e && isUpper(text.charCodeAt(m + 1))) e = last;
    return e;
  }

  /**
   * Decide whether the sentence ends after the run that starts at i: j is the end of the
   * punctuation and closers, e the end including attached citation marks.
   */
  private decide(i: number, j: number, e: number, sentStart: number, protUntil: number): boolean {
    const text = this.text;
    const n = text.length;
    if (e < n && !isWhitespace(text.charCodeAt(e))) {
      if (!this.cjk) {
        return protUntil < e && j === i + 1 && e === j && isGluedSentenceEnd(text, i, sentStart);
      }
      if (this.quoteCloser && isQuoteParticleAt(text, e)) return false; // 「本当ですか？」と聞いた
      if (isFullwidthDecimalAt(text, i, j)) return false; // ３．５
    }
    if (protUntil >= e) return false; // inside a parenthetical that closes later
    let cls: WordClass;
    if (this.question) {
      cls =
        j === i + 1 && text.charCodeAt(i) === 33 && isExclaimNameBefore(text, i)
          ? 'starter'
          : 'plain';
    } else if (this.dots > 1 || this.ellipsisChar || this.cjk) {
      // the standard ellipsis ". . ." leaves the sentence open; "...", "…" and ". . . ." may end it
      if (this.spaced && this.dots === 3 && !this.ellipsisChar) return false;
      cls = 'plain';
    } else {
      cls = classifyWordBefore(text, i, sentStart);
      if (cls === 'marker') return false;
      if (this.closerAfterPeriod || this.termAfterCloser) cls = 'plain';
    }
    let k = e;
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      if (!isWhitespace(c)) break;
      if (isHardBreak(c)) return true;
    }
    if (k >= n) return true;
    const next = this.classifyNext(k);
    if (next === 'lower' || next === 'cont') return false;
    // “Why now?” Jones asked. / «هل هذه هي الرسالة؟» تساءل الوزير.
    if (
      this.question &&
      this.quoteCloser &&
      (next === 'upper' || next === 'other') &&
      isAttributionAt(text, this.nextWordStart)
    )
      return false;
    // “… the troops will leave [...]” (Smith 2020, p. 4). — the citation ends the sentence
    if ((this.elision || this.quoteCloser) && isCitationAt(text, k)) return false;
    if (next === 'dashUpper') return cls === 'plain' || cls === 'etc' || cls === 'number';
    // Acme Inc. (“Acme”) said — a bracket after a company or name suffix continues it
    if (cls === 'starter' && this.bracketFirst) return isStarterAt(text, this.nextWordStart);
    const upper = next === 'upper' || next === 'openUpper';
    switch (cls) {
      case 'plain':
      case 'etc':
        return true;
      case 'never':
        return false;
      case 'number':
        return upper || next === 'quoteUpper';
      case 'time':
        if (next === 'quoteUpper') return true;
        return upper && !isTimeContextWord(wordAt(text, this.nextWordStart));
      case 'pronoun':
        // "so do I. Congress must act." but not "designed by I. M. Pei"
        return !(next === 'upper' && text.charCodeAt(this.nextWordStart + 1) === 46);
      case 'initial':
        return next === 'upper' && isStarterAt(text, this.nextWordStart);
      case 'starter':
        return next === 'quoteUpper' || (upper && isStarterAt(text, this.nextWordStart));
    }
  }

  /** Classify what starts at index k (the first non-whitespace character after the run). */
  private classifyNext(k: number): NextClass {
    const text = this.text;
    const n = text.length;
    const c0 = text.charCodeAt(k);
    if (isDigit(c0) || isAsciiLetter(c0) || c0 === 40) {
      const marker = readMarkerAt(text, k);
      if (marker !== null && marker.kind.endsWith(')')) return 'marker';
    }
    this.bracketFirst = c0 === 40 || c0 === 91;
    if (c0 === 45 || c0 === 0x2013 || c0 === 0x2014) {
      // a dash opens the next sentence when a capitalised word follows it: "— The next day"
      let q = k + 1;
      if (text.charCodeAt(q) === 32) q++;
      else if (c0 === 45) return 'cont';
      if (!isUpper(text.charCodeAt(q))) return 'cont';
      this.nextWordStart = q;
      return 'dashUpper';
    }
    let m = k;
    let doubleQuote = false;
    while (m < n && m - k < 4 && isOpener(text.charCodeAt(m))) {
      if (isDoubleQuoteOpener(text.charCodeAt(m))) doubleQuote = true;
      m++;
    }
    this.nextWordStart = m;
    if (m >= n) return 'other';
    const c = text.charCodeAt(m);
    if (isLower(c)) return 'lower';
    if (m === k && isContinuation(c)) return 'cont';
    if (isUpper(c)) {
      if (m === k) return 'upper';
      return doubleQuote ? 'quoteUpper' : 'openUpper';
    }
    if (isDigit(c) && m === k) return 'digit';
    return 'other';
  }
}

/** Read 1-3 digits at index k followed by whitespace or the end; return the end, or -1. */
function readSmallNumber(text: string, k: number): number {
  let q = k;
  while (q < text.length && isDigit(text.charCodeAt(q))) q++;
  if (q === k || q - k > 3) return -1;
  if (q < text.length && !isWhitespace(text.charCodeAt(q))) return -1;
  return q;
}

/** Round or square bracket (as opposed to a quote mark). */
function isBracket(c: number): boolean {
  return c === 41 || c === 93 || c === 125 || c === 0xff09 || c === 0xff3d;
}
