// Reads a text file from disk through the import pipeline, turning every failure into one sentence.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { quoteName } from '../core/text/decode';
import {
  DEFAULT_MAX_IMPORT_BYTES,
  importText,
  prepareText,
  sizeProblem,
  type ImportedText,
  type PreparedText,
} from '../core/text/import-text';
import { badInput } from './cli-io';

/** Reads, decodes and normalises one file (no document id), or throws a {@link CliFailure} (exit 1) saying what is wrong. */
export async function readTextFile(
  path: string,
  cwd: string,
  maxBytes = DEFAULT_MAX_IMPORT_BYTES,
): Promise<PreparedText> {
  const result = prepareText(await readFileBytes(path, cwd, maxBytes), path, { maxBytes });
  if (!result.ok) throw badInput(result.error.message);
  return result.value;
}

/** Like {@link readTextFile}, with the document's ids (sha256 of the normalised text and of the bytes). */
export async function readDocumentFile(
  path: string,
  cwd: string,
  maxBytes = DEFAULT_MAX_IMPORT_BYTES,
): Promise<ImportedText> {
  const result = importText(await readFileBytes(path, cwd, maxBytes), path, { maxBytes });
  if (!result.ok) throw badInput(result.error.message);
  return result.value;
}

/** The bytes of a regular file no larger than `maxBytes`, or a {@link CliFailure} saying why not. */
async function readFileBytes(path: string, cwd: string, maxBytes: number): Promise<Uint8Array> {
  const name = quoteName(path);
  const fullPath = resolve(cwd, path);
  let info;
  try {
    info = await stat(fullPath);
  } catch (error) {
    throw badInput(describeFsError(error, name));
  }
  if (info.isDirectory()) throw badInput(`${name} is a folder, not a text file.`);
  if (!info.isFile()) throw badInput(`${name} is not a regular file.`);
  const tooLarge = sizeProblem(info.size, path, maxBytes);
  if (tooLarge) throw badInput(tooLarge.message);
  try {
    return await readFile(fullPath);
  } catch (error) {
    throw badInput(describeFsError(error, name));
  }
}

function describeFsError(error: unknown, name: string): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return `${name} does not exist.`;
  if (code === 'EACCES' || code === 'EPERM') return `${name} cannot be read: permission denied.`;
  if (code === 'EISDIR') return `${name} is a folder, not a text file.`;
  return `${name} cannot be read (${code ?? 'unknown error'}).`;
}
