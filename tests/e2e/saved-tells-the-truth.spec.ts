// "● Saved" is shown only when the change is on disk: with the back end gone, a key press shows
// no tag and the bar says the work is not saved; after a restart the screen and the disk agree.
import { createReview, expect, startServe, stopServe, test, importTextFile } from './browser-host';

test('with the server stopped, a new tag is not shown and the bar says “Not saved”', async ({
  page,
  host,
  dataDir,
}) => {
  await page.goto(host.url);
  await createReview(page, 'Truth');
  const rows = await importTextFile(
    page,
    'three.txt',
    'Kept before the stop. Pressed after the stop. Never tagged.',
  );
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('Tab');
  await page.keyboard.press('1');
  await expect(rows.nth(0)).toHaveAttribute('data-kind', 'claim');
  const saveState = page.getByRole('status', { name: 'Save state' });
  await expect(saveState).toHaveText('● Saved');

  await stopServe(host);
  await page.keyboard.press('j');
  await page.keyboard.press('1');
  await expect(saveState).toHaveText(/Not saved/);
  await expect(page.getByRole('alert').filter({ hasText: 'not answering' }).first()).toBeVisible();
  await page.waitForTimeout(300);
  await expect(rows.nth(1)).toHaveAttribute('data-kind', 'none');

  // Leaving now asks first.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    }),
  );
  await page.evaluate(() => window.location.reload());
  expect(await asked).toBe('beforeunload');

  // Start again: what the screen showed as saved is there, and nothing else.
  const again = await startServe(dataDir);
  try {
    await page.goto(again.url);
    const reopened = page
      .getByRole('region', { name: 'three' })
      .getByRole('listbox')
      .getByRole('option');
    await expect(reopened).toHaveCount(3);
    await expect(reopened.nth(0)).toHaveAttribute('data-kind', 'claim');
    await expect(reopened.nth(1)).toHaveAttribute('data-kind', 'none');
    await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('● Saved');
  } finally {
    await stopServe(again);
  }
});
