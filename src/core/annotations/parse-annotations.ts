// Import, step one: an incoming file (JSON text or a parsed value) is validated completely, and
// either becomes an AnnotationFile or is refused with every problem named in plain words.
import { DOCUMENT_METADATA_FIELDS } from '../analysis/document-metadata';
import type { Judgement } from '../review/assessment';
import type { ReviewDocument, TagKind } from '../review/types';
import { fail, ok, type Result } from '../result';
import { textId } from '../text/hash';
import { normaliseText } from '../text/normalise';
import {
  annotationShapeProblem,
  type AnnotationShape,
  type SelectorShape,
} from './annotation-shape';
import { CodePointIndex, codePointLength } from './code-points';
import {
  ANNOTATION_FILE_VERSION,
  READABLE_FILE_VERSIONS,
  documentIdOfIri,
  uuidOfIri,
} from './file-format';
import {
  annotationFileSchema,
  annotationName,
  describeIssue,
  type ParsedFileShape,
} from './file-schema';
import { readForeignAnnotations, type ForeignOptions } from './foreign-annotations';
import { isDateTime } from './foreign-fields';
import { MAX_IMPORT_ANNOTATIONS, MAX_NOTE_LENGTH } from './import-limits';
import { expandCompactedFile, parseNdjson } from './json-ld-forms';
import {
  ProblemList,
  invalidFile,
  type AnnotationFile,
  type IncomingAnnotation,
  type IncomingDocument,
  type InvalidAnnotationFile,
} from './incoming-file';
import {
  applyAssessment,
  readAssessment,
  readDismissals,
  readSources,
  type FileSources,
} from './parse-assessment';
import { findForbiddenKey, parseJsonText, surelyWithoutForbiddenKeys } from './safe-json';

export { annotationFileSizeProblem } from './safe-json';

const KINDS: readonly string[] = ['claim', 'confirmation', 'contradiction'];

/** Choices for reading a file. */
export interface ParseOptions extends ForeignOptions {
  /**
   * The `sha256:<hex>` id of a text (its UTF-8 bytes), used to check embedded texts against their
   * ids. Hosts may pass a native one (node:crypto is several times faster); default: `textId`.
   */
  hashText?: (text: string) => string;
}

/** Parses and validates the text of an annotation file. */
export function parseAnnotationJson(
  text: string,
  options: ParseOptions = {},
): Result<AnnotationFile, InvalidAnnotationFile> {
  const parsed = parseJsonText(text);
  if (parsed.ok) {
    const checked = surelyWithoutForbiddenKeys(text);
    return parseAnnotationFile(parsed.value, options, checked);
  }
  // API dumps write NDJSON: one annotation per line.
  const lines = parseNdjson(text);
  return lines ? parseAnnotationFile(lines, options) : parsed;
}

/**
 * Validates parsed JSON as an annotation file: Crosscheck's own format (checked strictly: shapes,
 * ids, positions, quotes, links and hashes) or plain W3C annotations from another tool (read
 * leniently: what cannot be used is listed in `skipped` with its reason). `keysChecked`: the
 * caller has made sure the data holds no `__proto__`, `constructor` or `prototype` key.
 */
export function parseAnnotationFile(
  data: unknown,
  options: ParseOptions = {},
  keysChecked = false,
): Result<AnnotationFile, InvalidAnnotationFile> {
  if (data === null || typeof data !== 'object') {
    return fail(
      invalidFile(
        'wrong-shape',
        `The file is not an annotation file: it holds ${data === null ? 'null' : `a ${typeof data}`} where a collection of annotations was expected.`,
      ),
    );
  }
  const forbidden = keysChecked ? undefined : findForbiddenKey(data);
  if (forbidden) {
    const key = String(forbidden.at(-1));
    return fail(
      invalidFile(
        'forbidden-key',
        `The file contains a “${key}” key (at ${forbidden.join('.')}), which Crosscheck refuses because it can be used to tamper with the program.`,
      ),
    );
  }
  if (!Array.isArray(data) && Object.hasOwn(data, 'crosscheck:schemaVersion')) {
    const version = (data as Record<string, unknown>)['crosscheck:schemaVersion'];
    if (!READABLE_FILE_VERSIONS.includes(version as number)) return fail(unknownVersion(version));
    return readOwnFile(expandCompactedFile(data), options.hashText ?? textId);
  }
  return readForeignAnnotations(data, options);
}

