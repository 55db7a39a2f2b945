import { describe, expect, it } from 'vitest';
import { exportFileName } from './exports';

describe('exportFileName', () => {
  it.each([
    ['Sample: Iraq letter, January 2020', 'brief', 'Sample - Iraq letter, January 2020.pdf'],
    ['a/b\\c\u0007d', 'annotations', 'a - b - cd.crosscheck.json'],
    ['   ', 'brief', 'review.pdf'],
    ['Ελληνικά и русский', 'brief', 'Ελληνικά и русский.pdf'],
  ] as const)('names the export of “%s”', (name, kind, expected) => {
    expect(exportFileName(name, kind)).toBe(expected);
  });
});
