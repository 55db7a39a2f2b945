// A review's annotation file, read through a ReviewReader (no side effects): what the CLI's
// export writes, and what the hosts' "Export annotations" (exports.ts) streams.
import { exportAnnotationFile } from '../core/annotations/export-annotations';
import type { AnnotationGenerator } from '../core/annotations/file-format';
import type { ReviewSharing } from '../core/annotations/review-sharing';
import { ok, type Problem, type Result } from '../core/result';
import type { Review } from '../core/review/types';
import type { ReviewReader } from './reviews/review-reader';

/** The program named as the generator of files Crosscheck writes. */
export const CROSSCHECK_GENERATOR: AnnotationGenerator = {
  id: 'https://crosscheck.app/',
  name: 'Crosscheck',
};

/** Options for {@link annotationFileOf}. */
export interface AnnotationFileOptions {
  /** Embed the documents' texts (default true). */
  embedText?: boolean;
  /** Orphans, needs-review marks and removals to write (default: the review's own). */
  sharing?: ReviewSharing;
}

/** The text of the annotation file of a review, with its name and counts for messages. */
export async function annotationFileOf(
  reader: ReviewReader,
  reviewId: string,
  options: AnnotationFileOptions = {},
): Promise<Result<{ text: string; name: string; tags: number; documents: number }, Problem>> {
  const opened = await openWithTexts(reader, reviewId);
  if (!opened.ok) return opened;
  const { review, texts } = opened.value;
  const sharing = options.sharing ?? review.sharing;
  const file = exportAnnotationFile(review, texts, {
    generator: CROSSCHECK_GENERATOR,
    embedText: options.embedText ?? true,
    ...(sharing
      ? { orphans: sharing.orphans, needsReview: sharing.needsReview, removed: sharing.removed }
      : {}),
  });
  if (!file.ok) return file;
  return ok({
    text: file.value,
    name: review.name,
    tags: review.tags.length,
    documents: review.documents.length,
  });
}

/** A review and the texts of its documents, read without side effects; a text that cannot be read is a Problem. */
export async function openWithTexts(
  reader: ReviewReader,
  reviewId: string,
): Promise<Result<{ review: Review; texts: Map<string, string> }, Problem>> {
  const read = await reader.readReview(reviewId);
  if (!read.ok) return read;
  const texts = new Map<string, string>();
  for (const document of read.value.documents) {
    const text = await reader.readText(document.id);
    if (!text.ok) return text;
    texts.set(document.id, text.value);
  }
  return ok({ review: read.value, texts });
}
