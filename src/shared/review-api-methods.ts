// The names of the ReviewApi calls, kept free of dependencies (no zod) so the sandboxed preload
// and the renderer can use them. The names come from the table of calls (REVIEW_CALLS); the
// compiler refuses this list when it misses a call or names one the table does not have.
import type { ReviewApiMethod } from './review-api-schema';

/** One entry per call: a missing or an unknown name is a compile error. */
const METHOD_TABLE: { [K in ReviewApiMethod]: true } = {
  listReviews: true,
  createReview: true,
  renameReview: true,
  deleteReview: true,
  openReview: true,
  openSampleReview: true,
  addDocument: true,
  removeDocument: true,
  getDocumentText: true,
  setPanes: true,
  tagSentence: true,
  removeTag: true,
  setNote: true,
  linkEvidence: true,
  unlinkEvidence: true,
  undo: true,
  redo: true,
  annotationFileDocuments: true,
  importAnnotations: true,
  resolveConflict: true,
  resolveJudgementConflict: true,
  confirmPlacement: true,
  setFacet: true,
  setAttribution: true,
  suggestAttribution: true,
  setCredibility: true,
  updateSource: true,
  setJudgement: true,
  setDocumentMetadata: true,
  getReviewerSettings: true,
  setReviewerName: true,
  suggestEvidence: true,
  acceptSuggestion: true,
  dismissSuggestion: true,
  getSyncConflicts: true,
  getSyncStatus: true,
  resolveSyncConflict: true,
  getUnseen: true,
  markSeen: true,
  getTeamSync: true,
  startTeamSync: true,
  stopTeamSync: true,
};

/** Every ReviewApi method name. */
export const REVIEW_API_METHODS = Object.keys(METHOD_TABLE) as ReviewApiMethod[];

/** Whether a string names a ReviewApi method (own keys only: no `__proto__` tricks). */
export function isReviewApiMethod(name: string): name is ReviewApiMethod {
  return Object.hasOwn(METHOD_TABLE, name);
}

/** The IPC channel of a method. */
export function ipcChannel(method: ReviewApiMethod): string {
  return `crosscheck:${method}`;
}

/** The IPC channel on which the main process pushes ReviewEvents. */
export const EVENT_CHANNEL = 'crosscheck:event';
