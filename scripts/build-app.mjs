// Builds out/ with electron-vite, quietly; shared by `npm start` and `npm run package`.
// CROSSCHECK_SKIP_BUILD=1 reuses an existing out/ (their tests set it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds the app in `root` unless CROSSCHECK_SKIP_BUILD=1 and out/ exists; exits the process with
 * one sentence when the build fails.
 * @param {string} root the project folder
 */
export function buildApp(root) {
  if (process.env['CROSSCHECK_SKIP_BUILD'] === '1' && existsSync(join(root, 'out', 'main'))) return;
  process.stdout.write('Building Crosscheck…\n');
  const build = spawnSync(
    process.execPath,
    ['node_modules/electron-vite/bin/electron-vite.js', 'build'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (build.status !== 0) {
    console.error('Crosscheck could not be built; the messages above say why.');
    process.exit(1);
  }
}
