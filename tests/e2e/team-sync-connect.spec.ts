// Connecting from the app, with no sync flags: Ana opens Team sync… by keyboard, enters the
// team's server and a secret, shares the review and reads the address to give; Ben joins with it
// through his own dialog and sees Ana's tag. Ben's host then restarts and, without his touching
// the dialog, Ana's next tag reaches him (the settings were stored: the token in a 0600 file of
// its own, never in connection.json).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  createReview,
  expect,
  importTextFile,
  reviewFileOnDisk,
  startServe,
  stopServe,
  test,
} from './browser-host';
import { seriousFindings } from '../support/axe-audit';
import { folderOf, freePort, startSyncServer, stopProcess } from './sync-hosts';

const TEXT = 'The letter says troops will leave. The minister denied any withdrawal. Rain fell.';
const SECRET = 'e2e-team-connect-secret-0123456789abcdef';

/** Opens Team sync… from the review menu by keyboard; resolves with the dialog. */
async function openTeamSync(page: Page): Promise<Locator> {
  const menuButton = page.getByRole('button', { name: 'Review menu' });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: 'Team sync…' });
  for (let i = 0; i < 12 && !(await item.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Team sync' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Sync server address')).toBeFocused();
  return dialog;
}

/** Types into the focused field, then Tabs on. */
async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function tagFirst(page: Page, key: string, row = 0) {
  const list = page.getByRole('listbox', { name: 'Sentences of letter' });
  await list.focus();
  for (let i = 0; i < row; i++) await page.keyboard.press('j');
  await page.keyboard.press(key);
}

