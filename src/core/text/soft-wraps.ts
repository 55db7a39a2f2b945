// Hard-wrapped text (mail, Project Gutenberg books, press releases saved as plain text) breaks its
// lines at a fixed width in the middle of sentences. The segmenter ends a sentence at every line
// break, so such a text would come out as one "sentence" per line. This finds the wrap points and
// reads them as spaces, one character for one, so every offset stays the same.

/** Fewer lines inside paragraphs than this: too little to tell wrapping from short lines. */
const MIN_INNER_LINES = 6;
/** A wrap width outside this range is not hard wrapping (one sentence or paragraph per line). */
const MIN_WIDTH = 40;
const MAX_WIDTH = 120;
/** Share of the lines inside paragraphs that must end where the next word would not have fit. */
const MIN_WRAPPED_SHARE = 0.7;
/** Above this share of lines inside paragraphs starting with a capital, it is verse or a list. */
const MAX_CAPITAL_SHARE = 0.5;
/** Share of lines allowed to run past the wrap width (a long URL, a table row). */
const MAX_OVERLONG_SHARE = 0.05;
/** A line this close to the width counts as full: hand-edited wrapping is not strictly greedy. */
const FULL_SHARE = 0.9;
/** Lengths above this are counted together (the histogram that finds the width). */
const LONGEST_COUNTED = 1000;

/** Lines that start a new item even when the line before is full: bullets, numbers, speakers. */
const ITEM_START = /^(?:[-*•‣◦▪–—]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s|[A-Z][A-Z .'’-]{1,30}:)/;

interface Line {
  /** Where the line's text starts and ends (the end excludes the line break). */
  start: number;
  end: number;
  /** Length without trailing spaces or a carriage return. */
  length: number;
  /** Whether the line holds nothing but whitespace. */
  blank: boolean;
}

/**
 * `text` with the line breaks of hard wrapping replaced by spaces (a CR LF pair by two), or
 * `text` itself when it is not hard wrapped. A line break counts as a wrap when the text wraps at
 * a steady width, the line before it is full (the next line's first word would not have fitted)
 * and the next line does not start a list item or a speaker's turn. Blank lines, short lines
 * (headings, addresses), verse (most lines start with a capital) and text with long lines keep
 * every break. Linear time.
 */
export function softWrapsAsSpaces(text: string): string {
  if (text.indexOf('\n') < 0) return text;
  const lines = splitLines(text);
  const width = wrapWidth(lines);
  if (width === undefined) return text;
  const wraps: number[] = [];
  let inner = 0;
  let capitals = 0;
  for (let k = 0; k + 1 < lines.length; k++) {
    const line = lines[k]!;
    const next = lines[k + 1]!;
    if (line.blank || next.blank) continue;
    inner++;
    if (startsWithCapital(text, next)) capitals++;
    if (isWrap(text, line, next, width)) wraps.push(k);
  }
  if (wraps.length < MIN_WRAPPED_SHARE * inner || capitals > MAX_CAPITAL_SHARE * inner) return text;
  const pieces: string[] = [];
  let from = 0;
  for (const k of wraps) {
    const line = lines[k]!;
    // the break: an optional CR, then LF (lines end before the LF; a CR is inside the line)
    const breakStart = text.charCodeAt(line.end - 1) === 13 ? line.end - 1 : line.end;
    pieces.push(text.slice(from, breakStart), breakStart < line.end ? '  ' : ' ');
    from = line.end + 1;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

/** The lines of `text`, split at LF. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const lf = text.indexOf('\n', start);
    const end = lf < 0 ? text.length : lf;
    let e = end;
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    let s = start;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    lines.push({ start, end, length: e - start, blank: s === e });
    if (lf < 0) return lines;
    start = lf + 1;
  }
}

/**
 * The width the text is wrapped at: the 95th percentile of the lengths of lines inside
 * paragraphs; undefined when the text does not look hard wrapped.
 */
function wrapWidth(lines: Line[]): number | undefined {
  const counts = new Uint32Array(LONGEST_COUNTED + 2);
  let inner = 0;
  let nonBlank = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.blank) continue;
    nonBlank++;
    const next = lines[k + 1];
    if (next && !next.blank) {
      inner++;
      counts[Math.min(line.length, LONGEST_COUNTED + 1)]!++;
    }
  }
  if (inner < MIN_INNER_LINES) return undefined;
  let seen = 0;
  let width = 0;
  while (width <= LONGEST_COUNTED && seen + counts[width]! < 0.95 * inner) seen += counts[width++]!;
  if (width < MIN_WIDTH || width > MAX_WIDTH) return undefined;
  let overlong = 0;
  for (const line of lines) if (!line.blank && line.length > width + 5) overlong++;
  return overlong <= MAX_OVERLONG_SHARE * nonBlank ? width : undefined;
}

/** Whether the break after `line` is a wrap: the next line's first word would not have fitted. */
function isWrap(text: string, line: Line, next: Line, width: number): boolean {
  let s = next.start;
  while (s < next.end && isSpace(text.charCodeAt(s))) s++;
  if (s > next.start) return false; // an indented line starts something of its own
  let w = s;
  while (w < next.end && !isSpace(text.charCodeAt(w))) w++;
  if (line.length + 1 + (w - s) <= FULL_SHARE * width) return false;
  return !ITEM_START.test(text.slice(s, Math.min(next.end, s + 40)));
}

/** Whether the line's first letter is a capital (verse and lists start each line with one). */
function startsWithCapital(text: string, line: Line): boolean {
  let s = line.start;
  while (s < line.end && !/\p{L}/u.test(text[s]!)) s++;
  return s < line.end && /\p{Lu}/u.test(text[s]!);
}

/** Space, tab or carriage return: what may pad a line. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/**
 * A sentence as one line: the line breaks inside it (only hard wrapping leaves any, since every
 * other break ends a sentence) shown as single spaces. For display; offsets do not carry over.
 */
export function asOneLine(sentence: string): string {
  return sentence.indexOf('\n') < 0 ? sentence : sentence.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}
