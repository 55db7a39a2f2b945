// Pre-pass of the sentence segmenter: inline list markers ("1) … 2) …") and matched brackets.

import {
  isAsciiLetter,
  isDigit,
  isHardBreak,
  isOpener,
  isUpper,
  isWhitespace,
  STRUCTURE_EVENT,
} from './segment-chars';

/** A list-item marker such as `1)`, `2.)`, `b.`, `iv)`, `(c)`. */
export interface ListMarker {
  /** marker style, e.g. `d)` for "1)", `a.` for "b.", `(a)` for "(c)", `r)` for "iv)" */
  kind: string;
  /** ordinal: the number, the letter's position in the alphabet, or the roman numeral's value */
  ord: number;
  /** for a single letter i, v or x: its value as a roman numeral, else 0 */
  alt: number;
  /** index just after the marker (a whitespace character follows) */
  end: number;
}

/** Longest bracketed stretch (in UTF-16 units) treated as a protected parenthetical. */
const MAX_BRACKET_SPAN = 300;
/** Bound on the number of open brackets remembered per line. */
const MAX_OPEN = 64;

const ROMAN = ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'];

/** Value of a lower- or upper-case roman numeral below 40 in text[start, end), or 0. */
function romanValue(text: string, start: number, end: number): number {
  const s = text.slice(start, end);
  const lower = s.toLowerCase();
  if (s !== lower && s !== s.toUpperCase()) return 0;
  let tens = 0;
  while (lower.charCodeAt(tens) === 120 /* x */) tens++;
  if (tens > 3) return 0;
  const units = ROMAN.indexOf(lower.slice(tens));
  return units < 0 ? 0 : tens * 10 + units;
}

/**
 * Read a list marker starting at index k: 1-3 digits, one letter or a short roman numeral,
 * optionally wrapped in parentheses, then `)`, `.)` or `.`, then whitespace other than a line
 * break (the item's text follows on the same line).
 * @returns the marker, or null when text at k is not a marker.
 */
export function readMarkerAt(text: string, k: number): ListMarker | null {
  const n = text.length;
  let p = k;
  const wrapped = text.charCodeAt(p) === 40;
  if (wrapped) p++;
  const bodyStart = p;
  const first = text.charCodeAt(p);
  const digits = isDigit(first);
  if (digits) {
    while (p < n && isDigit(text.charCodeAt(p))) p++;
    if (p - bodyStart > 3) return null;
  } else if (isAsciiLetter(first)) {
    while (p < n && isAsciiLetter(text.charCodeAt(p))) p++;
    if (p - bodyStart > 4) return null;
  } else {
    return null;
  }
  const bodyEnd = p;
  const c = text.charCodeAt(p);
  let suffix: string;
  if (c === 41) {
    suffix = ')';
    p += 1;
  } else if (c === 46 && text.charCodeAt(p + 1) === 41) {
    suffix = '.)';
    p += 2;
  } else if (c === 46 && !wrapped) {
    suffix = '.';
    p += 1;
  } else {
    return null;
  }
  if (wrapped && suffix !== ')') return null;
  const after = text.charCodeAt(p);
  if (p >= n || !isWhitespace(after) || isHardBreak(after)) return null; // an item follows
  let type: string;
  let ord = 0;
  let alt = 0;
  if (digits) {
    type = 'd';
    for (let q = bodyStart; q < bodyEnd; q++) ord = ord * 10 + text.charCodeAt(q) - 48;
  } else if (bodyEnd - bodyStart === 1) {
    type = first <= 90 ? 'A' : 'a';
    ord = (first | 32) - 96;
    alt = romanValue(text, bodyStart, bodyEnd);
  } else {
    ord = romanValue(text, bodyStart, bodyEnd);
    if (ord === 0) return null;
    type = first <= 90 ? 'R' : 'r';
  }
  return { kind: wrapped ? `(${type})` : type + suffix, ord, alt, end: p };
}

/**
 * How marker styles split a line into items when they come in sequence: `free` anywhere
 * ("a) … b) …"), `anchored` only when the first item of the run opens the line or follows a
 * colon ("steps: 1. Close the port 2. Open the road", "parts: (i) … (ii) …"), as "1." is
 * usually a number ending a sentence and "(a) and (b)" a reference; `never` for "A." and "I."
 * (initials and roman numerals in names).
 */
function sequenceKind(kind: string): 'free' | 'anchored' | 'never' {
  if (kind === 'A.' || kind === 'R.') return 'never';
  return kind.charCodeAt(0) === 40 || kind === 'd.' ? 'anchored' : 'free';
}

/** True when only spaces and bullets stand between the line start and index s, or a colon. */
function isAnchorBefore(text: string, s: number, lineStart: number): boolean {
  let q = s;
  while (q > lineStart && isWhitespace(text.charCodeAt(q - 1))) q--;
  return q <= lineStart || text.charCodeAt(q - 1) === 58;
}

/** Result of {@link scanStructure}. */
export interface TextStructure {
  /** ascending indices of list markers that start a new item (a consecutive marker is nearby) */
  listCuts: number[];
  /** matched bracket pairs as [open, close, open, close, ...], ascending by open index */
  bracketPairs: number[];
}

