import { describe, expect, it } from 'vitest';
import type { Judgement } from '../review/assessment';
import type { JudgementConflict } from './review-sharing';
import {
  findJudgementConflict,
  settleJudgementConflict,
  verdictsFollowClaim,
} from './settle-judgement-conflict';

const mine: Judgement = { verdict: 'likely', confidence: 'high', author: 'Bo', modified: 't2' };
const amal: Judgement = {
  verdict: 'unlikely',
  confidence: 'low',
  rationale: 'The letter was a draft.',
  author: 'Amal',
  modified: 't1',
};
const cy: Judgement = {
  verdict: 'almost certain',
  confidence: 'moderate',
  author: 'Cy',
  modified: 't0',
};
const other: Judgement = { verdict: 'likely', confidence: 'low', author: 'Bo', modified: 't3' };
const judgements = { c1: mine, c2: other };
const fromAmal: JudgementConflict = { claimId: 'c1', kept: mine, other: amal };
const fromCy: JudgementConflict = { claimId: 'c1', kept: mine, other: cy };
const onC2: JudgementConflict = { claimId: 'c2', kept: other, other: mine };
const conflicts = [fromAmal, onC2, fromCy];

describe('findJudgementConflict', () => {
  it('finds a claim’s conflict by when its set-aside verdict was changed', () => {
    expect(findJudgementConflict(conflicts, 'c1', 't0')).toBe(fromCy);
    expect(findJudgementConflict(conflicts, 'c1', 't1')).toBe(fromAmal);
    expect(findJudgementConflict(conflicts, 'c2', 't1')).toBeUndefined();
    expect(findJudgementConflict(undefined, 'c1', 't1')).toBeUndefined();
  });
});

describe('settleJudgementConflict', () => {
  it.each(['accept', 'dismiss'] as const)(
    '%s keeps the verdict and drops the conflict',
    (action) => {
      const settled = settleJudgementConflict(judgements, conflicts, fromAmal, action, 'now');
      expect(settled).toEqual({ judgements, conflicts: [onC2, fromCy] });
    },
  );

  it('keep-other restores the set-aside verdict, now, and lists the replaced one', () => {
    const settled = settleJudgementConflict(judgements, conflicts, fromAmal, 'keep-other', 'now');
    const restored = { ...amal, modified: 'now' };
    expect(settled.judgements).toEqual({ c1: restored, c2: other });
    expect(settled.conflicts).toEqual([
      { claimId: 'c1', kept: restored, other: mine },
      onC2,
      { claimId: 'c1', kept: restored, other: cy },
    ]);
  });

  it('keep-other twice comes back to the first verdict, losing nothing', () => {
    const once = settleJudgementConflict(judgements, conflicts, fromAmal, 'keep-other', 'now');
    const flipped = once.conflicts[0] as JudgementConflict;
    const twice = settleJudgementConflict(
      once.judgements,
      once.conflicts,
      flipped,
      'keep-other',
      'later',
    );
    expect(twice.judgements.c1).toEqual({ ...mine, modified: 'later' });
    expect(twice.conflicts[0]).toEqual({
      claimId: 'c1',
      kept: { ...mine, modified: 'later' },
      other: { ...amal, modified: 'now' },
    });
  });

  it('sets aside the verdict in use, not a stale one, and never one the reviewer cleared', () => {
    const changed: Judgement = { ...mine, verdict: 'very likely', modified: 't4' };
    const replaced = settleJudgementConflict(
      { c1: changed },
      [fromAmal],
      fromAmal,
      'keep-other',
      'now',
    );
    expect(replaced.conflicts).toEqual([
      { claimId: 'c1', kept: { ...amal, modified: 'now' }, other: changed },
    ]);
    const cleared = settleJudgementConflict({}, [fromAmal], fromAmal, 'keep-other', 'now');
    expect(cleared).toEqual({ judgements: { c1: { ...amal, modified: 'now' } }, conflicts: [] });
  });

  it('does not change what it was given', () => {
    const before = JSON.stringify({ judgements, conflicts });
    settleJudgementConflict(judgements, conflicts, fromAmal, 'keep-other', 'now');
    expect(JSON.stringify({ judgements, conflicts })).toBe(before);
  });
});

describe('verdictsFollowClaim', () => {
  it('moves a claim’s verdict and its conflicts to the claim kept in its place', () => {
    expect(verdictsFollowClaim(judgements, conflicts, 'c1', 'c9')).toEqual({
      judgements: { c2: other, c9: mine },
      conflicts: [{ ...fromAmal, claimId: 'c9' }, onC2, { ...fromCy, claimId: 'c9' }],
    });
  });

  it('leaves them where they are when there is nothing to move or the claim has a verdict', () => {
    for (const [from, to] of [
      ['c1', 'c1'],
      ['c7', 'c9'],
      ['c1', 'c2'],
    ] as const) {
      expect(verdictsFollowClaim(judgements, conflicts, from, to)).toEqual({
        judgements,
        conflicts,
      });
    }
  });
});
