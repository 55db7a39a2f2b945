import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MergeSummary } from '../core/annotations/merge';
import { analyseReview } from '../core/analysis/claim-analysis';
import { claimsWithEvidence } from '../core/review/claim-status';
import { parseReview } from '../core/review/review-schema';
import type { ImportOutcome } from '../shared/review-api';
import { createBackend, type Backend } from './compose';
import type { ReviewService } from './review-service';
import { annotationFileOf } from './annotation-export';
import { DataDirInUseError } from './store/data-dir-lock';
import { at, problem, sentencesOf, tag, utf8, value } from '../../tests/support/service-harness';

const SAMPLES = 'resources/samples';

const LETTER =
  'The letter says the troops will leave Iraq. Reuters confirmed the letter independently. ' +
  'The general called the letter a draft. Nobody else commented on the matter.\n\n' +
  'A second paragraph starts here. It has one more sentence.\n';
const REPORT =
  'A second source confirmed the withdrawal plan. Officials denied everything on Tuesday.\n';

function utf16leWithBom(text: string): Uint8Array {
  return new Uint8Array(Buffer.from('\ufeff' + text, 'utf16le'));
}

/** The claims of a review with their status, as the workspace derives them. */
async function claimsOf(service: ReviewService, reviewId: string) {
  return claimsWithEvidence(value(await service.openReview({ reviewId })).review.tags);
}

/** The summary of an import that merged (not one that asks for document choices). */
function mergedSummary(outcome: ImportOutcome): MergeSummary & { revision: number } {
  if ('needsChoice' in outcome) throw new Error('expected a merge, got document choices');
  return outcome;
}

let dataDir: string;
let backend: Backend | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'crosscheck-service-'));
});

