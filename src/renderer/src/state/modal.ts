// The one dialog open over the workspace, if any: one union instead of a flag per dialog.
import type { UnplacedSource } from '../../../core/annotations/document-choices';
import type { ReviewMergeSummary } from '../../../core/annotations/merge-review-file';
import type { Tag } from '../../../core/review/types';
import type { ReviewerSettings } from '../../../shared/review-api';

/** Which dialog is open, with what it needs. */
export type Modal =
  | { kind: 'pick-claim'; evidence: Tag }
  | { kind: 'note'; tag: Tag }
  | {
      kind: 'choose-documents';
      fileName: string;
      bytes: Uint8Array;
      sources: UnplacedSource[];
    }
  | {
      kind: 'sharing';
      summary?: ReviewMergeSummary;
      /** The imported file, kept so its labels can be mapped and it imported again. */
      file?: { fileName: string; bytes: Uint8Array; documentMatches?: Record<string, string> };
    }
  /** Who says it: the field filled with the tag's source, else the suggestion. */
  | { kind: 'attribution'; tag: Tag; suggestion?: { name: string; reason: string } }
  /** Which claim's link to switch between source and content, when evidence has several. */
  | { kind: 'facet-choice'; evidence: Tag }
  /** The reviewer's verdict on a claim. */
  | { kind: 'judgement'; claim: Tag }
  /** How far an evidence item (and the source that says it) is trusted: Admiralty grades. */
  | { kind: 'grade'; evidence: Tag }
  /** What a document is: title, outlet, author, date, reference. */
  | { kind: 'document-metadata'; documentId: string }
  /** Who is reviewing (changed from the review menu). */
  | { kind: 'reviewer-name'; settings: ReviewerSettings }
  /** Connecting the review to the team's sync server (from the review menu). */
  | { kind: 'team-sync' }
  | { kind: 'delete-review' }
  | { kind: 'remove-document'; documentId: string };
