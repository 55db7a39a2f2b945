// The one contract between the UI and the back end: every call the renderer may make (ReviewApi)
// and every push it may receive (ReviewEvents). Both hosts and the client derive from it.
import type { UnplacedSource } from '../core/annotations/document-choices';
import type { ReviewMergeSummary } from '../core/annotations/merge-review-file';
import type { ReviewChange } from '../core/review/review-change';
import type { Review, ReviewDocument, ReviewSummary } from '../core/review/types';
import type { Problem, Result } from '../core/result';
import type { Suggestion } from '../core/suggest/types';
import type { SyncConflict } from '../core/sync/sync-conflict';
import type { ExportKind } from './host-info';
import type { CallArgs, CallReply, ReviewApiMethod } from './review-api-schema';

/**
 * A review as the workspace shows it, with what undo and redo would do next. Claims and their
 * status are derived from `review.tags` (claimsWithEvidence in src/core).
 */
export interface ReviewSnapshot {
  review: Review;
  history: HistoryLabels;
  /** Increases by one with every change; events carry the revision they produce. */
  revision: number;
  /** True when every change is on disk (savedRevision >= revision). */
  saved: boolean;
  /** Every change up to this revision is on disk. */
  savedRevision: number;
  /** Why the last write failed, while saving is failing (it is being retried). */
  saveFailure?: string;
}

/** A document's text and sentences: `sentences` is [start0, end0, start1, end1, …] (UTF-16). */
export interface DocumentText {
  id: string;
  text: string;
  sentences: number[];
  /** Indexes of sentences cut at a space because they ran past the length limit. */
  forced: number[];
}

/** A synced review's connection to its team's sync server, and who else has it open now. */
export interface SyncStatus {
  /** online, offline (edits wait and sync later), connecting, or refused (the token is not accepted). */
  connection: 'online' | 'offline' | 'connecting' | 'refused';
  /** The teammates whose apps have the review open, by name. */
  others: { name: string }[];
}

/** A tag a teammate added or changed since this reviewer last looked at it (team sync). */
export interface UnseenTag {
  tagId: string;
  /** The teammate who changed it, by name. */
  by: string;
  /** When the change arrived here (ISO 8601). */
  at: string;
}

/** A review's team sync settings as a window may know them: never the token, only whether one is kept. */
export interface TeamSyncInfo {
  /** Whether the review syncs now (how the connection stands: getSyncStatus). */
  syncing: boolean;
  /** The team's sync server last used for the review. */
  serverUrl?: string;
  /** The shared document's address, which teammates join with (and the secret). */
  documentUrl?: string;
  /** Whether the review's secret is stored in this data folder. */
  hasToken: boolean;
  /** Why the review does not sync though it was set to, in plain words. */
  problem?: string;
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

/**
 * Every call the renderer can make, derived from the one table of calls (REVIEW_CALLS). Each
 * returns a Result: expected failures are values, and a host turns anything thrown into one.
 */
export type ReviewApi = {
  [K in ReviewApiMethod]: (args: CallArgs<K>) => Promise<Result<CallReply<K>, Problem>>;
};

/** The revision a mutating call produced (or the current one when it changed nothing). */
export interface Revision {
  revision: number;
}

/** What importing an annotation file did, or the choices it needs before it can run. */
export type ImportOutcome = (ReviewMergeSummary & Revision) | { needsChoice: UnplacedSource[] };

/** Who is reviewing: the name new tags are written by. */
export interface ReviewerSettings {
  /** The name the reviewer gave; absent until asked (first run). */
  reviewerName?: string;
  /** What is used until then: the operating-system user. */
  defaultName: string;
}

/** Suggested evidence for one claim, best first. */
export interface SuggestionList {
  suggestions: Suggestion[];
  /** Present while the review's documents are still being indexed: sentences done of total. */
  indexing?: { done: number; total: number };
}

/** What undo and redo would do next, by label. */
export interface HistoryLabels {
  undo?: string;
  redo?: string;
}

/** Pushes from the back end. */
export interface ReviewEvents {
  /**
   * A review changed (by this window, another window, or undo): `change` is exactly what main
   * applied (replay it with applyChange); `revision` is one more than the previous change's.
   */
  reviewChanged: {
    reviewId: string;
    revision: number;
    change: ReviewChange;
    history: HistoryLabels;
  };
  /** The list of reviews changed (created, renamed, deleted). */
  reviewsChanged: Record<string, never>;
  /** Progress of an export being written, from 0 to 1. */
  exportProgress: {
    reviewId: string;
    kind: ExportKind;
    fraction: number;
    /** Something the reviewer should know about the finished export, in one sentence. */
    notice?: string;
  };
  /**
   * Progress of indexing a review's documents for suggestions: sentences done of total, and
   * documents done of total. `done === total` when indexing has finished.
   */
  suggestionIndex: {
    reviewId: string;
    done: number;
    total: number;
    documents?: { done: number; total: number };
  };
  /**
   * A review's save state: edits waiting, written, or failed to write (then retried). Every
   * change up to `savedRevision` is on disk.
   */
  saveState: {
    reviewId: string;
    state: 'saving' | 'saved' | 'failed';
    message?: string;
    savedRevision: number;
  };
  /** How a synced review's team connection stands, and who else has it open, changed (null: it stopped syncing). */
  syncStatus: {
    reviewId: string;
    status: SyncStatus | null;
  };
  /** A synced review's list of sync conflicts changed (a teammate's edit arrived, or one was settled). */
  syncConflicts: {
    reviewId: string;
    conflicts: SyncConflict[];
  };
  /** The tags new from teammates (see UnseenTag) changed: one arrived, was seen or was removed. */
  unseenChanged: {
    reviewId: string;
    tags: UnseenTag[];
  };
}

/** One pushed event, tagged with its name. */
export type ReviewEvent = {
  [K in keyof ReviewEvents]: { name: K; payload: ReviewEvents[K] };
}[keyof ReviewEvents];
