// The workspace with a 5 MB document: time from choosing the file to its first sentences on
// screen, and how many sentence elements the DOM holds, against the same import through the
// HTTP API alone (no rendering) and against the document's sentence count (an unvirtualised list).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startServe, stopServe } from '../tests/e2e/browser-host';
import { buildLargeReview } from './large-review';
import { loadSpeeches } from './sotu';
import type { Table } from './table';

const TARGET_BYTES = 5 * 1024 * 1024;
const GOAL_SECONDS = 1.5;
const GOAL_DOM_ROWS = 500;
const LARGE_REVIEW_TAGS = 10_000;
const KEY_PRESSES = 20;

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

/** Headless Chromium for the page benchmarks (CROSSCHECK_CHROMIUM, else the system's). */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CROSSCHECK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Runs the workspace benchmark in headless Chromium against the built browser host. */
export async function benchWorkspaceUi(): Promise<Table[]> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-ui-'));
  const file = join(dir, 'five-megabytes.txt');
  const text = fiveMegabytes();
  await writeFile(file, text);
  const host = await startServe(join(dir, 'data'));
  const browser = await launchBenchBrowser();
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
    const baselineSeconds = await apiImportSeconds(api, text);

    const megabytes = Buffer.byteLength(text) / (1024 * 1024);
    const keys = await keyToTag(browser, join(dir, 'large'));
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
      {
        title: `Workspace: key press “1” → the tag on screen, review of ${LARGE_REVIEW_TAGS.toLocaleString('en')} tags (${KEY_PRESSES} presses, each after the previous edit was saved)`,
        columns: ['measure', 'p50 ms', 'p95 ms', 'max ms'],
        rows: [
          ['key press → tag in the page (goal p95 ≤ 50)', ...stats(keys.ui)],
          ['key press “2” → claim picker open (goal p95 ≤ 100)', ...stats(keys.picker)],
          ['baseline: the same tagSentence call over HTTP alone', ...stats(keys.api)],
        ],
      },
      {
        title: `Workspace: bytes over the API for one key press on a review of ${LARGE_REVIEW_TAGS.toLocaleString('en')} tags (calls, replies and pushed events)`,
        columns: ['measure', 'p50 bytes', 'p95 bytes', 'max bytes', 'goal', 'met'],
        rows: [
          [
            'key press “1” until “● Saved”',
            ...stats(keys.transferred),
            '≤ 20,000',
            Math.max(...keys.transferred) <= 20_000 ? 'yes' : 'NO',
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

/** Counts the bytes of every API call and pushed event the page receives (set up before load). */
function countTraffic(page: Page): { bytes: () => number; reset: () => void } {
  let bytes = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/'))
      bytes += request.postData()?.length ?? 0;
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/api/') || path === '/api/events') return;
    void response.body().then(
      (body) => (bytes += body.length),
      () => undefined,
    );
  });
  return {
    bytes: () => bytes,
    reset: () => (bytes = 0),
  };
}

/** Wraps EventSource in the page so the bench can count the bytes of pushed events. */
const COUNT_EVENT_BYTES = `(() => {
  const Original = window.EventSource;
  window.__eventBytes = 0;
  window.EventSource = class extends Original {
    constructor(url, init) {
      super(url, init);
      this.addEventListener('message', (e) => { window.__eventBytes += e.data.length; });
    }
  };
})();`;

/**
 * Starts timing, inside the page, from the next key press to the moment an element matching
 * `selector` is in the DOM (a MutationObserver sees it before the frame is painted). Polling from
 * Playwright would add its own 20–100 ms intervals to every reading.
 */
async function startKeyTimer(page: Page, selector: string): Promise<() => Promise<number>> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __keyTimer?: Promise<number> };
    w.__keyTimer = new Promise<number>((resolve) => {
      let pressed = 0;
      window.addEventListener('keydown', () => (pressed = performance.now()), {
        capture: true,
        once: true,
      });
      const observer = new MutationObserver(() => {
        if (pressed === 0 || !document.querySelector(sel)) return;
        observer.disconnect();
        resolve(performance.now() - pressed);
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  }, selector);
  return () =>
    page.evaluate(() => (window as unknown as { __keyTimer: Promise<number> }).__keyTimer);
}

/** Times key presses that tag sentences in a large review, and the bare API call. */
async function keyToTag(browser: Browser, dataDir: string) {
  const large = await buildLargeReview(dataDir, LARGE_REVIEW_TAGS);
  const host = await startServe(dataDir);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(COUNT_EVENT_BYTES);
    const traffic = countTraffic(page);
    const eventBytes = () =>
      page.evaluate(() => (window as unknown as { __eventBytes: number }).__eventBytes);
    await page.goto(host.url);
    await page.getByRole('button', { name: large.reviewName, exact: true }).click();
    await page.locator('[data-sentence="1"]').waitFor();
    // Jump past the tagged sentences (find), then tag fresh ones one after another.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+f');
    await page.keyboard.type(`Entry ${LARGE_REVIEW_TAGS + 1} of`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const saved = page.getByRole('status', { name: 'Save state' }).filter({ hasText: 'Saved' });
    const ui: number[] = [];
    const picker: number[] = [];
    const transferred: number[] = [];
    for (let i = 0; i < KEY_PRESSES; i++) {
      await page.keyboard.press('j');
      await saved.waitFor();
      await page.waitForTimeout(100);
      traffic.reset();
      const eventsBefore = await eventBytes();
      const tagShown = await startKeyTimer(page, '[aria-selected="true"][data-kind="claim"]');
      await page.keyboard.press('1');
      ui.push(await tagShown());
      await saved.waitFor();
      await page.waitForTimeout(100);
      transferred.push(traffic.bytes() + (await eventBytes()) - eventsBefore);
      await page.keyboard.press('0');
      await page.locator('[aria-selected="true"][data-kind="none"]').first().waitFor();
      // Evidence on a review with claims: the key opens the claim picker.
      const pickerShown = await startKeyTimer(page, 'dialog[open]');
      await page.keyboard.press('2');
      picker.push(await pickerShown());
      await page.getByRole('dialog', { name: /Which claim does this confirmation/ }).waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('0');
      await page.locator('[aria-selected="true"][data-kind="none"]').first().waitFor();
      // A reviewer reads before the next key: let the edits reach the disk first.
      await saved.waitFor();
      await page.waitForTimeout(200);
    }
    const api = apiClient(host.url);
    const times: number[] = [];
    for (let i = 0; i < KEY_PRESSES; i++) {
      const [start, end] = large.spans[LARGE_REVIEW_TAGS + i] as [number, number];
      const started = performance.now();
      await api('tagSentence', {
        reviewId: large.reviewId,
        documentId: large.documentId,
        start,
        end,
        kind: 'claim',
      });
      times.push(performance.now() - started);
    }
    await page.close();
    return { ui, picker, api: times, transferred };
  } finally {
    await stopServe(host);
  }
}

/** p50, p95 and max of some timings, rounded. */
function stats(timings: number[]): number[] {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return [at(0.5), at(0.95), sorted.at(-1) ?? NaN].map((v) => Math.round(v));
}

/** Seconds to import `text` into a new review through the API and read it back (no page). */
export async function apiImportSeconds(api: ReturnType<typeof apiClient>, text: string) {
  const created = await api('createReview', { name: 'Baseline' });
  const started = performance.now();
  const added = await api('addDocument', {
    reviewId: created.id,
    fileName: 'baseline.txt',
    bytes: { $bytes: Buffer.from(text + '\n').toString('base64') },
  });
  await api('getDocumentText', { documentId: added.document.id });
  return (performance.now() - started) / 1000;
}

/** Calls the browser host's API from Node with the launch token; returns the success value. */
export function apiClient(url: string) {
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
