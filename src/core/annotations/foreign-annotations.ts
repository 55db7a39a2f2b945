// Plain W3C annotations from other tools (Hypothesis, Recogito, …): read leniently. An annotation
// with a TextQuoteSelector and one tag naming a kind (claim, confirmation, contradiction) is
// imported; anything else is listed with its reason, never guessed.
import type { TagKind } from '../review/types';
import { fail, ok, type Result } from '../result';
import { uuidForForeignId, uuidOfIri } from './file-format';
import {
  invalidFile,
  type AnnotationFile,
  type IncomingAnnotation,
  type InvalidAnnotationFile,
  type SkippedAnnotation,
} from './incoming-file';

const KINDS = new Set<string>(['claim', 'confirmation', 'contradiction']);
const NOTE_PURPOSES = new Set(['commenting', 'describing', 'replying']);

type Json = Record<string, unknown>;

/** Reads other tools' annotations: a single annotation, a list, a page or a collection. */
export function readForeignAnnotations(
  data: object,
): Result<AnnotationFile, InvalidAnnotationFile> {
  const items = annotationList(data);
  if (!items.ok) return items;
  const skipped: SkippedAnnotation[] = [];
  const warnings: string[] = [];
  const annotations: IncomingAnnotation[] = [];
  const seen = new Map<string, number>();
  items.value.forEach((item, i) => {
    const read = readOne(item, i + 1);
    if ('reason' in read) {
      skipped.push(read);
      return;
    }
    const earlier = seen.get(read.id);
    if (earlier !== undefined) {
      const id = rawId(item as Json) as string;
      skipped.push({ index: i + 1, id, reason: `it has the same id as annotation ${earlier}` });
      return;
    }
    seen.set(read.id, i + 1);
    annotations.push(read);
  });
  const kinds = new Map(annotations.map((a) => [a.id, a.kind]));
  for (const annotation of annotations) {
    if (!annotation.claimIds) continue;
    const kept = annotation.claimIds.filter((claimId) => {
      const usable = annotation.kind !== 'claim' && kinds.get(claimId) === 'claim';
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
  return ok({ format: 'w3c', documents: [], annotations, removed: [], skipped, warnings });
}

function annotationList(data: object): Result<unknown[], InvalidAnnotationFile> {
  if (Array.isArray(data)) return ok(data);
  const json = data as Json;
  const first = json['first'];
  if (first !== undefined || hasType(json, 'AnnotationCollection')) {
    if (isObject(first) && Array.isArray(first['items'])) return ok(first['items']);
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

function readOne(item: unknown, index: number): IncomingAnnotation | SkippedAnnotation {
  if (!isObject(item)) return { index, reason: 'it is not an annotation object' };
  const id = rawId(item);
  const skip = (reason: string): SkippedAnnotation => ({ index, ...(id ? { id } : {}), reason });
  if (!id) return skip('it has no id');
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
  const source = str(target['source']) ?? str(item['uri']);
  if (!source) return skip('its target names no source document');
  const quote = quoteOf(target);
  if (!quote) return skip('its quote is empty');
  const bodies = readBodies(item);
  const kinds = [
    ...new Set(bodies.tags.map((t) => t.trim().toLowerCase()).filter((t) => KINDS.has(t))),
  ];
  if (kinds.length === 0) {
    return skip(
      bodies.tags.length === 0
        ? 'it has no tag; Crosscheck imports annotations tagged claim, confirmation or contradiction'
        : `its tags (${bodies.tags.map((t) => `“${t}”`).join(', ')}) are not claim, confirmation or contradiction`,
    );
  }
  if (kinds.length > 1)
    return skip(`it is tagged both ${kinds.join(' and ')}; Crosscheck cannot tell which it is`);
  const created = str(item['created']) ?? '';
  const annotation: IncomingAnnotation = {
    index,
    id: uuidOfIri(id) ?? uuidForForeignId(id),
    source,
    kind: kinds[0] as TagKind,
    quote,
    author: personName(item['creator']) ?? personName(item['user']) ?? 'unknown',
    created,
    modified: str(item['modified']) ?? str(item['updated']) ?? created,
  };
  const position = positionOf(target);
  if (position) annotation.position = position;
  if (bodies.notes.length > 0) annotation.note = bodies.notes.join('\n\n');
  if (bodies.links.length > 0) annotation.claimIds = bodies.links;
  return annotation;
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

function quoteOf(target: Json): IncomingAnnotation['quote'] | undefined {
  const selector = selectors(target).find((s) => hasType(s, 'TextQuoteSelector'));
  const exact = selector ? str(selector['exact']) : undefined;
  if (!selector || !exact) return undefined;
  return { exact, prefix: str(selector['prefix']) ?? '', suffix: str(selector['suffix']) ?? '' };
}

function positionOf(target: Json): { start: number; end: number } | undefined {
  const selector = selectors(target).find((s) => hasType(s, 'TextPositionSelector'));
  const start = selector?.['start'];
  const end = selector?.['end'];
  if (!Number.isInteger(start) || !Number.isInteger(end)) return undefined;
  return (start as number) >= 0 && (end as number) > (start as number)
    ? { start: start as number, end: end as number }
    : undefined;
}

function selectors(target: Json): Json[] {
  return asList(target['selector']).filter(isObject);
}

function personName(value: unknown): string | undefined {
  const first = asList(value)[0];
  if (typeof first === 'string') return first;
  if (isObject(first)) return str(first['name']) ?? str(first['nickname']) ?? str(first['id']);
  return undefined;
}

function rawId(item: Json): string | undefined {
  return str(item['id']) ?? str(item['@id']);
}

function hasType(value: Json, type: string): boolean {
  return asList(value['type']).includes(type) || asList(value['@type']).includes(type);
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
