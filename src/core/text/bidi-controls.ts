// Trojan Source defence: finds the invisible bidirectional control characters that can reorder
// what a reviewer sees, and turns them into visible markers for display.

/** Short names of the bidi controls, by code point (Unicode UAX #9 abbreviations). */
const NAMES: ReadonlyMap<number, string> = new Map([
  [0x202a, 'LRE'], // left-to-right embedding
  [0x202b, 'RLE'], // right-to-left embedding
  [0x202c, 'PDF'], // pop directional formatting
  [0x202d, 'LRO'], // left-to-right override
  [0x202e, 'RLO'], // right-to-left override
  [0x2066, 'LRI'], // left-to-right isolate
  [0x2067, 'RLI'], // right-to-left isolate
  [0x2068, 'FSI'], // first strong isolate
  [0x2069, 'PDI'], // pop directional isolate
  [0x200e, 'LRM'], // left-to-right mark
  [0x200f, 'RLM'], // right-to-left mark
  [0x061c, 'ALM'], // Arabic letter mark
]);

/** The marks (LRM, RLM, ALM): they steer neutral characters but cannot override a whole run. */
const MARKS = new Set([0x200e, 0x200f, 0x061c]);

const CLASS = '[\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c]';
/** Non-global for `test`; scans build a fresh global copy, so no lastIndex is ever shared. */
const ANY = new RegExp(CLASS);

/** One bidi control found in a text. */
export interface BidiControl {
  /** UTF-16 offset of the character in the text */
  index: number;
  /** its code point, e.g. 0x202e */
  codePoint: number;
  /** its short name: LRE RLE PDF LRO RLO LRI RLI FSI PDI LRM RLM ALM */
  name: string;
}

/** A piece of display text: ordinary text, or a bidi control to draw as a visible badge. */
export type BidiPart =
  { kind: 'text'; text: string } | { kind: 'control'; name: string; codePoint: number };

/** Options for {@link showBidiControls} and {@link bidiParts}. */
export interface ShowBidiOptions {
  /**
   * Leave the marks LRM, RLM and ALM in place (default false: they are shown too). Arabic and
   * Hebrew text uses them legitimately, and on their own they cannot reverse a run of text.
   */
  keepMarks?: boolean;
}

/** True when the text contains any bidi control (embedding, override, isolate or mark). */
export function hasBidiControls(text: string): boolean {
  return ANY.test(text);
}

/** Every bidi control in the text, in order, with its offset and short name. */
export function findBidiControls(text: string): BidiControl[] {
  const found: BidiControl[] = [];
  for (const match of text.matchAll(new RegExp(CLASS, 'g'))) {
    const codePoint = match[0].charCodeAt(0);
    found.push({ index: match.index, codePoint, name: NAMES.get(codePoint)! });
  }
  return found;
}

/**
 * The text with each bidi control replaced by a visible marker such as `⟨RLO⟩`, so that
 * "\u202E0001$" shows as "⟨RLO⟩0001$" instead of "$1000". For DISPLAY only, on screen and in the
 * brief: document rows and quotes, file names in refusal and warning messages, reviewers' notes.
 * Offsets, ids and stored text always refer to the original string, never to this one.
 * Returns the same string when there is nothing to show.
 */
export function showBidiControls(text: string, options: ShowBidiOptions = {}): string {
  if (!hasBidiControls(text)) return text;
  return text.replace(new RegExp(CLASS, 'g'), (c) => {
    const code = c.charCodeAt(0);
    return options.keepMarks && MARKS.has(code) ? c : `⟨${NAMES.get(code)!}⟩`;
  });
}

/**
 * The text cut into ordinary pieces and bidi controls, for hosts that draw each control as a
 * badge (a styled element whose text is the control's name) rather than as `⟨RLO⟩`. Render every
 * piece as text. Joining the `text` pieces and the controls' characters gives back the original.
 */
export function bidiParts(text: string, options: ShowBidiOptions = {}): BidiPart[] {
  const parts: BidiPart[] = [];
  let from = 0;
  for (const control of findBidiControls(text)) {
    if (options.keepMarks && MARKS.has(control.codePoint)) continue;
    if (control.index > from) parts.push({ kind: 'text', text: text.slice(from, control.index) });
    parts.push({ kind: 'control', name: control.name, codePoint: control.codePoint });
    from = control.index + 1;
  }
  if (from < text.length || parts.length === 0)
    parts.push({ kind: 'text', text: text.slice(from) });
  return parts;
}
