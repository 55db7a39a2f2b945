// What a sentence row says about the facet of its evidence: what its links speak to, or, while a
// claim is selected, what its link to that claim speaks to.
import { facetOf } from '../../../core/analysis/facets';
import type { Facet } from '../../../core/review/assessment';
import type { Tag } from '../../../core/review/types';

/** A row's facet mark: one facet, both (links to several claims differ), or none. */
export type FacetMark = Facet | 'both' | undefined;

/**
 * The facet mark of a tag: undefined for claims and unlinked evidence; the facet of its link to
 * `claimId` when it has one; otherwise its links' facet, or `both` when they differ.
 */
export function facetMark(tag: Tag | undefined, claimId?: string): FacetMark {
  const links = tag && tag.kind !== 'claim' ? (tag.claimIds ?? []) : [];
  if (links.length === 0) return undefined;
  const evidence = tag as Tag;
  if (claimId && links.includes(claimId)) return facetOf(evidence, claimId);
  const facets = new Set(links.map((id) => facetOf(evidence, id)));
  return facets.size === 1 ? [...facets][0] : 'both';
}
