// A reviewer tags the claim of the sample article and, from a wire report and a briefing
// transcript, sees a confirmation and a contradiction suggested with their reasons; accepts one
// with the keyboard, dismisses another, undoes and redoes, opens one in its pane, and after a
// reload finds the link and the dismissal kept, on screen and in the review file on disk.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { seriousFindings } from '../support/axe-audit';
import {
  createReview,
  expect,
  repoFile,
  SAMPLE_ARTICLE,
  SOTU_2020,
  startServe,
  stopServe,
  test,
} from './browser-host';

const WIRE = repoFile('tests/fixtures/suggest-evidence/wire-baghdad-2020-01-06.txt');
const BRIEFING = repoFile('tests/fixtures/suggest-evidence/pentagon-briefing-2020-01-06.txt');

interface ReviewOnDisk {
  tags: { id: string; kind: string; claimIds?: string[]; anchor: { exact: string } }[];
  dismissals?: { claimId: string; anchor: { exact: string; prefix: string } }[];
}

/** The review file on disk (the only review of the data folder). */
function reviewOnDisk(dataDir: string): ReviewOnDisk {
  const folder = join(dataDir, 'reviews');
  const file = readdirSync(folder).find((f) => f.endsWith('.json'));
  if (!file) throw new Error('no review file');
  return JSON.parse(readFileSync(join(folder, file), 'utf8')) as ReviewOnDisk;
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');
}

