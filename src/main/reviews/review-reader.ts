// Reading a review without side effects, for exports, the brief and the command line: nothing is
// written (no settings, no lock, no moved files) and nothing is kept in memory.
import { summariseReview, type Review, type ReviewSummary } from '../../core/review/types';
import { fail, ok, type Problem, type Result } from '../../core/result';
import type { DocumentStore } from '../store/document-store';
import type { ReviewRepository } from './review-repository';

/** What exports and the brief read: a review and its documents' texts. */
export interface ReviewReader {
  /** The review as it is now (in the app: with changes not yet on disk). */
  readReview(reviewId: string): Promise<Result<Review, Problem>>;
  /** A document's text, checked against its id. */
  readText(documentId: string): Promise<Result<string, Problem>>;
}

/** A reader that can also list the reviews (the command line finds a review by name). */
export interface ReviewCatalogue extends ReviewReader {
  summaries(): Promise<ReviewSummary[]>;
}

/**
 * A data folder read straight from its files, without taking its lock: every file there is
 * replaced by an atomic rename, so a reader sees each whole, old or new, even while the app
 * writes. Works on a read-only folder.
 */
export class DataDirReader implements ReviewCatalogue {
  constructor(
    private readonly repository: ReviewRepository,
    private readonly documents: DocumentStore,
  ) {}

  async readReview(reviewId: string): Promise<Result<Review, Problem>> {
    const review = await this.repository.read(reviewId);
    return review ? ok(review) : fail(noSuchReview());
  }

  readText(documentId: string): Promise<Result<string, Problem>> {
    return this.documents.read(documentId);
  }

  async summaries(): Promise<ReviewSummary[]> {
    const list: ReviewSummary[] = [];
    for (const id of await this.repository.ids()) {
      const summary = await this.repository.summary(id);
      if (summary) {
        list.push(summary);
        continue;
      }
      const review = await this.repository.read(id);
      if (review) list.push(summariseReview(review));
    }
    return list;
  }
}

/** The Problem of a review that is not (or no longer) there. */
export function noSuchReview(): Problem {
  return {
    code: 'no-such-review',
    message: 'That review no longer exists; it may have been deleted in another window.',
  };
}
