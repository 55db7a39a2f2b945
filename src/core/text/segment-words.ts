// Reads the words around a sentence-final period: abbreviations before it, starters after it.

import {
  abbreviationKind,
  MAX_ABBREVIATION_LENGTH,
  isExclaimName,
  isReportingVerb,
  isRtlReportingVerb,
  isSentenceStarter,
} from './abbreviations';
import type { AbbreviationKind } from './abbreviations';
import {
  isAsciiLetter,
  isBullet,
  isDigit,
  isLower,
  isOpener,
  isUpper,
  isWhitespace,
  isWordChar,
} from './segment-chars';

/**
 * How the word before a period behaves: an {@link AbbreviationKind}, `plain` (an ordinary word
 * or number: the period ends the sentence before a capital), `initial` (a single capital letter),
 * `pronoun` ("I" after a lower-case word) or `marker` (a list label at the start of a sentence,
 * such as "2." or "a.").
 */
export type WordClass = AbbreviationKind | 'plain' | 'initial' | 'pronoun' | 'marker';

/** Longest word (in UTF-16 units) looked up as a possible abbreviation. */
const MAX_WORD = 13;
/** Longest next word read to compare with the starter and time-word lists. */
const MAX_NEXT_WORD = 16;
/** Longest speaker-and-verb attribution looked at after a quotation. */
const MAX_ATTRIBUTION = 60;
/** A list marker must begin within this many characters of the start of its sentence. */
const MAX_MARKER_OFFSET = 4;

/**
 * Classify the word that ends just before the period at index i.
 * @param sentenceStart index of the first character of the current sentence
 */
export function classifyWordBefore(text: string, i: number, sentenceStart: number): WordClass {
  if (i === 0) return 'plain';
  const prev = text.charCodeAt(i - 1);
  if (!isWordChar(prev)) return 'plain'; // " ." or ")." or "”."
  let s = i;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (!isWordChar(c) && c !== 46) break;
    s--;
    if (i - s > MAX_WORD) return 'plain';
  }
  if (s > 0) {
    const b = text.charCodeAt(s - 1);
    const apostrophe = (b === 39 || b === 0x2019) && s > 1 && isWordChar(text.charCodeAt(s - 2));
    const clean =
      isWhitespace(b) ||
      isOpener(b) ||
      isBullet(b) ||
      b === 45 || // -  as in "D-Calif."
      b === 47 || // /
      b === 0x2013 ||
      b === 0x2014;
    if (apostrophe || !clean) return 'plain'; // "Michael's.", "jane@example.com.", "AT&T."
  }
  while (s < i && text.charCodeAt(s) === 46) s++; // ".zip."
  if (s >= i) return 'plain';
  const len = i - s;
  const initial = isSentenceInitial(text, s, sentenceStart);
  if (isDigit(prev)) {
    if (initial && len <= 3 && isDigit(text.charCodeAt(s))) return 'marker'; // "2. The second"
    return 'plain';
  }
  if (len === 1) {
    if (initial) return 'marker'; // "a. The first item", "Q. What is his name?"
    // "so do I." — the pronoun after a lower-case word, not an initial after a first name
    if (prev === 73 && text.charCodeAt(s - 1) === 32 && isLowerWordBefore(text, s - 1)) {
      return 'pronoun';
    }
    if (isUpper(prev)) return 'initial';
    return abbreviationKind(String.fromCharCode(prev)) ?? 'starter';
  }
  if (initial && len <= 4 && isRomanNumeral(text, s, i)) return 'marker'; // "iv. Results"
  let dotted = false;
  for (let q = s; q < i && !dotted; q++) dotted = text.charCodeAt(q) === 46;
  if (!dotted && len > MAX_ABBREVIATION_LENGTH) return 'plain'; // no lookup for long words
  const word = text.slice(s, i);
  if (dotted) {
    // U.S, Ph.D, a.m, e.g: every part one or two letters
    for (const part of word.split('.')) {
      if (part.length === 0 || part.length > 2) return 'plain';
      for (let q = 0; q < part.length; q++) {
        if (!isAsciiLetter(part.charCodeAt(q))) return 'plain';
      }
    }
    return abbreviationKind(word) ?? 'starter';
  }
  return abbreviationKind(word) ?? 'plain';
}

