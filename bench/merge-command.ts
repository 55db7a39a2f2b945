// `crosscheck merge A B -o OUT` as a user runs it: a process of its own that starts, reads both
// files, merges and writes the result, against a process that does the same file work with bare
// JSON (json-baseline.mjs). Each run of the command is followed by one of the baseline.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from './table';

const RUNS = 5;
const GOAL_RATIO = 1.5;
const LIMIT_RATIO = 2;

/** The command's row; the built CLI (`npm run build`) is what runs. */
export function benchMergeCommand(fileA: string, fileB: string): Table {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-merge-'));
  try {
    const a = join(dir, 'a.crosscheck.json');
    const b = join(dir, 'b.crosscheck.json');
    writeFileSync(a, fileA);
    writeFileSync(b, fileB);
    const cli = new URL('../bin/crosscheck.js', import.meta.url).pathname;
    const baselineScript = new URL('./json-baseline.mjs', import.meta.url).pathname;
    let command = Infinity;
    let baseline = Infinity;
    for (let run = 0; run < RUNS; run++) {
      command = Math.min(command, timedRun([cli, 'merge', a, b, '-o', join(dir, 'out.json')]));
      baseline = Math.min(baseline, timedRun([baselineScript, a, b, join(dir, 'baseline.json')]));
    }
    const ratio = command / baseline;
    return {
      title: `crosscheck merge A B -o OUT as a process of its own (start, read, merge, write; the files of the row above; best of ${RUNS}, each run followed by the baseline's)`,
      columns: ['run', 'ms', 'goal met'],
      rows: [
        ['node bin/crosscheck.js merge A B -o OUT', round(command), ''],
        [
          'baseline: node json-baseline.mjs A B OUT (read, JSON.parse both, write one)',
          round(baseline),
          '',
        ],
        [
          'command vs baseline',
          `${round(ratio)}×`,
          ratio <= GOAL_RATIO
            ? 'yes'
            : ratio <= LIMIT_RATIO
              ? `limit only (≤ ${LIMIT_RATIO}×)`
              : 'NO',
        ],
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Milliseconds a node process with these arguments takes; throws when it fails. */
function timedRun(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (run.status !== 0) {
    throw new Error(
      `node ${args.join(' ')} exited with ${run.status}: ${String(run.stderr).slice(0, 500)}`,
    );
  }
  return ms;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
