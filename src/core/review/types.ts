// The review domain: documents, tags, links between evidence and claims (DESIGN.md section 3).
import type { TextEncodingName } from '../text/decode';
import type { LineEndingStyle } from '../text/normalise';
import type { Credibility, DocumentMetadata, Judgement, Source } from './assessment';
import type { ReviewSharing } from './sharing';

/** What a tagged sentence is to the reviewer. */
export type TagKind = 'claim' | 'confirmation' | 'contradiction';

/** Evidence kinds: tags that speak to a claim. */
export type EvidenceKind = Exclude<TagKind, 'claim'>;

/** Where a tag sits: UTF-16 offsets into the normalised text plus the quote and its context. */
export interface Anchor {
  start: number;
  end: number;
  exact: string;
  /** Up to 32 characters before `exact`. */
  prefix: string;
  /** Up to 32 characters after `exact`. */
  suffix: string;
}

/** A tagged sentence. Evidence tags link to the claims they speak to through `claimIds`. */
export interface Tag {
  id: string;
  documentId: string;
  kind: TagKind;
  anchor: Anchor;
  note?: string;
  /** For confirmations and contradictions: ids of the claim tags they speak to (any document). */
  claimIds?: string[];
  /**
   * For evidence: the links (by claim id) that speak to the claim's source rather than its
   * content. A link not listed speaks to the content, so reviews older than facets read unchanged.
   */
  facets?: Record<string, 'source'>;
  /** Who says it: the id of one of the review's `sources`. */
  sourceId?: string;
  /** For evidence: information credibility on the Admiralty scale. */
  credibility?: Credibility;
  author: string;
  created: string;
  modified: string;
}

/**
 * A document as a review knows it; its text is stored once, outside the review. `title` and the
 * optional outlet, author, date and reference are its {@link DocumentMetadata}.
 */
export interface ReviewDocument extends Omit<DocumentMetadata, 'title'> {
  /** `sha256:<hex>` of the normalised text. */
  id: string;
  title: string;
  fileName: string;
  encoding: TextEncodingName;
  bom: boolean;
  lineEndings: LineEndingStyle;
  originalSha256: string;
  imported: string;
}

/** The version of the review file format this code writes (2: facets, sources, grades, judgements). */
export const REVIEW_SCHEMA_VERSION = 2;

/** Versions a review can carry in memory; files of version 1 migrate on read (migrate-review.ts). */
export type ReviewSchemaVersion = 1 | typeof REVIEW_SCHEMA_VERSION;

/** A named case file: its documents, tags and reviewers. */
export interface Review {
  schemaVersion: ReviewSchemaVersion;
  id: string;
  name: string;
  created: string;
  modified: string;
  reviewers: string[];
  documents: ReviewDocument[];
  tags: Tag[];
  /** Document ids open in panes, left to right (the workspace reopens them). */
  panes: string[];
  /** What imports set aside or marked (orphans, conflicts, …) and tags removed; absent until shared. */
  sharing?: ReviewSharing;
  /** Who says what: the speakers and outlets tags are attributed to (absent: none yet). */
  sources?: Source[];
  /** The reviewer's verdicts, by claim tag id (absent: none yet). */
  judgements?: Record<string, Judgement>;
  /** Suggested evidence the reviewer dismissed, per claim; never suggested again (absent: none). */
  dismissals?: Dismissal[];
}

/**
 * A suggestion the reviewer dismissed: the sentence (anchored like a tag, so it survives
 * re-anchoring and merges) that is not evidence for the claim.
 */
export interface Dismissal {
  claimId: string;
  documentId: string;
  anchor: Anchor;
  author: string;
  created: string;
}

/** A review as listed: no tags or documents. */
export interface ReviewSummary {
  id: string;
  name: string;
  created: string;
  modified: string;
  documentCount: number;
  tagCount: number;
}

/** Summarises a review for lists. */
export function summariseReview(review: Review): ReviewSummary {
  return {
    id: review.id,
    name: review.name,
    created: review.created,
    modified: review.modified,
    documentCount: review.documents.length,
    tagCount: review.tags.length,
  };
}
