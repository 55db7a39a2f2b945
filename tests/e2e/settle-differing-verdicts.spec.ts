// Two reviewers judge the same claim of the same document differently. Importing the colleague's
// file shows both verdicts side by side; keeping the colleague's puts it in the claims panel and
// the review file, listing the replaced one instead; keeping that takes the conflict off the list.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { seriousFindings } from '../support/axe-audit';
import { createReview, expect, importTextFile, startServe, stopServe, test } from './browser-host';

const TEXT = 'The letter says troops will leave. The minister denied any withdrawal. Rain fell.';

interface StoredReview {
  tags: { id: string; kind: string }[];
  judgements?: Record<string, { verdict: string; confidence: string; author: string }>;
  sharing?: { judgementConflicts?: unknown[] };
}

function reviewOnDisk(dataDir: string): StoredReview {
  const folder = join(dataDir, 'reviews');
  const [file] = readdirSync(folder).filter((f) => f.endsWith('.json'));
  return JSON.parse(readFileSync(join(folder, file ?? ''), 'utf8')) as StoredReview;
}

/**
 * As `reviewer`, in a new review: imports the letter, tags its first sentence a claim and gives
 * it a verdict from the keyboard (`steps` arrow presses down the scale from “almost no chance”).
 */
async function judgeTheLetter(
  page: Page,
  reviewer: string,
  steps: number,
  rationale: string,
): Promise<Locator> {
  const prompt = page.getByRole('region', { name: 'Who is reviewing?' });
  await prompt.getByLabel('Your name').fill(reviewer);
  await prompt.getByLabel('Your name').press('Enter');
  await expect(prompt).toBeHidden();
  await createReview(page, `${reviewer}’s review`);
  await expect(await importTextFile(page, 'letter.txt', TEXT)).toHaveCount(3);
  await page.keyboard.press('Tab');
  await page.keyboard.press('1');
  await page.keyboard.press('v');
  const dialog = page.getByRole('dialog', { name: 'Your verdict on this claim' });
  await expect(dialog.getByRole('radio', { name: /^almost no chance/ })).toBeFocused();
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowUp'); // from moderate to high confidence
  await page.keyboard.press('Tab');
  await page.keyboard.type(rationale);
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');
  return page
    .getByRole('complementary', { name: 'Claims' })
    .getByRole('listitem', { name: /The letter says/ });
}

/** Presses Tab until `target` has focus (at most `limit` times); fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a colleague’s different verdict is shown beside mine, kept on request, then settled', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const folder = mkdtempSync(join(tmpdir(), 'crosscheck-verdicts-'));
  try {
    // The colleague: “very unlikely” (high confidence), exported.
    await page.goto(host.url);
    const theirs = await judgeTheLetter(page, 'Ana Colleague', 1, 'The minister denied it.');
    await expect(theirs).toContainText('Your verdict: very unlikely (high confidence)');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export annotations' }).click();
    const file = join(folder, 'ana.crosscheck.json');
    await (await downloading).saveAs(file);

    // Me, later: “likely” (high confidence) on the same sentence; then I import Ana's file.
    const mine = await startServe(join(folder, 'mine'));
    try {
      await page.goto(mine.url);
      const claim = await judgeTheLetter(page, 'Bo Reviewer', 4, 'The letter is real.');
      await expect(claim).toContainText('Your verdict: likely (high confidence)');

      await page.getByLabel('Import annotations').setInputFiles(file);
      const dialog = page.getByRole('dialog', { name: 'Annotations imported' });
      const differ = dialog
        .getByLabel('Import summary')
        .locator('div', { has: page.getByText('Verdicts differ', { exact: true }) });
      await expect(differ.locator('dd')).toHaveText('1');
      const heading = dialog.getByRole('heading', { name: /^Conflicts \(\d+\)$/ });
      const before = Number(/\d+/.exec((await heading.textContent()) ?? '')?.[0]);
      expect(before).toBeGreaterThan(0);
      const conflict = dialog.getByRole('listitem', {
        name: 'Verdicts differ on “The letter says troops will leave.”',
      });
      // The later verdict (mine) is in use; Ana's is set aside; each says who, when and why.
      const inUse = conflict.locator('.version').first();
      const setAside = conflict.locator('.version').nth(1);
      await expect(inUse).toContainText('Verdict in use');
      await expect(inUse).toContainText('likely (high confidence)');
      await expect(inUse).toContainText('The letter is real.');
      await expect(inUse).toContainText('Bo Reviewer · changed');
      await expect(setAside).toContainText('Set aside');
      await expect(setAside).toContainText('very unlikely (high confidence)');
      await expect(setAside).toContainText('The minister denied it.');
      await expect(setAside).toContainText('Ana Colleague · changed');
      expect(await seriousFindings(page, 'dialog')).toEqual([]);
      await dialog.screenshot({ path: '.screens/verdict-conflict.png' });

      // From the keyboard: Tab to “Use the set-aside verdict”, Enter.
      const useOther = conflict.getByRole('button', { name: 'Use the set-aside verdict' });
      await tabTo(page, useOther);
      await page.keyboard.press('Enter');
      await expect(claim).toContainText('Your verdict: very unlikely (high confidence)');
      await expect(claim).toContainText('The minister denied it.');
      // Focus stays on the redrawn conflict, never lost to the page.
      await expect(useOther).toBeFocused();
      // Nothing lost: my verdict is now the one set aside.
      await expect(inUse).toContainText('very unlikely (high confidence)');
      await expect(inUse).toContainText('Ana Colleague');
      await expect(setAside).toContainText('likely (high confidence)');
      await expect(setAside).toContainText('Bo Reviewer');
      await expect(heading).toHaveText(`Conflicts (${before})`);
      await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');
      let stored = reviewOnDisk(mine.dataDir);
      const claimId = stored.tags.find((t) => t.kind === 'claim')?.id ?? '';
      expect(stored.judgements?.[claimId]).toMatchObject({
        verdict: 'very unlikely',
        confidence: 'high',
        author: 'Ana Colleague',
      });
      expect(stored.sharing?.judgementConflicts).toHaveLength(1);

      // Keeping it takes the conflict off the list, in the dialog and in the file.
      const keep = conflict.getByRole('button', { name: 'Keep the verdict in use' });
      await tabTo(page, keep);
      await page.keyboard.press('Enter');
      await expect(conflict).toHaveCount(0);
      await expect(heading).toHaveText(`Conflicts (${before - 1})`);
      await expect(heading).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
      await expect(
        page.getByText('“ana.crosscheck.json” was imported: 1 verdict differs: see Conflicts.'),
      ).toBeVisible();
      await expect(claim).toContainText('Your verdict: very unlikely (high confidence)');
      await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');
      stored = reviewOnDisk(mine.dataDir);
      expect(stored.judgements?.[claimId]).toMatchObject({ verdict: 'very unlikely' });
      expect(stored.sharing?.judgementConflicts).toBeUndefined();

      // After a reload the verdict is still Ana's and the conflict does not come back.
      await page.reload();
      await expect(claim).toContainText('Your verdict: very unlikely (high confidence)');
    } finally {
      await stopServe(mine);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
