// The workspace with a 5 MB document: time from choosing the file to its first sentences on
// screen, and how many sentence elements the DOM holds, against the same import through the
// HTTP API alone (no rendering) and against the document's sentence count (an unvirtualised list).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startServe, stopServe } from '../tests/e2e/browser-host';
import { loadSpeeches } from './sotu';
import type { Table } from './table';

const TARGET_BYTES = 5 * 1024 * 1024;
const GOAL_SECONDS = 1.5;
const GOAL_DOM_ROWS = 500;

/** About 5 MB of speeches, one paragraph per speech. */
function fiveMegabytes(): string {
  const parts: string[] = [];
  let size = 0;
  for (const speech of loadSpeeches()) {
    parts.push(speech.text.trim());
    size += Buffer.byteLength(speech.text);
    if (size >= TARGET_BYTES) break;
  }
  return parts.join('\n\n');
}

/** Runs the workspace benchmark in headless Chromium against the built browser host. */
export async function benchWorkspaceUi(): Promise<Table[]> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-ui-'));
  const file = join(dir, 'five-megabytes.txt');
  const text = fiveMegabytes();
  await writeFile(file, text);
  const host = await startServe(join(dir, 'data'));
  const browser = await chromium.launch({
    executablePath: process.env['CROSSCHECK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.getByLabel('New review name').fill('Benchmark');
    await page.getByRole('button', { name: 'Create review' }).click();
    await page.getByRole('button', { name: 'Benchmark', exact: true }).waitFor();

    const started = performance.now();
    await page.getByLabel('Import documents').setInputFiles(file);
    await page.locator('[data-sentence="1"]').waitFor();
    const uiSeconds = (performance.now() - started) / 1000;
    const domRows = await page.locator('[data-sentence]').count();
    const api = apiClient(host.url);
    const reviews = await api('listReviews', {});
    const review = await api('openReview', { reviewId: reviews.reviews[0].id });
    const documentId = review.review.documents[0].id as string;
    const sentences = (await api('getDocumentText', { documentId })).sentences.length / 2;

    // Baseline: the same bytes imported and read back through the API, with nothing rendered.
    const created = await api('createReview', { name: 'Baseline' });
    const t0 = performance.now();
    const added = await api('addDocument', {
      reviewId: created.id,
      fileName: 'baseline.txt',
      bytes: { $bytes: Buffer.from(text + '\n').toString('base64') },
    });
    await api('getDocumentText', { documentId: added.document.id });
    const baselineSeconds = (performance.now() - t0) / 1000;

    const megabytes = Buffer.byteLength(text) / (1024 * 1024);
    return [
      {
        title: `Workspace: import and first show of a ${megabytes.toFixed(1)} MB document (${sentences} sentences) in Chromium`,
        columns: ['measure', 'value', 'baseline', 'goal', 'met'],
        rows: [
          [
            'seconds from choosing the file to first sentences on screen',
            round(uiSeconds),
            `${round(baselineSeconds)} (API import + read, no UI)`,
            `≤ ${GOAL_SECONDS}`,
            uiSeconds <= GOAL_SECONDS ? 'yes' : 'NO',
          ],
          [
            'sentence elements in the DOM',
            domRows,
            `${sentences} (every sentence)`,
            `≤ ${GOAL_DOM_ROWS}`,
            domRows <= GOAL_DOM_ROWS ? 'yes' : 'NO',
          ],
        ],
      },
    ];
  } finally {
    await browser.close();
    await stopServe(host);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Calls the browser host's API from Node with the launch token; returns the success value. */
function apiClient(url: string) {
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token') ?? '';
  // The benchmark reads loosely typed JSON back from the API.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async (method: string, args: unknown): Promise<any> => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Crosscheck-Token': token },
      body: JSON.stringify(args),
    });
    const body = (await response.json()) as { ok?: boolean; value?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.value;
  };
}

function round(value: number): number {
  return Number(value.toFixed(3));
}
