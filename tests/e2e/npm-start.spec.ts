// `npm start` as a newcomer runs it: Electron when its binary is there, a one-time download when
// it is not, and the browser host — with one sentence saying why — when the download fails or
// hangs. The download is pointed at this machine (ELECTRON_MIRROR), so no test reaches the network.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADDRESS = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs `node scripts/start.mjs` on the existing build with `env` added. */
function startScript(env: Record<string, string>, args: string[] = []): Started {
  const base = { ...process.env };
  delete base['ELECTRON_OVERRIDE_DIST_PATH'];
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: ROOT,
    env: { ...base, CROSSCHECK_SKIP_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'crosscheck-start-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Asserts the browser-host fallback: the reason in one line, then a working address. */
async function expectBrowserHost(started: Started, reason: string): Promise<void> {
  await expect.poll(started.output, { timeout: 30_000 }).toMatch(ADDRESS);
  const lines = started.output().split('\n');
  expect(lines[0]).toBe('Downloading Electron (once)…');
  expect(lines[1]).toBe(
    `Electron could not be downloaded (${reason}), so Crosscheck opens in your browser instead.`,
  );
  expect(started.output()).not.toMatch(/^\s+at /m);
  const address = ADDRESS.exec(started.output())?.[0] ?? '';
  const page = await fetch(address);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<html');
  started.child.kill('SIGTERM');
  await started.exited;
}

test('with no Electron binary and no network, npm start says so in one line and opens the browser host', async () => {
  const started = startScript(
    {
      ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
      electron_config_cache: join(scratch, 'cache'),
    },
    ['--port', '0', '--data-dir', join(scratch, 'data')],
  );
  await expectBrowserHost(started, 'no network');
});

test('a download that never answers is given up after the timeout, and the browser host opens', async () => {
  const silent: Server = createServer(() => {
    // Accepts the request and never answers.
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as { port: number };
  try {
    const began = Date.now();
    const started = startScript(
      {
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: join(scratch, 'cache'),
        CROSSCHECK_ELECTRON_DOWNLOAD_TIMEOUT: '2',
      },
      ['--port', '0', '--data-dir', join(scratch, 'data')],
    );
    await expectBrowserHost(started, 'no answer within 2 s');
    expect(Date.now() - began).toBeLessThan(20_000);
  } finally {
    silent.closeAllConnections();
    silent.close();
  }
});

test('with an Electron binary present, npm start opens Electron on the project and nothing else', async () => {
  const dist = join(scratch, 'dist');
  const record = join(scratch, 'args.txt');
  const executable = join(
    dist,
    process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron',
  );
  mkdirSync(join(executable, '..'), { recursive: true });
  writeFileSync(executable, `#!/bin/sh\npwd > '${record}'\nprintf '%s\\n' "$@" >> '${record}'\n`);
  chmodSync(executable, 0o755);

  const started = startScript({ ELECTRON_OVERRIDE_DIST_PATH: dist }, ['--inspect-layout']);
  expect(await started.exited).toBe(0);
  const [cwd, ...args] = readFileSync(record, 'utf8').trim().split('\n');
  expect(cwd).toBe(ROOT.replace(/\/$/, ''));
  expect(args).toEqual(['.', '--inspect-layout']);
  expect(started.output()).not.toContain('Downloading');
  expect(started.output()).not.toContain('browser');
});
