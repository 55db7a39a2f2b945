// Test support: a back end for the renderer's state tests, made of the ReviewApi calls a test
// needs and a way to push events to the window as main does.
import type { ExportKind, ExportOutcome } from '../../src/shared/host-info';
import type { DocumentText, ReviewApi, ReviewEvent } from '../../src/shared/review-api';
import type { Problem, Result } from '../../src/core/result';
import type { Review } from '../../src/core/review/types';

/** A back end answering `api` (the calls a test makes) that pushes events with `push`. */
export function pushingBackend(api: Partial<ReviewApi>) {
  const listeners = new Set<(event: ReviewEvent) => void>();
  const backend = {
    api: api as ReviewApi,
    onEvent(listener: (event: ReviewEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    host: {
      kind: 'browser' as const,
      exportFile: async (_kind: ExportKind, _reviewId: string) =>
        ({ ok: true, value: { downloaded: 'x' } }) as Result<ExportOutcome, Problem>,
    },
  };
  return {
    backend,
    push(event: ReviewEvent): void {
      for (const listener of listeners) listener(event);
    },
  };
}

/**
 * The calls that open a review of one document: an empty list, the review as `current` says it
 * is now (read at each call), the document's text, and no sync conflicts.
 */
export function openingCalls(
  current: () => { review: Review; revision: number },
  document: DocumentText,
): Pick<
  ReviewApi,
  | 'listReviews'
  | 'openReview'
  | 'getDocumentText'
  | 'getSyncConflicts'
  | 'getSyncStatus'
  | 'getUnseen'
  | 'getTeamSync'
> {
  return {
    listReviews: async () => ({ ok: true, value: { reviews: [], notices: [] } }),
    openReview: async () => {
      const { review, revision } = current();
      return {
        ok: true,
        value: { review, history: {}, revision, saved: true, savedRevision: revision },
      };
    },
    getDocumentText: async () => ({ ok: true, value: document }),
    // A review that is not synced with a team.
    getSyncConflicts: async () => ({ ok: true, value: { conflicts: [] } }),
    getSyncStatus: async () => ({ ok: true, value: { status: null } }),
    getUnseen: async () => ({ ok: true, value: { tags: [] } }),
    getTeamSync: async () => ({ ok: true, value: { syncing: false, hasToken: false } }),
  };
}
