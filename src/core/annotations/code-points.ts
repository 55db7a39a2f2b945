// Offsets in Unicode code points (the W3C annotation model) and in UTF-16 units (JavaScript
// strings): one index per text converts any number of offsets in logarithmic time each.

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * Converts offsets of one text between UTF-16 units and code points. Only surrogate pairs make
 * the two differ, so the index records where they are; a text without any converts as identity.
 */
export class CodePointIndex {
  /** UTF-16 offset of each surrogate pair's first unit, ascending. */
  private readonly pairs: number[] = [];
  /** Length of the text in code points. */
  readonly length: number;

  constructor(readonly text: string) {
    SURROGATE_PAIR.lastIndex = 0;
    for (let m = SURROGATE_PAIR.exec(text); m; m = SURROGATE_PAIR.exec(text)) {
      this.pairs.push(m.index);
    }
    this.length = text.length - this.pairs.length;
  }

  /** Whether the text has surrogate pairs (if not, both kinds of offset are the same). */
  get hasPairs(): boolean {
    return this.pairs.length > 0;
  }

  /**
   * The code-point offset of a UTF-16 offset (0 ≤ offset ≤ text.length). An offset between the
   * two halves of a surrogate pair counts as the pair's start.
   */
  toCodePoint(utf16: number): number {
    return utf16 - countBelow(this.pairs, utf16, 0);
  }

  /** The UTF-16 offset of a code-point offset, or undefined when it is outside the text. */
  toUtf16(codePoint: number): number | undefined {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.length) return undefined;
    // Pair i sits at code point pairs[i] - i; every pair before `codePoint` adds one unit.
    return codePoint + countBelow(this.pairs, codePoint, 1);
  }

  /** The text between two code-point offsets, or undefined when they are out of range. */
  slice(start: number, end: number): string | undefined {
    const from = this.toUtf16(start);
    const to = this.toUtf16(end);
    return from === undefined || to === undefined || to < from
      ? undefined
      : this.text.slice(from, to);
  }
}

/** Number of code points in a string (surrogate pairs count once). */
export function codePointLength(text: string): number {
  let pairs = 0;
  SURROGATE_PAIR.lastIndex = 0;
  while (SURROGATE_PAIR.test(text)) pairs++;
  return text.length - pairs;
}

/** The last `count` code points of a string. */
export function lastCodePoints(text: string, count: number): string {
  let start = text.length;
  for (let taken = 0; taken < count && start > 0; taken++) {
    start -= isPairEnd(text, start) ? 2 : 1;
  }
  return text.slice(start);
}

/** The first `count` code points of a string. */
export function firstCodePoints(text: string, count: number): string {
  let end = 0;
  for (let taken = 0; taken < count && end < text.length; taken++) {
    end += isPairEnd(text, end + 2) ? 2 : 1;
  }
  return text.slice(0, end);
}

/** Whether text[end - 2, end) is a surrogate pair. */
function isPairEnd(text: string, end: number): boolean {
  const high = text.charCodeAt(end - 2);
  const low = text.charCodeAt(end - 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** How many i have sorted[i] - i * step < limit (sorted[i] - i * step is non-decreasing). */
function countBelow(sorted: readonly number[], limit: number, step: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) - mid * step < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
