// Team sync: edit-to-peer latency through the sync server (run by the built `crosscheck
// sync-server` in a child process, on loopback) for a review of 5,000 tags, with 10 and 50
// reviewers, through Crosscheck's mapping (a ReviewChange in, the peers' reviews updated) against
// the engine's bare document sync of the same document (one register written, the peers' handles
// changed), measured in the same run; and the server's memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as A from '@automerge/automerge';
import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo';
import { applyChange, type ReviewChange } from '../src/core/review/review-change';
import { setNote } from '../src/core/review/tag-edits';
import type { Review, Tag } from '../src/core/review/types';
import type { AutomergeReview } from '../src/main/sync/automerge-review';
import { ReviewSync } from '../src/main/sync/review-sync';
import { newSyncToken, SyncPeer } from '../src/main/sync/sync-peer';
import type { Table } from './table';

const TAGS = 5_000;
const SETUPS = [
  { clients: 10, edits: 60 },
  { clients: 50, edits: 20 },
];
/** A sample waits at most this long for every peer (then the bench fails: sync is broken). */
const EDIT_TIMEOUT_MS = 30_000;

interface Reviewer {
  peer: SyncPeer;
  handle: DocHandle<AutomergeReview>;
  review: Review;
  sync?: ReviewSync;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function largeReview(): Review {
  const documentId = `sha256:${'e'.repeat(64)}`;
  const tags: Tag[] = Array.from({ length: TAGS }, (_, i) => ({
    id: `tag-${String(i).padStart(5, '0')}`,
    documentId,
    kind: i % 3 === 0 ? 'claim' : i % 3 === 1 ? 'confirmation' : 'contradiction',
    anchor: {
      start: i * 60,
      end: i * 60 + 58,
      exact: `Sentence ${i} of the long report says what it says here.`,
      prefix: 'the previous sentence ends here. ',
      suffix: ' The next sentence begins here',
    },
    author: 'bench',
    created: '2024-05-01T00:00:00.000Z',
    modified: '2024-05-01T00:00:00.000Z',
  }));
  return {
    schemaVersion: 2,
    id: 'bench-review',
    name: 'Bench review',
    created: '2024-05-01T00:00:00.000Z',
    modified: '2024-05-01T00:00:00.000Z',
    reviewers: ['bench'],
    documents: [],
    tags,
    panes: [],
  };
}

/** Starts the built sync server in a child process; resolves with its address. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['bin/crosscheck.js', 'sync-server', '--port', '0', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /running at (ws:\/\/\S+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`the sync server stopped (exit ${code})`)));
  });
  return { child, url };
}

/** Resident and peak memory of a process, in MB (Linux; undefined elsewhere). */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number } | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

/** Shares a review from the first reviewer and opens it at the others. */
async function joinReviewers(
  url: string,
  folder: string,
  count: number,
  review: Review,
): Promise<{ reviewers: Reviewer[]; joinMs: number[] }> {
  const token = newSyncToken();
  const options = (i: number) => ({
    serverUrl: url,
    token,
    storageDir: join(folder, `reviewer-${i}`),
  });
  const first = new SyncPeer(options(0));
  const handle = first.share(review);
  const reviewers: Reviewer[] = [{ peer: first, handle, review }];
  const joinMs: number[] = [];
  for (let i = 1; i < count; i++) {
    const peer = new SyncPeer(options(i));
    const start = performance.now();
    const opened = await peer.open(handle.url as AutomergeUrl, 120_000);
    joinMs.push(performance.now() - start);
    reviewers.push({ peer, handle: opened, review: { ...review, tags: [] } });
  }
  return { reviewers, joinMs };
}

/**
 * Times `edits` edits, one at a time, each by the next reviewer in turn, until every other
 * reviewer has it. `listen` arms each reviewer to call `arrived` when edit `marker` reaches it;
 * `edit` makes edit `marker` at reviewer `author`.
 */
async function timeEdits(
  reviewers: Reviewer[],
  edits: number,
  listen: (
    reviewer: Reviewer,
    index: number,
    arrived: (marker: string, at: number) => void,
  ) => void,
  edit: (reviewer: Reviewer, tagId: string, marker: string) => void,
): Promise<number[]> {
  const samples: number[] = [];
  let pending:
    { marker: string; start: number; waiting: Set<number>; done: () => void } | undefined;
  reviewers.forEach((reviewer, index) =>
    listen(reviewer, index, (marker, at) => {
      if (!pending || pending.marker !== marker || !pending.waiting.delete(index)) return;
      samples.push(at - pending.start);
      if (pending.waiting.size === 0) pending.done();
    }),
  );
  for (let n = 0; n < edits; n++) {
    const author = n % reviewers.length;
    const marker = `edit ${n} ${Math.random().toString(36).slice(2)}`;
    const tagId = `tag-${String((n * 997) % TAGS).padStart(5, '0')}`;
    await new Promise<void>((resolve, reject) => {
      const waiting = new Set(reviewers.map((_, i) => i).filter((i) => i !== author));
      const timer = setTimeout(
        () => reject(new Error(`edit ${n} did not reach ${waiting.size} peers`)),
        EDIT_TIMEOUT_MS,
      );
      pending = {
        marker,
        start: performance.now(),
        waiting,
        done: () => (clearTimeout(timer), resolve()),
      };
      edit(reviewers[author] as Reviewer, tagId, marker);
    });
  }
  return samples;
}

