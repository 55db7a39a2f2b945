// Annotation files on disk for the CLI: refused by size before reading, read as UTF-8, validated
// with node:crypto's (native) SHA-256; fs failures become one plain sentence.
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AnnotationFile, InvalidAnnotationFile } from '../core/annotations/incoming-file';
import { parseAnnotationJson } from '../core/annotations/parse-annotations';
import { annotationFileSizeProblem } from '../core/annotations/safe-json';
import type { Result } from '../core/result';
import { quoteName } from '../core/text/decode';
import { badInput } from './cli-io';

/** `sha256:<hex>` of a text's UTF-8 bytes, natively: the same as core's `textId`, faster. */
export function nativeTextId(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * Reads and validates an annotation file. A file that cannot be read throws a CliFailure (exit 1);
 * one that is read but invalid is returned as a failure listing its problems.
 */
export async function loadAnnotationFile(
  path: string,
  cwd: string,
): Promise<Result<AnnotationFile, InvalidAnnotationFile>> {
  const fullPath = resolve(cwd, path);
  let size: number;
  try {
    const info = await stat(fullPath);
    if (info.isDirectory())
      throw badInput(`${quoteName(path)} is a folder, not an annotation file.`);
    size = info.size;
  } catch (error) {
    throw error instanceof Error && 'exitCode' in error ? error : badInput(fsProblem(error, path));
  }
  const tooLarge = annotationFileSizeProblem(size);
  if (tooLarge) return { ok: false, error: tooLarge };
  let text: string;
  try {
    text = await readFile(fullPath, 'utf8');
  } catch (error) {
    throw badInput(fsProblem(error, path));
  }
  return parseAnnotationJson(text, { hashText: nativeTextId });
}

/** Writes a file, or throws a CliFailure saying why it could not be written. */
export async function writeOutput(
  path: string,
  cwd: string,
  content: string | Uint8Array,
): Promise<void> {
  try {
    await writeFile(resolve(cwd, path), content, typeof content === 'string' ? 'utf8' : undefined);
  } catch (error) {
    throw badInput(
      `${quoteName(path)} could not be written (${(error as { code?: string }).code ?? 'unknown error'}).`,
    );
  }
}

function fsProblem(error: unknown, path: string): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return `${quoteName(path)} does not exist.`;
  if (code === 'EACCES' || code === 'EPERM')
    return `${quoteName(path)} cannot be read: permission denied.`;
  return `${quoteName(path)} cannot be read (${code ?? 'unknown error'}).`;
}
