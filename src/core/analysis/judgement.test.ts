import { describe, expect, it } from 'vitest';
import { NOW, tagOn, testDocument } from '../../../tests/support/review-builder';
import { ESTIMATIVE_WORDS, type EstimativeWord } from '../review/assessment';
import type { ClaimStatus } from '../review/claim-status';
import { setJudgement, verdictDisagreement } from './judgement';

const doc = testDocument(1, 'a', 'Troops will leave. Milley denied it.');
const claim = tagOn('claim', doc, 'Troops', 'claim');
const denial = tagOn('denial', doc, 'Milley', 'contradiction', { claimIds: ['claim'] });
const context = { author: 'ana', now: NOW };

describe('setJudgement', () => {
  it('sets a verdict with its confidence and trimmed rationale, by the reviewer', () => {
    const result = setJudgement(
      { tags: [claim, denial] },
      'claim',
      {
        verdict: 'very unlikely',
        confidence: 'moderate',
        rationale: '  A draft, sent by mistake. ',
      },
      context,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        before: {},
        after: {
          claim: {
            verdict: 'very unlikely',
            confidence: 'moderate',
            rationale: 'A draft, sent by mistake.',
            author: 'ana',
            modified: NOW,
          },
        },
      },
    });
  });

  it('clears a verdict and keeps the others', () => {
    const existing = {
      verdict: 'likely' as const,
      confidence: 'low' as const,
      author: 'ben',
      modified: NOW,
    };
    const judgements = { claim: existing, other: existing };
    expect(setJudgement({ tags: [claim], judgements }, 'claim', undefined, context)).toEqual({
      ok: true,
      value: { before: judgements, after: { other: existing } },
    });
    expect(setJudgement({ tags: [], judgements }, 'other', undefined, context)).toEqual({
      ok: true,
      value: { before: judgements, after: { claim: existing } },
    });
  });

  it('refuses evidence, unknown tags, and words off the scale', () => {
    const input = { verdict: 'likely' as const, confidence: 'high' as const };
    expect(setJudgement({ tags: [claim, denial] }, 'denial', input, context)).toEqual({
      ok: false,
      error: { code: 'not-a-claim', message: 'Only a claim can be given a verdict.' },
    });
    expect(setJudgement({ tags: [claim] }, 'gone', input, context).ok).toBe(false);
    const bad = setJudgement(
      { tags: [claim] },
      'claim',
      { verdict: 'probably' as EstimativeWord, confidence: 'high' },
      context,
    );
    expect(bad.ok ? '' : bad.error.message).toMatch(
      /^“probably” is not a word of the estimative scale; use one of “almost no chance”, .*“almost certain”\.$/,
    );
  });
});

describe('verdictDisagreement', () => {
  const words = ESTIMATIVE_WORDS.map((w) => w.word);
  it('lists the ICD 203 scale least likely first', () => {
    expect(words).toEqual([
      'almost no chance',
      'very unlikely',
      'unlikely',
      'roughly even chance',
      'likely',
      'very likely',
      'almost certain',
    ]);
  });

  it.each([
    [
      'confirmed',
      ['almost no chance', 'very unlikely', 'unlikely'],
      'goes against the evidence, which confirms the content',
    ],
    [
      'contradicted',
      ['likely', 'very likely', 'almost certain'],
      'goes against the evidence, which contradicts the content',
    ],
    [
      'contested',
      ['almost no chance', 'almost certain'],
      'is stronger than the evidence, which is contested',
    ],
    [
      'unverified',
      ['almost no chance', 'almost certain'],
      'rests on no independent evidence on the content',
    ],
  ] as [ClaimStatus, EstimativeWord[], string][])(
    'on a %s claim flags exactly %j',
    (status, flagged, words) => {
      for (const verdict of ESTIMATIVE_WORDS.map((w) => w.word)) {
        const message = verdictDisagreement(verdict, status);
        if (flagged.includes(verdict)) expect(message).toBe(`The verdict “${verdict}” ${words}.`);
        else expect(message).toBeUndefined();
      }
    },
  );
});
