// The Chromium the end-to-end tests drive, found in this order: CROSSCHECK_CHROMIUM, a system
// Chromium or Chrome, one Playwright has installed; where none exists, one is installed
// (Playwright's own download, else apt-get as root on Debian or Ubuntu) and the log says so.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Where a system Chromium or Chrome usually is, per platform. */
export const SYSTEM_BROWSERS = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/** The executable Playwright installs for its own Chromium (whether or not it is there). */
export function playwrightChromium() {
  try {
    return createRequire(import.meta.url)('playwright-core').chromium.executablePath();
  } catch {
    return undefined;
  }
}

const NEEDED =
  'The end-to-end tests need Chromium and none could be installed here: run "npx playwright install chromium" (or "sudo apt-get install chromium" on Debian or Ubuntu), or set CROSSCHECK_CHROMIUM to a Chrome or Chromium executable.';

/**
 * The first browser found, without installing anything.
 * @param {{ env?: NodeJS.ProcessEnv, candidates?: string[], playwright?: () => string | undefined, exists?: (path: string) => boolean }} [options]
 * @returns {{ path: string, source: string } | undefined}
 */
export function findBrowser(options = {}) {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  const chosen = env['CROSSCHECK_CHROMIUM'];
  if (chosen) return { path: chosen, source: 'CROSSCHECK_CHROMIUM' };
  const system = (options.candidates ?? SYSTEM_BROWSERS[process.platform] ?? []).find(exists);
  if (system) return { path: system, source: 'system' };
  const own = (options.playwright ?? playwrightChromium)();
  return own && exists(own) ? { path: own, source: 'playwright' } : undefined;
}

/**
 * Whether `apt-get install chromium` can be tried: root on Debian or Ubuntu.
 * @param {{ uid?: number, osRelease?: string }} [facts]
 */
export function aptApplies(facts = {}) {
  const uid = facts.uid ?? process.getuid?.();
  let osRelease = facts.osRelease;
  if (osRelease === undefined) {
    try {
      osRelease = readFileSync('/etc/os-release', 'utf8');
    } catch {
      osRelease = '';
    }
  }
  const ids = /^ID(?:_LIKE)?=(.*)$/gm;
  const family = [...osRelease.matchAll(ids)].flatMap((m) => m[1].replace(/"/g, '').split(/\s+/));
  return uid === 0 && family.some((id) => id === 'debian' || id === 'ubuntu');
}

/** Runs a command quietly with a time limit; true when it succeeded. */
function quietly(command, args, timeoutS) {
  const run = spawnSync(command, args, {
    cwd: root,
    stdio: 'ignore',
    timeout: timeoutS * 1000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return run.status === 0;
}

/** The two ways to install a browser, in the order they are tried. */
export const INSTALLERS = [
  {
    command: 'npx playwright install chromium',
    applies: () => true,
    run: () =>
      quietly(
        process.execPath,
        [join(root, 'node_modules/@playwright/test/cli.js'), 'install', 'chromium'],
        300,
      ),
  },
  {
    command: 'apt-get install chromium',
    applies: () => aptApplies(),
    run: () =>
      quietly('apt-get', ['update', '-qq'], 300) &&
      quietly('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], 600),
  },
];

/**
 * A browser for the tests: found, or installed (saying so through `log`); else the one sentence
 * naming the command to run.
 * @param {Parameters<typeof findBrowser>[0] & { installers?: typeof INSTALLERS, log?: (line: string) => void }} [options]
 * @returns {{ path: string, source: string } | { error: string }}
 */
export function ensureBrowser(options = {}) {
  const exists = options.exists ?? existsSync;
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const found = findBrowser(options);
  if (found?.source === 'CROSSCHECK_CHROMIUM' && !exists(found.path))
    return {
      error: `CROSSCHECK_CHROMIUM names ${found.path}, which does not exist; point it at a Chrome or Chromium executable, or unset it.`,
    };
  if (found) return found;
  for (const installer of (options.installers ?? INSTALLERS).filter((i) => i.applies())) {
    log(
      `No Chromium or Chrome was found for the end-to-end tests; installing one with "${installer.command}"…`,
    );
    if (installer.run()) {
      const installed = findBrowser(options);
      if (installed) {
        log(`Installed Chromium with "${installer.command}": ${installed.path}`);
        return installed;
      }
    }
    log(`"${installer.command}" did not give a browser.`);
  }
  return { error: NEEDED };
}