function unknownVersion(version: unknown): InvalidAnnotationFile {
  if (
    typeof version === 'number' &&
    Number.isInteger(version) &&
    version > ANNOTATION_FILE_VERSION
  ) {
    return invalidFile(
      'unknown-version',
      `This file uses version ${version} of the Crosscheck annotation format, which this version of Crosscheck does not know; update Crosscheck to import it.`,
    );
  }
  const shown =
    typeof version === 'number' || typeof version === 'boolean' || version === null
      ? String(version)
      : typeof version === 'string'
        ? `“${version.slice(0, 40)}”`
        : Array.isArray(version)
          ? 'a list'
          : `an ${typeof version}`;
  return invalidFile(
    'unknown-version',
    `The file’s format version (${shown}) is not one Crosscheck knows (it reads versions ${READABLE_FILE_VERSIONS.join(' and ')}).`,
  );
}

function readOwnFile(
  data: object,
  hashText: (text: string) => string,
): Result<AnnotationFile, InvalidAnnotationFile> {
  const shape = annotationFileSchema.safeParse(data);
  const problems = new ProblemList();
  if (!shape.success) {
    for (const issue of shape.error.issues) problems.add(describeIssue(data, issue));
  }
  const items = (data as { first?: { items?: unknown } }).first?.items;
  if (Array.isArray(items) && items.length > MAX_IMPORT_ANNOTATIONS) {
    problems.add(
      `The file holds ${items.length} annotations; one import takes at most ${MAX_IMPORT_ANNOTATIONS}. Split the review and export it in parts.`,
    );
  } else if (Array.isArray(items)) {
    items.forEach((item, i) => {
      const problem = annotationShapeProblem(item, i);
      if (problem) problems.add(problem);
    });
  }
  if (!shape.success || !problems.empty) return fail(problems.toProblem('wrong-shape'));
  const file = shape.data;
  const documents = readDocuments(file, hashText, problems);
  const sources = readSources(file);
  const judgements: Record<string, Judgement> = {};
  const { annotations, byId } = readAnnotations(file, documents, sources, judgements, problems);
  const removed = readRemovals(file, byId, problems);
  const dismissals = readDismissals(
    file,
    annotations,
    new Set(documents.keys()),
    (documentId, position, exact) => positionProblem(position, exact, documents.get(documentId)),
    problems,
  );
  if (!problems.empty) return fail(problems.toProblem('invalid'));
  const assessment: Partial<AnnotationFile> = {};
  if (sources.sources.length > 0) assessment.sources = sources.sources;
  if (Object.keys(judgements).length > 0) assessment.judgements = judgements;
  if (dismissals.length > 0) assessment.dismissals = dismissals;
  return ok({
    format: 'crosscheck',
    review: {
      id: uuidOfIri(file.id) as string,
      name: file.label,
      created: file.created,
      modified: file.modified,
      reviewers: file['crosscheck:reviewers'],
    },
    documents: [...documents.values()].map(({ entry }) => entry),
    annotations,
    removed,
    skipped: [],
    warnings: [],
    ...assessment,
  });
}

interface CheckedDocument {
  entry: IncomingDocument;
  index?: CodePointIndex;
}

function readDocuments(
  file: ParsedFileShape,
  hashText: (text: string) => string,
  problems: ProblemList,
): Map<string, CheckedDocument> {
  const documents = new Map<string, CheckedDocument>();
  file['crosscheck:documents'].forEach((entry, i) => {
    const id = documentIdOfIri(entry.id) as string;
    const title = entry['crosscheck:title'];
    const where = `Document ${i + 1} (“${title}”)`;
    if (documents.has(id)) {
      problems.add(`${where} is listed twice (id ${entry.id}).`);
      return;
    }
    const document: ReviewDocument = {
      id,
      title,
      fileName: entry['crosscheck:fileName'],
      encoding: entry['crosscheck:encoding'],
      bom: entry['crosscheck:bom'],
      lineEndings: entry['crosscheck:lineEndings'],
      originalSha256: entry['crosscheck:originalSha256'],
      imported: entry['crosscheck:imported'],
    };
    for (const field of DOCUMENT_METADATA_FIELDS) {
      const value = entry[`crosscheck:${field}`]?.trim();
      if (value) document[field] = value;
    }
    const text = entry['crosscheck:text'];
    if (text === undefined) {
      documents.set(id, { entry: { document } });
      return;
    }
    if (hashText(text) !== id) {
      problems.add(
        `${where}: its embedded text does not match its id (${entry.id}); the text was changed after export, so none of it is trusted.`,
      );
    } else if (normaliseText(text) !== text) {
      problems.add(
        `${where}: its embedded text is not normalised (LF line endings, Unicode NFC) as Crosscheck stores texts.`,
      );
    }
    documents.set(id, { entry: { document, text }, index: new CodePointIndex(text) });
  });
  return documents;
}

