// Plain W3C annotations from other tools (Hypothesis, Recogito, …): read leniently. An annotation
// with a TextQuoteSelector and one tag naming a kind (claim, confirmation, contradiction, or a
// label the user mapped to one) is imported; anything else is listed with its reason, never guessed.
import type { TagKind } from '../review/types';
import { fail, ok, type Result } from '../result';
import { uuidForForeignId, uuidOfIri } from './file-format';
import {
  asList,
  authorOf,
  hasType,
  isDateTime,
  isObject,
  positionOf,
  quoteOf,
  rawId,
  str,
  type Json,
} from './foreign-fields';
import {
  invalidFile,
  type AnnotationFile,
  type FileLabel,
  type IncomingAnnotation,
  type InvalidAnnotationFile,
  type SkippedAnnotation,
} from './incoming-file';
import { MAX_IMPORT_ANNOTATIONS, MAX_NOTE_LENGTH, collapseCopies } from './import-limits';

const KINDS = new Set<string>(['claim', 'confirmation', 'contradiction']);
const NOTE_PURPOSES = new Set(['commenting', 'describing', 'replying']);

/**
 * The source given to annotations whose target names no document (RecogitoJS, Annotorious text
 * mode): like an unknown source, the reviewer chooses the document they belong to.
 */
export const NO_SOURCE = 'urn:crosscheck:unnamed-document';

/** Choices for reading other tools' files. */
export interface ForeignOptions {
  /** A label (any case) → the kind it stands for, as the user mapped them. */
  labelMap?: Readonly<Record<string, TagKind>>;
  /** The date given to annotations that carry none (default: now). */
  now?: string;
}

/** Reads other tools' annotations: a single annotation, a list, a page or a collection. */
export function readForeignAnnotations(
  data: object,
  options: ForeignOptions = {},
): Result<AnnotationFile, InvalidAnnotationFile> {
  const items = annotationList(data);
  if (!items.ok) return items;
  const labelMap = new Map(
    Object.entries(options.labelMap ?? {}).map(([label, kind]) => [
      label.trim().toLowerCase(),
      kind,
    ]),
  );
  const labels = new Map<string, FileLabel>();
  const skipped: SkippedAnnotation[] = [];
  const warnings: string[] = [];
  const read: IncomingAnnotation[] = [];
  let undated = 0;
  items.value.forEach((item, i) => {
    const one = readOne(item, i + 1, labelMap, labels);
    if ('reason' in one) skipped.push(one);
    else {
      if (!one.created) {
        undated++;
        one.created = one.modified = options.now ?? new Date().toISOString();
      }
      read.push(one);
    }
  });
  const { annotations, copies, clashes } = collapseCopies(read);
  skipped.push(...clashes);
  skipped.sort((a, b) => a.index - b.index);
  if (annotations.length > MAX_IMPORT_ANNOTATIONS) return fail(tooMany(annotations.length));
  if (copies > 0) {
    warnings.push(
      `${copies} annotation${copies === 1 ? ' was an identical copy' : 's were identical copies'} of another in the file and ${copies === 1 ? 'was' : 'were'} counted once.`,
    );
  }
  if (undated > 0) {
    warnings.push(
      `${undated} annotation${undated === 1 ? ' has' : 's have'} no date; ${undated === 1 ? 'it is' : 'they are'} dated at the time of the import.`,
    );
  }
  keepUsableLinks(annotations, warnings);
  return ok({
    format: 'w3c',
    documents: [],
    annotations,
    removed: [],
    skipped,
    warnings,
    labels: [...labels.values()],
    copies,
  });
}

function tooMany(count: number): InvalidAnnotationFile {
  return invalidFile(
    'too-many',
    `The file holds ${count} annotations; one import takes at most ${MAX_IMPORT_ANNOTATIONS}. Split the file and import it in parts.`,
  );
}

function keepUsableLinks(annotations: IncomingAnnotation[], warnings: string[]): void {
  const kinds = new Map(annotations.map((a) => [a.id, a.kind]));
  for (const annotation of annotations) {
    if (!annotation.claimIds) continue;
    // A link to an annotation not in the file is kept: the claim may be in another file merged
    // later (an import into a review keeps only links to claims it has).
    const kept = annotation.claimIds.filter((claimId) => {
      const kind = kinds.get(claimId);
      const usable = annotation.kind !== 'claim' && (kind === undefined || kind === 'claim');
      if (!usable) {
        warnings.push(
          `Annotation ${annotation.index}: its link to ${claimId} was left out; ${annotation.kind === 'claim' ? 'a claim does not link to claims' : 'that is not a claim in this file'}.`,
        );
      }
      return usable;
    });
    if (kept.length > 0) annotation.claimIds = kept;
    else delete annotation.claimIds;
  }
}

function annotationList(data: object): Result<unknown[], InvalidAnnotationFile> {
  if (Array.isArray(data)) return ok(data);
  const json = data as Json;
  const first = json['first'];
  if (first !== undefined || hasType(json, 'AnnotationCollection')) {
    if (isObject(first) && Array.isArray(first['items'])) return ok(first['items']);
    if (isObject(first) && isObject(first['items'])) return ok([first['items']]); // compacted
    return fail(
      invalidFile(
        'wrong-shape',
        'The file is an annotation collection whose annotations are not in the file (its “first” page is missing or only an address); export the annotations themselves.',
      ),
    );
  }
  for (const key of ['items', 'annotations', 'rows']) {
    if (Array.isArray(json[key])) return ok(json[key]);
  }
  if (json['target'] !== undefined || hasType(json, 'Annotation')) return ok([data]);
  return fail(
    invalidFile(
      'wrong-shape',
      'The file is not an annotation file: it is neither a Crosscheck file nor W3C annotations (it has no annotations, items or target).',
    ),
  );
}

