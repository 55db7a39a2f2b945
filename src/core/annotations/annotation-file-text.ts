// The bytes of an annotation file: the collection's head with keys in a fixed order and
// two-space indentation, then its annotations one per line in document and position order.
import {
  CROSSCHECK_CONTEXT,
  pageIri,
  type AnnotationCollection,
  type FileAnnotation,
} from './file-format';

/** A collection without its page. */
export type FileHead = Omit<AnnotationCollection, 'first' | 'last'>;

/** What a file's annotations are sorted by. */
interface AnnotationKey {
  source: string;
  /** Code-point position (Infinity for an orphan). */
  start: number;
  end: number;
  /** The annotation's IRI. */
  id: string;
}

/** An annotation checked but not made yet (`make` makes it), with its sort key. */
export interface PendingAnnotation extends AnnotationKey {
  make: () => FileAnnotation;
}

/** Lines joined a batch at a time: short-lived pieces instead of 50,000 lines kept to the end. */
const LINES_PER_BATCH = 256;

/** Between two annotations: a comma, and the next one's line indented under `items`. */
const LINE_BREAK = ',\n      ';

/**
 * The file's text from a collection's head (everything but its page) and its annotations: see
 * serializeAnnotationFile.
 */
export function annotationFileText(head: FileHead, annotations: PendingAnnotation[]): string {
  const removed = [...head['crosscheck:removed']].sort((a, b) => compareStrings(a.id, b.id));
  if (annotations.length === 0) {
    return `${JSON.stringify({ ...head, 'crosscheck:removed': removed }, orderKeys, 2)}\n`;
  }
  const id = pageIri(head.id);
  const skeleton: AnnotationCollection = {
    ...head,
    'crosscheck:removed': removed,
    first: { id, type: 'AnnotationPage', partOf: head.id, startIndex: 0, items: [] },
    last: id,
  };
  const text = JSON.stringify(skeleton, orderKeys, 2);
  // `items` is the page's last key, and no key after `first` holds an array: the last "items": []
  // is ours.
  const marker = '"items": []';
  const at = text.lastIndexOf(marker);
  const batches: string[] = [];
  let batch: string[] = [];
  for (const pending of sortAnnotations(annotations)) {
    // Annotations keep the key order annotationOf gives them (a replacer would triple the time).
    batch.push(JSON.stringify(pending.make()));
    if (batch.length === LINES_PER_BATCH) {
      batches.push(batch.join(LINE_BREAK));
      batch = [];
    }
  }
  if (batch.length > 0) batches.push(batch.join(LINE_BREAK));
  const list = `[\n      ${batches.join(LINE_BREAK)}\n    ]`;
  return `${text.slice(0, at)}"items": ${list}${text.slice(at + marker.length)}\n`;
}

/**
 * Annotations by source, then position (orphans last), then id. A review's tags come in that order
 * already, so the list is only sorted when it is not.
 */
function sortAnnotations<T extends AnnotationKey>(keys: T[]): T[] {
  for (let i = 1; i < keys.length; i++) {
    if (compareAnnotations(keys[i - 1] as T, keys[i] as T) > 0) {
      return [...keys].sort(compareAnnotations);
    }
  }
  return keys;
}

function compareAnnotations(a: AnnotationKey, b: AnnotationKey): number {
  return (
    compareStrings(a.source, b.source) ||
    compareNumbers(a.start, b.start) ||
    compareNumbers(a.end, b.end) ||
    compareStrings(a.id, b.id)
  );
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of keys outside annotations; others follow alphabetically. */
const KEY_ORDER = [
  '@context',
  '@id',
  '@type',
  '@container',
  'id',
  'type',
  'label',
  'motivation',
  'purpose',
  'name',
  'creator',
  'created',
  'modified',
  'generator',
  'crosscheck:schemaVersion',
  'crosscheck:reviewers',
  'crosscheck:needsReview',
  'crosscheck:orphan',
  'crosscheck:removedAt',
  'value',
  'source',
  'format',
  'language',
  'body',
  'target',
  'selector',
  'exact',
  'prefix',
  'suffix',
  'start',
  'end',
  'crosscheck:title',
  'crosscheck:outlet',
  'crosscheck:author',
  'crosscheck:date',
  'crosscheck:reference',
  'crosscheck:fileName',
  'crosscheck:encoding',
  'crosscheck:bom',
  'crosscheck:lineEndings',
  'crosscheck:originalSha256',
  'crosscheck:imported',
  'crosscheck:text',
  'crosscheck:documents',
  'crosscheck:removed',
  'crosscheck:sources',
  'crosscheck:dismissals',
  'total',
  'first',
  'last',
  'partOf',
  'startIndex',
  'items',
];
const KEY_RANK = new Map(KEY_ORDER.map((key, i) => [key, i]));

/**
 * JSON.stringify replacer: known keys in KEY_ORDER, any others after them alphabetically. Our
 * context is written as declared.
 */
function orderKeys(this: unknown, _key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  if (value === CROSSCHECK_CONTEXT) return value;
  const keys = Object.keys(value).sort(
    (a, b) =>
      (KEY_RANK.get(a) ?? KEY_ORDER.length) - (KEY_RANK.get(b) ?? KEY_ORDER.length) ||
      compareStrings(a, b),
  );
  const ordered = Object.create(null) as Record<string, unknown>;
  for (const key of keys) ordered[key] = (value as Record<string, unknown>)[key];
  return ordered;
}
