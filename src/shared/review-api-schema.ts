// The one declaration of every ReviewApi call: its argument validator and its reply type. The
// ReviewApi type (review-api.ts) and the method list (review-api-methods.ts) derive from this
// table, and both hosts validate with it (serveCall) before anything reaches the back end.
import { z } from 'zod';
import type { UnplacedSource } from '../core/annotations/document-choices';
import { documentIdSchema, tagKindSchema } from '../core/review/review-schema';
import { ESTIMATIVE_WORDS } from '../core/review/assessment';
import type { ReviewSummary } from '../core/review/types';
import { CONFLICT_TAG_FIELDS, REVIEW_FIELDS } from '../core/sync/review-doc';
import type { SyncConflict } from '../core/sync/sync-conflict';
import type {
  AddedDocument,
  DocumentText,
  ImportOutcome,
  ReviewList,
  ReviewSnapshot,
  ReviewerSettings,
  Revision,
  SuggestionList,
  SyncStatus,
  UnseenTag,
  TeamSyncInfo,
} from './review-api';

const id = z.string().min(1).max(200);
const reviewName = z
  .string()
  .trim()
  .min(1, 'a review needs a name')
  .max(200, 'a review name has at most 200 characters');
const offset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const none = z.object({}).strict();
const reviewOnly = z.object({ reviewId: id }).strict();
const tagOfReview = z.object({ reviewId: id, tagId: id }).strict();
const linkFields = { reviewId: id, evidenceId: id, claimId: id };
const link = z.object(linkFields).strict();
const facet = z.enum(['source', 'content']);
const sentenceOfReview = { reviewId: id, documentId: documentIdSchema, start: offset, end: offset };
const personName = z
  .string()
  .trim()
  .min(1, 'a name cannot be empty')
  .max(200, 'a name has at most 200 characters');
const shortField = z.string().trim().max(2000);
const fileOfReview = {
  reviewId: id,
  fileName: z.string().min(1).max(1000),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes of a file'),
};

/** Which register of a shared review a sync conflict is in: a tag's field, or a review field. */
const syncTarget = z.union([
  z
    .object({
      tagId: id,
      field: z.enum(CONFLICT_TAG_FIELDS as unknown as [string, ...string[]]),
    })
    .strict(),
  z.object({ field: z.enum(REVIEW_FIELDS) }).strict(),
]);

/** A call: its argument validator, and (as a type only) what it replies on success. */
interface Call<Args extends z.ZodType, Reply> {
  args: Args;
  /** Never set: carries the reply type for ReviewApi. */
  reply?: { type: Reply };
}

function call<Reply>(): <Args extends z.ZodType>(args: Args) => Call<Args, Reply> {
  return (args) => ({ args });
}