function readAnnotations(
  file: ParsedFileShape,
  documents: ReadonlyMap<string, CheckedDocument>,
  sources: FileSources,
  judgements: Record<string, Judgement>,
  problems: ProblemList,
): { annotations: IncomingAnnotation[]; byId: ReadonlyMap<string, IncomingAnnotation | number> } {
  const items = (file.first?.items ?? []) as AnnotationShape[];
  if (file.total !== items.length) {
    problems.add(`The file says it holds ${file.total} annotations but holds ${items.length}.`);
  }
  // One map of ids for the whole file: repeats, links and removals are all checked against it.
  const seen = new Map<string, IncomingAnnotation | number>();
  const annotations: IncomingAnnotation[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as AnnotationShape;
    const id = uuidOfIri(item.id) as string;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      const at = typeof earlier === 'number' ? earlier : earlier.index - 1;
      problems.add(`${annotationName(i, item)} has the same id as annotation ${at + 1}.`);
      continue;
    }
    const read = readAnnotation(item, i, id, documents, sources, judgements, problems);
    seen.set(id, read ?? i);
    if (read) annotations.push(read);
  }
  checkLinks(annotations, seen, problems);
  return { annotations, byId: seen };
}

function readAnnotation(
  item: AnnotationShape,
  i: number,
  id: string,
  documents: ReadonlyMap<string, CheckedDocument>,
  sources: FileSources,
  judgements: Record<string, Judgement>,
  problems: ProblemList,
): IncomingAnnotation | undefined {
  // One pass over bodies and selectors, and nothing allocated for what is absent: files hold
  // tens of thousands of annotations.
  let kind: string | undefined;
  let kinds = 0;
  let note: string | undefined;
  let notes = 0;
  let claimIds: string[] | undefined;
  let assessed = false;
  for (const body of item.body) {
    if (body.purpose === 'linking') {
      (claimIds ??= []).push(uuidOfIri(body.source) as string);
      if (body['crosscheck:facet'] !== undefined) assessed = true;
    } else if (body.purpose === 'tagging') {
      kind ??= body.value;
      kinds++;
    } else {
      note ??= body.value;
      notes++;
    }
  }
  let quote: Extract<SelectorShape, { type: 'TextQuoteSelector' }> | undefined;
  let position: Extract<SelectorShape, { type: 'TextPositionSelector' }> | undefined;
  let quotes = 0;
  let positions = 0;
  for (const selector of item.target.selector) {
    if (selector.type === 'TextQuoteSelector') {
      quote ??= selector;
      quotes++;
    } else {
      position ??= selector;
      positions++;
    }
  }
  const orphanReason = item['crosscheck:orphan'];
  const documentId = documentIdOf(item.target.source);
  const document = documents.get(documentId);
  let found: string[] | undefined;
  if (kinds !== 1 || kind === undefined) {
    (found ??= []).push(
      `${annotationName(i, item)} should have exactly one tagging body (claim, confirmation or contradiction), not ${kinds}.`,
    );
  } else if (!KINDS.includes(kind)) {
    (found ??= []).push(
      `${annotationName(i, item)}: field body (tagging) should be claim, confirmation or contradiction, not “${kind}”.`,
    );
  }
  if (kind === 'claim' && claimIds !== undefined) {
    (found ??= []).push(
      `${annotationName(i, item)} is a claim but links to other claims; only confirmations and contradictions link to claims.`,
    );
  }
  if (notes > 1)
    (found ??= []).push(
      `${annotationName(i, item)} has ${notes} notes (commenting bodies); it may have one.`,
    );
  if (note !== undefined && note.length > MAX_NOTE_LENGTH) {
    (found ??= []).push(
      `${annotationName(i, item)}: its note has ${note.length} characters; notes have at most ${MAX_NOTE_LENGTH}.`,
    );
  }
  if (!isDateTime(item.created))
    (found ??= []).push(badDate(annotationName(i, item), 'created', item.created));
  if (item.modified !== item.created && !isDateTime(item.modified))
    (found ??= []).push(badDate(annotationName(i, item), 'modified', item.modified));
  if (quotes !== 1)
    (found ??= []).push(
      `${annotationName(i, item)} should have exactly one TextQuoteSelector, not ${quotes}.`,
    );
  if (positions > 1)
    (found ??= []).push(
      `${annotationName(i, item)} has ${positions} TextPositionSelectors; it may have one.`,
    );
  if (!position && orphanReason === undefined) {
    (found ??= []).push(
      `${annotationName(i, item)} has no TextPositionSelector and is not marked as an orphan.`,
    );
  }
  if (!document) {
    (found ??= []).push(
      `${annotationName(i, item)}: its target ${item.target.source} is not one of the file’s documents.`,
    );
  }
  if (position && quote) {
    const mismatch = positionProblem(position, quote.exact, document);
    if (mismatch) (found ??= []).push(`${annotationName(i, item)}: ${mismatch}`);
  }
  const assessment =
    assessed ||
    item['crosscheck:attribution'] !== undefined ||
    item['crosscheck:credibility'] !== undefined ||
    item['crosscheck:judgement'] !== undefined
      ? readAssessment(item, kind, sources, () => annotationName(i, item), (found ??= []))
      : undefined;
  if (found !== undefined && found.length > 0) {
    for (const text of found) problems.add(text);
    return undefined;
  }
  if (!quote || kind === undefined) return undefined;
  const annotation: IncomingAnnotation = {
    index: i + 1,
    id,
    source: documentId,
    kind: kind as TagKind,
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    author: item.creator.name,
    created: item.created,
    modified: item.modified,
  };
  if (position && orphanReason === undefined) {
    annotation.position = { start: position.start, end: position.end };
  }
  if (note !== undefined && note !== '') annotation.note = note;
  if (claimIds !== undefined) annotation.claimIds = claimIds;
  if (item['crosscheck:needsReview']) annotation.needsReview = true;
  if (orphanReason !== undefined) annotation.orphanReason = orphanReason;
  if (assessment) {
    applyAssessment(annotation, assessment);
    if (assessment.judgement) judgements[id] = assessment.judgement;
  }
  return annotation;
}

