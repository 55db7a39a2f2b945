// Export: a review becomes an annotation file (one W3C annotation per tag), positions counted in
// code points, deterministic down to the byte.
import { DOCUMENT_METADATA_FIELDS } from '../analysis/document-metadata';
import { anchorMatches } from '../review/anchor';
import type { Anchor, Review, ReviewDocument, Tag } from '../review/types';
import { fail, ok, type Problem, type Result } from '../result';
import { CodePointIndex, firstCodePoints, lastCodePoints } from './code-points';
import {
  ANNOTATION_FILE_VERSION,
  CROSSCHECK_CONTEXT,
  W3C_ANNOTATION_CONTEXT,
  documentIri,
  pageIri,
  personIri,
  uuidIri,
  type AnnotationCollection,
  type AnnotationGenerator,
  type FileAnnotation,
  type FileBody,
  type FileDocument,
  type FileSelector,
} from './file-format';
import {
  addAssessment,
  assessmentContext,
  dismissalsOf,
  sourcesOf,
  type AssessmentContext,
} from './export-assessment';
import type { RemovedTag, ReviewOrphan } from './review-sharing';
import { annotationFileText, type FileHead, type PendingAnnotation } from './annotation-file-text';

/** Code points of context written before and after each quote. */
const FILE_CONTEXT_LENGTH = 32;

/** Options for {@link exportAnnotationCollection}. */
export interface ExportOptions {
  generator: AnnotationGenerator;
  /** Embed each document's text so the file stands alone (default true). */
  embedText?: boolean;
  /** Tags that could not be placed: written again, without a position. */
  orphans?: readonly ReviewOrphan[];
  /** Ids of tags placed by fuzzy matching, still to be confirmed. */
  needsReview?: Iterable<string>;
  /** Removed tags, so that a colleague's merge removes them too. */
  removed?: readonly RemovedTag[];
}

/**
 * A review as a W3C AnnotationCollection. `texts` holds each document's text by id; every
 * document with tags needs its text (positions are converted to code points). Fails, with the
 * document named, when a text is missing or a tag's quote no longer matches its text.
 */
export function exportAnnotationCollection(
  review: Review,
  texts: ReadonlyMap<string, string>,
  options: ExportOptions,
): Result<AnnotationCollection, Problem> {
  const exported = exportWith(review, texts, options);
  if (!exported.ok) return exported;
  const { head, items } = exported.value;
  return ok({
    ...head,
    ...pageOf(
      head.id,
      items.map((item) => item.make()),
    ),
  });
}

/** A collection without its page, and its annotations, each made when asked for. */
interface Exported {
  head: FileHead;
  items: PendingAnnotation[];
}

/**
 * The export itself: every tag and orphan checked, in review order, each annotation left to be
 * made when asked for, so that a file can be written without keeping 50,000 annotations' objects
 * and lines alive at once (they die young, which the garbage collector finds cheap).
 */
function exportWith(
  review: Review,
  texts: ReadonlyMap<string, string>,
  options: ExportOptions,
): Result<Exported, Problem> {
  const embed = options.embedText ?? true;
  const orphans = options.orphans ?? [];
  const needsReview = new Set(options.needsReview ?? []);
  const documents = new Map(review.documents.map((d) => [d.id, d]));
  const claims = new Set<string>();
  for (const tags of [review.tags, orphans])
    for (const tag of tags) if (tag.kind === 'claim') claims.add(tag.id);
  const indexes = new Map<string, CodePointIndex>();
  const indexOf = (documentId: string, text: string) => {
    let index = indexes.get(documentId);
    if (!index) indexes.set(documentId, (index = new CodePointIndex(text)));
    return index;
  };
  const maker = new AnnotationMaker(claims, options.generator.id, review.created, review);
  const items: PendingAnnotation[] = [];
  for (const tag of review.tags) {
    const document = documents.get(tag.documentId);
    if (!document) return fail(unknownDocument(tag.id));
    const text = texts.get(tag.documentId);
    if (text === undefined) return fail(missingText(document));
    if (!anchorMatches(text, tag.anchor)) return fail(mismatch(document, `A tag (${tag.id})`));
    items.push(new PendingTag(maker, tag, indexOf(tag.documentId, text), needsReview.has(tag.id)));
  }
  for (const orphan of orphans) {
    if (!documents.has(orphan.documentId)) return fail(unknownDocument(orphan.id));
    items.push(new PendingOrphan(maker, orphan));
  }
  const fileDocuments: FileDocument[] = [];
  for (const document of review.documents) {
    const text = texts.get(document.id);
    if (embed && text === undefined) return fail(missingText(document));
    fileDocuments.push(documentOf(document, embed ? text : undefined));
  }
  let unmatched: ReviewDocument | undefined;
  const dismissals = dismissalsOf(review.dismissals ?? [], claims, (documentId, anchor) => {
    const text = texts.get(documentId);
    const document = documents.get(documentId);
    if (text === undefined || !document) return undefined;
    if (!anchorMatches(text, anchor)) {
      unmatched ??= document;
      return undefined;
    }
    return placedSelectors(anchor, indexOf(documentId, text));
  });
  if (unmatched) return fail(mismatch(unmatched, 'A dismissed suggestion'));
  const sources = sourcesOf(review);
  const head: Exported['head'] = {
    '@context': [W3C_ANNOTATION_CONTEXT, CROSSCHECK_CONTEXT],
    id: uuidIri(review.id),
    type: 'AnnotationCollection',
    label: review.name,
    created: review.created,
    modified: review.modified,
    generator: { id: options.generator.id, type: 'Software', name: options.generator.name },
    'crosscheck:schemaVersion': ANNOTATION_FILE_VERSION,
    'crosscheck:reviewers': [...review.reviewers],
    'crosscheck:documents': fileDocuments,
    'crosscheck:removed': (options.removed ?? []).map((r) => ({
      id: uuidIri(r.id),
      creator: { id: personIri(r.author), type: 'Person', name: r.author },
      'crosscheck:removedAt': r.removed,
    })),
    ...(sources ? { 'crosscheck:sources': sources } : {}),
    ...(dismissals ? { 'crosscheck:dismissals': dismissals } : {}),
    total: items.length,
  };
  return ok({ head, items });
}

