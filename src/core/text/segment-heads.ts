// Heads run into the first sentence on the same line: an all-caps heading ("BUDGET OUTLOOK The
// deficit fell.") or a date field ("date 2020-01-06 The ministry said…"), which stand alone.

import { isStarterAt } from './segment-words';
import { isAsciiLetter, isDigit, isLower, isUpper } from './segment-chars';

/** Longest label word before a date ("date", "Published:", "Updated"). */
const MAX_LABEL = 12;
/** Most words read in an all-caps heading. */
const MAX_HEADING_WORDS = 8;

/**
 * Where the sentence proper begins when a head opens the sentence that starts at index s: the
 * index of the capitalised word after an all-caps heading of two or more words that is followed
 * by a usual sentence starter ("BUDGET OUTLOOK The…", never "U.S. troops" or "NATO Secretary"),
 * or after an ISO date with an optional label and time ("Published: 2024-03-05 14:30 The…").
 * Agency datelines such as "BAGHDAD (Reuters) - …" are not heads: they stay with their sentence.
 * @returns that index, or -1 when there is no head
 */
export function headEnd(text: string, s: number): number {
  const c = text.charCodeAt(s);
  if (isUpper(c) && c < 128 && isUpper(text.charCodeAt(s + 1))) {
    const end = headingEnd(text, s);
    if (end > 0) return end;
  }
  if (isAsciiLetter(c) || isDigit(c)) return dateFieldEnd(text, s);
  return -1;
}

/** End of an all-caps heading starting at s (see {@link headEnd}), or -1. */
function headingEnd(text: string, s: number): number {
  let k = s;
  let words = 0;
  for (; words < MAX_HEADING_WORDS; words++) {
    let q = k;
    let letters = 0;
    for (;;) {
      const c = text.charCodeAt(q);
      if (c >= 65 && c <= 90) letters++;
      else if (!isDigit(c) && c !== 38 && c !== 45 && c !== 39) break;
      q++;
    }
    const after = text.charCodeAt(q);
    if (q - k < 2 && text.charCodeAt(k) !== 38) break; // not an all-caps word (or "&")
    if (letters === 0 && text.charCodeAt(k) !== 38) return -1;
    if (after !== 32) return -1; // "U.S.", "NATO-led" … or a line end: no sentence follows
    k = q + 1;
  }
  if (words < 2 || !isUpper(text.charCodeAt(k)) || !isLower(text.charCodeAt(k + 1))) return -1;
  return isStarterAt(text, k) ? k : -1;
}

/** End of an optional label, an ISO date and an optional time starting at s, or -1. */
function dateFieldEnd(text: string, s: number): number {
  let k = s;
  for (let label = 0; label < 2 && isAsciiLetter(text.charCodeAt(k)); label++) {
    let q = k;
    while (q - k <= MAX_LABEL && isAsciiLetter(text.charCodeAt(q))) q++;
    if (text.charCodeAt(q) === 58) q++; // "Published:"
    if (text.charCodeAt(q) !== 32) return -1;
    k = q + 1;
  }
  if (!isIsoDateAt(text, k)) return -1;
  k += 10;
  if (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 84) {
    const t = readTimeAt(text, k + 1);
    if (t > 0) k = t;
  }
  if (text.charCodeAt(k) !== 32) return -1;
  while (text.charCodeAt(k) === 32) k++;
  return isUpper(text.charCodeAt(k)) && isLower(text.charCodeAt(k + 1)) ? k : -1;
}

/** True when "YYYY-MM-DD" starts at k. */
function isIsoDateAt(text: string, k: number): boolean {
  for (let q = 0; q < 10; q++) {
    const c = text.charCodeAt(k + q);
    if (q === 4 || q === 7 ? c !== 45 : !isDigit(c)) return false;
  }
  return !isDigit(text.charCodeAt(k + 10));
}

/** End of "HH:MM", "HH:MM:SS" (with an optional "Z") starting at k, or -1. */
function readTimeAt(text: string, k: number): number {
  let q = k;
  while (isDigit(text.charCodeAt(q)) && q - k < 2) q++;
  if (q === k || text.charCodeAt(q) !== 58) return -1;
  for (let part = 0; part < 2 && text.charCodeAt(q) === 58; part++) {
    if (!isDigit(text.charCodeAt(q + 1)) || !isDigit(text.charCodeAt(q + 2))) break;
    q += 3;
  }
  if (text.charCodeAt(q) === 90) q++; // Z
  return q;
}
