// Test support for back-end service tests: unwrapping Results, a review's sentences as spans, and
// tagging one of them through the service.
import type { Problem, Result } from '../../src/core/result';
import type { TagKind } from '../../src/core/review/types';
import type { ReviewService } from '../../src/main/review-service';

/** The value of a Result that must be a success. */
export function value<T>(result: Result<T, Problem>): T {
  if (!result.ok)
    throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The problem of a Result that must be a failure. */
export function problem<T>(result: Result<T, Problem>): Problem {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

/** UTF-8 bytes of a text, as a file would bring them. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A document's sentences as the service segments them. */
export async function sentencesOf(
  service: ReviewService,
  documentId: string,
): Promise<{ start: number; end: number }[]> {
  const { sentences } = value(await service.getDocumentText({ documentId }));
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < sentences.length; i += 2) {
    spans.push({ start: sentences[i] as number, end: sentences[i + 1] as number });
  }
  return spans;
}

/** Item `index` of a list, which must be there. */
export function at<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

/** Tags one sentence through the service; resolves with the tag's id. */
export async function tag(
  service: ReviewService,
  reviewId: string,
  documentId: string,
  span: { start: number; end: number },
  kind: TagKind,
): Promise<string> {
  return value(await service.tagSentence({ reviewId, documentId, ...span, kind })).tagId;
}
