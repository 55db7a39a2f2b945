// Settling a verdict conflict through the service: keeping the set-aside verdict lists the
// replaced one instead (nothing lost), is one undo step, and what is settled is saved.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assessedReview } from '../../../tests/support/assessed-review';
import { TempBackends, value } from '../../../tests/support/temp-backends';
import { BRIDGE_LETTER, BRIDGE_REPORT } from '../../../tests/support/test-reviews';
import type { Review } from '../../core/review/types';

const backends = new TempBackends();
afterEach(() => backends.cleanUp());

/** A review that imported Amal's file, then Cy's later verdict on the same claim. */
async function reviewWithConflict() {
  const dataDir = await backends.folder('crosscheck-verdicts-');
  const backend = await backends.open(dataDir, 'Bo Lind', 9);
  const { service } = backend;
  const reviewId = value(await service.createReview({ name: 'Bridge' })).id;
  for (const [fileName, text] of [
    ['Report.txt', BRIDGE_REPORT],
    ['Letter.txt', BRIDGE_LETTER],
  ] as const) {
    value(await service.addDocument({ reviewId, fileName, bytes: new TextEncoder().encode(text) }));
  }
  const { reviewer, ids } = assessedReview();
  const cy = reviewer.copyFor('Cy Ames');
  cy.judge(ids.claim, { verdict: 'likely', confidence: 'low' });
  for (const [who, fileName] of [
    [reviewer, 'amal.crosscheck.json'],
    [cy, 'cy.crosscheck.json'],
  ] as const) {
    value(
      await service.importAnnotations({
        reviewId,
        fileName,
        bytes: new TextEncoder().encode(who.exportFile()),
        documentMatches: {},
      }),
    );
  }
  const review = async () => value(await service.openReview({ reviewId })).review;
  const amal = reviewer.review.judgements?.[ids.claim];
  const cyVerdict = (await review()).judgements?.[ids.claim];
  if (!amal || !cyVerdict) throw new Error('the fixture has no verdicts');
  return { dataDir, backend, service, reviewId, claimId: ids.claim, amal, cyVerdict, review };
}

describe('resolveJudgementConflict', () => {
  it('keeping the set-aside verdict lists the replaced one, as one undo step', async () => {
    const { service, reviewId, claimId, amal, cyVerdict, review } = await reviewWithConflict();
    expect((await review()).sharing?.judgementConflicts).toEqual([
      { claimId, kept: cyVerdict, other: amal },
    ]);
    const settle = (otherModified: string, action: 'keep-other' | 'accept' | 'dismiss') =>
      service.resolveJudgementConflict({ reviewId, claimId, otherModified, action });

    value(await settle(amal.modified, 'keep-other'));
    const kept = (await review()).judgements?.[claimId];
    expect(kept).toMatchObject({
      verdict: 'unlikely',
      confidence: 'moderate',
      rationale: 'The letter gives another figure.',
      author: 'Amal Haddad',
    });
    expect((await review()).sharing?.judgementConflicts).toEqual([
      { claimId, kept, other: cyVerdict },
    ]);
    // A second click on the same button finds the conflict settled: it does not flip back.
    const again = await settle(amal.modified, 'keep-other');
    expect(again).toMatchObject({ ok: false, error: { code: 'no-such-conflict' } });

    expect(value(await service.undo({ reviewId }))).toMatchObject({
      label: 'use the set-aside verdict',
    });
    expect((await review()).judgements?.[claimId]).toEqual(cyVerdict);
    expect((await review()).sharing?.judgementConflicts).toEqual([
      { claimId, kept: cyVerdict, other: amal },
    ]);
    value(await service.redo({ reviewId }));
    expect((await review()).judgements?.[claimId]).toEqual(kept);
  });

  it.each(['accept', 'dismiss'] as const)(
    '%s keeps the verdict in use and takes the conflict off the list, on disk too',
    async (action) => {
      const { dataDir, backend, service, reviewId, claimId, amal, cyVerdict, review } =
        await reviewWithConflict();
      value(
        await service.resolveJudgementConflict({
          reviewId,
          claimId,
          otherModified: amal.modified,
          action,
        }),
      );
      expect((await review()).judgements?.[claimId]).toEqual(cyVerdict);
      expect((await review()).sharing?.judgementConflicts).toBeUndefined();
      await backends.close(backend);
      const [name] = (await readdir(join(dataDir, 'reviews'))).filter((f) => f.endsWith('.json'));
      const stored = JSON.parse(
        await readFile(join(dataDir, 'reviews', name ?? ''), 'utf8'),
      ) as Review;
      expect(stored.judgements?.[claimId]).toEqual(cyVerdict);
      expect(stored.sharing?.judgementConflicts).toBeUndefined();
    },
  );

  it('refuses, in plain words, a conflict that is not listed or a claim that is gone', async () => {
    const { service, reviewId, claimId, amal } = await reviewWithConflict();
    const unknown = await service.resolveJudgementConflict({
      reviewId,
      claimId,
      otherModified: '2001-01-01T00:00:00.000Z',
      action: 'keep-other',
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('no longer listed') },
    });
    value(await service.removeTag({ reviewId, tagId: claimId }));
    const gone = await service.resolveJudgementConflict({
      reviewId,
      claimId,
      otherModified: amal.modified,
      action: 'keep-other',
    });
    expect(gone).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('dismiss the conflict instead') },
    });
    value(
      await service.resolveJudgementConflict({
        reviewId,
        claimId,
        otherModified: amal.modified,
        action: 'dismiss',
      }),
    );
  });
});
