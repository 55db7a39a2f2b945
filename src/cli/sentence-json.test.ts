import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeSentencesJson } from './sentence-json';

/** What the command printed before: the value built in full, then JSON.stringify. */
function reference(
  files: { path: string; text: string; sentences: { start: number; end: number }[] }[],
  single: boolean,
): string {
  const arrays = files.map((f) =>
    f.sentences.map(({ start, end }) => ({ start, end, text: f.text.slice(start, end) })),
  );
  const value = single ? arrays[0] : Object.fromEntries(files.map((f, k) => [f.path, arrays[k]]));
  return JSON.stringify(value, null, 2) + '\n';
}

function written(files: Parameters<typeof writeSentencesJson>[0], single: boolean): string {
  let all = '';
  writeSentencesJson(files, single, (chunk) => (all += chunk));
  return all;
}

const file = fc
  .record({
    // a real path; names such as "1" would be reordered by Object.fromEntries, not by the writer
    path: fc.string({ maxLength: 12 }).map((name) => `${name}.txt`),
    text: fc.string({ unit: 'binary', maxLength: 40 }),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
  })
  .map(({ path, text, cuts }) => {
    const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    const sentences = [];
    for (let k = 0; k + 1 < points.length; k += 2)
      sentences.push({ start: points[k]!, end: points[k + 1]! });
    return { path, text, sentences };
  });

describe('writeSentencesJson', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, for one file or several', () => {
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 4 }), fc.boolean(), (files, single) => {
        const one = single ? files.slice(0, 1) : files;
        fc.pre(single || new Set(one.map((f) => f.path)).size === one.length);
        expect(written(one, single)).toBe(reference(one, single));
      }),
      { numRuns: 300 },
    );
  });

  it('escapes quotes, control characters and lone surrogates as JSON does', () => {
    const text = 'He said "no"\t\u0001 \ud800 — fine.';
    const files = [{ path: 'a "b".txt', text, sentences: [{ start: 0, end: text.length }] }];
    expect(written(files, true)).toBe(reference(files, true));
    expect(written(files, false)).toBe(reference(files, false));
    expect(JSON.parse(written(files, true))).toEqual([{ start: 0, end: text.length, text }]);
  });
});
