// The reviewer's judgements of two reviews merged claim by claim: a judgement on one side only is
// kept; two that differ keep the later (by `modified`) and record the other as a conflict, so
// nothing is lost; two that differ only in time keep the later quietly.
import type { Judgement } from '../review/assessment';
import type { JudgementConflict } from './review-sharing';
import { compareTimes } from './tag-versions';

/** The merged judgements and conflicts: all kept, and those this merge found. */
export interface MergedJudgements {
  judgements: Record<string, Judgement>;
  conflicts: JudgementConflict[];
  fresh: JudgementConflict[];
  /** Claims whose judgement this merge added or replaced. */
  changed: number;
}

/**
 * Merges `incoming` judgements into `local`. Claim ids go through `redirects` (a claim a merge
 * folded into another on the same sentence), and judgements of claims not in `claims` are
 * dropped. `previous` conflicts stay listed, beside the judgement now kept, unless that is the
 * one they set aside.
 */
export function mergeJudgements(
  local: Readonly<Record<string, Judgement>>,
  incoming: Readonly<Record<string, Judgement>>,
  redirects: ReadonlyMap<string, string>,
  claims: ReadonlySet<string>,
  previous: readonly JudgementConflict[] = [],
): MergedJudgements {
  const judgements: Record<string, Judgement> = {};
  const fresh: JudgementConflict[] = [];
  const origin = new Map<string, Judgement>();
  const put = (claimId: string, judgement: Judgement, fromLocal: boolean) => {
    const id = redirects.get(claimId) ?? claimId;
    if (!claims.has(id)) return;
    const there = Object.hasOwn(judgements, id) ? judgements[id] : undefined;
    if (fromLocal && !there) origin.set(id, judgement);
    if (!there) {
      judgements[id] = judgement;
      return;
    }
    if (sameJudgement(there, judgement)) return;
    const kept = laterJudgement(there, judgement);
    const other = kept === there ? judgement : there;
    judgements[id] = kept;
    if (!sameExceptTime(there, judgement)) fresh.push({ claimId: id, kept, other });
  };
  for (const [claimId, judgement] of Object.entries(local)) put(claimId, judgement, true);
  for (const [claimId, judgement] of Object.entries(incoming)) put(claimId, judgement, false);
  let changed = 0;
  for (const [id, judgement] of Object.entries(judgements)) {
    if (origin.get(id) !== judgement) changed++;
  }
  const seen = new Set<string>();
  const conflicts: JudgementConflict[] = [];
  const freshKept: JudgementConflict[] = [];
  const visit = (conflict: JudgementConflict, isNew: boolean) => {
    const id = redirects.get(conflict.claimId) ?? conflict.claimId;
    const kept = Object.hasOwn(judgements, id) ? judgements[id] : undefined;
    if (!kept || sameJudgement(kept, conflict.other)) return;
    const key = `${id} ${judgementKey(conflict.other)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const updated = { claimId: id, kept, other: conflict.other };
    conflicts.push(updated);
    if (isNew) freshKept.push(updated);
  };
  for (const conflict of previous) visit(conflict, false);
  for (const conflict of fresh) visit(conflict, true);
  return { judgements, conflicts, fresh: freshKept, changed };
}

/** Whether two judgements say the same, at the same time, by the same reviewer. */
function sameJudgement(a: Judgement, b: Judgement): boolean {
  return a.modified === b.modified && sameExceptTime(a, b);
}

function sameExceptTime(a: Judgement, b: Judgement): boolean {
  return (
    a.verdict === b.verdict &&
    a.confidence === b.confidence &&
    (a.rationale ?? '') === (b.rationale ?? '') &&
    a.author === b.author
  );
}

/** The later judgement; on a tie, the one whose content sorts last (a fixed choice). */
function laterJudgement(a: Judgement, b: Judgement): Judgement {
  const byTime = compareTimes(a.modified, b.modified);
  if (byTime !== 0) return byTime > 0 ? a : b;
  return judgementKey(a) >= judgementKey(b) ? a : b;
}

function judgementKey(j: Judgement): string {
  return JSON.stringify([j.verdict, j.confidence, j.rationale ?? '', j.author, j.modified]);
}
