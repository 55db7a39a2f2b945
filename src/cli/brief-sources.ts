// Where `crosscheck brief` gets its review: a data folder (by review name or id), or an annotation
// file (FILE.crosscheck.json) read as a review of its own. Failures become one plain sentence.
import { findReview, readDataDir } from './data-dir-review';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { reviewWithTexts } from '../core/annotations/review-from-texts';
import { nativeTextId } from './annotation-file-io';
import { readDocumentsDir } from './documents-dir';
import { reviewFromFile } from '../core/annotations/import-annotations';
import { parseAnnotationJson } from '../core/annotations/parse-annotations';
import { annotationFileSizeProblem } from '../core/annotations/safe-json';
import { buildBrief } from '../core/brief/build-brief';
import { attentionFromSharing } from '../core/brief/sharing-attention';
import type { Brief } from '../core/brief/types';
import { quoteName } from '../core/text/decode';
import { briefOfReview } from '../main/brief/review-brief';
import { badInput } from './cli-io';

/** The brief of the review named `nameOrId` (its id, or its exact and unique name) in `dataDir`. */
export async function briefFromDataDir(
  dataDir: string,
  nameOrId: string,
  generatedAt: string,
): Promise<Brief> {
  const reader = readDataDir(dataDir);
  const reviewId = await findReview(reader, nameOrId);
  const brief = await briefOfReview(reader, reviewId, { generatedAt });
  if (!brief.ok) throw badInput(lowerFirst(brief.error.message));
  return brief.value;
}

/** The brief of a Crosscheck annotation file, its orphaned and needs-review tags included. */
export async function briefFromFile(
  path: string,
  cwd: string,
  generatedAt: string,
  documentsDir?: string,
): Promise<Brief> {
  const name = quoteName(path);
  const fullPath = resolve(cwd, path);
  let text: string;
  try {
    const info = await stat(fullPath);
    if (info.isDirectory()) throw badInput(`${name} is a folder, not an annotation file.`);
    const tooLarge = annotationFileSizeProblem(info.size);
    if (tooLarge) throw badInput(lowerFirst(tooLarge.message));
    text = await readFile(fullPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw badInput(`${name} does not exist.`);
    if (code) throw badInput(`${name} cannot be read (${code}).`);
    throw error;
  }
  const file = parseAnnotationJson(text, { hashText: nativeTextId, now: generatedAt });
  if (!file.ok) throw badInput(`${name}: ${lowerFirst(file.error.message)}`);
  if (documentsDir === undefined && file.value.format === 'w3c') {
    throw badInput(
      `${name} holds annotations from another tool without their documents' texts; give the folder of those texts with --documents DIR.`,
    );
  }
  const outcome =
    documentsDir === undefined
      ? reviewFromFile(file.value)
      : reviewWithTexts(file.value, await readDocumentsDir(documentsDir, cwd, generatedAt), {
          name: basename(path).replace(/\.json$/, ''),
          now: generatedAt,
        });
  if (!outcome.ok)
    throw badInput(`${name} cannot be briefed: ${lowerFirst(outcome.error.message)}`);
  const { review, sharing, newTexts } = outcome.value;
  return buildBrief(review, newTexts, {
    generatedAt,
    ...attentionFromSharing(review, sharing, newTexts),
  });
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