/**
 * One linear pass over the text (jumping between brackets, periods and line breaks) that finds list markers which come in sequence within a line
 * ("a) … b) …", "by 1) … and 2) …") and pairs of round or square brackets that close within
 * {@link MAX_BRACKET_SPAN} characters on the same line.
 */
export function scanStructure(text: string): TextStructure {
  const cuts = new Set<number>();
  const pairs: [number, number][] = [];
  const lastByKind = new Map<string, { pos: number; ord: number; anchored: boolean }>();
  const round: number[] = [];
  const square: number[] = [];
  let lineStart = 0;
  const register = (kind: string, ord: number, pos: number, anchoredKind: boolean): void => {
    const prev = lastByKind.get(kind);
    const follows = prev !== undefined && ord === prev.ord + 1;
    const anchored =
      !anchoredKind || (follows ? prev.anchored : isAnchorBefore(text, pos, lineStart));
    if (follows && anchored) {
      cuts.add(prev.pos);
      cuts.add(pos);
    }
    lastByKind.set(kind, { pos, ord, anchored });
  };
  const newLine = (): void => {
    if (lastByKind.size > 0) lastByKind.clear();
    round.length = 0;
    square.length = 0;
  };
  const close = (stack: number[], i: number): void => {
    const open = stack.pop();
    if (open !== undefined && i - open <= MAX_BRACKET_SPAN) pairs.push([open, i]);
  };
  const events = STRUCTURE_EVENT;
  events.lastIndex = 0;
  while (events.test(text)) {
    const i = events.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91) {
      const stack = c === 40 ? round : square;
      if (stack.length < MAX_OPEN) stack.push(i);
    } else if (c === 93) {
      close(square, i);
    } else if (c === 41 || c === 46) {
      // a marker ends with ")" or "." (but not the "." of ".)") followed by whitespace
      if (isWhitespace(text.charCodeAt(i + 1))) {
        const start = markerStartBefore(
          text,
          c === 41 && text.charCodeAt(i - 1) === 46 ? i - 1 : i,
        );
        const m = start < 0 ? null : readMarkerAt(text, start);
        const closesParen =
          c === 41 && round.length > 0 && i - (round[round.length - 1] ?? 0) <= MAX_BRACKET_SPAN;
        const how = m === null ? 'never' : sequenceKind(m.kind);
        const wrapped = text.charCodeAt(start) === 40;
        if (m !== null && m.end === i + 1 && how !== 'never' && (wrapped || !closesParen)) {
          const anchored = how === 'anchored';
          register(m.kind, m.ord, start, anchored);
          if (m.alt > 0) {
            const roman = m.kind.replace(
              m.kind.includes('A') ? 'A' : 'a',
              m.kind.includes('A') ? 'R' : 'r',
            );
            register(roman, m.alt, start, anchored);
          }
        }
      }
      if (c === 41) close(round, i);
    } else {
      newLine(); // a hard break
      lineStart = i + 1;
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const bracketPairs: number[] = [];
  for (const [open, close] of pairs) bracketPairs.push(open, close);
  return { listCuts: [...cuts].sort((a, b) => a - b), bracketPairs };
}

/**
 * Start of a would-be marker whose body ends just before index `q` (at most 4 letters or 3
 * digits, perhaps after "("), when whitespace or the start of the text precedes it; else -1.
 */
function markerStartBefore(text: string, q: number): number {
  let s = q;
  while (s > 0 && q - s < 5) {
    const c = text.charCodeAt(s - 1);
    if (!isDigit(c) && !isAsciiLetter(c)) break;
    s--;
  }
  if (s === q) return -1;
  if (text.charCodeAt(s - 1) === 40) s--;
  return s === 0 || isWhitespace(text.charCodeAt(s - 1)) ? s : -1;
}

/**
 * End of a bracketed stage direction at index i such as "[Laughter]", "(Applause)" or
 * "[Cheers and applause]" when a capitalised sentence follows it; else -1. Used at the start
 * of a sentence so that the direction stands alone.
 */
export function interjectionEnd(text: string, i: number): number {
  const close = text.charCodeAt(i) === 40 ? 41 : 93;
  let k = i + 1;
  let lower = 0;
  for (; k < text.length && k - i <= 32; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) lower++;
    else if (!isAsciiLetter(c) && c !== 32) break;
  }
  // letters and spaces only, at least three, some lower-case (not an acronym such as "(AP)"),
  // and not a list marker such as "(iii)"
  if (text.charCodeAt(k) !== close || k - i < 4 || lower === 0) return -1;
  if (close === 41 && readMarkerAt(text, i) !== null) return -1;
  if (!isAsciiLetter(text.charCodeAt(i + 1))) return -1;
  const end = k + 1;
  let m = end;
  while (m < text.length && text.charCodeAt(m) === 32) m++;
  if (m === end) return -1;
  while (m < text.length && isOpener(text.charCodeAt(m)) && m - end < 4) m++;
  return isUpper(text.charCodeAt(m)) ? end : -1;
}
