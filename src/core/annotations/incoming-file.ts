// An annotation file after validation: what it says, in the app's words, before it is merged.
import type { Credibility, Judgement, Source } from '../review/assessment';
import type { TagKind, ReviewDocument } from '../review/types';
import type { Problem } from '../result';
import type { QuoteSelector, RemovedTag } from './review-sharing';

/** A document the file lists, with its text when embedded (checked against its id). */
export interface IncomingDocument {
  document: ReviewDocument;
  text?: string;
}

/** One annotation of the file, as a tag-to-be: its position is still in code points. */
export interface IncomingAnnotation {
  /** 1-based place in the file, for messages. */
  index: number;
  /** The tag id (a UUID; derived from the original id for other tools' annotations). */
  id: string;
  /** Other tools' annotations: the id as the file wrote it. */
  foreignId?: string;
  /** The `sha256:` document id for Crosscheck files; the target's source IRI for others. */
  source: string;
  kind: TagKind;
  quote: QuoteSelector;
  /** Code-point offsets in the source document, when the file gives them. */
  position?: { start: number; end: number };
  note?: string;
  /** Other tools' tags that name no kind, kept (in the note) rather than dropped. */
  labels?: string[];
  claimIds?: string[];
  /** Links (by claim id) that speak to the claim's source; the others speak to its content. */
  facets?: Record<string, 'source'>;
  /** Who says it: the id of one of the file's `sources`. */
  sourceId?: string;
  credibility?: Credibility;
  author: string;
  created: string;
  modified: string;
  /** The file marks it as placed by fuzzy matching, not yet confirmed. */
  needsReview?: true;
  /** The file carries it as an orphan, for this reason. */
  orphanReason?: string;
}

/** A suggestion the file says was dismissed: a sentence that is not evidence for a claim. */
export interface IncomingDismissal {
  /** 1-based place in the file's list of dismissals, for messages. */
  index: number;
  claimId: string;
  /** The `sha256:` document id. */
  source: string;
  quote: QuoteSelector;
  /** Code-point offsets, when the file gives them. */
  position?: { start: number; end: number };
  author: string;
  created: string;
}

/** An annotation of another tool's file that was not imported, and why. */
export interface SkippedAnnotation {
  index: number;
  id?: string;
  reason: string;
}

/** A tag of another tool's file that names no kind: the user may map it to one. */
export interface FileLabel {
  label: string;
  /** Annotations carrying it. */
  annotations: number;
  /** Of those, how many are imported anyway (they also carry a kind), the label kept in the note. */
  kept: number;
}

/** A validated annotation file. */
export interface AnnotationFile {
  /** `crosscheck`: our own format; `w3c`: plain W3C annotations from another tool. */
  format: 'crosscheck' | 'w3c';
  /** The review the file was exported from (Crosscheck files). */
  review?: { id: string; name: string; created: string; modified: string; reviewers: string[] };
  documents: IncomingDocument[];
  annotations: IncomingAnnotation[];
  removed: RemovedTag[];
  /** Other tools' annotations that were left out, each with its reason. */
  skipped: SkippedAnnotation[];
  /** Parts of imported annotations that were left out (a link to a claim not in the file…). */
  warnings: string[];
  /** Other tools' tags that name no kind (see `labelMap` in the import options). */
  labels?: FileLabel[];
  /** Identical copies in the file, counted once. */
  copies?: number;
  /** Who says what (Crosscheck files of format 2); annotations' `sourceId`s name them. */
  sources?: Source[];
  /** The reviewer's verdicts, by claim id. */
  judgements?: Record<string, Judgement>;
  dismissals?: IncomingDismissal[];
}

/** A file that failed validation: every problem found (up to a limit), in plain words. */
export interface InvalidAnnotationFile extends Problem {
  details: string[];
}

/** How many problems a refusal lists before it says "and N more". */
const MAX_LISTED_PROBLEMS = 20;

/** Collects problems; `message` is the first, `details` all of them (up to the limit). */
export class ProblemList {
  readonly details: string[] = [];
  private count = 0;

  add(detail: string): void {
    this.count++;
    if (this.details.length < MAX_LISTED_PROBLEMS) this.details.push(detail);
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** The refusal, with a code for programs. */
  toProblem(code: string): InvalidAnnotationFile {
    const details = [...this.details];
    const more = this.count - details.length;
    if (more > 0) details.push(`… and ${more} more problem${more === 1 ? '' : 's'}.`);
    return { code, message: details[0] ?? 'The annotation file is not valid.', details };
  }
}

/** A refusal with a single problem. */
export function invalidFile(code: string, message: string): InvalidAnnotationFile {
  return { code, message, details: [message] };
}
