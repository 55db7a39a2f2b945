// A review carrying every part of the reviewer's assessment an annotation file holds (format 2):
// facets, attributions to graded sources with aliases, credibility, judgements and dismissals.
import {
  BRIDGE_LETTER,
  BRIDGE_REPORT,
  TestReview,
  testWorld,
  type TestWorld,
} from './test-reviews';

/** The ids of what {@link assessedReview} tagged. */
export interface AssessedIds {
  report: string;
  letter: string;
  claim: string;
  safe: string;
  contradiction: string;
  confirmation: string;
  reuters: string;
}

/**
 * The bridge report and letter: a claim judged “unlikely” contradicted by the letter (speaking to
 * the claim's source, attributed to Reuters, graded B, alias “Reuters News Agency”, credibility 3)
 * and confirmed by the report (content, Gen. Mark Milley, credibility 2); a second claim judged
 * “likely”; one dismissed suggestion for each claim.
 */
export function assessedReview(world: TestWorld = testWorld()): {
  reviewer: TestReview;
  ids: AssessedIds;
} {
  const reviewer = new TestReview(world, 'Amal Haddad', 'Bridge review');
  const report = reviewer.addDocument('Report', BRIDGE_REPORT);
  const letter = reviewer.addDocument('Letter', BRIDGE_LETTER);
  const claim = reviewer.tag(report, 'four million', 'claim');
  reviewer.note(claim, 'Check the minutes.');
  reviewer.attribute(claim, 'Bridge Trust');
  const contradiction = reviewer.tag(letter, 'nine million', 'contradiction');
  reviewer.link(contradiction, claim);
  reviewer.facet(contradiction, claim, 'source');
  const reuters = reviewer.attribute(contradiction, 'Reuters');
  reviewer.alias(reuters, 'Reuters News Agency');
  reviewer.gradeSource(reuters, 'B');
  reviewer.grade(contradiction, 3);
  const confirmation = reviewer.tag(report, 'Records show', 'confirmation');
  reviewer.link(confirmation, claim);
  reviewer.attribute(confirmation, 'Gen. Mark Milley');
  reviewer.grade(confirmation, 2);
  const safe = reviewer.tag(report, 'safe today', 'claim');
  reviewer.judge(claim, {
    verdict: 'unlikely',
    confidence: 'moderate',
    rationale: 'The letter gives another figure.',
  });
  reviewer.judge(safe, { verdict: 'likely', confidence: 'low' });
  reviewer.dismiss(claim, letter, 'never sent');
  reviewer.dismiss(safe, report, 'last a century');
  return { reviewer, ids: { report, letter, claim, safe, contradiction, confirmation, reuters } };
}
