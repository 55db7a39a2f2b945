// Validators for every ReviewApi call's arguments. The table's type makes a missing method a
// compile error, and both hosts validate with it before anything reaches the back end.
import { z } from 'zod';
import { documentIdSchema, tagKindSchema } from '../core/review/review-schema';
import type { ReviewApi, ReviewApiMethod } from './review-api';

const id = z.string().min(1).max(200);
const reviewName = z
  .string()
  .trim()
  .min(1, 'a review needs a name')
  .max(200, 'a review name has at most 200 characters');
const offset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const none = z.object({}).strict();

/** The validator of each method's single argument. */
export const REVIEW_API_ARGS: { [K in ReviewApiMethod]: z.ZodType<Parameters<ReviewApi[K]>[0]> } = {
  listReviews: none as z.ZodType<Record<string, never>>,
  createReview: z.object({ name: reviewName }).strict(),
  renameReview: z.object({ reviewId: id, name: reviewName }).strict(),
  deleteReview: z.object({ reviewId: id }).strict(),
  openReview: z.object({ reviewId: id }).strict(),
  getClaims: z.object({ reviewId: id }).strict(),
  openSampleReview: none as z.ZodType<Record<string, never>>,
  addDocument: z
    .object({
      reviewId: id,
      fileName: z.string().min(1).max(1000),
      bytes: z.instanceof(Uint8Array),
    })
    .strict(),
  removeDocument: z.object({ reviewId: id, documentId: documentIdSchema }).strict(),
  getDocumentText: z.object({ documentId: documentIdSchema }).strict(),
  setPanes: z.object({ reviewId: id, documentIds: z.array(documentIdSchema).max(4) }).strict(),
  tagSentence: z
    .object({
      reviewId: id,
      documentId: documentIdSchema,
      start: offset,
      end: offset,
      kind: tagKindSchema,
    })
    .strict()
    .refine((a) => a.end > a.start, 'a sentence ends after it starts'),
  removeTag: z.object({ reviewId: id, tagId: id }).strict(),
  setNote: z.object({ reviewId: id, tagId: id, note: z.string().max(10_000) }).strict(),
  linkEvidence: z.object({ reviewId: id, evidenceId: id, claimId: id }).strict(),
  unlinkEvidence: z.object({ reviewId: id, evidenceId: id, claimId: id }).strict(),
  undo: z.object({ reviewId: id }).strict(),
  redo: z.object({ reviewId: id }).strict(),
  annotationFileDocuments: z
    .object({
      reviewId: id,
      fileName: z.string().min(1).max(1000),
      bytes: z.instanceof(Uint8Array),
    })
    .strict(),
  importAnnotations: z
    .object({
      reviewId: id,
      fileName: z.string().min(1).max(1000),
      bytes: z.instanceof(Uint8Array),
      documentMatches: z.record(z.string().min(1).max(2000), documentIdSchema).optional(),
    })
    .strict(),
  resolveConflict: z
    .object({ reviewId: id, tagId: id, action: z.enum(['keep-other', 'accept', 'dismiss']) })
    .strict(),
  confirmPlacement: z.object({ reviewId: id, tagId: id }).strict(),
};

/** Validates a call's argument; the message names the first wrong field in plain words. */
export function validateArgs<K extends ReviewApiMethod>(
  method: K,
  args: unknown,
): { ok: true; value: Parameters<ReviewApi[K]>[0] } | { ok: false; message: string } {
  const result = REVIEW_API_ARGS[method].safeParse(args);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? `“${issue.path.join('.')}”: ` : '';
  return {
    ok: false,
    message: `Invalid ${method} request: ${field}${issue?.message ?? 'invalid'}.`,
  };
}
