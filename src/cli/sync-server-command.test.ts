import { createServer } from 'node:net';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../tests/support/run-cli-in';
import type { CliIo } from './cli-io';
import { runSyncServer } from './sync-server-command';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-sync-cli-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd: dir, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('crosscheck sync-server', () => {
  it('is listed in the help and explains its options', async () => {
    expect((await runCliIn(dir, ['--help'])).stdout).toContain('sync-server');
    const help = await runCliIn(dir, ['sync-server', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--closed');
    expect(help.stdout).toContain('127.0.0.1');
  });

  it.each([
    [['--port', 'eighty'], /--port takes a whole number/],
    [['--port', '70000'], /--port takes a whole number/],
    [['--host', ' '], /--host takes an address/],
    [['--colour'], /Unknown option/],
  ])('refuses %j as bad usage', async (args, message) => {
    const run = await runCliIn(dir, ['sync-server', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('runs on 127.0.0.1 until stopped, in the data folder given', async () => {
    const io = capture();
    const stop = new AbortController();
    const running = runSyncServer(['--port', '0', '--data-dir', 'team'], io, stop.signal);
    await until(() => io.out.join('').includes('Press Ctrl+C'));
    expect(io.out.join('')).toMatch(/running at ws:\/\/127\.0\.0\.1:\d+\n/);
    expect(io.out.join('')).toContain(join(dir, 'team'));
    stop.abort();
    expect(await running).toBe(0);
  });

  it('says so in one sentence when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runCliIn(dir, [
        'sync-server',
        '--port',
        String(port),
        '--data-dir',
        'team',
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `crosscheck: port ${port} is already in use; choose another with --port.\n`,
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses a damaged access file instead of replacing it', async () => {
    await mkdir(join(dir, 'team'), { recursive: true });
    await writeFile(join(dir, 'team', 'access.json'), '{ not json');
    const run = await runCliIn(dir, ['sync-server', '--port', '0', '--data-dir', 'team']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/access\.json is damaged/);
  });
});
