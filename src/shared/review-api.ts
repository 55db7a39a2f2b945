// The one contract between the UI and the back end: every call the renderer may make (ReviewApi)
// and every push it may receive (ReviewEvents). Both hosts and the client derive from it.
import type { UnplacedSource } from '../core/annotations/document-choices';
import type { MergeSummary } from '../core/annotations/merge';
import type { ClaimWithEvidence } from '../core/review/claim-status';
import type { Review, ReviewDocument, ReviewSummary, TagKind } from '../core/review/types';
import type { Problem, Result } from '../core/result';
import type { ReviewChange } from '../core/review/review-change';
import type { ExportKind } from './host-info';

/**
 * A review as the workspace shows it, with what undo and redo would do next. Claims and their
 * status are derived from `review.tags` (claimsWithEvidence in src/core), or asked for with getClaims.
 */
export interface ReviewSnapshot {
  review: Review;
  history: { undo?: string; redo?: string };
  /** Increases with every change; events carry it so the UI can skip stale reloads. */
  revision: number;
  /** True once every acknowledged change is on disk. */
  saved: boolean;
  /** Every change up to this revision is on disk. */
  savedRevision: number;
}

/** A document's text and sentences: `sentences` is [start0, end0, start1, end1, …] (UTF-16). */
export interface DocumentText {
  id: string;
  text: string;
  sentences: number[];
  /** Indexes of sentences cut at a space because they ran past the length limit. */
  forced: number[];
}

/** What importing one file did. */
export interface AddedDocument {
  document: ReviewDocument;
  warnings: string[];
  alreadyPresent: boolean;
}

/** The reviews in the data folder, and files that could not be read (moved aside). */
export interface ReviewList {
  reviews: ReviewSummary[];
  /** Plain sentences about review files that were unreadable and were moved aside. */
  notices: string[];
  /** The review that was open last, to reopen on start. */
  lastReviewId?: string;
}

/** What a mutating call replies with: the revision its change produced. */
export interface Revised {
  revision: number;
}

/** Every call the renderer can make. Each returns a Result: expected failures are values. */
export interface ReviewApi {
  listReviews(args: Record<string, never>): Promise<Result<ReviewList, Problem>>;
  createReview(args: { name: string }): Promise<Result<ReviewSummary, Problem>>;
  renameReview(args: {
    reviewId: string;
    name: string;
  }): Promise<Result<ReviewSummary & Revised, Problem>>;
  deleteReview(args: { reviewId: string }): Promise<Result<null, Problem>>;
  openReview(args: { reviewId: string }): Promise<Result<ReviewSnapshot, Problem>>;
  /** Every claim of a review with its status and its evidence for and against. */
  getClaims(args: { reviewId: string }): Promise<Result<ClaimWithEvidence[], Problem>>;
  openSampleReview(args: Record<string, never>): Promise<Result<ReviewSummary, Problem>>;
  addDocument(args: {
    reviewId: string;
    fileName: string;
    bytes: Uint8Array;
  }): Promise<Result<AddedDocument & Revised, Problem>>;
  removeDocument(args: { reviewId: string; documentId: string }): Promise<Result<Revised, Problem>>;
  getDocumentText(args: { documentId: string }): Promise<Result<DocumentText, Problem>>;
  setPanes(args: { reviewId: string; documentIds: string[] }): Promise<Result<Revised, Problem>>;
  tagSentence(args: {
    reviewId: string;
    documentId: string;
    start: number;
    end: number;
    kind: TagKind;
  }): Promise<Result<{ tagId: string } & Revised, Problem>>;
  removeTag(args: { reviewId: string; tagId: string }): Promise<Result<Revised, Problem>>;
  setNote(args: {
    reviewId: string;
    tagId: string;
    note: string;
  }): Promise<Result<Revised, Problem>>;
  linkEvidence(args: {
    reviewId: string;
    evidenceId: string;
    claimId: string;
  }): Promise<Result<Revised, Problem>>;
  unlinkEvidence(args: {
    reviewId: string;
    evidenceId: string;
    claimId: string;
  }): Promise<Result<Revised, Problem>>;
  undo(args: { reviewId: string }): Promise<Result<{ label?: string } & Revised, Problem>>;
  /** Documents of an annotation file that need the reviewer to choose where they go. */
  annotationFileDocuments(args: {
    reviewId: string;
    fileName: string;
    bytes: Uint8Array;
  }): Promise<Result<{ needsChoice: UnplacedSource[] }, Problem>>;
  /**
   * Merges a colleague's annotation file (.crosscheck.json) into the review: all or nothing.
   * `documentMatches` maps a file's document (id or source) to the review document it is.
   */
  importAnnotations(args: {
    reviewId: string;
    fileName: string;
    bytes: Uint8Array;
    documentMatches?: Record<string, string>;
  }): Promise<Result<MergeSummary & Revised, Problem>>;
  /** Keeps the other version of a conflict (the one an import set aside); again to flip back. */
  resolveConflict(args: {
    reviewId: string;
    tagId: string;
    action: 'keep-other' | 'accept' | 'dismiss';
  }): Promise<Result<Revised, Problem>>;
  /** Confirms a tag that an import placed approximately. */
  confirmPlacement(args: { reviewId: string; tagId: string }): Promise<Result<Revised, Problem>>;
  redo(args: { reviewId: string }): Promise<Result<{ label?: string } & Revised, Problem>>;
}

/** The name of a ReviewApi method. */
export type ReviewApiMethod = keyof ReviewApi;

/** Pushes from the back end. */
export interface ReviewEvents {
  /** A review's content changed (by this window, another window, or undo). */
  reviewChanged: {
    reviewId: string;
    revision: number;
    change: ReviewChange;
    history: { undo?: string; redo?: string };
  };
  /** The list of reviews changed (created, renamed, deleted). */
  reviewsChanged: Record<string, never>;
  /** Progress of an export being written, from 0 to 1. */
  exportProgress: { reviewId: string; kind: ExportKind; fraction: number };
  /** A review's save state: edits waiting, written, or failed to write. */
  saveState: {
    reviewId: string;
    state: 'saving' | 'saved' | 'failed';
    message?: string;
    savedRevision: number;
  };
}

/** One pushed event, tagged with its name. */
export type ReviewEvent = {
  [K in keyof ReviewEvents]: { name: K; payload: ReviewEvents[K] };
}[keyof ReviewEvents];
