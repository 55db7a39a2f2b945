// `npm start`: builds Crosscheck, then opens it in Electron — downloading Electron's binary first
// when this clone has none — or, when Electron cannot be had, in the browser host, saying why.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build-app.mjs';
import { downloadElectron, downloadTimeout, findElectronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

buildApp(root);

/** The Electron executable, downloading it once if needed; or the reason there is none. */
function electronOrReason() {
  const found = findElectronBinary(root);
  if (found) return { electron: found };
  if (process.env['ELECTRON_OVERRIDE_DIST_PATH'])
    return { reason: 'ELECTRON_OVERRIDE_DIST_PATH names a folder without it' };
  process.stdout.write('Downloading Electron (once)…\n');
  const download = downloadElectron(root, { timeoutS: downloadTimeout() });
  if (!download.ok) return { reason: download.reason };
  const installed = findElectronBinary(root);
  return installed ? { electron: installed } : { reason: 'its installer left no executable' };
}

let child;
const choice = electronOrReason();
if (choice.electron) {
  const electron = spawn(choice.electron, ['.', ...args], { cwd: root, stdio: 'inherit' });
  let failed = false;
  electron.once('error', (error) => {
    failed = true;
    child = startBrowserHost(`Electron could not be started (${error.code ?? error.message})`);
  });
  electron.once('exit', (code) => {
    if (!failed) process.exit(code ?? 0);
  });
  child = electron;
} else {
  child = startBrowserHost(`Electron could not be downloaded (${choice.reason})`);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

/** Starts `crosscheck serve`, after one sentence saying why it is not Electron. */
function startBrowserHost(why) {
  console.log(`${why}, so Crosscheck opens in your browser instead.`);
  const host = spawn(process.execPath, ['bin/crosscheck.js', 'serve', ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  host.once('exit', (code) => process.exit(code ?? 0));
  return host;
}
