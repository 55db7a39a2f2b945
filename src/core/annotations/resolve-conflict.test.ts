import { describe, expect, it } from 'vitest';
import type { Review, Tag } from '../review/types';
import { flipConflict, foldedClaims, withoutFoldEchoes } from './resolve-conflict';
import type { ReviewSharing } from './review-sharing';

const DOC = `sha256:${'b'.repeat(64)}`;

function tag(
  id: string,
  start: number,
  kind: Tag['kind'],
  author: string,
  claimIds?: string[],
): Tag {
  return {
    id,
    documentId: DOC,
    kind,
    anchor: { start, end: start + 4, exact: 'abcd', prefix: '', suffix: '' },
    author,
    created: `${author}-t`,
    modified: `${author}-t`,
    ...(claimIds ? { claimIds } : {}),
  };
}

// B's review after importing A's file: both tagged sentence 0 a claim (A's folded into B's), and
// sentence 10 as evidence (B: a confirmation of B's claim; A, set aside: a contradiction of A's).
const claimB = tag('claim-b', 0, 'claim', 'B');
const claimA = tag('claim-a', 0, 'claim', 'A');
const proofB = tag('proof-b', 10, 'confirmation', 'B', ['claim-b']);
const proofA = tag('proof-a', 10, 'contradiction', 'A', ['claim-a']);
const review: Review = {
  schemaVersion: 1,
  id: 'r',
  name: 'B',
  created: 't',
  modified: 't',
  reviewers: ['A', 'B'],
  documents: [],
  tags: [claimB, proofB],
  panes: [],
};
const sharing: ReviewSharing = {
  orphans: [],
  needsReview: [],
  removed: [],
  conflicts: [
    { id: 'claim-b', kept: claimB, other: claimA },
    { id: 'proof-b', kept: proofB, other: proofA },
  ],
};

describe('flipConflict', () => {
  it('knows which claims a merge folded into which', () => {
    expect(foldedClaims(review, sharing)).toEqual(new Map([['claim-a', 'claim-b']]));
  });

  it('points the restored evidence at the claim its own claim was folded into', () => {
    const conflict = sharing.conflicts[1]!;
    const flipped = flipConflict(review, sharing, conflict, 'now');
    const restored = { ...proofA, modified: 'now', claimIds: ['claim-b'] };
    expect(flipped.review.tags).toEqual([claimB, restored]);
    expect(flipped.sharing.conflicts).toEqual([
      sharing.conflicts[0],
      { id: 'proof-a', kept: restored, other: proofB },
    ]);
  });

  it('keeping the folded claim itself moves the links back to it', () => {
    const flipped = flipConflict(review, sharing, sharing.conflicts[0]!, 'now');
    expect(flipped.review.tags).toEqual([
      { ...claimA, modified: 'now' },
      { ...proofB, claimIds: ['claim-a'] },
    ]);
  });
});

describe('withoutFoldEchoes', () => {
  it('drops a conflict that differs only in naming the folded claim, and keeps real ones', () => {
    const kept = { ...proofA, modified: 'now', claimIds: ['claim-b'] };
    const echo = { id: 'proof-a', kept, other: proofA };
    const real = { id: 'proof-a', kept, other: { ...proofA, note: 'A disagrees' } };
    expect(withoutFoldEchoes(review, [sharing.conflicts[0]!, echo, real], sharing)).toEqual([
      sharing.conflicts[0],
      real,
    ]);
  });
});
