import { describe, expect, it } from 'vitest';
import { claimsWithEvidence } from './claim-status';
import { memoClaimsWithEvidence } from './claims-memo';
import type { Tag } from './types';

const DOC = `sha256:${'a'.repeat(64)}`;

function tag(id: string, start: number, extra: Partial<Tag> = {}): Tag {
  return {
    id,
    documentId: DOC,
    kind: 'claim',
    anchor: { start, end: start + 5, exact: 'xxxxx', prefix: '', suffix: '' },
    author: 'Ana',
    created: 't0',
    modified: 't0',
    ...extra,
  };
}

describe('memoClaimsWithEvidence', () => {
  const claim = tag('c1', 0);
  const linked = tag('e1', 10, { kind: 'confirmation', claimIds: ['c1'] });

  it('keeps its result when only unlinked evidence is added', () => {
    const derive = memoClaimsWithEvidence();
    const first = derive([claim, linked]);
    const unlinked = tag('e2', 20, { kind: 'contradiction' });
    expect(derive([claim, linked, unlinked])).toBe(first);
    expect(first).toEqual(claimsWithEvidence([claim, linked, unlinked]));
  });

  it('re-derives when a link, a claim or a removal changes the claims', () => {
    const derive = memoClaimsWithEvidence();
    const unlinked = tag('e2', 20, { kind: 'contradiction' });
    const before = derive([claim, linked, unlinked]);
    const nowLinked = { ...unlinked, claimIds: ['c1'] };
    const after = derive([claim, linked, nowLinked]);
    expect(after).not.toBe(before);
    expect(after[0]?.status).toBe('contested');
    const second = tag('c2', 30);
    expect(derive([claim, linked, nowLinked, second])).toEqual(
      claimsWithEvidence([claim, linked, nowLinked, second]),
    );
    expect(derive([linked, nowLinked])).toEqual([]);
  });
});
