// The brief of a stored review: the review and its documents' texts, read through the ReviewApi.
import { buildBrief, type BuildBriefOptions } from '../../core/brief/build-brief';
import { attentionFromSharing } from '../../core/brief/sharing-attention';
import type { Brief } from '../../core/brief/types';
import { ok, type Problem, type Result } from '../../core/result';
import type { ReviewApi } from '../../shared/review-api';

/**
 * Opens review `reviewId` and builds its brief, with the review's orphans and approximate
 * placements in the appendix; a missing review or document is a Problem.
 */
export async function briefOfReview(
  api: Pick<ReviewApi, 'openReview' | 'getDocumentText'>,
  reviewId: string,
  options: BuildBriefOptions,
): Promise<Result<Brief, Problem>> {
  const opened = await api.openReview({ reviewId });
  if (!opened.ok) return opened;
  const { review } = opened.value;
  const texts = new Map<string, string>();
  for (const document of review.documents) {
    const text = await api.getDocumentText({ documentId: document.id });
    if (!text.ok) return text;
    texts.set(document.id, text.value.text);
  }
  // Orphans and placements to check go to the appendix, never silently left out.
  const attention = review.sharing ? attentionFromSharing(review, review.sharing, texts) : {};
  return ok(buildBrief(review, texts, { ...attention, ...options }));
}
