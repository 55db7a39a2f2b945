// The one-line summary of a claim's two statuses, e.g. "Authentic (2 independent origins) ·
// content contradicted (2)". The source part appears only when some evidence speaks to the
// source; the first count in the line says what it counts, later counts are bare numbers.
import type { ClaimStatus } from '../review/claim-status';

/** What the summary needs of a facet: its status and origin counts. */
export interface FacetTally {
  status: ClaimStatus;
  forCount: { origins: number };
  againstCount: { origins: number };
}

/** The summary line of a claim from its source and content facets. */
export function summaryLine(source: FacetTally, content: FacetTally): string {
  const hasSource = source.forCount.origins + source.againstCount.origins > 0;
  const hasContent = content.forCount.origins + content.againstCount.origins > 0;
  if (!hasSource && !hasContent) return 'Unverified: no independent evidence yet';
  if (!hasSource) return capitalise(`content ${phrase(content, true)}`);
  const sourcePart = SOURCE_WORDS[source.status] + ` ${counts(source, true)}`;
  const contentPart = `content ${phrase(content, false)}`;
  return `${sourcePart} · ${contentPart}`;
}

const SOURCE_WORDS: Record<ClaimStatus, string> = {
  confirmed: 'Authentic',
  contradicted: 'Authenticity contradicted',
  contested: 'Authenticity contested',
  unverified: 'Authenticity unverified',
};

function phrase(facet: FacetTally, first: boolean): string {
  if (facet.status === 'unverified') return 'unverified';
  return `${facet.status} ${counts(facet, first)}`;
}

/** "(2 independent origins)", "(1 origin)", "(2 origins for, 1 against)"; bare numbers when not first. */
function counts(facet: FacetTally, first: boolean): string {
  const f = facet.forCount.origins;
  const a = facet.againstCount.origins;
  if (facet.status === 'contested')
    return first ? `(${originsWord(f, false)} for, ${a} against)` : `(${f} for, ${a} against)`;
  const n = facet.status === 'confirmed' ? f : a;
  return first ? `(${originsWord(n, true)})` : `(${n})`;
}

function originsWord(n: number, independent: boolean): string {
  if (n === 1) return '1 origin';
  return independent ? `${n} independent origins` : `${n} origins`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
