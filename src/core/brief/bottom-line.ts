// The bottom line up front: how many claims stand where on their content, counted in independent
// origins; what the evidence on their sources says; then the contested and contradicted claims named.
import { CLAIM_STATUS_ORDER, type ClaimStatus } from '../review/claim-status';
import { formatCount, shorten } from './shorten';
import type { BriefBottomLine, BriefClaim, BriefFacet, StatusCounts } from './types';

/** Claims named in one sentence of the bottom line before "and N more". */
const NAMED_CLAIMS = 3;
/** Longest claim excerpt quoted in the bottom line. */
const EXCERPT_LENGTH = 90;

/**
 * Counts the claims by the status of their content (from independent origins, not tags) and by
 * that of their source, and says it in a few sentences.
 */
export function bottomLineOf(claims: readonly BriefClaim[]): BriefBottomLine {
  const counts = countBy(claims, (c) => c.analysis.content.status);
  const sourceCounts = countBy(claims, (c) => c.analysis.source.status);
  const numbers = (status: ClaimStatus) =>
    claims.filter((c) => c.analysis.content.status === status).map((c) => c.number);
  const total = claims.length;
  const line: BriefBottomLine = {
    total,
    counts,
    sourceCounts,
    sentences: [],
    contested: numbers('contested'),
    contradicted: numbers('contradicted'),
  };
  if (total === 0) {
    line.sentences.push('This review has no claims yet.');
    return line;
  }
  line.sentences.push(countSentence(total, counts));
  const sources = sourceSentence(claims);
  if (sources) line.sentences.push(sources);
  const contested = claims.filter((c) => c.analysis.content.status === 'contested');
  const contradicted = claims.filter((c) => c.analysis.content.status === 'contradicted');
  if (contested.length > 0) line.sentences.push(namedSentence('contested', contested));
  if (contradicted.length > 0) line.sentences.push(namedSentence('contradicted', contradicted));
  if (contested.length + contradicted.length === 0) {
    line.sentences.push('No claim is contested or contradicted.');
  }
  return line;
}

function countBy(
  claims: readonly BriefClaim[],
  statusOf: (claim: BriefClaim) => ClaimStatus,
): StatusCounts {
  const counts: StatusCounts = { contested: 0, contradicted: 0, confirmed: 0, unverified: 0 };
  for (const claim of claims) counts[statusOf(claim)]++;
  return counts;
}

function countSentence(total: number, counts: StatusCounts): string {
  if (total === 1) {
    const status = CLAIM_STATUS_ORDER.find((s) => counts[s] === 1) ?? 'unverified';
    return `Judged on its content from independent origins, the review's only claim is ${status}.`;
  }
  const parts = CLAIM_STATUS_ORDER.map((status) => {
    const n = counts[status];
    return n === 0 ? `none is ${status}` : `${formatCount(n)} ${n === 1 ? 'is' : 'are'} ${status}`;
  });
  const listed = `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Of the ${formatCount(total)} claims in this review, judged on their content from independent origins, ${listed}.`;
}

/** What is established about the claims' sources, when any evidence speaks to one. */
function sourceSentence(claims: readonly BriefClaim[]): string | undefined {
  const spoken = claims.filter((c) => c.analysis.source.status !== 'unverified');
  if (spoken.length === 0) return undefined;
  const named = spoken
    .slice(0, NAMED_CLAIMS)
    .map((c) => `claim ${c.number} ${SOURCE_VERDICT[c.analysis.source.status](c.analysis.source)}`);
  const more = spoken.length - named.length;
  return `On their sources, ${listOf(named, more)}.`;
}

const SOURCE_VERDICT: Record<ClaimStatus, (facet: BriefFacet) => string> = {
  confirmed: (f) => `is authentic (${originsOf(f.forCount.origins)})`,
  contradicted: (f) => `is not authentic (${originsOf(f.againstCount.origins)})`,
  contested: (f) =>
    `is of disputed authenticity (${originsOf(f.forCount.origins)} for, ${formatCount(f.againstCount.origins)} against)`,
  unverified: () => 'is unverified',
};

function originsOf(n: number): string {
  return n === 1 ? '1 independent origin' : `${formatCount(n)} independent origins`;
}

function namedSentence(status: ClaimStatus, claims: readonly BriefClaim[]): string {
  const named = claims
    .slice(0, NAMED_CLAIMS)
    .map((c) => `claim ${c.number}, “${inlineQuote(c.quote)}”`);
  const more = claims.length - named.length;
  if (named.length === 1) return `The ${status} claim is ${named[0]}.`;
  return `The ${status} claims are ${listOf(named, more, '; ')}.`;
}

/** "a", "a and b", "a, b and c" (with `separator`), or "a, b, c and 2 more". */
function listOf(items: readonly string[], more: number, separator = ', '): string {
  const all = more > 0 ? [...items, `${formatCount(more)} more`] : [...items];
  if (all.length < 2) return all[0] ?? '';
  const and = separator === '; ' ? '; and ' : ' and ';
  return `${all.slice(0, -1).join(separator)}${and}${all.at(-1)}`;
}

/** A claim shortened to quote inside a sentence, without its own full stop. */
function inlineQuote(quote: string): string {
  return shorten(quote, EXCERPT_LENGTH).replace(/(?<!\.)\.$/, '');
}
