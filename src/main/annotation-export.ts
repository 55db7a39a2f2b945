// A review's annotation file, read through the ReviewApi: what the CLI's export writes, and what
// the hosts' "Export annotations" (exports.ts) can stream.
import { exportAnnotationFile } from '../core/annotations/export-annotations';
import type { AnnotationGenerator } from '../core/annotations/file-format';
import type { ReviewSharing } from '../core/annotations/review-sharing';
import { ok, type Problem, type Result } from '../core/result';
import type { Review } from '../core/review/types';
import type { ReviewApi } from '../shared/review-api';

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
  api: ReviewApi,
  reviewId: string,
  options: AnnotationFileOptions = {},
): Promise<Result<{ text: string; name: string; tags: number; documents: number }, Problem>> {
  const opened = await openWithTexts(api, reviewId);
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

/** A review and the texts of its documents that can be read (export says which are missing). */
export async function openWithTexts(
  api: ReviewApi,
  reviewId: string,
): Promise<Result<{ review: Review; texts: Map<string, string> }, Problem>> {
  const opened = await api.openReview({ reviewId });
  if (!opened.ok) return opened;
  const { review } = opened.value;
  const texts = new Map<string, string>();
  for (const document of review.documents) {
    const text = await api.getDocumentText({ documentId: document.id });
    if (text.ok) texts.set(document.id, text.value.text);
  }
  return ok({ review, texts });
}
