// The brief of a stored review: the review and its documents' texts, read through a ReviewReader.
import { buildBrief, type BuildBriefOptions } from '../../core/brief/build-brief';
import { attentionFromSharing } from '../../core/brief/sharing-attention';
import type { Brief } from '../../core/brief/types';
import { ok, type Problem, type Result } from '../../core/result';
import type { ReviewReader } from '../reviews/review-reader';

/**
 * Opens review `reviewId` and builds its brief, with the review's orphans and approximate
 * placements in the appendix; a missing review or document is a Problem.
 */
export async function briefOfReview(
  reader: ReviewReader,
  reviewId: string,
  options: BuildBriefOptions,
): Promise<Result<Brief, Problem>> {
  const read = await reader.readReview(reviewId);
  if (!read.ok) return read;
  const review = read.value;
  const texts = new Map<string, string>();
  for (const document of review.documents) {
    const text = await reader.readText(document.id);
    if (!text.ok) return text;
    texts.set(document.id, text.value);
  }
  // Orphans and placements to check go to the appendix, never silently left out.
  const attention = review.sharing ? attentionFromSharing(review, review.sharing, texts) : {};
  return ok(buildBrief(review, texts, { ...attention, ...options }));
}
