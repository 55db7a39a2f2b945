// Sharing operations on an open review: what an annotation file holds, importing it (all or
// nothing), keeping the other version of a conflict, and confirming an approximate placement.
import { createHash } from 'node:crypto';
import { sourcesNeedingChoice, type UnplacedSource } from '../../core/annotations/document-choices';
import { importAnnotationJson } from '../../core/annotations/import-annotations';
import type { InvalidAnnotationFile } from '../../core/annotations/incoming-file';
import type { MergeSummary } from '../../core/annotations/merge';
import {
  annotationFileSizeProblem,
  parseAnnotationJson,
} from '../../core/annotations/parse-annotations';
import { flipConflict } from '../../core/annotations/resolve-conflict';
import { emptySharing } from '../../core/annotations/review-sharing';
import { fail, ok, type Problem, type Result } from '../../core/result';
import type { DocumentStore } from '../store/document-store';
import type { OpenReview } from './open-review';

/** An annotation file as it arrives from a host. */
export interface IncomingFile {
  fileName: string;
  bytes: Uint8Array;
  documentMatches?: Record<string, string>;
}

/** The sources of a file that the reviewer must place by choosing a document. */
export function describeAnnotationFile(
  open: OpenReview,
  file: IncomingFile,
): Result<{ needsChoice: UnplacedSource[] }, Problem> {
  const json = decodeAnnotationFile(file.fileName, file.bytes);
  if (!json.ok) return json;
  const parsed = parseAnnotationJson(json.value, { hashText: sha256Hex });
  if (!parsed.ok) return fail(withDetails(parsed.error));
  return ok({ needsChoice: sourcesNeedingChoice(open.review, parsed.value) });
}

/** Merges a file into the review, storing texts it adds; nothing changes when it fails. */
export async function importAnnotationFile(
  open: OpenReview,
  documents: DocumentStore,
  file: IncomingFile,
): Promise<Result<MergeSummary, Problem>> {
  const json = decodeAnnotationFile(file.fileName, file.bytes);
  if (!json.ok) return json;
  const texts = new Map<string, string>();
  for (const document of open.review.documents) {
    const text = await documents.get(document.id);
    if (text !== undefined) texts.set(document.id, text);
  }
  const merged = importAnnotationJson(
    { review: open.review, texts, sharing: open.review.sharing ?? emptySharing() },
    json.value,
    {
      hashText: sha256Hex,
      documentMatches: new Map(Object.entries(file.documentMatches ?? {})),
    },
  );
  if (!merged.ok) return fail(withDetails(merged.error));
  const { review, sharing, newTexts, summary } = merged.value;
  for (const [documentId, text] of newTexts) await documents.put(documentId, text);
  await open.update((current) => {
    current.documents = review.documents;
    current.tags = review.tags;
    current.reviewers = review.reviewers;
    current.sharing = sharing;
    for (const id of summary.documentsAdded) {
      if (current.panes.length < 4 && !current.panes.includes(id)) current.panes.push(id);
    }
  });
  // The merge replaced tags wholesale; earlier undo steps no longer describe this review.
  open.history.clear();
  return ok(summary);
}

/** Puts the set-aside version of a conflict in place of the kept one. */
export async function keepOtherVersion(
  open: OpenReview,
  tagId: string,
  now: string,
): Promise<Result<null, Problem>> {
  const sharing = open.review.sharing ?? emptySharing();
  const conflict = sharing.conflicts.find((c) => c.id === tagId);
  if (!conflict) {
    return fail({ code: 'no-such-conflict', message: 'That conflict is no longer listed.' });
  }
  const flipped = flipConflict(open.review, sharing, conflict, now);
  await open.update((review) => {
    review.tags = flipped.review.tags;
    review.sharing = flipped.sharing;
  });
  open.history.clear();
  return ok(null);
}

/** Clears the needs-review mark of a tag an import placed approximately. */
export async function confirmPlacement(
  open: OpenReview,
  tagId: string,
): Promise<Result<null, Problem>> {
  const sharing = open.review.sharing;
  if (!sharing?.needsReview.includes(tagId)) return ok(null);
  await open.update((review) => {
    review.sharing = { ...sharing, needsReview: sharing.needsReview.filter((id) => id !== tagId) };
  });
  return ok(null);
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
