// When the top bar must warn that the open review does not reach its team, and why, in plain words:
// a sync that could not start (its problem), or one the server refuses, which no retry mends.
import type { SyncStatus } from '../../../shared/review-api';

/** The reason shown for a running sync whose secret the server does not accept. */
export const REFUSED_REASON =
  'The sync server does not accept this review’s secret: ask the teammate who shared it for the current one and join again.';

/**
 * Why the open review does not sync with its team, for the top bar's warning; undefined while it
 * syncs or is out of reach for a while only (offline, connecting: it tries again by itself).
 * `problem` is the reason main keeps for a review set to sync that did not start.
 */
export function syncWarning(
  status: SyncStatus | null,
  problem: string | undefined,
): string | undefined {
  if (status) return status.connection === 'refused' ? REFUSED_REASON : undefined;
  return problem;
}