/** Every call the renderer can make, by name. */
export const REVIEW_CALLS = {
  /** The reviews in the data folder (from their headers), and notices about unreadable files. */
  listReviews: call<ReviewList>()(none),
  createReview: call<ReviewSummary>()(z.object({ name: reviewName }).strict()),
  renameReview: call<ReviewSummary & Revision>()(
    z.object({ reviewId: id, name: reviewName }).strict(),
  ),
  deleteReview: call<null>()(reviewOnly),
  /** The review as it is now; called on open and when an event was missed. Writes nothing. */
  openReview: call<ReviewSnapshot>()(reviewOnly),
  openSampleReview: call<ReviewSummary>()(none),
  addDocument: call<AddedDocument & Revision>()(z.object(fileOfReview).strict()),
  removeDocument: call<Revision>()(
    z.object({ reviewId: id, documentId: documentIdSchema }).strict(),
  ),
  getDocumentText: call<DocumentText>()(z.object({ documentId: documentIdSchema }).strict()),
  /** The documents shown in panes, left to right: window state, so `modified` is not touched. */
  setPanes: call<Revision>()(
    z.object({ reviewId: id, documentIds: z.array(documentIdSchema).max(4) }).strict(),
  ),
  tagSentence: call<{ tagId: string } & Revision>()(
    z
      .object({
        reviewId: id,
        documentId: documentIdSchema,
        start: offset,
        end: offset,
        kind: tagKindSchema,
      })
      .strict()
      .refine((a) => a.end > a.start, 'a sentence ends after it starts'),
  ),
  removeTag: call<Revision>()(tagOfReview),
  setNote: call<Revision>()(
    z.object({ reviewId: id, tagId: id, note: z.string().max(10_000) }).strict(),
  ),
  linkEvidence: call<Revision>()(link),
  unlinkEvidence: call<Revision>()(link),
  undo: call<{ label?: string } & Revision>()(reviewOnly),
  redo: call<{ label?: string } & Revision>()(reviewOnly),
  /** Documents of an annotation file that need the reviewer to choose where they go. */
  annotationFileDocuments: call<{ needsChoice: UnplacedSource[] }>()(
    z.object(fileOfReview).strict(),
  ),
  /**
   * Merges a colleague's annotation file (.crosscheck.json) into the review: all or nothing.
   * `documentMatches` maps a file's document (id or source) to the review document it is. When a
   * document of the file needs a choice that `documentMatches` does not make, nothing is merged
   * and the reply lists what to choose (`needsChoice`), so one call suffices otherwise.
   */
  importAnnotations: call<ImportOutcome>()(
    z
      .object({
        ...fileOfReview,
        documentMatches: z.record(z.string().min(1).max(2000), documentIdSchema).optional(),
        labelMap: z.record(z.string().min(1).max(200), tagKindSchema).optional(),
      })
      .strict(),
  ),
  /**
   * Settles a conflict an import listed. 'keep-other' puts the set-aside version in place (links
   * follow the claim the merge folded it into) and lists the conflict the other way round, so
   * nothing is lost; 'accept' (the current version) or 'dismiss' take it off the list.
   */
  resolveConflict: call<Revision>()(
    z
      .object({
        reviewId: id,
        tagId: id,
        action: z.enum(['keep-other', 'accept', 'dismiss']),
      })
      .strict(),
  ),
  /**
   * Settles a verdict conflict an import listed: the claim's conflict whose set-aside verdict was
   * changed at `otherModified` (so a repeated click cannot flip it back). 'keep-other' puts that
   * verdict in place and lists the replaced one the other way round; 'accept' (the verdict in
   * use) or 'dismiss' take it off the list. One undo step.
   */
  resolveJudgementConflict: call<Revision>()(
    z
      .object({
        reviewId: id,
        claimId: id,
        otherModified: z.string().min(1).max(100),
        action: z.enum(['keep-other', 'accept', 'dismiss']),
      })
      .strict(),
  ),
  /** Confirms a tag that an import placed approximately. */
  confirmPlacement: call<Revision>()(tagOfReview),

  // What the evidence speaks to, who says it, and the reviewer's verdict (issue 9). Each edit is
  // one undo step.
  /** Says whether an evidence→claim link speaks to the claim's source or its content. */
  setFacet: call<Revision>()(z.object({ ...linkFields, facet }).strict()),
  /**
   * Who says it: attributes a tag to a source by name, matched to the review's sources by name
   * or alias (case-insensitive) or added as a new one; `null` clears the attribution.
   */
  setAttribution: call<{ sourceId?: string } & Revision>()(
    z.object({ reviewId: id, tagId: id, source: personName.nullable() }).strict(),
  ),
  /** The attribution suggested from the sentence and its neighbours, and the pattern that found it. */
  suggestAttribution: call<{ suggestion?: { name: string; reason: string } }>()(tagOfReview),
  /** Information credibility (Admiralty 1–6) of an evidence item; 1 needs ≥ 2 independent origins. */
  setCredibility: call<Revision>()(
    z
      .object({
        reviewId: id,
        tagId: id,
        credibility: z.number().int().min(1).max(6).nullable(),
      })
      .strict(),
  ),
  /** Renames a source, sets its aliases, or grades its reliability (A–F; `null` clears it). */
  updateSource: call<Revision>()(
    z
      .object({
        reviewId: id,
        sourceId: id,
        name: personName.optional(),
        aliases: z.array(personName).max(50).optional(),
        reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).nullable().optional(),
      })
      .strict(),
  ),
  /** The reviewer's verdict on a claim (estimative word, confidence, rationale); `null` clears it. */
  setJudgement: call<Revision>()(
    z
      .object({
        reviewId: id,
        claimId: id,
        judgement: z
          .object({
            verdict: z.enum(ESTIMATIVE_WORDS.map((w) => w.word) as [string, ...string[]]),
            confidence: z.enum(['high', 'moderate', 'low']),
            rationale: shortField.optional(),
          })
          .strict()
          .nullable(),
      })
      .strict(),
  ),
  /** What a document is: title, outlet, author, date, reference (empty strings clear a field). */
  setDocumentMetadata: call<Revision>()(
    z
      .object({
        reviewId: id,
        documentId: documentIdSchema,
        metadata: z
          .object({
            title: z.string().trim().min(1, 'a document needs a title').max(500),
            outlet: shortField.optional(),
            author: shortField.optional(),
            date: shortField.optional(),
            reference: shortField.optional(),
          })
          .strict(),
      })
      .strict(),
  ),
  /** Who is reviewing: the name new tags are written by (asked once on first run). */
  getReviewerSettings: call<ReviewerSettings>()(none),
  setReviewerName: call<ReviewerSettings>()(z.object({ name: personName }).strict()),

  // Suggested evidence (issue 10).
  /**
   * Sentences of the review's documents that likely confirm or contradict a claim, best first,
   * with reasons; never the claim itself, linked evidence, or dismissed sentences. While the
   * documents are still being indexed the reply says how far it got (`indexing`), and
   * `suggestionIndex` events report progress.
   */
  suggestEvidence: call<SuggestionList>()(
    z
      .object({ reviewId: id, claimId: id, top: z.number().int().min(1).max(100).optional() })
      .strict(),
  ),
  /** Tags a suggested sentence as evidence and links it to the claim at once: one undo step. */
  acceptSuggestion: call<{ tagId: string } & Revision>()(
    z
      .object({
        ...sentenceOfReview,
        claimId: id,
        kind: z.enum(['confirmation', 'contradiction']),
        facet: facet.optional(),
      })
      .strict()
      .refine((a) => a.end > a.start, 'a sentence ends after it starts'),
  ),
  /** Dismisses a suggested sentence for a claim (stored in the review, merged, undoable). */
  dismissSuggestion: call<Revision>()(
    z
      .object({ ...sentenceOfReview, claimId: id })
      .strict()
      .refine((a) => a.end > a.start, 'a sentence ends after it starts'),
  ),

  // Team sync (issue 14).
  /** Concurrent edits of a synced review that wait for a reviewer's pick (none when not synced). */
  getSyncConflicts: call<{ conflicts: SyncConflict[] }>()(reviewOnly),
  /** How a review's team sync stands and who else has it open (null: the review is not synced). */
  getSyncStatus: call<{ status: SyncStatus | null }>()(reviewOnly),
  /**
   * Keeps one version of a sync conflict: the value written by `actor` (each side of a conflict
   * comes from a different actor). It is written to the shared document, which settles the
   * conflict for every teammate, and applied here as one undo step.
   */
  resolveSyncConflict: call<Revision>()(
    z.object({ reviewId: id, target: syncTarget, actor: z.string().min(1).max(200) }).strict(),
  ),

  // New from others (issue 14): tags teammates added or changed since this reviewer looked.
  /** The tags new from teammates, oldest first (none when the review is not synced). */
  getUnseen: call<{ tags: UnseenTag[] }>()(reviewOnly),
  /** Forgets that tags are new: those looked at (`tagIds`), or `all`; replies what is left. */
  markSeen: call<{ tags: UnseenTag[] }>()(
    z
      .object({
        reviewId: id,
        tagIds: z.array(id).max(10_000).optional(),
        all: z.literal(true).optional(),
      })
      .strict()
      .refine((a) => a.all === true || a.tagIds !== undefined, 'name the tags seen, or all'),
  ),
  // Connecting a review to the team's sync server from the app (issue 14). The secret goes in and
  // is kept by main; no reply carries it.
  /** The review's stored sync settings and whether it syncs now. */
  getTeamSync: call<TeamSyncInfo>()(reviewOnly),
  /**
   * Starts syncing the review and stores the settings, so it syncs again on the next start: shares
   * it (a new document, or the one shared before) without `documentUrl`, joins that document with
   * it. Without `token`, the stored one is used.
   */
  startTeamSync: call<TeamSyncInfo>()(
    z
      .object({
        reviewId: id,
        serverUrl: z.string().trim().min(1, 'enter the sync server’s address').max(2000),
        token: z.string().trim().min(1).max(256).optional(),
        documentUrl: z.string().trim().min(1).max(2000).optional(),
      })
      .strict(),
  ),
  /** Stops syncing the review (edits stay local); `forget` also removes its server and secret. */
  stopTeamSync: call<TeamSyncInfo>()(
    z.object({ reviewId: id, forget: z.boolean().optional() }).strict(),
  ),
};

/** The name of a ReviewApi call. */
export type ReviewApiMethod = keyof typeof REVIEW_CALLS;

/** The arguments of a call, as sent. */
export type CallArgs<K extends ReviewApiMethod> = z.input<(typeof REVIEW_CALLS)[K]['args']>;

/** What a call replies on success. */
export type CallReply<K extends ReviewApiMethod> = NonNullable<
  (typeof REVIEW_CALLS)[K]['reply']
>['type'];

/** Validates a call's argument; the message names the first wrong field in plain words. */
export function validateArgs<K extends ReviewApiMethod>(
  method: K,
  args: unknown,
): { ok: true; value: CallArgs<K> } | { ok: false; message: string } {
  const result = REVIEW_CALLS[method].args.safeParse(args);
  if (result.success) return { ok: true, value: result.data as CallArgs<K> };
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? `“${issue.path.join('.')}”: ` : '';
  return {
    ok: false,
    message: `Invalid ${method} request: ${field}${issue?.message ?? 'invalid'}.`,
  };
}
