// What one import may bring: the same limits as the API (notes, names), a cap on annotations and on
// versions set aside, and identical copies in a file counted once (a careless or hostile file of
// 50,000 copies of one annotation is one annotation).
import type { IncomingAnnotation, SkippedAnnotation } from './incoming-file';

/** Longest note, as the API's setNote allows. */
export const MAX_NOTE_LENGTH = 10_000;

/** Most annotations one file may bring into an import. */
export const MAX_IMPORT_ANNOTATIONS = 200_000;

/** Most versions one import may set aside (conflicts and other tags on the same sentences). */
export const MAX_SET_ASIDE = 10_000;

/** The refusal when an import would set aside more versions than {@link MAX_SET_ASIDE}. */
export function tooManySetAside(count: number): string {
  return `The import would set aside ${count} versions of tags (conflicts and tags on sentences that already have one), more than the ${MAX_SET_ASIDE} one import may; nothing was imported. Check that the file is the one you meant, or import it in parts.`;
}

/** Annotations with copies removed; links to a copy go to the annotation it copies. */
export interface Collapsed {
  annotations: IncomingAnnotation[];
  /** How many identical copies were dropped. */
  copies: number;
  /** Annotations with the id of an earlier, different one: skipped. */
  clashes: SkippedAnnotation[];
}

/**
 * Keeps the first of each id and of each content (an annotation identical to an earlier one in all
 * but its id is a copy); a different annotation reusing an id is skipped with its reason.
 */
export function collapseCopies(read: readonly IncomingAnnotation[]): Collapsed {
  const byId = new Map<string, { annotation: IncomingAnnotation; key: string }>();
  const byContent = new Map<string, string>();
  const alias = new Map<string, string>();
  const annotations: IncomingAnnotation[] = [];
  const clashes: SkippedAnnotation[] = [];
  let copies = 0;
  for (const annotation of read) {
    const key = contentKey(annotation);
    const earlier = byId.get(annotation.id);
    if (earlier) {
      if (earlier.key === key) copies++;
      else
        clashes.push({
          index: annotation.index,
          id: annotation.id,
          reason: `it has the same id as annotation ${earlier.annotation.index}`,
        });
      continue;
    }
    const same = byContent.get(key);
    if (same !== undefined) {
      alias.set(annotation.id, same);
      copies++;
      continue;
    }
    byId.set(annotation.id, { annotation, key });
    byContent.set(key, annotation.id);
    annotations.push(annotation);
  }
  if (alias.size > 0) {
    for (const annotation of annotations) {
      if (annotation.claimIds) {
        annotation.claimIds = [...new Set(annotation.claimIds.map((id) => alias.get(id) ?? id))];
      }
    }
  }
  return { annotations, copies, clashes };
}

function contentKey(a: IncomingAnnotation): string {
  return JSON.stringify([
    a.source,
    a.kind,
    a.quote.exact,
    a.quote.prefix,
    a.quote.suffix,
    a.position?.start,
    a.position?.end,
    a.note ?? '',
    a.labels ?? [],
    a.claimIds ?? [],
    a.author,
    a.created,
    a.modified,
  ]);
}
