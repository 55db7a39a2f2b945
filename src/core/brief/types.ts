// The brief as data: everything the PDF shows, in the order it shows it (DESIGN.md section 7).
import type { FacetCount } from '../analysis/claim-analysis';
import type {
  Confidence,
  Credibility,
  EstimativeWord,
  Facet,
  Reliability,
} from '../review/assessment';
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
  /** All its evidence whatever it speaks to, counted in tags (the brief draws `analysis`). */
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
  /**
   * Its source and its content, each with its status from independent origins and its evidence.
   * (`status`, `confirmations`, `contradictions` and the counts above are the older view: all
   * evidence whatever it speaks to, counted in tags.)
   */
  analysis: BriefClaimAnalysis;
}

/** Who says something, as the brief names them. */
export interface BriefAttribution {
  sourceId: string;
  name: string;
  reliability?: { grade: Reliability; label: string };
}

/** A piece of evidence under one facet of a claim, with who says it and its origin. */
export interface BriefFacetEvidence extends BriefEvidence {
  facet: Facet;
  saidBy?: BriefAttribution;
  credibility?: { grade: Credibility; label: string };
  /** 1-based number of its origin in the facet's `origins`; absent when it is not independent. */
  origin?: number;
}

/** One independent origin behind a facet of a claim. */
export interface BriefOrigin {
  /** 1-based, in the order of the facet's evidence. */
  number: number;
  side: 'for' | 'against';
  /** Names of its sources; empty when its items are not attributed. */
  names: string[];
  /** Plain words for the register: "Reuters", or "unattributed (wire, sentence 3)". */
  label: string;
  /** How many of the claim's evidence items it stands for. */
  items: number;
}

/** Where one facet (source or content) of a claim stands, with its evidence. */
export interface BriefFacet {
  facet: Facet;
  status: ClaimStatus;
  forCount: FacetCount;
  againstCount: FacetCount;
  /** Confirmations then contradictions, each in document order, then position. */
  evidence: BriefFacetEvidence[];
  origins: BriefOrigin[];
}

/** The reviewer's verdict on a claim as printed. */
export interface BriefVerdict {
  verdict: EstimativeWord;
  confidence: Confidence;
  rationale?: string;
  author: string;
  modified: string;
}

/** A claim's source and content statuses, the reviewer's verdict and who makes the claim. */
export interface BriefClaimAnalysis {
  /** "Authentic (2 independent origins) · content contradicted (2)". */
  summary: string;
  source: BriefFacet;
  content: BriefFacet;
  saidBy?: BriefAttribution;
  judgement?: BriefVerdict;
  /** One plain sentence when the verdict goes against the content status. */
  disagreement?: string;
}

/** One key judgement: a claim, the reviewer's verdict or the computed status, and why. */
export interface BriefKeyJudgement {
  claimNumber: number;
  tagId: string;
  excerpt: string;
  /** Who makes the claim, when it is attributed: "The CJTF-OIR letter". */
  saidBy?: string;
  /** One sentence to lead with: the verdict in words, or the computed summary when there is none. */
  headline: string;
  judgement?: BriefVerdict;
  summary: string;
  sourceStatus: ClaimStatus;
  contentStatus: ClaimStatus;
  /** The independent origins behind each status, by label. */
  origins: {
    source: { for: string[]; against: string[] };
    content: { for: string[]; against: string[] };
  };
  disagreement?: string;
}

/** An item a source supplied, for the source register. */
export interface BriefSourceItem {
  tagId: string;
  kind: TagKind;
  quote: string;
  source: BriefSource;
  /** Numbers of the claims it is linked to (for a claim, its own number). */
  claimNumbers: number[];
  credibility?: { grade: Credibility; label: string };
}

/** A source in the register: its grade and every item it supplied. */
export interface BriefRegisterEntry {
  sourceId: string;
  name: string;
  aliases: string[];
  reliability?: { grade: Reliability; label: string };
  items: BriefSourceItem[];
}

/** A claim named under gaps, with the reason in one sentence. */
export interface BriefGap {
  claimNumber: number;
  excerpt: string;
  reason: string;
}

/** What the review has not established. */
export interface BriefGaps {
  /** Claims with no independent evidence on their content. */
  unverified: BriefGap[];
  /** Claims whose source or content status rests on a single independent origin. */
  singleOrigin: BriefGap[];
}

/** A document as listed on the title page and in the appendix. */
interface BriefDocument {
  id: string;
  title: string;
  /** The file name it was imported from. */
  fileName: string;
  /** ISO 8601 time of import. */
  imported: string;
  outlet?: string;
  author?: string;
  date?: string;
  reference?: string;
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

/** The bottom line up front: counts from independent origins, then the claims to note, named. */
export interface BriefBottomLine {
  total: number;
  /** Claims by the status of their content. */
  counts: StatusCounts;
  /** Claims by the status of their source (authenticity). */
  sourceCounts: StatusCounts;
  /**
   * Plain sentences: the content counts (contested first), what is known of the sources (when any
   * evidence speaks to one), then the contested and the contradicted claims named.
   */
  sentences: string[];
  /** Numbers of the claims whose content is contested, in brief order. */
  contested: number[];
  /** Numbers of the claims whose content is contradicted, in brief order. */
  contradicted: number[];
}

/** The whole brief. */
export interface Brief {
  title: {
    reviewName: string;
    reviewers: string[];
    /** ISO 8601 time the brief was generated (the caller's clock). */
    generatedAt: string;
    documents: ({ id: string; title: string } & Pick<
      BriefDocument,
      'outlet' | 'author' | 'date' | 'reference'
    >)[];
  };
  bottomLine: BriefBottomLine;
  /** Per claim in brief order: the verdict or computed status, and the origins behind it. */
  keyJudgements: BriefKeyJudgement[];
  /**
   * In brief order: by content status (contested, contradicted, confirmed, unverified), then
   * document order, then position.
   */
  claims: BriefClaim[];
  /** Every source of the review by name, with its grade and the items it supplied. */
  sourceRegister: BriefRegisterEntry[];
  gaps: BriefGaps;
  appendix: {
    documents: BriefDocument[];
    attention: BriefAttentionGroup[];
  };
}
