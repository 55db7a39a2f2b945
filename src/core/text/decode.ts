// Bytes → string: BOM sniffing, UTF-16 without a BOM by its NUL pattern, strict UTF-8, and a
// windows-1252 fallback that is always reported. Binary files are refused.
import { fail, ok, type Result, type Problem } from '../result';
import { recogniseBinaryFormat } from './binary-signatures';
import { decodeWindows1252 } from './windows-1252';

/** The encodings Crosscheck reads. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A decoded file: its text (BOM removed) and how it was read. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
  warnings: string[];
}

/** How many bytes the UTF-16 and binary heuristics look at. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes a text file's bytes. Fails with a plain sentence for binary files and for bytes that
 * cannot be read as text in any supported encoding.
 */
export function decodeText(bytes: Uint8Array, fileName: string): Result<DecodedText, Problem> {
  const name = quoteName(fileName);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // NUL is never text: refused here as it is without a BOM, so that a BOM cannot smuggle
    // binary content (or a UTF-16 body mislabelled as UTF-8) past the binary check.
    if (hasNul(bytes)) return fail(binaryProblem(name));
    return decodeStrict(bytes.subarray(3), 'utf-8', true, name);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeStrict(bytes.subarray(2), 'utf-16le', true, name);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeStrict(bytes.subarray(2), 'utf-16be', true, name);
  }

  const format = recogniseBinaryFormat(bytes);
  if (format) {
    return fail({
      code: 'binary',
      message: `${name} looks like ${format}, not a text file; Crosscheck opens plain-text files (.txt).`,
    });
  }

  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) return decodeStrict(bytes, utf16, false, name);

  if (hasNul(bytes)) return fail(binaryProblem(name));

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return ok({ text: utf8, encoding: 'utf-8', bom: false, warnings: [] });

  const legacy = decodeWindows1252(bytes);
  if (controlCharacterShare(legacy) > 0.05) return fail(binaryProblem(name));
  return ok({
    text: legacy,
    encoding: 'windows-1252',
    bom: false,
    warnings: [
      `${name} is not valid UTF-8, so it was read as Windows-1252 (Western European); check that accented letters and quotes look right.`,
    ],
  });
}

function decodeStrict(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  bom: boolean,
  name: string,
): Result<DecodedText, Problem> {
  const text = tryDecode(bytes, encoding);
  if (text === undefined) {
    const how = bom ? `marked as ${label(encoding)}` : `laid out like ${label(encoding)}`;
    return fail({
      code: 'undecodable',
      message: `${name} is ${how} but contains bytes that are not valid ${label(encoding)}; save it again as UTF-8 and retry.`,
    });
  }
  if (encoding !== 'utf-8' && hasNulChar(text)) return fail(binaryProblem(name));
  return ok({ text, encoding, bom, warnings: [] });
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Guesses UTF-16 without a BOM from where the NUL bytes fall. Text in a Latin script has a NUL in
 * every other byte: at odd offsets for little-endian, at even offsets for big-endian. Text in
 * Chinese, Japanese, Korean, Arabic or Hebrew has few NULs (only its spaces, digits, line breaks
 * and ASCII punctuation have a zero high byte), but all of them on one side; that case is accepted
 * when every such unit is printable ASCII or white space and the other units are ordinary
 * characters (see {@link isUtf16TextLike}). Binary files have NULs scattered on both sides.
 */
function guessUtf16WithoutBom(bytes: Uint8Array): TextEncodingName | undefined {
  const end = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (end < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = end / 2;
  if (oddNul / pairs > 0.3 && evenNul < oddNul / 10) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul < evenNul / 10) return 'utf-16be';
  if (bytes.length % 2 !== 0) return undefined;
  if (oddNul > 0 && evenNul === 0 && isUtf16TextLike(bytes, end, true)) return 'utf-16le';
  if (evenNul > 0 && oddNul === 0 && isUtf16TextLike(bytes, end, false)) return 'utf-16be';
  return undefined;
}

/**
 * True when the first `end` bytes, read as UTF-16 code units, look like text: every unit with a
 * zero high byte is printable ASCII, tab, line feed, form feed or carriage return, and no unit is
 * a C1 control, a private-use character or a noncharacter.
 */
function isUtf16TextLike(bytes: Uint8Array, end: number, littleEndian: boolean): boolean {
  for (let i = 0; i < end; i += 2) {
    const a = bytes[i]!;
    const b = bytes[i + 1]!;
    const unit = littleEndian ? a | (b << 8) : (a << 8) | b;
    if (unit < 0x100) {
      const printable = (unit >= 0x20 && unit < 0x7f) || (unit >= 0xa0 && unit <= 0xff);
      if (!printable && unit !== 9 && unit !== 10 && unit !== 12 && unit !== 13) return false;
    } else if ((unit >= 0xe000 && unit <= 0xf8ff) || unit >= 0xfffe) {
      return false;
    }
  }
  return true;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

function hasNulChar(text: string): boolean {
  return text.indexOf('\u0000') !== -1;
}

/** Share of C0/C1 control characters other than tab, line feed, form feed and carriage return. */
function controlCharacterShare(text: string): number {
  const end = Math.min(text.length, SNIFF_BYTES);
  if (end === 0) return 0;
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) ||
      (c >= 0x7f && c < 0xa0)
    ) {
      controls++;
    }
  }
  return controls / end;
}

function binaryProblem(name: string): Problem {
  return {
    code: 'binary',
    message: `${name} looks like a binary file, not text; Crosscheck opens plain-text files (.txt).`,
  };
}

function label(encoding: TextEncodingName): string {
  return encoding === 'windows-1252' ? 'Windows-1252' : encoding.toUpperCase();
}

/** A file name in typographic quotes for messages. */
export function quoteName(fileName: string): string {
  return `“${fileName}”`;
}
