// Kills a process that is busy making acknowledged edits (SIGKILL, at random moments) and checks
// that every review file still parses, validates, and holds every edit it acknowledged.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReview } from '../../core/review/review-schema';
import type { Review } from '../../core/review/types';
import { createBackend } from '../compose';
import {
  DURABILITY_EDITS,
  DURABILITY_SENTENCE_TEXTS,
  DURABILITY_TEXT,
  stateAfter,
  type PlanState,
} from '../../../tests/support/durability-plan';

const WORKER = join(import.meta.dirname, '../../../tests/support/durability-worker.ts');
const KILLS = 6;
/** Kill moments are spread over the first this many acknowledgements (of DURABILITY_EDITS). */
const SPREAD_ACKS = 900;

interface KilledRun {
  dataDir: string;
  afterAck: number;
  delayMs: number;
  lastAck: number;
  finished: boolean;
  stderr: string;
}

const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
});

/**
 * Starts a worker and SIGKILLs it `delayMs` after its acknowledgement number `afterAck`: a moment
 * in the middle of the run (whatever the machine's speed) that may fall inside a write.
 */
async function runAndKill(afterAck: number, delayMs: number): Promise<KilledRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'crosscheck-durability-'));
  folders.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dataDir], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lastAck = 0;
  let finished = false;
  let stdout = '';
  let stderr = '';
  let timer: NodeJS.Timeout | undefined;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const lines = stdout.split('\n');
    stdout = lines.pop() ?? '';
    for (const line of lines) {
      const ack = /^ack (\d+) /.exec(line);
      if (ack) {
        const n = Number(ack[1]);
        // Acknowledgements arrive in order, one edit at a time.
        if (n !== lastAck + 1) stderr += `out of order: ${line}\n`;
        lastAck = n;
        if (n === afterAck) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      } else if (line === 'done') {
        finished = true;
      }
    }
  });
  // 'close' fires after the child has exited and its stdout is read to the end.
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  clearTimeout(timer);
  return { dataDir, afterAck, delayMs, lastAck, finished, stderr };
}

/** A review's tags as the plan describes them: sentence index → kind and note. */
function tagsAsPlan(review: Review): PlanState {
  const state: PlanState = new Map();
  for (const tag of review.tags) {
    const sentence = DURABILITY_SENTENCE_TEXTS.indexOf(tag.anchor.exact);
    expect(sentence, `unexpected quote ${tag.anchor.exact}`).toBeGreaterThanOrEqual(0);
    expect(tag.anchor.start).toBe(DURABILITY_TEXT.indexOf(tag.anchor.exact));
    expect(state.has(sentence), `sentence ${sentence} tagged twice`).toBe(false);
    state.set(
      sentence,
      tag.note === undefined ? { kind: tag.kind } : { kind: tag.kind, note: tag.note },
    );
  }
  return state;
}

function sorted(state: PlanState): [number, { kind: string; note?: string }][] {
  return [...state.entries()].sort((a, b) => a[0] - b[0]);
}

describe('durability under SIGKILL', () => {
  it(`keeps every acknowledged edit when killed at ${KILLS} random moments`, async () => {
    const slot = SPREAD_ACKS / KILLS;
    const runs = await Promise.all(
      Array.from({ length: KILLS }, (_, i) =>
        runAndKill(1 + Math.floor(i * slot + Math.random() * slot), Math.floor(Math.random() * 40)),
      ),
    );

    const report: string[] = [];
    for (const run of runs) {
      const label = `killed ${run.delayMs} ms after ack ${run.afterAck}, last ack ${run.lastAck}`;
      expect(run.stderr, label).not.toMatch(/error|out of order/i);
      // Killed mid-run, or the run proves nothing.
      expect(run.finished, label).toBe(false);
      expect(run.lastAck, label).toBeGreaterThanOrEqual(run.afterAck);

      const reviewsDir = join(run.dataDir, 'reviews');
      const names = await readdir(reviewsDir);
      const files = names.filter((n) => n.endsWith('.json'));
      expect(files, label).toHaveLength(1);
      const review = parseReview(
        JSON.parse(await readFile(join(reviewsDir, files[0] ?? ''), 'utf8')),
      );
      if (!review.ok) throw new Error(`${label}: ${review.error}`);

      // Nothing acknowledged is lost: the file is the state after the last acknowledged edit, or
      // after the one edit that was being written when the kill came.
      const onDisk = sorted(tagsAsPlan(review.value));
      const matches = [0, 1].filter(
        (k) =>
          run.lastAck + k <= DURABILITY_EDITS &&
          JSON.stringify(sorted(stateAfter(run.lastAck + k))) === JSON.stringify(onDisk),
      );
      expect(
        matches,
        `${label}: the file matches no state from edit ${run.lastAck} on`,
      ).not.toEqual([]);

      const [document] = review.value.documents;
      const hex = document?.id.slice('sha256:'.length) ?? '';
      expect(await readFile(join(run.dataDir, 'documents', `${hex}.txt`), 'utf8')).toBe(
        DURABILITY_TEXT,
      );

      // A killed write may leave its one temp file behind; never more.
      const temps = [...names, ...(await readdir(join(run.dataDir, 'documents')))].filter((n) =>
        n.endsWith('.tmp'),
      );
      expect(temps.length, `${label}: ${temps.join(', ')}`).toBeLessThanOrEqual(1);
      report.push(
        `${label}: file holds ${run.lastAck + (matches[0] ?? 0)} edits; ${temps.length} temp file(s) left`,
      );

      // The killed process's lock is stale: a new back end takes the folder over and sees it all.
      const backend = await createBackend({ dataDir: run.dataDir });
      try {
        const list = await backend.service.listReviews({});
        expect(list.ok && list.value.notices).toEqual([]);
        const opened = await backend.service.openReview({ reviewId: review.value.id });
        expect(opened.ok && opened.value.review.tags).toEqual(review.value.tags);
      } finally {
        await backend.close();
      }
    }
    console.info(`durability runs:\n  ${report.join('\n  ')}`);
  });
});
