// The Team sync dialog's Copy button gives the reviewer the address to send, whatever the page is
// allowed: through the clipboard API; where there is none, through the older copy command; and
// where neither works, by saying so and leaving the address selected so that Ctrl+C copies it.
// Each time the clipboard is read back from another page of the same browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './browser-host';
import { startSharingHost } from './sync-hosts';

const SECRET = 'e2e-team-copy-secret-0123456789abcdef';
const COPIED = 'Copied: give teammates this address and the review’s secret.';

/** What the page may use to copy: everything, no clipboard API, or not even the copy command. */
const PAGES = {
  'the clipboard API': '',
  'the copy command (no clipboard API)': `Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });`,
  'Ctrl+C (neither works)': `Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
     Document.prototype.execCommand = () => false;`,
};

/** Opens Ana's shared review's Team sync dialog in a new page that runs `script` first. */
async function teamSyncIn(context: BrowserContext, url: string, script: string) {
  const page = await context.newPage();
  if (script) await page.addInitScript(script);
  await page.goto(url);
  // The first window opens the review from the start screen; later ones reopen it by themselves.
  const menu = page.getByRole('button', { name: 'Review menu' });
  const listed = page.getByRole('list', { name: 'Your reviews' }).getByRole('button', {
    name: 'Shared',
  });
  await expect(menu.or(listed)).toBeVisible();
  if (await listed.isVisible()) await listed.click();
  await menu.click();
  await page.getByRole('menuitem', { name: 'Team sync…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Team sync' });
  await expect(dialog).toBeVisible();
  return { page, dialog };
}

/** The clipboard's text, read by a page that may read it. */
async function clipboardText(reader: Page): Promise<string> {
  return reader.evaluate(() => navigator.clipboard.readText());
}

test('Copy gives the address to send, with the clipboard API, the copy command or Ctrl+C', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-team-copy-'));
  const team = await startSharingHost(root, SECRET);
  try {
    await page.goto(team.ana.url); // the reader: a page of the same browser with the clipboard API
    for (const [way, script] of Object.entries(PAGES)) {
      await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
      const { page: ana, dialog } = await teamSyncIn(context, team.ana.url, script);
      const address = dialog.getByLabel(/Address for teammates/);
      await expect(address, way).toHaveValue(team.documentUrl);
      const copy = dialog.getByRole('button', { name: 'Copy' });
      await copy.focus();
      await ana.keyboard.press('Enter');
      if (way.startsWith('Ctrl+C')) {
        await expect(dialog.getByRole('status').last(), way).toHaveText(
          'Copying did not work here: the address is selected, press Ctrl+C to copy it.',
        );
        expect(await clipboardText(page), way).toBe('nothing yet');
        // The address is selected in its field, which has focus: Ctrl+C copies it.
        await expect(address).toBeFocused();
        expect(
          await address.evaluate((el: HTMLInputElement) =>
            el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0),
          ),
        ).toBe(team.documentUrl);
        await ana.keyboard.press('Control+C');
      } else {
        await expect(dialog.getByRole('status').last(), way).toHaveText(COPIED);
      }
      await expect.poll(() => clipboardText(page), { message: way }).toBe(team.documentUrl);
      await ana.close();
    }
  } finally {
    await team.close();
    rmSync(root, { recursive: true, force: true });
  }
});