/** Document ids by IRI: a file names a few documents tens of thousands of times. */
const DOCUMENT_IDS = new Map<string, string>();

function documentIdOf(iri: string): string {
  let id = DOCUMENT_IDS.get(iri);
  if (id === undefined) {
    if (DOCUMENT_IDS.size >= 1000) DOCUMENT_IDS.clear();
    id = documentIdOfIri(iri) as string;
    DOCUMENT_IDS.set(iri, id);
  }
  return id;
}

/** What is wrong with a position (checked against the embedded text, if any), or undefined. */
function positionProblem(
  position: { start: number; end: number },
  exact: string,
  document: CheckedDocument | undefined,
): string | undefined {
  const { start, end } = position;
  // In a text without surrogate pairs a quote that has some cannot match anyway (checked below).
  const length =
    document?.index && !document.index.hasPairs ? exact.length : codePointLength(exact);
  if (end - start !== length) {
    return `its TextPositionSelector (${start}–${end}) does not span its quote of ${length} characters.`;
  }
  const index = document?.index;
  if (!index || !document) return undefined; // no embedded text: checked on merge instead
  const title = document.entry.document.title;
  if (end > index.length) {
    return `its position ${start}–${end} is out of range; “${title}” has ${index.length} characters.`;
  }
  const there = index.slice(start, end) ?? '';
  if (there === exact) return undefined;
  return `its quote does not match “${title}” at ${start}–${end} (the quote is “${clip(exact)}”, the text there is “${clip(there)}”).`;
}

/** Links to ids the file does not hold, or to annotations that are not claims. */
function checkLinks(
  annotations: readonly IncomingAnnotation[],
  seen: ReadonlyMap<string, IncomingAnnotation | number>,
  problems: ProblemList,
): void {
  for (const annotation of annotations) {
    if (annotation.claimIds === undefined) continue;
    for (const claimId of annotation.claimIds) {
      const claim = seen.get(claimId);
      if (claim === undefined || typeof claim === 'number') {
        problems.add(
          `Annotation ${annotation.index} (urn:uuid:${annotation.id}) links to claim urn:uuid:${claimId}, which is not in the file.`,
        );
      } else if (claim.kind !== 'claim') {
        problems.add(
          `Annotation ${annotation.index} (urn:uuid:${annotation.id}) links to urn:uuid:${claimId}, which is a ${claim.kind}, not a claim.`,
        );
      }
    }
  }
}

function readRemovals(
  file: ParsedFileShape,
  annotations: ReadonlyMap<string, IncomingAnnotation | number>,
  problems: ProblemList,
): AnnotationFile['removed'] {
  const seen = new Set<string>();
  const removed: AnnotationFile['removed'] = [];
  (file['crosscheck:removed'] ?? []).forEach((entry, i) => {
    const id = uuidOfIri(entry.id) as string;
    if (typeof annotations.get(id) === 'object') {
      problems.add(`Removed tag ${i + 1} (${entry.id}) is also one of the file’s annotations.`);
    } else if (seen.has(id)) {
      problems.add(`Removed tag ${i + 1} (${entry.id}) is listed twice.`);
    } else {
      seen.add(id);
      removed.push({ id, removed: entry['crosscheck:removedAt'], author: entry.creator.name });
    }
  });
  return removed;
}

function badDate(where: string, name: string, value: string): string {
  return `${where}: its ${name} date “${clip(value)}” is not an ISO 8601 date and time.`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
