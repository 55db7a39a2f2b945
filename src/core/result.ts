// Expected failures travel as values (they cross process boundaries intact); throw only for bugs.

/** Success with a value, or an expected failure with a plain-words message. */
export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

/** An expected failure: a stable code for programs and one plain sentence for people. */
export interface Problem {
  code: string;
  message: string;
}

/** Wraps a value as a success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps a problem as a failure. */
export function fail<E = Problem>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
