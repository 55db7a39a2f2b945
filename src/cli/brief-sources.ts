// Where `crosscheck brief` gets its review: a data folder (by review name or id), or an annotation
// file (FILE.crosscheck.json) read as a review of its own. Failures become one plain sentence.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { reviewFromFile } from '../core/annotations/import-annotations';
import { parseAnnotationJson } from '../core/annotations/parse-annotations';
import { annotationFileSizeProblem } from '../core/annotations/safe-json';
import { buildBrief } from '../core/brief/build-brief';
import { attentionFromSharing } from '../core/brief/sharing-attention';
import type { Brief } from '../core/brief/types';
import { quoteName } from '../core/text/decode';
import { briefOfReview } from '../main/brief/review-brief';
import { createBackend } from '../main/compose';
import type { ReviewService } from '../main/review-service';
import { DataDirInUseError } from '../main/store/data-dir-lock';
import { badInput } from './cli-io';

/** The brief of the review named `nameOrId` (its id, or its exact and unique name) in `dataDir`. */
export async function briefFromDataDir(
  dataDir: string,
  nameOrId: string,
  generatedAt: string,
): Promise<Brief> {
  if (!existsSync(join(dataDir, 'reviews'))) {
    throw badInput(`${quoteName(dataDir)} is not a Crosscheck data folder.`);
  }
  let backend;
  try {
    backend = await createBackend({ dataDir });
  } catch (error) {
    if (error instanceof DataDirInUseError) throw badInput(error.message);
    throw error;
  }
  try {
    const reviewId = await findReview(backend.service, nameOrId);
    const brief = await briefOfReview(backend.service, reviewId, { generatedAt });
    if (!brief.ok) throw badInput(lowerFirst(brief.error.message));
    return brief.value;
  } finally {
    await backend.close();
  }
}

/** The brief of a Crosscheck annotation file, its orphaned and needs-review tags included. */
export async function briefFromFile(
  path: string,
  cwd: string,
  generatedAt: string,
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
  const file = parseAnnotationJson(text);
  if (!file.ok) throw badInput(`${name}: ${lowerFirst(file.error.message)}`);
  const outcome = reviewFromFile(file.value);
  if (!outcome.ok)
    throw badInput(`${name} cannot be briefed: ${lowerFirst(outcome.error.message)}`);
  const { review, sharing, newTexts } = outcome.value;
  return buildBrief(review, newTexts, {
    generatedAt,
    ...attentionFromSharing(review, sharing, newTexts),
  });
}

/** The id of the review with this id, or else with this exact name (which must be unique). */
async function findReview(service: ReviewService, nameOrId: string): Promise<string> {
  const listed = await service.listReviews({});
  if (!listed.ok) throw badInput(lowerFirst(listed.error.message));
  const { reviews } = listed.value;
  const byId = reviews.find((r) => r.id === nameOrId);
  if (byId) return byId.id;
  const named = reviews.filter((r) => r.name === nameOrId.trim());
  if (named.length === 1) return (named[0] as { id: string }).id;
  if (named.length > 1) {
    const ids = named.map((r) => r.id).join(', ');
    throw badInput(`${named.length} reviews are named ${quoteName(nameOrId)}; give an id: ${ids}.`);
  }
  throw badInput(`no review has the name or id ${quoteName(nameOrId)}.`);
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
