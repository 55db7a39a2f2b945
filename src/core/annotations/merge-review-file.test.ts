import { describe, expect, it } from 'vitest';
import { assessedReview } from '../../../tests/support/assessed-review';
import {
  BRIDGE_LETTER,
  BRIDGE_REPORT,
  TestReview,
  testWorld,
} from '../../../tests/support/test-reviews';
import { sourceNameOf } from '../analysis/sources';
import type { Tag } from '../review/types';
import { importAnnotationJson } from './import-annotations';
import type { ReviewMergeOutcome } from './merge-review-file';
import { differences } from './tag-versions';

/** Imports `from`'s file into `into`; returns the outcome and applies it to `into`. */
function merge(into: TestReview, from: TestReview): ReviewMergeOutcome {
  const result = importAnnotationJson(into, from.exportFile());
  if (!result.ok) throw new Error(result.error.message);
  into.review = result.value.review;
  into.sharing = result.value.sharing;
  return result.value;
}

function tagOf(reviewer: TestReview, id: string): Tag {
  const tag = reviewer.review.tags.find((t) => t.id === id);
  if (!tag) throw new Error(`no tag ${id}`);
  return tag;
}

/** Two reviewers with the bridge report and letter, a claim, and evidence linked to it. */
function twoReviewers() {
  const amal = new TestReview(testWorld(), 'amal', 'Bridge review');
  const report = amal.addDocument('Report', BRIDGE_REPORT);
  const letter = amal.addDocument('Letter', BRIDGE_LETTER);
  const claim = amal.tag(report, 'four million', 'claim');
  const contradiction = amal.tag(letter, 'nine million', 'contradiction');
  amal.link(contradiction, claim);
  return { amal, bo: amal.copyFor('bo'), report, letter, claim, contradiction };
}

describe('mergeReviewFile: facets, attribution and credibility of tags', () => {
  it.each([
    ['facet', (r: TestReview, e: string, c: string) => r.facet(e, c, 'source')],
    ['attribution', (r: TestReview, e: string) => void r.attribute(e, 'Reuters')],
    ['credibility', (r: TestReview, e: string) => r.grade(e, 4)],
  ])('a tag whose %s differs is a conflict, the later version kept', (field, change) => {
    const { amal, bo, claim, contradiction } = twoReviewers();
    amal.note(contradiction, 'Amal looked at it.');
    change(bo, contradiction, claim); // later than Amal's note
    const outcome = merge(amal, bo);
    expect(outcome.summary.conflicts).toHaveLength(1);
    const [conflict] = outcome.summary.conflicts;
    expect(differences(conflict!.kept, conflict!.other)).toEqual(['note', field]);
    expect(conflict!.kept.modified > conflict!.other.modified).toBe(true);
    expect(outcome.sharing.conflicts).toEqual(outcome.summary.conflicts);
    expect(tagOf(amal, contradiction)).toMatchObject(
      field === 'facet' ? { facets: { [claim]: 'source' } } : {},
    );
    if (field === 'attribution') {
      expect(sourceNameOf(tagOf(amal, contradiction), amal.review.sources)).toBe('Reuters');
    }
    if (field === 'credibility') expect(tagOf(amal, contradiction).credibility).toBe(4);
  });

  it('takes the same source under another spelling as the same attribution: no conflict', () => {
    const { amal, bo, contradiction } = twoReviewers();
    amal.attribute(contradiction, 'Reuters');
    bo.attribute(contradiction, '  REUTERS ');
    const outcome = merge(amal, bo);
    expect(outcome.summary.conflicts).toEqual([]);
    expect(amal.review.sources?.map((s) => s.name)).toEqual(['Reuters']);
    expect(sourceNameOf(tagOf(amal, contradiction), amal.review.sources)).toBe('Reuters');
  });
});

describe('mergeReviewFile: sources', () => {
  it('unifies sources by name or alias, ignoring case; remaps ids; adds the others', () => {
    const { amal, bo, report, claim, contradiction } = twoReviewers();
    const reuters = amal.attribute(contradiction, 'Reuters');
    amal.gradeSource(reuters, 'B');
    const confirmation = bo.tag(report, 'Records show', 'confirmation');
    bo.link(confirmation, claim);
    const agency = bo.attribute(confirmation, 'Reuters News Agency');
    bo.alias(agency, 'reuters');
    bo.gradeSource(agency, 'C');
    bo.attribute(claim, 'AP');
    const outcome = merge(amal, bo);
    expect(amal.review.sources).toEqual([
      { id: reuters, name: 'Reuters', aliases: ['Reuters News Agency'], reliability: 'B' },
      { id: expect.any(String), name: 'AP' },
    ]);
    expect(tagOf(amal, confirmation).sourceId).toBe(reuters);
    expect(sourceNameOf(tagOf(amal, claim), amal.review.sources)).toBe('AP');
    expect(outcome.summary.sourcesAdded).toBe(1);
    expect(outcome.summary.warnings).toContain(
      'The source “Reuters” is graded B here and C in the file; kept B.',
    );
  });
});

