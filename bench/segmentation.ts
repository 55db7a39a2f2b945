// Segmentation speed on the State of the Union corpus and on hard-wrapped Moby-Dick (ours vs
// Intl.Segmenter fed per paragraph), accuracy on the public cases per source and script, and the
// command line end to end.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { segment } from '../src/core/text/segment';
import {
  CASE_FILES,
  scoreSegmentation,
  type SegmentationCase,
  type SourceScore,
} from '../tests/support/segment-score';
import { mobyDick } from '../tests/support/moby-dick';
import { loadSpeeches } from './sotu';
import type { Table } from './table';

const RUNS = 3;

function intlByParagraph(text: string): number {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let count = 0;
  for (const paragraph of text.split(/\n+/)) {
    for (const piece of segmenter.segment(paragraph)) if (piece.segment.trim() !== '') count++;
  }
  return count;
}

/** The baseline for hard-wrapped text: blank-line paragraphs with their wraps as spaces. */
function intlByBlankLineParagraph(text: string): number {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let count = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const flowing = paragraph.replace(/\n/g, ' ');
    for (const piece of segmenter.segment(flowing)) if (piece.segment.trim() !== '') count++;
  }
  return count;
}

function ours(text: string): number {
  return segment(text).length;
}

/** Best of a few runs: MB/s over the whole corpus and the sentence count. */
function measure(texts: string[], run: (text: string) => number) {
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  let best = Infinity;
  let sentences = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    sentences = 0;
    for (const text of texts) sentences += run(text);
    best = Math.min(best, performance.now() - started);
  }
  return { megabytes, seconds: best / 1000, mbPerSecond: megabytes / (best / 1000), sentences };
}

/** Runs the segmentation benchmark and returns its tables. */
export function benchSegmentation(): Table[] {
  const texts = loadSpeeches().map((s) => s.text);
  const mine = measure(texts, ours);
  const baseline = measure(texts, intlByParagraph);
  // A hard-wrapped book: the wraps are read as spaces first (the baseline is given its
  // paragraphs, blank-line separated, with the wraps already made spaces).
  const book = [mobyDick()];
  const mineBook = measure(book, ours);
  const baselineBook = measure(book, intlByBlankLineParagraph);
  const speed: Table = {
    title: `Segmentation speed: ${texts.length} State of the Union speeches, ${mine.megabytes.toFixed(1)} MB (best of ${RUNS}; goal ≥ 20 MB/s and faster than the baseline)`,
    columns: ['segmenter', 'MB/s', 'seconds', 'sentences', 'vs baseline', 'goal met'],
    rows: [
      [
        'crosscheck segment()',
        round(mine.mbPerSecond),
        round(mine.seconds, 3),
        mine.sentences,
        `${round(mine.mbPerSecond / baseline.mbPerSecond)}×`,
        mine.mbPerSecond >= 20 && mine.mbPerSecond > baseline.mbPerSecond ? 'yes' : 'NO',
      ],
      [
        'Intl.Segmenter per paragraph (baseline)',
        round(baseline.mbPerSecond),
        round(baseline.seconds, 3),
        baseline.sentences,
        '1×',
        '',
      ],
      [
        'crosscheck segment(), Moby-Dick (hard wrapped)',
        round(mineBook.mbPerSecond),
        round(mineBook.seconds, 3),
        mineBook.sentences,
        `${round(mineBook.mbPerSecond / baselineBook.mbPerSecond)}×`,
        mineBook.mbPerSecond >= 20 && mineBook.mbPerSecond > baselineBook.mbPerSecond
          ? 'yes'
          : 'NO',
      ],
      [
        'Intl.Segmenter per paragraph, Moby-Dick (baseline)',
        round(baselineBook.mbPerSecond),
        round(baselineBook.seconds, 3),
        baselineBook.sentences,
        '1×',
        '',
      ],
    ],
  };

  const cases = CASE_FILES.flatMap(
    (file) =>
      JSON.parse(
        readFileSync(new URL(`../tests/fixtures/segmentation/${file}`, import.meta.url), 'utf8'),
      ) as SegmentationCase[],
  );
  const score = scoreSegmentation(cases, segment);
  const baselineScore = scoreSegmentation(cases, intlSpans);
  const row = (kind: string, s: SourceScore, baseline: SourceScore[]) => {
    const b = baseline.find((x) => x.source === s.source);
    return [
      kind,
      s.source,
      s.total,
      s.passed,
      percent(s.passed, s.total),
      b?.passed ?? 0,
      percent(b?.passed ?? 0, s.total),
    ];
  };
  const accuracy: Table = {
    title: `Segmentation accuracy: exact matches on tests/fixtures/segmentation/ (${CASE_FILES.join(', ')}; goal ≥ 95 %)`,
    columns: ['by', 'group', 'cases', 'crosscheck', '%', 'Intl.Segmenter per line', '%'],
    rows: [
      ...score.bySource.map((s) => row('source', s, baselineScore.bySource)),
      ...score.byScript.map((s) => row('script', s, baselineScore.byScript)),
      [
        'all',
        '',
        score.total,
        score.passed,
        percent(score.passed, score.total),
        baselineScore.passed,
        percent(baselineScore.passed, score.total),
      ],
    ],
  };
  return [speed, accuracy, benchSegmentCommand(texts)];
}

