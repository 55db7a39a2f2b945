// The quick text check for forbidden keys must never let through a file the full walk refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findForbiddenKey, surelyWithoutForbiddenKeys } from './safe-json';

describe('surelyWithoutForbiddenKeys', () => {
  it.each([
    ['a __proto__ key', '{"a": {"__proto__": {"x": 1}}}'],
    ['a constructor key with spaces before the colon', '{"constructor"  : {}}'],
    ['a prototype key in a list', '[{"prototype": 1}]'],
    ['a key spelled with \\u escapes', '{"\\u0063onstructor": 1}'],
    ['an escaped underscore', '{"\\u005f_proto__": 1}'],
    ['an escape in upper-case hex', '{"\\u005F_proto__": 1}'],
  ])('is not sure of %s, and the walk finds it', (_name, text) => {
    expect(surelyWithoutForbiddenKeys(text)).toBe(false);
    expect(findForbiddenKey(JSON.parse(text))).toBeDefined();
  });

  it.each([
    ['prose about a protocol and a constructor', '{"text": "The protocol names the constructor."}'],
    ['a quoted word inside a string', '{"text": "he said \\"protocols\\""}'],
    ['an escaped control character', '{"text": "a\\u0002b \\u00e9"}'],
  ])('is sure of %s', (_name, text) => {
    expect(surelyWithoutForbiddenKeys(text)).toBe(true);
  });

  it('is not sure of a value that is exactly "constructor" (the walk then clears it)', () => {
    const text = '{"name": "constructor"}';
    expect(surelyWithoutForbiddenKeys(text)).toBe(false);
    expect(findForbiddenKey(JSON.parse(text))).toBeUndefined();
  });

  it('never says sure when the walk finds a key (random JSON with hostile keys)', () => {
    const key = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'proto', 'a', 'construct'),
      fc.string(),
    );
    const json = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.array(tie('value'), { maxLength: 3 }),
        fc
          .array(fc.tuple(key, tie('value')), { maxLength: 3 })
          .map(
            (entries) =>
              JSON.parse(
                `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`,
              ) as unknown,
          ),
      ),
    }));
    fc.assert(
      fc.property(json.value, (value) => {
        const text = JSON.stringify(value) ?? 'null';
        if (surelyWithoutForbiddenKeys(text))
          expect(findForbiddenKey(JSON.parse(text))).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
});
