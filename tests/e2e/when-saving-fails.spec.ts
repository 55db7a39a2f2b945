// A reviewer's data folder becomes read-only mid-session: the bar says the work is not saved (also
// after a reload), a copy can be saved elsewhere, exports still work and the server stays up, and
// once the folder is writable again the kept changes reach the disk by themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeReadOnly } from '../support/read-only-folder';
import { createReview, expect, test, importTextFile } from './browser-host';

function tagsOnDisk(dataDir: string): number {
  const folder = join(dataDir, 'reviews');
  const file = readdirSync(folder).find((f) => f.endsWith('.json') && !f.includes('.unreadable'));
  if (!file) throw new Error('no review file');
  return (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { tags: unknown[] }).tags.length;
}

test('a save that fails says so, survives a reload, and is written once the disk is back', async ({
  page,
  host,
  dataDir,
}) => {
  await page.goto(host.url);
  await createReview(page, 'Fragile disk');
  const rows = await importTextFile(
    page,
    'three.txt',
    'Saved first. Tagged while the disk refuses. Left alone.',
  );
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('Tab');
  await page.keyboard.press('1');
  const saveState = page.getByRole('status', { name: 'Save state' });
  await expect(saveState).toHaveText('● Saved');
  expect(tagsOnDisk(dataDir)).toBe(1);

  const restore = makeReadOnly(join(dataDir, 'reviews'));
  try {
    await page.keyboard.press('j');
    await page.keyboard.press('1');
    await expect(rows.nth(1)).toHaveAttribute('data-kind', 'claim');
    await expect(saveState).toHaveText('▲ Not saved');
    await expect(
      page.getByRole('alert').filter({ hasText: 'not saved yet' }).first(),
    ).toBeVisible();

    // A reload does not pretend otherwise.
    await page.reload();
    await expect(rows.nth(1)).toHaveAttribute('data-kind', 'claim');
    await expect(saveState).toHaveText('▲ Not saved');
    await expect(
      page.getByRole('alert').filter({ hasText: 'not saved yet' }).first(),
    ).toBeVisible();

    // The work can be saved elsewhere: the annotation file holds both tags.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save a copy elsewhere…' }).click();
    const copy = await (await downloading).path();
    const saved = JSON.parse(readFileSync(copy, 'utf8')) as { total: number };
    expect(saved.total).toBe(2);

    // The brief exports too, and the server is still there afterwards.
    const brief = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export brief' }).click();
    expect((await brief).suggestedFilename()).toMatch(/\.pdf$/);
    await expect(page.getByRole('heading', { name: 'Claims (2)' })).toBeVisible();
    expect(tagsOnDisk(dataDir)).toBe(1);
  } finally {
    restore();
  }
  // Crosscheck keeps trying: with the folder writable again the change is saved on its own.
  await expect(saveState).toHaveText('● Saved', { timeout: 40_000 });
  expect(tagsOnDisk(dataDir)).toBe(2);
});
