// Settling a verdict conflict an import listed: the reviewer keeps the verdict the merge set aside
// (the replaced one is listed the other way round, so nothing is lost), or takes it off the list.
import type { Judgement } from '../review/assessment';
import type { JudgementConflict } from './review-sharing';

/** What the reviewer does with a listed conflict (the same three as for tag conflicts). */
export type ConflictAction = 'keep-other' | 'accept' | 'dismiss';

/** The listed conflict of a claim whose set-aside verdict was changed at `otherModified`. */
export function findJudgementConflict(
  conflicts: readonly JudgementConflict[] | undefined,
  claimId: string,
  otherModified: string,
): JudgementConflict | undefined {
  return conflicts?.find((c) => c.claimId === claimId && c.other.modified === otherModified);
}

/** The judgements and listed conflicts after settling one conflict. */
export interface SettledJudgements {
  judgements: Record<string, Judgement>;
  conflicts: JudgementConflict[];
}

/**
 * Settles `conflict`. 'keep-other' puts its set-aside verdict in place, marked as changed `now`
 * so the choice also wins the next merge, and lists the verdict it replaced (the one in use now,
 * which the reviewer may have changed since the import) as set aside; the claim's other
 * conflicts then stand beside the restored verdict. 'accept' and 'dismiss' keep the
 * verdict in use and take the conflict off the list. Nothing is mutated.
 */
export function settleJudgementConflict(
  judgements: Readonly<Record<string, Judgement>>,
  conflicts: readonly JudgementConflict[],
  conflict: JudgementConflict,
  action: ConflictAction,
  now: string,
): SettledJudgements {
  if (action !== 'keep-other') {
    return { judgements: { ...judgements }, conflicts: conflicts.filter((c) => c !== conflict) };
  }
  const { claimId } = conflict;
  const outgoing = Object.hasOwn(judgements, claimId) ? judgements[claimId] : undefined;
  const restored: Judgement = { ...conflict.other, modified: now };
  const settled: JudgementConflict[] = [];
  for (const c of conflicts) {
    // A verdict the reviewer cleared since the import is not brought back as set aside.
    if (c === conflict) {
      if (outgoing) settled.push({ claimId, kept: restored, other: outgoing });
    } else settled.push(c.claimId === claimId ? { ...c, kept: restored } : c);
  }
  return { judgements: { ...judgements, [claimId]: restored }, conflicts: settled };
}

/**
 * The verdicts and verdict conflicts of claim `from` moved to claim `to`: when the reviewer keeps
 * the other version of a claim a merge folded (another tag id on the same sentence), its verdict
 * goes with the sentence instead of staying on a claim no longer in the review. A verdict `to`
 * already has stays.
 */
export function verdictsFollowClaim(
  judgements: Readonly<Record<string, Judgement>>,
  conflicts: readonly JudgementConflict[],
  from: string,
  to: string,
): SettledJudgements {
  const moved: Record<string, Judgement> = { ...judgements };
  const verdict = Object.hasOwn(moved, from) ? moved[from] : undefined;
  if (from === to || !verdict || Object.hasOwn(moved, to)) {
    return { judgements: moved, conflicts: [...conflicts] };
  }
  delete moved[from];
  moved[to] = verdict;
  return {
    judgements: moved,
    conflicts: conflicts.map((c) => (c.claimId === from ? { ...c, claimId: to } : c)),
  };
}