/** Intl.Segmenter with a split at every line break, as spans (the accuracy baseline). */
function intlSpans(text: string): { start: number; end: number }[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const spans: { start: number; end: number }[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const piece of segmenter.segment(line)) {
      const start = lineStart + piece.index;
      const trimmedStart = start + (piece.segment.length - piece.segment.trimStart().length);
      const end = start + piece.segment.trimEnd().length;
      if (end > trimmedStart) spans.push({ start: trimmedStart, end });
    }
    lineStart += line.length + 1;
  }
  return spans;
}

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

/**
 * `crosscheck segment --json` end to end (start-up, reading, decoding, segmenting, JSON on
 * stdout into a file) on every speech in one file, against bench/naive-segment.mjs, which reads
 * the same file, cuts it with one regular expression and prints the same JSON shape.
 */
function benchSegmentCommand(texts: string[]): Table {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-segment-'));
  try {
    const input = join(dir, 'sotu.txt');
    writeFileSync(input, texts.join('\n\n'));
    const megabytes = Buffer.byteLength(readFileSync(input)) / 1e6;
    const cli = new URL('../bin/crosscheck.js', import.meta.url).pathname;
    const naive = new URL('./naive-segment.mjs', import.meta.url).pathname;
    const time = (args: string[]): number => {
      let best = Infinity;
      for (let i = 0; i < RUNS; i++) {
        const out = openSync(join(dir, 'out.json'), 'w');
        const started = performance.now();
        const run = spawnSync(process.execPath, args, { stdio: ['ignore', out, 'ignore'] });
        const ms = performance.now() - started;
        closeSync(out);
        if (run.status !== 0) throw new Error(`${args.join(' ')} exited with ${run.status}`);
        best = Math.min(best, ms);
      }
      return best / 1000;
    };
    const ours = time([cli, 'segment', '--json', input]);
    const baseline = time([naive, input]);
    const ratio = ours / baseline;
    return {
      title: `crosscheck segment --json end to end on ${megabytes.toFixed(1)} MB (best of ${RUNS}; goal ≤ 2× the naive regex scan)`,
      columns: ['command', 'seconds', 'MB/s', 'vs baseline', 'goal met'],
      rows: [
        [
          'node bin/crosscheck.js segment --json',
          round(ours, 3),
          round(megabytes / ours),
          `${round(ratio, 2)}×`,
          ratio <= 2 ? 'yes' : 'NO',
        ],
        [
          'node bench/naive-segment.mjs (baseline)',
          round(baseline, 3),
          round(megabytes / baseline),
          '1×',
          '',
        ],
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
