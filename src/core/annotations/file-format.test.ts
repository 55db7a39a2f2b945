// The hand-written UUID and document IRI checks accept exactly what the regular expressions they
// replaced accept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentIdOfIri, isDocumentIri, isUuidIri, uuidOfIri } from './file-format';

const PATTERN =
  /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

describe('isUuidIri', () => {
  it.each([
    ['urn:uuid:00000000-0000-4000-8000-00000000863b', true],
    ['urn:uuid:ABCDEF01-abcd-ABCD-abcd-0123456789AB', true],
    ['urn:uuid:00000000-0000-4000-8000-00000000863', false],
    ['urn:uuid:00000000-0000-4000-8000-00000000863bb', false],
    ['urn:uuid:00000000_0000-4000-8000-00000000863b', false],
    ['urn:uuid:0000000g-0000-4000-8000-00000000863b', false],
    ['urn:uuid:0000000G-0000-4000-8000-00000000863b', false],
    ['urn:uuid:0000000@-0000-4000-8000-00000000863b', false],
    ['urn:uuid:0000000`-0000-4000-8000-00000000863b', false],
    ['URN:UUID:00000000-0000-4000-8000-00000000863b', false],
    ['00000000-0000-4000-8000-00000000863b', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isUuidIri(text)).toBe(expected);
    expect(PATTERN.test(text)).toBe(expected);
  });

  it('agrees with the regular expression on random near-UUIDs', () => {
    const char = fc.constantFrom(...'0123456789abcdefABCDEFgG-@`/:{ '.split(''));
    const near = fc
      .array(char, { minLength: 34, maxLength: 38 })
      .map((chars) => `urn:uuid:${chars.join('')}`);
    const shaped = fc
      .tuple(...[8, 4, 4, 4, 12].map((n) => fc.array(char, { minLength: n, maxLength: n })))
      .map((parts) => `urn:uuid:${parts.map((p) => p.join('')).join('-')}`);
    fc.assert(
      fc.property(fc.oneof(near, shaped), (text) => {
        expect(isUuidIri(text)).toBe(PATTERN.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the id in lower case', () => {
    expect(uuidOfIri('urn:uuid:ABCDEF01-abcd-ABCD-abcd-0123456789AB')).toBe(
      'abcdef01-abcd-abcd-abcd-0123456789ab',
    );
    expect(uuidOfIri('urn:uuid:nope')).toBeUndefined();
  });
});

const DOCUMENT_PATTERN = /^urn:sha256:[0-9a-f]{64}$/;
const HEX = '018d7c431aeac7913309b32f5e47faba6a956bb80a1085b8700fb48c0bcaaf8c';

describe('isDocumentIri', () => {
  it.each([
    [`urn:sha256:${HEX}`, true],
    [`urn:sha256:${HEX.toUpperCase()}`, false],
    [`urn:sha256:${HEX.slice(1)}`, false],
    [`urn:sha256:${HEX}0`, false],
    [`urn:sha256:${HEX.slice(1)}g`, false],
    [`urn:sha256:${HEX.slice(1)}/`, false],
    [`urn:sha256:${HEX.slice(1)}:`, false],
    [`urn:sha256:${HEX.slice(1)}\``, false],
    [`urn:sha1:${HEX}`, false],
    [`sha256:${HEX}`, false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isDocumentIri(text)).toBe(expected);
    expect(DOCUMENT_PATTERN.test(text)).toBe(expected);
  });

  it('agrees with the regular expression on random near-IRIs', () => {
    const char = fc.constantFrom(...'0123456789abcdefABCDEFgG@`/:{ '.split(''));
    const near = fc
      .array(char, { minLength: 63, maxLength: 65 })
      .map((chars) => `urn:sha256:${chars.join('')}`);
    fc.assert(
      fc.property(near, (text) => {
        expect(isDocumentIri(text)).toBe(DOCUMENT_PATTERN.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the document id', () => {
    expect(documentIdOfIri(`urn:sha256:${HEX}`)).toBe(`sha256:${HEX}`);
    expect(documentIdOfIri('urn:sha256:nope')).toBeUndefined();
  });
});
