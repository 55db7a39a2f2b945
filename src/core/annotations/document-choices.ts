// Before an import: which documents of a file have no home in the review (not the same text, no
// single document of the same title, no embedded text), so the reviewer must choose one for them.
import type { Review } from '../review/types';
import { documentIdOfIri } from './file-format';
import { NO_SOURCE } from './foreign-annotations';
import type { AnnotationFile } from './incoming-file';

/** An incoming document (or other tool's source) whose annotations need a document chosen. */
export interface UnplacedSource {
  /** The `sha256:` id (Crosscheck files) or the source IRI (other tools). */
  source: string;
  /** Its title in the file, or the source itself when the file has none. */
  title: string;
  /** How many annotations are waiting for it. */
  annotations: number;
}

/**
 * The sources of a validated file that an import could not place without the reviewer's choice.
 * Mirrors the matching of an import: same id, then a unique title or file name, then embedded text.
 */
export function sourcesNeedingChoice(review: Review, file: AnnotationFile): UnplacedSource[] {
  const counts = new Map<string, number>();
  for (const a of file.annotations) counts.set(a.source, (counts.get(a.source) ?? 0) + 1);
  const result: UnplacedSource[] = [];
  for (const [source, annotations] of counts) {
    const entry = file.documents.find((d) => d.document.id === source);
    const id = documentIdOfIri(source) ?? source;
    if (review.documents.some((d) => d.id === id)) continue;
    if (entry) {
      const { title, fileName } = entry.document;
      const alike = review.documents.filter(
        (d) => d.title === title || (fileName !== '' && d.fileName === fileName),
      );
      if (alike.length === 1 || entry.text !== undefined) continue;
    }
    const title =
      entry?.document.title ??
      (source === NO_SOURCE ? 'Annotations that do not name their document' : source);
    result.push({ source, title, annotations });
  }
  return result;
}