/**
 * What every annotation of one export shares, and the IRIs it writes again and again (each
 * document's, made once, so that sorting compares one string with itself).
 */
class AnnotationMaker {
  private readonly documentIris = new Map<string, string>();
  readonly assessment: AssessmentContext;

  constructor(
    readonly claims: ReadonlySet<string>,
    readonly generator: string,
    readonly undated: string,
    review: Review,
  ) {
    this.assessment = assessmentContext(review);
  }

  documentIri(documentId: string): string {
    let iri = this.documentIris.get(documentId);
    if (iri === undefined) this.documentIris.set(documentId, (iri = documentIri(documentId)));
    return iri;
  }

  annotation(tag: Omit<Tag, 'anchor'>, id: string, selector: FileSelector[]): FileAnnotation {
    return annotationOf(tag, id, this.documentIri(tag.documentId), selector, this);
  }
}

/** A placed tag, checked, its annotation made when the file is written. */
class PendingTag implements PendingAnnotation {
  readonly source: string;
  readonly start: number;
  readonly end: number;
  readonly id: string;

  constructor(
    private readonly maker: AnnotationMaker,
    private readonly tag: Tag,
    private readonly index: CodePointIndex,
    private readonly flagged: boolean,
  ) {
    const { start, end } = tag.anchor;
    this.source = maker.documentIri(tag.documentId);
    this.start = index.hasPairs ? index.toCodePoint(start) : start;
    this.end = index.hasPairs ? index.toCodePoint(end) : end;
    this.id = uuidIri(tag.id);
  }

  make(): FileAnnotation {
    const annotation = this.maker.annotation(
      this.tag,
      this.id,
      placedSelectors(this.tag.anchor, this.index),
    );
    if (this.flagged) annotation['crosscheck:needsReview'] = true;
    return annotation;
  }
}

/** An orphan, written again without a position (sorted after its document's placed tags). */
class PendingOrphan implements PendingAnnotation {
  readonly source: string;
  readonly start = Infinity;
  readonly end = Infinity;
  readonly id: string;

  constructor(
    private readonly maker: AnnotationMaker,
    private readonly orphan: ReviewOrphan,
  ) {
    this.source = maker.documentIri(orphan.documentId);
    this.id = uuidIri(orphan.id);
  }

  make(): FileAnnotation {
    const selectors: FileSelector[] = [{ type: 'TextQuoteSelector', ...this.orphan.quote }];
    const annotation = this.maker.annotation(this.orphan, this.id, selectors);
    annotation['crosscheck:orphan'] = this.orphan.reason;
    return annotation;
  }
}

function pageOf(
  collectionId: string,
  items: FileAnnotation[],
): Pick<AnnotationCollection, 'first' | 'last'> {
  if (items.length === 0) return {};
  const id = pageIri(collectionId);
  return {
    first: { id, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items },
    last: id,
  };
}

/**
 * The file's text: annotations in document and position order (a document's orphans after its
 * placed tags), one per line; removed tags by id; keys in a fixed order (for annotations, the
 * order export writes them in); two-space indentation and a final newline. The same collection
 * always gives the same bytes.
 */
