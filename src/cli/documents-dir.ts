// `--documents DIR`: the texts of an annotation file's documents, read from a folder through the
// same text import as the app (files that are not text are passed over).
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OfferedText } from '../core/annotations/review-from-texts';
import { quoteName } from '../core/text/decode';
import { badInput } from './cli-io';
import { readDocumentFile } from './read-text-file';

/** Every text file directly in `dir`, imported as a document could be. */
export async function readDocumentsDir(
  dir: string,
  cwd: string,
  imported: string,
): Promise<OfferedText[]> {
  const full = resolve(cwd, dir);
  let names: string[];
  try {
    const entries = await readdir(full, { withFileTypes: true });
    names = entries.filter((e) => e.isFile()).map((e) => e.name);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw badInput(
      code === 'ENOENT'
        ? `the documents folder ${quoteName(dir)} does not exist.`
        : `the documents folder ${quoteName(dir)} cannot be read (${code ?? 'unknown error'}).`,
    );
  }
  const offered: OfferedText[] = [];
  for (const name of names.sort()) {
    let read;
    try {
      read = await readDocumentFile(join(full, name), cwd);
    } catch {
      continue; // not a text file Crosscheck reads: not one of the documents
    }
    offered.push({
      id: read.id,
      text: read.text,
      fileName: name,
      document: {
        id: read.id,
        title: name.replace(/\.[^.]*$/, ''),
        fileName: name,
        encoding: read.encoding,
        bom: read.bom,
        lineEndings: read.lineEndings,
        originalSha256: read.originalSha256,
        imported,
      },
    });
  }
  return offered;
}
