// Scores a sentence segmenter against labelled cases (exact match of every sentence).

/** A labelled segmentation case, as stored in tests/fixtures/segmentation/cases-*.json. */
export interface SegmentationCase {
  id: string;
  name: string;
  text: string;
  expected: string[];
  source: string;
  /** writing system of the text: Latin (when absent), Arabic, Hebrew, Han, Japanese */
  script?: string;
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
  /** the same counts per {@link SegmentationCase.script}, with `source` holding the script */
  byScript: SourceScore[];
  failures: { id: string; name: string; expected: string[]; actual: string[] }[];
}

/**
 * Group of a case by its `source` field: "pragmatic_segmenter…" → golden, "pySBD…" → pysbd,
 * "original…" → news, "crosscheck…" (cases written for each pattern and script) → crosscheck,
 * anything else → other.
 */
function caseSource(c: SegmentationCase): string {
  if (c.source.startsWith('pragmatic_segmenter')) return 'golden';
  if (c.source.startsWith('pySBD')) return 'pysbd';
  if (c.source.startsWith('original')) return 'news';
  if (c.source.startsWith('crosscheck')) return 'crosscheck';
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
  const byScript = new Map<string, SourceScore>();
  const failures: SegmentationScore['failures'] = [];
  let passed = 0;
  const group = (groups: Map<string, SourceScore>, key: string): SourceScore => {
    let score = groups.get(key);
    if (score === undefined) {
      score = { source: key, passed: 0, total: 0 };
      groups.set(key, score);
    }
    score.total++;
    return score;
  };
  for (const c of cases) {
    const score = group(bySource, caseSource(c));
    const scriptScore = group(byScript, c.script ?? 'Latin');
    const actual = seg(c.text).map((s) => c.text.slice(s.start, s.end).trim());
    const ok =
      actual.length === c.expected.length &&
      actual.every((sentence, k) => sentence === c.expected[k]);
    if (ok) {
      passed++;
      score.passed++;
      scriptScore.passed++;
    } else {
      failures.push({ id: c.id, name: c.name, expected: c.expected, actual });
    }
  }
  return {
    passed,
    total: cases.length,
    bySource: [...bySource.values()],
    byScript: [...byScript.values()],
    failures,
  };
}

/** Every public case: tests/fixtures/segmentation/cases-*.json, English first. */
export const CASE_FILES = [
  'cases-en.json',
  'cases-patterns.json',
  'cases-ar.json',
  'cases-he.json',
  'cases-zh.json',
  'cases-ja.json',
];