function readOne(
  item: unknown,
  index: number,
  labelMap: ReadonlyMap<string, TagKind>,
  labels: Map<string, FileLabel>,
): IncomingAnnotation | SkippedAnnotation {
  if (!isObject(item)) return { index, reason: 'it is not an annotation object' };
  const id = rawId(item);
  const skip = (reason: string): SkippedAnnotation => ({ index, ...(id ? { id } : {}), reason });
  if (!id) return skip('it has no id');
  if (id.length > 1000) return skip('its id is longer than 1,000 characters');
  const targets = asList(item['target'])
    .filter(isObject)
    .filter((t) => quoteOf(t) !== undefined);
  if (targets.length === 0) {
    return skip('it has no TextQuoteSelector, and Crosscheck places annotations by their quote');
  }
  if (targets.length > 1) {
    return skip(`it quotes ${targets.length} passages; Crosscheck tags one passage per annotation`);
  }
  const target = targets[0] as Json;
  const source = str(target['source']) ?? str(item['uri']) ?? NO_SOURCE;
  const quote = quoteOf(target) as IncomingAnnotation['quote'];
  const bodies = readBodies(item);
  const kinds = new Set<TagKind>();
  const others: string[] = [];
  for (const tag of bodies.tags) {
    const key = tag.trim().toLowerCase();
    if (KINDS.has(key)) kinds.add(key as TagKind);
    else if (labelMap.has(key)) kinds.add(labelMap.get(key) as TagKind);
    else if (key !== '' && !others.includes(tag.trim())) others.push(tag.trim());
  }
  for (const label of others) countLabel(labels, label, kinds.size === 1);
  if (kinds.size === 0) {
    return skip(
      bodies.tags.length === 0
        ? 'it has no tag; Crosscheck imports annotations tagged claim, confirmation or contradiction'
        : `its tags (${bodies.tags.map((t) => `“${t}”`).join(', ')}) are not claim, confirmation or contradiction; map them to a kind to import it`,
    );
  }
  if (kinds.size > 1)
    return skip(
      `it is tagged both ${[...kinds].join(' and ')}; Crosscheck cannot tell which it is`,
    );
  const dates = datesOf(item);
  if (typeof dates === 'string') return skip(dates);
  const note = bodies.notes.join('\n\n');
  if (note.length > MAX_NOTE_LENGTH) {
    return skip(
      `its note has ${note.length} characters; Crosscheck keeps notes of up to ${MAX_NOTE_LENGTH}`,
    );
  }
  const author = authorOf(item) ?? 'unknown';
  if (author.length > 200) return skip('its author’s name is longer than 200 characters');
  const annotation: IncomingAnnotation = {
    index,
    id: uuidOfIri(id) ?? uuidForForeignId(id),
    foreignId: id,
    source,
    kind: [...kinds][0] as TagKind,
    quote,
    author,
    created: dates.created,
    modified: dates.modified,
  };
  const position = positionOf(target);
  if (position) annotation.position = position;
  if (note !== '') annotation.note = note;
  if (others.length > 0) annotation.labels = others;
  if (bodies.links.length > 0) annotation.claimIds = bodies.links;
  return annotation;
}

function countLabel(labels: Map<string, FileLabel>, label: string, kept: boolean): void {
  const key = label.toLowerCase();
  const entry = labels.get(key) ?? { label, annotations: 0, kept: 0 };
  entry.annotations++;
  if (kept) entry.kept++;
  labels.set(key, entry);
}

/** Created and modified, checked; '' when the annotation has no date at all; or why it is skipped. */
function datesOf(item: Json): { created: string; modified: string } | string {
  const created = item['created'];
  const modified = item['modified'] ?? item['updated'];
  for (const [name, value] of [
    ['created', created],
    ['modified', modified],
  ] as const) {
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' || !isDateTime(value)) {
      const shown = typeof value === 'string' ? `“${value.slice(0, 40)}”` : `a ${typeof value}`;
      return `its ${name} date (${shown}) is not an ISO 8601 date and time`;
    }
  }
  const c = str(created) ?? str(modified) ?? '';
  return { created: c, modified: str(modified) ?? c };
}

function readBodies(item: Json): { tags: string[]; notes: string[]; links: string[] } {
  const tags: string[] = [];
  const notes: string[] = [];
  const links: string[] = [];
  for (const body of asList(item['body'])) {
    if (!isObject(body)) continue;
    const purposes = asList(body['purpose']).filter((p): p is string => typeof p === 'string');
    const value = str(body['value']);
    if (purposes.includes('tagging') && value !== undefined) tags.push(value);
    else if (purposes.includes('linking')) {
      const target = str(body['source']) ?? str(body['id']);
      if (target) links.push(uuidOfIri(target) ?? uuidForForeignId(target));
    } else if (value !== undefined && value.trim() !== '') {
      if (purposes.length === 0 || purposes.some((p) => NOTE_PURPOSES.has(p)))
        notes.push(value.trim());
    }
  }
  const bodyValue = str(item['bodyValue']);
  if (bodyValue !== undefined && bodyValue.trim() !== '') notes.push(bodyValue.trim());
  // Hypothesis's own export: `tags` and `text` instead of bodies.
  for (const tag of asList(item['tags'])) if (typeof tag === 'string') tags.push(tag);
  const text = str(item['text']);
  if (text !== undefined && text.trim() !== '') notes.push(text.trim());
  return { tags, notes, links };
}
