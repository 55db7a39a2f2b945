// Where `npm start` looks for Electron, and the words it uses when Electron cannot be downloaded.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_DOWNLOAD_TIMEOUT_S,
  downloadElectron,
  downloadTimeout,
  failureReason,
  findElectronBinary,
} from '../../scripts/electron-binary.mjs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'crosscheck-electron-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function executable(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('findElectronBinary', () => {
  it('finds the executable that Electron’s installer named in path.txt, and nothing before it ran', () => {
    const electronDir = join(root, 'node_modules', 'electron');
    mkdirSync(electronDir, { recursive: true });
    expect(findElectronBinary(root, {})).toBeUndefined();
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toBeUndefined();
    const binary = executable(join(electronDir, 'dist', 'electron'));
    expect(findElectronBinary(root, {})).toBe(binary);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH without a path.txt, as Electron’s own index.js does', () => {
    const dist = join(root, 'custom');
    const name =
      process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const env = { ELECTRON_OVERRIDE_DIST_PATH: dist };
    expect(findElectronBinary(root, env)).toBeUndefined();
    const binary = executable(join(dist, name));
    expect(findElectronBinary(root, env)).toBe(binary);
  });
});

describe('failureReason', () => {
  it('calls every kind of unreachable server "no network"', () => {
    expect(failureReason('TypeError: fetch failed\n    at node:internal/deps/undici')).toBe(
      'no network',
    );
    expect(failureReason('  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build')).toBe(
      'no network',
    );
    expect(failureReason('Error: connect ECONNREFUSED 127.0.0.1:9')).toBe('no network');
  });

  it('names a bad checksum, and otherwise quotes the first line without its stack', () => {
    expect(failureReason('Error: Generated checksum for "electron.zip" did not match')).toBe(
      'the downloaded file failed its checksum',
    );
    expect(failureReason('\nError: disk quota exceeded\n    at write (x.js:1:1)')).toBe(
      'its installer said: Error: disk quota exceeded',
    );
  });
});

describe('downloadElectron', () => {
  it('says to run npm install when the electron package is missing, without throwing', () => {
    expect(downloadElectron(root, { timeoutS: 5 })).toEqual({
      ok: false,
      reason: 'the electron package is not installed; run "npm install"',
    });
  });

  it('takes its timeout from CROSSCHECK_ELECTRON_DOWNLOAD_TIMEOUT, ignoring nonsense', () => {
    expect(downloadTimeout({ CROSSCHECK_ELECTRON_DOWNLOAD_TIMEOUT: '5' })).toBe(5);
    expect(downloadTimeout({ CROSSCHECK_ELECTRON_DOWNLOAD_TIMEOUT: 'soon' })).toBe(
      DEFAULT_DOWNLOAD_TIMEOUT_S,
    );
    expect(downloadTimeout({})).toBe(DEFAULT_DOWNLOAD_TIMEOUT_S);
  });
});
