// A reviewer clears tags they saved earlier, with every key and the Clear button, and finds them
// gone on screen, after a reload, and in the review file on disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createReview, expect, test, importTextFile } from './browser-host';

/** The tags in the review file on disk (the only review of the data folder). */
function tagsOnDisk(dataDir: string): { kind: string; anchor: { exact: string } }[] {
  const folder = join(dataDir, 'reviews');
  const file = readdirSync(folder).find((f) => f.endsWith('.json'));
  if (!file) throw new Error('no review file');
  return (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { tags: [] }).tags;
}

async function savedIndicator(page: Page) {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');
}

test('saved tags clear with 0, Delete, Backspace and the Clear button — on screen and on disk', async ({
  page,
  host,
  dataDir,
}) => {
  await page.goto(host.url);
  await createReview(page, 'Clearing');
  const text = ['One is a claim.', 'Two is a claim.', 'Three is a claim.', 'Four is a claim.'];
  await importTextFile(page, 'four.txt', text.join(' '));
  const pane = page.getByRole('region', { name: 'four' });
  const list = pane.getByRole('listbox');
  await expect(list.getByRole('option')).toHaveCount(4);

  // Tag all four, and make sure they are saved before the page goes away.
  await page.keyboard.press('Tab');
  await expect(list).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('1');
    await page.keyboard.press('j');
  }
  await expect(pane.locator('[data-kind="claim"]')).toHaveCount(4);
  await savedIndicator(page);
  expect(tagsOnDisk(dataDir)).toHaveLength(4);

  // A new session: the tags come from disk.
  await page.reload();
  await expect(pane.locator('[data-kind="claim"]')).toHaveCount(4);
  await page.keyboard.press('Tab');
  await expect(list).toBeFocused();

  await page.keyboard.press('0');
  await expect(list.getByRole('option').nth(0)).toHaveAttribute('data-kind', 'none');
  await page.keyboard.press('j');
  await page.keyboard.press('Delete');
  await expect(list.getByRole('option').nth(1)).toHaveAttribute('data-kind', 'none');
  await page.keyboard.press('j');
  await page.keyboard.press('Backspace');
  await expect(list.getByRole('option').nth(2)).toHaveAttribute('data-kind', 'none');
  await page.keyboard.press('j');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(list.getByRole('option').nth(3)).toHaveAttribute('data-kind', 'none');

  // They stay cleared: after a moment, after the save, after a reload, and on disk.
  await page.waitForTimeout(300);
  await expect(pane.locator('[data-kind="claim"]')).toHaveCount(0);
  await savedIndicator(page);
  expect(tagsOnDisk(dataDir)).toEqual([]);
  await page.reload();
  await expect(list.getByRole('option')).toHaveCount(4);
  await expect(pane.locator('[data-kind="claim"]')).toHaveCount(0);
});

test('a tag changed from confirmation to contradiction keeps its link and asks nothing', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createReview(page, 'Kinds');
  const rows = await importTextFile(
    page,
    'bridge.txt',
    'The bridge opens in May. Engineers confirmed May. The weather was mild.',
  );
  const pane = page.getByRole('region', { name: 'bridge' });
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('Tab');
  await page.keyboard.press('1');
  await page.keyboard.press('j');
  await page.keyboard.press('2');
  const picker = page.getByRole('dialog', { name: /Which claim does this confirmation/ });
  await expect(picker).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  // Focus is back in the sentence list, so the next key acts there.
  await expect(pane.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('3');
  await expect(rows.nth(1)).toHaveAttribute('data-kind', 'contradiction');
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const claim = page
    .getByRole('complementary', { name: 'Claims' })
    .getByRole('listitem', { name: /The bridge opens in May/ });
  await expect(claim).toHaveAttribute('data-status', 'contradicted');

  // Leave the picker with Esc and clear at once: the key is not lost while focus comes back.
  await rows.nth(2).click();
  await page.keyboard.press('2');
  await expect(page.getByRole('dialog', { name: /Which claim/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('0');
  await expect(rows.nth(2)).toHaveAttribute('data-kind', 'none');
  await expect(pane.getByRole('listbox')).toBeFocused();
});
