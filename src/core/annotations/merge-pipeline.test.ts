// The whole `crosscheck merge A B` pipeline (parse and validate both files, A as a review, B merged
// into it, export) checked byte for byte against the output of a trusted commit
// (tests/fixtures/annotations/merge-pair.golden.json, written by tests/support/write-merge-golden.ts):
// speed work on any step must not change a byte of what is written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeFiles, mergePair } from '../../../tests/support/merge-pair';

const golden = readFileSync(
  new URL('../../../tests/fixtures/annotations/merge-pair.golden.json', import.meta.url),
  'utf8',
);

describe('merge pipeline: parse, reviewFromFile, mergeReviewFile, exportAnnotationFile', () => {
  const { fileA, fileB } = mergePair();

  it('writes the same bytes as the trusted commit', () => {
    expect(mergeFiles(fileA, fileB)).toBe(golden);
  });

  it('the pair exercises what the golden file is meant to pin down', () => {
    const merged = JSON.parse(golden) as Record<string, unknown>;
    expect(golden).toContain('"crosscheck:facet":"source"');
    expect(golden).toContain('"crosscheck:attribution":"Ομάδα μηχανικών"');
    expect(golden).toContain('"crosscheck:credibility":');
    expect(golden).toContain('"crosscheck:judgement":');
    expect(golden).toContain('"crosscheck:orphan":"its sentence was rewritten"');
    expect(golden).toContain('🌉');
    expect(merged['crosscheck:removed']).toHaveLength(2);
    expect(merged['crosscheck:sources']).not.toHaveLength(0);
    expect(merged['crosscheck:dismissals']).toHaveLength(3);
  });
});
