// Import, step two: decide which of the review's texts each incoming document's annotations belong
// on (same id, the user's choice, the same title, or a document added from the file), and place
// every annotation there, re-anchoring it when the text differs.
import { makeAnchor } from '../review/anchor';
import type { Review, ReviewDocument, Tag } from '../review/types';
import { fail, ok, type Problem, type Result } from '../result';
import { CodePointIndex } from './code-points';
import { documentIdOfIri } from './file-format';
import { NO_SOURCE } from './foreign-annotations';
import type { AnnotationFile, IncomingAnnotation, SkippedAnnotation } from './incoming-file';
import { AnchorText, reanchorAll, type QuoteToPlace } from './reanchor';
import type { ReviewOrphan, ReviewSharing } from './review-sharing';
import type { TagVersion } from './tag-versions';

/** The review an import goes into. */
export interface MergeTarget {
  review: Review;
  /** The text of each of the review's documents, by id. */
  texts: ReadonlyMap<string, string>;
  sharing?: ReviewSharing;
}

/** Choices for an import. */
export interface MergeOptions {
  /**
   * Incoming document id (or, for other tools' files, target source IRI) → the review's document
   * its annotations go on, as chosen by the user.
   */
  documentMatches?: ReadonlyMap<string, string>;
  /** Put a document the review lacks onto a review document of the same title or file name (default true). */
  matchByTitle?: boolean;
}

/** An incoming document whose annotations went onto another text of the review. */
export interface DocumentMatch {
  from: string;
  to: string;
  by: 'title' | 'choice';
}

/** An incoming annotation placed on one of the review's texts (or kept as an orphan). */
export interface PlacedAnnotation {
  version: TagVersion;
  /** Placed approximately, or marked so in the file. */
  needsReview: boolean;
  /** Placed on a text other than the one it was made on. */
  reanchored: boolean;
  /** The quote as the file gave it, when the tag took a whole sentence that differs from it. */
  quoted?: string;
}

/** Every incoming annotation placed, and the documents the import adds. */
export interface PlacedIncoming {
  placed: PlacedAnnotation[];
  documentsAdded: ReviewDocument[];
  newTexts: Map<string, string>;
  documentsMatched: DocumentMatch[];
  skipped: SkippedAnnotation[];
  warnings: string[];
}

type Plan =
  | { kind: 'same'; documentId: string; text: string }
  | { kind: 'reanchor'; documentId: string; text: string; oldText?: string }
  | { kind: 'skip'; reason: string };

/** Places the annotations of a validated file; fails (changing nothing) when one cannot be trusted. */
export function placeIncoming(
  target: MergeTarget,
  incoming: AnnotationFile,
  options: MergeOptions = {},
): Result<PlacedIncoming, Problem> {
  const result: PlacedIncoming = {
    placed: [],
    documentsAdded: [],
    newTexts: new Map(),
    documentsMatched: [],
    skipped: [],
    warnings: [],
  };
  const bySource = new Map<string, IncomingAnnotation[]>();
  for (const annotation of incoming.annotations) {
    const list = bySource.get(annotation.source);
    if (list) list.push(annotation);
    else bySource.set(annotation.source, [annotation]);
  }
  const sources = new Set([...incoming.documents.map((d) => d.document.id), ...bySource.keys()]);
  for (const source of sources) {
    const annotations = bySource.get(source) ?? [];
    const plan = planFor(source, annotations.length > 0, target, incoming, options, result);
    if (!plan.ok) return plan;
    if (plan.value.kind === 'skip') {
      const reason = plan.value.reason;
      for (const a of annotations) result.skipped.push({ index: a.index, id: a.id, reason });
      continue;
    }
    const placed = place(plan.value, annotations, incoming.format === 'w3c');
    if (!placed.ok) return placed;
    // A loop, not push(...): spreading more than ~125,000 arguments overflows the stack.
    for (const one of placed.value) result.placed.push(one);
  }
  return ok(result);
}

function planFor(
  source: string,
  hasAnnotations: boolean,
  target: MergeTarget,
  incoming: AnnotationFile,
  options: MergeOptions,
  result: PlacedIncoming,
): Result<Plan, Problem> {
  const documents = target.review.documents;
  const entry = incoming.documents.find((d) => d.document.id === source);
  const textOf = (document: ReviewDocument): Result<string, Problem> => {
    const text = target.texts.get(document.id);
    return text === undefined
      ? fail({
          code: 'missing-text',
          message: `The text of “${document.title}” is missing from the data folder; nothing was imported.`,
        })
      : ok(text);
  };
  const onto = (document: ReviewDocument, by?: DocumentMatch['by']): Result<Plan, Problem> => {
    const text = textOf(document);
    if (!text.ok) return text;
    if (document.id === source && incoming.format === 'crosscheck') {
      return ok({ kind: 'same', documentId: document.id, text: text.value });
    }
    if (by) result.documentsMatched.push({ from: source, to: document.id, by });
    const plan: Plan = { kind: 'reanchor', documentId: document.id, text: text.value };
    if (entry?.text !== undefined) plan.oldText = entry.text;
    return ok(plan);
  };
  const chosen = options.documentMatches?.get(source);
  if (chosen !== undefined) {
    const document = documents.find((d) => d.id === chosen);
    if (!document) {
      return fail({
        code: 'unknown-document',
        message:
          'The document chosen for the import is not part of this review; nothing was imported.',
      });
    }
    return onto(document, document.id === source ? undefined : 'choice');
  }
  const same = documents.find((d) => d.id === (documentIdOfIri(source) ?? source));
  if (same) return onto(same);
  if (entry && options.matchByTitle !== false) {
    const { title, fileName } = entry.document;
    const alike = documents.filter(
      (d) => d.title === title || (fileName !== '' && d.fileName === fileName),
    );
    if (alike.length === 1 && alike[0]) return onto(alike[0], 'title');
  }
  if (entry?.text !== undefined) {
    result.documentsAdded.push(entry.document);
    result.newTexts.set(source, entry.text);
    return ok({ kind: 'same', documentId: source, text: entry.text });
  }
  if (entry) {
    if (!hasAnnotations) {
      result.warnings.push(
        `“${entry.document.title}” was not added: the file does not include its text.`,
      );
      return ok({ kind: 'skip', reason: 'its document’s text is not in the file' });
    }
    return fail({
      code: 'missing-text',
      message: `The file does not include the text of “${entry.document.title}”, and this review does not have that document; add the document first, or ask for a file exported with its texts. Nothing was imported.`,
    });
  }
  return ok({
    kind: 'skip',
    reason:
      source === NO_SOURCE
        ? 'it does not name the document it was made on; choose the document to import it into'
        : `its document (${source}) is not part of this review; choose the document to import it into`,
  });
}

