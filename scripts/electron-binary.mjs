// Finds the Electron executable, and fetches it with Electron's own installer when it is missing.
// Electron ≥ 42 installs without its binary (node_modules/electron/install.js downloads it on first
// use), so "not there yet" is the normal state of a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Seconds `npm start` waits for the download unless CROSSCHECK_ELECTRON_DOWNLOAD_TIMEOUT says. */
export const DEFAULT_DOWNLOAD_TIMEOUT_S = 120;

/** Where Electron's zip puts the executable, as install.js writes it to path.txt. */
function platformPath(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * The electron package folder: node_modules/electron, or CROSSCHECK_ELECTRON_PACKAGE (the tests of
 * `npm start` point it at a copy without a binary, so an installed Electron cannot interfere).
 * @param {string} root
 * @param {NodeJS.ProcessEnv} env
 */
function electronPackage(root, env) {
  return env['CROSSCHECK_ELECTRON_PACKAGE'] ?? join(root, 'node_modules', 'electron');
}

/**
 * The path of the installed Electron executable, or undefined when none was downloaded. Honours
 * ELECTRON_OVERRIDE_DIST_PATH (a folder holding the executable) as Electron's index.js does.
 * @param {string} root the project folder
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | undefined}
 */
export function findElectronBinary(root, env = process.env) {
  const packageDir = electronPackage(root, env);
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const executable = join(override, relative ?? platformPath());
    return existsSync(executable) ? executable : undefined;
  }
  if (relative === undefined) return undefined;
  const executable = join(packageDir, 'dist', relative);
  return existsSync(executable) ? executable : undefined;
}

/**
 * Turns a download tool's error output into the few words a person needs, e.g. "no network".
 * @param {string} output
 * @returns {string}
 */
export function failureReason(output) {
  if (
    /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|ETIMEDOUT|socket hang up|getaddrinfo/i.test(
      output,
    )
  )
    return 'no network';
  if (/checksum|sha256/i.test(output)) return 'the downloaded file failed its checksum';
  if (/HTTPError|status code|\b40[34]\b/i.test(output)) return 'the download server refused it';
  if (/EACCES|EPERM|EROFS|ENOSPC/.test(output)) return 'node_modules/electron could not be written';
  const first = output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at '));
  return first ? `its installer said: ${first.slice(0, 120)}` : 'its installer failed';
}

/**
 * Runs Electron's own installer (node_modules/electron/install.js) for at most `timeoutS` seconds,
 * without letting its output through. Never throws.
 * @param {string} root the project folder
 * @param {{ timeoutS?: number, env?: NodeJS.ProcessEnv }} [options]
 * @returns {{ ok: true } | { ok: false, reason: string }} reason: a few words for "(…)"
 */
export function downloadElectron(root, options = {}) {
  const env = options.env ?? process.env;
  const timeoutS = options.timeoutS ?? DEFAULT_DOWNLOAD_TIMEOUT_S;
  const installer = join(electronPackage(root, env), 'install.js');
  if (!existsSync(installer))
    return { ok: false, reason: 'the electron package is not installed; run "npm install"' };
  const run = spawnSync(process.execPath, [installer], {
    cwd: root,
    env: { ...env, ELECTRON_GET_NO_PROGRESS: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutS * 1000,
    killSignal: 'SIGKILL',
  });
  if (run.error?.code === 'ETIMEDOUT' || run.signal === 'SIGKILL')
    return { ok: false, reason: `no answer within ${timeoutS} s` };
  if (run.error)
    return {
      ok: false,
      reason: `its installer did not run (${run.error.code ?? run.error.message})`,
    };
  if (run.status !== 0) return { ok: false, reason: failureReason(`${run.stderr}\n${run.stdout}`) };
  return { ok: true };
}

/**
 * The download timeout from CROSSCHECK_ELECTRON_DOWNLOAD_TIMEOUT (seconds), else the default.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {number}
 */
export function downloadTimeout(env = process.env) {
  const value = Number(env['CROSSCHECK_ELECTRON_DOWNLOAD_TIMEOUT']);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_DOWNLOAD_TIMEOUT_S;
}
