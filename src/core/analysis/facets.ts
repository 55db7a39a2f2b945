// What each evidence→claim link speaks to: the claim's source (authentic?) or its content (true?).
import { fail, ok, type Problem, type Result } from '../result';
import type { Facet } from '../review/assessment';
import { noSuchTag, type EditContext, type TagEdit } from '../review/tag-edits';
import type { Tag } from '../review/types';

/** The facet of evidence's link to a claim: `content` unless the link is marked as `source`. */
export function facetOf(evidence: Tag, claimId: string): Facet {
  return evidence.facets?.[claimId] === 'source' ? 'source' : 'content';
}

/** Sets what evidence's link to a claim speaks to; the link must exist. */
export function setFacet(
  tags: readonly Tag[],
  evidenceId: string,
  claimId: string,
  facet: Facet,
  context: Pick<EditContext, 'now'>,
): Result<TagEdit, Problem> {
  const evidence = tags.find((t) => t.id === evidenceId);
  if (!evidence) return fail(noSuchTag(evidenceId));
  if (!evidence.claimIds?.includes(claimId)) {
    return fail({
      code: 'not-linked',
      message:
        'This evidence is not linked to that claim; link it first, then say what it speaks to.',
    });
  }
  const label = `mark as speaking to the ${facet}`;
  if (facetOf(evidence, claimId) === facet) return ok({ label, patches: [] });
  const after: Tag = { ...evidence, modified: context.now };
  const { [claimId]: _old, ...others } = evidence.facets ?? {};
  const facets: Record<string, 'source'> =
    facet === 'source' ? { ...others, [claimId]: 'source' } : others;
  if (Object.keys(facets).length > 0) after.facets = facets;
  else delete after.facets;
  return ok({ label, patches: [{ id: evidence.id, before: evidence, after }] });
}

/** Switches a link between source and content (the one-key toggle). */
export function toggleFacet(
  tags: readonly Tag[],
  evidenceId: string,
  claimId: string,
  context: Pick<EditContext, 'now'>,
): Result<TagEdit, Problem> {
  const evidence = tags.find((t) => t.id === evidenceId);
  if (!evidence) return fail(noSuchTag(evidenceId));
  const next: Facet = facetOf(evidence, claimId) === 'source' ? 'content' : 'source';
  return setFacet(tags, evidenceId, claimId, next, context);
}
