import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem, Result } from '../../core/result';
import type { ReviewEvent } from '../../shared/review-api';
import { createBackend, type Backend } from '../compose';
import type { ReviewService } from '../review-service';

const LETTER =
  'The United States will withdraw its troops from Iraq within 30 days, the letter says. ' +
  'The letter was signed by General Seely.\n';
const STATEMENT =
  'The Pentagon said there is no decision to withdraw troops from Iraq. ' +
  'A spokesman confirmed that the letter is authentic. ' +
  'The weather in Baghdad was mild on Monday.\n';
const WIRE =
  'BAGHDAD, Jan 7 (Reuters) - US forces will pull out of Iraq within 30 days, an official said.\n';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function value<T>(result: Result<T, Problem>): T {
  if (!result.ok)
    throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

let dataDir: string;
let backend: Backend | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'crosscheck-suggest-'));
});

afterEach(async () => {
  await backend?.close();
  backend = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function startService(): Promise<ReviewService> {
  backend = await createBackend({ dataDir, author: 'Ana' });
  return backend.service;
}

/** A review of the letter and the statement, with the letter's first sentence as the claim. */
async function reviewWithClaim(service: ReviewService) {
  const reviewId = value(await service.createReview({ name: 'Iraq letter' })).id;
  const add = async (fileName: string, text: string) =>
    value(await service.addDocument({ reviewId, fileName, bytes: utf8(text) })).document.id;
  const letterId = await add('letter.txt', LETTER);
  const statementId = await add('statement.txt', STATEMENT);
  const claimEnd = LETTER.indexOf(' The letter was');
  const claimId = value(
    await service.tagSentence({
      reviewId,
      documentId: letterId,
      start: 0,
      end: claimEnd,
      kind: 'claim',
    }),
  ).tagId;
  value(await service.openReview({ reviewId }));
  await service.whenIndexed(reviewId);
  return { reviewId, letterId, statementId, claimId, add };
}

async function suggestionsFor(service: ReviewService, reviewId: string, claimId: string) {
  return value(await service.suggestEvidence({ reviewId, claimId }));
}

describe('SuggestionService.suggestEvidence', () => {
  it('suggests a contradiction and a confirmation with reasons, never the claim itself', async () => {
    const service = await startService();
    const { reviewId, claimId, statementId } = await reviewWithClaim(service);
    const list = await suggestionsFor(service, reviewId, claimId);
    expect(list.indexing).toBeUndefined();
    const denial = list.suggestions.find((s) => s.text.startsWith('The Pentagon said'));
    expect(denial).toMatchObject({ documentId: statementId, stance: 'contradiction' });
    expect(denial?.reasons.join('; ')).toMatch(/no decision to withdraw/);
    expect(list.suggestions.some((s) => s.text.startsWith('The United States will'))).toBe(false);
  });

  it('follows documents added and removed, and answers for an unknown claim in words', async () => {
    const service = await startService();
    const { reviewId, claimId, add } = await reviewWithClaim(service);
    const wireId = await add('wire.txt', WIRE);
    await service.whenIndexed(reviewId);
    const withWire = await suggestionsFor(service, reviewId, claimId);
    expect(withWire.suggestions.find((s) => s.documentId === wireId)?.stance).toBe('confirmation');
    value(await service.removeDocument({ reviewId, documentId: wireId }));
    await service.whenIndexed(reviewId);
    const without = await suggestionsFor(service, reviewId, claimId);
    expect(without.suggestions.some((s) => s.documentId === wireId)).toBe(false);
    const unknown = await service.suggestEvidence({ reviewId, claimId: 'nope' });
    expect(unknown.ok ? '' : unknown.error.message).toMatch(/claim is not in this review/);
  });

  it('indexes in steps with progress events, and other calls are served meanwhile', async () => {
    const service = await startService();
    const events: ReviewEvent[] = [];
    service.onEvent((e) => events.push(e));
    const reviewId = value(await service.createReview({ name: 'Big' })).id;
    const sentences = Array.from(
      { length: 3000 },
      (_, i) => `Officials in district ${i} reported ${i % 7} new wells.`,
    );
    const big = utf8(sentences.join(' ') + '\n');
    const documentId = value(
      await service.addDocument({ reviewId, fileName: 'big.txt', bytes: big }),
    ).document.id;
    const claimId = value(
      await service.tagSentence({
        reviewId,
        documentId,
        start: 0,
        end: sentences[0]!.length,
        kind: 'claim',
      }),
    ).tagId;
    value(await service.openReview({ reviewId }));
    const during = await suggestionsFor(service, reviewId, claimId);
    expect(during.indexing).toBeDefined();
    expect(during.indexing!.done).toBeLessThan(during.indexing!.total);
    // A call made while indexing runs is answered before indexing ends.
    let indexed = false;
    const whenIndexed = service.whenIndexed(reviewId).then(() => (indexed = true));
    value(await service.listReviews({}));
    expect(indexed).toBe(false);
    await whenIndexed;
    const progress = events.flatMap((e) => (e.name === 'suggestionIndex' ? [e.payload] : []));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({
      done: 3000,
      total: 3000,
      documents: { done: 1, total: 1 },
    });
    expect((await suggestionsFor(service, reviewId, claimId)).indexing).toBeUndefined();
  });
});

describe('SuggestionService.acceptSuggestion', () => {
  it('tags and links in one undo step, then no longer suggests the sentence', async () => {
    const service = await startService();
    const { reviewId, claimId } = await reviewWithClaim(service);
    const denial = (await suggestionsFor(service, reviewId, claimId)).suggestions.find(
      (s) => s.stance === 'contradiction',
    )!;
    const { documentId, start, end } = denial;
    const { tagId } = value(
      await service.acceptSuggestion({
        reviewId,
        claimId,
        documentId,
        start,
        end,
        kind: 'contradiction',
      }),
    );
    const review = value(await service.openReview({ reviewId })).review;
    expect(review.tags.find((t) => t.id === tagId)).toMatchObject({
      kind: 'contradiction',
      claimIds: [claimId],
      anchor: { start, end, exact: denial.text },
    });
    const again = await suggestionsFor(service, reviewId, claimId);
    expect(again.suggestions.some((s) => s.start === start && s.documentId === documentId)).toBe(
      false,
    );
    expect(value(await service.undo({ reviewId })).label).toBe('accept contradiction');
    const undone = value(await service.openReview({ reviewId })).review;
    expect(undone.tags.some((t) => t.id === tagId)).toBe(false);
    expect(undone.tags).toHaveLength(1);
  });

  it('marks a source facet, and refuses a claim or a sentence that is not whole', async () => {
    const service = await startService();
    const { reviewId, claimId, statementId, letterId } = await reviewWithClaim(service);
    const start = STATEMENT.indexOf('A spokesman');
    const end = STATEMENT.indexOf(' The weather');
    const base = { reviewId, claimId, documentId: statementId, kind: 'confirmation' as const };
    const { tagId } = value(
      await service.acceptSuggestion({ ...base, start, end, facet: 'source' }),
    );
    const tag = value(await service.openReview({ reviewId })).review.tags.find(
      (t) => t.id === tagId,
    );
    expect(tag?.facets).toEqual({ [claimId]: 'source' });
    const partial = await service.acceptSuggestion({ ...base, start, end: end - 3 });
    expect(partial.ok ? '' : partial.error.code).toBe('not-a-sentence');
    const onClaim = await service.acceptSuggestion({
      ...base,
      documentId: letterId,
      start: 0,
      end: LETTER.indexOf(' The letter was'),
    });
    expect(onClaim.ok ? '' : onClaim.error.code).toBe('is-a-claim');
  });
});

describe('SuggestionService.dismissSuggestion', () => {
  it('stores an anchored dismissal on disk, hides the sentence, and undo brings it back', async () => {
    const service = await startService();
    const { reviewId, claimId, statementId } = await reviewWithClaim(service);
    const start = STATEMENT.indexOf('A spokesman');
    const end = STATEMENT.indexOf(' The weather');
    const sentence = { reviewId, claimId, documentId: statementId, start, end };
    const visible = () =>
      suggestionsFor(service, reviewId, claimId).then((l) =>
        l.suggestions.some((s) => s.documentId === statementId && s.start === start),
      );
    expect(await visible()).toBe(true);
    const shared = { reviewId, claimId, documentId: statementId };
    const other = STATEMENT.indexOf('The Pentagon');
    value(
      await service.dismissSuggestion({
        ...shared,
        start: other,
        end: STATEMENT.indexOf(' A spokesman'),
      }),
    );
    value(await service.dismissSuggestion(sentence));
    // Dismissing twice changes nothing.
    const revision = value(await service.openReview({ reviewId })).revision;
    expect(value(await service.dismissSuggestion(sentence)).revision).toBe(revision);
    await service.flush();
    const onDisk = JSON.parse(await readFile(join(dataDir, 'reviews', `${reviewId}.json`), 'utf8'));
    expect(onDisk.dismissals).toHaveLength(2);
    expect(onDisk.dismissals[1]).toMatchObject({
      claimId,
      documentId: statementId,
      author: 'Ana',
      anchor: { start, end, exact: STATEMENT.slice(start, end), prefix: expect.any(String) },
    });
    expect(await visible()).toBe(false);
    expect(
      (await suggestionsFor(service, reviewId, claimId)).suggestions.some((s) => s.start === other),
    ).toBe(false);
    expect(value(await service.undo({ reviewId })).label).toBe('dismiss suggestion');
    expect(value(await service.openReview({ reviewId })).review.dismissals).toHaveLength(1);
  });
});
