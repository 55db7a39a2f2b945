// Test support: a ReviewApi whose every call throws (createReview alone succeeds), for the hosts'
// error handling.
import { ok } from '../../src/core/result';
import type { ReviewApi } from '../../src/shared/review-api';

/** A back end whose every call throws, or (for createReview) succeeds. */
export function throwingApi(error: unknown): ReviewApi {
  return new Proxy({} as ReviewApi, {
    get: (_target, method) =>
      method === 'createReview'
        ? async (args: { name: string }) => ok({ id: 'x', name: args.name })
        : async () => {
            throw error;
          },
  });
}
