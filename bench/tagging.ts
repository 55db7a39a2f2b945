// Tagging latency on a large review: the time from a tagSentence call to its acknowledgement (the
// edit is on disk), one edit at a time and in bursts, against a bare durable write of the same
// review file (the floor).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TagKind } from '../src/core/review/types';
import { createBackend } from '../src/main/compose';
import { writeFileDurably } from '../src/main/store/durable-write';
import { buildLargeReview, LARGE_REVIEW_SPARE_SENTENCES, unwrap } from './large-review';
import type { Table } from './table';

const TAGS = 10_000;
const SENTENCES = TAGS + LARGE_REVIEW_SPARE_SENTENCES;
const SEQUENTIAL_EDITS = 200;
const BURSTS = 10;
const BURST_SIZE = 20;
const GOAL_P95_MS = 100;
const KINDS: readonly TagKind[] = ['claim', 'confirmation', 'contradiction'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summarise(label: string, timings: number[]): (string | number)[] {
  const sorted = [...timings].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  return [
    label,
    timings.length,
    round(percentile(sorted, 50)),
    round(p95),
    round(sorted.at(-1) ?? NaN),
    p95 <= GOAL_P95_MS ? 'yes' : 'NO',
  ];
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Runs the tagging benchmark and returns its tables. */
export async function benchTagging(): Promise<Table[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-tagging-'));
  try {
    const { reviewId, documentId, spans, path, json } = await buildLargeReview(dataDir, TAGS);
    const backend = await createBackend({ dataDir, author: 'bench' });
    const service = backend.service;
    const opened = unwrap(await service.openReview({ reviewId }));
    if (opened.review.tags.length !== TAGS) throw new Error('the review did not load whole');

    // Edits: change the kind of an existing tag, or tag a fresh sentence.
    let n = 0;
    const nextEdit = () => {
      n++;
      const sentence = n % 2 === 0 ? (n * 7919) % TAGS : TAGS + (n % (SENTENCES - TAGS));
      const [start, end] = spans[sentence] as [number, number];
      return { reviewId, documentId, start, end, kind: KINDS[n % KINDS.length] as TagKind };
    };
    const timed = async (args: ReturnType<typeof nextEdit>) => {
      const started = performance.now();
      unwrap(await service.tagSentence(args));
      return performance.now() - started;
    };

    // Warm up (JIT, caches), then one edit at a time.
    for (let i = 0; i < 10; i++) await timed(nextEdit());
    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL_EDITS; i++) sequential.push(await timed(nextEdit()));

    const burst: number[] = [];
    for (let b = 0; b < BURSTS; b++) {
      const edits = Array.from({ length: BURST_SIZE }, () => timed(nextEdit()));
      burst.push(...(await Promise.all(edits)));
    }
    const finalSize = (await readFile(path)).length;
    await backend.close();

    // The floor: the same file written durably, with nothing else around it.
    const floor: number[] = [];
    for (let i = 0; i < SEQUENTIAL_EDITS; i++) {
      const started = performance.now();
      await writeFileDurably(path, json);
      floor.push(performance.now() - started);
    }

    return [
      {
        title: `Tagging latency: tagSentence → acknowledged (on disk), review of ${TAGS.toLocaleString('en')} tags, file ${(finalSize / 1e6).toFixed(1)} MB (goal: p95 ≤ ${GOAL_P95_MS} ms)`,
        columns: ['scenario', 'edits', 'p50 ms', 'p95 ms', 'max ms', 'goal met'],
        rows: [
          summarise('one edit at a time', sequential),
          summarise(`bursts of ${BURST_SIZE} (not awaited in between)`, burst),
          summarise('writeFileDurably of the same JSON (baseline floor)', floor),
        ],
      },
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
