// The text import pipeline: bytes and a file name → normalised text, its document id, and a
// record of what was done to it. Every refusal is one plain sentence.
import { fail, ok, type Problem, type Result } from '../result';
import { decodeText, quoteName, type TextEncodingName } from './decode';
import { sha256Id, textId } from './hash';
import { detectLineEndings, normaliseText, type LineEndingStyle } from './normalise';

/** Largest file Crosscheck imports unless told otherwise: 50 MB. */
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A text file decoded and normalised, before its ids are computed (see {@link prepareText}). */
export interface PreparedText {
  /** The normalised text (LF line endings, NFC); all offsets point into it. */
  text: string;
  fileName: string;
  encoding: TextEncodingName;
  bom: boolean;
  lineEndings: LineEndingStyle;
  /** Things the reviewer should know, in plain words (e.g. a legacy encoding was guessed). */
  warnings: string[];
}

/** A text file after import. */
export interface ImportedText extends PreparedText {
  /** `sha256:<hex>` of the normalised text's UTF-8 bytes: the document id. */
  id: string;
  /** `sha256:<hex>` of the bytes as they were read. */
  originalSha256: string;
}

/** Limits for one import. */
export interface ImportOptions {
  maxBytes?: number;
}

/** Decodes, checks and normalises a text file, and computes its document id. */
export function importText(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Result<ImportedText, Problem> {
  const prepared = prepareText(bytes, fileName, options);
  if (!prepared.ok) return prepared;
  const { text } = prepared.value;
  return ok({ ...prepared.value, id: textId(text), originalSha256: sha256Id(bytes) });
}

/**
 * Decodes, checks and normalises a text file without hashing it: the same text, refusals and
 * warnings as {@link importText}, for readers that need no document id (`crosscheck segment`).
 */
export function prepareText(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Result<PreparedText, Problem> {
  const name = quoteName(fileName);
  const tooLarge = sizeProblem(bytes.length, fileName, options.maxBytes);
  if (tooLarge) return fail(tooLarge);
  if (bytes.length === 0) {
    return fail({ code: 'empty', message: `${name} is empty; there is no text to review.` });
  }
  const decoded = decodeText(bytes, fileName);
  if (!decoded.ok) return decoded;
  const text = normaliseText(decoded.value.text);
  if (text.trim() === '') {
    return fail({
      code: 'empty',
      message: `${name} contains only blank space; there is no text to review.`,
    });
  }
  return ok({
    text,
    fileName,
    encoding: decoded.value.encoding,
    bom: decoded.value.bom,
    lineEndings: detectLineEndings(decoded.value.text),
    warnings: decoded.value.warnings,
  });
}

/**
 * The refusal for a file over the size cap, or undefined when it fits. Hosts call it with the
 * size on disk so that a huge file is refused before it is read.
 */
export function sizeProblem(
  byteLength: number,
  fileName: string,
  maxBytes = DEFAULT_MAX_IMPORT_BYTES,
): Problem | undefined {
  if (byteLength <= maxBytes) return undefined;
  return {
    code: 'too-large',
    message: `${quoteName(fileName)} is ${formatBytes(byteLength)}, larger than the ${formatBytes(maxBytes)} Crosscheck opens; split it into smaller files.`,
  };
}

/** "50 MB", "1.2 MB", "830 KB", "12 bytes" (1 MB = 1,048,576 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
