// Editing what a document is: its title, outlet, author, date and reference (URL or citation).
import { fail, ok, type Problem, type Result } from '../result';
import type { DocumentMetadata, FieldUpdate } from '../review/assessment';
import type { ReviewDocument } from '../review/types';

/** The optional parts of a document's metadata (its title is required). */
export const DOCUMENT_METADATA_FIELDS = ['outlet', 'author', 'date', 'reference'] as const;
const OPTIONAL_FIELDS = DOCUMENT_METADATA_FIELDS;

/** A document's metadata as stored on it. */
export function metadataOf(document: ReviewDocument): DocumentMetadata {
  const metadata: DocumentMetadata = { title: document.title };
  for (const field of OPTIONAL_FIELDS) {
    const value = document[field];
    if (value !== undefined) metadata[field] = value;
  }
  return metadata;
}

/**
 * Changes some of a document's metadata. Values are trimmed; an empty optional value removes the
 * field; the title may not be empty.
 */
export function setDocumentMetadata(
  documents: readonly ReviewDocument[],
  documentId: string,
  changes: Partial<DocumentMetadata>,
): Result<FieldUpdate<ReviewDocument>, Problem> {
  const before = documents.find((d) => d.id === documentId);
  if (!before) {
    return fail({
      code: 'no-such-document',
      message: 'That document is not in this review; it may have been removed.',
    });
  }
  const after: ReviewDocument = { ...before };
  if (changes.title !== undefined) {
    const title = changes.title.replace(/\s+/g, ' ').trim();
    if (title === '') {
      return fail({ code: 'empty-title', message: 'A document needs a title; type one in.' });
    }
    after.title = title;
  }
  for (const field of OPTIONAL_FIELDS) {
    const value = changes[field];
    if (value === undefined) continue;
    const trimmed = value.trim();
    if (trimmed === '') delete after[field];
    else after[field] = trimmed;
  }
  return ok({ before, after });
}
