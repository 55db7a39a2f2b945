// `npm start` as a newcomer runs it: Electron when its binary is there, a one-time download when
// it is not, and the browser host — with one sentence saying why — when the download fails or
// hangs. The download is pointed at this machine (ELECTRON_MIRROR), so no test reaches the network,
// and runs from a copy of the electron package without a binary, so an installed one cannot interfere.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { storedZip } from '../support/stored-zip';

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

/** Environment for a run whose Electron has not been downloaded yet, downloading from `mirror`. */
function noElectronYet(mirror: string): Record<string, string> {
  const electronPackage = join(scratch, 'electron');
  mkdirSync(electronPackage);
  for (const file of ['install.js', 'package.json', 'checksums.json'])
    copyFileSync(join(ROOT, 'node_modules/electron', file), join(electronPackage, file));
  return {
    CROSSCHECK_ELECTRON_PACKAGE: electronPackage,
    // The copied install.js finds its dependencies in the project's node_modules.
    NODE_PATH: join(ROOT, 'node_modules'),
    ELECTRON_MIRROR: mirror,
    electron_config_cache: join(scratch, 'cache'),
  };
}
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
  const started = startScript(noElectronYet(`http://127.0.0.1:${await closedPort()}/`), [
    '--port',
    '0',
    '--data-dir',
    join(scratch, 'data'),
  ]);
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
      { ...noElectronYet(`http://127.0.0.1:${port}/`), CROSSCHECK_ELECTRON_DOWNLOAD_TIMEOUT: '2' },
      ['--port', '0', '--data-dir', join(scratch, 'data')],
    );
    await expectBrowserHost(started, 'no answer within 2 s');
    expect(Date.now() - began).toBeLessThan(20_000);
  } finally {
    silent.closeAllConnections();
    silent.close();
  }
});

/** A stub Electron that writes its working folder and arguments to `record`, then exits 0. */
function stubElectron(record: string): string {
  return `#!/bin/sh\npwd > '${record}'\nprintf '%s\\n' "$@" >> '${record}'\n`;
}

/** What the stub recorded: the folder Electron ran in and its arguments. */
function recorded(record: string): { cwd: string; args: string[] } {
  const [cwd = '', ...args] = readFileSync(record, 'utf8').trim().split('\n');
  return { cwd, args };
}

test('where the download works, npm start fetches Electron once with its own installer and opens it', async () => {
  test.skip(process.platform !== 'linux', 'The stand-in Electron release is built for Linux.');
  const record = join(scratch, 'args.txt');
  const { version } = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
  ) as { version: string };
  const zipName = `electron-v${version}-linux-${process.arch}.zip`;
  const zip = storedZip([
    { name: 'electron', data: Buffer.from(stubElectron(record)), mode: 0o755 },
  ]);
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
  const mirror: Server = createServer((request, response) => {
    if (request.url === `/v${version}/${zipName}`) response.end(zip);
    else if (request.url === `/v${version}/SHASUMS256.txt`) response.end(sums);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  const { port } = mirror.address() as { port: number };
  try {
    const env = {
      ...noElectronYet(`http://127.0.0.1:${port}/`),
      electron_use_remote_checksums: '1',
    };
    const first = startScript(env, ['--flag']);
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).toContain('Downloading Electron (once)…');
    expect(first.output()).not.toContain('browser');
    expect(recorded(record)).toEqual({ cwd: ROOT.replace(/\/$/, ''), args: ['.', '--flag'] });

    // Once is once: the next start opens Electron without downloading again.
    rmSync(record);
    const second = startScript(env);
    expect(await second.exited).toBe(0);
    expect(second.output()).not.toContain('Downloading');
    expect(recorded(record).args).toEqual(['.']);
  } finally {
    mirror.close();
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
  writeFileSync(executable, stubElectron(record));
  chmodSync(executable, 0o755);

  const started = startScript({ ELECTRON_OVERRIDE_DIST_PATH: dist }, ['--inspect-layout']);
  expect(await started.exited).toBe(0);
  expect(recorded(record)).toEqual({
    cwd: ROOT.replace(/\/$/, ''),
    args: ['.', '--inspect-layout'],
  });
  expect(started.output()).not.toContain('Downloading');
  expect(started.output()).not.toContain('browser');
});
