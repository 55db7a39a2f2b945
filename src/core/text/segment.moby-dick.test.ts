// Sentences of a hard-wrapped book: Moby-Dick as Project Gutenberg prints it, every line broken
// at about 70 characters. A sentence runs across its lines; headings, short lines of verse and
// inscriptions keep their own lines; no sentence ends on an honorific that the wrap left at a
// line's end.
import { describe, expect, it } from 'vitest';
import { mobyDick } from '../../../tests/support/moby-dick';
import { segment } from './segment';

const text = mobyDick();
const sentences = segment(text).map((span) => ({
  ...span,
  text: text.slice(span.start, span.end),
}));

describe('Moby-Dick, hard wrapped', () => {
  it('reads a sentence across the lines it was wrapped on', () => {
    const at = sentences.findIndex((s) => s.text === 'Call me Ishmael.');
    expect(at).toBeGreaterThan(0);
    expect(sentences[at - 1]?.text).toBe('Loomings.');
    expect(sentences[at + 1]?.text).toBe(
      'Some years ago—never mind how long precisely—having\nlittle or no money in my purse, and nothing particular to interest me on\nshore, I thought I would sail about a little and see the watery part of\nthe world.',
    );
    expect(sentences[at + 2]?.text).toBe(
      'It is a way I have of driving off the spleen and regulating\nthe circulation.',
    );
  });

  it('ends hardly any sentence at a line break without a sentence end', () => {
    // A sentence that stops at a single line break, with no closing punctuation, is a line piece.
    const pieces = sentences.filter(
      (s) =>
        text[s.end] === '\n' &&
        text[s.end + 1] !== '\n' &&
        !/[.!?…:;,”’"')\]—-]$/.test(s.text) &&
        !/^[A-Z0-9 .,'’-]+$/.test(s.text), // a heading or inscription in capitals
    );
    expect(sentences.length).toBeGreaterThan(8000);
    expect(pieces.length / sentences.length).toBeLessThan(0.01);
  });

  it('does not end a sentence on Mr., Mrs., St. or Dr. at the end of a line', () => {
    const honorifics = sentences.filter((s) => /\b(?:Mr|Mrs|Dr|St)\.$/.test(s.text));
    expect(honorifics.map((s) => s.text.slice(-60))).toEqual([]);
  });

  it('keeps headings on lines of their own', () => {
    expect(sentences.filter((s) => /^CHAPTER \d+\.$/.test(s.text))).toHaveLength(135);
  });
});
