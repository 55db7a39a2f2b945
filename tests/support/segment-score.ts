// Scores a sentence segmenter against labelled cases (exact match of every sentence).

/** A labelled segmentation case, as stored in tests/fixtures/segmentation/cases-*.json. */
export interface SegmentationCase {
  id: string;
  name: string;
  text: string;
  expected: string[];
  source: string;
}

/** Passed and total cases for one source group. */
export interface SourceScore {
  source: string;
  passed: number;
  total: number;
}

/** Overall result of {@link scoreSegmentation}. */
export interface SegmentationScore {
  passed: number;
  total: number;
  /** one entry per source group, in order of first appearance */
  bySource: SourceScore[];
  failures: { id: string; name: string; expected: string[]; actual: string[] }[];
}

/**
 * Group of a case by its `source` field: "pragmatic_segmenter…" → golden, "pySBD…" → pysbd,
 * "original…" → news, anything else → other.
 */
export function caseSource(c: SegmentationCase): string {
  if (c.source.startsWith('pragmatic_segmenter')) return 'golden';
  if (c.source.startsWith('pySBD')) return 'pysbd';
  if (c.source.startsWith('original')) return 'news';
  return 'other';
}

/**
 * Run `seg` on every case and compare its sentences (each `text.slice(start, end)`, trimmed) with
 * the expected ones: a case passes when count, order and characters all match.
 */
export function scoreSegmentation(
  cases: readonly SegmentationCase[],
  seg: (text: string) => { start: number; end: number }[],
): SegmentationScore {
  const bySource = new Map<string, SourceScore>();
  const failures: SegmentationScore['failures'] = [];
  let passed = 0;
  for (const c of cases) {
    const source = caseSource(c);
    let score = bySource.get(source);
    if (score === undefined) {
      score = { source, passed: 0, total: 0 };
      bySource.set(source, score);
    }
    score.total++;
    const actual = seg(c.text).map((s) => c.text.slice(s.start, s.end).trim());
    const ok =
      actual.length === c.expected.length &&
      actual.every((sentence, k) => sentence === c.expected[k]);
    if (ok) {
      passed++;
      score.passed++;
    } else {
      failures.push({ id: c.id, name: c.name, expected: c.expected, actual });
    }
  }
  return { passed, total: cases.length, bySource: [...bySource.values()], failures };
}