afterEach(async () => {
  await backend?.close();
  backend = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<ReviewService> {
  backend = await createBackend({ dataDir, samplesDir: SAMPLES, author: 'Ana' });
  return backend.service;
}

async function restart(): Promise<ReviewService> {
  await backend?.close();
  backend = undefined;
  return start();
}

/** A review with the letter (and optionally the report) added; sentences as [start, end]. */
async function reviewWithDocuments(service: ReviewService, withReport = false) {
  const reviewId = value(await service.createReview({ name: 'Iraq letter' })).id;
  const letter = value(
    await service.addDocument({ reviewId, fileName: 'letter.txt', bytes: utf8(LETTER) }),
  );
  const report = withReport
    ? value(await service.addDocument({ reviewId, fileName: 'report.txt', bytes: utf8(REPORT) }))
    : undefined;
  return {
    reviewId,
    letterId: letter.document.id,
    reportId: report?.document.id ?? '',
    letter: await sentencesOf(service, letter.document.id),
    report: report ? await sentencesOf(service, report.document.id) : [],
  };
}

describe('reviews', () => {
  it('creates, lists, renames and deletes reviews', async () => {
    const service = await start();
    expect(value(await service.listReviews({}))).toEqual({ reviews: [], notices: [] });
    const first = value(await service.createReview({ name: '  First case  ' }));
    expect(first.name).toBe('First case');
    const second = value(await service.createReview({ name: 'Second case' }));
    expect(
      value(await service.listReviews({}))
        .reviews.map((r) => r.name)
        .sort(),
    ).toEqual(['First case', 'Second case']);

    const renamed = value(await service.renameReview({ reviewId: first.id, name: 'Renamed' }));
    expect(renamed).toMatchObject({ id: first.id, name: 'Renamed' });
    value(await service.deleteReview({ reviewId: second.id }));
    expect(value(await service.listReviews({})).reviews.map((r) => r.name)).toEqual(['Renamed']);
    expect(await readdir(join(dataDir, 'reviews'))).toEqual([`${first.id}.json`]);
    expect(problem(await service.openReview({ reviewId: second.id })).code).toBe('no-such-review');
    expect(problem(await service.renameReview({ reviewId: second.id, name: 'x' })).code).toBe(
      'no-such-review',
    );
  });
});

describe('documents', () => {
  it('adds a document from bytes and returns its text and sentences', async () => {
    const service = await start();
    const reviewId = value(await service.createReview({ name: 'Docs' })).id;
    const added = value(
      await service.addDocument({ reviewId, fileName: 'notes/letter.txt', bytes: utf8(LETTER) }),
    );
    expect(added.alreadyPresent).toBe(false);
    expect(added.document).toMatchObject({
      title: 'letter',
      fileName: 'notes/letter.txt',
      encoding: 'utf-8',
      lineEndings: 'lf',
    });
    expect(added.document.id).toMatch(/^sha256:[0-9a-f]{64}$/);

    const text = value(await service.getDocumentText({ documentId: added.document.id }));
    expect(text.text).toBe(LETTER);
    const quotes = (await sentencesOf(service, added.document.id)).map((s) =>
      LETTER.slice(s.start, s.end),
    );
    expect(quotes).toEqual([
      'The letter says the troops will leave Iraq.',
      'Reuters confirmed the letter independently.',
      'The general called the letter a draft.',
      'Nobody else commented on the matter.',
      'A second paragraph starts here.',
      'It has one more sentence.',
    ]);
    const review = value(await service.openReview({ reviewId })).review;
    expect(review.documents.map((d) => d.id)).toEqual([added.document.id]);
    expect(review.panes).toEqual([added.document.id]);
  });

  it('recognises the same text in another encoding and line-ending style as already present', async () => {
    const service = await start();
    const reviewId = value(await service.createReview({ name: 'Twice' })).id;
    const first = value(
      await service.addDocument({ reviewId, fileName: 'a.txt', bytes: utf8(LETTER) }),
    );
    const again = value(
      await service.addDocument({
        reviewId,
        fileName: 'a-windows.txt',
        bytes: utf16leWithBom(LETTER.replace(/\n/g, '\r\n')),
      }),
    );
    expect(again.alreadyPresent).toBe(true);
    expect(again.document.id).toBe(first.document.id);
    expect(value(await service.openReview({ reviewId })).review.documents).toHaveLength(1);
  });

  it('refuses empty and binary files with one plain sentence', async () => {
    const service = await start();
    const reviewId = value(await service.createReview({ name: 'Refusals' })).id;
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const nuls = Uint8Array.from([1, 0, 0, 0, 7, 0, 200, 0, 0, 3, 0, 0, 0, 0, 9, 9]);
    for (const [fileName, bytes, pattern] of [
      ['empty.txt', new Uint8Array(0), /“empty\.txt” is empty/],
      ['picture.txt', png, /“picture\.txt” looks like a PNG image, not a text file/],
      ['data.bin', nuls, /“data\.bin” looks like a binary file/],
    ] as const) {
      const refused = problem(await service.addDocument({ reviewId, fileName, bytes }));
      expect(refused.message).toMatch(pattern);
      expect(refused.message).not.toMatch(/\n|\bat \S+:\d+/);
    }
    expect(value(await service.openReview({ reviewId })).review.documents).toEqual([]);
    expect(await readdir(join(dataDir, 'documents'))).toEqual([]);
  });
});

describe('tags', () => {
  it('tags a sentence, changes its kind and removes it', async () => {
    const service = await start();
    const { reviewId, letterId, letter } = await reviewWithDocuments(service);
    const span = at(letter, 0);
    const tagId = await tag(service, reviewId, letterId, span, 'claim');
    let tags = value(await service.openReview({ reviewId })).review.tags;
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatchObject({
      id: tagId,
      documentId: letterId,
      kind: 'claim',
      author: 'Ana',
      anchor: { ...span, exact: 'The letter says the troops will leave Iraq.', prefix: '' },
    });

    expect(await tag(service, reviewId, letterId, span, 'contradiction')).toBe(tagId);
    tags = value(await service.openReview({ reviewId })).review.tags;
    expect(tags.map((t) => [t.id, t.kind])).toEqual([[tagId, 'contradiction']]);

    value(await service.removeTag({ reviewId, tagId }));
    expect(value(await service.openReview({ reviewId })).review.tags).toEqual([]);
    expect(problem(await service.removeTag({ reviewId, tagId })).code).toBe('no-such-tag');
  });

  it('refuses to tag anything but a whole sentence', async () => {
    const service = await start();
    const { reviewId, letterId, letter } = await reviewWithDocuments(service);
    const first = at(letter, 0);
    const second = at(letter, 1);
    for (const span of [
      { start: first.start + 1, end: first.end },
      { start: first.start, end: first.end - 1 },
      { start: first.start, end: second.end },
      { start: first.end, end: second.start },
      { start: LETTER.length + 5, end: LETTER.length + 10 },
    ]) {
      const refused = problem(
        await service.tagSentence({ reviewId, documentId: letterId, ...span, kind: 'claim' }),
      );
      expect(refused.code).toBe('not-a-sentence');
      expect(refused.message).toMatch(/Only whole sentences can be tagged/);
    }
    const otherReview = value(await service.createReview({ name: 'Other' })).id;
    expect(
      problem(
        await service.tagSentence({
          reviewId: otherReview,
          documentId: letterId,
          ...first,
          kind: 'claim',
        }),
      ).code,
    ).toBe('no-such-document');
    expect(value(await service.openReview({ reviewId })).review.tags).toEqual([]);
  });

  it('sets, replaces and clears a note', async () => {
    const service = await start();
    const { reviewId, letterId, letter } = await reviewWithDocuments(service);
    const tagId = await tag(service, reviewId, letterId, at(letter, 2), 'contradiction');
    value(await service.setNote({ reviewId, tagId, note: '  Milley, Jan 6.  ' }));
    expect(value(await service.openReview({ reviewId })).review.tags[0]?.note).toBe(
      'Milley, Jan 6.',
    );
    value(await service.setNote({ reviewId, tagId, note: '' }));
    expect(value(await service.openReview({ reviewId })).review.tags[0]).not.toHaveProperty('note');
    expect(problem(await service.setNote({ reviewId, tagId: 'nope', note: 'x' })).code).toBe(
      'no-such-tag',
    );
  });

  it('derives claim status from evidence linked across two documents', async () => {
    const service = await start();
    const { reviewId, letterId, reportId, letter, report } = await reviewWithDocuments(
      service,
      true,
    );
    const claim = await tag(service, reviewId, letterId, at(letter, 0), 'claim');
    const claimOf = async () => {
      const claims = await claimsOf(service, reviewId);
      expect(claims).toHaveLength(1);
      return claims[0];
    };
    expect((await claimOf())?.status).toBe('unverified');

    const confirmation = await tag(service, reviewId, reportId, at(report, 0), 'confirmation');
    value(await service.linkEvidence({ reviewId, evidenceId: confirmation, claimId: claim }));
    expect(await claimOf()).toMatchObject({
      status: 'confirmed',
      forCount: { tags: 1, documents: 1 },
      againstCount: { tags: 0, documents: 0 },
    });

    const sameDoc = await tag(service, reviewId, letterId, at(letter, 1), 'confirmation');
    value(await service.linkEvidence({ reviewId, evidenceId: sameDoc, claimId: claim }));
    const contradiction = await tag(service, reviewId, reportId, at(report, 1), 'contradiction');
    value(await service.linkEvidence({ reviewId, evidenceId: contradiction, claimId: claim }));
    const contested = await claimOf();
    expect(contested).toMatchObject({
      status: 'contested',
      forCount: { tags: 2, documents: 2 },
      againstCount: { tags: 1, documents: 1 },
    });
    expect(contested?.confirmations.map((t) => t.id).sort()).toEqual(
      [confirmation, sameDoc].sort(),
    );

    const refused = problem(
      await service.linkEvidence({ reviewId, evidenceId: claim, claimId: confirmation }),
    );
    expect(refused.message).toMatch(/Only a confirmation or a contradiction/);

    value(await service.unlinkEvidence({ reviewId, evidenceId: confirmation, claimId: claim }));
    value(await service.unlinkEvidence({ reviewId, evidenceId: sameDoc, claimId: claim }));
    expect((await claimOf())?.status).toBe('contradicted');
  });

  it('undo and redo restore the tags exactly', async () => {
    const service = await start();
    const { reviewId, letterId, reportId, letter, report } = await reviewWithDocuments(
      service,
      true,
    );
    const tagsNow = async () => value(await service.openReview({ reviewId })).review.tags;
    const claim = await tag(service, reviewId, letterId, at(letter, 0), 'claim');
    const evidence = await tag(service, reviewId, reportId, at(report, 0), 'confirmation');
    value(await service.linkEvidence({ reviewId, evidenceId: evidence, claimId: claim }));
    value(await service.setNote({ reviewId, tagId: evidence, note: 'Second source.' }));
    const states = [await tagsNow()];
    // Demoting the claim unlinks its evidence; removing a claim does too.
    await tag(service, reviewId, letterId, at(letter, 0), 'confirmation');
    states.push(await tagsNow());
    expect(states[1]?.find((t) => t.id === evidence)?.claimIds).toBeUndefined();
    await tag(service, reviewId, letterId, at(letter, 0), 'claim');
    value(await service.removeTag({ reviewId, tagId: claim }));
    states.push(await tagsNow());

    const before = value(await service.openReview({ reviewId })).revision;
    expect(value(await service.undo({ reviewId }))).toEqual({
      label: 'remove claim',
      revision: before + 1,
    });
    value(await service.undo({ reviewId }));
    expect(await tagsNow()).toEqual(states[1]);
    value(await service.undo({ reviewId }));
    expect(await tagsNow()).toEqual(states[0]);
    expect(value(await service.openReview({ reviewId })).history).toEqual({
      undo: 'edit note',
      redo: 'change to confirmation',
    });
    value(await service.redo({ reviewId }));
    expect(await tagsNow()).toEqual(states[1]);
    value(await service.redo({ reviewId }));
    value(await service.redo({ reviewId }));
    expect(await tagsNow()).toEqual(states[2]);
    const last = value(await service.openReview({ reviewId })).revision;
    expect(value(await service.redo({ reviewId }))).toEqual({ revision: last });

    // Undo is saved like any edit.
    value(await service.undo({ reviewId }));
    const undone = await tagsNow();
    expect(undone.find((t) => t.id === claim)?.kind).toBe('claim');
    const reopened = await restart();
    expect(value(await reopened.openReview({ reviewId })).review.tags).toEqual(undone);
  });

  it('acknowledges each edit of a burst only once the file on disk holds it', async () => {
    const service = await start();
    const { reviewId, letterId, reportId, letter, report } = await reviewWithDocuments(
      service,
      true,
    );
    const file = join(dataDir, 'reviews', `${reviewId}.json`);
    const targets = [
      ...letter.map((span) => ({ documentId: letterId, ...span })),
      ...report.map((span) => ({ documentId: reportId, ...span })),
    ];
    const acknowledged = await Promise.all(
      targets.map((target, i) =>
        service
          .tagSentence({ reviewId, ...target, kind: i % 2 ? 'claim' : 'confirmation' })
          .then(async (result) => {
            const onDisk = JSON.parse(await readFile(file, 'utf8')) as {
              tags: { id: string }[];
            };
            return onDisk.tags.some((t) => t.id === value(result).tagId);
          }),
      ),
    );
    expect(acknowledged).toEqual(targets.map(() => true));
    const inMemory = value(await service.openReview({ reviewId })).review;
    expect(inMemory.tags).toHaveLength(targets.length);
    const reopened = await restart();
    expect(value(await reopened.openReview({ reviewId })).review).toEqual(inMemory);
  });

  it('removing a document removes its tags and the links to them', async () => {
    const service = await start();
    const { reviewId, letterId, reportId, letter, report } = await reviewWithDocuments(
      service,
      true,
    );
    const claim = await tag(service, reviewId, letterId, at(letter, 0), 'claim');
    const otherClaim = await tag(service, reviewId, reportId, at(report, 1), 'claim');
    const evidence = await tag(service, reviewId, reportId, at(report, 0), 'confirmation');
    value(await service.linkEvidence({ reviewId, evidenceId: evidence, claimId: claim }));
    value(await service.linkEvidence({ reviewId, evidenceId: evidence, claimId: otherClaim }));

    value(await service.removeDocument({ reviewId, documentId: letterId }));
    const snapshot = value(await service.openReview({ reviewId }));
    expect(snapshot.review.documents.map((d) => d.id)).toEqual([reportId]);
    expect(snapshot.review.panes).toEqual([reportId]);
    expect(snapshot.review.tags.map((t) => t.documentId)).toEqual([reportId, reportId]);
    expect(snapshot.review.tags.find((t) => t.id === evidence)?.claimIds).toEqual([otherClaim]);
    const claims = await claimsOf(service, reviewId);
    expect(claims.map((c) => [c.claim.id, c.status])).toEqual([[otherClaim, 'confirmed']]);
    expect(problem(await service.removeDocument({ reviewId, documentId: letterId })).code).toBe(
      'no-such-document',
    );
  });

  it('undo after removing a document never brings back a tag of that document', async () => {
    const service = await start();
    const { reviewId, letterId, reportId, letter, report } = await reviewWithDocuments(
      service,
      true,
    );
    await tag(service, reviewId, reportId, at(report, 0), 'claim');
    const doomed = await tag(service, reviewId, letterId, at(letter, 0), 'claim');
    value(await service.removeTag({ reviewId, tagId: doomed }));
    value(await service.removeDocument({ reviewId, documentId: letterId }));
    const strays = async () => {
      const review = value(await service.openReview({ reviewId })).review;
      const documents = new Set(review.documents.map((d) => d.id));
      return review.tags.filter((t) => !documents.has(t.documentId));
    };
    expect(value(await service.openReview({ reviewId })).history).toEqual({});
    for (const step of ['undo', 'undo', 'undo', 'redo', 'redo', 'redo'] as const) {
      value(await service[step]({ reviewId }));
      expect(await strays()).toEqual([]);
    }
  });
});

describe('persistence and the data folder', () => {
  it('a new back end on the same folder sees every review, document and tag', async () => {
    const service = await start();
    const { reviewId, letterId, reportId, letter, report } = await reviewWithDocuments(
      service,
      true,
    );
    const claim = await tag(service, reviewId, letterId, at(letter, 0), 'claim');
    const evidence = await tag(service, reviewId, reportId, at(report, 1), 'contradiction');
    value(await service.linkEvidence({ reviewId, evidenceId: evidence, claimId: claim }));
    value(await service.setNote({ reviewId, tagId: claim, note: 'Key claim.' }));
    value(await service.renameReview({ reviewId, name: 'Renamed before closing' }));
    const before = value(await service.openReview({ reviewId }));
    expect(before.saved).toBe(true);

    const reopened = await restart();
    const list = value(await reopened.listReviews({}));
    expect(list.reviews.map((r) => [r.id, r.name, r.tagCount, r.documentCount])).toEqual([
      [reviewId, 'Renamed before closing', 2, 2],
    ]);
    const after = value(await reopened.openReview({ reviewId }));
    expect(after.review).toEqual(before.review);
    const claimsAfter = await claimsOf(reopened, reviewId);
    expect(claimsAfter.map((c) => c.status)).toEqual(['contradicted']);
    expect(value(await reopened.getDocumentText({ documentId: letterId })).text).toBe(LETTER);
  });

  it('a second back end on a folder in use is refused with a clear message', async () => {
    await start();
    const second = createBackend({ dataDir, samplesDir: SAMPLES });
    await expect(second).rejects.toThrow(DataDirInUseError);
    await expect(second).rejects.toThrow(
      `Another Crosscheck (process ${process.pid}) is already using the data folder ${dataDir}`,
    );
    // Once the first closes, the folder is free again.
    const service = await restart();
    expect(value(await service.listReviews({})).reviews).toEqual([]);
  });

  it('moves unreadable review files aside, unchanged, says so, and lists the others', async () => {
    const service = await start();
    const good = value(await service.createReview({ name: 'Good' })).id;
    const broken = value(await service.createReview({ name: 'Broken JSON' })).id;
    const invalid = value(await service.createReview({ name: 'Invalid' })).id;
    await backend?.close();
    backend = undefined;
    const reviews = join(dataDir, 'reviews');
    const brokenText = '{"schemaVersion": 1, "id": "';
    await writeFile(join(reviews, `${broken}.json`), brokenText);
    const invalidData = JSON.parse(await readFile(join(reviews, `${invalid}.json`), 'utf8'));
    invalidData.tags = [{ id: 'x', kind: 'rumour' }];
    const invalidText = JSON.stringify(invalidData);
    await writeFile(join(reviews, `${invalid}.json`), invalidText);

    const reopened = await start();
    const list = value(await reopened.listReviews({}));
    expect(list.reviews.map((r) => r.id)).toEqual([good]);
    expect(list.notices).toHaveLength(2);
    for (const notice of list.notices) {
      expect(notice).toMatch(/^A review file could not be read \(.+\); it was moved aside to .+/);
      expect(notice).toMatch(/nothing in it was changed\.$/);
    }
    expect(list.notices.join('\n')).toMatch(/not valid JSON/);
    expect(list.notices.join('\n')).toMatch(/tags\.0/);

    const names = await readdir(reviews);
    expect(names).toContain(`${good}.json`);
    expect(names).not.toContain(`${broken}.json`);
    expect(names).not.toContain(`${invalid}.json`);
    for (const [id, text] of [
      [broken, brokenText],
      [invalid, invalidText],
    ] as const) {
      const aside = names.filter((n) => n.startsWith(id));
      expect(aside).toHaveLength(1);
      expect(list.notices.some((n) => n.includes(join(reviews, aside[0] ?? '')))).toBe(true);
      expect(await readFile(join(reviews, aside[0] ?? ''), 'utf8')).toBe(text);
    }
    // Told once; the good review still opens and edits.
    expect(value(await reopened.listReviews({})).notices).toEqual([]);
    expect(problem(await reopened.openReview({ reviewId: broken })).code).toBe('no-such-review');
    value(await reopened.renameReview({ reviewId: good, name: 'Still good' }));
  });
});

describe('the sample review', () => {
  it('tells the article right: the letter is authentic, the withdrawal it announces contradicted', async () => {
    const service = await start();
    const summary = value(await service.openSampleReview({}));
    expect(summary).toMatchObject({ name: 'Sample: Iraq letter, January 2020', documentCount: 2 });
    const snapshot = value(await service.openReview({ reviewId: summary.id }));
    const { review } = snapshot;
    expect(parseReview(review).ok).toBe(true);
    // A fresh sample has nothing to undo.
    expect(snapshot.history).toEqual({});

    const letter = analyseReview(review).claims.find((c) =>
      c.claim.anchor.exact.includes('In letter says that the U.S. troops would pull out'),
    );
    expect(letter?.claim.documentId).toBe(review.documents[0]?.id);
    expect(letter?.claim.note).toMatch(/central claim/);
    expect(letter?.source.status).toBe('confirmed');
    expect(letter?.source.forCount.origins).toBeGreaterThanOrEqual(2);
    expect(letter?.content.status).toBe('contradicted');
    expect(letter?.summary).toBe('Authentic (2 independent origins) · content contradicted (2)');
    expect(letter?.judgement).toMatchObject({ verdict: 'very unlikely', confidence: 'moderate' });

    const nameOf = (id: string) => review.sources?.find((s) => s.id === id)?.name;
    const originNames = (refs: { sourceIds: string[] }[]) =>
      refs.map((r) => r.sourceIds.map(nameOf).join(' + '));
    expect(originNames(letter?.source.forOrigins ?? [])).toEqual(['Reuters', 'Liz Sly']);
    expect(originNames(letter?.content.againstOrigins ?? [])).toEqual([
      'Gen. Mark Milley',
      'Mark Esper',
    ]);
    // Sentences are still counted, beside the origins: three confirm the letter, from two origins.
    expect(letter?.source.forCount).toEqual({ origins: 2, tags: 3, documents: 1 });
    expect(review.sources?.find((s) => s.name === 'Reuters')?.reliability).toBe('B');
    expect(review.documents.map((d) => [d.title, d.date])).toEqual([
      ['US military letter on leaving Iraq', '2020-01-06'],
      ['State of the Union address, 2020', '2020-02-04'],
    ]);

    // Persisted like any review.
    const reopened = await restart();
    const after = value(await reopened.openReview({ reviewId: summary.id }));
    expect(after.review).toEqual(review);
  });
});

describe('housekeeping', () => {
  it('opening the sample twice returns the same review, with the reviewer’s changes', async () => {
    const service = await start();
    const first = value(await service.openSampleReview({}));
    await service.renameReview({ reviewId: first.id, name: 'My sample' });
    const second = value(await service.openSampleReview({}));
    expect(second.id).toBe(first.id);
    expect(second.name).toBe('My sample');
    expect(value(await service.listReviews({})).reviews).toHaveLength(1);
  });

  it('clears temp files left by interrupted writes when it starts', async () => {
    const service = await start();
    const review = value(await service.createReview({ name: 'Kept' }));
    await backend?.close();
    backend = undefined;
    const leftover = join(dataDir, 'reviews', `.${review.id}.json.12345.0123456789ab.tmp`);
    await writeFile(leftover, '{"half": ');
    const again = await start();
    expect(await readdir(join(dataDir, 'reviews'))).toEqual([`${review.id}.json`]);
    expect(value(await again.listReviews({})).reviews.map((r) => r.name)).toEqual(['Kept']);
  });
});

describe('sharing annotation files', () => {
  it('imports a colleague’s file, reports a conflict on a shared sentence, and flips it', async () => {
    // Colleague: the sample review, exported as an annotation file.
    const colleague = await start();
    const sample = value(await colleague.openSampleReview({}));
    const file = value(await annotationFileOf(colleague, sample.id));
    await backend?.close();
    backend = undefined;

    // Me, in another data folder: the same article, its claim sentence tagged as a contradiction.
    await rm(dataDir, { recursive: true, force: true });
    dataDir = await mkdtemp(join(tmpdir(), 'crosscheck-service-b-'));
    const service = await start();
    const mine = value(await service.createReview({ name: 'Mine' }));
    const article = await readFile(join(SAMPLES, 'iraq-letter-2020-01-06.txt'));
    const added = value(
      await service.addDocument({ reviewId: mine.id, fileName: 'copy.txt', bytes: article }),
    );
    const text = value(await service.getDocumentText({ documentId: added.document.id }));
    const claimSentence = text.text.indexOf('In letter says');
    const index = text.sentences.indexOf(claimSentence);
    value(
      await service.tagSentence({
        reviewId: mine.id,
        documentId: added.document.id,
        start: claimSentence,
        end: text.sentences[index + 1] as number,
        kind: 'contradiction',
      }),
    );

    const summary = mergedSummary(
      value(
        await service.importAnnotations({
          reviewId: mine.id,
          fileName: 'sample.crosscheck.json',
          bytes: new TextEncoder().encode(file.text),
        }),
      ),
    );
    expect(summary.added).toBeGreaterThan(0);
    expect(summary.documentsAdded).toHaveLength(1);
    expect(summary.conflicts).toHaveLength(1);
    // Another tag on the sentence: also listed apart (both readers may be right).
    expect(summary.sameSentence).toEqual(summary.conflicts);

    const merged = value(await service.openReview({ reviewId: mine.id }));
    expect(merged.review.documents).toHaveLength(2);
    expect(merged.review.sharing?.conflicts).toHaveLength(1);
    const conflict = merged.review.sharing?.conflicts[0];
    const keptKind = conflict?.kept.kind;
    value(
      await service.resolveConflict({
        reviewId: mine.id,
        tagId: conflict?.id ?? '',
        action: 'keep-other',
      }),
    );
    const flipped = value(await service.openReview({ reviewId: mine.id }));
    const onSentence = flipped.review.tags.find((t) => t.anchor.start === claimSentence);
    expect(onSentence?.kind).not.toBe(keptKind);
    expect(onSentence?.kind).toBe(conflict?.other.kind);

    // Persisted with the review: a restart still lists the conflict.
    const again = await restart();
    const reopened = value(await again.openReview({ reviewId: mine.id }));
    expect(reopened.review.sharing?.conflicts).toHaveLength(1);
  });

  it('refuses a file that is not an annotation file and changes nothing', async () => {
    const service = await start();
    const review = value(await service.createReview({ name: 'Untouched' }));
    const before = value(await service.openReview({ reviewId: review.id })).review;
    const result = await service.importAnnotations({
      reviewId: review.id,
      fileName: 'notes.json',
      bytes: new TextEncoder().encode('{"hello": "world"}'),
    });
    expect(result.ok).toBe(false);
    expect(problem(result).message.length).toBeGreaterThan(10);
    expect(value(await service.openReview({ reviewId: review.id })).review).toEqual(before);
  });

  it('records removed tags so a later merge does not bring them back', async () => {
    const service = await start();
    const sample = value(await service.openSampleReview({}));
    const snapshot = value(await service.openReview({ reviewId: sample.id }));
    const tag = at(snapshot.review.tags, 0);
    value(await service.removeTag({ reviewId: sample.id, tagId: tag.id }));
    const after = value(await service.openReview({ reviewId: sample.id }));
    expect(after.review.sharing?.removed.map((r) => r.id)).toEqual([tag.id]);
    value(await service.undo({ reviewId: sample.id }));
    const undone = value(await service.openReview({ reviewId: sample.id }));
    expect(undone.review.sharing?.removed).toEqual([]);
  });
});

describe('annotations from other tools', () => {
  it('asks which document an unknown source is, then places its annotations there', async () => {
    const service = await start();
    const review = value(await service.createReview({ name: 'Hypothesis import' }));
    const added = value(
      await service.addDocument({
        reviewId: review.id,
        fileName: 'letter.txt',
        bytes: utf8(LETTER),
      }),
    );
    const text = value(await service.getDocumentText({ documentId: added.document.id }));
    const first = text.text.slice(at(text.sentences, 0), at(text.sentences, 1));
    const source = 'https://news.example.org/the-letter';
    const hypothesis = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          {
            id: 'https://hypothes.is/a/abc123',
            type: 'Annotation',
            creator: 'acct:bo@hypothes.is',
            created: '2025-02-01T10:00:00Z',
            body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }],
            target: { source, selector: [{ type: 'TextQuoteSelector', exact: first }] },
          },
        ],
      },
    };
    const bytes = utf8(JSON.stringify(hypothesis));
    const args = { reviewId: review.id, fileName: 'hypothesis.json', bytes };

    const documents = value(await service.annotationFileDocuments(args));
    expect(documents.needsChoice).toEqual([{ source, title: source, annotations: 1 }]);

    // Without choices, the import itself answers with the choices to make (one call, one parse).
    expect(value(await service.importAnnotations(args))).toEqual(documents);
    const skipped = mergedSummary(
      value(await service.importAnnotations({ ...args, documentMatches: {} })),
    );
    expect(skipped.added).toBe(0);
    expect(skipped.skipped).toHaveLength(1);

    const placed = mergedSummary(
      value(
        await service.importAnnotations({
          ...args,
          documentMatches: { [source]: added.document.id },
        }),
      ),
    );
    expect(placed.added).toBe(1);
    const claims = await claimsOf(service, review.id);
    expect(claims.map((c) => c.claim.anchor.exact)).toEqual([first]);
  });
});
