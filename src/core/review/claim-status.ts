// Claim status, derived from linked evidence and never stored (DESIGN.md section 3).
import type { Tag } from './types';

/** Where a claim stands given its linked evidence. */
export type ClaimStatus = 'unverified' | 'confirmed' | 'contradicted' | 'contested';

/** Statuses in the order a reader should see them: the disputed first. */
export const CLAIM_STATUS_ORDER: readonly ClaimStatus[] = [
  'contested',
  'contradicted',
  'confirmed',
  'unverified',
];

/** Counts of evidence for or against a claim, in tags and in distinct documents. */
export interface EvidenceCount {
  tags: number;
  documents: number;
}

/** A claim with its status and the evidence that speaks to it, grouped for and against. */
export interface ClaimWithEvidence {
  claim: Tag;
  status: ClaimStatus;
  confirmations: Tag[];
  contradictions: Tag[];
  forCount: EvidenceCount;
  againstCount: EvidenceCount;
}

/** The status that follows from how many confirmations and contradictions a claim has. */
export function statusOf(confirmations: number, contradictions: number): ClaimStatus {
  if (confirmations > 0 && contradictions > 0) return 'contested';
  if (confirmations > 0) return 'confirmed';
  if (contradictions > 0) return 'contradicted';
  return 'unverified';
}

/**
 * Every claim of a review with its evidence, in the order of `tags` (callers sort). Links to tags
 * that are not claims, or that no longer exist, are ignored.
 */
export function claimsWithEvidence(tags: readonly Tag[]): ClaimWithEvidence[] {
  const byClaim = new Map<string, { confirmations: Tag[]; contradictions: Tag[] }>();
  for (const tag of tags) {
    if (tag.kind === 'claim') byClaim.set(tag.id, { confirmations: [], contradictions: [] });
  }
  for (const tag of tags) {
    if (tag.kind === 'claim' || !tag.claimIds) continue;
    for (const claimId of new Set(tag.claimIds)) {
      const group = byClaim.get(claimId);
      if (!group) continue;
      (tag.kind === 'confirmation' ? group.confirmations : group.contradictions).push(tag);
    }
  }
  const result: ClaimWithEvidence[] = [];
  for (const claim of tags) {
    const group = byClaim.get(claim.id);
    if (claim.kind !== 'claim' || !group) continue;
    result.push({
      claim,
      status: statusOf(group.confirmations.length, group.contradictions.length),
      confirmations: group.confirmations,
      contradictions: group.contradictions,
      forCount: countOf(group.confirmations),
      againstCount: countOf(group.contradictions),
    });
  }
  return result;
}

function countOf(evidence: Tag[]): EvidenceCount {
  return { tags: evidence.length, documents: new Set(evidence.map((t) => t.documentId)).size };
}
