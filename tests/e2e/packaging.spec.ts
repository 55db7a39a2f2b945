// `npm run package` up to the point where it would download Electron: electron-builder, with the
// project's own electron-builder.yml, packs the built app against a stand-in Electron folder
// (electronDist), and the packed app must hold every entry point, font and sample the app opens.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { expect, test } from '@playwright/test';
import { briefFonts } from '../../src/main/brief/brief-style';
import { appResourceDir } from '../../src/main/resource-dirs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let scratch: string;
let unpacked: string;
let asar: string;
let packed: Set<string>;

test.beforeAll(() => {
  test.setTimeout(240_000);
  scratch = mkdtempSync(join(tmpdir(), 'crosscheck-package-'));
  const electronDist = join(scratch, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  const run = spawnSync(
    process.execPath,
    [
      'scripts/package.mjs',
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${join(scratch, 'release')}`,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CROSSCHECK_SKIP_BUILD: '1' } },
  );
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  const folder = readdirSync(join(scratch, 'release')).find((name) =>
    /^linux.*unpacked$/.test(name),
  );
  unpacked = join(scratch, 'release', folder ?? 'linux-unpacked');
  asar = join(unpacked, 'resources', 'app.asar');
  packed = new Set(
    listPackage(asar, { isPack: false }).map((p) => p.replace(/\\/g, '/').replace(/^\//, '')),
  );
});
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The modules a built file imports: relative paths and bare package names. */
function importsOf(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)["']([^"']+)["']/g),
  ];
  return specifiers.map((m) => m[1] ?? '');
}

test('the packed app holds its main, preload and renderer entry points and every module they import', () => {
  const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as {
    main: string;
  };
  const main = posix.normalize(manifest.main);
  expect(packed).toContain(main);

  // Every file the main process reaches through relative imports, and every package it imports.
  const seen = new Set<string>();
  const queue = [main];
  const packages = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    expect(packed, `${file} is imported but not packed`).toContain(file);
    for (const specifier of importsOf(extractFile(asar, file).toString('utf8'))) {
      if (specifier.startsWith('.')) queue.push(posix.join(posix.dirname(file), specifier));
      else if (!specifier.startsWith('node:') && specifier !== 'electron')
        packages.add(
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  }
  expect(packages.size).toBeGreaterThan(0);
  for (const name of packages)
    expect(packed, `package ${name}`).toContain(`node_modules/${name}/package.json`);

  // The files the Electron host opens beside its bundle (preload, renderer page), as the sources name them.
  const hostFiles = readdirSync(join(ROOT, 'src/main/electron')).filter((f) => f.endsWith('.ts'));
  const opened = hostFiles.flatMap((f) =>
    [
      ...readFileSync(join(ROOT, 'src/main/electron', f), 'utf8').matchAll(
        /join\(import\.meta\.dirname, '([^']+)'\)/g,
      ),
    ].map((m) => posix.join(posix.dirname(main), m[1] ?? '')),
  );
  expect(opened).toEqual(
    expect.arrayContaining(['out/preload/index.cjs', 'out/renderer/index.html']),
  );
  for (const file of opened) expect(packed, file).toContain(file);

  // The page's scripts and styles.
  const page = extractFile(asar, 'out/renderer/index.html').toString('utf8');
  const assets = [...page.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map(
    (m) => `out/renderer/${m[1]}`,
  );
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expect(packed, asset).toContain(asset);
});

test('the installed app finds every font of the brief and every file of the sample review beside it', () => {
  const where = { isPackaged: true, resourcesPath: join(unpacked, 'resources'), appPath: asar };
  for (const font of Object.values(briefFonts(appResourceDir('fonts', where))))
    expect(existsSync(font) && statSync(font).size > 0, font).toBe(true);

  const samplesDir = appResourceDir('samples', where);
  const spec = JSON.parse(readFileSync(join(samplesDir, 'sample-review.json'), 'utf8')) as {
    documents: { file: string }[];
  };
  expect(spec.documents.length).toBeGreaterThan(0);
  for (const { file } of spec.documents)
    expect(existsSync(join(samplesDir, file)), file).toBe(true);
});

test('the packed app holds the build and its runtime packages only: no sources, tests or source maps', () => {
  const top = new Set([...packed].map((p) => p.split('/')[0]));
  expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
  expect([...packed].filter((p) => p.startsWith('out/') && p.endsWith('.map'))).toEqual([]);
  // Development tools stay out: only `dependencies` (and what they need) are packed.
  expect(packed).not.toContain('node_modules/electron/package.json');
  expect(packed).not.toContain('node_modules/vite/package.json');
});
