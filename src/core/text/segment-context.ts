// Contexts that override the usual reading of sentence-final punctuation: a citation after a
// quotation, a forgotten space ("ended.The"), Japanese quotation particles, full-width decimals.

import {
  isAsciiLetter,
  isCloser,
  isDigit,
  isHardBreak,
  isLower,
  isOpener,
  isUpper,
  isWhitespace,
} from './segment-chars';
import { classifyWordBefore, isExclaimNameBefore } from './segment-words';

/** Longest citation in brackets after a quotation: "(Smith 2020, p. 4)". */
const MAX_CITATION = 80;

/**
 * True when a bracketed citation starts at index k: "(" and, within {@link MAX_CITATION}
 * characters on the same line, a digit (a year or page) and ")" followed by . , ; : or the end.
 */
export function isCitationAt(text: string, k: number): boolean {
  if (text.charCodeAt(k) !== 40) return false;
  let digit = false;
  for (let q = k + 1; q < text.length && q - k <= MAX_CITATION; q++) {
    const c = text.charCodeAt(q);
    if (isHardBreak(c) || c === 40) return false;
    if (isDigit(c)) digit = true;
    if (c === 41) {
      const after = text.charCodeAt(q + 1);
      const ends = q + 1 >= text.length || after === 46 || after === 44 || after === 59;
      return digit && (ends || after === 58 || isHardBreak(after));
    }
  }
  return false;
}

/** Longest word before a forgotten space that is looked at (keeps the check bounded). */
const MAX_GLUED_WORD = 40;

/**
 * True when the lone . ? or ! at index i, with a letter right after it, ends a sentence whose
 * writer forgot the space: "talks ended.The minister left". The word before must be a plain
 * word of two or more letters (not an abbreviation, initial, number, URL or file name) and the
 * word after a capitalised word that is not followed by "." and a letter ("www.Example.com").
 */
export function isGluedSentenceEnd(text: string, i: number, sentenceStart: number): boolean {
  const c = text.charCodeAt(i);
  let s = i;
  while (s > 0 && i - s <= MAX_GLUED_WORD && isAsciiLetter(text.charCodeAt(s - 1))) s--;
  if (s === i || i - s > MAX_GLUED_WORD) return false;
  const before = s > 0 ? text.charCodeAt(s - 1) : 32;
  if (!isWhitespace(before) && !isOpener(before)) return false;
  if (c === 46) {
    if (i - s < 2 || !isLower(text.charCodeAt(i - 1))) return false;
    if (classifyWordBefore(text, i, sentenceStart) !== 'plain') return false;
  } else if (c === 33 && isExclaimNameBefore(text, i)) {
    return false;
  }
  const w = i + 1;
  if (!isUpper(text.charCodeAt(w)) || !isLower(text.charCodeAt(w + 1))) return false;
  let q = w + 2;
  while (q < text.length && isAsciiLetter(text.charCodeAt(q))) q++;
  const after = text.charCodeAt(q);
  if (q >= text.length || isWhitespace(after)) return true;
  if (after === 46 || after === 33 || after === 63) return !isAsciiLetter(text.charCodeAt(q + 1));
  return after === 44 || after === 59 || after === 58 || isCloser(after);
}

/** Japanese quotation particles after a closing bracket: と, って (the sentence goes on). */
export function isQuoteParticleAt(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  return c === 0x3068 || (c === 0x3063 && text.charCodeAt(e + 1) === 0x3066);
}

/** True when the run [i, j) is one full-width full stop between digits: "３．５". */
export function isFullwidthDecimalAt(text: string, i: number, j: number): boolean {
  return (
    j === i + 1 &&
    text.charCodeAt(i) === 0xff0e &&
    isAnyDigit(text.charCodeAt(i - 1)) &&
    isAnyDigit(text.charCodeAt(j))
  );
}

/** ASCII or full-width digit. */
function isAnyDigit(c: number): boolean {
  return isDigit(c) || (c >= 0xff10 && c <= 0xff19);
}
