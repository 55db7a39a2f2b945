// A review whose stored secret the sync server refuses at the next start does not sync, and the top
// bar says so until it does: Ben reaches "Not syncing with the team" with Tab, Enter opens Team
// sync with the server's reason; Stop syncing clears the warning, he joins again with the team's
// secret, the team's status returns and his next tag reaches Ana's review file on disk.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReview, expect, startServe, stopServe, test } from './browser-host';
import {
  checkSyncWarning,
  claimReachesAna,
  folderOf,
  joinInDialog,
  joinThroughDialog,
  startSharingHost,
  tokenFiles,
} from './sync-hosts';

const TEXT = 'The letter says troops will leave. The minister denied any withdrawal. Rain fell.';
const SECRET = 'e2e-sync-refused-secret-0123456789abcdef';
const OTHER = 'e2e-sync-refused-stale-0123456789abcdefgh';

test('a review whose secret the server refuses says so in the top bar until it syncs', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-sync-refused-'));
  const team = await startSharingHost(root, SECRET);
  const anaDir = join(root, 'Ana');
  const benDir = folderOf(root, 'Ben');
  let ben = await startServe(benDir);
  const pageA = await page.context().newPage();
  try {
    await page.goto(ben.url);
    await createReview(page, 'Mine');
    const again = { serverUrl: team.serverUrl, secret: SECRET, documentUrl: team.documentUrl };
    await joinThroughDialog(page, again);
    const teamStatus = page.getByRole('status', { name: 'Team sync' });
    await expect(teamStatus).toContainText('Team: online');

    // While his app is closed, Ben's stored secret becomes one the server does not accept.
    await stopServe(ben);
    const tokens = tokenFiles(benDir);
    expect(tokens).toHaveLength(1);
    writeFileSync(tokens[0] as string, `${OTHER}\n`);
    ben = await startServe(benDir);
    await page.goto(ben.url);
    await page.getByRole('button', { name: 'Shared', exact: true }).click();
    await page.getByRole('button', { name: 'Review menu' }).waitFor();

    // The top bar warns, with the server's reason; Tab reaches it and Enter opens Team sync.
    const warning = await checkSyncWarning(page, {
      reason: /does not accept this review’s secret/,
      dialogText: 'does not accept this review’s token',
      screens: 'sync-refused',
      timeout: 20_000,
    });
    const dialog = page.getByRole('dialog', { name: 'Team sync' });

    // What the dialog offers: Stop syncing clears the warning, then he joins again with the team's
    // secret in the same dialog and the team's status returns.
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Stop syncing' }).click();
    await expect(warning).toHaveCount(0);
    await expect(dialog.getByLabel('Sync server address')).toBeFocused();
    await joinInDialog(page, again);
    await expect(teamStatus).toContainText('Team: online');
    await expect(warning).toHaveCount(0);

    // It really syncs: his new claim reaches Ana's review file on disk.
    await claimReachesAna(
      page,
      pageA,
      { url: team.ana.url, dir: anaDir },
      {
        text: TEXT,
        second: 'The minister denied any withdrawal.',
      },
    );
  } finally {
    await stopServe(ben);
    await pageA.close();
    await team.close();
    rmSync(root, { recursive: true, force: true });
  }
});
