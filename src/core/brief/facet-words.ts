// The words the brief prints for a facet's status and the independent origins behind it, so the
// key judgements, the claims table and the claim sections say the same thing the same way.
import type { Facet } from '../review/assessment';
import type { ClaimStatus } from '../review/claim-status';
import { formatCount } from './shorten';
import type { BriefFacet } from './types';

const STATUS_WORDS: Record<Facet, Record<ClaimStatus, string>> = {
  source: {
    confirmed: 'Confirmed authentic',
    contradicted: 'Contradicted: not authentic',
    contested: 'Contested authenticity',
    unverified: 'Unverified',
  },
  content: {
    confirmed: 'Confirmed',
    contradicted: 'Contradicted',
    contested: 'Contested',
    unverified: 'Unverified',
  },
};

/** "Confirmed authentic" for a source, "Contradicted" for a content, and so on. */
export function facetStatusWords(facet: Facet, status: ClaimStatus): string {
  return STATUS_WORDS[facet][status];
}

/** What each facet asks, as a heading says it. */
export const FACET_QUESTIONS: Record<Facet, string> = {
  source: 'On its source: is the document, letter, quote or speaker authentic?',
  content: 'On its content: is what it asserts true?',
};

/**
 * The independent origins behind a status, by name (the status says which way they point): "2
 * independent origins: Reuters; Liz Sly", "1 independent origin for: A; 2 against: B; C" for a
 * contested one, or "no independent evidence".
 */
export function originsPhrase(
  forLabels: readonly string[],
  againstLabels: readonly string[],
): string {
  const count = (n: number) => `${formatCount(n)} independent origin${n === 1 ? '' : 's'}`;
  const names = (labels: readonly string[]) => labels.join('; ');
  if (forLabels.length === 0 && againstLabels.length === 0) return 'no independent evidence';
  if (againstLabels.length === 0) return `${count(forLabels.length)}: ${names(forLabels)}`;
  if (forLabels.length === 0) return `${count(againstLabels.length)}: ${names(againstLabels)}`;
  return `${count(forLabels.length)} for: ${names(forLabels)}; ${formatCount(againstLabels.length)} against: ${names(againstLabels)}`;
}

/** A facet's origin labels, for and against. */
export function originLabels(facet: BriefFacet): { for: string[]; against: string[] } {
  return {
    for: facet.origins.filter((o) => o.side === 'for').map((o) => o.label),
    against: facet.origins.filter((o) => o.side === 'against').map((o) => o.label),
  };
}

/**
 * The origins behind a status as a short count for a table cell: "2" for a confirmed or
 * contradicted facet, "2–1" (for–against) for a contested one, empty for an unverified one.
 */
export function originCount(facet: BriefFacet): string {
  const f = facet.forCount.origins;
  const a = facet.againstCount.origins;
  switch (facet.status) {
    case 'confirmed':
      return formatCount(f);
    case 'contradicted':
      return formatCount(a);
    case 'contested':
      return `${formatCount(f)}–${formatCount(a)}`;
    case 'unverified':
      return '';
  }
}

/** "3 items", "1 item", "no items": the tags behind a facet, next to its origins. */
export function itemsWord(facet: BriefFacet): string {
  const items = facet.evidence.length;
  return items === 0 ? 'no items' : `${formatCount(items)} item${items === 1 ? '' : 's'}`;
}
