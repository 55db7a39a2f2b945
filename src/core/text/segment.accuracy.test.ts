import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from './segment';
import { CASE_FILES, scoreSegmentation } from '../../../tests/support/segment-score';
import type { SegmentationCase, SourceScore } from '../../../tests/support/segment-score';

function load(file: string): SegmentationCase[] {
  const url = new URL(`../../../tests/fixtures/segmentation/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as SegmentationCase[];
}

const percent = (s: { passed: number; total: number }) =>
  `${((100 * s.passed) / s.total).toFixed(1)}%`;
const line = (s: SourceScore) => `${s.source.padEnd(10)} ${s.passed}/${s.total}  ${percent(s)}`;

describe.each(CASE_FILES)('segment accuracy on tests/fixtures/segmentation/%s', (file) => {
  const cases = load(file);
  const score = scoreSegmentation(cases, (text) => segment(text));

  it('reports the score per source and script', () => {
    const rows = [...score.bySource, ...score.byScript].map(line);
    rows.push(line({ source: 'overall', passed: score.passed, total: score.total }));
    console.log(`${file}\n${rows.join('\n')}`);
    for (const f of score.failures) {
      console.log(
        `still failing: ${f.id} (${f.name})\n  expected ${JSON.stringify(f.expected)}\n  actual   ${JSON.stringify(f.actual)}`,
      );
    }
    expect(cases.length).toBeGreaterThan(0);
    expect(score.total).toBe(cases.length);
  });

  it('gets at least 95% of the cases exactly right', () => {
    expect(score.passed / score.total).toBeGreaterThanOrEqual(0.95);
  });
});
