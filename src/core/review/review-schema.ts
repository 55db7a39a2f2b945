// Validation of review data read from disk: a file that does not match is never trusted.
import { z } from 'zod';
import { REVIEW_SCHEMA_VERSION, type Review } from './types';

/** A `sha256:<hex>` document id. */
export const documentIdSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a sha256:<hex> id');

/** A tag's kind. */
export const tagKindSchema = z.enum(['claim', 'confirmation', 'contradiction']);

const anchorSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  })
  .refine((a) => a.end > a.start && a.end - a.start === a.exact.length, {
    message: 'the anchor’s end must follow its start by the length of its quote',
  });

const tagFields = {
  id: z.string().min(1),
  documentId: documentIdSchema,
  kind: tagKindSchema,
  note: z.string().optional(),
  claimIds: z.array(z.string().min(1)).optional(),
  author: z.string(),
  created: z.string(),
  modified: z.string(),
};

const tagSchema = z.object({ ...tagFields, anchor: anchorSchema });

const orphanSchema = z.object({
  ...tagFields,
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  reason: z.string(),
});

const sharingSchema = z.object({
  orphans: z.array(orphanSchema),
  needsReview: z.array(z.string()),
  removed: z.array(z.object({ id: z.string(), removed: z.string(), author: z.string() })),
  conflicts: z.array(
    z.object({
      id: z.string(),
      kept: z.union([tagSchema, orphanSchema]),
      other: z.union([tagSchema, orphanSchema]),
    }),
  ),
});

const documentSchema = z.object({
  id: documentIdSchema,
  title: z.string(),
  fileName: z.string(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
  bom: z.boolean(),
  lineEndings: z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']),
  originalSha256: documentIdSchema,
  imported: z.string(),
});

/** The whole review file. */
export const reviewSchema = z.object({
  schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string().min(1),
  created: z.string(),
  modified: z.string(),
  reviewers: z.array(z.string()),
  documents: z.array(documentSchema),
  tags: z.array(tagSchema),
  panes: z.array(documentIdSchema),
  sharing: sharingSchema.optional(),
});

/** Checks unknown data (a parsed review file); the problem names the first wrong field. */
export function parseReview(
  data: unknown,
): { ok: true; value: Review } | { ok: false; error: string } {
  const result = reviewSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data as Review };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the file';
  return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` };
}
