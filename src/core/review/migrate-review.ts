// Older review files brought up to the current schema version, one step per version, by value.
// Every step keeps all data and its meaning; main keeps a backup of the old file before it first
// writes the migrated review (see needsMigration).
import { REVIEW_SCHEMA_VERSION, type Review } from './types';

/**
 * Whether parsed review-file data is of an older schema version than this code writes, so that
 * reading it migrates it and main should keep a backup of the file before its first write.
 */
export function needsMigration(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  return typeof version === 'number' && version < REVIEW_SCHEMA_VERSION;
}

/**
 * Brings a validated review of any supported version to the current one; `from` is the version
 * it had. Version 1 → 2 adds only optional fields (facets, sources, grades, judgements, document
 * metadata): every link of a version 1 review speaks to its claim's content, as it always did.
 */
export function upgradeReview(review: Review): { review: Review; from: Review['schemaVersion'] } {
  const from = review.schemaVersion;
  if (from === REVIEW_SCHEMA_VERSION) return { review, from };
  return { review: { ...review, schemaVersion: REVIEW_SCHEMA_VERSION }, from };
}
