import { describe, expect, it } from 'vitest';
import { claimsWithEvidence } from '../review/claim-status';
import type { Review } from '../review/types';
import { importAnnotationJson } from './import-annotations';
import type { MergeOptions, MergeOutcome } from './merge';
import { flipConflict } from './resolve-conflict';
import {
  BRIDGE_LETTER,
  BRIDGE_REPORT,
  TestReview,
  testWorld,
  type TestWorld,
} from '../../../tests/support/test-reviews';

/** Imports `from`'s file into `into`; returns the outcome and applies it to `into`. */
function merge(into: TestReview, from: TestReview, options?: MergeOptions): MergeOutcome {
  const result = importAnnotationJson(into, from.exportFile(), options);
  if (!result.ok) throw new Error(result.error.message);
  into.review = result.value.review;
  into.sharing = result.value.sharing;
  for (const [id, text] of result.value.newTexts) into.texts.set(id, text);
  return result.value;
}

/** Tags in words: kind, quote, note and the quotes of linked claims, in document order. */
function described(review: Review): string[] {
  const quotes = new Map(review.tags.map((t) => [t.id, t.anchor.exact]));
  return review.tags.map((t) =>
    [
      t.kind,
      t.anchor.exact,
      t.note ?? '',
      (t.claimIds ?? [])
        .map((id) => quotes.get(id) ?? `missing ${id}`)
        .sort()
        .join(' + '),
      t.author,
    ].join(' | '),
  );
}

/** Amal's review, sent to Bo and Cy, who each add, edit and remove tags. */
function threeReviewers(world: TestWorld = testWorld()) {
  const amal = new TestReview(world, 'amal', 'Bridge review');
  const report = amal.addDocument('Report', BRIDGE_REPORT);
  const letter = amal.addDocument('Letter', BRIDGE_LETTER);
  const costClaim = amal.tag(report, 'four million', 'claim');
  const safeClaim = amal.tag(report, 'safe today', 'claim');
  amal.note(safeClaim, 'Ask the council for the inspection.');
  amal.link(amal.tag(letter, 'nine million', 'contradiction'), costClaim);
  const repairs = amal.tag(report, 'Records show', 'confirmation');
  amal.link(repairs, costClaim);
  const bo = amal.copyFor('bo');
  const cy = amal.copyFor('cy');
  bo.note(costClaim, 'Bo: the minutes say four million.');
  cy.note(costClaim, 'Cy: the letter says nine million.'); // later: wins over Bo's note
  bo.remove(repairs);
  bo.tag(report, 'Engineers said', 'claim');
  cy.link(cy.tag(letter, 'never sent', 'confirmation'), safeClaim);
  bo.remove(safeClaim); // after Cy linked to it: the link goes
  cy.note(repairs, 'Cy: checked the repair log.'); // after Bo removed it: an edit brings it back
  bo.tag(report, 'opened in 1932', 'claim');
  cy.tag(report, 'opened in 1932', 'contradiction'); // the same sentence, later: Cy's stays
  return { amal, bo, cy };
}

const EXPECTED = [
  'contradiction | The bridge opened in 1932. |  |  | cy',
  'claim | It cost four million pounds. | Cy: the letter says nine million. |  | amal',
  'claim | Engineers said it would last a century. |  |  | bo',
  'confirmation | Records show repairs began in 1950. | Cy: checked the repair log. | It cost four million pounds. | amal',
  'contradiction | A letter from 1931 puts the cost at nine million pounds. |  | It cost four million pounds. | amal',
  'confirmation | It was never sent. |  |  | cy',
];