describe('mergeReviewFile: judgements', () => {
  it('adds a judgement made on one side only', () => {
    const { amal, bo, claim } = twoReviewers();
    bo.judge(claim, { verdict: 'likely', confidence: 'low' });
    const outcome = merge(amal, bo);
    expect(amal.review.judgements).toEqual(bo.review.judgements);
    expect(outcome.summary).toMatchObject({ judgementsChanged: 1, judgementConflicts: [] });
  });

  it('keeps the later of two differing judgements and lists the other, the same both ways', () => {
    const { amal, bo, claim } = twoReviewers();
    amal.judge(claim, { verdict: 'unlikely', confidence: 'high', rationale: 'The letter.' });
    bo.judge(claim, { verdict: 'likely', confidence: 'moderate' }); // later
    const amals = amal.review.judgements?.[claim];
    const bos = bo.review.judgements?.[claim];
    const reverse = bo.copyFor('bo');
    const outcome = merge(amal, bo);
    expect(amal.review.judgements).toEqual({ [claim]: bos });
    const conflict = { claimId: claim, kept: bos, other: amals };
    expect(outcome.summary.judgementConflicts).toEqual([conflict]);
    expect(amal.sharing.judgementConflicts).toEqual([conflict]);
    // The other way round keeps the same judgement.
    const back = merge(reverse, amal.copyFor('amal'));
    expect(reverse.review.judgements).toEqual({ [claim]: bos });
    expect(back.summary.judgementConflicts).toEqual([]);
    // Merging the same file again finds nothing new, and the conflict stays listed once.
    const again = merge(amal, bo);
    expect(again.summary.judgementConflicts).toEqual([]);
    expect(amal.sharing.judgementConflicts).toEqual([conflict]);
  });

  it('moves a judgement with its claim when two claims on one sentence become one', () => {
    const world = testWorld();
    const amal = new TestReview(world, 'amal');
    const report = amal.addDocument('Report', BRIDGE_REPORT);
    const bo = amal.copyFor('bo');
    const amalsClaim = amal.tag(report, 'four million', 'claim');
    amal.judge(amalsClaim, { verdict: 'unlikely', confidence: 'high' });
    const bosClaim = bo.tag(report, 'four million', 'claim'); // later: this claim stays
    bo.judge(bosClaim, { verdict: 'likely', confidence: 'low' });
    const outcome = merge(amal, bo);
    expect(amal.review.tags.map((t) => t.id)).toEqual([bosClaim]);
    expect(Object.keys(amal.review.judgements ?? {})).toEqual([bosClaim]);
    expect(outcome.summary.judgementConflicts).toEqual([
      {
        claimId: bosClaim,
        kept: bo.review.judgements?.[bosClaim],
        other: expect.objectContaining({ verdict: 'unlikely' }),
      },
    ]);
  });

  it('drops the judgement and dismissals of a claim the other side removed', () => {
    const { reviewer: amal, ids } = assessedReview();
    const bo = amal.copyFor('bo');
    bo.remove(ids.safe);
    merge(amal, bo);
    expect(Object.keys(amal.review.judgements ?? {})).toEqual([ids.claim]);
    expect(amal.review.dismissals?.map((d) => d.claimId)).toEqual([ids.claim]);
  });
});

describe('mergeReviewFile: dismissals', () => {
  it('unions dismissals: the same claim and sentence is one, the earlier kept', () => {
    const { amal, bo, report, letter, claim } = twoReviewers();
    amal.dismiss(claim, letter, 'never sent');
    bo.dismiss(claim, letter, 'never sent'); // later: the same dismissal
    bo.dismiss(claim, report, 'last a century');
    const outcome = merge(amal, bo);
    expect(
      amal.review.dismissals?.map((d) => [d.anchor.exact, d.author, d.documentId === letter]),
    ).toEqual([
      ['It was never sent.', 'amal', true],
      ['Engineers said it would last a century.', 'bo', false],
    ]);
    expect(outcome.summary.dismissalsAdded).toBe(1);
  });

  it('places dismissals on a changed copy of a document by their quote', () => {
    const { amal, letter, claim } = twoReviewers();
    amal.dismiss(claim, letter, 'never sent');
    const other = new TestReview(amal.world, 'bo', 'Bo’s review');
    other.addDocument('Report', BRIDGE_REPORT);
    const edited = `Found in the archive. ${BRIDGE_LETTER}`;
    const copy = other.addDocument('Letter', edited);
    const result = importAnnotationJson(other, amal.exportFile());
    if (!result.ok) throw new Error(result.error.message);
    const [dismissal] = result.value.review.dismissals ?? [];
    expect(dismissal?.documentId).toBe(copy);
    expect(edited.slice(dismissal?.anchor.start, dismissal?.anchor.end)).toBe('It was never sent.');
  });
});
