// A file briefed with its documents' texts from elsewhere (a folder): each source the file names
// is matched to a text by its hash (`urn:sha256:` of the normalised text) or by its file name, and
// the file's annotations are placed on those texts as a review of their own.
import { REVIEW_SCHEMA_VERSION, type Review, type ReviewDocument } from '../review/types';
import { fail, type Result } from '../result';
import { documentIdOfIri, uuidForForeignId } from './file-format';
import { NO_SOURCE } from './foreign-annotations';
import { invalidFile, type AnnotationFile, type InvalidAnnotationFile } from './incoming-file';
import { mergeReviewFile, type ReviewMergeOutcome } from './merge-review-file';

/** A text offered for a file's documents: what the text import gives. */
export interface OfferedText {
  id: string;
  text: string;
  fileName: string;
  document: ReviewDocument;
}

/**
 * The file as a review, with each document's text taken from the file when it embeds it, else
 * from `offered`; fails naming every document that has no text.
 */
export function reviewWithTexts(
  file: AnnotationFile,
  offered: readonly OfferedText[],
  about: { name: string; now: string },
): Result<ReviewMergeOutcome, InvalidAnnotationFile> {
  const byId = new Map(offered.map((t) => [t.id, t]));
  const documents: ReviewDocument[] = [];
  const texts = new Map<string, string>();
  const matches = new Map<string, string>();
  const missing: string[] = [];
  const use = (t: OfferedText) => {
    if (!texts.has(t.id)) {
      documents.push(t.document);
      texts.set(t.id, t.text);
    }
  };
  for (const entry of file.documents) {
    if (entry.text !== undefined) continue; // placed from the file itself
    const found = byId.get(entry.document.id);
    if (found) use({ ...found, document: entry.document });
    else missing.push(`“${entry.document.title}” (${entry.document.id})`);
  }
  if (file.format === 'w3c') {
    for (const source of new Set(file.annotations.map((a) => a.source))) {
      const found = byId.get(documentIdOfIri(source) ?? '') ?? byFileName(offered, source);
      if (found) {
        use(found);
        matches.set(source, found.id);
      } else
        missing.push(source === NO_SOURCE ? 'the document its annotations do not name' : source);
    }
  }
  if (missing.length > 0) {
    return fail(
      invalidFile(
        'missing-text',
        `No text was found for ${missing.length === 1 ? 'this document' : `these ${missing.length} documents`}: ${missing.join(', ')}. Put the text files beside the others (they are matched by content or by file name).`,
      ),
    );
  }
  const review: Review = {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    id: file.review?.id ?? uuidForForeignId(about.name),
    name: file.review?.name ?? about.name,
    created: file.review?.created ?? about.now,
    modified: file.review?.modified ?? about.now,
    reviewers: [...(file.review?.reviewers ?? [])],
    documents,
    tags: [],
    panes: [],
  };
  const merged = mergeReviewFile({ review, texts }, file, {
    documentMatches: matches,
    matchByTitle: false,
  });
  if (!merged.ok) return fail(invalidFile(merged.error.code, merged.error.message));
  for (const [id, text] of texts) merged.value.newTexts.set(id, text);
  return merged;
}

/** The offered text whose file name is the last part of a source IRI (or a path). */
function byFileName(offered: readonly OfferedText[], source: string): OfferedText | undefined {
  const path = source.split(/[?#]/)[0] ?? '';
  let name = path.slice(path.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as written
  }
  if (name === '') return undefined;
  const stem = (n: string) => n.replace(/\.[^.]*$/, '');
  const exact = offered.filter((t) => t.fileName === name);
  const alike = exact.length > 0 ? exact : offered.filter((t) => stem(t.fileName) === stem(name));
  return alike.length === 1 ? alike[0] : undefined;
}
