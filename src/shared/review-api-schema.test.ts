import { describe, expect, it } from 'vitest';
import { validateArgs } from './review-api-schema';

describe('validateArgs', () => {
  it('accepts a facet for a link and refuses one that is not source or content', () => {
    const link = { reviewId: 'r1', evidenceId: 'e1', claimId: 'c1' };
    expect(validateArgs('setFacet', { ...link, facet: 'source' })).toEqual({
      ok: true,
      value: { ...link, facet: 'source' },
    });
    const wrong = validateArgs('setFacet', { ...link, facet: 'both' });
    expect(wrong.ok).toBe(false);
    expect(validateArgs('setFacet', { reviewId: 'r1', facet: 'source' }).ok).toBe(false);
  });
});
