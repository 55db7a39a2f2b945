// One line of the brief in visual order, by the Unicode Bidirectional Algorithm (bidi-js), after
// line breaking: the line is cut into pieces of one font and one embedding level, the pieces are
// reordered (rule L2), and each right-to-left piece is handed to pdfkit so that it comes out
// reversed and mirrored. fontkit reverses a piece itself when its script is written right to left
// (after shaping Arabic in logical order), so only the other pieces are reversed here.
import bidiFactory from 'bidi-js';
import type { FontRun } from './font-fallback';
import { showBidiControls } from '../../core/text/bidi-controls';

const bidi = bidiFactory();

/** Characters that make a line need the algorithm at all (Hebrew up to Arabic Extended, forms). */
export const RTL_CHARS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|\ud802[\udc00-\udfff]|\ud83a/;

/** Scripts fontkit lays out right to left (its first script that is not common or inherited). */
const RTL_SCRIPT =
  /\p{Script=Arabic}|\p{Script=Hebrew}|\p{Script=Syriac}|\p{Script=Thaana}|\p{Script=Nko}|\p{Script=Samaritan}|\p{Script=Mandaic}/u;
const NEUTRAL_SCRIPT = /\p{Script=Common}|\p{Script=Inherited}|\p{Script=Unknown}/u;

/** A line's direction: 'rtl' when its first strong character is right to left. */
export type Direction = 'ltr' | 'rtl';

/** A piece of a line to draw: what to hand pdfkit, in which font, at which visual position. */
export interface LinePiece extends FontRun {
  /** Its place from the left, 0 first. Pieces come in logical order (the order to draw them). */
  visual: number;
}

/**
 * The pieces of one line (font runs in logical order) to draw, in logical order, each with its
 * visual position. A line without right-to-left characters in a left-to-right paragraph keeps its
 * runs as they are.
 */
export function orderLine(runs: readonly FontRun[], direction: Direction): LinePiece[] {
  const text = runs.map((r) => r.text).join('');
  if (direction === 'ltr' && !RTL_CHARS.test(text)) {
    return runs.map((run, visual) => ({ ...run, visual }));
  }
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  // Cut into pieces of one font and one level; right-to-left levels also cut at each space, as
  // pdfkit lays words out one by one.
  const pieces: { text: string; font: string; level: number }[] = [];
  let at = 0;
  for (const run of runs) {
    let start = 0;
    for (let i = 1; i <= run.text.length; i++) {
      const level = levels[at + start] as number;
      if (i < run.text.length) {
        if (isLowSurrogate(run.text, i)) continue;
        const space = level % 2 === 1 && (isSpace(run.text, i) || isSpace(run.text, i - 1));
        if (levels[at + i] === level && !space) continue;
      }
      const text = run.text.slice(start, i);
      // Punctuation and digits set right to left are drawn a character at a time, each in its
      // place, so that they read back in logical order too (“1932.” rather than “1932”.).
      const cut = level % 2 === 1 && !fontkitReverses(text) && !/\p{L}/u.test(text);
      for (const part of cut ? graphemesOf(text) : [text]) {
        pieces.push({ text: part, font: run.font, level });
      }
      start = i;
    }
    at += run.text.length;
  }
  const order = visualOrder(pieces.map((p) => p.level));
  return pieces.map((piece, i) => ({
    text: piece.level % 2 === 1 ? forRightToLeft(piece.text) : forLeftToRight(piece.text),
    font: piece.font,
    visual: order[i] as number,
  }));
}

function isSpace(text: string, i: number): boolean {
  return text.charCodeAt(i) === 0x20;
}

function isLowSurrogate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Rule L2: the visual position of each piece, from the levels of the pieces in logical order. */
function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  const max = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 === 1 ? l : l + 1)));
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; i++) {
      if ((levels[order[i] as number] as number) < level) continue;
      let end = i;
      while (end + 1 < order.length && (levels[order[end + 1] as number] as number) >= level) end++;
      const reversed = order.slice(i, end + 1).reverse();
      order.splice(i, reversed.length, ...reversed);
      i = end;
    }
  }
  // order[v] is the logical piece at visual place v; invert it.
  const visual: number[] = [];
  order.forEach((piece, v) => (visual[piece] = v));
  return visual;
}

/** Whether fontkit will lay `text` out right to left (and so reverse it). */
function fontkitReverses(text: string): boolean {
  for (const char of text) {
    if (NEUTRAL_SCRIPT.test(char)) continue;
    return RTL_SCRIPT.test(char);
  }
  return false;
}

/** A right-to-left piece, mirrored, and reversed unless fontkit reverses it. */
function forRightToLeft(text: string): string {
  const mirrored = Array.from(text, (c) => bidi.getMirroredCharacter(c) ?? c).join('');
  return fontkitReverses(mirrored) ? mirrored : reverseGraphemes(mirrored);
}

/** A left-to-right piece, pre-reversed where fontkit would reverse it (Arabic-Indic digits). */
function forLeftToRight(text: string): string {
  return fontkitReverses(text) ? reverseGraphemes(text) : text;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

function reverseGraphemes(text: string): string {
  return graphemesOf(text).reverse().join('');
}

/**
 * Text as the brief prints it: bidi controls that could reorder a quote (Trojan Source) become
 * visible markers such as ⟨RLO⟩; the marks LRM, RLM and ALM that Arabic and Hebrew use stay.
 */
export function briefText(text: string): string {
  return showBidiControls(text, { keepMarks: true });
}