export function serializeAnnotationFile(collection: AnnotationCollection): string {
  const { first, last: _last, ...head } = collection;
  const items = (first?.items ?? []).map((item) => {
    const position = item.target.selector[1];
    const placed = position?.type === 'TextPositionSelector';
    return {
      source: item.target.source,
      start: placed ? position.start : Infinity,
      end: placed ? position.end : Infinity,
      id: item.id,
      make: () => item,
    };
  });
  return annotationFileText(head, items);
}

/** Exports and serialises in one step. */
export function exportAnnotationFile(
  review: Review,
  texts: ReadonlyMap<string, string>,
  options: ExportOptions,
): Result<string, Problem> {
  const exported = exportWith(review, texts, options);
  return exported.ok ? ok(annotationFileText(exported.value.head, exported.value.items)) : exported;
}

function placedSelectors(anchor: Anchor, index: CodePointIndex): FileSelector[] {
  const { start, end } = anchor;
  const text = index.text;
  if (!index.hasPairs) {
    // Code points are UTF-16 units here: the common case, without counting.
    return [
      {
        type: 'TextQuoteSelector',
        exact: anchor.exact,
        prefix: text.slice(Math.max(0, start - FILE_CONTEXT_LENGTH), start),
        suffix: text.slice(end, end + FILE_CONTEXT_LENGTH),
      },
      { type: 'TextPositionSelector', start, end },
    ];
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: anchor.exact,
      prefix: lastCodePoints(
        text.slice(Math.max(0, start - 2 * FILE_CONTEXT_LENGTH), start),
        FILE_CONTEXT_LENGTH,
      ),
      suffix: firstCodePoints(text.slice(end, end + 2 * FILE_CONTEXT_LENGTH), FILE_CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start: index.toCodePoint(start), end: index.toCodePoint(end) },
  ];
}

function annotationOf(
  tag: Omit<Tag, 'anchor'>,
  id: string,
  source: string,
  selector: FileSelector[],
  { claims, generator, undated, assessment }: AnnotationMaker,
): FileAnnotation {
  const body: FileBody[] = [
    { type: 'TextualBody', purpose: 'tagging', value: tag.kind, format: 'text/plain' },
  ];
  if (tag.kind !== 'claim') {
    const facets = tag.facets;
    for (const claimId of tag.claimIds ?? []) {
      if (!claims.has(claimId)) continue;
      const source = uuidIri(claimId);
      body.push(
        facets && facets[claimId] === 'source'
          ? { type: 'SpecificResource', purpose: 'linking', source, 'crosscheck:facet': 'source' }
          : { type: 'SpecificResource', purpose: 'linking', source },
      );
    }
  }
  if (tag.note !== undefined && tag.note !== '') {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: tag.note,
      format: 'text/plain',
      language: 'und',
    });
  }
  const annotation: FileAnnotation = {
    id,
    type: 'Annotation',
    motivation: 'classifying',
    creator: { id: personIri(tag.author), type: 'Person', name: tag.author },
    // Tags imported by older versions may carry empty dates: never written as "".
    created: tag.created || tag.modified || undated,
    modified: tag.modified || tag.created || undated,
    generator,
    body,
    target: { source, selector },
  };
  addAssessment(annotation, tag, assessment);
  return annotation;
}

function documentOf(document: ReviewDocument, text: string | undefined): FileDocument {
  const entry: FileDocument = {
    id: documentIri(document.id),
    type: 'Text',
    'crosscheck:title': document.title,
    ...metadataTerms(document),
    'crosscheck:fileName': document.fileName,
    'crosscheck:encoding': document.encoding,
    'crosscheck:bom': document.bom,
    'crosscheck:lineEndings': document.lineEndings,
    'crosscheck:originalSha256': document.originalSha256,
    'crosscheck:imported': document.imported,
  };
  if (text !== undefined) entry['crosscheck:text'] = text;
  return entry;
}

/** A document's outlet, author, date and reference as file terms (only those it has). */
function metadataTerms(document: ReviewDocument): Partial<FileDocument> {
  const terms: Partial<FileDocument> = {};
  for (const field of DOCUMENT_METADATA_FIELDS) {
    const value = document[field];
    if (value) terms[`crosscheck:${field}`] = value;
  }
  return terms;
}

function mismatch(document: ReviewDocument, what: string): Problem {
  return {
    code: 'anchor-mismatch',
    message: `${what} in “${document.title}” no longer matches the document’s text; reopen the review so it can be re-anchored, then export again.`,
  };
}

function unknownDocument(tagId: string): Problem {
  return {
    code: 'unknown-document',
    message: `Tag ${tagId} belongs to a document that is not part of the review; it cannot be exported.`,
  };
}

function missingText(document: ReviewDocument): Problem {
  return {
    code: 'missing-text',
    message: `The text of “${document.title}” is missing from the data folder, so the review cannot be exported.`,
  };
}
