// Opening a data folder from the command line, and finding a review in it by id or name.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { quoteName } from '../core/text/decode';
import { createBackend, type Backend } from '../main/compose';
import { DataDirReader, type ReviewCatalogue } from '../main/reviews/review-reader';
import { ReviewRepository } from '../main/reviews/review-repository';
import { DataDirInUseError } from '../main/store/data-dir-lock';
import { DocumentStore } from '../main/store/document-store';
import { badInput } from './cli-io';

/**
 * A data folder to read from (export, brief): no lock is taken and nothing is written, so it
 * works while the app has the folder open, and on a read-only folder.
 */
export function readDataDir(dataDir: string): ReviewCatalogue {
  if (!existsSync(join(dataDir, 'reviews'))) {
    throw badInput(`${quoteName(dataDir)} is not a Crosscheck data folder.`);
  }
  return new DataDirReader(
    new ReviewRepository(join(dataDir, 'reviews')),
    new DocumentStore(join(dataDir, 'documents')),
  );
}

/** Opens a data folder (it must exist unless `create`); a folder in use is bad input. */
export async function openDataDir(
  dataDir: string,
  options: { samplesDir?: string; create?: boolean } = {},
): Promise<Backend> {
  if (!options.create && !existsSync(join(dataDir, 'reviews'))) {
    throw badInput(`${quoteName(dataDir)} is not a Crosscheck data folder.`);
  }
  try {
    return await createBackend(
      options.samplesDir ? { dataDir, samplesDir: options.samplesDir } : { dataDir },
    );
  } catch (error) {
    if (error instanceof DataDirInUseError) throw badInput(error.message);
    throw error;
  }
}

/** The id of the review with this id, or else with this exact name (which must be unique). */
export async function findReview(catalogue: ReviewCatalogue, nameOrId: string): Promise<string> {
  const reviews = await catalogue.summaries();
  const byId = reviews.find((r) => r.id === nameOrId.trim().toLowerCase());
  if (byId) return byId.id;
  const named = reviews.filter((r) => r.name === nameOrId.trim());
  const [only] = named;
  if (named.length === 1 && only) return only.id;
  if (named.length > 1) {
    const ids = named.map((r) => r.id).join(', ');
    throw badInput(`${named.length} reviews are named ${quoteName(nameOrId)}; give an id: ${ids}.`);
  }
  throw badInput(`no review has the name or id ${quoteName(nameOrId)}.`);
}
