// `npm start`: builds Crosscheck, then opens it in Electron, or in the browser host when this
// machine has no Electron binary.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

process.stdout.write('Building Crosscheck…\n');
const build = spawnSync(
  process.execPath,
  ['node_modules/electron-vite/bin/electron-vite.js', 'build'],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
if (build.status !== 0) {
  console.error('Crosscheck could not be built; the messages above say why.');
  process.exit(1);
}

const electron = findElectronBinary(root);
const child = electron
  ? spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  : startBrowserHost();

child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

function startBrowserHost() {
  console.log(
    'No Electron binary is installed on this machine, so Crosscheck starts in your browser instead.',
  );
  return spawn(process.execPath, ['bin/crosscheck.js', 'serve', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
}
