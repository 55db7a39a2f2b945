// Tagging latency on a large review: the time from a tagSentence call to its acknowledgement (the
// edit is on disk), one edit at a time and in bursts, against a bare durable write of the same
// review file (the floor).
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeAnchor } from '../src/core/review/anchor';
import { compareTags } from '../src/core/review/tag-edits';
import type { Review, Tag, TagKind } from '../src/core/review/types';
import type { Problem, Result } from '../src/core/result';
import { createBackend } from '../src/main/compose';
import { writeFileDurably } from '../src/main/store/durable-write';
import type { Table } from './table';

const TAGS = 10_000;
const SENTENCES = TAGS + 500;
const SEQUENTIAL_EDITS = 200;
const BURSTS = 10;
const BURST_SIZE = 20;
const GOAL_P95_MS = 100;
const KINDS: readonly TagKind[] = ['claim', 'confirmation', 'contradiction'];

function unwrap<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

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

/** A document of numbered sentences, five to a paragraph. */
function benchText(): string {
  const parts: string[] = [];
  for (let i = 0; i < SENTENCES; i++) {
    parts.push(`Entry ${i + 1} of the benchmark log records one more fact.`);
    parts.push(i % 5 === 4 ? '\n\n' : ' ');
  }
  return parts.join('').trimEnd() + '\n';
}

/** Runs the tagging benchmark and returns its tables. */
export async function benchTagging(): Promise<Table[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-tagging-'));
  try {
    // A review with one large document, through the service.
    let backend = await createBackend({ dataDir, author: 'bench' });
    const reviewId = unwrap(await backend.service.createReview({ name: 'Tagging benchmark' })).id;
    const added = unwrap(
      await backend.service.addDocument({
        reviewId,
        fileName: 'bench-log.txt',
        bytes: new TextEncoder().encode(benchText()),
      }),
    );
    const documentId = added.document.id;
    const { text, sentences } = unwrap(await backend.service.getDocumentText({ documentId }));
    await backend.close();
    const spans: [number, number][] = [];
    for (let i = 0; i < sentences.length; i += 2) {
      spans.push([sentences[i] as number, sentences[i + 1] as number]);
    }
    if (spans.length < SENTENCES) throw new Error(`only ${spans.length} sentences`);

    // 10,000 tags written into the file directly (tagging them one by one would take minutes);
    // each piece of evidence is linked to the claim before it.
    const path = join(dataDir, 'reviews', `${reviewId}.json`);
    const review = JSON.parse(await readFile(path, 'utf8')) as Review;
    const now = new Date().toISOString();
    let lastClaim: string | undefined;
    for (let i = 0; i < TAGS; i++) {
      const [start, end] = spans[i] as [number, number];
      const kind = KINDS[i % KINDS.length] as TagKind;
      const tag: Tag = {
        id: randomUUID(),
        documentId,
        kind,
        anchor: makeAnchor(text, start, end),
        author: 'bench',
        created: now,
        modified: now,
      };
      if (kind === 'claim') lastClaim = tag.id;
      else if (lastClaim) tag.claimIds = [lastClaim];
      if (i % 10 === 0) tag.note = `A note on entry ${i + 1}.`;
      review.tags.push(tag);
    }
    review.tags.sort(compareTags);
    const json = JSON.stringify(review);
    await writeFileDurably(path, json);

    backend = await createBackend({ dataDir, author: 'bench' });
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
