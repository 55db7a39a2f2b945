// Information credibility of an evidence item on the Admiralty scale (1–6). Grade 1, "confirmed
// by other sources", is only given when at least two independent origins agree: the item and
// another origin saying the same (same kind, same claim, same facet).
import { fail, ok, type Problem, type Result } from '../result';
import { CREDIBILITY_GRADES, type Credibility } from '../review/assessment';
import { noSuchTag, type EditContext, type TagEdit } from '../review/tag-edits';
import type { Tag } from '../review/types';
import { analyseReview } from './claim-analysis';
import { facetOf } from './facets';

/**
 * The most independent origins that agree with an evidence item on any one of its links,
 * counting the item's own origin; 0 when the item counts for no claim independently.
 */
export function agreeingOrigins(tags: readonly Tag[], evidenceId: string): number {
  const evidence = tags.find((t) => t.id === evidenceId);
  if (!evidence || evidence.kind === 'claim') return 0;
  let best = 0;
  for (const entry of analyseReview({ tags }).claims) {
    if (!evidence.claimIds?.includes(entry.claim.id)) continue;
    const facet = facetOf(evidence, entry.claim.id) === 'source' ? entry.source : entry.content;
    const side = evidence.kind === 'confirmation' ? facet.forOrigins : facet.againstOrigins;
    if (side.some((ref) => ref.tagIds.includes(evidence.id))) best = Math.max(best, side.length);
  }
  return best;
}

/** Grades an evidence item's credibility 1–6, or clears the grade (undefined). */
export function gradeItem(
  tags: readonly Tag[],
  evidenceId: string,
  credibility: Credibility | undefined,
  context: Pick<EditContext, 'now'>,
): Result<TagEdit, Problem> {
  const evidence = tags.find((t) => t.id === evidenceId);
  if (!evidence) return fail(noSuchTag(evidenceId));
  if (evidence.kind === 'claim') {
    return fail({
      code: 'not-evidence',
      message: 'Only a confirmation or a contradiction can be graded for credibility.',
    });
  }
  if (credibility !== undefined && !CREDIBILITY_GRADES.some((g) => g.grade === credibility)) {
    return fail({
      code: 'not-a-credibility',
      message: `${String(credibility)} is not a credibility grade; use a number from 1 to 6.`,
    });
  }
  if (credibility === 1 && agreeingOrigins(tags, evidenceId) < 2) {
    return fail({
      code: 'not-confirmed',
      message:
        'Grade 1 (confirmed by other sources) needs another independent origin saying the same; link one, or choose grade 2 to 6.',
    });
  }
  const label = credibility ? `grade credibility ${credibility}` : 'clear credibility';
  if (evidence.credibility === credibility) return ok({ label, patches: [] });
  const after: Tag = { ...evidence, modified: context.now };
  if (credibility) after.credibility = credibility;
  else delete after.credibility;
  return ok({ label, patches: [{ id: evidence.id, before: evidence, after }] });
}
