// The bottom line up front: how many claims stand where, contested first, then the contested named.
import { CLAIM_STATUS_ORDER } from '../review/claim-status';
import { formatCount, shorten } from './shorten';
import type { BriefBottomLine, BriefClaim, StatusCounts } from './types';

/** Contested claims named in the bottom line before "and N more". */
const NAMED_CONTESTED = 3;
/** Longest claim excerpt quoted in the bottom line. */
const EXCERPT_LENGTH = 90;

/** Counts the claims by status and says it in one or two sentences. */
export function bottomLineOf(claims: readonly BriefClaim[]): BriefBottomLine {
  const counts: StatusCounts = { contested: 0, contradicted: 0, confirmed: 0, unverified: 0 };
  for (const claim of claims) counts[claim.status]++;
  const contested = claims.filter((c) => c.status === 'contested');
  const total = claims.length;
  if (total === 0) {
    return { total, counts, sentences: ['This review has no claims yet.'], contested: [] };
  }
  return {
    total,
    counts,
    sentences: [countSentence(total, counts), contestedSentence(contested)],
    contested: contested.map((c) => c.number),
  };
}

function countSentence(total: number, counts: StatusCounts): string {
  if (total === 1) {
    const status = CLAIM_STATUS_ORDER.find((s) => counts[s] === 1) ?? 'unverified';
    return `The review's only claim is ${status}.`;
  }
  const parts = CLAIM_STATUS_ORDER.map((status) => {
    const n = counts[status];
    return n === 0 ? `none is ${status}` : `${formatCount(n)} ${n === 1 ? 'is' : 'are'} ${status}`;
  });
  const listed = `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Of the ${formatCount(total)} claims in this review, ${listed}.`;
}

function contestedSentence(contested: readonly BriefClaim[]): string {
  if (contested.length === 0) return 'No claim is contested.';
  const named = contested
    .slice(0, NAMED_CONTESTED)
    .map((c) => `claim ${c.number}, “${inlineQuote(c.quote)}”`);
  const more = contested.length - named.length;
  if (named.length === 1) return `The contested claim is ${named[0]}.`;
  const list =
    more > 0
      ? `${named.join('; ')}; and ${formatCount(more)} more`
      : `${named.slice(0, -1).join('; ')}; and ${named.at(-1)}`;
  return `The contested claims are ${list}.`;
}

/** A claim shortened to quote inside a sentence, without its own full stop. */
function inlineQuote(quote: string): string {
  return shorten(quote, EXCERPT_LENGTH).replace(/(?<!\.)\.$/, '');
}
