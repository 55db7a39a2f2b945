// The base direction of a piece of text, by its first strong character (Unicode Bidirectional
// Algorithm rules P2–P3), so a sentence in Arabic or Hebrew reads right to left inside a
// left-to-right interface and the brief.

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic Extended, and the Hebrew and
// Arabic presentation forms.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/u;
const STRONG = /[\p{L}\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/u;

/** 'rtl' when the first strong character is right-to-left, else 'ltr' (also for no letters). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const match = STRONG.exec(text.length > 2000 ? text.slice(0, 2000) : text);
  return match && RTL.test(match[0]) ? 'rtl' : 'ltr';
}
