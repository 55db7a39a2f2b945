// Opening a data folder from the command line, and finding a review in it by id or name.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { quoteName } from '../core/text/decode';
import { createBackend, type Backend } from '../main/compose';
import type { ReviewService } from '../main/review-service';
import { DataDirInUseError } from '../main/store/data-dir-lock';
import { badInput } from './cli-io';

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
export async function findReview(service: ReviewService, nameOrId: string): Promise<string> {
  const listed = await service.listReviews({});
  if (!listed.ok) throw badInput(listed.error.message);
  const { reviews } = listed.value;
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
