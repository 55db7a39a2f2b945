// Validation of review data read from disk: a file that does not match is never trusted.
import { z } from 'zod';
import { ESTIMATIVE_WORDS } from './assessment';
import { upgradeReview } from './migrate-review';
import { REVIEW_SCHEMA_VERSION, type Review, type ReviewSchemaVersion } from './types';

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
  facets: z.record(z.string().min(1), z.literal('source')).optional(),
  sourceId: z.string().min(1).optional(),
  credibility: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)])
    .optional(),
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

const judgementSchema = z.object({
  verdict: z.enum(ESTIMATIVE_WORDS.map((w) => w.word) as [string, ...string[]]),
  confidence: z.enum(['high', 'moderate', 'low']),
  rationale: z.string().optional(),
  author: z.string(),
  modified: z.string(),
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
  judgementConflicts: z
    .array(z.object({ claimId: z.string().min(1), kept: judgementSchema, other: judgementSchema }))
    .optional(),
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
  outlet: z.string().optional(),
  author: z.string().optional(),
  date: z.string().optional(),
  reference: z.string().optional(),
});

const sourceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).optional(),
});

const dismissalSchema = z.object({
  claimId: z.string().min(1),
  documentId: documentIdSchema,
  anchor: anchorSchema,
  author: z.string(),
  created: z.string(),
});

const versionSchema = z.union([z.literal(1), z.literal(REVIEW_SCHEMA_VERSION)]);

/** The whole review file, of the current version or one that migrates to it. */
const reviewSchema = z.object({
  schemaVersion: versionSchema,
  id: z.string().min(1),
  name: z.string().min(1),
  created: z.string(),
  modified: z.string(),
  reviewers: z.array(z.string()),
  documents: z.array(documentSchema),
  tags: z.array(tagSchema),
  panes: z.array(documentIdSchema),
  sharing: sharingSchema.optional(),
  sources: z.array(sourceSchema).optional(),
  judgements: z.record(z.string().min(1), judgementSchema).optional(),
  dismissals: z.array(dismissalSchema).optional(),
});

/**
 * Checks unknown data (a parsed review file) and brings it to the current schema version; `from`
 * is the version the data had (see needsMigration for the backup). The problem names the first
 * wrong field.
 */
export function migrateReview(
  data: unknown,
):
  | { ok: true; value: { review: Review; from: ReviewSchemaVersion } }
  | { ok: false; error: string } {
  const result = reviewSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the file';
    return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, value: upgradeReview(result.data as Review) };
}

/** Checks unknown data (a parsed review file); the review comes back at the current version. */
export function parseReview(
  data: unknown,
): { ok: true; value: Review } | { ok: false; error: string } {
  const result = migrateReview(data);
  return result.ok ? { ok: true, value: result.value.review } : result;
}