function place(
  plan: Exclude<Plan, { kind: 'skip' }>,
  annotations: readonly IncomingAnnotation[],
  foreign: boolean,
): Result<PlacedAnnotation[], Problem> {
  const placed: PlacedAnnotation[] = [];
  const toReanchor: IncomingAnnotation[] = [];
  let index: CodePointIndex | undefined;
  for (const a of annotations) {
    if (plan.kind === 'reanchor' || !a.position) {
      toReanchor.push(a);
      continue;
    }
    index ??= new CodePointIndex(plan.text);
    const start = index.toUtf16(a.position.start);
    const end = index.toUtf16(a.position.end);
    const exact =
      start === undefined || end === undefined ? undefined : plan.text.slice(start, end);
    if (start === undefined || end === undefined || exact !== a.quote.exact) {
      return fail({
        code: 'quote-mismatch',
        message: `Annotation ${a.index} (urn:uuid:${a.id}): its quote does not match the document at ${a.position.start}–${a.position.end}; nothing was imported.`,
      });
    }
    placed.push({
      version: tagOf(a, plan.documentId, makeAnchor(plan.text, start, end, exact)),
      needsReview: a.needsReview === true,
      reanchored: false,
    });
  }
  if (toReanchor.length === 0) return ok(placed);
  const oldIndex =
    plan.kind === 'reanchor' && plan.oldText !== undefined
      ? new CodePointIndex(plan.oldText)
      : undefined;
  const quotes = toReanchor.map((a): QuoteToPlace => {
    const quote: QuoteToPlace = { ...a.quote };
    // Other tools' positions are UTF-16 offsets (Hypothesis: into the whole web page), used only
    // as a hint; ours are code points into the file's embedded text.
    if (a.position) {
      const start = oldIndex ? oldIndex.toUtf16(a.position.start) : a.position.start;
      const end = oldIndex ? oldIndex.toUtf16(a.position.end) : a.position.end;
      if (start !== undefined && end !== undefined) quote.hint = { start, end };
    }
    return quote;
  });
  const placements = reanchorAll(new AnchorText(plan.text), quotes, { shareSentences: foreign });
  toReanchor.forEach((a, i) => {
    const p = placements[i];
    if (!p) return;
    const moved = plan.kind === 'reanchor';
    if (p.status === 'orphan') {
      placed.push({
        version: orphanOf(a, plan.documentId, a.orphanReason ?? p.reason),
        needsReview: false,
        reanchored: false,
      });
    } else {
      const one: PlacedAnnotation = {
        version: tagOf(a, plan.documentId, makeAnchor(plan.text, p.start, p.end)),
        needsReview: p.status === 'fuzzy' || a.needsReview === true,
        reanchored: moved || a.orphanReason !== undefined,
      };
      if (plan.text.slice(p.start, p.end) !== a.quote.exact) one.quoted = a.quote.exact;
      placed.push(one);
    }
  });
  return ok(placed);
}

function tagOf(a: IncomingAnnotation, documentId: string, anchor: Tag['anchor']): Tag {
  const tag: Tag = {
    id: a.id,
    documentId,
    kind: a.kind,
    anchor,
    author: a.author,
    created: a.created,
    modified: a.modified,
  };
  const note = noteOf(a);
  if (note !== undefined) tag.note = note;
  if (a.claimIds && a.kind !== 'claim') tag.claimIds = [...a.claimIds];
  withAssessment(tag, a);
  return tag;
}

function orphanOf(a: IncomingAnnotation, documentId: string, reason: string): ReviewOrphan {
  const orphan: ReviewOrphan = {
    id: a.id,
    documentId,
    kind: a.kind,
    quote: { ...a.quote },
    author: a.author,
    created: a.created,
    modified: a.modified,
    reason,
  };
  const note = noteOf(a);
  if (note !== undefined) orphan.note = note;
  if (a.claimIds && a.kind !== 'claim') orphan.claimIds = [...a.claimIds];
  withAssessment(orphan, a);
  return orphan;
}

/** The facets, attribution and credibility an annotation carries, copied onto its tag. */
function withAssessment(version: TagVersion, a: IncomingAnnotation): void {
  if (a.facets && a.kind !== 'claim') version.facets = { ...a.facets };
  if (a.sourceId !== undefined) version.sourceId = a.sourceId;
  if (a.credibility !== undefined && a.kind !== 'claim') version.credibility = a.credibility;
}

/** The note, with another tool's labels that name no kind kept on a last line. */
function noteOf(a: IncomingAnnotation): string | undefined {
  if (!a.labels || a.labels.length === 0) return a.note;
  const labels = `Labels: ${a.labels.join(', ')}`;
  return a.note === undefined ? labels : `${a.note}\n\n${labels}`;
}
