// Character classes (by UTF-16 code unit) used by the sentence segmenter.

/** True for exactly the code units matched by the regular expression `/\s/`. */
export function isWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Line and paragraph breaks, which always end a sentence (LF, CR, VT, FF, U+2028, U+2029). */
export function isHardBreak(c: number): boolean {
  return (c >= 10 && c <= 13) || c === 0x2028 || c === 0x2029;
}

/** ASCII digit 0-9. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII letter a-z or A-Z. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** A cased upper-case letter (any script). */
export function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase();
}

/** A cased lower-case letter (any script). */
export function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  const s = String.fromCharCode(c);
  return s !== s.toUpperCase();
}

/** Characters that may be part of a word or abbreviation: ASCII letters and digits, and letters beyond Latin-1 punctuation. */
export function isWordChar(c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || isDigit(c);
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !isWhitespace(c);
}

/** Sentence-final punctuation that needs whitespace (or the end) after it: . ! ? … ‼ ⁇ ⁈ ⁉ ؟ ۔ */
export function isTerminator(c: number): boolean {
  if (c < 128) return c === 46 || c === 33 || c === 63;
  return (
    c === 0x2026 ||
    c === 0x203c || // ‼
    (c >= 0x2047 && c <= 0x2049) || // ⁇ ⁈ ⁉
    c === 0x061f ||
    c === 0x06d4 ||
    isCjkTerminator(c)
  );
}

/** Full-width and ideographic terminators, which end a sentence even without a following space. */
export function isCjkTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff0e || c === 0xff01 || c === 0xff1f || c === 0xff61;
}

/** Closing quotes and brackets that stay with the sentence they follow (incl. misused “ and ‘). */
export function isCloser(c: number): boolean {
  switch (c) {
    case 34: // "
    case 39: // '
    case 41: // )
    case 93: // ]
    case 125: // }
    case 0xbb: // »
    case 0x2019: // ’
    case 0x201d: // ”
    case 0x201c: // “ (often typed where ” was meant)
    case 0x2018: // ‘
    case 0x203a: // ›
    case 0x300d: // 」
    case 0x300f: // 』
    case 0xff09: // ）
    case 0xff3d: // ］
      return true;
    default:
      return false;
  }
}

/** Opening quotes and brackets that may precede the first word of a sentence. */
export function isOpener(c: number): boolean {
  switch (c) {
    case 34: // "
    case 39: // '
    case 40: // (
    case 91: // [
    case 123: // {
    case 0xab: // «
    case 0xbf: // ¿
    case 0xa1: // ¡
    case 0x2018: // ‘
    case 0x201c: // “
    case 0x201e: // „
    case 0x2039: // ‹
    case 0x300c: // 「
    case 0x300e: // 『
    case 0xff08: // （
      return true;
    default:
      return false;
  }
}

/** Opening double quotes, whose presence before a capital is good evidence of a new sentence. */
export function isDoubleQuoteOpener(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0xab || c === 0x201e;
}

/** Punctuation that continues a sentence when it follows a terminator: , ; : - – — ) ] } / % & */
export function isContinuation(c: number): boolean {
  switch (c) {
    case 44:
    case 59:
    case 58:
    case 45:
    case 0x2013:
    case 0x2014:
    case 41:
    case 93:
    case 125:
    case 47:
    case 37:
    case 38:
      return true;
    default:
      return false;
  }
}

/** List bullets: • ‣ ⁃ ▪ ▫ ◦ ● */
export function isBullet(c: number): boolean {
  return (
    c === 0x2022 ||
    c === 0x2023 ||
    c === 0x2043 ||
    c === 0x25aa ||
    c === 0x25ab ||
    c === 0x25e6 ||
    c === 0x25cf
  );
}

/**
 * Matches every character the main loop of the segmenter must look at: terminators (see
 * {@link isTerminator}), hard breaks ({@link isHardBreak}), bullets ({@link isBullet}) and the
 * opening brackets ( and [. Used with `lastIndex` to jump over ordinary text natively.
 */
export const SEGMENT_EVENT =
  /[.!?([\n\v\f\r\u2026\u203c\u2047-\u2049\u061f\u06d4\u3002\uff0e\uff01\uff1f\uff61\u2028\u2029\u2022\u2023\u2043\u25aa\u25ab\u25e6\u25cf]/g;

/**
 * {@link SEGMENT_EVENT} without the rarer characters of {@link RARE_EVENT}: the regular
 * expression engine scans a small class several times faster, so texts without those characters
 * (most English text) use this one.
 */
export const COMMON_SEGMENT_EVENT = /[.!?([\n\v\f\r\u2026\u2028\u2029\u2022]/g;

/** The event characters missing from {@link COMMON_SEGMENT_EVENT} (not global: for `test`). */
export const RARE_EVENT =
  /[\u203c\u2047-\u2049\u061f\u06d4\u3002\uff0e\uff01\uff1f\uff61\u2023\u2043\u25aa\u25ab\u25e6\u25cf]/;

/**
 * Matches every character the structure pre-pass looks at: round and square brackets, the
 * period (which may end a list marker such as "b.") and hard breaks.
 */
export const STRUCTURE_EVENT = /[()[\].\n\v\f\r\u2028\u2029]/g;
