import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyseReview } from '../core/analysis/claim-analysis';
import type { Review } from '../core/review/types';
import { at, problem, sentencesOf, tag, utf8, value } from '../../tests/support/service-harness';
import { createBackend, type Backend } from './compose';
import type { ReviewService } from './review-service';

const LETTER =
  'The letter says the troops will leave Iraq. ' +
  'The letter was confirmed to Reuters by an Iraqi military source. ' +
  'General Milley said the letter was a draft. Nobody else commented on the matter.\n';
const REPORT =
  'Liz Sly has confirmed the authenticity of the letter. ' +
  'Defense Secretary Esper says there is no decision to leave. The weather was cold.\n';

let dataDir: string;
let backend: Backend | undefined;
let ticks = 0;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'crosscheck-assessment-'));
  ticks = 0;
});

afterEach(async () => {
  await backend?.close();
  backend = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<ReviewService> {
  // A clock that moves, so an edit's `modified` differs from the one before it.
  const clock = () => new Date(Date.UTC(2026, 0, 1, 0, 0, ticks++)).toISOString();
  backend = await createBackend({ dataDir, author: 'Ana', clock });
  return backend.service;
}

/**
 * A review of the letter and a report: claim L0; confirmations L1 (Reuters) and R0 (Liz Sly);
 * contradictions L2 (Milley) and R1 (Esper), all linked to the claim.
 */
async function letterReview(service: ReviewService) {
  const reviewId = value(await service.createReview({ name: 'Iraq letter' })).id;
  const add = async (fileName: string, text: string) =>
    value(await service.addDocument({ reviewId, fileName, bytes: utf8(text) })).document.id;
  const letterId = await add('letter.txt', LETTER);
  const reportId = await add('report.txt', REPORT);
  const letter = await sentencesOf(service, letterId);
  const report = await sentencesOf(service, reportId);
  const claim = await tag(service, reviewId, letterId, at(letter, 0), 'claim');
  const evidence = async (
    documentId: string,
    span: { start: number; end: number },
    kind: 'confirmation' | 'contradiction',
  ) => {
    const id = await tag(service, reviewId, documentId, span, kind);
    value(await service.linkEvidence({ reviewId, evidenceId: id, claimId: claim }));
    return id;
  };
  return {
    reviewId,
    letterId,
    reportId,
    letter,
    claim,
    reuters: await evidence(letterId, at(letter, 1), 'confirmation'),
    sly: await evidence(reportId, at(report, 0), 'confirmation'),
    milley: await evidence(letterId, at(letter, 2), 'contradiction'),
    esper: await evidence(reportId, at(report, 1), 'contradiction'),
  };
}

async function reviewOf(service: ReviewService, reviewId: string): Promise<Review> {
  return value(await service.openReview({ reviewId })).review;
}

async function undoLabel(service: ReviewService, reviewId: string): Promise<string | undefined> {
  return value(await service.openReview({ reviewId })).history.undo;
}

function tagOf(review: Review, id: string) {
  const found = review.tags.find((t) => t.id === id);
  if (!found) throw new Error(`no tag ${id}`);
  return found;
}

describe('ReviewService.setFacet', () => {
  it('marks a link as speaking to the source, as one undo step, and the status follows', async () => {
    const service = await start();
    const r = await letterReview(service);
    const before = value(await service.openReview({ reviewId: r.reviewId })).revision;
    const { revision } = value(
      await service.setFacet({
        reviewId: r.reviewId,
        evidenceId: r.reuters,
        claimId: r.claim,
        facet: 'source',
      }),
    );
    expect(revision).toBe(before + 1);
    let review = await reviewOf(service, r.reviewId);
    expect(tagOf(review, r.reuters).facets).toEqual({ [r.claim]: 'source' });
    expect(await undoLabel(service, r.reviewId)).toBe('mark as speaking to the source');
    const claim = analyseReview(review).claims[0];
    expect([claim?.source.status, claim?.content.status]).toEqual(['confirmed', 'contested']);

    // The same facet again changes nothing.
    const again = value(
      await service.setFacet({
        reviewId: r.reviewId,
        evidenceId: r.reuters,
        claimId: r.claim,
        facet: 'source',
      }),
    );
    expect(again.revision).toBe(revision);

    expect(value(await service.undo({ reviewId: r.reviewId })).label).toBe(
      'mark as speaking to the source',
    );
    review = await reviewOf(service, r.reviewId);
    expect(tagOf(review, r.reuters).facets).toBeUndefined();
    value(await service.redo({ reviewId: r.reviewId }));
    review = await reviewOf(service, r.reviewId);
    expect(tagOf(review, r.reuters).facets).toEqual({ [r.claim]: 'source' });

    value(
      await service.setFacet({
        reviewId: r.reviewId,
        evidenceId: r.reuters,
        claimId: r.claim,
        facet: 'content',
      }),
    );
    expect(tagOf(await reviewOf(service, r.reviewId), r.reuters).facets).toBeUndefined();
    expect(await undoLabel(service, r.reviewId)).toBe('mark as speaking to the content');
  });

  it('refuses a tag that does not exist, a claim, and a link that does not exist, in plain words', async () => {
    const service = await start();
    const r = await letterReview(service);
    const facet = (evidenceId: string, claimId: string) =>
      service.setFacet({ reviewId: r.reviewId, evidenceId, claimId, facet: 'source' });
    expect(problem(await facet('nope', r.claim))).toMatchObject({
      code: 'no-such-tag',
      message: expect.stringMatching(/No tag with id nope exists/),
    });
    expect(problem(await facet(r.claim, r.claim))).toMatchObject({
      code: 'not-evidence',
      message: expect.stringMatching(/Only a confirmation or a contradiction/),
    });
    expect(problem(await facet(r.reuters, 'gone'))).toMatchObject({ code: 'no-such-tag' });
    expect(problem(await facet(r.reuters, r.milley))).toMatchObject({
      code: 'not-linked',
      message: expect.stringMatching(/not linked to that claim/),
    });
    expect(
      problem(
        await service.setFacet({
          reviewId: 'nope',
          evidenceId: r.reuters,
          claimId: r.claim,
          facet: 'source',
        }),
      ).code,
    ).toBe('no-such-review');
  });
});

describe('ReviewService.setAttribution', () => {
  it('adds a source, reuses it by name or alias whatever the case, and drops it when no tag uses it', async () => {
    const service = await start();
    const r = await letterReview(service);
    const reviewId = r.reviewId;
    const first = value(
      await service.setAttribution({ reviewId, tagId: r.reuters, source: ' Reuters ' }),
    );
    expect(first.sourceId).toEqual(expect.any(String));
    let review = await reviewOf(service, reviewId);
    expect(review.sources).toEqual([{ id: first.sourceId, name: 'Reuters' }]);
    expect(tagOf(review, r.reuters).sourceId).toBe(first.sourceId);
    expect(await undoLabel(service, reviewId)).toBe('attribute to Reuters');

    const second = value(
      await service.setAttribution({ reviewId, tagId: r.claim, source: 'REUTERS' }),
    );
    expect(second.sourceId).toBe(first.sourceId);
    review = await reviewOf(service, reviewId);
    expect(review.sources).toHaveLength(1);

    // An alias the reviewer gave matches too.
    const milley = value(
      await service.setAttribution({ reviewId, tagId: r.milley, source: 'Gen. Mark Milley' }),
    );
    value(
      await service.updateSource({
        reviewId,
        sourceId: milley.sourceId as string,
        aliases: ['Chairman of the Joint Chiefs'],
      }),
    );
    const byAlias = value(
      await service.setAttribution({
        reviewId,
        tagId: r.esper,
        source: 'chairman of the joint chiefs',
      }),
    );
    expect(byAlias.sourceId).toBe(milley.sourceId);

    // Clearing one of two uses keeps the source; clearing the last drops it.
    const cleared = value(await service.setAttribution({ reviewId, tagId: r.claim, source: null }));
    expect(cleared.sourceId).toBeUndefined();
    expect(await undoLabel(service, reviewId)).toBe('clear attribution');
    review = await reviewOf(service, reviewId);
    expect(tagOf(review, r.claim).sourceId).toBeUndefined();
    expect(review.sources?.map((s) => s.name)).toEqual(['Reuters', 'Gen. Mark Milley']);
    value(await service.setAttribution({ reviewId, tagId: r.reuters, source: null }));
    review = await reviewOf(service, reviewId);
    expect(review.sources?.map((s) => s.name)).toEqual(['Gen. Mark Milley']);

    // Undo brings the source back with the same id; redo drops it again.
    value(await service.undo({ reviewId }));
    review = await reviewOf(service, reviewId);
    expect(review.sources?.find((s) => s.name === 'Reuters')?.id).toBe(first.sourceId);
    expect(tagOf(review, r.reuters).sourceId).toBe(first.sourceId);
    value(await service.redo({ reviewId }));
    review = await reviewOf(service, reviewId);
    expect(tagOf(review, r.reuters).sourceId).toBeUndefined();
    expect(review.sources?.map((s) => s.name)).toEqual(['Gen. Mark Milley']);

    expect(
      problem(await service.setAttribution({ reviewId, tagId: 'nope', source: 'Reuters' })).code,
    ).toBe('no-such-tag');
  });
});

describe('ReviewService.suggestAttribution', () => {
  it('suggests from the sentence, then its neighbours, then the document’s outlet', async () => {
    const service = await start();
    const r = await letterReview(service);
    const reviewId = r.reviewId;
    expect(value(await service.suggestAttribution({ reviewId, tagId: r.reuters }))).toEqual({
      suggestion: { name: 'Reuters', reason: 'the sentence says “confirmed to Reuters”' },
    });
    const nobody = await tag(service, reviewId, r.letterId, at(r.letter, 3), 'confirmation');
    expect(value(await service.suggestAttribution({ reviewId, tagId: nobody })).suggestion).toEqual(
      {
        name: 'General Milley',
        reason: 'the previous sentence says “General Milley said”',
      },
    );
    // A known source is suggested under its own name.
    value(await service.setAttribution({ reviewId, tagId: r.milley, source: 'Gen. Mark Milley' }));
    expect(
      value(await service.suggestAttribution({ reviewId, tagId: nobody })).suggestion?.name,
    ).toBe('Gen. Mark Milley');

    const reportSentences = await sentencesOf(service, r.reportId);
    const weather = await tag(
      service,
      reviewId,
      r.reportId,
      at(reportSentences, 2),
      'confirmation',
    );
    const plain = value(await service.suggestAttribution({ reviewId, tagId: weather })).suggestion;
    expect(plain?.name).toBe('Defense Secretary Esper');
    value(
      await service.setDocumentMetadata({
        reviewId,
        documentId: r.reportId,
        metadata: { title: 'Report', outlet: 'The Washington Post' },
      }),
    );
    const lone = value(await service.createReview({ name: 'Lone' })).id;
    const only = value(
      await service.addDocument({
        reviewId: lone,
        fileName: 'w.txt',
        bytes: utf8('The weather was cold.\n'),
      }),
    ).document.id;
    value(
      await service.setDocumentMetadata({
        reviewId: lone,
        documentId: only,
        metadata: { title: 'Weather', outlet: 'The Washington Post' },
      }),
    );
    const cold = await tag(service, lone, only, at(await sentencesOf(service, only), 0), 'claim');
    expect(value(await service.suggestAttribution({ reviewId: lone, tagId: cold }))).toEqual({
      suggestion: { name: 'The Washington Post', reason: 'the document’s outlet' },
    });
    const metadataFree = value(await service.createReview({ name: 'Bare' })).id;
    value(
      await service.addDocument({
        reviewId: metadataFree,
        fileName: 'w.txt',
        bytes: utf8('The weather was cold.\n'),
      }),
    );
    const bare = await tag(
      service,
      metadataFree,
      only,
      at(await sentencesOf(service, only), 0),
      'claim',
    );
    expect(
      value(await service.suggestAttribution({ reviewId: metadataFree, tagId: bare })),
    ).toEqual({});
    expect(problem(await service.suggestAttribution({ reviewId, tagId: 'nope' })).code).toBe(
      'no-such-tag',
    );
  });
});

describe('ReviewService.setCredibility', () => {
  it('grades 2–6 freely, and 1 only once two independent origins agree', async () => {
    const service = await start();
    const r = await letterReview(service);
    const reviewId = r.reviewId;
    // Reuters and Liz Sly both confirm the claim; Reuters alone on the source facet is one origin.
    value(
      await service.setFacet({
        reviewId,
        evidenceId: r.reuters,
        claimId: r.claim,
        facet: 'source',
      }),
    );
    expect(
      problem(await service.setCredibility({ reviewId, tagId: r.reuters, credibility: 1 })),
    ).toMatchObject({
      code: 'not-confirmed',
      message: expect.stringMatching(/needs another independent origin/),
    });
    value(
      await service.setFacet({ reviewId, evidenceId: r.sly, claimId: r.claim, facet: 'source' }),
    );
    value(await service.setCredibility({ reviewId, tagId: r.reuters, credibility: 1 }));
    expect(tagOf(await reviewOf(service, reviewId), r.reuters).credibility).toBe(1);
    expect(await undoLabel(service, reviewId)).toBe('grade credibility 1');

    // Two items of one source are one origin: not enough for grade 1.
    value(await service.setAttribution({ reviewId, tagId: r.milley, source: 'Pentagon' }));
    value(await service.setAttribution({ reviewId, tagId: r.esper, source: 'Pentagon' }));
    expect(
      problem(await service.setCredibility({ reviewId, tagId: r.milley, credibility: 1 })).code,
    ).toBe('not-confirmed');
    value(await service.setCredibility({ reviewId, tagId: r.milley, credibility: 3 }));

    value(await service.setCredibility({ reviewId, tagId: r.reuters, credibility: null }));
    expect(tagOf(await reviewOf(service, reviewId), r.reuters).credibility).toBeUndefined();
    expect(await undoLabel(service, reviewId)).toBe('clear credibility');
    value(await service.undo({ reviewId }));
    expect(tagOf(await reviewOf(service, reviewId), r.reuters).credibility).toBe(1);
    value(await service.redo({ reviewId }));
    expect(tagOf(await reviewOf(service, reviewId), r.reuters).credibility).toBeUndefined();

    expect(
      problem(await service.setCredibility({ reviewId, tagId: r.claim, credibility: 2 })).code,
    ).toBe('not-evidence');
    expect(
      problem(await service.setCredibility({ reviewId, tagId: 'nope', credibility: 2 })).code,
    ).toBe('no-such-tag');
  });
});

describe('ReviewService.updateSource', () => {
  it('renames, sets aliases and grades a source, each one undo step, keeping its id', async () => {
    const service = await start();
    const r = await letterReview(service);
    const reviewId = r.reviewId;
    const { sourceId } = value(
      await service.setAttribution({ reviewId, tagId: r.milley, source: 'Milley' }),
    );
    const id = sourceId as string;
    value(
      await service.updateSource({
        reviewId,
        sourceId: id,
        name: 'Gen. Mark Milley',
        aliases: ['General Milley', 'general milley', 'Gen. Mark Milley', ' '],
      }),
    );
    let review = await reviewOf(service, reviewId);
    expect(review.sources).toEqual([{ id, name: 'Gen. Mark Milley', aliases: ['General Milley'] }]);
    expect(await undoLabel(service, reviewId)).toBe('edit source Gen. Mark Milley');

    value(await service.updateSource({ reviewId, sourceId: id, reliability: 'B' }));
    expect((await reviewOf(service, reviewId)).sources?.[0]?.reliability).toBe('B');
    expect(await undoLabel(service, reviewId)).toBe('grade Gen. Mark Milley B');
    value(await service.updateSource({ reviewId, sourceId: id, reliability: null }));
    expect((await reviewOf(service, reviewId)).sources?.[0]?.reliability).toBeUndefined();

    value(await service.undo({ reviewId }));
    value(await service.undo({ reviewId }));
    value(await service.undo({ reviewId }));
    review = await reviewOf(service, reviewId);
    expect(review.sources).toEqual([{ id, name: 'Milley' }]);
    value(await service.redo({ reviewId }));
    expect((await reviewOf(service, reviewId)).sources?.[0]?.name).toBe('Gen. Mark Milley');

    // Changing nothing makes no step.
    const { revision } = value(await service.openReview({ reviewId }));
    expect(
      value(await service.updateSource({ reviewId, sourceId: id, name: 'Gen. Mark Milley' }))
        .revision,
    ).toBe(revision);

    value(await service.setAttribution({ reviewId, tagId: r.esper, source: 'Mark Esper' }));
    expect(
      problem(await service.updateSource({ reviewId, sourceId: id, name: 'mark esper' })),
    ).toMatchObject({
      code: 'source-exists',
      message: expect.stringMatching(/already called “Mark Esper”/),
    });
    expect(
      problem(await service.updateSource({ reviewId, sourceId: 'nope', reliability: 'A' })),
    ).toMatchObject({
      code: 'no-such-source',
      message: expect.stringMatching(/No source with id nope/),
    });
    expect(
      problem(await service.updateSource({ reviewId, sourceId: 'nope', name: 'X' })).code,
    ).toBe('no-such-source');
    expect(problem(await service.updateSource({ reviewId, sourceId: id, name: '  ' })).code).toBe(
      'empty-name',
    );
  });
});

describe('ReviewService.setJudgement', () => {
  it('sets, replaces and clears the reviewer’s verdict on a claim, each one undo step', async () => {
    const service = await start();
    const r = await letterReview(service);
    const reviewId = r.reviewId;
    value(
      await service.setJudgement({
        reviewId,
        claimId: r.claim,
        judgement: {
          verdict: 'unlikely',
          confidence: 'moderate',
          rationale: '  A draft, sent by mistake. ',
        },
      }),
    );
    let review = await reviewOf(service, reviewId);
    expect(review.judgements).toEqual({
      [r.claim]: {
        verdict: 'unlikely',
        confidence: 'moderate',
        rationale: 'A draft, sent by mistake.',
        author: 'Ana',
        modified: expect.any(String),
      },
    });
    expect(await undoLabel(service, reviewId)).toBe('set verdict');
    value(
      await service.setJudgement({
        reviewId,
        claimId: r.claim,
        judgement: { verdict: 'very unlikely', confidence: 'high' },
      }),
    );
    expect((await reviewOf(service, reviewId)).judgements?.[r.claim]?.verdict).toBe(
      'very unlikely',
    );
    value(await service.setJudgement({ reviewId, claimId: r.claim, judgement: null }));
    expect((await reviewOf(service, reviewId)).judgements).toEqual({});
    expect(await undoLabel(service, reviewId)).toBe('clear verdict');

    value(await service.undo({ reviewId }));
    expect((await reviewOf(service, reviewId)).judgements?.[r.claim]?.verdict).toBe(
      'very unlikely',
    );
    value(await service.undo({ reviewId }));
    expect((await reviewOf(service, reviewId)).judgements?.[r.claim]?.verdict).toBe('unlikely');
    value(await service.undo({ reviewId }));
    review = await reviewOf(service, reviewId);
    expect(review.judgements).toEqual({});
    value(await service.redo({ reviewId }));
    expect((await reviewOf(service, reviewId)).judgements?.[r.claim]?.rationale).toBe(
      'A draft, sent by mistake.',
    );

    // Clearing a verdict that is not there changes nothing.
    const other = await tag(service, reviewId, r.letterId, at(r.letter, 3), 'claim');
    const { revision } = value(await service.openReview({ reviewId }));
    expect(
      value(await service.setJudgement({ reviewId, claimId: other, judgement: null })).revision,
    ).toBe(revision);

    expect(
      problem(
        await service.setJudgement({
          reviewId,
          claimId: r.reuters,
          judgement: { verdict: 'likely', confidence: 'low' },
        }),
      ),
    ).toMatchObject({
      code: 'not-a-claim',
      message: 'Only a claim can be given a verdict.',
    });
    expect(
      problem(
        await service.setJudgement({
          reviewId,
          claimId: 'nope',
          judgement: { verdict: 'likely', confidence: 'low' },
        }),
      ).code,
    ).toBe('no-such-tag');
  });
});

describe('ReviewService.setDocumentMetadata', () => {
  it('edits a document’s title, outlet, author, date and reference, as one undo step', async () => {
    const service = await start();
    const r = await letterReview(service);
    const reviewId = r.reviewId;
    value(
      await service.setDocumentMetadata({
        reviewId,
        documentId: r.reportId,
        metadata: {
          title: ' Iraq  report ',
          outlet: 'The Washington Post',
          author: 'Liz Sly',
          date: '2020-01-06',
          reference: 'https://example.org/report',
        },
      }),
    );
    let document = (await reviewOf(service, reviewId)).documents.find((d) => d.id === r.reportId);
    expect(document).toMatchObject({
      title: 'Iraq report',
      outlet: 'The Washington Post',
      author: 'Liz Sly',
      date: '2020-01-06',
      reference: 'https://example.org/report',
      fileName: 'report.txt',
    });
    expect(await undoLabel(service, reviewId)).toBe('edit document details');

    // An empty field clears it.
    value(
      await service.setDocumentMetadata({
        reviewId,
        documentId: r.reportId,
        metadata: { title: 'Iraq report', author: '' },
      }),
    );
    document = (await reviewOf(service, reviewId)).documents.find((d) => d.id === r.reportId);
    expect(document?.author).toBeUndefined();
    expect(document?.outlet).toBe('The Washington Post');

    value(await service.undo({ reviewId }));
    value(await service.undo({ reviewId }));
    document = (await reviewOf(service, reviewId)).documents.find((d) => d.id === r.reportId);
    expect([document?.title, document?.outlet]).toEqual(['report', undefined]);
    value(await service.redo({ reviewId }));
    document = (await reviewOf(service, reviewId)).documents.find((d) => d.id === r.reportId);
    expect([document?.title, document?.author]).toEqual(['Iraq report', 'Liz Sly']);

    expect(
      problem(
        await service.setDocumentMetadata({
          reviewId,
          documentId: r.reportId,
          metadata: { title: '   ' },
        }),
      ),
    ).toMatchObject({
      code: 'empty-title',
      message: 'A document needs a title; type one in.',
    });
    expect(
      problem(
        await service.setDocumentMetadata({
          reviewId,
          documentId: 'sha256:' + '0'.repeat(64),
          metadata: { title: 'X' },
        }),
      ).code,
    ).toBe('no-such-document');
  });
});

describe('ReviewService reviewer settings', () => {
  it('replies the OS user until a name is given, then the name, kept in settings.json', async () => {
    const service = await start();
    expect(value(await service.getReviewerSettings({}))).toEqual({ defaultName: 'Ana' });
    expect(value(await service.setReviewerName({ name: '  Liz  Sly ' }))).toEqual({
      reviewerName: 'Liz Sly',
      defaultName: 'Ana',
    });
    expect(problem(await service.setReviewerName({ name: ' ' })).code).toBe('empty-name');
    await backend?.close();
    backend = undefined;
    const again = await start();
    expect(value(await again.getReviewerSettings({}))).toEqual({
      reviewerName: 'Liz Sly',
      defaultName: 'Ana',
    });
  });
  it('writes new tags and verdicts by the name given, and adds it to the review’s reviewers', async () => {
    const service = await start();
    const r = await letterReview(service);
    const reviewId = r.reviewId;
    let review = await reviewOf(service, reviewId);
    expect(review.reviewers).toEqual(['Ana']);
    expect(tagOf(review, r.claim).author).toBe('Ana');

    value(await service.setReviewerName({ name: 'Liz Sly' }));
    const later = await tag(service, reviewId, r.letterId, at(r.letter, 3), 'claim');
    value(
      await service.setJudgement({
        reviewId,
        claimId: r.claim,
        judgement: { verdict: 'likely', confidence: 'low' },
      }),
    );
    review = await reviewOf(service, reviewId);
    expect(tagOf(review, later).author).toBe('Liz Sly');
    expect(tagOf(review, r.claim).author).toBe('Ana');
    expect(review.judgements?.[r.claim]?.author).toBe('Liz Sly');
    expect(review.reviewers).toEqual(['Ana', 'Liz Sly']);
    // Undo takes back the edit, not who worked on the review.
    value(await service.undo({ reviewId }));
    value(await service.undo({ reviewId }));
    expect((await reviewOf(service, reviewId)).reviewers).toEqual(['Ana', 'Liz Sly']);

    const fresh = value(await service.createReview({ name: 'Next' })).id;
    expect((await reviewOf(service, fresh)).reviewers).toEqual(['Liz Sly']);
    // Still so after a restart: the name is kept in the data folder's settings.json.
    await backend?.close();
    backend = undefined;
    const again = await start();
    const other = value(await again.createReview({ name: 'After restart' })).id;
    expect((await reviewOf(again, other)).reviewers).toEqual(['Liz Sly']);
    const settings = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as unknown;
    expect(settings).toMatchObject({ reviewerName: 'Liz Sly' });
  });
});
