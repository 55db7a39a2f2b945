// Greedy line breaking for the brief: words fill a line up to a width; a word wider than a whole
// line is cut between characters (never inside a surrogate pair), so nothing overflows the margin.

/** Measures a piece of text in points in the style being wrapped. */
export type Measure = (text: string) => number;

/** Breaks `text` into lines no wider than `width`. Line breaks in the text start new lines. */
export function wrapLines(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  const space = measure(' ');
  for (const paragraph of cleanText(text).split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      const wordWidth = measure(word);
      if (line !== '' && lineWidth + space + wordWidth <= width) {
        line += ' ' + word;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line !== '') lines.push(line);
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      const pieces = cutWord(word, width, measure);
      line = pieces.pop() ?? '';
      lineWidth = measure(line);
      lines.push(...pieces);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Text as the brief prints it: runs of spaces and tabs become one space (no-break spaces stay, and
 * do not break), control characters and soft hyphens go, and line breaks stay.
 */
export function cleanText(text: string): string {
  let kept = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09) kept += ' ';
    else if (code === 0x0d) kept += text.charCodeAt(i + 1) === 0x0a ? '' : '\n';
    else if (code === 0x0a || !isInvisible(code)) kept += text.charAt(i);
  }
  return kept
    .replace(/[ \u2000-\u200a\u205f\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Control characters (C0, DEL, C1) and the soft hyphen, which print as nothing or as boxes. */
function isInvisible(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xad;
}

/** Characters after which a long word may break: hyphens, slashes, underscores, dots. */
const BREAK_AFTER = /[-‐–—/_.]/;

/**
 * Cuts a word into pieces that each fit `width`, at least one character per piece: after the last
 * hyphen, slash, underscore or dot that fits when there is one in the second half of the line,
 * otherwise between characters.
 */
function cutWord(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let chars: string[] = [];
  let widths: number[] = [];
  let pieceWidth = 0;
  for (const char of word) {
    const charWidth = measure(char);
    if (chars.length > 0 && pieceWidth + charWidth > width) {
      let cut = chars.length;
      for (let i = chars.length; i > chars.length / 2; i--) {
        if (BREAK_AFTER.test(chars[i - 1] as string)) {
          cut = i;
          break;
        }
      }
      pieces.push(chars.slice(0, cut).join(''));
      chars = chars.slice(cut);
      widths = widths.slice(cut);
      pieceWidth = widths.reduce((sum, w) => sum + w, 0);
    }
    chars.push(char);
    widths.push(charWidth);
    pieceWidth += charWidth;
  }
  if (chars.length > 0) pieces.push(chars.join(''));
  return pieces;
}
