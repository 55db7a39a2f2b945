import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDateTime } from './foreign-fields';

/** The check without its shortcut for Crosscheck's own times. */
function fullCheck(value: string): boolean {
  const iso =
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
  return value.length <= 40 && iso.test(value) && !Number.isNaN(Date.parse(value));
}

describe('isDateTime', () => {
  it('accepts the times Crosscheck writes and refuses what names no instant', () => {
    expect(isDateTime('2025-01-02T03:04:05.678Z')).toBe(true);
    expect(isDateTime('2024-02-29T23:59:59.999Z')).toBe(true);
    expect(isDateTime('2025-01-02')).toBe(true);
    expect(isDateTime('2025-01-02T03:04:05+02:00')).toBe(true);
    expect(isDateTime('2025-13-02T03:04:05.678Z')).toBe(false);
    expect(isDateTime('2025-01-02T03:04:60.678Z')).toBe(false);
    expect(isDateTime('2025-01-02T03:04:05.678X')).toBe(false);
    expect(isDateTime('yesterday')).toBe(false);
    expect(isDateTime('')).toBe(false);
  });

  it('agrees with the full check on times of that shape, valid or not', () => {
    // Fields around their edges, so that valid and invalid values are both common.
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const time = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        two(13),
        two(32),
        two(25),
        two(61),
        two(61),
        fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')),
      )
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(time, (value) => isDateTime(value) === fullCheck(value)),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the full check on near misses of that shape', () => {
    const chars = fc.constantFrom(...'0123456789-:.TZ+ x'.split(''));
    const value = fc.array(chars, { minLength: 20, maxLength: 28 }).map((c) => c.join(''));
    fc.assert(
      fc.property(value, (text) => isDateTime(text) === fullCheck(text)),
      { numRuns: 20_000 },
    );
  });
});
