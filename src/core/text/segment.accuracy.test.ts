import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from './segment';
import { scoreSegmentation } from '../../../tests/support/segment-score';
import type { SegmentationCase } from '../../../tests/support/segment-score';

const casesUrl = new URL('../../../tests/fixtures/segmentation/cases-en.json', import.meta.url);
const cases = JSON.parse(readFileSync(casesUrl, 'utf8')) as SegmentationCase[];

describe('segment accuracy on tests/fixtures/segmentation/cases-en.json', () => {
  const score = scoreSegmentation(cases, (text) => segment(text));

  it('reports the score per source', () => {
    const rows = score.bySource.map((s) => ({
      source: s.source,
      passed: s.passed,
      total: s.total,
      accuracy: `${((100 * s.passed) / s.total).toFixed(1)}%`,
    }));
    rows.push({
      source: 'overall',
      passed: score.passed,
      total: score.total,
      accuracy: `${((100 * score.passed) / score.total).toFixed(1)}%`,
    });
    console.log(
      rows.map((r) => `${r.source.padEnd(8)} ${r.passed}/${r.total}  ${r.accuracy}`).join('\n'),
    );
    for (const f of score.failures) {
      console.log(
        `still failing: ${f.id} (${f.name})\n  expected ${JSON.stringify(f.expected)}\n  actual   ${JSON.stringify(f.actual)}`,
      );
    }
    expect(score.total).toBe(cases.length);
  });

  it('gets at least 95% of the cases exactly right', () => {
    expect(score.passed / score.total).toBeGreaterThanOrEqual(0.95);
  });
});
