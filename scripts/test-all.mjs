// `npm test`: everything CI checks, in CI order — format → lint → typecheck → Electron security
// scan → unit → build → e2e —
// ending with one line "N passed, N failed" that counts the unit and end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// On a fresh clone `npm test` works by itself: it installs the dependencies first.
if (!existsSync(`${root}node_modules/.bin/vitest`)) {
  console.log('The dependencies are not installed yet, so npm test runs `npm install` first.');
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (install.status !== 0) {
    console.log('`npm install` failed (the messages above say why), so no test ran.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const reports = `${root}.test-output`;
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const npx = (tool, ...args) => ['node', [`node_modules/.bin/${tool}`, ...args]];

/** Runs one step with inherited output; returns whether it succeeded. */
function step(title, [command, args], env = {}) {
  console.log(`\n── ${title} ──`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const ok = result.status === 0;
  console.log(
    `── ${title}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const gates = [
  ['format check', npx('prettier', '--check', '.')],
  ['lint (ESLint, knip)', ['npm', ['run', '--silent', 'lint']]],
  ['typecheck (core, node, e2e, web)', ['npm', ['run', '--silent', 'typecheck']]],
  ['electron security (Electronegativity)', ['node', ['scripts/electronegativity.mjs']]],
];
const failedGates = gates.filter(([title, command]) => !step(title, command)).map(([t]) => t);

let passed = 0;
let failed = 0;
let skipped = 0;

const unitOk = step(
  'unit tests',
  npx(
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reports}/unit.json`,
  ),
);
const unit = readJson(`${reports}/unit.json`);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else if (!unitOk) failed += 1;

const buildOk = step('build', npx('electron-vite', 'build'));
if (!buildOk) failedGates.push('build');

if (buildOk) {
  const e2eOk = step('end-to-end tests', npx('playwright', 'test', '--reporter=list,json'), {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json`,
  });
  const e2e = readJson(`${reports}/e2e.json`);
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    skipped += e2e.stats.skipped;
  } else if (!e2eOk) failed += 1;
}

console.log('');
if (failedGates.length > 0) console.log(`Failed checks: ${failedGates.join(', ')}.`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || failedGates.length > 0 ? 1 : 0);
