// The brief as data: everything the PDF shows, in the order it shows it (DESIGN.md section 7).
import type { ClaimStatus, EvidenceCount } from '../review/claim-status';
import type { EvidenceKind, TagKind } from '../review/types';

/** Where a quote comes from: its document and, when it still lines up, its sentence number. */
export interface BriefSource {
  documentId: string;
  documentTitle: string;
  /** 1-based number of the sentence the quote starts; undefined when no sentence starts there. */
  sentence?: number;
}

/** A confirmation or contradiction, quoted in full. */
export interface BriefEvidence {
  tagId: string;
  kind: EvidenceKind;
  quote: string;
  source: BriefSource;
  note?: string;
  /** The evidence comes from the claim's own document. */
  sameDocument: boolean;
}

/** One claim with its status and every piece of evidence linked to it. */
export interface BriefClaim {
  /** 1-based position in the brief; the claims table and the sections use it. */
  number: number;
  tagId: string;
  status: ClaimStatus;
  /** The full claim. */
  quote: string;
  /** The claim shortened for the claims table and the outline. */
  excerpt: string;
  source: BriefSource;
  note?: string;
  confirmations: BriefEvidence[];
  contradictions: BriefEvidence[];
  forCount: EvidenceCount;
  againstCount: EvidenceCount;
}

/** A document as listed on the title page and in the appendix. */
export interface BriefDocument {
  id: string;
  title: string;
  /** The file name it was imported from. */
  fileName: string;
  /** ISO 8601 time of import. */
  imported: string;
}

/**
 * A tag the brief cannot place with a claim, supplied by the caller (orphaned anchors, tags that
 * need review) or found by the brief itself (evidence linked to no claim).
 */
export interface BriefOrphan {
  quote: string;
  documentTitle: string;
  kind: TagKind;
  /** One plain sentence: why the tag is listed here. */
  reason: string;
  sentence?: number;
}

/** A group of tags needing attention in the appendix; listed even when empty. */
export interface BriefAttentionGroup {
  title: string;
  tags: BriefOrphan[];
}

/** Claim counts by status. */
export type StatusCounts = Record<ClaimStatus, number>;

/** The bottom line up front: counts, then the contested claims named. */
export interface BriefBottomLine {
  total: number;
  counts: StatusCounts;
  /** One or two plain sentences: the counts (contested first), then the contested claims. */
  sentences: string[];
  /** Numbers of the contested claims, in brief order. */
  contested: number[];
}

/** The whole brief. */
export interface Brief {
  title: {
    reviewName: string;
    reviewers: string[];
    /** ISO 8601 time the brief was generated (the caller's clock). */
    generatedAt: string;
    documents: { id: string; title: string }[];
  };
  bottomLine: BriefBottomLine;
  /** In brief order: contested, contradicted, confirmed, unverified; then document order, then position. */
  claims: BriefClaim[];
  appendix: {
    documents: BriefDocument[];
    attention: BriefAttentionGroup[];
  };
}
