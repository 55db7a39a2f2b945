// What sharing adds to a review: orphans, needs-review marks, removals and conflicts (DESIGN.md
// section 6). Kept in the review file so that nothing an import set aside is ever lost.
import type { Judgement } from './assessment';
import type { Tag } from './types';

/** A quote with up to 32 characters of context on each side. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * A tag that could not be placed on its document's current text. It keeps everything a tag has
 * except a position, is listed to the reviewer, and is exported again; it is never dropped.
 */
export interface ReviewOrphan extends Omit<Tag, 'anchor'> {
  /** The quote and context the tag had where it was made. */
  quote: QuoteSelector;
  /** Why it could not be placed, in plain words. */
  reason: string;
}

/** A tag someone removed: a merge removes older versions of it instead of adding them back. */
export interface RemovedTag {
  id: string;
  /** When it was removed (ISO 8601). */
  removed: string;
  author: string;
}

/** Two versions of one tag (or of one sentence's tag): the one kept, and the other. */
export interface TagConflict {
  /** The id of the kept version. */
  id: string;
  kept: Tag | ReviewOrphan;
  other: Tag | ReviewOrphan;
}

/**
 * Two judgements of one claim from two reviews: the one kept (the later), and the other, kept
 * here so that nothing is lost and the reviewer can choose.
 */
export interface JudgementConflict {
  claimId: string;
  kept: Judgement;
  other: Judgement;
}

/** The sharing state of a review. */
export interface ReviewSharing {
  orphans: ReviewOrphan[];
  /** Ids of tags placed by fuzzy matching, to be confirmed by a reviewer. */
  needsReview: string[];
  removed: RemovedTag[];
  conflicts: TagConflict[];
  /** Judgements a merge set aside, each beside the one kept (absent: none yet). */
  judgementConflicts?: JudgementConflict[];
}
