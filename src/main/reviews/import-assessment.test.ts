// Importing an annotation file through the service keeps the reviewer's assessment: facets,
// sources, credibility, judgements (and a judgement conflict) and dismissals are saved in the
// review file and are there when the data folder is opened again.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assessedReview } from '../../../tests/support/assessed-review';
import { TempBackends, value } from '../../../tests/support/temp-backends';
import { BRIDGE_LETTER, BRIDGE_REPORT } from '../../../tests/support/test-reviews';
import type { Review } from '../../core/review/types';
import { annotationFileOf } from '../annotation-export';

const backends = new TempBackends();
afterEach(() => backends.cleanUp());

describe('importAnnotations with the reviewer’s assessment', () => {
  it('saves facets, sources, credibility, judgements, conflicts and dismissals', async () => {
    const dataDir = await backends.folder('crosscheck-assessment-');
    const backend = await backends.open(dataDir, 'Bo Lind', 9);
    const service = backend.service;
    const reviewId = value(await service.createReview({ name: 'Bridge' })).id;
    for (const [fileName, text] of [
      ['Report.txt', BRIDGE_REPORT],
      ['Letter.txt', BRIDGE_LETTER],
    ] as const) {
      value(
        await service.addDocument({ reviewId, fileName, bytes: new TextEncoder().encode(text) }),
      );
    }
    const { reviewer, ids } = assessedReview();
    const importFile = async (json: string, fileName: string) =>
      value(
        await service.importAnnotations({
          reviewId,
          fileName,
          bytes: new TextEncoder().encode(json),
          documentMatches: {},
        }),
      );
    const first = await importFile(reviewer.exportFile(), 'amal.crosscheck.json');
    expect(first).toMatchObject({
      added: 4,
      sourcesAdded: 3,
      judgementsChanged: 2,
      dismissalsAdded: 2,
    });
    // A colleague's later, different verdict on the claim: kept, Amal's set aside.
    const cy = reviewer.copyFor('Cy Ames');
    cy.judge(ids.claim, { verdict: 'likely', confidence: 'low' });
    const second = await importFile(cy.exportFile(), 'cy.crosscheck.json');
    expect(second).toMatchObject({ judgementConflicts: [{ claimId: ids.claim }] });
    await backends.close(backend);

    // On disk, and after opening the data folder again.
    const [name] = (await readdir(join(dataDir, 'reviews'))).filter((f) => f.endsWith('.json'));
    const stored = JSON.parse(
      await readFile(join(dataDir, 'reviews', name ?? ''), 'utf8'),
    ) as Review;
    expect(stored.sources?.map((s) => s.name)).toEqual([
      'Bridge Trust',
      'Reuters',
      'Gen. Mark Milley',
    ]);
    const again = (await backends.open(dataDir, 'Bo Lind', 10)).service;
    const { review } = value(await again.openReview({ reviewId }));
    const tag = (id: string) => review.tags.find((t) => t.id === id);
    expect(tag(ids.contradiction)).toMatchObject({
      facets: { [ids.claim]: 'source' },
      credibility: 3,
    });
    expect(review.sources?.find((s) => s.name === 'Reuters')).toMatchObject({
      aliases: ['Reuters News Agency'],
      reliability: 'B',
    });
    expect(review.judgements?.[ids.claim]).toMatchObject({ verdict: 'likely', author: 'Cy Ames' });
    expect(review.sharing?.judgementConflicts).toEqual([
      {
        claimId: ids.claim,
        kept: review.judgements?.[ids.claim],
        other: reviewer.review.judgements?.[ids.claim],
      },
    ]);
    expect(review.dismissals).toHaveLength(2);
    // And the review exports them again.
    const exported = value(await annotationFileOf(again, reviewId));
    expect(exported.text).toContain('"crosscheck:judgement"');
    expect(exported.text).toContain('"crosscheck:dismissals"');
  });
});
