import { describe, expect, it } from 'vitest';
import { statusOf } from '../review/claim-status';
import { summaryLine, type FacetTally } from './summary';

/** A facet with `f` independent origins for and `a` against. */
function tally(f: number, a: number): FacetTally {
  return { status: statusOf(f, a), forCount: { origins: f }, againstCount: { origins: a } };
}

describe('summaryLine', () => {
  it.each([
    // source for/against, content for/against, line
    [[0, 0], [0, 0], 'Unverified: no independent evidence yet'],
    [[0, 0], [1, 0], 'Content confirmed (1 origin)'],
    [[0, 0], [3, 0], 'Content confirmed (3 independent origins)'],
    [[0, 0], [0, 2], 'Content contradicted (2 independent origins)'],
    [[0, 0], [2, 1], 'Content contested (2 origins for, 1 against)'],
    [[2, 0], [0, 0], 'Authentic (2 independent origins) · content unverified'],
    [[1, 0], [0, 0], 'Authentic (1 origin) · content unverified'],
    [[2, 0], [0, 2], 'Authentic (2 independent origins) · content contradicted (2)'],
    [[3, 0], [1, 0], 'Authentic (3 independent origins) · content confirmed (1)'],
    [[2, 0], [1, 1], 'Authentic (2 independent origins) · content contested (1 for, 1 against)'],
    [[0, 2], [0, 0], 'Authenticity contradicted (2 independent origins) · content unverified'],
    [[0, 1], [2, 0], 'Authenticity contradicted (1 origin) · content confirmed (2)'],
    [[1, 1], [0, 3], 'Authenticity contested (1 origin for, 1 against) · content contradicted (3)'],
    [
      [2, 3],
      [1, 2],
      'Authenticity contested (2 origins for, 3 against) · content contested (1 for, 2 against)',
    ],
  ] as [number[], number[], string][])('source %j, content %j: %s', (source, content, line) => {
    expect(
      summaryLine(tally(source[0] ?? 0, source[1] ?? 0), tally(content[0] ?? 0, content[1] ?? 0)),
    ).toBe(line);
  });
});
