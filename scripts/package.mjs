// `npm run package`: builds out/, then this platform's installers with electron-builder
// (electron-builder.yml: AppImage and .deb on Linux, .dmg on macOS, NSIS on Windows) into
// release/. Arguments go to electron-builder (`npm run package -- --linux deb`). Its first run
// downloads Electron and the packaging tools; where it cannot, it stops with one sentence.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build-app.mjs';
import { failureReason } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
buildApp(root);

process.stdout.write('Packaging Crosscheck with electron-builder…\n');
const builder = spawn(
  process.execPath,
  [
    join(root, 'node_modules/electron-builder/cli.js'),
    '--publish',
    'never',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
);

let output = '';
/** Passes electron-builder's lines through, without the stack traces it prints on failure. */
function relay(stream) {
  let pending = '';
  return (chunk) => {
    output += chunk;
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines)
      if (!/^\s+at /.test(line)) stream.write(`${line.replace(/\s+stackTrace=.*$/, '')}\n`);
  };
}
builder.stdout.setEncoding('utf8').on('data', relay(process.stdout));
builder.stderr.setEncoding('utf8').on('data', relay(process.stderr));

builder.once('exit', (code) => {
  if (code === 0) {
    let made = [];
    try {
      made = readdirSync(join(root, 'release')).filter((name) => !name.startsWith('.'));
    } catch {
      // A custom output folder: electron-builder's own lines above name it.
    }
    console.log(
      `The installers are built${made.length ? `: release/${made.join(', release/')}` : ''}.`,
    );
    process.exit(0);
  }
  const reason = failureReason(output);
  console.error(
    reason === 'no network'
      ? 'The installers could not be built: electron-builder downloads Electron and its packaging tools on its first run, and this machine has no network; run "npm run package" again where it has.'
      : `The installers could not be built (${reason}); the messages above say more.`,
  );
  process.exit(1);
});
