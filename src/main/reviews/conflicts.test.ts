// Conflicts an import lists, settled through the service: keeping the set-aside version keeps
// its evidence counting for the claim the merge folded, and accept / dismiss shorten the list.
import { afterEach, describe, expect, it } from 'vitest';
import { TempBackends, value } from '../../../tests/support/temp-backends';
import { claimsWithEvidence } from '../../core/review/claim-status';
import { annotationFileOf } from '../annotation-export';
import type { ReviewService } from '../review-service';

const LETTER =
  'The letter says the troops will leave Iraq. Reuters confirmed the letter independently. ' +
  'The general called the letter a draft.\n';

const backends = new TempBackends();
afterEach(() => backends.cleanUp());

/** A back end of its own whose clock starts at `hour` o'clock and ticks a second per reading. */
async function reviewer(author: string, hour: number): Promise<ReviewService> {
  const dataDir = await backends.folder(`crosscheck-conflict-${author}-`);
  return (await backends.open(dataDir, author, hour)).service;
}

/** A review with the letter, its first sentence a claim and its second evidence linked to it. */
async function tagged(service: ReviewService, evidence: 'confirmation' | 'contradiction') {
  const reviewId = value(await service.createReview({ name: 'Letter' })).id;
  const bytes = new TextEncoder().encode(LETTER);
  const documentId = value(await service.addDocument({ reviewId, fileName: 'letter.txt', bytes }))
    .document.id;
  const { sentences } = value(await service.getDocumentText({ documentId }));
  const span = (i: number) => ({
    start: sentences[2 * i] as number,
    end: sentences[2 * i + 1] as number,
  });
  const claim = value(
    await service.tagSentence({ reviewId, documentId, ...span(0), kind: 'claim' }),
  ).tagId;
  const proof = value(
    await service.tagSentence({ reviewId, documentId, ...span(1), kind: evidence }),
  ).tagId;
  value(await service.linkEvidence({ reviewId, evidenceId: proof, claimId: claim }));
  return { reviewId, claim, proof };
}

async function claimsOf(service: ReviewService, reviewId: string) {
  return claimsWithEvidence(value(await service.openReview({ reviewId })).review.tags).map((c) => ({
    claim: c.claim.id,
    status: c.status,
    confirmations: c.confirmations.map((t) => t.id),
    contradictions: c.contradictions.map((t) => t.id),
  }));
}

async function conflictsOf(service: ReviewService, reviewId: string) {
  return value(await service.openReview({ reviewId })).review.sharing?.conflicts ?? [];
}

/** A and B tag the same claim; A contradicts it, B (later) confirms it; B gets A's file. */
async function twoReviewers() {
  const a = await reviewer('A', 9);
  const b = await reviewer('B', 10);
  const mineA = await tagged(a, 'contradiction');
  const mineB = await tagged(b, 'confirmation');
  const file = value(await annotationFileOf(a, mineA.reviewId));
  const args = {
    reviewId: mineB.reviewId,
    fileName: 'a.crosscheck.json',
    bytes: new TextEncoder().encode(file.text),
    documentMatches: {},
  };
  return { b, mineA, mineB, args };
}

