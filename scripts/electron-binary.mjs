// Finds the Electron executable without triggering Electron's download-on-first-use.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The path of the installed Electron executable, or undefined when none was downloaded.
 * @param {string} root the project folder
 * @returns {string | undefined}
 */
export function findElectronBinary(root) {
  const packageDir = join(root, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const executable = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(executable) ? executable : undefined;
}
