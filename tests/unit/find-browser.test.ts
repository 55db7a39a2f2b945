// Which Chromium the end-to-end tests get on a fresh machine, and what they say when none can be had.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  aptApplies,
  ensureBrowser,
  findBrowser,
  type BrowserInstaller,
} from '../../scripts/find-browser.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-browser-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file standing in for a browser executable. */
function browserAt(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

const nowhere = () => undefined;

describe('findBrowser', () => {
  it('prefers CROSSCHECK_CHROMIUM over a system browser', () => {
    const mine = browserAt('my-chrome');
    const system = browserAt('chromium');
    expect(
      findBrowser({
        env: { CROSSCHECK_CHROMIUM: mine },
        candidates: [system],
        playwright: nowhere,
      }),
    ).toEqual({ path: mine, source: 'CROSSCHECK_CHROMIUM' });
  });

  it('takes the first system browser that exists, before Playwright’s own', () => {
    const chrome = browserAt('google-chrome');
    const own = browserAt('playwright-chrome');
    expect(
      findBrowser({
        env: {},
        candidates: [join(dir, 'chromium'), chrome],
        playwright: () => own,
      }),
    ).toEqual({ path: chrome, source: 'system' });
  });

  it('falls back to the browser Playwright installed, and to nothing when it did not', () => {
    const own = browserAt('playwright-chrome');
    expect(findBrowser({ env: {}, candidates: [], playwright: () => own })).toEqual({
      path: own,
      source: 'playwright',
    });
    expect(
      findBrowser({ env: {}, candidates: [], playwright: () => join(dir, 'absent') }),
    ).toBeUndefined();
  });
});

describe('ensureBrowser', () => {
  it('installs one where none exists, says so, and uses it', () => {
    const log: string[] = [];
    const target = join(dir, 'chromium');
    const installers: BrowserInstaller[] = [
      { command: 'npx playwright install chromium', applies: () => true, run: () => false },
      {
        command: 'apt-get install chromium',
        applies: () => true,
        run: () => (browserAt('chromium'), true),
      },
    ];
    const result = ensureBrowser({
      env: {},
      candidates: [target],
      playwright: nowhere,
      installers,
      log: (line) => log.push(line),
    });
    expect(result).toEqual({ path: target, source: 'system' });
    expect(log.join('\n')).toContain('installing one with "npx playwright install chromium"');
    expect(log.join('\n')).toContain(
      `Installed Chromium with "apt-get install chromium": ${target}`,
    );
  });

  it('skips installers that do not apply and, when all fail, stops with one sentence naming the command', () => {
    let aptRan = false;
    const installers: BrowserInstaller[] = [
      { command: 'npx playwright install chromium', applies: () => true, run: () => false },
      { command: 'apt-get install chromium', applies: () => false, run: () => (aptRan = true) },
    ];
    const result = ensureBrowser({
      env: {},
      candidates: [],
      playwright: nowhere,
      installers,
      log: () => {},
    });
    expect(aptRan).toBe(false);
    expect(result).toHaveProperty('error');
    const error = (result as { error: string }).error;
    expect(error).toContain('npx playwright install chromium');
    expect(error.split(/\.\s/)).toHaveLength(1);
    expect(error).not.toContain('\n');
  });

  it('names a CROSSCHECK_CHROMIUM that does not exist instead of silently using another browser', () => {
    const result = ensureBrowser({
      env: { CROSSCHECK_CHROMIUM: join(dir, 'nope') },
      candidates: [browserAt('chromium')],
      installers: [],
    });
    expect(result).toEqual({
      error: expect.stringContaining(`${join(dir, 'nope')}, which does not exist`),
    });
  });
});

describe('aptApplies', () => {
  it('is true only for root on Debian or a Debian-like system such as Ubuntu', () => {
    expect(aptApplies({ uid: 0, osRelease: 'ID=debian\nVERSION_ID="12"\n' })).toBe(true);
    expect(aptApplies({ uid: 0, osRelease: 'ID=ubuntu\nID_LIKE=debian\n' })).toBe(true);
    expect(aptApplies({ uid: 1000, osRelease: 'ID=debian\n' })).toBe(false);
    expect(aptApplies({ uid: 0, osRelease: 'ID=fedora\n' })).toBe(false);
  });
});
