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
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad]/g, (c) => (c === '\t' ? ' ' : ''))
    .replace(/[ \u2000-\u200a\u205f\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
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
      for (let i = chars.length - 1; i > chars.length / 2; i--) {
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
