// Claims with evidence, re-derived only when a claim or a link changed (not on every tag change).
import { claimsWithEvidence, type ClaimWithEvidence } from './claim-status';
import type { Tag } from './types';

/** The tags that claimsWithEvidence reads: claims, and evidence that is linked to something. */
function claimInputs(tags: readonly Tag[]): Tag[] {
  return tags.filter((t) => t.kind === 'claim' || (t.claimIds?.length ?? 0) > 0);
}

function sameTags(a: readonly Tag[], b: readonly Tag[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/**
 * A claimsWithEvidence that gives back its previous result (the same array) while the claims and
 * the linked evidence are the same tag objects in the same order. Tags are immutable values: an
 * edited tag is a new object, so a new or edited claim or link re-derives; tagging an unlinked
 * confirmation does not.
 */
export function memoClaimsWithEvidence(): (tags: readonly Tag[]) => ClaimWithEvidence[] {
  let inputs: Tag[] | undefined;
  let result: ClaimWithEvidence[] = [];
  return (tags) => {
    const next = claimInputs(tags);
    if (inputs && sameTags(inputs, next)) return result;
    inputs = next;
    result = claimsWithEvidence(next);
    return result;
  };
}
