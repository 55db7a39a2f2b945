// Two files of other tools' annotations merged without their texts: annotations are matched by
// id (new ones added, identical ones kept, differing ones resolved by `modified`, the other
// version reported as a conflict), and written back as a plain W3C AnnotationCollection. The
// result is the same whichever file comes first.
import type { AnnotationGenerator } from './file-format';
import { uuidIri } from './file-format';
import { NO_SOURCE } from './foreign-annotations';
import type { IncomingAnnotation } from './incoming-file';
import { compareTimes } from './tag-versions';

/** A version of an annotation set aside in favour of another with the same id. */
export interface ForeignConflict {
  id: string;
  kept: IncomingAnnotation;
  other: IncomingAnnotation;
  /** What differs: "kind", "note", "links", "place", "author", "labels", "created". */
  differences: string[];
}

/** The merged annotations and what the merge did. */
export interface ForeignMerge {
  annotations: IncomingAnnotation[];
  added: number;
  updated: number;
  unchanged: number;
  conflicts: ForeignConflict[];
}

/** Merges B's annotations into A's by id (see the module comment). */
export function mergeForeignAnnotations(
  a: readonly IncomingAnnotation[],
  b: readonly IncomingAnnotation[],
): ForeignMerge {
  const merged = new Map(a.map((x) => [x.id, x]));
  const result: ForeignMerge = {
    annotations: [],
    added: 0,
    updated: 0,
    unchanged: 0,
    conflicts: [],
  };
  for (const theirs of b) {
    const mine = merged.get(theirs.id);
    if (!mine) {
      merged.set(theirs.id, theirs);
      result.added++;
      continue;
    }
    const differences = differencesOf(mine, theirs);
    if (differences.length === 0 && mine.modified === theirs.modified) {
      result.unchanged++;
      continue;
    }
    const byTime = compareTimes(mine.modified, theirs.modified);
    const keepTheirs = byTime < 0 || (byTime === 0 && contentKey(theirs) > contentKey(mine));
    const kept = keepTheirs ? theirs : mine;
    const other = keepTheirs ? mine : theirs;
    if (keepTheirs) {
      merged.set(theirs.id, theirs);
      result.updated++;
    } else result.unchanged++;
    if (differences.length > 0) result.conflicts.push({ id: theirs.id, kept, other, differences });
  }
  result.annotations = [...merged.values()].sort(compareAnnotations);
  return result;
}

function differencesOf(a: IncomingAnnotation, b: IncomingAnnotation): string[] {
  const found: string[] = [];
  if (a.kind !== b.kind) found.push('kind');
  if ((a.note ?? '') !== (b.note ?? '')) found.push('note');
  if (
    JSON.stringify([...(a.claimIds ?? [])].sort()) !==
    JSON.stringify([...(b.claimIds ?? [])].sort())
  )
    found.push('links');
  if (
    a.source !== b.source ||
    a.quote.exact !== b.quote.exact ||
    a.quote.prefix !== b.quote.prefix ||
    a.quote.suffix !== b.quote.suffix ||
    a.position?.start !== b.position?.start
  )
    found.push('place');
  if (a.author !== b.author) found.push('author');
  if ((a.labels ?? []).join('\n') !== (b.labels ?? []).join('\n')) found.push('labels');
  if (a.created !== b.created) found.push('created');
  return found;
}

function contentKey(a: IncomingAnnotation): string {
  return JSON.stringify([
    a.kind,
    a.note ?? '',
    a.claimIds ?? [],
    a.quote,
    a.position ?? null,
    a.author,
    a.labels ?? [],
    a.created,
  ]);
}

function compareAnnotations(a: IncomingAnnotation, b: IncomingAnnotation): number {
  const sa = a.position?.start ?? Infinity;
  const sb = b.position?.start ?? Infinity;
  return (
    (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
    (sa < sb ? -1 : sa > sb ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Annotations as a plain W3C AnnotationCollection (JSON text, one annotation per line): each keeps
 * its original id, source, quote, position hint, kind, note, labels, links, author and dates.
 */
export function foreignCollectionJson(
  annotations: readonly IncomingAnnotation[],
  options: { id: string; label: string; generator: AnnotationGenerator },
): string {
  const idOf = new Map(annotations.map((a) => [a.id, a.foreignId ?? uuidIri(a.id)]));
  const items = annotations.map((a) => {
    const body: Record<string, unknown>[] = [
      { type: 'TextualBody', purpose: 'tagging', value: a.kind, format: 'text/plain' },
    ];
    for (const label of a.labels ?? [])
      body.push({ type: 'TextualBody', purpose: 'tagging', value: label, format: 'text/plain' });
    for (const claimId of a.claimIds ?? [])
      body.push({
        type: 'SpecificResource',
        purpose: 'linking',
        source: idOf.get(claimId) ?? uuidIri(claimId),
      });
    if (a.note !== undefined)
      body.push({
        type: 'TextualBody',
        purpose: 'commenting',
        value: a.note,
        format: 'text/plain',
      });
    const selector: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', ...a.quote }];
    if (a.position) selector.push({ type: 'TextPositionSelector', ...a.position });
    const target: Record<string, unknown> = { selector };
    if (a.source !== NO_SOURCE) target['source'] = a.source;
    return {
      id: idOf.get(a.id),
      type: 'Annotation',
      motivation: 'classifying',
      creator: { type: 'Person', name: a.author },
      created: a.created,
      modified: a.modified,
      body,
      target,
    };
  });
  const head = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    generator: { id: options.generator.id, type: 'Software', name: options.generator.name },
    total: items.length,
  };
  const headText = JSON.stringify(head, null, 2);
  if (items.length === 0) return `${headText}\n`;
  const page = `{\n    "id": ${JSON.stringify(`${options.id}#page1`)},\n    "type": "AnnotationPage",\n    "partOf": ${JSON.stringify(options.id)},\n    "startIndex": 0,\n    "items": [\n${items.map((i) => `      ${JSON.stringify(i)}`).join(',\n')}\n    ]\n  }`;
  return `${headText.slice(0, -2)},\n  "first": ${page},\n  "last": ${JSON.stringify(`${options.id}#page1`)}\n}\n`;
}