test('suggested evidence: accept with 2, dismiss with x, undo, open, and both kept after a reload', async ({
  page,
  host,
  dataDir,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await createReview(page, 'Iraq letter suggestions');
  await page
    .getByLabel('Import documents', { exact: true })
    .setInputFiles([SAMPLE_ARTICLE, WIRE, BRIEFING]);
  const article = page.getByRole('region', { name: 'iraq-letter-2020-01-06' });
  const wire = page.getByRole('region', { name: 'wire-baghdad-2020-01-06' });
  const briefing = page.getByRole('region', { name: 'pentagon-briefing-2020-01-06' });
  await expect(briefing.getByRole('listbox').getByRole('option').first()).toContainText(
    'press briefing',
  );

  const panel = page.getByRole('region', { name: 'Suggestions' });
  await expect(panel).toContainText('Select a claim');

  // Tag the claim with the keyboard: Tab into the article, j j, 1.
  await page.keyboard.press('Tab');
  await expect(article.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('1');
  await expect(article.locator('[data-kind="claim"]')).toContainText('In letter says');

  // Suggestions for it, from every document, each with stance word and reasons.
  await expect(panel).toContainText('for In letter says');
  const list = panel.getByRole('listbox', { name: 'Suggested evidence' });
  const rows = list.getByRole('option');
  const confirmation = rows.filter({ hasText: 'BAGHDAD, Jan 6 (Reuters)' });
  await expect(confirmation).toHaveAttribute('data-stance', 'confirmation');
  await expect(confirmation).toContainText('Confirms');
  await expect(confirmation).toContainText('— wire-baghdad-2020-01-06');
  await expect(confirmation.getByRole('list', { name: 'Reasons' })).toContainText(
    'pull out ~ move out',
  );
  const draft = rows.filter({ hasText: 'MILLEY: That letter is a draft.' });
  await expect(draft).toHaveAttribute('data-stance', 'contradiction');
  await expect(draft).toContainText('Contradicts');
  await expect(draft.getByRole('list', { name: 'Reasons' })).toContainText('disputes it: draft');
  // Never the claim itself.
  await expect(rows.filter({ hasText: 'In letter says' })).toHaveCount(0);
  await expect(panel.getByRole('status')).toHaveCount(0); // indexing finished
  expect(await seriousFindings(page)).toEqual([]);
  await page.screenshot({ path: '.screens/suggest-evidence-light-1280.png' });

  // Shift+F6 from the article reaches the suggestions; the wire report's sentence is first.
  await page.keyboard.press('Shift+F6');
  await expect(list).toBeFocused();
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await expect(rows.first()).toContainText('BAGHDAD, Jan 6 (Reuters)');
  await page.keyboard.press('2');
  await expect(confirmation).toHaveCount(0);
  await expect(wire.locator('[data-kind="confirmation"]')).toContainText('BAGHDAD, Jan 6');
  const claims = page.getByRole('complementary', { name: 'Claims' });
  await expect(claims.getByRole('listitem', { name: /In letter says/ })).toHaveAttribute(
    'data-status',
    'confirmed',
  );
  // Focus stays in the list, on the next suggestion.
  await expect(list).toBeFocused();
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');

  // Down to the briefing's "draft" and dismiss it with x.
  for (let i = 0; i < 10; i++) {
    if ((await draft.getAttribute('aria-selected')) === 'true') break;
    await page.keyboard.press('j');
  }
  await expect(draft).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('x');
  await expect(draft).toHaveCount(0);
  await expect(list).toBeFocused();
  await expect(list.locator('[aria-selected="true"]')).toHaveCount(1);

  // Ctrl+Z brings the dismissed suggestion back, Ctrl+Shift+Z dismisses it again; the
  // accepted link is one undo step of its own.
  await page.keyboard.press('Control+z');
  await expect(draft).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(draft).toHaveCount(0);

  // Enter opens a suggestion in its pane with its sentence selected.
  const lettersDraft = rows.filter({ hasText: 'General Milley has just said' });
  for (let i = 0; i < 10; i++) {
    if ((await lettersDraft.getAttribute('aria-selected')) === 'true') break;
    await page.keyboard.press('k');
  }
  await expect(lettersDraft).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(article.getByRole('listbox').getByRole('option', { selected: true })).toContainText(
    'General Milley has just said',
  );
  await expect(list).toBeFocused();

  for (const [scheme, width, height] of [
    ['light', 1600, 1000],
    ['dark', 1280, 800],
    ['dark', 1600, 1000],
  ] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({ path: `.screens/suggest-evidence-${scheme}-${width}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // On disk: the confirmation linked to the claim, and the dismissal with its anchor.
  await saved(page);
  const disk = reviewOnDisk(dataDir);
  const claim = disk.tags.find((t) => t.kind === 'claim');
  const accepted = disk.tags.find((t) => t.kind === 'confirmation');
  expect(accepted?.anchor.exact).toMatch(/^BAGHDAD, Jan 6 \(Reuters\)/);
  expect(accepted?.claimIds).toEqual([claim?.id]);
  expect(disk.dismissals).toHaveLength(1);
  expect(disk.dismissals?.[0]).toMatchObject({
    claimId: claim?.id,
    anchor: { exact: 'MILLEY: That letter is a draft.', prefix: expect.stringContaining('Q:') },
  });

  // After a reload: select the claim again; the link and the dismissal hold.
  await page.reload();
  await claims.getByRole('button', { name: /^In letter says/ }).click();
  await expect(panel).toContainText('for In letter says');
  await expect(rows.filter({ hasText: 'General Milley has just said' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'MILLEY: That letter is a draft.' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'BAGHDAD, Jan 6 (Reuters)' })).toHaveCount(0);
  await expect(claims.getByRole('listitem', { name: /In letter says/ })).toHaveAttribute(
    'data-status',
    'confirmed',
  );
  await expect(wire.locator('[data-kind="confirmation"]')).toContainText('BAGHDAD, Jan 6');
});

/** State of the Union speeches, oldest first, up to about `bytes` in all. */
function speeches(bytes: number): string[] {
  const folder = dirname(SOTU_2020);
  const files: string[] = [];
  let total = 0;
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.txt') || total >= bytes) continue;
    files.push(join(folder, name));
    total += statSync(join(folder, name)).size;
  }
  return files;
}

test('indexing 5 MB of documents shows its progress while keys still answer', async ({
  page,
  host,
  dataDir,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await createReview(page, 'Five megabytes');
  await page
    .getByLabel('Import documents', { exact: true })
    .setInputFiles([SAMPLE_ARTICLE, ...speeches(5_000_000)]);
  await expect(page.getByText(/Importing “/)).toHaveCount(0, { timeout: 180_000 });
  await saved(page);

  // A fresh back end has no index yet: opening the review builds it in the background.
  await stopServe(host);
  const again = await startServe(dataDir);
  try {
    await page.goto(again.url);
    const article = page.getByRole('region', { name: 'iraq-letter-2020-01-06' });
    const sentences = article.getByRole('listbox');
    await expect(sentences.getByRole('option').first()).toContainText('date 2020-01-06');
    await sentences.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('1');
    const panel = page.getByRole('region', { name: 'Suggestions' });
    await expect(panel).toContainText('for In letter says');
    const status = panel.getByRole('status');
    await expect(status).toHaveText(/Indexing \d+ of 107\s+documents… \d+%/);
    await page.screenshot({ path: '.screens/suggest-evidence-indexing-1280.png' });

    // While it runs, the pane still answers keys at once.
    const selected = sentences.getByRole('option', { selected: true });
    await page.keyboard.press('j');
    await expect(selected).toContainText('The redeployment of Soldiers', { timeout: 1000 });
    await page.keyboard.press('k');
    await expect(selected).toContainText('In letter says', { timeout: 1000 });
    await expect(status).toBeVisible();

    // When it is done, the progress goes and suggestions come from the speeches too.
    await expect(status).toHaveCount(0, { timeout: 120_000 });
    const rows = panel.getByRole('listbox', { name: 'Suggested evidence' }).getByRole('option');
    await expect(rows.filter({ hasText: '— iraq-letter-2020-01-06' }).first()).toBeVisible();
    await expect(rows.filter({ hasNotText: '— iraq-letter-2020-01-06' }).first()).toBeVisible();
  } finally {
    await stopServe(again);
  }
});
