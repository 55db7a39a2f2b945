// Sharing operations on an open review: what an annotation file holds, importing it (all or
// nothing), keeping the other version of a conflict (of a tag or of a verdict), and confirming an
// approximate placement.
import { createHash } from 'node:crypto';
import { sourcesNeedingChoice, type UnplacedSource } from '../../core/annotations/document-choices';
import { invalidFile, type InvalidAnnotationFile } from '../../core/annotations/incoming-file';
import { mergeReviewFile } from '../../core/annotations/merge-review-file';
import {
  annotationFileSizeProblem,
  parseAnnotationJson,
  type ParseOptions,
} from '../../core/annotations/parse-annotations';
import { flipConflict, withoutFoldEchoes } from '../../core/annotations/resolve-conflict';
import { emptySharing } from '../../core/annotations/review-sharing';
import {
  findJudgementConflict,
  settleJudgementConflict,
  verdictsFollowClaim,
  type ConflictAction,
} from '../../core/annotations/settle-judgement-conflict';
import { batch, diffTags, type ReviewFieldsChange } from '../../core/review/review-change';
import type { ReviewSharing } from '../../core/review/sharing';
import type { Review, TagKind } from '../../core/review/types';
import { fail, ok, type Problem, type Result } from '../../core/result';
import type { ImportOutcome, Revision } from '../../shared/review-api';
import type { DocumentStore } from '../store/document-store';
import { fsReason } from '../store/fs-problem';
import type { PlannedEdit } from './assessment-ops';
import type { OpenReview } from './open-review';

/** An annotation file as it arrives from a host. */
export interface IncomingFile {
  fileName: string;
  bytes: Uint8Array;
  documentMatches?: Record<string, string>;
  /** Other tools' labels (any case) → the kind the reviewer says each stands for. */
  labelMap?: Record<string, TagKind>;
}

/** How to read a file: with the native hash and the reviewer's label choices. */
function parseOptions(file: IncomingFile): ParseOptions {
  return { hashText: sha256Hex, ...(file.labelMap ? { labelMap: file.labelMap } : {}) };
}

/** The sources of a file that the reviewer must place by choosing a document. */
export function describeAnnotationFile(
  open: OpenReview,
  file: IncomingFile,
): Result<{ needsChoice: UnplacedSource[] }, Problem> {
  const json = decodeAnnotationFile(file.fileName, file.bytes);
  if (!json.ok) return json;
  const parsed = parseAnnotationJson(json.value, parseOptions(file));
  if (!parsed.ok) return fail(withDetails(parsed.error));
  return ok({ needsChoice: sourcesNeedingChoice(open.review, parsed.value) });
}

/**
 * Merges a file into the review, storing texts it adds; nothing changes when it fails. Without
 * `documentMatches`, a file whose documents need the reviewer's choice is not merged: the reply
 * lists the choices, and the file is parsed once either way.
 */
export async function importAnnotationFile(
  open: OpenReview,
  documents: DocumentStore,
  file: IncomingFile,
): Promise<Result<ImportOutcome, Problem>> {
  const json = decodeAnnotationFile(file.fileName, file.bytes);
  if (!json.ok) return json;
  const parsed = parseAnnotationJson(json.value, parseOptions(file));
  if (!parsed.ok) return fail(withDetails(parsed.error));
  if (!file.documentMatches) {
    const needsChoice = sourcesNeedingChoice(open.review, parsed.value);
    if (needsChoice.length > 0) return ok({ needsChoice });
  }
  const texts = new Map<string, string>();
  for (const document of open.review.documents) {
    const text = await documents.get(document.id);
    if (text !== undefined) texts.set(document.id, text);
  }
  const before = open.review;
  const merged = mergeReviewFile(
    { review: before, texts, sharing: before.sharing ?? emptySharing() },
    parsed.value,
    { documentMatches: new Map(Object.entries(file.documentMatches ?? {})) },
  );
  if (!merged.ok) return fail(withDetails(invalidFile(merged.error.code, merged.error.message)));
  const { review, newTexts } = merged.value;
  const sharing = {
    ...merged.value.sharing,
    conflicts: withoutFoldEchoes(review, merged.value.sharing.conflicts, merged.value.sharing),
  };
  const summary = {
    ...merged.value.summary,
    conflicts: withoutFoldEchoes(review, merged.value.summary.conflicts, merged.value.sharing),
  };
  // Texts first: a review must never name a document whose text is not stored.
  try {
    for (const [documentId, text] of newTexts) await documents.put(documentId, text);
  } catch (error) {
    return fail({
      code: 'not-saved',
      message: `“${file.fileName}” was not imported: the texts it brings could not be saved in the data folder (${fsReason(error)}); nothing changed, so free some space or check the folder, then import it again.`,
    });
  }
  const panes = [...before.panes];
  for (const id of summary.documentsAdded) {
    if (panes.length < 4 && !panes.includes(id)) panes.push(id);
  }
  // The merge replaced tags wholesale; earlier undo steps no longer describe this review.
  open.history.clear();
  const { sources, judgements, dismissals } = review;
  const revision = await open.commit(
    batch(
      { kind: 'tags', patches: diffTags(before.tags, review.tags) },
      {
        kind: 'review',
        fields: {
          documents: review.documents,
          reviewers: review.reviewers,
          sharing,
          panes,
          ...(sources ? { sources } : {}),
          ...(judgements ? { judgements } : {}),
          ...(dismissals ? { dismissals } : {}),
        },
      },
    ),
  );
  return ok({ ...summary, revision });
}

