import { createServer } from 'node:net';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo';
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

  it('gives a review a new token, printed once, and withdraws access to it', async () => {
    const address = generateAutomergeUrl();
    const { documentId } = parseAutomergeUrl(address);
    const made = await runCliIn(dir, ['sync-server', '--data-dir', 'team', '--new-token', address]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`The review ${address} is registered with this server.`);
    const token = /give it to your team\): (\S+)/.exec(made.stdout)?.[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const table = () => readFile(join(dir, 'team', 'access.json'), 'utf8');
    expect(await table()).not.toContain(token);
    // A token of one's own, from the environment, is not printed.
    const own = 'a'.repeat(40);
    const io = capture();
    const code = await runSyncServer(
      ['--data-dir', 'team', '--new-token', address],
      io,
      undefined,
      { CROSSCHECK_SYNC_TOKEN: own },
    );
    expect(code).toBe(0);
    const replaced = { stdout: io.out.join('') };
    expect(replaced.stdout).toBe(
      `The review ${address} has a new token; the old one no longer lets anyone in.\n`,
    );
    const revoked = await runCliIn(dir, ['sync-server', '--data-dir', 'team', '--revoke', address]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/is withdrawn: no token lets anyone in/);
    expect(JSON.parse(await table()).reviews[documentId].revoked).toMatch(/^\d{4}-/);
  });

  it.each([
    [['--new-token', 'not-an-address'], 2, /--new-token takes a shared review's address/],
    [['--revoke', generateAutomergeUrl()], 1, /holds no review automerge:/],
    [['--revoke', generateAutomergeUrl(), '--new-token', generateAutomergeUrl()], 2, /together/],
  ])('refuses %j in plain words', async (args, code, message) => {
    const run = await runCliIn(dir, ['sync-server', '--data-dir', 'team', ...args]);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
  });
});