describe('mergeAnnotationFile', () => {
  it('merges two colleagues’ copies to the expected review in both orders', () => {
    const boIntoCy = threeReviewers();
    const outcome = merge(boIntoCy.cy, boIntoCy.bo);
    const cyIntoBo = threeReviewers();
    merge(cyIntoBo.bo, cyIntoBo.cy);
    const sortedByQuote = (r: Review) => [...described(r)].sort();
    expect(sortedByQuote(boIntoCy.cy.review)).toEqual([...EXPECTED].sort());
    expect(sortedByQuote(cyIntoBo.bo.review)).toEqual([...EXPECTED].sort());
    expect(boIntoCy.cy.review.tags).toEqual(cyIntoBo.bo.review.tags);
    expect(outcome.summary).toMatchObject({ added: 1, updated: 0, unchanged: 2, removed: 1 });
    expect(
      outcome.summary.conflicts.map((c) => [
        c.kept.note ?? c.kept.kind,
        c.other.note ?? c.other.kind,
      ]),
    ).toEqual([
      ['Cy: the letter says nine million.', 'Bo: the minutes say four million.'],
      ['contradiction', 'claim'],
    ]);
    // Another tag on the same sentence is not a disagreement about one tag: it is listed apart.
    expect(outcome.summary.sameSentence.map((c) => [c.kept.kind, c.other.kind])).toEqual([
      ['contradiction', 'claim'],
    ]);
  });

  it('gives the reviewer who sent the copies the same result whichever file she merges first', () => {
    const first = threeReviewers();
    merge(first.amal, first.bo);
    merge(first.amal, first.cy);
    const second = threeReviewers();
    merge(second.amal, second.cy);
    merge(second.amal, second.bo);
    expect(described(first.amal.review)).toEqual(EXPECTED);
    expect(first.amal.review.tags).toEqual(second.amal.review.tags);
    expect(first.amal.sharing.removed.map((r) => r.author)).toEqual(['bo']);
  });

  it('changes nothing when the same file is merged twice', () => {
    const { bo, cy } = threeReviewers();
    merge(cy, bo);
    const before = structuredClone(cy.review);
    const again = merge(cy, bo);
    expect(cy.review).toEqual(before);
    expect(again.summary).toMatchObject({ added: 0, updated: 0, removed: 0, conflicts: [] });
  });

  it('lets the reviewer flip a conflict, and the flipped choice survives the next merge', () => {
    const { bo, cy, amal } = threeReviewers();
    const outcome = merge(cy, bo);
    const noteConflict = outcome.summary.conflicts.find((c) => c.other.note?.startsWith('Bo'));
    if (!noteConflict) throw new Error('no conflict');
    const flipped = flipConflict(cy.review, cy.sharing, noteConflict, amal.world.now());
    cy.review = flipped.review;
    cy.sharing = flipped.sharing;
    const claim = () => cy.review.tags.find((t) => t.id === noteConflict.id);
    expect(claim()?.note).toBe('Bo: the minutes say four million.');
    merge(cy, bo);
    merge(cy, amal);
    expect(claim()?.note).toBe('Bo: the minutes say four million.');
    expect(cy.sharing.conflicts.find((c) => c.id === noteConflict.id)?.other.note).toBe(
      'Cy: the letter says nine million.',
    );
  });

  it('keeps every set-aside version when three reviewers tagged the same sentence', () => {
    const { amal } = threeReviewers();
    const report = amal.review.documents[0]!.id;
    const [bo, cy, dee] = ['bo', 'cy', 'dee'].map((name) => amal.copyFor(name));
    bo!.tag(report, 'Engineers said', 'claim');
    cy!.tag(report, 'Engineers said', 'contradiction');
    dee!.tag(report, 'Engineers said', 'confirmation'); // the latest: it stays
    merge(cy!, bo!);
    merge(cy!, dee!);
    const onSentence = cy!.review.tags.filter((t) => t.anchor.exact.startsWith('Engineers said'));
    expect(onSentence.map((t) => [t.kind, t.author])).toEqual([['confirmation', 'dee']]);
    expect(cy!.sharing.conflicts.map((c) => [c.kept.author, c.other.author]).sort()).toEqual([
      ['dee', 'bo'],
      ['dee', 'cy'],
    ]);
    const keepBo = cy!.sharing.conflicts.find((c) => c.other.author === 'bo');
    const flipped = flipConflict(cy!.review, cy!.sharing, keepBo!, amal.world.now());
    expect(
      flipped.review.tags
        .filter((t) => t.anchor.exact.startsWith('Engineers said'))
        .map((t) => t.author),
    ).toEqual(['bo']);
    expect(flipped.sharing.conflicts.map((c) => [c.kept.author, c.other.author]).sort()).toEqual([
      ['bo', 'cy'],
      ['bo', 'dee'],
    ]);
  });

  it('adds a document the review lacks from the file’s embedded text', () => {
    const world = testWorld();
    const amal = new TestReview(world, 'amal');
    amal.addDocument('Report', BRIDGE_REPORT);
    const bo = amal.copyFor('bo');
    const letter = bo.addDocument('Letter', BRIDGE_LETTER);
    bo.tag(letter, 'never sent', 'claim');
    const outcome = merge(amal, bo);
    expect(outcome.summary.documentsAdded).toEqual([letter]);
    expect(outcome.newTexts.get(letter)).toBe(BRIDGE_LETTER);
    expect(amal.review.documents.map((d) => d.title)).toEqual(['Report', 'Letter']);
    expect(described(amal.review)).toEqual(['claim | It was never sent. |  |  | bo']);
  });

  it('re-anchors onto a corrected copy with the same title, marking changed sentences for review', () => {
    const world = testWorld();
    const amal = new TestReview(world, 'amal');
    const mine = amal.addDocument(
      'Report',
      BRIDGE_REPORT.replace('It cost', 'It cost about').replace(
        'The council says the bridge is safe today.',
        'Engineers inspect it yearly.',
      ),
    );
    const bo = new TestReview(world, 'bo');
    const theirs = bo.addDocument('Report', BRIDGE_REPORT);
    bo.tag(theirs, 'four million', 'claim');
    bo.tag(theirs, 'Records show', 'confirmation');
    bo.tag(theirs, 'safe today', 'claim');
    const outcome = merge(amal, bo);
    expect(outcome.summary.documentsMatched).toEqual([{ from: theirs, to: mine, by: 'title' }]);
    expect(outcome.summary.reanchored).toBe(2);
    expect(described(amal.review)).toEqual([
      'claim | It cost about four million pounds. |  |  | bo',
      'confirmation | Records show repairs began in 1950. |  |  | bo',
    ]);
    const fuzzy = amal.review.tags[0]?.id;
    expect(outcome.summary.needsReview).toEqual([fuzzy]);
    expect(amal.sharing.needsReview).toEqual([fuzzy]);
    expect(outcome.summary.orphans.map((o) => [o.quote.exact, o.reason])).toEqual([
      ['The council says the bridge is safe today.', expect.stringMatching(/not found/)],
    ]);
  });

  it('keeps orphans, exports them again, and places them once their sentence is back', () => {
    const world = testWorld();
    const amal = new TestReview(world, 'amal');
    amal.addDocument('Report', BRIDGE_REPORT.replace(' Records show repairs began in 1950.', ''));
    const bo = new TestReview(world, 'bo');
    bo.link(
      bo.tag(bo.addDocument('Report', BRIDGE_REPORT), 'Records show', 'confirmation'),
      bo.tag(bo.review.documents[0]!.id, 'four million', 'claim'),
    );
    merge(amal, bo);
    expect(amal.sharing.orphans).toHaveLength(1);
    const cy = new TestReview(world, 'cy');
    merge(cy, amal); // Cy has no Report: it is added with Amal's text, the orphan stays an orphan
    expect(cy.sharing.orphans.map((o) => o.quote.exact)).toEqual([
      'Records show repairs began in 1950.',
    ]);
    expect(cy.sharing.orphans[0]?.claimIds).toEqual([cy.review.tags[0]?.id]);
    merge(bo, cy); // Bo's text has the sentence: the tag is placed there again
    expect(bo.sharing.orphans).toEqual([]);
    expect(described(bo.review)).toContain(
      'confirmation | Records show repairs began in 1950. |  | It cost four million pounds. | bo',
    );
  });

  it('changes nothing when a file cannot be merged', () => {
    const { amal, bo } = threeReviewers();
    const before = structuredClone({ review: amal.review, sharing: amal.sharing });
    const result = importAnnotationJson(amal, bo.exportFile(), {
      documentMatches: new Map([[amal.review.documents[0]!.id, 'sha256:' + '0'.repeat(64)]]),
    });
    expect(result.ok || result.error.message).toMatch(
      /not part of this review; nothing was imported/,
    );
    expect({ review: amal.review, sharing: amal.sharing }).toEqual(before);
  });
});

describe('a claim set aside in a conflict', () => {
  it('gets its evidence back when the reviewer keeps it', () => {
    const world = testWorld();
    const amal = new TestReview(world, 'amal', 'Bridge review');
    const report = amal.addDocument('Report', BRIDGE_REPORT);
    const claim = amal.tag(report, 'four million', 'claim');
    const evidence = amal.tag(report, 'Records show', 'confirmation');
    amal.link(evidence, claim);

    // Bo tagged the same sentence as a contradiction, later, in a review of his own.
    const bo = new TestReview(world, 'bo', 'Bo’s review');
    const boReport = bo.addDocument('Report', BRIDGE_REPORT);
    bo.tag(boReport, 'four million', 'contradiction');

    const outcome = merge(bo, amal);
    const conflict = outcome.summary.sameSentence.find((c) => c.other.id === claim);
    if (!conflict) throw new Error('expected the claim to be set aside');
    expect(conflict.kept.kind).toBe('contradiction');

    const flipped = flipConflict(bo.review, bo.sharing, conflict, world.now());
    const statuses = claimsWithEvidence(flipped.review.tags);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]?.claim.id).toBe(claim);
    expect(statuses[0]?.confirmations.map((t) => t.id)).toEqual([evidence]);
  });
});
