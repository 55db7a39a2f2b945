// The reviewer's verdict on a claim: an ICD 203 estimative word with a separate confidence and a
// rationale. It is stored as the reviewer set it; where it goes against the computed content
// status, the brief flags it rather than changing either.
import { fail, ok, type Problem, type Result } from '../result';
import {
  CONFIDENCE_LEVELS,
  ESTIMATIVE_WORDS,
  type Confidence,
  type EstimativeWord,
  type FieldUpdate,
  type Judgement,
} from '../review/assessment';
import type { ClaimStatus } from '../review/claim-status';
import { noSuchTag, type EditContext } from '../review/tag-edits';
import type { Review } from '../review/types';

/** The judgements of a review, by claim id. */
export type Judgements = Record<string, Judgement>;

/** What the reviewer sets; author and time come from the edit context. */
export interface JudgementInput {
  verdict: EstimativeWord;
  confidence: Confidence;
  rationale?: string;
}

/** Whether a string is a word of the estimative scale. */
function isEstimativeWord(word: string): word is EstimativeWord {
  return ESTIMATIVE_WORDS.some((w) => w.word === word);
}

/**
 * Sets (input) or clears (undefined) the reviewer's judgement of a claim. The rationale is
 * trimmed; an empty one is left out.
 */
export function setJudgement(
  review: Pick<Review, 'tags' | 'judgements'>,
  claimId: string,
  input: JudgementInput | undefined,
  context: Pick<EditContext, 'author' | 'now'>,
): Result<FieldUpdate<Judgements>, Problem> {
  const before = review.judgements ?? {};
  if (!input) {
    // Clearing works for a claim that is gone too, so a stale verdict can always be removed.
    const { [claimId]: _cleared, ...after } = before;
    return ok({ before, after });
  }
  const claim = review.tags.find((t) => t.id === claimId);
  if (!claim) return fail(noSuchTag(claimId));
  if (claim.kind !== 'claim') {
    return fail({ code: 'not-a-claim', message: 'Only a claim can be given a verdict.' });
  }
  if (!isEstimativeWord(input.verdict)) {
    const words = ESTIMATIVE_WORDS.map((w) => `“${w.word}”`).join(', ');
    return fail({
      code: 'not-an-estimative-word',
      message: `“${input.verdict}” is not a word of the estimative scale; use one of ${words}.`,
    });
  }
  if (!CONFIDENCE_LEVELS.includes(input.confidence)) {
    return fail({
      code: 'not-a-confidence',
      message: `“${input.confidence}” is not a confidence level; use high, moderate or low.`,
    });
  }
  const judgement: Judgement = {
    verdict: input.verdict,
    confidence: input.confidence,
    author: context.author,
    modified: context.now,
  };
  const rationale = input.rationale?.trim();
  if (rationale) judgement.rationale = rationale;
  return ok({ before, after: { ...before, [claimId]: judgement } });
}

/**
 * One plain sentence when a verdict goes against the content status computed from independent
 * origins, otherwise undefined. Against: a verdict below even chance on a confirmed claim, above
 * even chance on a contradicted one. Stronger than the evidence: "almost certain" or "almost no
 * chance" on a contested or unverified claim.
 */
export function verdictDisagreement(
  verdict: EstimativeWord,
  content: ClaimStatus,
): string | undefined {
  const rank = ESTIMATIVE_WORDS.findIndex((w) => w.word === verdict);
  const even = ESTIMATIVE_WORDS.findIndex((w) => w.word === 'roughly even chance');
  const extreme = rank === 0 || rank === ESTIMATIVE_WORDS.length - 1;
  switch (content) {
    case 'confirmed':
      return rank < even
        ? `The verdict “${verdict}” goes against the evidence, which confirms the content.`
        : undefined;
    case 'contradicted':
      return rank > even
        ? `The verdict “${verdict}” goes against the evidence, which contradicts the content.`
        : undefined;
    case 'contested':
      return extreme
        ? `The verdict “${verdict}” is stronger than the evidence, which is contested.`
        : undefined;
    case 'unverified':
      return extreme
        ? `The verdict “${verdict}” rests on no independent evidence on the content.`
        : undefined;
  }
}
