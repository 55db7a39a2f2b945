import { describe, expect, it } from 'vitest';
import { ok } from '../core/result';
import { throwingApi } from '../../tests/support/throwing-api';
import { REVIEW_API_METHODS } from '../shared/review-api-methods';
import { REVIEW_CALLS } from '../shared/review-api-schema';
import { serveCall } from './serve-call';

const quiet = () => undefined;

describe('serveCall', () => {
  it('lists exactly the calls of the table, with no name written twice', () => {
    expect([...REVIEW_API_METHODS].sort()).toEqual(Object.keys(REVIEW_CALLS).sort());
  });

  it('answers a thrown error with a plain Problem, naming a full disk as such', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    });
    const result = await serveCall(
      throwingApi(full),
      'removeTag',
      {
        reviewId: 'r',
        tagId: 't',
      },
      quiet,
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal-error',
        message:
          'Crosscheck could not use its data folder (the disk is full); free some space or check the folder’s permissions, then try again.',
      },
    });
    const bug = await serveCall(
      throwingApi(new TypeError('x is undefined')),
      'listReviews',
      {},
      quiet,
    );
    expect(bug.ok).toBe(false);
    expect(JSON.stringify(bug)).not.toContain('x is undefined');
  });

  it('refuses unknown methods (own keys only) and invalid arguments before calling', async () => {
    const api = throwingApi(new Error('must not be called'));
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      const result = await serveCall(api, name, {}, quiet);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
    expect(await serveCall(api, 'createReview', { name: '  ' }, quiet)).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'Invalid createReview request: “name”: a review needs a name.',
      },
    });
    expect(await serveCall(api, 'createReview', { name: ' Case ' }, quiet)).toEqual(
      ok({ id: 'x', name: 'Case' }),
    );
  });
});
