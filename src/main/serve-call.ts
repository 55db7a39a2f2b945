// One way into the back end for both hosts: a call by name with raw arguments is validated,
// run, and always answered with a Result; anything thrown becomes a plain Problem, never an
// HTTP 500 or an unhandled rejection over IPC.
import { fail, type Problem, type Result } from '../core/result';
import type { ReviewApi } from '../shared/review-api';
import { isReviewApiMethod } from '../shared/review-api-methods';
import { validateArgs } from '../shared/review-api-schema';
import { fsReason, isFsError } from './store/fs-problem';

/** Problem codes serveCall itself answers with (hosts may map them to transport statuses). */
export const CALL_PROBLEMS = {
  unknownMethod: 'unknown-method',
  invalidRequest: 'invalid-request',
  internal: 'internal-error',
} as const;

/** Runs `method` of `api` with `rawArgs`: validate → call → catch → Result. */
export async function serveCall(
  api: ReviewApi,
  method: string,
  rawArgs: unknown,
  log: (message: string, error: unknown) => void = defaultLog,
): Promise<Result<unknown, Problem>> {
  if (!isReviewApiMethod(method)) {
    return fail({ code: CALL_PROBLEMS.unknownMethod, message: `Unknown method “${method}”.` });
  }
  const valid = validateArgs(method, rawArgs ?? {});
  if (!valid.ok) return fail({ code: CALL_PROBLEMS.invalidRequest, message: valid.message });
  try {
    const run = api[method] as (args: unknown) => Promise<Result<unknown, Problem>>;
    return await run.call(api, valid.value);
  } catch (error) {
    log(`crosscheck: ${method} failed:`, error);
    return fail({ code: CALL_PROBLEMS.internal, message: thrownMessage(error) });
  }
}

/** A plain sentence for an error a call threw. */
function thrownMessage(error: unknown): string {
  if (isFsError(error)) {
    return `Crosscheck could not use its data folder (${fsReason(error)}); free some space or check the folder’s permissions, then try again.`;
  }
  return 'Something went wrong inside Crosscheck, so that action may not have been done; try again, and restart Crosscheck if it keeps happening.';
}

function defaultLog(message: string, error: unknown): void {
  console.error(message, error);
}
