// Two reviewers tag the same two sentences: both call the first a claim; one calls the second a
// contradiction of it, the other a confirmation. Keeping the colleague's version keeps its link to
// the claim, and settling the conflict takes it off the list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createReview, expect, startServe, stopServe, test, importTextFile } from './browser-host';

const TEXT = 'The letter says troops will leave. The minister denied any withdrawal. Rain fell.';

/** In a new review: imports the text, tags sentence 1 a claim and sentence 2 `evidence`. */
async function tagTwo(page: Page, name: string, evidence: '2' | '3'): Promise<void> {
  await createReview(page, name);
  const rows = await importTextFile(page, 'letter.txt', TEXT);
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('Tab');
  await page.keyboard.press('1');
  await page.keyboard.press('j');
  await page.keyboard.press(evidence);
  await expect(page.getByRole('dialog', { name: /Which claim/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');
}

test('keeping the set-aside version keeps its link; settled conflicts leave the list', async ({
  page,
  host,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'crosscheck-conflict-'));
  try {
    // A: claim + contradiction, exported.
    await page.goto(host.url);
    await tagTwo(page, 'Colleague', '3');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export annotations' }).click();
    const file = join(folder, 'colleague.crosscheck.json');
    await (await downloading).saveAs(file);

    // B: claim + confirmation, then imports A's file.
    const mine = await startServe(join(folder, 'mine'));
    try {
      await page.goto(mine.url);
      await tagTwo(page, 'Mine', '2');
      const claim = page
        .getByRole('complementary', { name: 'Claims' })
        .getByRole('listitem', { name: /The letter says/ });
      await expect(claim).toHaveAttribute('data-status', 'confirmed');

      await page.getByLabel('Import annotations').setInputFiles(file);
      const dialog = page.getByRole('dialog', { name: 'Annotations imported' });
      const heading = dialog.getByRole('heading', { name: /^Conflicts \(\d+\)$/ });
      const before = Number(/\d+/.exec((await heading.textContent()) ?? '')?.[0]);
      expect(before).toBeGreaterThan(0);
      const conflict = dialog.getByRole('listitem', { name: /Conflict on “The minister denied/ });
      await conflict.getByRole('button', { name: 'Use the set-aside version' }).click();
      // The colleague's contradiction now counts against the claim: its link came with it.
      await expect(claim).toHaveAttribute('data-status', 'contradicted');
      await expect(claim).toContainText('The minister denied any withdrawal.');

      await dialog
        .getByRole('listitem', { name: /Conflict on “The minister denied/ })
        .getByRole('button', { name: 'Keep the version in use' })
        .click();
      await expect(heading).toHaveText(`Conflicts (${before - 1})`);
      await expect(
        dialog.getByRole('listitem', { name: /Conflict on “The minister denied/ }),
      ).toHaveCount(0);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(claim).toHaveAttribute('data-status', 'contradicted');

      // Importing the same file again changes nothing and keeps the link.
      await page.getByLabel('Import annotations').setInputFiles(file);
      await page
        .getByRole('dialog', { name: 'Annotations imported' })
        .getByRole('button', { name: 'Close' })
        .click();
      await expect(claim).toHaveAttribute('data-status', 'contradicted');
    } finally {
      await stopServe(mine);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
