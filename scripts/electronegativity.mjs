// Runs Electronegativity over the sources (src/, never a build in out/, so `npm start` before
// `npm test` changes nothing) and fails on any HIGH or MEDIUM finding that is not a
// manual-review finding already reviewed in security-review.json. (The tool exits 0 regardless.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Scanning src/ alone, the tool cannot see package.json; tell it the installed Electron version.
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const outDir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const csvPath = join(outDir, 'findings.csv');
const run = spawnSync(
  process.execPath,
  [
    'node_modules/@doyensec/electronegativity/dist/index.js',
    '-i',
    'src',
    '-e',
    electronVersion,
    '-x',
    'AvailableSecurityFixesGlobalCheck',
    '-o',
    csvPath,
    '-v',
    'false',
  ],
  { cwd: root, encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('Electronegativity did not run.');
  process.exit(1);
}

/** Splits one CSV line, honouring double quotes. */
function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((s) => s.trim());
}

const reviewed = JSON.parse(readFileSync(join(root, 'security-review.json'), 'utf8')).reviewed;
const lines = readFileSync(csvPath, 'utf8').split('\n').slice(1).filter(Boolean);
rmSync(outDir, { recursive: true, force: true });

const findings = lines
  .map(parseCsvLine)
  .filter((cells) => /^[A-Z_]+$/.test(cells[0] ?? ''))
  .map(([check, severity, confidence, file, location]) => ({
    check,
    severity,
    confidence,
    file: relative(root, file ?? ''),
    location,
  }));
const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const open = serious.filter((f) => !reviewed.some((r) => r.check === f.check && r.file === f.file));

console.log(
  `Electronegativity: ${findings.length} findings, ${serious.length} HIGH/MEDIUM, ${serious.length - open.length} of them reviewed in security-review.json.`,
);
for (const f of open) console.log(`  ${f.severity} ${f.check} ${f.file}:${f.location}`);
process.exit(open.length > 0 ? 1 : 0);