describe('settling conflicts', () => {
  it('keeping the set-aside evidence keeps it linked to the claim the merge folded, across imports', async () => {
    const { b, mineA, mineB, args } = await twoReviewers();
    value(await b.importAnnotations(args));
    // B's later versions stay: the claim A made is folded into B's, A's contradiction set aside.
    expect(await claimsOf(b, mineB.reviewId)).toEqual([
      { claim: mineB.claim, status: 'confirmed', confirmations: [mineB.proof], contradictions: [] },
    ]);
    const evidenceConflict = (await conflictsOf(b, mineB.reviewId)).find(
      (c) => c.id === mineB.proof,
    );
    expect(evidenceConflict?.other).toMatchObject({ id: mineA.proof, kind: 'contradiction' });

    value(
      await b.resolveConflict({
        reviewId: mineB.reviewId,
        tagId: mineB.proof,
        action: 'keep-other',
      }),
    );
    const settled = [
      {
        claim: mineB.claim,
        status: 'contradicted',
        confirmations: [],
        contradictions: [mineA.proof],
      },
    ];
    expect(await claimsOf(b, mineB.reviewId)).toEqual(settled);

    // Importing the same file again changes nothing about it: the link stays.
    const before = await conflictsOf(b, mineB.reviewId);
    const again = value(await b.importAnnotations(args));
    expect(again).toMatchObject({ conflicts: [] });
    expect(await claimsOf(b, mineB.reviewId)).toEqual(settled);
    // …nor lists the file's version of it as a conflict again: it differs only in pointing at the
    // claim that was folded.
    expect(await conflictsOf(b, mineB.reviewId)).toEqual(before);
  });

  it('accepting or dismissing a conflict takes it off the list; keeping the other lists it flipped', async () => {
    const { b, mineA, mineB, args } = await twoReviewers();
    value(await b.importAnnotations(args));
    const listed = await conflictsOf(b, mineB.reviewId);
    expect(listed.map((c) => c.id).sort()).toEqual([mineB.claim, mineB.proof].sort());

    const kept = value(
      await b.resolveConflict({
        reviewId: mineB.reviewId,
        tagId: mineB.proof,
        action: 'keep-other',
      }),
    );
    const flipped = await conflictsOf(b, mineB.reviewId);
    expect(flipped).toHaveLength(2);
    expect(flipped.find((c) => c.id === mineA.proof)?.other).toMatchObject({ id: mineB.proof });

    const accepted = value(
      await b.resolveConflict({ reviewId: mineB.reviewId, tagId: mineA.proof, action: 'accept' }),
    );
    expect(accepted.revision).toBe(kept.revision + 1);
    expect((await conflictsOf(b, mineB.reviewId)).map((c) => c.id)).toEqual([mineB.claim]);
    value(
      await b.resolveConflict({ reviewId: mineB.reviewId, tagId: mineB.claim, action: 'dismiss' }),
    );
    expect(await conflictsOf(b, mineB.reviewId)).toEqual([]);
    // The kept versions are untouched by settling.
    expect(await claimsOf(b, mineB.reviewId)).toEqual([
      {
        claim: mineB.claim,
        status: 'contradicted',
        confirmations: [],
        contradictions: [mineA.proof],
      },
    ]);
    expect(
      await b.resolveConflict({ reviewId: mineB.reviewId, tagId: mineB.claim, action: 'dismiss' }),
    ).toMatchObject({ ok: false, error: { code: 'no-such-conflict' } });
  });

  it('keeping the other version of a folded claim takes its verdict and verdict conflict along', async () => {
    const a = await reviewer('A', 9);
    const b = await reviewer('B', 10);
    const mineA = await tagged(a, 'contradiction');
    const mineB = await tagged(b, 'confirmation');
    const judge = (
      service: ReviewService,
      reviewId: string,
      claimId: string,
      word: 'likely' | 'unlikely',
    ) =>
      service.setJudgement({ reviewId, claimId, judgement: { verdict: word, confidence: 'high' } });
    value(await judge(a, mineA.reviewId, mineA.claim, 'unlikely'));
    value(await judge(b, mineB.reviewId, mineB.claim, 'likely'));
    const file = value(await annotationFileOf(a, mineA.reviewId));
    const reviewId = mineB.reviewId;
    value(
      await b.importAnnotations({
        reviewId,
        fileName: 'a.crosscheck.json',
        bytes: new TextEncoder().encode(file.text),
        documentMatches: {},
      }),
    );
    const before = value(await b.openReview({ reviewId })).review;
    expect(before.sharing?.judgementConflicts).toMatchObject([
      { claimId: mineB.claim, kept: { verdict: 'likely' }, other: { verdict: 'unlikely' } },
    ]);
    value(await b.resolveConflict({ reviewId, tagId: mineB.claim, action: 'keep-other' }));
    const { review } = value(await b.openReview({ reviewId }));
    expect(review.tags.map((t) => t.id)).toContain(mineA.claim);
    expect(review.tags.map((t) => t.id)).not.toContain(mineB.claim);
    expect(review.judgements).toEqual({ [mineA.claim]: before.judgements?.[mineB.claim] });
    expect(review.sharing?.judgementConflicts).toMatchObject([
      { claimId: mineA.claim, kept: { verdict: 'likely' }, other: { verdict: 'unlikely' } },
    ]);
  });
});
