// A reviewer tags the claim of the sample article and, from a wire report and a briefing
// transcript, sees a confirmation and a contradiction suggested with their reasons; accepts one
// with the keyboard, dismisses another, undoes and redoes, opens one in its pane, and after a
// reload finds the link and the dismissal kept, on screen and in the review file on disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seriousFindings } from '../support/axe-audit';
import { createReview, expect, repoFile, SAMPLE_ARTICLE, test } from './browser-host';

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
  await claims.getByRole('button', { name: /In letter says/ }).click();
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
