import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bidiParts, findBidiControls, hasBidiControls, showBidiControls } from './bidi-controls';

const RLO = '\u202e';
const PDF = '\u202c';

describe('bidi controls (Trojan Source)', () => {
  it('shows an override that would make "0001$" read as "$1000"', () => {
    const text = `Pay ${RLO}0001$${PDF} now.`;
    expect(showBidiControls(text)).toBe('Pay ⟨RLO⟩0001$⟨PDF⟩ now.');
    expect(hasBidiControls(text)).toBe(true);
  });

  it('names every embedding, override, isolate and mark with its offset', () => {
    const all = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    const found = findBidiControls(`x${all}`);
    expect(found.map((c) => c.name)).toEqual(
      'LRE RLE PDF LRO RLO LRI RLI FSI PDI LRM RLM ALM'.split(' '),
    );
    expect(found[0]).toEqual({ index: 1, codePoint: 0x202a, name: 'LRE' });
    expect(found.at(-1)?.index).toBe(12);
  });

  it('shows a reversed file name in a refusal message', () => {
    const name = `invoice${RLO}txt.exe`;
    expect(showBidiControls(`“${name}” is empty.`)).toBe('“invoice⟨RLO⟩txt.exe” is empty.');
  });

  it('leaves ordinary Arabic, Hebrew and Latin text unchanged (the same string)', () => {
    const text = 'قال الوزير 1932. הוא אמר. Café.';
    expect(hasBidiControls(text)).toBe(false);
    expect(showBidiControls(text)).toBe(text);
    expect(bidiParts(text)).toEqual([{ kind: 'text', text }]);
  });

  it('can keep the marks LRM, RLM and ALM, which Arabic and Hebrew use, and still show overrides', () => {
    const text = `שלום\u200f (${RLO}abc)`;
    expect(showBidiControls(text, { keepMarks: true })).toBe('שלום\u200f (⟨RLO⟩abc)');
    expect(bidiParts(text, { keepMarks: true })).toEqual([
      { kind: 'text', text: 'שלום\u200f (' },
      { kind: 'control', name: 'RLO', codePoint: 0x202e },
      { kind: 'text', text: 'abc)' },
    ]);
  });

  it('cuts text into pieces and badges that join back to the original', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', ' ', 'ب', '1', '$', RLO, PDF, '\u2067', '\u200f')),
        (chars) => {
          const text = chars.join('');
          const parts = bidiParts(text);
          const joined = parts
            .map((p) => (p.kind === 'text' ? p.text : String.fromCharCode(p.codePoint)))
            .join('');
          expect(joined).toBe(text);
          for (const p of parts) if (p.kind === 'text') expect(hasBidiControls(p.text)).toBe(false);
          expect(hasBidiControls(showBidiControls(text))).toBe(false);
        },
      ),
    );
  });
});
