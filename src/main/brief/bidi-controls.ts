// Bidirectional controls in document text (U+202A–U+202E, U+2066–U+2069) can reorder what a reader
// of the brief sees ("Trojan Source"). The brief shows each as a visible marker instead, so the
// quote reads in the order it was written. The shared core function for this is
// `src/core/text/bidi-controls.ts`; this local copy stands in for it in the brief until then.

const NAMES: Record<string, string> = {
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every bidirectional embedding, override and isolate shown as "[RLO]" and the like. */
export function showBidiControls(text: string): string {
  return text.replace(CONTROLS, (control) => `[${NAMES[control] ?? ''}]`);
}
