// The language a quote is most likely in, from its script, for the `Lang` of its structure element
// so that a screen reader reads it with the right voice. Latin text gives none: it reads in the
// document's language.

const SCRIPTS: [RegExp, (text: string) => string][] = [
  [/\p{Script=Arabic}/u, arabicLanguage],
  [/\p{Script=Hebrew}/u, () => 'he'],
  [/\p{Script=Hangul}/u, () => 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, () => 'ja'],
  [/\p{Script=Han}/u, () => 'zh'],
  [/\p{Script=Greek}/u, () => 'el'],
  [/\p{Script=Cyrillic}/u, (t) => (/[іїєґІЇЄҐ]/.test(t) ? 'uk' : 'ru')],
];

const LETTER = /\p{L}/gu;

/**
 * The BCP 47 language of `text` when most of its letters are in a script other than Latin (ar,
 * fa, ur, he, ko, ja, zh, el, ru, uk); `undefined` otherwise. Japanese wins over Chinese as soon as
 * there is kana, Korean as soon as there is Hangul.
 */
export function languageOf(text: string): string | undefined {
  // Latin, its accents and general punctuation only: the common case, decided at once.
  if (!/[^\n -\u036f\u2000-\u206f]/.test(text)) return undefined;
  const letters = text.match(LETTER);
  if (!letters || /^[\p{Script=Latin}\p{Script=Common}\p{M}\s]*$/u.test(text)) return undefined;
  const latin = letters.filter((l) => /\p{Script=Latin}/u.test(l)).length;
  if (latin * 2 >= letters.length) return undefined;
  for (const [script, language] of SCRIPTS) if (script.test(text)) return language(text);
  return undefined;
}

function arabicLanguage(text: string): string {
  if (/[ٹڈڑںے]/.test(text)) return 'ur';
  if (/[پچژگی]/.test(text)) return 'fa';
  return 'ar';
}