/** Crosscheck's path: a ReviewChange pushed by ReviewSync, applied to each peer's review. */
async function timeMapped(reviewers: Reviewer[], edits: number): Promise<number[]> {
  return timeEdits(
    reviewers,
    edits,
    (reviewer, _index, arrived) => {
      reviewer.sync = ReviewSync.attach(
        reviewer.handle,
        {
          current: () => reviewer.review,
          applyRemote: (change) => {
            reviewer.review = applyChange(reviewer.review, change);
            const at = performance.now();
            for (const note of notesIn(change)) arrived(note, at);
          },
        },
        'bench',
      );
    },
    (reviewer, tagId, marker) => {
      const result = setNote(reviewer.review.tags, tagId, marker, {
        author: 'bench',
        now: new Date().toISOString(),
        newId: () => 'unused',
      });
      if (!result.ok) throw new Error(result.error.message);
      const change: ReviewChange = { kind: 'tags', patches: result.value.patches };
      reviewer.review = applyChange(reviewer.review, change);
      reviewer.sync?.push(change);
    },
  );
}

function notesIn(change: ReviewChange): string[] {
  if (change.kind === 'tags') return change.patches.map((p) => p.after?.note ?? '');
  if (change.kind === 'batch') return change.changes.flatMap(notesIn);
  return [];
}

/** The engine alone: one register written with handle.change, seen in each peer's handle. */
async function timeBare(reviewers: Reviewer[], edits: number): Promise<number[]> {
  return timeEdits(
    reviewers,
    edits,
    (reviewer, _index, arrived) => {
      reviewer.handle.on('change', ({ doc, patches }) => {
        const at = performance.now();
        for (const { path } of patches) {
          if (path[0] !== 'tags' || path[2] !== 'note' || typeof path[1] !== 'string') continue;
          arrived(String(doc.tags[path[1]]?.['note']), at);
        }
      });
    },
    (reviewer, tagId, marker) => {
      reviewer.handle.change((draft) => {
        (draft.tags[tagId] as Record<string, unknown>)['note'] = new A.ImmutableString(marker);
      });
    },
  );
}

async function closeAll(reviewers: Reviewer[]): Promise<void> {
  for (const reviewer of reviewers) {
    reviewer.sync?.close();
    await reviewer.peer.close();
  }
}

/** Runs the team sync benchmark and returns its tables. */
export async function benchSync(): Promise<Table[]> {
  const folder = await mkdtemp(join(tmpdir(), 'crosscheck-bench-sync-'));
  const { child, url } = await startServer(join(folder, 'server'));
  const latency: Table = {
    title: `Edit-to-peer latency through the sync server, review of ${TAGS} tags (ms, loopback)`,
    columns: ['reviewers', 'path', 'samples', 'p50', 'p95', 'max'],
    rows: [],
  };
  const memory: Table = {
    title: 'Sync server memory (MB; its reviews are the documents of the runs above)',
    columns: ['after', 'resident', 'peak'],
    rows: [],
  };
  const joins: Table = {
    title: `Joining a shared review of ${TAGS} tags (ms from open to a ready copy)`,
    columns: ['reviewers', 'p50', 'max'],
    rows: [],
  };
  try {
    const started = await memoryOf(child.pid ?? -1);
    if (started) memory.rows.push(['start', started.rss, started.peak]);
    const review = largeReview();
    for (const { clients, edits } of SETUPS) {
      // One set of reviewers per size: the bare engine first, then Crosscheck's path on top.
      const { reviewers, joinMs } = await joinReviewers(
        url,
        join(folder, `${clients}`),
        clients,
        review,
      );
      try {
        const sorted = joinMs.sort((a, b) => a - b);
        joins.rows.push([clients, round(percentile(sorted, 50)), round(sorted.at(-1) ?? NaN)]);
        for (const [path, run] of [
          ['bare document sync', timeBare],
          ['Crosscheck review changes', timeMapped],
        ] as const) {
          const samples = (await run(reviewers, edits)).sort((a, b) => a - b);
          latency.rows.push([
            clients,
            path,
            samples.length,
            round(percentile(samples, 50)),
            round(percentile(samples, 95)),
            round(samples.at(-1) ?? NaN),
          ]);
          const now = await memoryOf(child.pid ?? -1);
          if (now) memory.rows.push([`${clients} reviewers, ${path}`, now.rss, now.peak]);
        }
      } finally {
        await closeAll(reviewers);
      }
    }
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(folder, { recursive: true, force: true });
  }
  return [latency, joins, memory];
}