/** True when the letters just before the "!" at index i spell a brand such as "Yahoo". */
export function isExclaimNameBefore(text: string, i: number): boolean {
  let s = i;
  while (s > 0 && i - s < 10 && isAsciiLetter(text.charCodeAt(s - 1))) s--;
  return s < i && isExclaimName(text.slice(s, i));
}

/** The word (letters and digits) starting at index s, at most MAX_NEXT_WORD long. */
export function wordAt(text: string, s: number): string {
  let q = s;
  while (q < text.length && q - s < MAX_NEXT_WORD && isWordChar(text.charCodeAt(q))) q++;
  return text.slice(s, q);
}

/** True when a capitalised sentence starter such as "The" or "I" begins at index s. */
export function isStarterAt(text: string, s: number): boolean {
  const word = wordAt(text, s);
  if (word.length > 1 && !isLower(word.charCodeAt(1))) return false; // "US", "IT"
  return isSentenceStarter(word);
}

/**
 * True when capitalised words (a speaker: "Jones", "Mayor Lisa Grant", "Sen. Ana Ruiz") and then
 * a verb of saying begin at index s, as after the quotation in `“Why now?” Jones asked.` or
 * `“Who?” Sen. Ana Ruiz asked on Tuesday.`; or, in Arabic and Hebrew, a verb of saying itself.
 */
export function isAttributionAt(text: string, s: number): boolean {
  const limit = Math.min(text.length, s + MAX_ATTRIBUTION);
  if (!isUpper(text.charCodeAt(s))) {
    const word = wordAt(text, s);
    return isRtlReportingVerb(word) && !isWordChar(text.charCodeAt(s + word.length));
  }
  if (isStarterAt(text, s)) return false; // “Why?” He said no. — a new sentence
  let k = s;
  for (let count = 0; count < 6 && isUpper(text.charCodeAt(k)); count++) {
    let q = k + 1;
    while (q < limit && isNameChar(text.charCodeAt(q))) q++;
    if (text.charCodeAt(q) !== 32) return false;
    const v = q + 1;
    let r = v;
    while (r < limit && isLower(text.charCodeAt(r))) r++;
    if (r > v) return !isWordChar(text.charCodeAt(r)) && isReportingVerb(text.slice(v, r));
    k = v;
  }
  return false;
}

/** True when only whitespace, bullets or "(" lie between the sentence start and index s. */
function isSentenceInitial(text: string, s: number, sentenceStart: number): boolean {
  if (s - sentenceStart > MAX_MARKER_OFFSET || s < sentenceStart) return false;
  for (let q = sentenceStart; q < s; q++) {
    const c = text.charCodeAt(q);
    if (!isWhitespace(c) && !isBullet(c) && c !== 40) return false;
  }
  return true;
}

/** True when the word ending just before index e starts with a lower-case letter ("do"). */
function isLowerWordBefore(text: string, e: number): boolean {
  let q = e;
  while (q > 0 && e - q < MAX_WORD && isWordChar(text.charCodeAt(q - 1))) q--;
  return q < e && isLower(text.charCodeAt(q));
}

/** True when text[s, e) is a roman numeral in one case, made of i, v and x. */
function isRomanNumeral(text: string, s: number, e: number): boolean {
  const upper = text.charCodeAt(s) < 97;
  for (let q = s; q < e; q++) {
    const c = text.charCodeAt(q);
    if (c < 97 !== upper) return false;
    const lower = c | 32;
    if (lower !== 105 && lower !== 118 && lower !== 120) return false;
  }
  return true;
}

/** Characters inside a name: letters, digits, "." (initials), "-" and apostrophes. */
function isNameChar(c: number): boolean {
  return isWordChar(c) || c === 46 || c === 45 || c === 39 || c === 0x2019;
}