test('a review shared and joined from the Team sync dialog syncs, and again after a restart', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-team-connect-'));
  const port = await freePort();
  const serverUrl = `ws://127.0.0.1:${port}`;
  const server = await startSyncServer(port, join(root, 'server'));
  const ana = await startServe(folderOf(dataDir, 'Ana'));
  const benDir = folderOf(dataDir, 'Ben');
  let ben = await startServe(benDir);
  const pageB = await page.context().newPage();
  await pageB.setViewportSize({ width: 1280, height: 800 });
  // The secret goes to main and never comes back in a reply.
  const replies: Promise<string>[] = [];
  for (const p of [page, pageB]) {
    p.on('response', (r) => {
      if (r.request().method() === 'POST') replies.push(r.text().catch(() => ''));
    });
  }
  try {
    await page.goto(ana.url);
    await createReview(page, 'Shared');
    const rowsA = await importTextFile(page, 'letter.txt', TEXT);

    // Ana: server, secret, share — every control by keyboard; the address shows to be copied.
    const dialogA = await openTeamSync(page);
    await expect(dialogA.getByRole('status').first()).toHaveText(/Not syncing/);
    await typeAndTab(page, serverUrl);
    await expect(dialogA.getByLabel('The review’s secret')).toBeFocused();
    await expect(dialogA.getByLabel('The review’s secret')).toHaveAttribute('type', 'password');
    await typeAndTab(page, SECRET);
    await expect(dialogA.getByRole('button', { name: 'New secret' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialogA.getByLabel('Show the secret')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialogA.getByLabel('Share this review')).toBeFocused();
    await expect(dialogA.getByLabel('Share this review')).toBeChecked();
    await page.keyboard.press('Tab');
    const share = dialogA.getByRole('button', { name: 'Share this review' });
    await expect(share).toBeFocused();
    await page.screenshot({ path: '/tmp/team-sync-dialog-light.png' });
    expect(await seriousFindings(page, 'dialog')).toEqual([]);
    await page.keyboard.press('Enter');
    const addressA = dialogA.getByLabel(/Address for teammates/);
    await expect(addressA).toBeFocused({ timeout: 15_000 });
    const documentUrl = await addressA.inputValue();
    expect(documentUrl).toMatch(/^automerge:\w+$/);
    await expect(dialogA.getByRole('button', { name: 'Copy' })).toBeVisible();
    await expect(dialogA.getByRole('button', { name: 'Stop syncing' })).toBeVisible();
    await expect(dialogA.getByRole('status').first()).toHaveText(/^Team: online/, {
      timeout: 15_000,
    });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: '/tmp/team-sync-dialog-dark.png' });
    expect(await seriousFindings(page, 'dialog')).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect(dialogA).toBeHidden();
    await expect(page.getByRole('button', { name: 'Review menu' })).toBeFocused();

    // Ben: a review of his own joins Ana's with the address and the secret.
    await pageB.goto(ben.url);
    await createReview(pageB, 'Mine');
    const dialogB = await openTeamSync(pageB);
    await typeAndTab(pageB, serverUrl);
    await typeAndTab(pageB, SECRET);
    await dialogB.getByLabel('Join a teammate’s review').check();
    // A wrong address is refused in words, next to the fields.
    await dialogB.getByLabel('Address they gave you').fill('not-an-address');
    await dialogB.getByRole('button', { name: 'Join' }).click();
    await expect(dialogB.getByRole('alert')).toHaveText(/is not a shared review’s address/);
    await dialogB.getByLabel('Address they gave you').fill(documentUrl);
    await dialogB.getByRole('button', { name: 'Join' }).focus();
    await pageB.keyboard.press('Enter');
    await expect(dialogB.getByLabel(/Address for teammates/)).toHaveValue(documentUrl, {
      timeout: 20_000,
    });
    await pageB.keyboard.press('Escape');
    await expect(pageB.getByRole('button', { name: 'Shared', exact: true })).toBeVisible();
    const rowsB = await importTextFile(pageB, 'letter.txt', TEXT);

    // Live: Ana's claim reaches Ben's window.
    await expect(page.getByRole('status', { name: 'Team sync' })).toHaveText(
      'Team: online · also here: Ben',
      { timeout: 15_000 },
    );
    await tagFirst(page, '1');
    await expect(rowsA.first()).toHaveAttribute('data-kind', 'claim');
    await expect(rowsB.first()).toHaveAttribute('data-kind', 'claim', { timeout: 10_000 });

    // Ben's host restarts; nobody opens the dialog; Ana's next tag reaches him.
    await stopServe(ben);
    ben = await startServe(benDir);
    await pageB.goto(ben.url);
    const rowsB2 = pageB
      .getByRole('region', { name: 'letter' })
      .getByRole('listbox')
      .getByRole('option');
    await expect(rowsB2.first()).toHaveAttribute('data-kind', 'claim');
    await expect(pageB.getByRole('status', { name: 'Team sync' })).toHaveText(
      'Team: online · also here: Ana',
      { timeout: 15_000 },
    );
    await tagFirst(page, '3', 1);
    await expect(rowsA.nth(1)).toHaveAttribute('data-kind', 'contradiction');
    await expect(rowsB2.nth(1)).toHaveAttribute('data-kind', 'contradiction', {
      timeout: 10_000,
    });

    // On disk: Ben's review file holds both tags; the secret is in a 0600 file of its own.
    await expect
      .poll(() =>
        reviewFileOnDisk<{ tags: { kind: string }[] }>(benDir)
          .tags.map((t) => t.kind)
          .sort(),
      )
      .toEqual(['claim', 'contradiction']);
    const [reviewId] = readdirSync(join(benDir, 'sync'));
    const folder = join(benDir, 'sync', reviewId ?? '');
    expect(readFileSync(join(folder, 'token'), 'utf8').trim()).toBe(SECRET);
    if (process.platform !== 'win32')
      expect(statSync(join(folder, 'token')).mode & 0o777).toBe(0o600);
    const connection = readFileSync(join(folder, 'connection.json'), 'utf8');
    expect(connection).not.toContain(SECRET);
    expect(JSON.parse(connection)).toEqual({ serverUrl, documentUrl, enabled: true });
    expect(ana.output() + ben.output()).not.toContain(SECRET);
    const bodies = await Promise.all(replies);
    expect(bodies.some((b) => b.includes('"hasToken":true'))).toBe(true);
    expect(bodies.filter((b) => b.includes(SECRET))).toEqual([]);
  } finally {
    await pageB.close();
    await stopServe(ben);
    await stopServe(ana);
    await stopProcess(server);
    rmSync(root, { recursive: true, force: true });
  }
});
