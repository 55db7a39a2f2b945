// A large review for benchmarks: one document of numbered sentences and thousands of tags, the
// tags written into the review file directly (tagging them one by one would take minutes).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeAnchor } from '../src/core/review/anchor';
import { compareTags } from '../src/core/review/tag-edits';
import type { Review, Tag, TagKind } from '../src/core/review/types';
import type { Problem, Result } from '../src/core/result';
import { createBackend } from '../src/main/compose';
import { writeFileDurably } from '../src/main/store/durable-write';

/** Untagged sentences after the tagged ones, for benchmarks that tag fresh sentences. */
export const LARGE_REVIEW_SPARE_SENTENCES = 500;

const KINDS: readonly TagKind[] = ['claim', 'confirmation', 'contradiction'];

/** The value of a Result, or a thrown error (benchmarks stop on any failure). */
export function unwrap<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A document of numbered sentences, five to a paragraph. */
function benchText(sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) {
    parts.push(`Entry ${i + 1} of the benchmark log records one more fact.`);
    parts.push(i % 5 === 4 ? '\n\n' : ' ');
  }
  return parts.join('').trimEnd() + '\n';
}

/** What {@link buildLargeReview} made. */
export interface LargeReview {
  reviewId: string;
  reviewName: string;
  documentId: string;
  /** [start, end] of every sentence of the document. */
  spans: [number, number][];
  /** The review file, and its JSON as written. */
  path: string;
  json: string;
}

/**
 * Creates, in `dataDir`, a review whose first `tags` sentences are tagged claim, confirmation,
 * contradiction in turn, each piece of evidence linked to the claim before it, every tenth noted.
 */
export async function buildLargeReview(dataDir: string, tags: number): Promise<LargeReview> {
  const backend = await createBackend({ dataDir, author: 'bench' });
  const reviewName = 'Tagging benchmark';
  const reviewId = unwrap(await backend.service.createReview({ name: reviewName })).id;
  const added = unwrap(
    await backend.service.addDocument({
      reviewId,
      fileName: 'bench-log.txt',
      bytes: new TextEncoder().encode(benchText(tags + LARGE_REVIEW_SPARE_SENTENCES)),
    }),
  );
  const documentId = added.document.id;
  const { text, sentences } = unwrap(await backend.service.getDocumentText({ documentId }));
  await backend.close();
  const spans: [number, number][] = [];
  for (let i = 0; i < sentences.length; i += 2) {
    spans.push([sentences[i] as number, sentences[i + 1] as number]);
  }
  if (spans.length < tags + LARGE_REVIEW_SPARE_SENTENCES) {
    throw new Error(`only ${spans.length} sentences`);
  }

  const path = join(dataDir, 'reviews', `${reviewId}.json`);
  const review = JSON.parse(await readFile(path, 'utf8')) as Review;
  const now = new Date().toISOString();
  let lastClaim: string | undefined;
  for (let i = 0; i < tags; i++) {
    const [start, end] = spans[i] as [number, number];
    const kind = KINDS[i % KINDS.length] as TagKind;
    const tag: Tag = {
      id: randomUUID(),
      documentId,
      kind,
      anchor: makeAnchor(text, start, end),
      author: 'bench',
      created: now,
      modified: now,
    };
    if (kind === 'claim') lastClaim = tag.id;
    else if (lastClaim) tag.claimIds = [lastClaim];
    if (i % 10 === 0) tag.note = `A note on entry ${i + 1}.`;
    review.tags.push(tag);
  }
  review.tags.sort(compareTags);
  const json = JSON.stringify(review);
  await writeFileDurably(path, json);
  return { reviewId, reviewName, documentId, spans, path, json };
}