/**
 * Settles a listed conflict: 'keep-other' puts the set-aside version in place of the kept one,
 * 'accept' and 'dismiss' keep the current one; each takes the conflict off the list.
 */
export async function resolveConflict(
  open: OpenReview,
  tagId: string,
  action: 'keep-other' | 'accept' | 'dismiss',
  now: string,
): Promise<Result<Revision, Problem>> {
  const before = open.review;
  const sharing = before.sharing ?? emptySharing();
  const conflict = sharing.conflicts.find((c) => c.id === tagId);
  if (!conflict) {
    return fail({ code: 'no-such-conflict', message: 'That conflict is no longer listed.' });
  }
  if (action !== 'keep-other') {
    const conflicts = sharing.conflicts.filter((c) => c !== conflict);
    const revision = await open.commit({
      kind: 'review',
      fields: { sharing: { ...sharing, conflicts } },
    });
    return ok({ revision });
  }
  const flipped = flipConflict(before, sharing, conflict, now);
  // Keeping the other version of a folded claim: its verdict stays with the sentence.
  const followed =
    conflict.kept.kind === 'claim' && before.judgements
      ? verdictsFollowClaim(
          before.judgements,
          flipped.sharing.judgementConflicts ?? [],
          conflict.kept.id,
          conflict.other.id,
        )
      : undefined;
  const fields: ReviewFieldsChange = followed
    ? {
        judgements: followed.judgements,
        sharing: {
          ...flipped.sharing,
          ...(followed.conflicts.length > 0 ? { judgementConflicts: followed.conflicts } : {}),
        },
      }
    : { sharing: flipped.sharing };
  open.history.clear();
  const revision = await open.commit(
    batch(
      { kind: 'tags', patches: diffTags(before.tags, flipped.review.tags) },
      { kind: 'review', fields },
    ),
  );
  return ok({ revision });
}

/** What the reviewer chose for a verdict conflict, and which conflict it is. */
export interface JudgementConflictChoice {
  claimId: string;
  /** When the conflict's set-aside verdict was changed: tells a claim's conflicts apart. */
  otherModified: string;
  action: ConflictAction;
}

const VERDICT_LABELS: Record<ConflictAction, string> = {
  'keep-other': 'use the set-aside verdict',
  accept: 'keep the verdict in use',
  dismiss: 'dismiss a verdict conflict',
};

/**
 * Plans settling a verdict conflict as one undo step over the `judgements` and `sharing` fields
 * (see settleJudgementConflict); a conflict no longer listed is refused in plain words.
 */
export function planJudgementConflict(
  review: Review,
  choice: JudgementConflictChoice,
  now: string,
): Result<PlannedEdit, Problem> {
  const sharing = review.sharing ?? emptySharing();
  const listed = sharing.judgementConflicts ?? [];
  const conflict = findJudgementConflict(listed, choice.claimId, choice.otherModified);
  if (!conflict) {
    return fail({
      code: 'no-such-conflict',
      message: 'That verdict conflict is no longer listed; it may have been settled already.',
    });
  }
  if (choice.action === 'keep-other' && !review.tags.some((t) => t.id === choice.claimId)) {
    return fail({
      code: 'no-such-tag',
      message:
        'The claim of that verdict conflict is no longer in this review, so its verdict cannot change; dismiss the conflict instead.',
    });
  }
  const judgements = review.judgements ?? {};
  const settled = settleJudgementConflict(judgements, listed, conflict, choice.action, now);
  const { judgementConflicts: _, ...rest } = sharing;
  const after: ReviewSharing =
    settled.conflicts.length > 0 ? { ...rest, judgementConflicts: settled.conflicts } : rest;
  const label = VERDICT_LABELS[choice.action];
  return ok(
    choice.action === 'keep-other'
      ? { label, patches: [], fields: { judgements: settled.judgements, sharing: after } }
      : { label, patches: [], fields: { sharing: after } },
  );
}

/** Clears the needs-review mark of a tag an import placed approximately. */
export async function confirmPlacement(
  open: OpenReview,
  tagId: string,
): Promise<Result<Revision, Problem>> {
  const sharing = open.review.sharing;
  if (!sharing?.needsReview.includes(tagId)) return ok({ revision: open.revision });
  const needsReview = sharing.needsReview.filter((id) => id !== tagId);
  const revision = await open.commit({
    kind: 'review',
    fields: { sharing: { ...sharing, needsReview } },
  });
  return ok({ revision });
}

/** An annotation file's bytes as text: within the size cap, and UTF-8. */
function decodeAnnotationFile(fileName: string, bytes: Uint8Array): Result<string, Problem> {
  const tooLarge = annotationFileSizeProblem(bytes.length);
  if (tooLarge) return fail(tooLarge);
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail({
      code: 'not-utf8',
      message: `“${fileName}” is not a UTF-8 text file, so it cannot be an annotation file.`,
    });
  }
}

/** A refusal with its first few listed problems folded into the message. */
function withDetails(error: InvalidAnnotationFile): Problem {
  const more = error.details.filter((d) => d !== error.message).slice(0, 5);
  return {
    code: error.code,
    message: more.length > 0 ? `${error.message} ${more.join(' ')}` : error.message,
  };
}

function sha256Hex(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}
